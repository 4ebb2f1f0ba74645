import type { Db } from '../db/engine.js';
import { compareDanish } from '../text/danish.js';
import type { SitemapEntry, SitemapSection } from '../web/sitemap.js';
import { clinicPath } from './clinics.js';
import type { Directory } from './directory.js';
import type { Specialty } from './specialties.js';
import type { Town } from './towns.js';
import { COUNTRY, findPath } from './urls.js';

/** Aggregate reads for index pages and the sitemap. */

export async function townsWithMostClinics(db: Db, directory: Directory, limit: number): Promise<Array<{ town: Town; count: number }>> {
  const rows = await db
    .selectFrom('clinics')
    .select(['town_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('town_id')
    .orderBy('n', 'desc')
    .orderBy('town_id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) => {
    const town = directory.towns.byId(r.town_id);
    return town ? [{ town, count: Number(r.n) }] : [];
  });
}

/** Each specialty with its number of clinics, and whether it is about a part of the body. */
export async function specialtiesWithCounts(db: Db, directory: Directory): Promise<Array<{ specialty: Specialty; clinics: number; bodyRegion: boolean }>> {
  const [rows, regional] = await Promise.all([
    db
      .selectFrom('clinic_specialties')
      .select(['specialty_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('specialty_id')
      .execute(),
    db.selectFrom('specialty_regions').select('specialty_id').distinct().execute(),
  ]);
  const counts = new Map(rows.map((r) => [r.specialty_id, Number(r.n)]));
  const withRegion = new Set(regional.map((r) => r.specialty_id));
  return directory.specialties.all.map((specialty) => ({ specialty, clinics: counts.get(specialty.id) ?? 0, bodyRegion: withRegion.has(specialty.id) }));
}

/** Towns that have clinics with this specialty, most first, then alphabetical. */
export async function townsForSpecialty(db: Db, directory: Directory, specialty: Specialty): Promise<Array<{ town: Town; count: number }>> {
  const rows = await db
    .selectFrom('clinics as c')
    .innerJoin('clinic_specialties as cs', 'cs.clinic_id', 'c.id')
    .where('cs.specialty_id', '=', specialty.id)
    .select(['c.town_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.town_id')
    .execute();
  return rows
    .flatMap((r) => {
      const town = directory.towns.byId(r.town_id);
      return town ? [{ town, count: Number(r.n) }] : [];
    })
    .sort((a, b) => b.count - a.count || compareDanish(a.town.name, b.town.name));
}

/**
 * The directory's pages for the sitemap: clinics, towns with clinics of their own (and town ×
 * specialty pairs where a clinic in the town has the specialty), and specialties. Pages
 * without clinics are noindex and left out.
 */
export function directorySitemapSections(directory: Directory): SitemapSection[] {
  return [
    {
      name: 'klinikker',
      async entries(db) {
        const clinics = await db.selectFrom('clinics').select(['slug', 'updated_at']).orderBy('id').execute();
        return clinics.map((c) => ({ path: clinicPath(c.slug), lastmod: c.updated_at.slice(0, 10) }));
      },
    },
    {
      name: 'byer',
      async entries(db) {
        const [towns, pairs] = await Promise.all([
          db.selectFrom('clinics').select('town_id').distinct().orderBy('town_id').execute(),
          db
            .selectFrom('clinics as c')
            .innerJoin('clinic_specialties as cs', 'cs.clinic_id', 'c.id')
            .select(['c.town_id', 'cs.specialty_id'])
            .distinct()
            .orderBy('c.town_id')
            .orderBy('cs.specialty_id')
            .execute(),
        ]);
        const out: SitemapEntry[] = [{ path: '/find/fysioterapeut' }, { path: findPath(COUNTRY) }];
        for (const { town_id } of towns) {
          const t = directory.towns.byId(town_id);
          if (t) out.push({ path: findPath(t.slug) });
        }
        for (const p of pairs) {
          const t = directory.towns.byId(p.town_id);
          const s = directory.specialties.byId(p.specialty_id);
          if (t && s) out.push({ path: findPath(t.slug, s.slug) });
        }
        return out;
      },
    },
    {
      name: 'specialer',
      async entries(db) {
        const specialties = await db.selectFrom('clinic_specialties').select('specialty_id').distinct().orderBy('specialty_id').execute();
        const out: SitemapEntry[] = [{ path: '/specialer' }];
        for (const { specialty_id } of specialties) {
          const s = directory.specialties.byId(specialty_id);
          if (s) out.push({ path: `/specialer/${s.slug}` }, { path: findPath(COUNTRY, s.slug) });
        }
        return out;
      },
    },
  ];
}
