import { formatDanishDate } from '../text/dates.js';
import { formatShortDecimal } from '../text/numbers.js';
import { BAND_LABELS } from './equipment-steps.js';
import type { MorningReading, WeeklyRise } from './pain.js';
import type { Attempt, Change, RuleId, StepUp } from './progression.js';
import type { Load, ProgramItem } from './types.js';

/**
 * The Danish words of a proposal: for the behandler (what fired, on which logs, what to
 * change and why) and, for reductions, for the patient at once, in plain language.
 */

export interface ReductionFacts {
  item: ProgramItem;
  rule: RuleId;
  latest: Attempt;
  morning: MorningReading | null;
  weekly: WeeklyRise | null;
  change: Change | null;
}

export interface IncreaseFacts {
  item: ProgramItem;
  pair: Attempt[];
  step: StepUp;
}

const num = formatShortDecimal;

/** "3 kg", "rød elastik", "kropsvægt". */
export function describeLoad(load: Load): string {
  if (load.kind === 'kg') return `${num(load.kg)} kg`;
  if (load.kind === 'band') return `${BAND_LABELS[load.colour].indefinite} elastik`;
  return 'kropsvægt';
}

const percent = (fraction: number) => `${fraction > 0 ? '+' : '−'}${num(Math.abs(fraction) * 100)} %`;

/** The change in the behandler's words: "belastningen fra 3 kg til 3,5 kg (+16,7 %)". */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'load': {
      const size = change.fraction === null || change.to.kind === 'bodyweight' ? '' : ` (${percent(change.fraction)})`;
      return `belastningen fra ${describeLoad(change.from)} til ${describeLoad(change.to)}${size}`;
    }
    case 'reps':
      return `gentagelserne pr. sæt fra ${change.from} til ${change.to}`;
    case 'holdSeconds':
      return `holdetiden fra ${change.from} til ${change.to} sekunder`;
    case 'level':
      return `niveauet i øvelseskæden fra ${change.from.name} til ${change.to.name}`;
  }
}

const pain = (p: number) => `${p} af 10`;
const day = (d: string) => formatDanishDate(d);

function reduceReason({ rule, latest, morning, weekly }: ReductionFacts): string {
  switch (rule) {
    case 'pain-during':
      return `smerten under øvelsen var ${pain(latest.entry.pain ?? 0)} den ${day(latest.log.date)} (over 5 er for meget)`;
    case 'worse-morning':
      return `patienten svarede "værre" morgenen efter (${day(morning!.checkIn.date)}, smerte ${pain(morning!.checkIn.pain)})`;
    case 'above-usual-morning':
      return `smerten morgenen efter (${day(morning!.checkIn.date)}) var ${pain(morning!.checkIn.pain)}, over patientens normale ${num(morning!.usual!)} (median af de sidste 7 morgener)`;
    case 'weekly-rise':
      return `morgensmerten steg fra ${num(weekly!.lastWeek)} i snit ugen før til ${num(weekly!.thisWeek)} i snit den seneste uge`;
    case 'two-for-two':
      return '';
  }
}

export const forBehandler = {
  reduce(facts: ReductionFacts): string {
    const { item, change } = facts;
    const what = change
      ? `Forslag: ændr ${describeChange(change)}.`
      : 'Der er hverken et lettere trin eller et lettere niveau at foreslå; tal med patienten om øvelsen.';
    return `Smertemonitoreringsmodellen (Silbernagel 2007): ${item.name} bør lettes, fordi ${reduceReason(facts)}. ${what} Trinnets størrelse er vores egen regel.`;
  },

  increase({ item, pair, step }: IncreaseFacts): string {
    const sessions = pair
      .map((a) => `${a.entry.sets.at(-1)!.reps} gentagelser den ${day(a.log.date)} (smerte ${pain(a.entry.pain ?? 0)})`)
      .join(' og ');
    const why = `2-for-2 (NSCA): i sidste sæt af ${item.name} nåede patienten ${sessions}, mindst 2 over målet på ${item.reps} i to træninger i træk med acceptabel smerte.`;
    const change = step.change;
    if (!change) {
      return step.hold === 'heaviest-band'
        ? `${why} Der er ingen tungere elastik end ${describeLoad(item.load)}; behold øvelsen, eller vælg en anden måde at gøre den sværere på.`
        : `${why} ${item.name} er det sidste niveau i sin øvelseskæde; behold øvelsen, eller vælg en ny, sværere øvelse.`;
    }
    let text = `${why} Forslag: ændr ${describeChange(change)}.`;
    if (change.kind === 'load' && change.from.kind === 'band') {
      text += ' Et farveskift er elastikkens mindste trin og regnes her for mere end de 2–10 %, ACSM (2009) anbefaler (hvor meget tungere den næste farve er, afhænger af mærket); overvej færre gentagelser de første gange.';
    } else if (change.kind === 'load' && change.fraction !== null && change.fraction > 0.1) {
      text += ' Udstyrets mindste trin er mere end de 2–10 %, ACSM (2009) anbefaler; overvej færre gentagelser de første gange.';
    } else if (change.kind === 'load') {
      text += ' Stigningen ligger inden for de 2–10 %, ACSM (2009) anbefaler.';
    }
    if (change.kind === 'load' && item.rule === 'reps') text += ` Gentagelserne har nået loftet på ${item.repCeiling}, så belastningen går op i stedet.`;
    return text;
  },
};

/** What the patient should do next time, in plain words. */
function nextTime(change: Change | null): string {
  if (!change) return 'hold pause med øvelsen, indtil du har talt med din behandler';
  switch (change.kind) {
    case 'load':
      if (change.to.kind === 'bodyweight') return 'lav øvelsen uden vægt';
      if (change.to.kind === 'band' && change.from.kind === 'band') return `brug den ${BAND_LABELS[change.to.colour].definite} elastik i stedet for den ${BAND_LABELS[change.from.colour].definite}`;
      return `brug ${describeLoad(change.to)} i stedet for ${describeLoad(change.from)}`;
    case 'reps':
      return `lav ${change.to} gentagelser i hvert sæt i stedet for ${change.from}`;
    case 'holdSeconds':
      return `hold ${change.to} sekunder i stedet for ${change.from}`;
    case 'level':
      return `lav den lettere øvelse "${change.to.name}" i stedet`;
  }
}

/** The message to the patient as soon as a reduction fires. */
export function forPatient(facts: ReductionFacts): string {
  const { item, rule, latest, weekly } = facts;
  const what =
    rule === 'pain-during'
      ? `Du havde smerter på ${latest.entry.pain ?? 0} ud af 10 under ${item.name}. Mere end 5 er mere, end øvelsen bør gøre ondt.`
      : rule === 'weekly-rise'
        ? `Dine smerter om morgenen er steget fra sidste uge til denne uge (fra ${num(weekly!.lastWeek)} til ${num(weekly!.thisWeek)} i gennemsnit).`
        : `Du havde mere ondt morgenen efter træningen end normalt. Det tyder på, at ${item.name} var lidt for meget.`;
  return `${what} Tag det lettere næste gang: ${nextTime(facts.change)}. Din behandler får besked og ser på dit program.`;
}
