import { z } from 'zod';
import { scalePoint } from '../types.js';
import { type Instrument, directionOf, ourWording } from './instrument.js';

/**
 * Tampa Scale of Kinesiophobia, 17 items (TSK-17), the scale of Miller, Kori and Todd (1991),
 * who introduced the concept in Kori SH, Miller RP, Todd DD. Kinesiophobia: a new view of
 * chronic pain behavior. Pain Management. 1990;3:35–43.
 * Each item 1 (helt uenig) to 4 (helt enig); items 4, 8, 12 and 16 are reversed (5 − answer);
 * the total runs from 17 to 68, higher meaning more fear of movement.
 *
 * Meaningful change: there is no settled minimal important change for TSK-17. We mark a
 * change of 9 points or more, OUR threshold: the upper end of the smallest change beyond
 * measurement error reported for TSK-17 (11–13 % of the total score; Dupuis F, Cherif A,
 * Batcho C, Massé-Alarie H, Roy JS. Clin J Pain. 2023;39(5):236–247), read as 13 % of 68
 * (8,8) and rounded up.
 */

/** The items in our own wording, in the instrument's order; `reversed` items count 5 − answer. */
export const TSK_ITEMS: readonly { text: string; reversed: boolean }[] = [
  { text: 'Jeg er bange for at komme til skade, hvis jeg træner.', reversed: false },
  { text: 'Hvis jeg prøvede at kæmpe mig igennem smerterne, ville de blive værre.', reversed: false },
  { text: 'Min krop fortæller mig, at der er noget alvorligt galt.', reversed: false },
  { text: 'Mine smerter ville sandsynligvis blive mindre, hvis jeg trænede.', reversed: true },
  { text: 'Andre tager ikke mine helbredsproblemer alvorligt nok.', reversed: false },
  { text: 'Det, der er sket med min krop, har gjort den sårbar resten af livet.', reversed: false },
  { text: 'Smerter betyder altid, at jeg har skadet min krop.', reversed: false },
  { text: 'At noget gør smerterne værre, betyder ikke, at det er farligt.', reversed: true },
  { text: 'Jeg er bange for at komme til skade ved et uheld.', reversed: false },
  { text: 'Det sikreste, jeg kan gøre mod flere smerter, er at passe på ikke at bevæge mig mere end nødvendigt.', reversed: false },
  { text: 'Jeg ville ikke have så ondt, hvis der ikke var noget farligt i gære i min krop.', reversed: false },
  { text: 'Selvom det gør ondt, ville jeg have det bedre, hvis jeg var fysisk aktiv.', reversed: true },
  { text: 'Smerterne siger mig, hvornår jeg skal holde op med at træne, så jeg ikke kommer til skade.', reversed: false },
  { text: 'For en med mine problemer er det ikke rigtig sikkert at være fysisk aktiv.', reversed: false },
  { text: 'Jeg kan ikke alt det, andre kan, fordi jeg alt for let kommer til skade.', reversed: false },
  { text: 'Selvom noget gør meget ondt, tror jeg ikke, at det i virkeligheden er farligt.', reversed: true },
  { text: 'Ingen burde skulle træne, når de har ondt.', reversed: false },
];

export const TSK_ANSWERS = [
  { value: 1, label: 'Helt uenig' },
  { value: 2, label: 'Delvis uenig' },
  { value: 3, label: 'Delvis enig' },
  { value: 4, label: 'Helt enig' },
] as const;

const answer = scalePoint(1, 4, 'vælg et svar fra helt uenig til helt enig');

export const tskAnswers = z.object({
  items: z.array(answer, { message: 'besvar alle 17 udsagn' }).length(TSK_ITEMS.length, 'besvar alle 17 udsagn'),
});
export type TskAnswers = z.infer<typeof tskAnswers>;

export interface TskScore {
  total: number;
}

export const TSK_MEANINGFUL_POINTS = 9;

export const tsk17: Instrument<TskAnswers, TskScore> = {
  id: 'tsk-17',
  name: 'Tampa-skalaen for bevægelsesangst (TSK-17)',
  citation:
    'Tampa Scale of Kinesiophobia: Miller RP, Kori SH, Todd DD, 1991. Kori SH, Miller RP, Todd DD. Kinesiophobia: a new view of chronic pain behavior. Pain Management. 1990;3:35–43.',
  wording: ourWording('Tampa Scale of Kinesiophobia (TSK-17)', 'dem, der har oversat og valideret den'),
  answers: tskAnswers,
  score({ items }) {
    if (items.length !== TSK_ITEMS.length) throw new Error(`TSK-17 needs ${TSK_ITEMS.length} answers`);
    const total = items.reduce((sum, value, i) => sum + (TSK_ITEMS[i]!.reversed ? 5 - value : value), 0);
    return { total };
  },
  meaningfulChange(before, after) {
    const difference = after.total - before.total;
    const meaningful = Math.abs(difference) >= TSK_MEANINGFUL_POINTS;
    return {
      difference,
      direction: directionOf(difference, true),
      meaningful,
      why: `Summen har ændret sig ${Math.abs(difference)} point; vi regner 9 point eller mere for en ændring ud over målefejlen (vores grænse, der findes ingen fastlagt for TSK-17).`,
    };
  },
};
