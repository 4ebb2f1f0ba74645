import { z } from 'zod';
import { parseDanishDecimal } from '../../text/numbers.js';
import { danishErrors } from '../../text/zod-danish.js';
import { type Price, type TeamMember, clinicFields } from '../clinic-input.js';
import { type Interval, type OpeningHours, WEEKDAYS, type Weekday } from '../opening-hours.js';
import type { SpecialtyCatalog } from '../specialties.js';

/**
 * The owner's profile form: its fields as posted (flat names, so it works without
 * JavaScript), read into a profile with the import's own validation (clinic-input.ts) and
 * one Danish message per field that is wrong.
 */

export interface Profile {
  about: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  booking_url: string | null;
  ydernummer: boolean;
  handicap_access: boolean | null;
  vederlagsfri: boolean;
  /** Specialty slugs, in the catalog's order. */
  specialties: string[];
  opening_hours: OpeningHours | null;
  prices: Price[];
  team: TeamMember[];
  accepting_patients: boolean | null;
  waiting_weeks: number | null;
}

export type ProfileField = keyof Profile;

/** Fields in the order of the form, with the Danish name shown in messages and the change log. */
export const PROFILE_LABELS: Record<ProfileField, string> = {
  about: 'Om klinikken',
  phone: 'Telefon',
  email: 'E-mail',
  website: 'Hjemmeside',
  booking_url: 'Booking-link',
  ydernummer: 'Ydernummer',
  handicap_access: 'Handicapadgang',
  vederlagsfri: 'Vederlagsfri fysioterapi',
  specialties: 'Specialer',
  opening_hours: 'Åbningstider',
  prices: 'Priser',
  team: 'Team',
  accepting_patients: 'Tager imod nye patienter',
  waiting_weeks: 'Ventetid',
};

export const PROFILE_FIELDS = Object.keys(PROFILE_LABELS) as ProfileField[];

/** Rows the form offers beyond those filled in, so a price or a person can be added without JavaScript. */
export const SPARE_ROWS = 3;
export const MAX_ROWS = 40;
export const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Mandag',
  tue: 'Tirsdag',
  wed: 'Onsdag',
  thu: 'Torsdag',
  fri: 'Fredag',
  sat: 'Lørdag',
  sun: 'Søndag',
};

export type FormBody = Record<string, string | undefined>;

export interface ProfileFormResult {
  profile: Profile | null;
  errors: Partial<Record<ProfileField, string>>;
}

const capitalised = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Runs one of the import's field schemas; its message (lower-case, made for a file) starts the sentence here. */
function importField<K extends keyof typeof clinicFields>(name: K, value: unknown): { ok: true; value: z.output<(typeof clinicFields)[K]> } | { ok: false; error: string } {
  const parsed = clinicFields[name].safeParse(value, { error: danishErrors });
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof clinicFields)[K]> };
  return { ok: false, error: capitalised(parsed.error.issues[0]?.message ?? 'er ugyldig') };
}

const text = (body: FormBody, name: string) => (body[name] ?? '').trim();

export function readProfileForm(body: FormBody, specialties: SpecialtyCatalog): ProfileFormResult {
  const errors: ProfileFormResult['errors'] = {};
  const out: Partial<Profile> = {};
  const take = <K extends ProfileField>(field: K, result: { ok: true; value: Profile[K] } | { ok: false; error: string }) => {
    if (result.ok) out[field] = result.value;
    else errors[field] = result.error;
  };

  if (text(body, 'about').length > 5000) errors.about = 'Teksten må højst være 5.000 tegn';
  else take('about', importField('about', text(body, 'about')));
  take('phone', importField('phone', text(body, 'phone')));
  take('email', importField('email', text(body, 'email')));
  take('website', importField('website', text(body, 'website')));
  take('booking_url', importField('booking_url', text(body, 'booking_url')));
  take('ydernummer', importField('ydernummer', body.ydernummer === 'ja' ? 'ja' : 'nej') as { ok: true; value: boolean });
  take('handicap_access', importField('handicap_access', text(body, 'handicap_access')));
  take('vederlagsfri', importField('vederlagsfri', body.vederlagsfri === 'ja' ? 'ja' : 'nej') as { ok: true; value: boolean });

  const chosen = specialties.all.filter((s) => body[`speciale_${s.slug}`] !== undefined).map((s) => s.slug);
  take('specialties', importField('specialties', chosen));

  take('opening_hours', readHours(body));
  take('prices', readPrices(body));
  take('team', readTeam(body));

  const accepting = text(body, 'accepting_patients');
  take(
    'accepting_patients',
    accepting === '' ? { ok: true, value: null } : accepting === 'ja' || accepting === 'nej' ? { ok: true, value: accepting === 'ja' } : { ok: false, error: 'Vælg ja, nej eller ikke oplyst' },
  );
  take('waiting_weeks', readWaitingWeeks(text(body, 'waiting_weeks'), out.accepting_patients ?? null));

  return Object.keys(errors).length > 0 ? { profile: null, errors } : { profile: out as Profile, errors };
}

