import type { Db } from '../db/engine.js';
import { isoNow } from './tokens.js';

/**
 * The audit log: who did or read what, when, from where. Append-only (the database refuses
 * updates and deletes, see migration 0007); people are referred to by account id only, and
 * `details` must hold no personal data, so the entry can outlive the account. The client
 * address is cleared after 12 months by `clearOldAuditAddresses`, the one change ever made.
 */
export interface AuditEntry {
  actorId: number | null;
  /** Dotted, stable: "user.signed_in", "clinic.updated", "program.read". */
  action: string;
  subjectType?: string | null;
  subjectId?: number | null;
  details?: Record<string, unknown>;
  address?: string | null;
}

/** Writes an entry; pass the action's transaction so both commit or neither does. */
export async function audit(db: Db, entry: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      address: entry.address ?? null,
      created_at: isoNow(now),
    })
    .execute();
}

export const AUDIT_ADDRESS_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;

/** The retention job: addresses in entries older than 12 months are cleared. */
export async function clearOldAuditAddresses(db: Db, now = Date.now()): Promise<number> {
  const result = await db
    .updateTable('audit_log')
    .set({ address: null })
    .where('created_at', '<', isoNow(now - AUDIT_ADDRESS_RETENTION_MS))
    .where('address', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface AuditRow {
  id: number;
  actorId: number | null;
  action: string;
  subjectType: string | null;
  subjectId: number | null;
  details: Record<string, unknown>;
  address: string | null;
  createdAt: string;
}

/** Entries, newest first, optionally for one actor, action or subject. */
export async function auditEntries(
  db: Db,
  filter: { actorId?: number; action?: string; subjectType?: string; subjectId?: number; from?: string; to?: string; limit?: number; offset?: number } = {},
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    address: r.address,
    createdAt: r.created_at,
  }));
}
