import type { Db } from '../../db/engine.js';

/**
 * The change log of a clinic's listing: who changed which field when, from what to what, as
 * the owner read it. Owners of the clinic and administrators read it; nothing updates it.
 */

export interface ClinicChange {
  /** A profile field, or `closures` / `owners` / `claim`. */
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface LoggedChange extends ClinicChange {
  id: number;
  userId: number | null;
  at: string;
}

export async function recordChanges(db: Db, clinicId: number, userId: number | null, changes: readonly ClinicChange[], now: Date = new Date()): Promise<void> {
  if (changes.length === 0) return;
  const at = now.toISOString();
  await db
    .insertInto('clinic_changes')
    .values(changes.map((c) => ({ clinic_id: clinicId, user_id: userId, field: c.field, old_value: c.oldValue, new_value: c.newValue, created_at: at })))
    .execute();
}

export const CHANGES_PER_PAGE = 50;

/** Newest first. */
export async function changeLogFor(db: Db, clinicId: number, page = 1): Promise<{ changes: LoggedChange[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('clinic_changes')
      .select(['id', 'user_id', 'field', 'old_value', 'new_value', 'created_at'])
      .where('clinic_id', '=', clinicId)
      .orderBy('id', 'desc')
      .limit(CHANGES_PER_PAGE)
      .offset((page - 1) * CHANGES_PER_PAGE)
      .execute(),
    db.selectFrom('clinic_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('clinic_id', '=', clinicId).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    changes: rows.map((r) => ({ id: r.id, userId: r.user_id, field: r.field, oldValue: r.old_value, newValue: r.new_value, at: r.created_at })),
  };
}
