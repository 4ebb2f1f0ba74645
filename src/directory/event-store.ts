import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { type Db, batchesFor, engineOf } from '../db/engine.js';
import type { ClinicEvent } from '../db/schema.js';
import { DAILY_CAP_PER_ADDRESS, capGroupOf } from './event-visitors.js';

/**
 * Writes buffered clinic events in one transaction that never waits for the write lock
 * (`writeWithoutWaiting`): when another writer holds it, nothing is written and the caller
 * keeps the events for a later try. Each event counts at most once per address, clinic, kind
 * and day, and an address adds at most `DAILY_CAP_PER_ADDRESS` a day across all clinics.
 */

export interface PendingEvent {
  day: string;
  clinicId: number;
  event: ClinicEvent;
  /** From `addressOf`; stored only as a hash with the day's salt. */
  address: string;
}

export interface StoreOutcome {
  /** Events that were new for their address and day and within the cap. */
  counted: number;
  /** Events seen before that day, or beyond the address's cap. */
  notCounted: number;
  /** Events for clinics deleted since they were recorded. */
  vanished: number;
}

interface VisitorRow {
  day: string;
  clinic_id: number;
  event: ClinicEvent;
  visitor: string;
}

export async function storeClinicEvents(db: Db, events: readonly PendingEvent[], keepFromDay: string): Promise<StoreOutcome> {
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const salts = await saltsFor(trx, [...new Set(events.map((e) => e.day))]);
    const live = await existingClinicIds(trx, [...new Set(events.map((e) => e.clinicId))]);
    const rows: VisitorRow[] = [];
    for (const e of events) {
      if (live.has(e.clinicId)) rows.push({ day: e.day, clinic_id: e.clinicId, event: e.event, visitor: hash(salts.get(e.day)!, e.address) });
    }
    const room = await roomLeft(trx, rows);
    const hopeful = rows.filter((r) => (room.get(capKey(r)) ?? 0) > 0);

    // Only rows that are new for the day come back; those beyond the cap are taken out again.
    const counted: VisitorRow[] = [];
    const excess: VisitorRow[] = [];
    for (const batch of batchesFor(trx, hopeful, 4)) {
      const fresh = await trx
        .insertInto('clinic_event_visitors')
        .values(batch)
        .onConflict((oc) => oc.columns(['day', 'clinic_id', 'event', 'visitor']).doNothing())
        .returning(['day', 'clinic_id', 'event', 'visitor'])
        .execute();
      for (const f of fresh) {
        const left = room.get(capKey(f)) ?? 0;
        room.set(capKey(f), left - 1);
        (left > 0 ? counted : excess).push(f);
      }
    }
    for (const batch of batchesFor(trx, excess, 4, 100)) {
      await trx
        .deleteFrom('clinic_event_visitors')
        .where((eb) => eb.or(batch.map((r) => eb.and({ day: r.day, clinic_id: r.clinic_id, event: r.event, visitor: r.visitor }))))
        .execute();
    }
    await addToDailyTotals(trx, counted);

    // Yesterday's visitors stay recognisable until tomorrow; older ones and their salts go.
    await trx.deleteFrom('clinic_event_visitors').where('day', '<', keepFromDay).execute();
    await trx.deleteFrom('daily_salts').where('day', '<', keepFromDay).execute();
    return { counted: counted.length, notCounted: rows.length - counted.length, vanished: events.length - rows.length };
  });
}

const hash = (salt: string, address: string) => createHash('sha256').update(salt).update(address).digest('base64url').slice(0, 32);

const capKey = (r: Pick<VisitorRow, 'day' | 'visitor' | 'event'>) => `${r.day}|${r.visitor}|${capGroupOf(r.event)}`;

/** Each day's salt: random, shared by every process through the database, gone after two days. */
async function saltsFor(db: Db, days: string[]): Promise<Map<string, string>> {
  if (days.length === 0) return new Map();
  await db
    .insertInto('daily_salts')
    .values(days.map((day) => ({ day, salt: randomBytes(32).toString('base64url') })))
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const rows = await db.selectFrom('daily_salts').select(['day', 'salt']).where('day', 'in', days).execute();
  return new Map(rows.map((r) => [r.day, r.salt]));
}

async function existingClinicIds(db: Db, ids: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (const batch of batchesFor(db, ids, 1)) {
    for (const r of await db.selectFrom('clinics').select('id').where('id', 'in', batch).execute()) found.add(r.id);
  }
  return found;
}

/** How many more events each address may add to each cap group on each day. */
async function roomLeft(db: Db, rows: readonly VisitorRow[]): Promise<Map<string, number>> {
  const room = new Map<string, number>();
  for (const r of rows) room.set(capKey(r), DAILY_CAP_PER_ADDRESS[capGroupOf(r.event)]);
  const days = [...new Set(rows.map((r) => r.day))];
  for (const day of days) {
    const visitors = [...new Set(rows.filter((r) => r.day === day).map((r) => r.visitor))];
    for (const batch of batchesFor(db, visitors, 1)) {
      const used = await db
        .selectFrom('clinic_event_visitors')
        .select((eb) => ['visitor', 'event', eb.fn.countAll<number>().as('n')])
        .where('day', '=', day)
        .where('visitor', 'in', batch)
        .groupBy(['visitor', 'event'])
        .execute();
      for (const u of used) {
        const key = capKey({ day, visitor: u.visitor, event: u.event });
        room.set(key, (room.get(key) ?? 0) - Number(u.n));
      }
    }
  }
  return room;
}

async function addToDailyTotals(db: Db, counted: readonly VisitorRow[]): Promise<void> {
  const totals = new Map<string, { clinic_id: number; day: string; event: ClinicEvent; count: number }>();
  for (const f of counted) {
    const key = `${f.clinic_id}|${f.day}|${f.event}`;
    const entry = totals.get(key) ?? { clinic_id: f.clinic_id, day: f.day, event: f.event, count: 0 };
    entry.count++;
    totals.set(key, entry);
  }
  // One order for every process, so two PostgreSQL flushes never lock rows in opposite orders.
  const sorted = [...totals.values()].sort((a, b) => a.clinic_id - b.clinic_id || a.day.localeCompare(b.day) || a.event.localeCompare(b.event));
  for (const batch of batchesFor(db, sorted, 4)) {
    await db
      .insertInto('clinic_event_daily')
      .values(batch)
      .onConflict((oc) => oc.columns(['clinic_id', 'day', 'event']).doUpdateSet({ count: sql`clinic_event_daily.count + excluded.count` }))
      .execute();
  }
}
