import { BODY_PARTS, CONDITIONS, EVERYDAY, EXERCISES, TREATMENTS, VERBS } from './vocabulary.js';

/**
 * A large generated vocabulary for the synthetic articles, so search meets as many distinct
 * words as a real knowledge base (tens of thousands), not the few hundred of the hand-written
 * lists. Danish-looking compounds are formed from our own lists (bench/vocabulary.ts): a
 * modifier (body part, everyday noun, treatment, exercise, condition or verb stem), a linking
 * "s" where Danish puts one (after -ing, -hed, -tion, -else …), and a head noun in all four
 * forms: "skulderbelastning", "skulderbelastningen", "skulderbelastninger",
 * "skulderbelastningerne". Most are plausible, some are odd; all are deterministic.
 */

/** [singular, singular definite, plural, plural definite]. */
export type Paradigm = readonly [string, string, string, string];

const HEADS: readonly Paradigm[] = [
  ['smerte', 'smerten', 'smerter', 'smerterne'], ['øvelse', 'øvelsen', 'øvelser', 'øvelserne'],
  ['skade', 'skaden', 'skader', 'skaderne'], ['træning', 'træningen', 'træninger', 'træningerne'],
  ['problem', 'problemet', 'problemer', 'problemerne'], ['muskel', 'musklen', 'muskler', 'musklerne'],
  ['behandling', 'behandlingen', 'behandlinger', 'behandlingerne'], ['belastning', 'belastningen', 'belastninger', 'belastningerne'],
  ['stivhed', 'stivheden', 'stivheder', 'stivhederne'], ['undersøgelse', 'undersøgelsen', 'undersøgelser', 'undersøgelserne'],
  ['bevægelse', 'bevægelsen', 'bevægelser', 'bevægelserne'], ['stilling', 'stillingen', 'stillinger', 'stillingerne'],
  ['funktion', 'funktionen', 'funktioner', 'funktionerne'], ['skinne', 'skinnen', 'skinner', 'skinnerne'],
  ['sene', 'senen', 'sener', 'senerne'], ['nerve', 'nerven', 'nerver', 'nerverne'],
  ['plan', 'planen', 'planer', 'planerne'], ['program', 'programmet', 'programmer', 'programmerne'],
  ['forløb', 'forløbet', 'forløb', 'forløbene'], ['kursus', 'kurset', 'kurser', 'kurserne'],
  ['pude', 'puden', 'puder', 'puderne'], ['måling', 'målingen', 'målinger', 'målingerne'],
  ['teknik', 'teknikken', 'teknikker', 'teknikkerne'], ['test', 'testen', 'test', 'testene'],
  ['vejledning', 'vejledningen', 'vejledninger', 'vejledningerne'], ['gene', 'genen', 'gener', 'generne'],
  ['hævelse', 'hævelsen', 'hævelser', 'hævelserne'], ['ømhed', 'ømheden', 'ømheder', 'ømhederne'],
  ['rutine', 'rutinen', 'rutiner', 'rutinerne'], ['pause', 'pausen', 'pauser', 'pauserne'],
  ['støtte', 'støtten', 'støtter', 'støtterne'], ['kontrol', 'kontrollen', 'kontroller', 'kontrollerne'],
  ['styrke', 'styrken', 'styrker', 'styrkerne'], ['type', 'typen', 'typer', 'typerne'],
  ['grad', 'graden', 'grader', 'graderne'], ['spænding', 'spændingen', 'spændinger', 'spændingerne'],
  ['øvelsesserie', 'øvelsesserien', 'øvelsesserier', 'øvelsesserierne'], ['periode', 'perioden', 'perioder', 'perioderne'],
];

const LINKED = /(ing|hed|tion|else|skab|dom|sel|ning)$/;
const singleWords = (list: readonly string[]) => list.filter((w) => /^\p{L}+$/u.test(w));

function modifiers(): string[] {
  const verbStems = VERBS.map(([inf]) => inf).filter((v) => /^\p{L}+$/u.test(v)).map((v) => (v.length > 3 && v.endsWith('e') ? v.slice(0, -1) : v));
  const all = [
    ...BODY_PARTS.map(([indefinite]) => indefinite),
    ...singleWords(EVERYDAY), ...singleWords(TREATMENTS), ...singleWords(EXERCISES), ...singleWords(CONDITIONS), ...verbStems,
  ];
  return [...new Set(all.map((w) => w.toLowerCase()))].sort();
}

let cached: Paradigm[] | null = null;

/** Every generated compound, in a fixed order (the article generator ranks them with a seeded shuffle). */
export function lexicon(): readonly Paradigm[] {
  if (cached) return cached;
  const seen = new Set<string>();
  const out: Paradigm[] = [];
  for (const modifier of modifiers()) {
    const stem = LINKED.test(modifier) ? `${modifier}s` : modifier;
    for (const head of HEADS) {
      if (modifier === head[0] || modifier.endsWith(head[0])) continue;
      const forms = head.map((form) => `${stem}${form}`) as unknown as Paradigm;
      if (seen.has(forms[0])) continue;
      seen.add(forms[0]);
      out.push(forms);
    }
  }
  cached = out;
  return out;
}

/** Distinct word forms the lexicon can write. */
export function lexiconWords(): string[] {
  return [...new Set(lexicon().flat())];
}
