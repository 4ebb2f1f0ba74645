import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import { todayInDenmark } from '../../text/dates.js';
import { csrfField } from '../../web/csrf-field.js';
import { notFound, parseInput, parsePath } from '../../web/errors.js';
import { type PostedForm, readPostedForm } from '../../web/form-fields.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { recordHealthRead } from '../access.js';
import type { RehabDeps } from '../deps.js';
import type { Program } from '../programs.js';
import { describeChange } from '../proposal-text.js';
import { acceptProposal, proposalById, rejectProposal } from '../proposals.js';
import { removeSchedule, saveSchedule } from '../questionnaire-schedule.js';
import { INSTRUMENTS } from '../questionnaires/catalog.js';
import { assertActive, patientPagePath, programParams, signedIn, treatedProgram } from './access.js';
import { endProgram } from './end-program.js';
import { patientPageData } from './patient-page.js';
import { SCHEDULE_FIELDS, scheduleFormSchema } from './schedule-form.js';
import { type PatientPageForms, PatientPage, emptyForms } from './views/patient-page.js';

const BODY_LIMIT = 16 * 1024;
const post = { ...signedIn, bodyLimit: BODY_LIMIT };
const pageQuery = z.object({
  side: z.coerce.number().int().min(1).max(10_000).default(1),
  // A notice key or proposal id that does not fit shows no notice (they only ever come from our redirects).
  besked: z.string().max(40).optional().catch(undefined),
  forslag: z.coerce.number().int().min(1).max(2 ** 31 - 1).optional().catch(undefined),
});
const proposalParams = programParams.extend({ proposalId: z.coerce.number().int().min(1).max(2 ** 31 - 1) });
const instrumentParams = programParams.extend({ instrument: z.enum(INSTRUMENTS.map((i) => i.id) as [string, ...string[]]) });

const rejectSchema = z.object({ begrundelse: z.string().trim().min(1, 'Begrundelse: skriv kort, hvorfor du afviser forslaget').max(500, 'Begrundelse: højst 500 tegn') });
const endSchema = z.object({ bekraeft: z.literal('ja', { message: 'Afslut: sæt kryds ved "Ja, programmet er slut" for at afslutte' }) });

/** Notices after a redirect, by key (never text from the URL). */
const FLASH: Record<string, string> = {
  afvist: 'Forslaget er afvist, og din begrundelse er gemt.',
  planlagt: 'Spørgeskemaet er planlagt.',
  fjernet: 'Spørgeskemaet er fjernet fra planen. Svar, patienten allerede har givet, er bevaret.',
  afsluttet: 'Programmet er afsluttet.',
  'ikke-aktuelt': 'Forslaget var allerede besluttet eller er blevet forældet af en nyere version.',
};

/** The flash after accepting: the version it made and the new dose, read from the database (never text from the URL). */
async function acceptedFlash(deps: RehabDeps, program: Program, proposalId: number | undefined): Promise<string | null> {
  if (!proposalId) return null;
  const stored = await proposalById(deps.db, proposalId);
  if (!stored || stored.programId !== program.id || stored.status !== 'accepteret') return null;
  const change = stored.proposal.change;
  if (!change) return 'Forslaget er accepteret. Der var intet at ændre, så programmet er uændret.';
  const made = await deps.db.selectFrom('program_versions').select(['version', 'items']).where('program_id', '=', program.id).where('proposal_id', '=', proposalId).executeTakeFirst();
  if (!made) return 'Forslaget er accepteret.';
  const item = (JSON.parse(made.items) as { id: string; name: string }[]).find((i) => i.id === stored.itemId);
  return `Forslaget er accepteret. Version ${made.version}: ${item ? `${item.name}, ` : ''}${describeChange(change)}.`;
}

