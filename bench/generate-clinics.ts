import { writeFileSync } from 'node:fs';
import { CLINIC_COLUMNS, type ClinicInput } from '../src/directory/clinic-input.js';
import { generateDemoClinics } from '../src/directory/demo.js';
import type { Directory } from '../src/directory/directory.js';
import { hoursToText } from '../src/directory/opening-hours.js';

/**
 * A clinic CSV in the documented import format, from the deterministic demo generator: the
 * same 20,000 clinics for the same seed, spread over Danish towns with more in the cities.
 */

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'ja' : 'nej');

/** The documented columns in their documented order (no fixed slugs: the importer makes them). */
export const CLINIC_CSV_HEADER = CLINIC_COLUMNS.filter((c) => c !== 'slug');

function valueFor(c: ClinicInput, column: (typeof CLINIC_COLUMNS)[number]): unknown {
  switch (column) {
    case 'name':
      return c.name;
    case 'address':
      return c.address;
    case 'postcode':
      return c.postcode;
    case 'phone':
      return c.phone;
    case 'email':
      return c.email;
    case 'website':
      return c.website;
    case 'booking_url':
      return c.bookingUrl;
    case 'ydernummer':
      return yesNo(c.ydernummer);
    case 'handicap_access':
      return yesNo(c.handicapAccess);
    case 'specialties':
      return c.specialties.join(';');
    case 'opening_hours':
      return c.openingHours ? hoursToText(c.openingHours) : '';
    case 'prices':
      return c.prices.map((p) => `${p.name}|${p.durationMinutes ?? ''}|${p.priceKr}`).join('; ');
    case 'team':
      return c.team.map((m) => `${m.name}|${m.title ?? ''}`).join('; ');
    case 'about':
      return c.about;
    case 'verified':
      return yesNo(c.verified);
    case 'slug':
      return c.slug;
  }
}

export function writeClinicCsv(file: string, count: number, seed: number, directory: Directory): number {
  const lines = [CLINIC_CSV_HEADER.join(',')];
  for (const { input: c } of generateDemoClinics(count, seed, directory)) {
    lines.push(
      CLINIC_CSV_HEADER.map((column) => cell(valueFor(c, column))).join(','),
    );
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
