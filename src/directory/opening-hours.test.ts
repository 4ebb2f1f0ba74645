import { describe, expect, it } from 'vitest';
import {
  formatOpeningHours,
  isOpenAt,
  openingHoursJsonLd,
  parseOpeningHours,
  type Interval,
  type Weekday,
} from './opening-hours.js';
import { allDays, hours, parseError, parsed, week, weekdays } from './opening-hours.test-helpers.js';

describe('parseOpeningHours', () => {
  it.each<[string, Partial<Record<Weekday, string>>]>([
    // The examples from real spreadsheets
    ['man-fre 8-16', weekdays('08:00-16:00')],
    ['Man–tor 07.30-18.00, fre 7.30-15', { mon: '07:30-18:00', tue: '07:30-18:00', wed: '07:30-18:00', thu: '07:30-18:00', fri: '07:30-15:00' }],
    [
      'mandag-torsdag 8:00-12:00 og 13:00-17:00; fredag 8-14; lørdag lukket',
      { mon: '08:00-12:00 13:00-17:00', tue: '08:00-12:00 13:00-17:00', wed: '08:00-12:00 13:00-17:00', thu: '08:00-12:00 13:00-17:00', fri: '08:00-14:00' },
    ],
    // Day lists with , og & /
    ['man, ons og fre 8-12', { mon: '08:00-12:00', wed: '08:00-12:00', fri: '08:00-12:00' }],
    ['man & ons / fre 8-12', { mon: '08:00-12:00', wed: '08:00-12:00', fri: '08:00-12:00' }],
    ['man, tir-tor og lør 9-10', { mon: '09:00-10:00', tue: '09:00-10:00', wed: '09:00-10:00', thu: '09:00-10:00', sat: '09:00-10:00' }],
    // Case, trailing dots, spaces and the word "til"
    ['MAN. - ONS. 08.00 - 16.00', { mon: '08:00-16:00', tue: '08:00-16:00', wed: '08:00-16:00' }],
    ['Mandag til Fredag kl. 8-16', weekdays('08:00-16:00')],
    ['man 8 til 12', { mon: '08:00-12:00' }],
    ['Mandag–fredag: 08:00–16:00', weekdays('08:00-16:00')],
    ['tirsdag kl 9-15', { tue: '09:00-15:00' }],
    // Every spelling of Saturday and Sunday
    ['lør 9-12, søn 10-12', { sat: '09:00-12:00', sun: '10:00-12:00' }],
    ['lor 9-12; son 10-12', { sat: '09:00-12:00', sun: '10:00-12:00' }],
    ['loer. 9-12; soen. 10-12', { sat: '09:00-12:00', sun: '10:00-12:00' }],
    ['Lørdag 9-12; Søndag 10-12', { sat: '09:00-12:00', sun: '10:00-12:00' }],
    ['loerdag 9-12, soendag 10-12', { sat: '09:00-12:00', sun: '10:00-12:00' }],
    ['lordag og sondag 9-12', { sat: '09:00-12:00', sun: '09:00-12:00' }],
    // Day words
    ['hverdage 8-16', weekdays('08:00-16:00')],
    ['weekend 10-14', { sat: '10:00-14:00', sun: '10:00-14:00' }],
    ['alle dage 8-22', allDays('08:00-22:00')],
    ['Alle  dage 8-22', allDays('08:00-22:00')],
    ['Dagligt 8-22', allDays('08:00-22:00')],
    ['hverdage 8-16, weekend lukket', weekdays('08:00-16:00')],
    // Several intervals on a day: , og & and an optional "kl." before each
    ['man 8-12, 13-17', { mon: '08:00-12:00 13:00-17:00' }],
    ['man 8-12 & 13-17', { mon: '08:00-12:00 13:00-17:00' }],
    ['man kl. 8-12 og kl. 13-17', { mon: '08:00-12:00 13:00-17:00' }],
    ['man 8-12, 13-15, 16-18', { mon: '08:00-12:00 13:00-15:00 16:00-18:00' }],
    // ...sorted by opening time, touching intervals allowed
    ['man 13-17 og 8-12', { mon: '08:00-12:00 13:00-17:00' }],
    ['man 8-12, 12-16', { mon: '08:00-12:00 12:00-16:00' }],
    // A comma (or og) followed by a day word starts a new group
    ['man-tor 8-16, fre 8-14', { mon: '08:00-16:00', tue: '08:00-16:00', wed: '08:00-16:00', thu: '08:00-16:00', fri: '08:00-14:00' }],
    ['man 8-12, 13-17, tir 9-10', { mon: '08:00-12:00 13:00-17:00', tue: '09:00-10:00' }],
    ['man 8-16 og tir 9-12', { mon: '08:00-16:00', tue: '09:00-12:00' }],
    // Newlines separate groups like ';' (also Windows line ends and blank lines)
    ['man-fre 8-16\nlør 9-12', { ...weekdays('08:00-16:00'), sat: '09:00-12:00' }],
    ['\r\n man-fre 8-16 ;\r\n\r\nlør 9-12;\n', { ...weekdays('08:00-16:00'), sat: '09:00-12:00' }],
    // Times: 8, 08, 8.30, 8:30, midnight
    ['man 8-16', { mon: '08:00-16:00' }],
    ['man 08-16', { mon: '08:00-16:00' }],
    ['man 8.30-16.45', { mon: '08:30-16:45' }],
    ['man 8:30-16:45', { mon: '08:30-16:45' }],
    ['man 0-8', { mon: '00:00-08:00' }],
    ['man 18-24', { mon: '18:00-24:00' }],
    ['man 18-24.00', { mon: '18:00-24:00' }],
    ['man 0.00-23.59', { mon: '00:00-23:59' }],
  ])('parses %j', (text, expected) => {
    expect(parsed(text)).toEqual(week(expected));
  });

  it('treats days never mentioned as closed, and "lukket" as closed', () => {
    expect(parsed('ons 10-11')).toEqual(week({ wed: '10:00-11:00' }));
    expect(parsed('man-søn lukket')).toEqual(week({}));
  });

  it.each<[string, string]>([
    ['', 'åbningstider mangler'],
    ['  \n\t ', 'åbningstider mangler'],
    // Unreadable parts are named, not dropped
    ['man-tor 8-16, fre 8-', 'kan ikke læse "fre 8-" i åbningstiderne'],
    ['man-tor 8-16, fre 8-, lør 9-12', 'kan ikke læse "fre 8-" i åbningstiderne'],
    ['man-tor 8-16\nfre 8-14 ca.', 'kan ikke læse "fre 8-14 ca." i åbningstiderne'],
    ['man-fre 8-16 (ikke helligdage)', 'kan ikke læse "man-fre 8-16 (ikke helligdage)" i åbningstiderne'],
    ['man-fre 8-16 – lukket i juli', 'kan ikke læse "man-fre 8-16 – lukket i juli" i åbningstiderne'],
    ['man-fre 8-16; Lukket i juli', 'kan ikke læse "Lukket i juli" i åbningstiderne'],
    ['Åbningstider: man-fre 8-16', 'kan ikke læse "Åbningstider: man-fre 8-16" i åbningstiderne'],
    ['mon-fri 8-16', 'kan ikke læse "mon-fri 8-16" i åbningstiderne'],
    ['man-fre', 'kan ikke læse "man-fre" i åbningstiderne'],
    ['8-16', 'kan ikke læse "8-16" i åbningstiderne'],
    ['man 8', 'kan ikke læse "man 8" i åbningstiderne'],
    ['man 8-16,', 'kan ikke læse "man 8-16," i åbningstiderne'],
    ['man, 8-12', 'kan ikke læse "man, 8-12" i åbningstiderne'],
    ['man lukket 8-12', 'kan ikke læse "man lukket 8-12" i åbningstiderne'],
    ['man 8-12 lukket', 'kan ikke læse "man 8-12 lukket" i åbningstiderne'],
    ['man. 8-16.', 'kan ikke læse "man. 8-16." i åbningstiderne'],
    ['man lukket.', 'kan ikke læse "man lukket." i åbningstiderne'],
    ['man-fre 8-16; lør 9-12 og', 'kan ikke læse "lør 9-12 og" i åbningstiderne'],
    ['man 8-12 13-17', 'kan ikke læse "man 8-12 13-17" i åbningstiderne'],
    ['man 8-16 ; ; , tir 9-10 !', 'kan ikke læse "tir 9-10 !" i åbningstiderne'],
    // Bad clock times are named
    ['man 0830-1600', 'ugyldigt klokkeslæt "0830" i "man 0830-1600"'],
    ['man 8-25', 'ugyldigt klokkeslæt "25" i "man 8-25"'],
    ['man 8.60-12', 'ugyldigt klokkeslæt "8.60" i "man 8.60-12"'],
    ['man 8.5-12', 'ugyldigt klokkeslæt "8.5" i "man 8.5-12"'],
    ['man 20-24.30', 'ugyldigt klokkeslæt "24.30" i "man 20-24.30"'],
    ['man-tor 8-16; fre 008-12', 'ugyldigt klokkeslæt "008" i "fre 008-12"'],
    // Day ranges go forwards and join single days
    ['fre-man 8-16', 'dagene i "fre-man" skal stå i rækkefølge, fx "man-fre"'],
    ['man-man 8-16', 'dagene i "man-man" skal stå i rækkefølge, fx "man-fre"'],
    ['hverdage-søn 8-16', 'dagene i "hverdage-søn" skal stå i rækkefølge, fx "man-fre"'],
    // Days mentioned twice
    ['man-fre 8-16; tir 9-10', 'tirsdag er nævnt to gange'],
    ['hverdage 8-16, tirsdag lukket', 'tirsdag er nævnt to gange'],
    ['man, man 8-16', 'mandag er nævnt to gange'],
    ['alle dage 8-16, weekend lukket', 'lørdag er nævnt to gange'],
    // Interval rules
    ['man 16-8', 'mandag: lukketiden skal være efter åbningstiden (16.00–08.00)'],
    ['ons 8-8', 'onsdag: lukketiden skal være efter åbningstiden (08.00–08.00)'],
    ['søn 24-24', 'søndag: lukketiden skal være efter åbningstiden (24.00–24.00)'],
    ['man 8-12 og 11-15', 'mandag: tidsrummene 08.00–12.00 og 11.00–15.00 overlapper'],
    ['fre 13-17, 8-14', 'fredag: tidsrummene 08.00–14.00 og 13.00–17.00 overlapper'],
    ['lør 8-16 og 9-10', 'lørdag: tidsrummene 08.00–16.00 og 09.00–10.00 overlapper'],
  ])('rejects %j', (text, message) => {
    expect(parseError(text)).toBe(message);
  });
});

