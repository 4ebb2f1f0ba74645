import { sql } from 'kysely';
import { type Db, batchesFor } from '../db/engine.js';
import { type IndexSession, type SearchDocument, indexDocuments } from '../search/indexer.js';
import { slugify } from '../text/slugify.js';
import { type ClinicInput, clinicNameKey } from './clinic-input.js';
import { clinicPath } from './clinics.js';
import type { Directory } from './directory.js';
import { danishSortKey } from '../text/danish.js';
import type { Specialty } from './specialties.js';
import type { PostcodePlace } from './towns.js';
import { ownerKeptValues } from './owners/import-protection.js';

/**
 * Writing clinics: one at a time (the demo, tests, a future owner form) or thousands from an
 * import. Both go through `saveClinics`, which writes a group of clinics with a handful of
 * multi-row statements instead of eight statements per clinic.
 */

export class UnknownReference extends Error {}

export interface SaveClinicOutcome {
  status: 'imported' | 'updated';
  id: number;
  slug: string;
}

export type SaveClinicResult = ({ ok: true } & SaveClinicOutcome) | { ok: false; reason: string };

/** Clinics written per group: ~22 parameters each keeps every statement small. */
const GROUP_SIZE = 100;

/** An input with its references looked up: what a group needs to be written. */
interface Resolved {
  index: number;
  input: ClinicInput;
  place: PostcodePlace;
  specialties: Specialty[];
  specialtyIds: number[];
  nameKey: string;
  key: string;
}

const keyOf = (nameKey: string, postcode: string) => `${nameKey}\u0000${postcode}`;

function resolve(input: ClinicInput, index: number, directory: Directory): Resolved | { reason: string } {
  const place = directory.towns.postcodePlace(input.postcode);
  if (!place) return { reason: `ukendt postnummer ${input.postcode}` };
  const specialties: Specialty[] = [];
  for (const s of input.specialties) {
    const found = directory.specialties.resolve(s);
    if (!found) return { reason: `ukendt speciale "${s}"` };
    specialties.push(found);
  }
  const specialtyIds = [...new Set(specialties.map((s) => s.id))].sort((a, b) => a - b);
  const nameKey = clinicNameKey(input.name);
  return { index, input, place, specialties, specialtyIds, nameKey, key: keyOf(nameKey, input.postcode) };
}

/**
 * Creates each clinic, or updates the one with the same name (normalised, æøå kept) in the
 * same postcode, with its specialties, team and search entry; results come in input order.
 * An existing clinic keeps its slug so its URL never changes. An input naming an unknown
 * postcode or specialty is returned as not saved, and nothing is written for it. A later
 * input with the same name and postcode as an earlier one updates the clinic the earlier
 * one wrote. The caller owns the transaction.
 */
export async function saveClinics(db: Db, inputs: readonly ClinicInput[], directory: Directory, session?: IndexSession): Promise<SaveClinicResult[]> {
  const results: SaveClinicResult[] = new Array(inputs.length);
  let group: Resolved[] = [];
  const keys = new Set<string>();
  const givenSlugs = new Set<string>();
  const flush = async () => {
    for (const [i, result] of (await saveGroup(db, group, session)).entries()) results[group[i]!.index] = result;
    group = [];
    keys.clear();
    givenSlugs.clear();
  };
  for (const [index, input] of inputs.entries()) {
    const resolved = resolve(input, index, directory);
    if ('reason' in resolved) {
      results[index] = { ok: false, reason: resolved.reason };
      continue;
    }
    // A repeated clinic (or slug) waits for the next group, where the first one is found.
    if (group.length >= GROUP_SIZE || keys.has(resolved.key) || (input.slug !== null && givenSlugs.has(input.slug))) await flush();
    group.push(resolved);
    keys.add(resolved.key);
    if (input.slug !== null) givenSlugs.add(input.slug);
  }
  if (group.length > 0) await flush();
  return results;
}

/** One clinic; an unknown postcode or specialty throws UnknownReference before any write. */
export async function saveClinic(db: Db, input: ClinicInput, directory: Directory, session?: IndexSession): Promise<SaveClinicOutcome> {
  const [result] = await saveClinics(db, [input], directory, session);
  if (!result!.ok) throw new UnknownReference(result!.reason);
  return result!;
}

