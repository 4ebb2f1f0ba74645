import { z } from 'zod';
import type { Db } from '../../db/engine.js';
import { formatDanishDate, parseContentDate, todayInDenmark } from '../../text/dates.js';
import { recordChanges } from './change-log.js';

/**
 * Closure days: periods the clinic is closed (holidays), shown on the clinic's page until they
 * have passed. Each added or removed period is written to the change log.
 */

export interface Closure {
  id: number;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** "24. december 2026" or "24.–31. december 2026 (Juleferie)". */
export function describeClosure(c: Pick<Closure, 'startsOn' | 'endsOn' | 'note'>): string {
  const period = c.startsOn === c.endsOn ? formatDanishDate(c.startsOn) : `${formatDanishDate(c.startsOn)} – ${formatDanishDate(c.endsOn)}`;
  return c.note ? `${period} (${c.note})` : period;
}

const day = (what: string) =>
  z.string().transform((raw, ctx) => {
    const parsed = raw.trim() === '' ? null : parseContentDate(raw);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `Skriv ${what} som en dato, fx 24-12-2026` });
      return z.NEVER;
    }
    return parsed;
  });

/** The add-closure form; the last day may be left out for a single day. */
export const closureFormSchema = z
  .object({
    starts_on: day('første lukkedag'),
    ends_on: z.string().default(''),
    note: z.string().trim().max(200, 'Bemærkningen må højst være 200 tegn').default(''),
  })
  .transform((v, ctx) => {
    const endsOn = v.ends_on.trim() === '' ? v.starts_on : parseContentDate(v.ends_on);
    if (!endsOn) {
      ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'Skriv sidste lukkedag som en dato, fx 31-12-2026' });
      return z.NEVER;
    }
    if (endsOn < v.starts_on) {
      ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'Sidste lukkedag kan ikke ligge før første lukkedag' });
      return z.NEVER;
    }
    return { startsOn: v.starts_on, endsOn, note: v.note || null };
  });

export type ClosureInput = z.output<typeof closureFormSchema>;

/** Closures that have not ended yet (today counts), soonest first. */
export async function upcomingClosures(db: Db, clinicId: number, now: Date = new Date()): Promise<Closure[]> {
  const rows = await db
    .selectFrom('clinic_closures')
    .select(['id', 'starts_on', 'ends_on', 'note'])
    .where('clinic_id', '=', clinicId)
    .where('ends_on', '>=', todayInDenmark(now))
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, startsOn: r.starts_on, endsOn: r.ends_on, note: r.note }));
}

export async function addClosure(db: Db, clinicId: number, input: ClosureInput, userId: number | null, now: Date = new Date()): Promise<number> {
  const row = await db
    .insertInto('clinic_closures')
    .values({ clinic_id: clinicId, starts_on: input.startsOn, ends_on: input.endsOn, note: input.note, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordChanges(db, clinicId, userId, [{ field: 'closures', oldValue: null, newValue: describeClosure(input) }], now);
  return row.id;
}

/** False when the closure does not exist on this clinic. */
export async function removeClosure(db: Db, clinicId: number, closureId: number, userId: number | null, now: Date = new Date()): Promise<boolean> {
  const row = await db
    .selectFrom('clinic_closures')
    .select(['starts_on', 'ends_on', 'note'])
    .where('id', '=', closureId)
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  if (!row) return false;
  await db.deleteFrom('clinic_closures').where('id', '=', closureId).execute();
  await recordChanges(db, clinicId, userId, [{ field: 'closures', oldValue: describeClosure({ startsOn: row.starts_on, endsOn: row.ends_on, note: row.note }), newValue: null }], now);
  return true;
}