function readHours(body: FormBody): { ok: true; value: OpeningHours | null } | { ok: false; error: string } {
  const weekly = {} as Record<Weekday, Interval[]>;
  let any = false;
  for (const day of WEEKDAYS) {
    weekly[day] = [];
    for (const n of [1, 2]) {
      const opens = text(body, `hours_${day}_${n}_opens`);
      const closes = text(body, `hours_${day}_${n}_closes`);
      if (!opens && !closes) continue;
      if (!opens || !closes) return { ok: false, error: `${DAY_NAMES[day]}: skriv både åbne- og lukketid` };
      weekly[day].push({ opens, closes });
      any = true;
    }
  }
  const note = text(body, 'hours_note');
  if (note.length > 300) return { ok: false, error: 'Bemærkningen til åbningstiderne må højst være 300 tegn' };
  if (!any) {
    if (note) return { ok: false, error: 'Skriv åbningstiderne for mindst én dag, eller fjern bemærkningen' };
    return { ok: true, value: null };
  }
  return importField('opening_hours', { weekly, note: note || null });
}

/** Row numbers present in the form for a prefix such as "price". */
function rowsOf(body: FormBody, prefix: string): number[] {
  const rows = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = new RegExp(`^${prefix}_(\\d{1,2})_`).exec(key);
    if (m && Number(m[1]) < MAX_ROWS) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

function readPrices(body: FormBody): { ok: true; value: Price[] } | { ok: false; error: string } {
  const items: Array<{ name: string; durationMinutes: number | null; priceKr: number }> = [];
  for (const [shown, row] of rowsOf(body, 'price').entries()) {
    const name = text(body, `price_${row}_name`);
    const minutes = text(body, `price_${row}_minutes`);
    const kr = text(body, `price_${row}_kr`);
    if (!name && !minutes && !kr) continue;
    const where = `Pris ${shown + 1}`;
    if (!name) return { ok: false, error: `${where}: skriv hvad prisen gælder, fx "Første konsultation"` };
    if (name.length > 200) return { ok: false, error: `${where}: navnet må højst være 200 tegn` };
    const price = parseDanishDecimal(kr);
    if (price === null || price < 0 || price > 100_000) return { ok: false, error: `${where}: skriv prisen i kroner som et tal mellem 0 og 100.000, fx 450` };
    const duration = minutes === '' ? null : Number(minutes);
    if (duration !== null && (!Number.isInteger(duration) || duration < 5 || duration > 480)) {
      return { ok: false, error: `${where}: varigheden skal være et helt antal minutter mellem 5 og 480` };
    }
    items.push({ name, durationMinutes: duration, priceKr: price });
  }
  return importField('prices', items);
}

function readTeam(body: FormBody): { ok: true; value: TeamMember[] } | { ok: false; error: string } {
  const items: Array<{ name: string; title: string | null }> = [];
  for (const [shown, row] of rowsOf(body, 'team').entries()) {
    const name = text(body, `team_${row}_name`);
    const title = text(body, `team_${row}_title`);
    if (!name && !title) continue;
    if (!name) return { ok: false, error: `Person ${shown + 1}: skriv navnet (titlen alene er ikke nok)` };
    if (name.length > 200 || title.length > 200) return { ok: false, error: `Person ${shown + 1}: navn og titel må højst være 200 tegn hver` };
    items.push({ name, title: title || null });
  }
  return importField('team', items);
}

function readWaitingWeeks(raw: string, accepting: boolean | null): { ok: true; value: number | null } | { ok: false; error: string } {
  if (raw === '') return { ok: true, value: null };
  const weeks = Number(raw);
  if (!/^\d{1,3}$/.test(raw) || weeks > 104) return { ok: false, error: 'Skriv ventetiden som et helt antal uger mellem 0 og 104' };
  if (accepting === false) return { ok: false, error: 'Ventetiden gælder kun, når klinikken tager imod nye patienter' };
  return { ok: true, value: weeks };
}

/** The form's fields filled from a profile (to show it, or show it again after an error). */
export function profileFormValues(profile: Profile): FormBody {
  const values: FormBody = {
    about: profile.about ?? '',
    phone: profile.phone ?? '',
    email: profile.email ?? '',
    website: profile.website ?? '',
    booking_url: profile.booking_url ?? '',
    ydernummer: profile.ydernummer ? 'ja' : undefined,
    handicap_access: profile.handicap_access === null ? '' : profile.handicap_access ? 'ja' : 'nej',
    vederlagsfri: profile.vederlagsfri ? 'ja' : undefined,
    accepting_patients: profile.accepting_patients === null ? '' : profile.accepting_patients ? 'ja' : 'nej',
    waiting_weeks: profile.waiting_weeks === null ? '' : String(profile.waiting_weeks),
    hours_note: profile.opening_hours?.note ?? '',
  };
  for (const slug of profile.specialties) values[`speciale_${slug}`] = 'ja';
  for (const day of WEEKDAYS) {
    for (const [i, iv] of (profile.opening_hours?.weekly[day] ?? []).slice(0, 2).entries()) {
      values[`hours_${day}_${i + 1}_opens`] = iv.opens;
      values[`hours_${day}_${i + 1}_closes`] = iv.closes;
    }
  }
  for (const [i, p] of profile.prices.entries()) {
    values[`price_${i}_name`] = p.name;
    values[`price_${i}_minutes`] = p.durationMinutes === null ? '' : String(p.durationMinutes);
    values[`price_${i}_kr`] = String(p.priceKr).replace('.', ',');
  }
  for (const [i, m] of profile.team.entries()) {
    values[`team_${i}_name`] = m.name;
    values[`team_${i}_title`] = m.title ?? '';
  }
  return values;
}

/** A posted form body as strings only (a repeated field keeps its last value in web/forms.ts). */
export const formBodySchema = z.record(z.string().max(200), z.string().max(10_000));
