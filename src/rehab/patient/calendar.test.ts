import { describe, expect, it } from 'vitest';
import type { ProgramVersion } from '../programs.js';
import { kneeProgram } from '../../../test/helpers/rehab.js';
import { escapeText, foldLine, programCalendar } from './calendar.js';

const knee = kneeProgram();
const version = (over: Partial<ProgramVersion> = {}): ProgramVersion => ({
  ...knee,
  id: 7,
  programId: 3,
  version: 1,
  changeNote: 'Programmet er oprettet.',
  proposalId: null,
  createdBy: 1,
  createdAt: '2026-03-20T09:15:00.000Z',
  // Monday, Wednesday and Friday from Monday 23 March 2026: summer time begins Sunday 29 March.
  startDate: '2026-03-23',
  weeks: 2,
  items: [{ ...knee.items[0]!, name: 'Rejse-sætte-sig fra stol', notes: 'Langsomt ned; brug armlænet, hvis knæet driller.' }],
  ...over,
});

const calendar = (v = version()) => programCalendar({ programId: 3, version: v, programUrl: 'https://fysio.test/min-side/program/3', uidHost: 'fysio.test' });
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const events = (ics: string) => unfold(ics).split('BEGIN:VEVENT').slice(1);
const prop = (event: string, name: string) => new RegExp(`^${name}[:;](.*)$`, 'm').exec(event)?.[1]?.replace(/\r$/, '');

describe('the program as a calendar file (RFC 5545)', () => {
  it('has one event per planned training day, at 17:00 Copenhagen time on both sides of the change to summer time', () => {
    const list = events(calendar());
    expect(list).toHaveLength(6);
    expect(list.map((e) => prop(e, 'DTSTART'))).toEqual([
      'TZID=Europe/Copenhagen:20260323T170000',
      'TZID=Europe/Copenhagen:20260325T170000',
      'TZID=Europe/Copenhagen:20260327T170000',
      // After Sunday 29 March (summer time): still 17:00 on the wall clock, not 18:00.
      'TZID=Europe/Copenhagen:20260330T170000',
      'TZID=Europe/Copenhagen:20260401T170000',
      'TZID=Europe/Copenhagen:20260403T170000',
    ]);
    expect(prop(list[3]!, 'DTEND')).toBe('TZID=Europe/Copenhagen:20260330T173000');
  });

  it('defines Europe/Copenhagen with the EU rule (last Sunday of March and of October), so readers get 15:00 UTC after the change and 16:00 UTC before', () => {
    const ics = unfold(calendar());
    const zone = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    expect(zone).toContain('TZID:Europe/Copenhagen');
    expect(zone).toMatch(/BEGIN:DAYLIGHT\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU/);
    expect(zone).toMatch(/BEGIN:STANDARD\r\nTZOFFSETFROM:\+0200\r\nTZOFFSETTO:\+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU/);
    // The same local time read through the platform's zone data: one hour apart in UTC.
    const utcOf = (day: string) => [15, 16].find((h) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${day}T${h}:00:00Z`)) === '17');
    expect(utcOf('2026-03-27')).toBe(16);
    expect(utcOf('2026-03-30')).toBe(15);
  });

  it('also across the change back in October (still 17:00 local)', () => {
    const list = events(calendar(version({ startDate: '2026-10-19', weeks: 2 })));
    expect(list.map((e) => prop(e, 'DTSTART')?.slice(-15))).toEqual(['20261019T170000', '20261021T170000', '20261023T170000', '20261026T170000', '20261028T170000', '20261030T170000']);
  });

  it('keeps each day’s UID when the program gets a new version, and counts the version in SEQUENCE', () => {
    const first = events(calendar());
    const second = events(calendar(version({ version: 2, createdAt: '2026-03-26T10:00:00.000Z' })));
    expect(second.map((e) => prop(e, 'UID'))).toEqual(first.map((e) => prop(e, 'UID')));
    expect(prop(first[0]!, 'UID')).toBe('fysio-program-3-20260323@fysio.test');
    expect(new Set(first.map((e) => prop(e, 'UID'))).size).toBe(6);
    expect(prop(second[0]!, 'SEQUENCE')).toBe('1');
    expect(prop(first[0]!, 'DTSTAMP')).toBe('20260320T091500Z');
  });

  it('puts the exercises and doses in the description, escaped', () => {
    const description = prop(events(calendar())[0]!, 'DESCRIPTION')!;
    expect(description).toContain('Rejse-sætte-sig fra stol: 3 sæt × 10 gentagelser med 5 kg\\, pause 60 sekunder (Langsomt ned\\; brug armlænet\\, hvis knæet driller.)');
    expect(description).toContain('\\nRegistrér træningen bagefter: https://fysio.test/min-side/program/3/log');
    expect(description).not.toMatch(/[^\\][;,]/);
  });

  it('ends lines with CRLF and folds them at 75 octets without splitting a character', () => {
    const ics = calendar();
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(lines.join('')).not.toContain('\uFFFD');
  });

  it('folds and escapes by the rules', () => {
    const long = `DESCRIPTION:${'æ'.repeat(60)}`;
    const folded = foldLine(long);
    const parts = folded.split('\r\n ');
    expect(parts.map((p) => new TextEncoder().encode(p).length).every((n) => n <= 75)).toBe(true);
    expect(parts.join('')).toBe(long);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});
