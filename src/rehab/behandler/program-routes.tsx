import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import { displayName, userNames } from '../../accounts/users.js';
import { actorOf, orBusy, pageQuery } from '../../directory/owners/routes/access.js';
import { todayInDenmark } from '../../text/dates.js';
import { csrfField } from '../../web/csrf-field.js';
import { notFound, parseInput } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { authorisedBehandlere, recordHealthRead } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { inviteToProgram } from '../invitations.js';
import { type Program, createProgram, currentVersion, programById, reviseProgram, versionsOf } from '../programs.js';
import { flashOf, inviteRefusal, programFor, requireBehandler, signedIn } from './access.js';
import { exerciseChoices, instructionsFor, resolveExercises } from './exercise-choices.js';
import { type FormAction, type ProgramFormValues, applyRowAction, blankForm, checkProgramForm, formFromTemplate, formFromVersion, pickedExercises, readProgramForm, saveAsTemplateSchema, templateItemsOf } from './program-form.js';
import { type ClinicRef, programsOfClinics, saveClinicTemplate, setPatientLabel, templateBySlug } from './queries.js';
import { versionChanges } from './version-changes.js';
import { ProgramFormPage, type ProgramFormProps } from './views/form-page.js';
import { PrintPage, VersionsPage } from './views/history-pages.js';
import { ProgramListPage } from './views/list-pages.js';
import { PROGRAMS_PATH, TEMPLATES_PATH, programPath } from './views/parts.js';
import { ProgramPage, programLabel } from './views/program-page.js';

const FORM_BODY_LIMIT = 256 * 1024;
const newQuery = z.object({ skabelon: z.string().regex(/^[a-z0-9-]{1,200}$/).optional(), klinik: z.coerce.number().int().min(1).optional() });
const inviteSchema = z.object({
  email: z
    .string({ error: 'Patientens e-mailadresse: skal udfyldes' })
    .trim()
    .min(1, 'Patientens e-mailadresse: skal udfyldes')
    .max(254, 'Patientens e-mailadresse: er for lang')
    .pipe(z.email({ error: 'Patientens e-mailadresse: skriv en gyldig adresse, fx navn@eksempel.dk' })),
});

