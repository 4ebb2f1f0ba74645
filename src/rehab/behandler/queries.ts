import { isoNow } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';
import type { ProgramStatus } from '../../db/schema-rehab.js';
import { slugify, uniqueSlug } from '../../text/slugify.js';
import { compareDanish } from '../../text/danish.js';
import { type Program, programFromRow } from '../programs.js';
import { type TemplateBody, sourceSchema, templateBodySchema } from './templates.js';

/** Reads for the behandler's pages: their clinics, the templates they may start from, the clinics' programs. */

export interface ClinicRef {
  id: number;
  name: string;
}

/** The clinics where the user is a behandler, by name. */
export async function behandlerClinics(db: Db, userId: number): Promise<ClinicRef[]> {
  const rows = await db
    .selectFrom('clinic_memberships')
    .innerJoin('clinics', 'clinics.id', 'clinic_memberships.clinic_id')
    .select(['clinics.id', 'clinics.name'])
    .where('clinic_memberships.user_id', '=', userId)
    .where('clinic_memberships.role', '=', 'behandler')
    .execute();
  return rows.sort((a, b) => compareDanish(a.name, b.name));
}

export interface Template {
  id: number;
  /** Null for ours. */
  clinicId: number | null;
  slug: string;
  name: string;
  summary: string;
  sources: { text: string; url?: string | undefined }[];
  body: TemplateBody;
  updatedAt: string;
}

type TemplateRow = { id: number; clinic_id: number | null; slug: string; name: string; summary: string; sources: string; body: string; updated_at: string };
const TEMPLATE_COLUMNS = ['id', 'clinic_id', 'slug', 'name', 'summary', 'sources', 'body', 'updated_at'] as const;

const templateFromRow = (r: TemplateRow): Template => ({
  id: r.id,
  clinicId: r.clinic_id,
  slug: r.slug,
  name: r.name,
  summary: r.summary,
  sources: sourceSchema.array().parse(JSON.parse(r.sources)),
  body: templateBodySchema.parse(JSON.parse(r.body)),
  updatedAt: r.updated_at,
});

/** Ours (by name), then each clinic's own (by name). */
export async function templatesFor(db: Db, clinicIds: readonly number[]): Promise<{ ours: Template[]; clinics: Template[] }> {
  let query = db.selectFrom('program_templates').select(TEMPLATE_COLUMNS).where('clinic_id', 'is', null);
  if (clinicIds.length > 0) query = db.selectFrom('program_templates').select(TEMPLATE_COLUMNS).where((eb) => eb.or([eb('clinic_id', 'is', null), eb('clinic_id', 'in', [...clinicIds])]));
  const all = (await query.execute()).map(templateFromRow).sort((a, b) => compareDanish(a.name, b.name));
  return { ours: all.filter((t) => t.clinicId === null), clinics: all.filter((t) => t.clinicId !== null) };
}

/** One template: ours by slug, or a clinic's own by clinic and slug. */
export async function templateBySlug(db: Db, slug: string, clinicId: number | null): Promise<Template | null> {
  const row = await db
    .selectFrom('program_templates')
    .select(TEMPLATE_COLUMNS)
    .where('slug', '=', slug)
    .where('clinic_id', clinicId === null ? 'is' : '=', clinicId)
    .executeTakeFirst();
  return row ? templateFromRow(row) : null;
}

/** A clinic's own template; the slug is made from the name and kept unique within the clinic. */
export async function saveClinicTemplate(
  db: Db,
  input: { clinicId: number; createdBy: number; name: string; summary: string; body: TemplateBody },
  now = Date.now(),
): Promise<Template> {
  const at = isoNow(now);
  const base = slugify(input.name) || 'skabelon';
  const taken = new Set(
    (await db.selectFrom('program_templates').select('slug').where('clinic_id', '=', input.clinicId).where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  );
  const slug = uniqueSlug(base, (candidate) => taken.has(candidate));
  const row = await db
    .insertInto('program_templates')
    .values({
      clinic_id: input.clinicId,
      slug,
      name: input.name,
      summary: input.summary,
      sources: '[]',
      body: JSON.stringify(templateBodySchema.parse(input.body)),
      created_by: input.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning(TEMPLATE_COLUMNS)
    .executeTakeFirstOrThrow();
  return templateFromRow(row);
}

export const PROGRAMS_PER_PAGE = 25;

export interface ProgramListEntry extends Program {
  clinicName: string;
}

/**
 * The programs of some clinics that the viewer may see, last changed first, one page at a time
 * (locked ones never). A program a patient has accepted is health data: it is listed only for a
 * checked behandler who prescribed it or with whom the patient shares it (the policy's
 * `health_data` read rule, as a query), so that a patient who chose not to share is not even
 * named to the clinic's other behandlere.
 */
export async function programsOfClinics(
  db: Db,
  clinicIds: readonly number[],
  viewer: { id: number; checked: boolean },
  page: number,
): Promise<{ programs: ProgramListEntry[]; total: number }> {
  if (clinicIds.length === 0) return { programs: [], total: 0 };
  const base = db
    .selectFrom('programs')
    .where('programs.clinic_id', 'in', [...clinicIds])
    .where('programs.status', '!=', 'laast')
    .where((eb) =>
      viewer.checked
        ? eb.or([eb('programs.patient_id', 'is', null), eb('programs.behandler_id', '=', viewer.id), eb('programs.shared_with_clinic', '=', true)])
        : eb('programs.patient_id', 'is', null),
    );
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('clinics', 'clinics.id', 'programs.clinic_id')
    .select([
      'programs.id',
      'programs.clinic_id',
      'programs.behandler_id',
      'programs.patient_id',
      'programs.status',
      'programs.shared_with_clinic',
      'programs.patient_label',
      'programs.current_version',
      'programs.created_at',
      'programs.updated_at',
      'programs.locked_at',
      'clinics.name as clinic_name',
    ])
    .orderBy('programs.updated_at', 'desc')
    .orderBy('programs.id', 'desc')
    .limit(PROGRAMS_PER_PAGE)
    .offset((page - 1) * PROGRAMS_PER_PAGE)
    .execute();
  return { programs: rows.map((r) => ({ ...programFromRow(r), clinicName: r.clinic_name })), total: Number(n) };
}

export const STATUS_LABELS: Record<ProgramStatus, string> = {
  udkast: 'Udkast',
  inviteret: 'Patienten er inviteret',
  aktiv: 'Aktiv',
  afsluttet: 'Afsluttet',
  laast: 'Låst',
};

/** The behandler's name for the program (a name or initials; on the print too). */
export async function setPatientLabel(db: Db, programId: number, label: string | null): Promise<void> {
  await db.updateTable('programs').set({ patient_label: label }).where('id', '=', programId).execute();
}
