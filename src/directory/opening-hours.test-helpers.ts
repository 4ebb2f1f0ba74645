import { expect } from 'vitest';
import { type OpeningHours, type Weekday, type WeeklyHours, parseOpeningHours } from './opening-hours.js';

// Shared by the opening-hours test files.

/** week({ mon: '08:00-12:00 13:00-17:00' }) – days left out are closed. */
export function week(days: Partial<Record<Weekday, string>>): WeeklyHours {
  const result = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } as WeeklyHours;
  for (const [day, spec] of Object.entries(days) as Array<[Weekday, string]>) {
    result[day] = spec
      .split(' ')
      .filter(Boolean)
      .map((iv) => {
        const [opens = '', closes = ''] = iv.split('-');
        return { opens, closes };
      });
  }
  return result;
}
export const hours = (days: Partial<Record<Weekday, string>>, note: string | null = null): OpeningHours => ({ weekly: week(days), note });
export const weekdays = (spec: string) => ({ mon: spec, tue: spec, wed: spec, thu: spec, fri: spec });
export const allDays = (spec: string) => ({ ...weekdays(spec), sat: spec, sun: spec });

export function parsed(text: string): WeeklyHours {
  const result = parseOpeningHours(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error}`);
  expect(result.hours.note).toBeNull();
  return result.hours.weekly;
}
export function parseError(text: string): string {
  const result = parseOpeningHours(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(result.hours.weekly)}`);
  return result.error;
}