/** The program pages: the list, the editor (new and edit), the program, its versions, the print, the invitation. */
export async function programRoutes(app: FastifyInstance, deps: RehabDeps) {
  const { db, ctx } = deps;

  const formPage = async (request: FastifyRequest, values: ProgramFormValues, errors: Record<string, string>, clinics: ClinicRef[], mode: ProgramFormProps['mode']) => {
    const clinicId = Number.parseInt(values.fields.clinic, 10);
    const exercises = await exerciseChoices(db, clinics.some((c) => c.id === clinicId) ? clinicId : (clinics[0]?.id ?? null));
    return renderDocument(<ProgramFormPage ctx={ctx} csrf={csrfField(request)} values={values} errors={errors} clinics={clinics} exercises={exercises} mode={mode} />);
  };

  const clinicName = async (clinicId: number) => (await db.selectFrom('clinics').select('name').where('id', '=', clinicId).executeTakeFirstOrThrow()).name;
  const nameOf = async (userId: number) => displayName(await userNames(db, [userId]), userId);

  const programPage = async (
    request: FastifyRequest,
    program: Program,
    extra: { errors?: Record<string, string>; email?: string; template?: { name: string; summary: string }; flash?: string | null } = {},
  ) => {
    const version = await currentVersion(db, program);
    // Every showing of a patient's program is a read of their health data (the GET and a form shown again alike).
    await recordHealthRead(db, request.actor, program, 'program', request.ip);
    const refusal = await inviteRefusal(db, actorOf(request), program.clinicId);
    return renderDocument(
      <ProgramPage
        ctx={ctx}
        csrf={() => csrfField(request)}
        program={program}
        version={version}
        clinicName={await clinicName(program.clinicId)}
        prescriber={await nameOf(program.behandlerId)}
        instructions={await instructionsFor(db, program.clinicId, version.items)}
        invite={refusal === null ? { allowed: true } : { allowed: false, reason: refusal }}
        inviteValues={{ email: extra.email ?? '' }}
        templateValues={extra.template ?? { name: '', summary: '' }}
        errors={extra.errors ?? {}}
        flash={extra.flash ?? null}
      />,
    );
  };

  app.get(PROGRAMS_PATH, signedIn, async (request, reply) => {
    const { actor, clinics } = await requireBehandler(db, request);
    const { side } = parseInput(pageQuery, request.query);
    const checked = (await authorisedBehandlere(db, [actor.id])).length > 0;
    const { programs, total } = await programsOfClinics(db, clinics.map((c) => c.id), { id: actor.id, checked }, side);
    if (side > 1 && programs.length === 0) throw notFound();
    return sendHtml(reply, renderDocument(<ProgramListPage ctx={ctx} programs={programs} total={total} page={side} clinics={clinics} flash={flashOf(request.query)} />), 'no-store');
  });

  app.get(`${PROGRAMS_PATH}/ny`, signedIn, async (request, reply) => {
    const { clinics } = await requireBehandler(db, request);
    const query = parseInput(newQuery, request.query);
    if (query.klinik !== undefined && !clinics.some((c) => c.id === query.klinik)) throw notFound('template_not_found', 'Skabelonen findes ikke');
    const today = todayInDenmark();
    const clinicId = query.klinik ?? clinics[0]!.id;
    let values = blankForm(today, clinicId);
    let templateName: string | null = null;
    if (query.skabelon) {
      const template = await templateBySlug(db, query.skabelon, query.klinik ?? null);
      if (!template) throw notFound('template_not_found', 'Skabelonen findes ikke');
      values = formFromTemplate(template, today, clinicId);
      templateName = template.name;
    }
    const action = `${PROGRAMS_PATH}/ny`;
    return sendHtml(reply, await formPage(request, values, {}, clinics, { kind: 'new', templateName, action }), 'no-store');
  });

  app.post(`${PROGRAMS_PATH}/ny`, { ...signedIn, bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
    const { actor, clinics } = await requireBehandler(db, request);
    const { values, action } = readProgramForm(request.body);
    const mode = { kind: 'new' as const, templateName: values.fields.template_name.trim().slice(0, 200) || null, action: `${PROGRAMS_PATH}/ny` };
    if (action.kind !== 'save') return sendHtml(reply, await formPage(request, applyRowAction(values, action), {}, clinics, mode), 'no-store');
    const clinicId = Number.parseInt(values.fields.clinic, 10);
    const exercises = await resolveExercises(db, clinics.some((c) => c.id === clinicId) ? clinicId : clinics[0]!.id, pickedExercises(values));
    const checked = checkProgramForm(values, { exercises, clinicIds: clinics.map((c) => c.id), requireChangeNote: false });
    if (!checked.content || checked.clinicId === null) return sendHtml(reply.status(400), await formPage(request, values, checked.errors, clinics, mode), 'no-store');
    const content = checked.content;
    const { program } = await orBusy(db, () =>
      db.transaction().execute(async (trx) => {
        const made = await createProgram(trx, { clinicId: checked.clinicId!, behandlerId: actor.id, content, patientLabel: checked.patientLabel });
        await audit(trx, { actorId: actor.id, action: 'program.created', subjectType: 'program', subjectId: made.program.id, details: { clinic: checked.clinicId }, address: request.ip });
        return made;
      }),
    );
    return reply.redirect(`${programPath(program.id)}?besked=oprettet`, 303);
  });

  app.get(`${PROGRAMS_PATH}/:id`, signedIn, async (request, reply) => {
    const { program } = await programFor(db, request, 'read', null);
    return sendHtml(reply, await programPage(request, program, { flash: flashOf(request.query) }), 'no-store');
  });

  const editMode = (program: Program, stale: boolean): ProgramFormProps['mode'] => ({
    kind: 'edit',
    programId: program.id,
    label: programLabel(program),
    changeNoteRequired: program.status !== 'udkast',
    stale,
  });
  const clinicOf = async (program: Program): Promise<ClinicRef[]> => [{ id: program.clinicId, name: await clinicName(program.clinicId) }];

  app.get(`${PROGRAMS_PATH}/:id/rediger`, signedIn, async (request, reply) => {
    const { program } = await programFor(db, request, 'manage');
    const values = formFromVersion(await currentVersion(db, program), program);
    return sendHtml(reply, await formPage(request, values, {}, await clinicOf(program), editMode(program, false)), 'no-store');
  });

  app.post(`${PROGRAMS_PATH}/:id/rediger`, { ...signedIn, bodyLimit: FORM_BODY_LIMIT }, async (request, reply) => {
    const { actor, program } = await programFor(db, request, 'manage', null);
    const read = readProgramForm(request.body);
    // The clinic is the program's; the form cannot move it.
    const values: ProgramFormValues = { ...read.values, fields: { ...read.values.fields, clinic: String(program.clinicId) } };
    const action: FormAction = read.action;
    const clinics = await clinicOf(program);
    if (action.kind !== 'save') return sendHtml(reply, await formPage(request, applyRowAction(values, action), {}, clinics, editMode(program, false)), 'no-store');
    const exercises = await resolveExercises(db, program.clinicId, pickedExercises(values));
    const checked = checkProgramForm(values, { exercises, clinicIds: [program.clinicId], requireChangeNote: program.status !== 'udkast' });
    if (!checked.content) return sendHtml(reply.status(400), await formPage(request, values, checked.errors, clinics, editMode(program, false)), 'no-store');
    const expected = Number.parseInt(values.fields.from_version, 10);
    const content = checked.content;
    const revised = await orBusy(db, () =>
      db.transaction().execute(async (trx) => {
        const version = await reviseProgram(trx, program.id, expected, content, { createdBy: actor.id, changeNote: checked.changeNote || 'Programmet er redigeret.' });
        if (!version) return null;
        await setPatientLabel(trx, program.id, checked.patientLabel);
        await audit(trx, { actorId: actor.id, action: 'program.revised', subjectType: 'program', subjectId: program.id, details: { version: version.version }, address: request.ip });
        return version;
      }),
    );
    if (!revised) {
      // Someone saved a newer version since this form was opened: nothing is written, and what was typed comes back.
      const now = (await programById(db, program.id)) ?? program;
      const stale = { ...values, fields: { ...values.fields, from_version: String(now.currentVersion) } };
      return sendHtml(reply.status(409), await formPage(request, stale, {}, clinics, editMode(now, true)), 'no-store');
    }
    return reply.redirect(`${programPath(program.id)}?besked=gemt`, 303);
  });

  app.get(`${PROGRAMS_PATH}/:id/versioner`, signedIn, async (request, reply) => {
    const { program } = await programFor(db, request, 'read');
    const versions = await versionsOf(db, program.id);
    const names = await userNames(db, versions.map((v) => v.createdBy));
    const entries = versions.map((version, i) => ({ version, by: displayName(names, version.createdBy), changes: i === 0 ? [] : versionChanges(versions[i - 1]!, version) }));
    return sendHtml(reply, renderDocument(<VersionsPage ctx={ctx} program={program} versions={entries} />), 'no-store');
  });

  app.get(`${PROGRAMS_PATH}/:id/print`, signedIn, async (request, reply) => {
    const { program } = await programFor(db, request, 'read');
    const version = await currentVersion(db, program);
    const html = renderDocument(
      <PrintPage
        ctx={ctx}
        program={program}
        version={version}
        clinicName={await clinicName(program.clinicId)}
        prescriber={await nameOf(program.behandlerId)}
        instructions={await instructionsFor(db, program.clinicId, version.items)}
      />,
    );
    return sendHtml(reply, html, 'no-store');
  });

  app.post(`${PROGRAMS_PATH}/:id/inviter`, { ...signedIn, bodyLimit: 8 * 1024 }, async (request, reply) => {
    const { actor, program } = await programFor(db, request, 'manage', null);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.slice(0, 300) : '';
    const refusal = await inviteRefusal(db, actor, program.clinicId);
    if (refusal) return sendHtml(reply.status(403), await programPage(request, program, { email }), 'no-store');
    if (program.patientId !== null) return sendHtml(reply.status(409), await programPage(request, program, { errors: { email: 'Patienten har allerede taget imod programmet.' } }), 'no-store');
    const parsed = inviteSchema.safeParse({ email });
    if (!parsed.success) return sendHtml(reply.status(400), await programPage(request, program, { email, errors: { email: parsed.error.issues[0]!.message } }), 'no-store');
    const names = { clinicName: await clinicName(program.clinicId), behandlerName: actor.name };
    await orBusy(db, () =>
      db.transaction().execute((trx) => inviteToProgram(trx, { programId: program.id, email: parsed.data.email, ...names, baseUrl: deps.baseUrl }, actor.id)),
    );
    return reply.redirect(`${programPath(program.id)}?besked=inviteret`, 303);
  });

  app.post(`${PROGRAMS_PATH}/:id/gem-som-skabelon`, { ...signedIn, bodyLimit: 8 * 1024 }, async (request, reply) => {
    const { actor, program } = await programFor(db, request, 'read', null);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const typed = { name: typeof body.name === 'string' ? body.name.slice(0, 300) : '', summary: typeof body.summary === 'string' ? body.summary.slice(0, 3000) : '' };
    const parsed = saveAsTemplateSchema.safeParse(typed);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return sendHtml(reply.status(400), await programPage(request, program, { errors, template: typed }), 'no-store');
    }
    const version = await currentVersion(db, program);
    const templateBody = { goal: '', weeks: version.weeks, sessionsPerWeek: version.sessionsPerWeek, trainingDays: version.trainingDays, phases: [], items: templateItemsOf(version) };
    await orBusy(db, () =>
      db.transaction().execute(async (trx) => {
        const template = await saveClinicTemplate(trx, { clinicId: program.clinicId, createdBy: actor.id, name: parsed.data.name, summary: parsed.data.summary, body: templateBody });
        await audit(trx, { actorId: actor.id, action: 'program_template.created', subjectType: 'program_template', subjectId: template.id, details: { program: program.id }, address: request.ip });
      }),
    );
    return reply.redirect(`${TEMPLATES_PATH}?besked=skabelon`, 303);
  });
}