/** Writes a group of clinics whose name keys and given slugs are distinct. */
async function saveGroup(db: Db, candidates: readonly Resolved[], session?: IndexSession): Promise<SaveClinicResult[]> {
  // By (name, postcode) pairs: a name alone can match hundreds of clinics across the country.
  const pairs = [...new Map(candidates.map((c) => [c.key, sql`(${c.nameKey}, ${c.input.postcode})`])).values()];
  const { rows: found } = await sql<{ id: number; slug: string; name_key: string; postcode: string }>`
    SELECT id, slug, name_key, postcode FROM clinics
    WHERE (name_key, postcode) IN (SELECT column1, column2 FROM (VALUES ${sql.join(pairs)}) AS wanted)`.execute(db);
  const existing = new Map(found.map((r) => [keyOf(r.name_key, r.postcode), r]));
  const slugs = await assignSlugs(db, candidates, existing);
  // What a clinic's owner edited stays as the owner wrote it (owners/import-protection.ts).
  const kept = await ownerKeptValues(db, found.map((r) => r.id));
  const group = candidates.filter((c) => typeof slugs.get(c) === 'string');
  for (const c of group) {
    const own = kept.get(existing.get(c.key)?.id ?? -1);
    if (!own) continue;
    c.input = { ...c.input, ...own.input };
    if (own.specialties) {
      c.specialties = own.specialties;
      c.specialtyIds = own.specialties.map((s) => s.id).sort((a, b) => a - b);
    }
  }

  const now = new Date().toISOString();
  const outcomes: SaveClinicOutcome[] = [];
  const inserts = [];
  for (const c of group) {
    const { input, place } = c;
    const point = input.point ?? place;
    const values = {
      name: input.name,
      name_key: c.nameKey,
      sort_key: danishSortKey(input.name),
      address: input.address,
      postcode: input.postcode,
      town_id: place.town.id,
      lat: point.lat,
      lon: point.lon,
      phone: input.phone,
      email: input.email,
      website: input.website,
      booking_url: input.bookingUrl,
      ydernummer: input.ydernummer,
      handicap_access: input.handicapAccess,
      vederlagsfri: input.vederlagsfri,
      about: input.about,
      prices: JSON.stringify(input.prices),
      opening_hours: input.openingHours ? JSON.stringify(input.openingHours) : null,
      verified: input.verified,
      is_demo: input.isDemo,
      updated_at: now,
    };
    const old = existing.get(c.key);
    const slug = slugs.get(c) as string;
    if (old) {
      await db.updateTable('clinics').set({ ...values, slug }).where('id', '=', old.id).execute();
      outcomes.push({ status: 'updated', id: old.id, slug });
    } else {
      inserts.push({ ...values, slug, created_at: now });
      outcomes.push({ status: 'imported', id: 0, slug });
    }
  }

  const newIds = new Map<string, number>();
  for (const batch of batchesFor(db, inserts, 23, GROUP_SIZE)) {
    for (const r of await db.insertInto('clinics').values(batch).returning(['id', 'slug']).execute()) newIds.set(r.slug, r.id);
  }
  for (const o of outcomes) if (o.status === 'imported') o.id = newIds.get(o.slug)!;

  // Specialties and team are replaced as a whole.
  const updatedIds = outcomes.filter((o) => o.status === 'updated').map((o) => o.id);
  for (const ids of batchesFor(db, updatedIds, 1)) {
    await db.deleteFrom('clinic_specialties').where('clinic_id', 'in', ids).execute();
    await db.deleteFrom('clinic_team_members').where('clinic_id', 'in', ids).execute();
  }
  const specialtyRows = group.flatMap((c, i) => c.specialtyIds.map((specialty_id) => ({ clinic_id: outcomes[i]!.id, specialty_id })));
  for (const batch of batchesFor(db, specialtyRows, 2)) await db.insertInto('clinic_specialties').values(batch).execute();
  const teamRows = group.flatMap((c, i) => c.input.team.map((m, position) => ({ clinic_id: outcomes[i]!.id, name: m.name, title: m.title, position })));
  for (const batch of batchesFor(db, teamRows, 4)) await db.insertInto('clinic_team_members').values(batch).execute();

  await indexDocuments(db, group.map((c, i) => searchDocument(c, outcomes[i]!)), session);
  const saved = new Map(group.map((c, i) => [c, outcomes[i]!]));
  return candidates.map((c) => {
    const outcome = saved.get(c);
    return outcome ? { ok: true, ...outcome } : { ok: false, reason: (slugs.get(c) as { reason: string }).reason };
  });
}