describe('formatOpeningHours', () => {
  it('groups consecutive days and writes Danish times with a dot and an en dash', () => {
    expect(formatOpeningHours(hours({ mon: '08:00-16:00', tue: '08:00-16:00', wed: '08:00-16:00', thu: '08:00-16:00', fri: '08:00-14:00' }))).toEqual([
      { days: 'Mandag–torsdag', hours: '08.00–16.00' },
      { days: 'Fredag', hours: '08.00–14.00' },
      { days: 'Lørdag og søndag', hours: 'Lukket' },
    ]);
  });

  it('joins several intervals with "og"', () => {
    expect(formatOpeningHours(hours({ ...weekdays('08:00-12:00 13:00-17:00'), sat: '09:30-12:00', sun: '09:30-12:00' }))).toEqual([
      { days: 'Mandag–fredag', hours: '08.00–12.00 og 13.00–17.00' },
      { days: 'Lørdag og søndag', hours: '09.30–12.00' },
    ]);
  });

  it('writes two days with "og", three or more as a range and one day alone', () => {
    expect(formatOpeningHours(hours({ mon: '08:00-16:00', tue: '08:00-16:00', wed: '09:00-12:00', thu: '10:00-11:00', fri: '10:00-11:00', sat: '10:00-11:00' }))).toEqual([
      { days: 'Mandag og tirsdag', hours: '08.00–16.00' },
      { days: 'Onsdag', hours: '09.00–12.00' },
      { days: 'Torsdag–lørdag', hours: '10.00–11.00' },
      { days: 'Søndag', hours: 'Lukket' },
    ]);
    expect(formatOpeningHours(hours(allDays('07:00-24:00')))).toEqual([{ days: 'Mandag–søndag', hours: '07.00–24.00' }]);
  });

  it('does not group identical days across a gap', () => {
    expect(formatOpeningHours(hours({ mon: '08:00-16:00', tue: '08:00-12:00', wed: '08:00-16:00', sun: '10:00-12:00' }))).toEqual([
      { days: 'Mandag', hours: '08.00–16.00' },
      { days: 'Tirsdag', hours: '08.00–12.00' },
      { days: 'Onsdag', hours: '08.00–16.00' },
      { days: 'Torsdag–lørdag', hours: 'Lukket' },
      { days: 'Søndag', hours: '10.00–12.00' },
    ]);
  });

  it('returns no rows when closed all week', () => {
    expect(formatOpeningHours(hours({}, 'Lukket på ubestemt tid'))).toEqual([]);
  });
});

