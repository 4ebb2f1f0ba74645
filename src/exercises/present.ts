import { type JsonLd, type Site, absoluteUrl } from '../web/seo.js';
import type { Dose, ExerciseDetail } from './queries.js';

/** Plain-Danish renderings of an exercise's data, shared by its page and its JSON. */

/** "3 sæt × 12 gentagelser pr. side, 3 gange om ugen" or "3 sæt × hold 30 sekunder, …". */
export function doseText(dose: Dose): string {
  const amount = dose.reps !== undefined ? `${dose.reps} ${dose.reps === 1 ? 'gentagelse' : 'gentagelser'}` : `hold ${dose.holdSeconds} sekunder`;
  const side = dose.perSide ? ' pr. side' : '';
  const week = dose.perWeek === 1 ? '1 gang om ugen' : dose.perWeek === 7 ? 'hver dag' : dose.perWeek === 14 ? '2 gange hver dag' : `${dose.perWeek} gange om ugen`;
  return `${dose.sets} sæt × ${amount}${side}, ${week}`;
}

export const levelText = (level: number) => `Niveau ${level} af 5`;

/**
 * schema.org HowTo: the steps in order, the equipment as tools, the dose as the yield of one
 * session. Google no longer shows HowTo results, but the markup still describes the page.
 */
export function howToJsonLd(site: Site, e: ExerciseDetail): JsonLd {
  const url = absoluteUrl(site, e.url);
  const tools = e.equipment.filter((q) => q.slug !== 'ingen');
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    name: e.name,
    description: `${e.startPosition} ${e.feel}`,
    url,
    inLanguage: 'da',
    dateModified: e.updatedAt.slice(0, 10),
    ...(tools.length > 0 ? { tool: tools.map((t) => ({ '@type': 'HowToTool', name: t.name })) } : {}),
    yield: doseText(e.dose),
    step: [e.startPosition, ...e.steps].map((text, i) => ({
      '@type': 'HowToStep',
      position: i + 1,
      name: i === 0 ? 'Startstilling' : `Trin ${i}`,
      text,
      url: i === 0 ? `${url}#startstilling` : `${url}#trin-${i}`,
    })),
  };
}
