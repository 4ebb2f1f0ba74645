/** The exercise pages' addresses: the one place they are spelled. */

export const EXERCISES_PATH = '/oevelser';

export const exercisePath = (slug: string) => `${EXERCISES_PATH}/${slug}`;

export interface ExerciseFilter {
  krop?: string | undefined;
  udstyr?: string | undefined;
  niveau?: number | undefined;
}

/** The list filtered, parameters in alphabetical order (one URL per filter); page 1 has no `side`. */
export function exerciseListPath(filter: ExerciseFilter, page = 1): string {
  const params = new URLSearchParams();
  if (filter.krop) params.set('krop', filter.krop);
  if (filter.niveau) params.set('niveau', String(filter.niveau));
  if (page > 1) params.set('side', String(page));
  if (filter.udstyr) params.set('udstyr', filter.udstyr);
  const query = params.toString();
  return query ? `${EXERCISES_PATH}?${query}` : EXERCISES_PATH;
}
