import { z } from 'zod';
import { AGREE_ITEMS, BOTHER_ANSWERS, BOTHER_ITEM, BOTHER_LABELS, type RiskGroup, type StartBackAnswers, type StartBackScore, scoreStartBack } from '../../tools/start-back.js';
import { type Instrument, directionOf, ourWording } from './instrument.js';

/**
 * STarT Back as a follow-up questionnaire: the items (our wording) and the scoring of the public
 * tool in `src/tools/start-back.ts`, imported, so there is one scoring. Hill JC, Dunn KM, Lewis M,
 * et al. A primary care back pain screening tool: identifying patient subgroups for initial
 * treatment. Arthritis Rheum. 2008;59(5):632–641. Keele University owns the tool; it is free for
 * non-commercial use.
 *
 * It is a screening tool, not an outcome measure, and has no published meaningful change. We
 * mark a move to another risk group (lav, middel, høj) as meaningful: OUR rule, since the group
 * is what changes the treatment.
 */

export { AGREE_ITEMS as START_BACK_AGREE_ITEMS, BOTHER_ITEM as START_BACK_BOTHER_ITEM, BOTHER_LABELS as START_BACK_BOTHER_LABELS };

export const startBackAnswers: z.ZodType<StartBackAnswers> = z.object({
  agree: z
    .array(z.boolean({ message: 'svar enig eller uenig' }), { message: 'svar enig eller uenig til alle 8 udsagn' })
    .length(AGREE_ITEMS.length, 'svar enig eller uenig til alle 8 udsagn'),
  bother: z.enum(BOTHER_ANSWERS, { message: 'vælg, hvor meget rygsmerterne har generet dig' }),
});

const GROUP_ORDER: Record<RiskGroup, number> = { lav: 0, middel: 1, hoej: 2 };
export const RISK_GROUP_LABELS: Record<RiskGroup, string> = { lav: 'lav risiko', middel: 'middel risiko', hoej: 'høj risiko' };

export const startBack: Instrument<StartBackAnswers, StartBackScore> = {
  id: 'start-back',
  name: 'STarT Back',
  citation:
    'Hill JC, Dunn KM, Lewis M m.fl. A primary care back pain screening tool: identifying patient subgroups for initial treatment. Arthritis Rheum. 2008;59(5):632–641. © Keele University, fri til ikke-kommerciel brug.',
  wording: ourWording('STarT Back Screening Tool', 'Keele University og dem, der har oversat og valideret den'),
  answers: startBackAnswers,
  score: scoreStartBack,
  meaningfulChange(before, after) {
    const steps = GROUP_ORDER[after.group] - GROUP_ORDER[before.group];
    const meaningful = steps !== 0;
    return {
      difference: after.total - before.total,
      direction: directionOf(steps, true),
      meaningful,
      why: meaningful
        ? `Risikogruppen er skiftet fra ${RISK_GROUP_LABELS[before.group]} til ${RISK_GROUP_LABELS[after.group]} (et skift af gruppe er vores grænse for en meningsfuld ændring).`
        : `Risikogruppen er stadig ${RISK_GROUP_LABELS[after.group]} (et skift af gruppe er vores grænse for en meningsfuld ændring).`,
    };
  },
};
