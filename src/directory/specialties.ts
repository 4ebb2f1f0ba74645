import type { Db } from '../db/engine.js';
import { slugify } from '../text/slugify.js';

export interface Specialty {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export const specialtyPath = (slug: string) => `/specialer/${encodeURIComponent(slug)}`;

/** Specialties are reference data: loaded once per process, looked up in memory. */
export class SpecialtyCatalog {
  readonly #byId = new Map<number, Specialty>();
  readonly #bySlug = new Map<string, Specialty>();

  constructor(readonly all: readonly Specialty[]) {
    for (const s of all) {
      this.#byId.set(s.id, s);
      this.#bySlug.set(s.slug, s);
    }
  }

  byId(id: number): Specialty | undefined {
    return this.#byId.get(id);
  }

  bySlug(slug: string): Specialty | undefined {
    return this.#bySlug.get(slug);
  }

  /** A slug or a name as people write it ("Ryg og lænd", "ryg-og-laend"). */
  resolve(nameOrSlug: string): Specialty | undefined {
    return this.#bySlug.get(nameOrSlug) ?? this.#bySlug.get(slugify(nameOrSlug));
  }
}

export async function loadSpecialtyCatalog(db: Db): Promise<SpecialtyCatalog> {
  return new SpecialtyCatalog(await db.selectFrom('specialties').selectAll().orderBy('position').execute());
}
