import { z } from 'zod';
import { YES_NO_MESSAGE, parseYesNo } from '../text/yes-no.js';
import { danishErrorsNamed } from '../text/zod-danish.js';
import { type OpeningHours, openingHoursSchema, parseOpeningHours } from './opening-hours.js';

/**
 * One clinic as it enters the system (CSV or JSON import, demo generator), validated field by
 * field with Danish messages. Lenient where people are lenient (a web address without
 * https://, a phone number with spaces, "ja"/"nej"), strict where a mistake would mislead a
 * patient (an e-mail or URL that cannot work, an unknown postcode or specialty).
 */

export const MAX_SPECIALTIES = 10;

export interface Price {
  name: string;
  durationMinutes: number | null;
  priceKr: number;
}

export interface TeamMember {
  name: string;
  title: string | null;
}

export interface ClinicInput {
  slug: string | null;
  name: string;
  address: string;
  postcode: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  bookingUrl: string | null;
  ydernummer: boolean;
  handicapAccess: boolean | null;
  /** Offers vederlagsfri fysioterapi (free, on referral, paid by the municipality). */
  vederlagsfri: boolean;
  about: string | null;
  prices: Price[];
  openingHours: OpeningHours | null;
  /** Specialty slugs or names, resolved against the specialties table when saved. */
  specialties: string[];
  team: TeamMember[];
  verified: boolean;
  isDemo: boolean;
  /** A point more exact than the postcode's, when the source has one. */
  point: { lat: number; lon: number } | null;
}

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = z.preprocess(blankToNull, z.string().trim().max(5000).nullable().optional()).transform((v) => v ?? null);

const flag = (field: string, allowUnknown: boolean) =>
  z.preprocess(blankToNull, z.union([z.boolean(), z.number(), z.string()]).nullable().optional()).transform((v, ctx) => {
    if (v === null || v === undefined) return allowUnknown ? null : false;
    if (typeof v === 'boolean') return v;
    const answer = parseYesNo(String(v));
    if (answer !== null) return answer;
    ctx.addIssue({ code: 'custom', message: `${field} ${YES_NO_MESSAGE}, ikke "${v}"` });
    return z.NEVER;
  });

/** Danish numbers as +45 and 8 digits; foreign numbers kept with their +country code. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, '');
  const danish = /^(?:\+45|0045)?(\d{8})$/.exec(digits);
  if (danish) return `+45${danish[1]}`;
  if (/^\+\d{7,15}$/.test(digits)) return digits;
  return null;
}

/** "+4512345678" → "12 34 56 78". */
export function displayPhone(phone: string): string {
  const m = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

const phone = z.preprocess(blankToNull, z.string().nullable().optional()).transform((v, ctx) => {
  if (!v) return null;
  const normalised = normalisePhone(v);
  if (!normalised) {
    ctx.addIssue({ code: 'custom', message: `ugyldigt telefonnummer "${v}"` });
    return z.NEVER;
  }
  return normalised;
});

const email = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: (issue) => `ugyldig e-mail "${String(issue.input)}"` }))
    .nullable()
    .optional(),
).transform((v) => v ?? null);

const webAddress = (field: string) =>
  z.preprocess(blankToNull, z.string().trim().nullable().optional()).transform((v, ctx) => {
    if (!v) return null;
    const candidate = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
    let url: URL | null = null;
    try {
      url = new URL(candidate);
    } catch {
      url = null;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname)) {
      ctx.addIssue({ code: 'custom', message: `ugyldig ${field} "${v}"` });
      return z.NEVER;
    }
    return url.toString();
  });

const priceList = z.array(
  z.object({
    name: z.string().trim().min(1),
    durationMinutes: z.number().int().min(5).max(480).nullable().optional(),
    priceKr: z.number().min(0).max(100_000),
  }),
);
const teamList = z.array(z.object({ name: z.string().trim().min(1).max(200), title: z.string().trim().max(200).nullable().optional() }));

/** "Første konsultation|60|650; Behandling|30|450" or a JSON array. */
const prices = z
  .preprocess(blankToNull, z.union([z.string(), z.array(z.unknown())]).nullable().optional())
  .transform((v, ctx): Price[] => {
    if (!v) return [];
    const items =
      typeof v === 'string'
        ? v.split(';').map((part) => {
            const [name, minutes, kr] = part.split('|').map((s) => s.trim());
            return { name, durationMinutes: minutes ? Number(minutes) : null, priceKr: Number(kr?.replace(',', '.')) };
          })
        : v;
    const parsed = priceList.safeParse(items);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'ugyldige priser (skriv "Navn|minutter|kr; …")' });
      return z.NEVER;
    }
    return parsed.data.map((p) => ({ name: p.name, durationMinutes: p.durationMinutes ?? null, priceKr: p.priceKr }));
  });

