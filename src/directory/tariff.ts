import { readFile } from 'node:fs/promises';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/engine.js';
import type { TariffsTable } from '../db/schema.js';
import { dataPath } from '../paths.js';
import { addDays, todayInDenmark } from '../text/dates.js';
import { danishErrors } from '../text/zod-danish.js';

/**
 * The public tariff for physiotherapy with a doctor's referral at clinics with an ydernummer:
 * what the patient pays. Tariffs are dated by the day they take effect (there may be several a
 * year) and kept in the `tariffs` table; the one in effect on a day is the latest that has
 * started by then, so a tariff loaded ahead of time takes effect by itself on its day.
 *
 * They come from a file (data/overenskomst-takster.json, seeded at start; newer files by
 * `fysio tariffs import`). The file holds only what may be shown: notes for maintainers belong
 * in data/README.md, and the schema refuses any field it does not know.
 */

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'skal være en dato som ÅÅÅÅ-MM-DD, fx 2025-01-01')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'er ikke en dato, der findes');

const itemSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    durationMinutes: z.number().int().positive().max(600).nullable().default(null),
    patientKr: z.number().nonnegative().max(100_000),
    totalKr: z.number().nonnegative().max(100_000).nullable().default(null),
  })
  .strict();

const tariffSchema = z
  .object({
    effectiveFrom: isoDay,
    source: z.string().trim().min(1).max(2000),
    patientNote: z.string().trim().min(1).max(2000),
    items: z.array(itemSchema).min(1).max(50),
  })
  .strict();

const fileSchema = z
  .object({ tariffs: z.array(tariffSchema).min(1).max(100) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.tariffs.forEach((t, i) => {
      if (seen.has(t.effectiveFrom)) ctx.addIssue({ code: 'custom', path: ['tariffs', i, 'effectiveFrom'], message: `${t.effectiveFrom} står der mere end én gang i filen` });
      seen.add(t.effectiveFrom);
    });
  });

export type TariffItem = z.output<typeof itemSchema>;

/** A tariff as pages show it: `validFrom` is the day it takes effect, `note` is for patients. */
export interface PublicTariff {
  validFrom: string;
  source: string;
  note: string;
  items: TariffItem[];
}

export const TARIFF_FILE = dataPath('overenskomst-takster.json');

/** A tariff file that cannot be used, with one line per problem, each naming its field. */
export class TariffFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Takstfilen kan ikke bruges:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'TariffFileError';
  }
}

/** The tariffs in a file's text, or a `TariffFileError` that says what is wrong and where. */
export function parseTariffFile(text: string): PublicTariff[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new TariffFileError([`filen er ikke gyldig JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const parsed = fileSchema.safeParse(data, { error: danishErrors });
  if (!parsed.success) {
    throw new TariffFileError(parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)));
  }
  return parsed.data.tariffs.map((t) => ({ validFrom: t.effectiveFrom, source: t.source, note: t.patientNote, items: t.items }));
}

export async function readTariffFile(path = TARIFF_FILE): Promise<PublicTariff[]> {
  return parseTariffFile(await readFile(path, 'utf8'));
}

const rowOf = (t: PublicTariff, now: Date) => ({
  effective_from: t.validFrom,
  source: t.source,
  patient_note: t.note,
  items: JSON.stringify(t.items),
  imported_at: now.toISOString(),
});

/**
 * Saves tariffs in one transaction: a tariff with the same effective date as a stored one
 * replaces it, the others are added. Returns how many of each.
 */
export async function saveTariffs(db: Db, tariffs: readonly PublicTariff[], now = new Date()): Promise<{ added: number; replaced: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('tariffs').select('effective_from').execute()).map((r) => r.effective_from));
    let replaced = 0;
    for (const t of tariffs) {
      const row = rowOf(t, now);
      if (existing.has(t.validFrom)) {
        await trx.updateTable('tariffs').set(row).where('effective_from', '=', t.validFrom).execute();
        replaced++;
      } else {
        await trx.insertInto('tariffs').values(row).execute();
      }
    }
    return { added: tariffs.length - replaced, replaced };
  });
}

/**
 * At start: the shipped file's tariffs whose day is not stored yet. A stored day is left as it
 * is, so a tariff an administrator imported is never overwritten by the file.
 */
export async function seedTariffs(db: Db, path = TARIFF_FILE): Promise<number> {
  const tariffs = await readTariffFile(path);
  const stored = new Set((await db.selectFrom('tariffs').select('effective_from').execute()).map((r) => r.effective_from));
  const missing = tariffs.filter((t) => !stored.has(t.validFrom));
  if (missing.length > 0) await saveTariffs(db, missing);
  return missing.length;
}

const fromRow = (r: Selectable<TariffsTable>): PublicTariff => ({ validFrom: r.effective_from, source: r.source, note: r.patient_note, items: JSON.parse(r.items) as TariffItem[] });

/** Every stored tariff, oldest first. */
export async function loadTariffs(db: Db): Promise<PublicTariff[]> {
  return (await db.selectFrom('tariffs').selectAll().orderBy('effective_from').execute()).map(fromRow);
}

/** The tariff in effect on `day` (`YYYY-MM-DD`): the latest that has started by then, or null. */
export function tariffOn(tariffs: readonly PublicTariff[], day: string): PublicTariff | null {
  let current: PublicTariff | null = null;
  for (const t of tariffs) if (t.validFrom <= day && (!current || t.validFrom > current.validFrom)) current = t;
  return current;
}

/** The tariff in effect on `day` (today in Denmark unless given), read from the database. */
export async function tariffInEffect(db: Db, day = todayInDenmark()): Promise<PublicTariff | null> {
  const row = await db.selectFrom('tariffs').selectAll().where('effective_from', '<=', day).orderBy('effective_from', 'desc').limit(1).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/**
 * True when the tariff took effect more than a year before `today`: its figures are then
 * likely to have been adjusted since, and the page says so.
 */
export function tariffMayBeOutdated(tariff: PublicTariff, today: string): boolean {
  const yearLater = `${Number(tariff.validFrom.slice(0, 4)) + 1}${tariff.validFrom.slice(4)}`;
  // 29 February has no twin next year: count from 1 March.
  const anniversary = tariff.validFrom.endsWith('-02-29') ? addDays(yearLater.replace('-02-29', '-02-28'), 1) : yearLater;
  return today > anniversary;
}