describe('openingHoursJsonLd', () => {
  it('makes one entry per distinct interval with the days that share it, leaving out closed days', () => {
    const h = hours({ mon: '08:00-12:00 13:00-17:00', tue: '08:00-12:00 13:00-17:00', wed: '08:00-12:00', fri: '08:00-12:00 13:00-17:00', sat: '10:00-13:00' });
    expect(openingHoursJsonLd(h)).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Friday'], opens: '08:00', closes: '12:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Friday'], opens: '13:00', closes: '17:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '10:00', closes: '13:00' },
    ]);
  });

  it('names every weekday in English and is empty when always closed', () => {
    expect(openingHoursJsonLd(hours(allDays('09:00-10:00')))[0]?.dayOfWeek).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(openingHoursJsonLd(hours({}))).toEqual([]);
  });
});

describe('isOpenAt', () => {
  const h = hours({ mon: '00:00-08:00', sat: '09:00-12:00', sun: '02:00-03:00 09:00-12:00 20:00-24:00' });
  const open = (iso: string, timeZone?: string) => isOpenAt(h, new Date(iso), timeZone);

  it('is open from the opening minute up to, not including, the closing minute', () => {
    // Saturday 28 March 2026, winter time (UTC+1)
    expect(open('2026-03-28T07:59:00Z')).toBe(false); // 08:59
    expect(open('2026-03-28T08:00:00Z')).toBe(true); // 09:00
    expect(open('2026-03-28T10:59:59Z')).toBe(true); // 11:59:59
    expect(open('2026-03-28T11:00:00Z')).toBe(false); // 12:00
  });

  it('follows the switch to summer time on 29 March 2026', () => {
    // Clocks jump from 02:00 to 03:00 at 01:00 UTC; 09:00 local is now 07:00 UTC
    expect(open('2026-03-29T06:59:00Z')).toBe(false); // 08:59
    expect(open('2026-03-29T07:00:00Z')).toBe(true); // 09:00
    expect(open('2026-03-29T09:59:00Z')).toBe(true); // 11:59
    expect(open('2026-03-29T10:00:00Z')).toBe(false); // 12:00
    // 02:00–03:00 does not exist that night
    expect(open('2026-03-29T00:59:00Z')).toBe(false); // 01:59 winter time
    expect(open('2026-03-29T01:00:00Z')).toBe(false); // 03:00 summer time
    // Sunday evening until midnight, then Monday from 00:00
    expect(open('2026-03-29T21:59:00Z')).toBe(true); // Sunday 23:59
    expect(open('2026-03-29T22:00:00Z')).toBe(true); // Monday 00:00
    expect(open('2026-03-30T05:59:00Z')).toBe(true); // Monday 07:59
    expect(open('2026-03-30T06:00:00Z')).toBe(false); // Monday 08:00
  });

  it('follows the switch back to winter time on 25 October 2026', () => {
    expect(open('2026-10-24T06:59:00Z')).toBe(false); // Saturday 08:59 summer time
    expect(open('2026-10-24T07:00:00Z')).toBe(true); // Saturday 09:00 summer time
    // Clocks go from 03:00 back to 02:00 at 01:00 UTC; 09:00 local is now 08:00 UTC
    expect(open('2026-10-25T07:00:00Z')).toBe(false); // 08:00
    expect(open('2026-10-25T07:59:00Z')).toBe(false); // 08:59
    expect(open('2026-10-25T08:00:00Z')).toBe(true); // 09:00
    expect(open('2026-10-25T10:59:00Z')).toBe(true); // 11:59
    expect(open('2026-10-25T11:00:00Z')).toBe(false); // 12:00
    // 02:00–03:00 happens twice: open both times
    expect(open('2026-10-24T23:59:00Z')).toBe(false); // 01:59 summer time
    expect(open('2026-10-25T00:00:00Z')).toBe(true); // 02:00 summer time
    expect(open('2026-10-25T01:30:00Z')).toBe(true); // 02:30 winter time
    expect(open('2026-10-25T02:00:00Z')).toBe(false); // 03:00 winter time
  });

  it('can use another time zone', () => {
    expect(open('2026-03-28T09:00:00Z', 'UTC')).toBe(true);
    expect(open('2026-03-28T08:30:00Z', 'UTC')).toBe(false);
    expect(open('2026-03-28T08:30:00Z')).toBe(true);
  });

  it('is never open when closed all week', () => {
    expect(isOpenAt(hours({}), new Date('2026-06-01T10:00:00Z'))).toBe(false);
  });
});