function searchDocument({ input, place, specialties }: Resolved, { id, slug }: SaveClinicOutcome): SearchDocument {
  return clinicSearchDocument({ id, slug, name: input.name, address: input.address, postcode: input.postcode, townName: place.town.name, specialtyNames: specialties.map((s) => s.name), about: input.about });
}

/** What the search index knows of a clinic. */
export interface ClinicSearchFields {
  id: number;
  slug: string;
  name: string;
  address: string;
  postcode: string;
  townName: string;
  specialtyNames: readonly string[];
  about: string | null;
}

/** A clinic as the search index sees it (also written when an owner edits the profile). */
export function clinicSearchDocument(c: ClinicSearchFields): SearchDocument {
  return {
    kind: 'clinic',
    refId: c.id,
    slug: c.slug,
    title: c.name,
    url: clinicPath(c.slug),
    headings: [c.townName, c.postcode, ...c.specialtyNames].join('\n'),
    faq: '',
    body: [`${c.address}, ${c.postcode} ${c.townName}.`, c.about ?? ''].join('\n'),
  };
}

/**
 * The slug each clinic will have: the one given, else an existing clinic's own (its URL never
 * changes), else for a new clinic "fysioterapi-nord", "fysioterapi-nord-aalborg", "-2", "-3" …
 * One query answers the given slugs and the first two choices for the whole group; slugs the
 * group itself gives or takes count as taken. A given slug another clinic has is a reason.
 */
async function assignSlugs(
  db: Db,
  group: readonly Resolved[],
  existing: ReadonlyMap<string, { id: number; slug: string }>,
): Promise<Map<Resolved, string | { reason: string }>> {
  const choices = group.map((c) => {
    const base = slugify(c.input.name) || 'klinik';
    return { c, base, withTown: `${base}-${c.place.town.slug}`, old: existing.get(c.key) };
  });
  const asked = choices.flatMap(({ c, base, withTown, old }) => (c.input.slug !== null ? [c.input.slug] : old ? [] : [base, withTown]));
  const taken = await takenSlugs(db, asked);
  const claimed = new Set(group.flatMap((c) => (c.input.slug === null ? [] : [c.input.slug])));
  const free = (slug: string) => !taken.has(slug) && !claimed.has(slug);
  const slugs = new Map<Resolved, string | { reason: string }>();
  for (const { c, base, withTown, old } of choices) {
    const given = c.input.slug;
    if (given !== null && given !== old?.slug && taken.has(given)) {
      slugs.set(c, { reason: `adressen /klinik/${given} bruges allerede af en anden klinik` });
      continue;
    }
    const slug = given ?? old?.slug ?? (free(base) ? base : free(withTown) ? withTown : await numberedSlug(db, withTown, claimed));
    claimed.add(slug);
    slugs.set(c, slug);
  }
  return slugs;
}

async function takenSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const batch of batchesFor(db, [...new Set(slugs)], 1)) {
    for (const r of await db.selectFrom('clinics').select('slug').where('slug', 'in', batch).execute()) taken.add(r.slug);
  }
  return taken;
}

async function numberedSlug(db: Db, stem: string, claimed: ReadonlySet<string>): Promise<string> {
  for (let n = 2; ; n += 10) {
    const batch = Array.from({ length: 10 }, (_, i) => `${stem}-${n + i}`);
    const used = await takenSlugs(db, batch);
    const slug = batch.find((s) => !used.has(s) && !claimed.has(s));
    if (slug) return slug;
  }
}