/** /behandler/patienter/{programId} and its decisions: proposals, questionnaires, ending. */
export async function patientRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  const { db, ctx } = deps;

  async function render(request: FastifyRequest, reply: FastifyReply, program: Program & { patientId: number }, forms: PatientPageForms, status = 200) {
    const query = parseInput(pageQuery, request.query);
    const flash = status === 200 ? (query.besked === 'accepteret' ? await acceptedFlash(deps, program, query.forslag) : (FLASH[query.besked ?? ''] ?? null)) : null;
    const data = await patientPageData(db, program, todayInDenmark());
    await recordHealthRead(db, request.actor, program, 'patient-page', request.ip);
    const html = renderDocument(<PatientPage ctx={ctx} data={data} forms={forms} flash={flash} logPage={query.side} csrf={() => csrfField(request)} />);
    return sendHtml(reply.status(status), html, 'no-store');
  }

  /** The program (treated by the caller, running) and one of its proposals from the URL. */
  async function proposalOfProgram(request: FastifyRequest) {
    const { program, actor } = await treatedProgram(db, request, request.params);
    const { proposalId } = parsePath(proposalParams, request.params);
    const stored = await proposalById(db, proposalId);
    if (!stored || stored.programId !== program.id) throw notFound('proposal_not_found', 'Forslaget findes ikke');
    assertActive(program);
    return { program, actor, proposalId };
  }

  app.get('/behandler/patienter/:programId', signedIn, async (request, reply) => {
    const { program } = await treatedProgram(db, request, request.params);
    return render(request, reply, program, emptyForms());
  });

  app.post('/behandler/patienter/:programId/forslag/:proposalId/accepter', post, async (request, reply) => {
    const { program, actor, proposalId } = await proposalOfProgram(request);
    const decided = await acceptProposal(db, proposalId, actor.id);
    if (!decided.ok) return reply.redirect(`${patientPagePath(program.id)}?besked=ikke-aktuelt`, 303);
    await audit(db, { actorId: actor.id, action: 'program.proposal_accepted', subjectType: 'program', subjectId: program.id, details: { proposal: proposalId, version: decided.version?.version ?? null }, address: request.ip });
    return reply.redirect(`${patientPagePath(program.id)}?besked=accepteret&forslag=${proposalId}`, 303);
  });

  app.post('/behandler/patienter/:programId/forslag/:proposalId/afvis', post, async (request, reply) => {
    const { program, actor, proposalId } = await proposalOfProgram(request);
    const form = readPostedForm(rejectSchema, ['begrundelse'], request.body, 600);
    if (!form.data) return render(request, reply, program, { ...emptyForms(), reject: { proposalId, form } }, 400);
    const done = await rejectProposal(db, proposalId, actor.id, form.data.begrundelse);
    if (done) await audit(db, { actorId: actor.id, action: 'program.proposal_rejected', subjectType: 'program', subjectId: program.id, details: { proposal: proposalId }, address: request.ip });
    return reply.redirect(`${patientPagePath(program.id)}?besked=${done ? 'afvist' : 'ikke-aktuelt'}`, 303);
  });

  app.post('/behandler/patienter/:programId/spoergeskemaer', post, async (request, reply) => {
    const { program, actor } = await treatedProgram(db, request, request.params);
    assertActive(program);
    const form = readPostedForm(scheduleFormSchema, SCHEDULE_FIELDS, request.body, 1200);
    if (!form.data) return render(request, reply, program, { ...emptyForms(), schedule: form as PostedForm<unknown> }, 400);
    await saveSchedule(db, { programId: program.id, ...form.data, createdBy: actor.id });
    return reply.redirect(`${patientPagePath(program.id)}?besked=planlagt#spoergeskemaer`, 303);
  });

  app.post('/behandler/patienter/:programId/spoergeskemaer/:instrument/fjern', post, async (request, reply) => {
    const { program } = await treatedProgram(db, request, request.params);
    const { instrument } = parsePath(instrumentParams, request.params);
    assertActive(program);
    await removeSchedule(db, program.id, instrument as (typeof INSTRUMENTS)[number]['id']);
    return reply.redirect(`${patientPagePath(program.id)}?besked=fjernet#spoergeskemaer`, 303);
  });

  app.post('/behandler/patienter/:programId/afslut', post, async (request, reply) => {
    const { program, actor } = await treatedProgram(db, request, request.params);
    assertActive(program);
    const form = readPostedForm(endSchema, ['bekraeft'], request.body, 10);
    if (!form.data) return render(request, reply, program, { ...emptyForms(), end: form as PostedForm<unknown> }, 400);
    await endProgram(db, program.id);
    await audit(db, { actorId: actor.id, action: 'program.ended', subjectType: 'program', subjectId: program.id, details: {}, address: request.ip });
    return reply.redirect(`${patientPagePath(program.id)}?besked=afsluttet`, 303);
  });

}