/** "Mette Holm|Fysioterapeut; Ali Khan" or a JSON array. */
const team = z
  .preprocess(blankToNull, z.union([z.string(), z.array(z.unknown())]).nullable().optional())
  .transform((v, ctx): TeamMember[] => {
    if (!v) return [];
    const items = typeof v === 'string' ? v.split(';').map((p) => ({ name: p.split('|')[0], title: p.split('|')[1] ?? null })) : v;
    const parsed = teamList.safeParse(items);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'ugyldigt team (skriv "Navn|titel; …")' });
      return z.NEVER;
    }
    return parsed.data.map((m) => ({ name: m.name, title: m.title?.trim() || null }));
  });

const specialties = z
  .preprocess(blankToNull, z.union([z.string(), z.array(z.string())]).nullable().optional())
  .transform((v, ctx) => {
    const list = [...new Set((typeof v === 'string' ? v.split(/[;,]/) : (v ?? [])).map((s) => s.trim()).filter(Boolean))];
    if (list.length > MAX_SPECIALTIES) {
      ctx.addIssue({ code: 'custom', message: `for mange specialer (${list.length}; højst ${MAX_SPECIALTIES})` });
      return z.NEVER;
    }
    return list;
  });

const openingHours = z
  .preprocess(blankToNull, z.union([z.string(), z.record(z.string(), z.unknown())]).nullable().optional())
  .transform((v, ctx): OpeningHours | null => {
    if (!v) return null;
    if (typeof v === 'string') {
      const parsed = parseOpeningHours(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.hours;
    }
    const parsed = openingHoursSchema.safeParse(v, { error: danishErrorsNamed });
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `ugyldige åbningstider: ${parsed.error.issues[0]?.message ?? ''}` });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * Each field of a clinic file as it is validated: the import reads them as one object; the
 * owners' profile form validates the same fields one by one, so both say the same things.
 */
export const clinicFields = {
  slug: z.preprocess(blankToNull, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug må kun have a–z, 0–9 og bindestreger').nullable().optional()),
  name: z.preprocess(blankToNull, z.string({ error: 'mangler navn' }).trim().min(1, 'mangler navn').max(200, 'navnet er for langt')),
  address: z.preprocess(blankToNull, z.string({ error: 'mangler adresse' }).trim().min(1, 'mangler adresse').max(300)),
  postcode: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : blankToNull(v)),
    z.string({ error: 'mangler postnummer' }).trim().regex(/^\d{4}$/, 'postnummeret skal have fire cifre'),
  ),
  phone,
  email,
  website: webAddress('hjemmeside'),
  booking_url: webAddress('booking-adresse'),
  ydernummer: flag('ydernummer', false),
  handicap_access: flag('handicap_access', true),
  vederlagsfri: flag('vederlagsfri', false),
  about: optionalText,
  prices,
  opening_hours: openingHours,
  specialties,
  team,
  verified: flag('verified', false),
};

export const clinicInputSchema = z
  .object(clinicFields)
  .transform(
    (r): ClinicInput => ({
      slug: r.slug ?? null,
      name: r.name,
      address: r.address,
      postcode: r.postcode,
      phone: r.phone,
      email: r.email,
      website: r.website,
      bookingUrl: r.booking_url,
      ydernummer: r.ydernummer ?? false,
      handicapAccess: r.handicap_access ?? null,
      vederlagsfri: r.vederlagsfri ?? false,
      about: r.about,
      prices: r.prices,
      openingHours: r.opening_hours,
      specialties: r.specialties,
      team: r.team,
      verified: r.verified ?? false,
      isDemo: false,
      point: null,
    }),
  );

/** The columns a clinic file may have, in the order we document them. */
export const CLINIC_COLUMNS = [
  'name',
  'address',
  'postcode',
  'phone',
  'email',
  'website',
  'booking_url',
  'ydernummer',
  'handicap_access',
  'vederlagsfri',
  'specialties',
  'opening_hours',
  'prices',
  'team',
  'about',
  'verified',
  'slug',
] as const;

/** Lower-cased name without punctuation or extra spaces, æøå kept: the duplicate key. */
export function clinicNameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/&/g, ' og ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
