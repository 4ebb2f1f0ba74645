import { readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { fieldWithNul } from '../../text/nul.js';
import { parseYesNo } from '../../text/yes-no.js';
import { danishErrorsNamed } from '../../text/zod-danish.js';
import type { WorkerTask } from '../../workers/ordered-work.js';
import { CLINIC_COLUMNS, type ClinicInput, clinicInputSchema } from '../clinic-input.js';

/**
 * A clinic file (CSV or JSON) → records with their row numbers → validated rows or per-row
 * reasons. Validation is most of the work, so an import runs it on a worker thread
 * (`VALIDATE_TASK`) while it saves. Nothing here touches the database; see import-clinics.ts.
 */

export const MAX_CLINIC_FILE_BYTES = 50 * 1024 * 1024;

/** Danish and camelCase spellings of our columns. */
const ALIASES: Record<string, (typeof CLINIC_COLUMNS)[number]> = {
  navn: 'name',
  adresse: 'address',
  postnummer: 'postcode',
  postnr: 'postcode',
  telefon: 'phone',
  tlf: 'phone',
  'e-mail': 'email',
  mail: 'email',
  hjemmeside: 'website',
  booking: 'booking_url',
  bookingurl: 'booking_url',
  handicapadgang: 'handicap_access',
  handicap: 'handicap_access',
  handicapaccess: 'handicap_access',
  specialer: 'specialties',
  åbningstider: 'opening_hours',
  aabningstider: 'opening_hours',
  openinghours: 'opening_hours',
  priser: 'prices',
  behandlere: 'team',
  om: 'about',
  beskrivelse: 'about',
  verificeret: 'verified',
  vederlagsfri_fysioterapi: 'vederlagsfri',
  vederlagsfrifysioterapi: 'vederlagsfri',
};

export function canonicalColumn(header: string): string {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  if ((CLINIC_COLUMNS as readonly string[]).includes(h)) return h;
  return ALIASES[h] ?? ALIASES[h.replace(/_/g, '')] ?? h;
}

/** A valid row may carry warnings: a value we could not read that was replaced by its default. */
export type ParsedRow = { row: number; ok: true; input: ClinicInput; warnings?: string[] } | { row: number; ok: false; reason: string };

/** One row of the file as written, columns renamed to ours; `row` is what a spreadsheet shows. */
export interface ClinicRecord {
  row: number;
  values: Record<string, unknown>;
  /** Set when the row cannot be a clinic at all (a JSON item that is not an object). */
  problem?: string;
}

export type ClinicFile = { ok: true; format: 'csv' | 'json'; records: ClinicRecord[] } | { ok: false; reason: string };

export type ParsedFile = { ok: true; format: 'csv' | 'json'; rows: ParsedRow[] } | { ok: false; reason: string };

export async function readClinicFile(path: string): Promise<ClinicFile> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { ok: false, reason: 'filen findes ikke' };
  if (info.size > MAX_CLINIC_FILE_BYTES) return { ok: false, reason: 'filen er for stor (højst 50 MB)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path)).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, reason: 'filen er ikke gyldig UTF-8-tekst (gem den som UTF-8)' };
  }
  return clinicRecords(text);
}

/** JSON when the content starts with [ or {, CSV otherwise. */
export function clinicRecords(text: string): ClinicFile {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return parseJson(trimmed);
  return parseCsv(text);
}

/** Records and their validation in one go (small files, tests). */
export function parseClinicText(text: string): ParsedFile {
  const file = clinicRecords(text);
  return file.ok ? { ok: true, format: file.format, rows: validateRecords(file.records) } : file;
}

function parseJson(text: string): ClinicFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `ugyldig JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const list = Array.isArray(data) ? data : (data as { clinics?: unknown }).clinics;
  if (!Array.isArray(list)) return { ok: false, reason: 'JSON skal være en liste af klinikker eller { "clinics": [...] }' };
  const records = list.map((item, i): ClinicRecord => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return { row: i + 1, values: {}, problem: 'skal være et objekt' };
    return { row: i + 1, values: Object.fromEntries(Object.entries(item).map(([k, v]) => [canonicalColumn(k), v])) };
  });
  return { ok: true, format: 'json', records };
}

function parseCsv(text: string): ClinicFile {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', ',', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  let table: string[][];
  try {
    table = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    const e = error as { code?: string; lines?: number; message?: string };
    const what: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: 'et citationstegn bliver aldrig lukket',
      INVALID_OPENING_QUOTE: 'et citationstegn står midt i et felt',
      CSV_INVALID_OPENING_QUOTE: 'et citationstegn står midt i et felt',
      CSV_INVALID_CLOSING_QUOTE: 'der står tegn efter et afsluttende citationstegn',
    };
    const reason = (e.code && what[e.code]) ?? e.message ?? String(error);
    return { ok: false, reason: `CSV-filen kan ikke læses: ${reason}${e.lines ? ` (linje ${e.lines})` : ''}` };
  }
  const [header, ...data] = table;
  if (!header) return { ok: false, reason: 'filen er tom' };
  const columns = header.map(canonicalColumn);
  const unknown = columns.filter((c) => !(CLINIC_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    return { ok: false, reason: `ukendte kolonner: ${unknown.join(', ')} (kendte: ${CLINIC_COLUMNS.join(', ')})` };
  }
  if (!columns.includes('name') || !columns.includes('postcode')) {
    return { ok: false, reason: 'filen skal mindst have kolonnerne name og postcode (eller navn og postnummer)' };
  }
  const records = data.map((values, i) => ({ row: i + 2, values: Object.fromEntries(columns.map((c, j) => [c, values[j] ?? ''])) }));
  return { ok: true, format: 'csv', records };
}

export function validateRecords(records: readonly ClinicRecord[]): ParsedRow[] {
  return records.map(({ row, values, problem }): ParsedRow => {
    if (problem) return { row, ok: false, reason: problem };
    const nul = fieldWithNul(values);
    if (nul !== null) return { row, ok: false, reason: `${nul} indeholder et nul-tegn (U+0000), som ikke kan gemmes` };
    const { values: lenient, warnings } = withDefaultsForUnreadable(values);
    const parsed = clinicInputSchema.safeParse(lenient, { error: danishErrorsNamed });
    if (parsed.success) return warnings.length > 0 ? { row, ok: true, input: parsed.data, warnings } : { row, ok: true, input: parsed.data };
    return { row, ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  });
}

/**
 * Columns added after clinic files were in use: a value we cannot read there must not cost the
 * whole row, so it becomes the default and the import warns instead of rejecting.
 */
const LENIENT_FLAGS = { vederlagsfri: 'nej' } as const;

function withDefaultsForUnreadable(values: Record<string, unknown>): { values: Record<string, unknown>; warnings: string[] } {
  const warnings: string[] = [];
  let out = values;
  for (const [column, fallback] of Object.entries(LENIENT_FLAGS)) {
    const v = values[column];
    if (v === undefined || v === null || typeof v === 'boolean' || (typeof v === 'string' && v.trim() === '')) continue;
    if (parseYesNo(String(v)) !== null) continue;
    warnings.push(`${column} skal være ja eller nej, ikke "${String(v)}"; sat til ${fallback}`);
    out = { ...out, [column]: fallback };
  }
  return { values: out, warnings };
}

/** `validateRecords`, for a worker thread to load. */
export const VALIDATE_TASK: WorkerTask<readonly ClinicRecord[], ParsedRow[]> = { run: validateRecords, module: new URL(import.meta.url), name: 'validateRecords' };
