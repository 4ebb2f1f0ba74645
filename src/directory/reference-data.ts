import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { type Db, batchesFor } from '../db/engine.js';
import { dataPath } from '../paths.js';
import { setSpecialtyRegions } from '../exercises/body-regions.js';
import { BODY_REGION_SLUGS } from '../exercises/vocabulary.js';
import { slugify, uniqueSlug } from '../text/slugify.js';

/**
 * Facts the directory needs on every installation: Danish postcodes grouped into towns
 * (GeoNames, CC BY 4.0), the towns that take "på", and our specialties. Synced at start-up
 * and by `fysio migrate`; only differences are written, so a second run does nothing.
 */

const REFERENCE_FILES = {
  postcodes: dataPath('dk-postcodes.csv'),
  paaTowns: dataPath('paa-towns.json'),
  specialties: dataPath('specialties.json'),
};

const postcodeRow = z.object({
  postcode: z.string().regex(/^\d{4}$/),
  place: z.string().min(1),
  municipality: z.string().min(1),
  region: z.string().min(1),
  latitude: z.coerce.number().min(54).max(58),
  longitude: z.coerce.number().min(7).max(16),
});

const specialtiesFile = z.array(
  z.object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    description: z.string().min(1),
    /** The body regions the specialty treats (body_regions, filled from exercises/vocabulary.ts). */
    regions: z.array(z.enum(BODY_REGION_SLUGS)).default([]),
  }),
);
const paaFile = z.object({ towns: z.array(z.string()) });

export interface SyncOutcome {
  towns: number;
  postcodes: number;
  specialties: number;
  written: number;
}

export async function syncReferenceData(db: Db, files = REFERENCE_FILES): Promise<SyncOutcome> {
  const rows = z.array(postcodeRow).parse(parse(await readFile(files.postcodes, 'utf8'), { columns: true, trim: true }));
  const paa = new Set(paaFile.parse(JSON.parse(await readFile(files.paaTowns, 'utf8'))).towns);
  const specialties = specialtiesFile.parse(JSON.parse(await readFile(files.specialties, 'utf8')));

  return db.transaction().execute(async (trx) => {
    let written = 0;
    // Towns: one per place name, at the mean of its postcodes' points.
    const byPlace = new Map<string, typeof rows>();
    for (const r of rows) byPlace.set(r.place, [...(byPlace.get(r.place) ?? []), r]);
    const existingTowns = new Map((await trx.selectFrom('towns').selectAll().execute()).map((t) => [t.slug, t]));
    const townIds = new Map<string, number>();
    const usedSlugs = new Set<string>();
    for (const [place, group] of byPlace) {
      const slug = uniqueSlug(slugify(place), (candidate) => usedSlugs.has(candidate));
      usedSlugs.add(slug);
      const first = group[0]!;
      const wanted = {
        slug,
        name: place,
        preposition: (paa.has(place) ? 'på' : 'i') as 'i' | 'på',
        lat: round(group.reduce((s, r) => s + r.latitude, 0) / group.length),
        lon: round(group.reduce((s, r) => s + r.longitude, 0) / group.length),
        municipality: first.municipality,
        region: first.region,
      };
      const have = existingTowns.get(slug);
      if (!have) {
        const { id } = await trx.insertInto('towns').values(wanted).returning('id').executeTakeFirstOrThrow();
        townIds.set(place, id);
        written++;
      } else {
        townIds.set(place, have.id);
        if ((Object.keys(wanted) as Array<keyof typeof wanted>).some((k) => have[k] !== wanted[k])) {
          await trx.updateTable('towns').set(wanted).where('id', '=', have.id).execute();
          written++;
        }
      }
    }

    const existingCodes = new Map((await trx.selectFrom('postcodes').selectAll().execute()).map((p) => [p.postcode, p]));
    const inserts = [];
    for (const r of rows) {
      const wanted = {
        postcode: r.postcode,
        place: r.place,
        municipality: r.municipality,
        region: r.region,
        lat: r.latitude,
        lon: r.longitude,
        town_id: townIds.get(r.place)!,
      };
      const have = existingCodes.get(r.postcode);
      if (!have) inserts.push(wanted);
      else if ((Object.keys(wanted) as Array<keyof typeof wanted>).some((k) => have[k] !== wanted[k])) {
        await trx.updateTable('postcodes').set(wanted).where('postcode', '=', r.postcode).execute();
        written++;
      }
    }
    for (const batch of batchesFor(trx, inserts, 7)) await trx.insertInto('postcodes').values(batch).execute();
    written += inserts.length;

    const existingSpecialties = new Map((await trx.selectFrom('specialties').selectAll().execute()).map((s) => [s.slug, s]));
    for (const [position, s] of specialties.entries()) {
      const have = existingSpecialties.get(s.slug);
      const wanted = { name: s.name, description: s.description, position };
      if (!have) {
        await trx.insertInto('specialties').values({ slug: s.slug, ...wanted }).execute();
        written++;
      } else if (have.name !== wanted.name || have.description !== wanted.description || have.position !== position) {
        await trx.updateTable('specialties').set(wanted).where('id', '=', have.id).execute();
        written++;
      }
    }
    written += await setSpecialtyRegions(trx, new Map(specialties.map((s) => [s.slug, s.regions])));
    return { towns: byPlace.size, postcodes: rows.length, specialties: specialties.length, written };
  });
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
