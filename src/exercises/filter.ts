import type { ExerciseSummary } from './queries.js';
import { BODY_REGIONS, BODY_REGION_SLUGS, EQUIPMENT, EQUIPMENT_SLUGS } from './vocabulary.js';

/**
 * The exercise list's filters (body region, equipment, level) and the count behind every
 * choice: each count is what the list would hold with that choice and the other filters kept,
 * so a visitor sees where a click leads before making it. Pure: the page and the API share it.
 */

export interface ExerciseListFilter {
  region?: string | undefined;
  equipment?: string | undefined;
  level?: number | undefined;
}

export interface FacetValue<V> {
  value: V;
  name: string;
  count: number;
}

export interface FilteredExercises {
  items: ExerciseSummary[];
  facets: {
    region: FacetValue<string>[];
    equipment: FacetValue<string>[];
    level: FacetValue<number>[];
  };
}

export const LEVELS = [1, 2, 3, 4, 5] as const;
export const LEVEL_NAMES: Record<number, string> = { 1: 'Niveau 1 – let', 2: 'Niveau 2', 3: 'Niveau 3', 4: 'Niveau 4', 5: 'Niveau 5 – svær' };

const matches = (e: ExerciseSummary, f: ExerciseListFilter) =>
  (!f.region || e.regions.some((r) => r.slug === f.region)) &&
  (!f.equipment || e.equipment.some((q) => q.slug === f.equipment)) &&
  (!f.level || e.level === f.level);

export function filterExercises(all: readonly ExerciseSummary[], filter: ExerciseListFilter): FilteredExercises {
  const count = (f: ExerciseListFilter) => all.filter((e) => matches(e, f)).length;
  return {
    items: all.filter((e) => matches(e, filter)),
    facets: {
      region: BODY_REGION_SLUGS.map((value) => ({ value, name: BODY_REGIONS[value], count: count({ ...filter, region: value }) })),
      equipment: EQUIPMENT_SLUGS.map((value) => ({ value, name: EQUIPMENT[value], count: count({ ...filter, equipment: value }) })),
      level: LEVELS.map((value) => ({ value, name: LEVEL_NAMES[value]!, count: count({ ...filter, level: value }) })),
    },
  };
}
