/**
 * STarT Back Screening Tool scoring (Hill et al., Arthritis Rheum 2008;59:632-41; Keele
 * University). Items 1–8 are agree (1) / disagree (0); item 9 has five answers and scores 1
 * for "meget" and "ekstremt". Total ≤ 3: low risk; otherwise the psychosocial subscale
 * (items 5–9) ≥ 4: high risk, else medium. The item wording below is our own summary, not
 * the validated Danish translation.
 */

export const AGREE_ITEMS = [
  'Mine rygsmerter har på et tidspunkt i de sidste 2 uger bredt sig ned i det ene eller begge ben.',
  'Jeg har på et tidspunkt i de sidste 2 uger haft ondt i skulderen eller nakken.',
  'På grund af mine rygsmerter har jeg kun gået korte ture.',
  'I de sidste 2 uger har jeg på grund af rygsmerterne været længere tid om at klæde mig på end normalt.',
  'Med en ryg som min er det ikke rigtig sikkert at være fysisk aktiv.',
  'Jeg har tit gået og bekymret mig om min ryg.',
  'Mine rygsmerter er forfærdelige, og jeg tror ikke, de nogensinde bliver bedre.',
  'Jeg har generelt ikke haft glæde af de ting, jeg plejede at holde af.',
] as const;

export const BOTHER_ITEM = 'Alt i alt: Hvor meget har dine rygsmerter generet dig i de sidste 2 uger?';
export const BOTHER_ANSWERS = ['slet-ikke', 'lidt', 'moderat', 'meget', 'ekstremt'] as const;
export type BotherAnswer = (typeof BOTHER_ANSWERS)[number];
export const BOTHER_LABELS: Record<BotherAnswer, string> = {
  'slet-ikke': 'Slet ikke',
  lidt: 'Lidt',
  moderat: 'Moderat',
  meget: 'Meget',
  ekstremt: 'Ekstremt',
};

export interface StartBackAnswers {
  /** Items 1–8 in order: true = enig. */
  agree: readonly boolean[];
  bother: BotherAnswer;
}

export type RiskGroup = 'lav' | 'middel' | 'hoej';

export interface StartBackScore {
  total: number;
  psychosocial: number;
  group: RiskGroup;
}

export function scoreStartBack({ agree, bother }: StartBackAnswers): StartBackScore {
  if (agree.length !== AGREE_ITEMS.length) throw new Error(`STarT Back needs ${AGREE_ITEMS.length} agree/disagree answers`);
  const item9 = bother === 'meget' || bother === 'ekstremt' ? 1 : 0;
  const total = agree.filter(Boolean).length + item9;
  const psychosocial = agree.slice(4).filter(Boolean).length + item9;
  const group: RiskGroup = total <= 3 ? 'lav' : psychosocial >= 4 ? 'hoej' : 'middel';
  return { total, psychosocial, group };
}
