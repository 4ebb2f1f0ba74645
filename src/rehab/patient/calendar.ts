import type { ProgramVersion } from '../programs.js';
import { describeDose } from '../views/dose.js';
import { trainingDaysOf } from './plan.js';

/**
 * The program's training days as an iCalendar file (RFC 5545): one event per planned day with
 * the exercises and doses in its description, at a local time in Europe/Copenhagen defined by
 * a VTIMEZONE (so 17:00 stays 17:00 on both sides of a change of summer time), stable UIDs (a
 * new version of the program replaces the events instead of adding new ones: SEQUENCE is the
 * version), CRLF line ends and lines folded at 75 octets without splitting a character.
 */

export const TIMEZONE = 'Europe/Copenhagen';

/** The EU rule since 1996: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIMEZONE}`,
  'X-LIC-LOCATION:Europe/Copenhagen',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface CalendarInput {
  programId: number;
  version: ProgramVersion;
  /** Where the program page is (absolute), for the events' URL and description. */
  programUrl: string;
  /** The host part of the UIDs ("fysio.dk"). */
  uidHost: string;
  /** Local time of day, "HH:MM" (default 17:00), and minutes. */
  time?: string;
  minutes?: number;
}

/** Text escaped for a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A content line folded at 75 octets (UTF-8), continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (day: string) => day.replace(/-/g, '');
const basicUtc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}${String(total % 60).padStart(2, '0')}00`;
}

export function programCalendar(input: CalendarInput): string {
  const { version } = input;
  const time = input.time && /^([01]\d|2[0-3]):[0-5]\d$/.test(input.time) ? input.time : '17:00';
  const start = `${time.replace(':', '')}00`;
  const end = addMinutes(time, input.minutes ?? 30);
  const exercises = version.items.map((item) => `${item.name}: ${describeDose(item)}${item.notes ? ` (${item.notes})` : ''}`);
  const description = ['Dagens øvelser:', ...exercises.map((e) => `- ${e}`), '', `Registrér træningen bagefter: ${input.programUrl}/log`].join('\n');
  const summary = `Træning: ${version.items.map((i) => i.name).join(', ')}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fysio//Genoptraening//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Træningsprogram')}`,
    `X-WR-TIMEZONE:${TIMEZONE}`,
    ...VTIMEZONE,
  ];
  for (const day of trainingDaysOf(version)) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:fysio-program-${input.programId}-${basicDate(day)}@${input.uidHost}`,
      `SEQUENCE:${version.version - 1}`,
      `DTSTAMP:${basicUtc(version.createdAt)}`,
      `DTSTART;TZID=${TIMEZONE}:${basicDate(day)}T${start}`,
      `DTEND;TZID=${TIMEZONE}:${basicDate(day)}T${end}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `URL:${input.programUrl}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
