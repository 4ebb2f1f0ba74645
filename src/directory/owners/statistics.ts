import type { Db } from '../../db/engine.js';
import type { ClinicEvent } from '../../db/schema.js';
import { todayInDenmark } from '../../text/dates.js';
import { clinicEventTotals } from '../events.js';

/**
 * An owner's statistics: the daily counts already collected (events.ts) for the last 30, 90
 * or 365 days, grouped by day, week or month so a chart stays readable, and the same days as
 * CSV, one row per day.
 */

export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

export const EVENT_LABELS: Record<ClinicEvent, string> = {
  impression: 'Visninger i lister',
  profile_view: 'Profilvisninger',
  contact_phone: 'Klik på telefon',
  contact_email: 'Klik på e-mail',
  contact_website: 'Klik på hjemmeside',
  contact_booking: 'Klik på booking',
};
export const EVENTS = Object.keys(EVENT_LABELS) as ClinicEvent[];
const CONTACTS: readonly ClinicEvent[] = ['contact_phone', 'contact_email', 'contact_website', 'contact_booking'];

export interface Bucket {
  /** First day (YYYY-MM-DD) in the bucket. */
  from: string;
  to: string;
  label: string;
  counts: Record<ClinicEvent, number>;
}

export interface Statistics {
  period: Period;
  unit: 'dag' | 'uge' | 'måned';
  from: string;
  to: string;
  buckets: Bucket[];
  totals: Record<ClinicEvent, number>;
  /** One row per day, every day present (zeros included): the CSV's rows. */
  days: Array<{ day: string; counts: Record<ClinicEvent, number> }>;
}

const zeros = (): Record<ClinicEvent, number> => ({ impression: 0, profile_view: 0, contact_phone: 0, contact_email: 0, contact_website: 0, contact_booking: 0 });

/** Calendar arithmetic on YYYY-MM-DD (UTC noon avoids any daylight-saving edge). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const MONTHS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const shortDay = (day: string) => `${Number(day.slice(8, 10))}. ${MONTHS[Number(day.slice(5, 7)) - 1]}`;

/** The bucket a day falls in: itself, its week's Monday, or its month's first day. */
function bucketStart(day: string, unit: Statistics['unit']): string {
  if (unit === 'dag') return day;
  if (unit === 'måned') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function bucketLabel(from: string, unit: Statistics['unit']): string {
  if (unit === 'dag') return shortDay(from);
  if (unit === 'måned') return `${MONTHS[Number(from.slice(5, 7)) - 1]} ${from.slice(0, 4)}`;
  return `uge fra ${shortDay(from)}`;
}

export async function clinicStatistics(db: Db, clinicId: number, period: Period, now: Date = new Date()): Promise<Statistics> {
  const to = todayInDenmark(now);
  const from = addDays(to, -(period - 1));
  const unit = period === 30 ? 'dag' : period === 90 ? 'uge' : 'måned';
  const byDay = new Map<string, Record<ClinicEvent, number>>();
  for (const r of await clinicEventTotals(db, clinicId, from, to)) {
    const counts = byDay.get(r.day) ?? zeros();
    counts[r.event] += Number(r.count);
    byDay.set(r.day, counts);
  }
  const days: Statistics['days'] = [];
  const buckets = new Map<string, Bucket>();
  const totals = zeros();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const counts = byDay.get(day) ?? zeros();
    days.push({ day, counts });
    const start = bucketStart(day, unit);
    const bucket = buckets.get(start) ?? { from: day, to: day, label: bucketLabel(start, unit), counts: zeros() };
    bucket.to = day;
    for (const e of EVENTS) {
      bucket.counts[e] += counts[e];
      totals[e] += counts[e];
    }
    buckets.set(start, bucket);
  }
  return { period, unit, from, to, buckets: [...buckets.values()], totals, days };
}

/** The three series the chart draws: lists, profile, and all contact clicks together. */
export function chartSeries(stats: Statistics): Array<{ key: string; label: string; values: number[] }> {
  return [
    { key: 'impression', label: EVENT_LABELS.impression, values: stats.buckets.map((b) => b.counts.impression) },
    { key: 'profile_view', label: EVENT_LABELS.profile_view, values: stats.buckets.map((b) => b.counts.profile_view) },
    { key: 'contact', label: 'Kontaktklik i alt', values: stats.buckets.map((b) => CONTACTS.reduce((n, e) => n + b.counts[e], 0)) },
  ];
}

const csvCell = (value: string) => (/[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * One row per day with a column per event; semicolon-separated with a byte-order mark, as
 * Danish Excel opens it without an import dialog.
 */
export function statisticsCsv(stats: Statistics): string {
  const header = ['dato', ...EVENTS.map((e) => EVENT_LABELS[e])].map(csvCell).join(';');
  const rows = stats.days.map((d) => [d.day, ...EVENTS.map((e) => String(d.counts[e]))].join(';'));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}
