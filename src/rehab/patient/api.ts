import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { orBusy, signedInActor } from '../../accounts/routes/deps.js';
import { todayInDenmark } from '../../text/dates.js';
import { CSRF_HEADER, csrfToken } from '../../web/csrf.js';
import { HttpError, invalidParameter, parseInput } from '../../web/errors.js';
import { type ApiDoc, errorResponses } from '../../web/openapi.js';
import type { RehabDeps } from '../deps.js';
import { type StoredSessionLog, logsOf, saveCheckIn, saveSessionLog } from '../logs.js';
import { type Program, type ProgramVersion, currentVersion, programsOfPatient, versionsOf } from '../programs.js';
import { currentProposals, refreshProposals } from '../proposals.js';
import { describeDose, describeTrainingDays } from '../views/dose.js';
import {
  type LogResponse,
  type NewLogBody,
  type ProgramListResponse,
  type ProgramResponse,
  logListResponse,
  logsQuery,
  newCheckInBody,
  newLogBody,
  programIdParams,
  programListResponse,
  programResponse,
  savedCheckInResponse,
  savedLogResponse,
} from './api-schemas.js';
import { ACCEPTABLE_PAIN_MAX } from '../pain.js';
import { trainingDayOf } from './log-routes.js';
import { WHAT_NOW } from './views/program-page.js';
import { programNames } from './names.js';
import { ownProgram } from './own-program.js';

/**
 * JSON under /api/v1/me/… for the signed-in patient's programs, logging and check-ins: the same
 * access as the pages (401 without a session, the same 404 for someone else's or a locked
 * program), the same schemas and idempotency as the log form. Cookie sessions are CSRF-safe the
 * app's way: a POST needs the token in the x-csrf-token header (every answer here carries it in
 * that header) on top of the same-origin check, and must be JSON.
 */

const me = { access: { signedIn: true } as const };
const LOGS_PER_PAGE = 50;
const programPath = (id: number) => `/min-side/program/${id}`;

const errors = errorResponses({ 400: 'Ugyldigt felt: beskeden nævner feltet', 404: 'Programmet findes ikke (eller er ikke dit)' });
const docs = {
  list: { summary: 'Dine genoptræningsprogrammer', responses: { 200: { description: 'Programmerne, nyeste først', schema: programListResponse }, ...errorResponses() } },
  program: {
    summary: 'Ét af dine programmer med den gældende version: øvelser og dosering',
    params: programIdParams,
    responses: { 200: { description: 'Programmet', schema: programResponse }, ...errors },
  },
  logs: {
    summary: 'Dine træningslog for et program, nyeste først',
    params: programIdParams,
    query: logsQuery,
    responses: { 200: { description: 'En side af logs', schema: logListResponse }, ...errors },
  },
  saveLog: {
    summary: 'Gem en træningslog (samme nøgle to gange gemmer kun én)',
    description: 'Svarer 201 med den nye log, eller 200 med den, der allerede var gemt under samme idempotencyKey. messages er beskeden til dig, når smerten siger, at du skal tage det lettere.',
    params: programIdParams,
    body: newLogBody,
    responses: { 200: { description: 'Allerede gemt', schema: savedLogResponse }, 201: { description: 'Gemt', schema: savedLogResponse }, ...errors },
  },
  checkIn: {
    summary: 'Gem morgentjekket (ét pr. dag; et nyt samme dag erstatter det første)',
    params: programIdParams,
    body: newCheckInBody,
    responses: { 200: { description: 'Gemt', schema: savedCheckInResponse }, ...errors },
  },
} satisfies Record<string, ApiDoc>;

/** A cookie client's token for its POSTs; the answer is the person's own and never cached. */
function privately(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header(CSRF_HEADER, csrfToken(request));
}

function requireJson(request: FastifyRequest): void {
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send data som JSON (Content-Type: application/json).');
  }
}

/** The day a log or check-in is for, by the log page's rule (a real day from the program's start to today), named as the API's field. */
function assertDay(day: string, version: ProgramVersion): void {
  try {
    trainingDayOf(day, version, todayInDenmark());
  } catch (error) {
    if (error instanceof HttpError) throw invalidParameter('date', error.message);
    throw error;
  }
}

function assertItems(body: NewLogBody, version: ProgramVersion): void {
  const known = new Set(version.items.map((i) => i.id));
  const seen = new Set<string>();
  body.exercises.forEach((e, i) => {
    if (!known.has(e.itemId)) throw invalidParameter(`exercises.${i}.itemId`, 'er ikke en øvelse i dit program');
    if (seen.has(e.itemId)) throw invalidParameter(`exercises.${i}.itemId`, 'står to gange');
    seen.add(e.itemId);
  });
  if (!body.skipped && body.exercises.length === 0) throw invalidParameter('exercises', 'skal have mindst én øvelse (eller send skipped med en begrundelse)');
}

/** What the patient must hear at once: the reductions that read this log or check-in. */
async function reduceMessages(db: RehabDeps['db'], program: Program, read: { log?: number; checkIn?: number }): Promise<string[]> {
  await refreshProposals(db, program);
  const proposals = await currentProposals(db, program);
  return proposals
    .filter((p) => p.direction === 'reduce' && p.forPatient)
    .filter((p) => p.read.sessionLogs.some((l) => l.id === String(read.log)) || p.read.checkIns.some((c) => c.id === String(read.checkIn)))
    .map((p) => p.forPatient!);
}

const presentLog = (log: StoredSessionLog, versions: Map<number, number>): LogResponse => ({
  id: log.rowId,
  day: log.date,
  version: versions.get(log.versionId) ?? null,
  exercises: log.exercises,
  skippedReason: log.skipped?.reason ?? null,
  maxPain: log.maxPain,
  createdAt: log.createdAt,
});

export async function rehabApiRoutes(app: FastifyInstance, { db }: RehabDeps): Promise<void> {
  const summary = async (program: Program, version: ProgramVersion) => ({
    id: program.id,
    goal: version.goal,
    clinic: (await programNames(db, program)).clinicName,
    status: program.status as ProgramListResponse['programs'][number]['status'],
    sharedWithClinic: program.sharedWithClinic,
    startDate: version.startDate,
    weeks: version.weeks,
    url: programPath(program.id),
  });

  app.get('/api/v1/me/programs', { config: { ...me, api: docs.list } }, async (request, reply): Promise<ProgramListResponse> => {
    const actor = signedInActor(request);
    privately(request, reply);
    const programs = await programsOfPatient(db, actor.id);
    return { programs: await Promise.all(programs.map(async (p) => summary(p, await currentVersion(db, p)))) };
  });

  app.get('/api/v1/me/programs/:id', { config: { ...me, api: docs.program } }, async (request, reply): Promise<ProgramResponse> => {
    const { program, version } = await ownProgram(db, request, 'read');
    privately(request, reply);
    return {
      ...(await summary(program, version)),
      behandler: (await programNames(db, program)).behandlerName,
      version: {
        version: version.version,
        sessionsPerWeek: version.sessionsPerWeek,
        trainingDays: version.trainingDays,
        trainingDaysText: describeTrainingDays(version.trainingDays),
        changeNote: version.changeNote,
        createdAt: version.createdAt,
        items: version.items.map((i) => ({
          id: i.id,
          exercise: i.exercise,
          source: i.source,
          name: i.name,
          sets: i.sets,
          reps: i.reps,
          holdSeconds: i.holdSeconds,
          load: i.load,
          restSeconds: i.restSeconds,
          notes: i.notes,
          dose: describeDose(i),
        })),
      },
    };
  });

  app.get('/api/v1/me/programs/:id/logs', { config: { ...me, api: docs.logs } }, async (request, reply) => {
    const { program } = await ownProgram(db, request, 'read');
    const { page } = parseInput(logsQuery, request.query);
    privately(request, reply);
    const [logs, versions] = await Promise.all([logsOf(db, program.id), versionsOf(db, program.id)]);
    const numbers = new Map(versions.map((v) => [v.id, v.version]));
    const newestFirst = logs.reverse();
    const pages = Math.max(1, Math.ceil(newestFirst.length / LOGS_PER_PAGE));
    const shown = newestFirst.slice((page - 1) * LOGS_PER_PAGE, page * LOGS_PER_PAGE);
    return { logs: shown.map((l) => presentLog(l, numbers)), page, pages, total: newestFirst.length };
  });

  /** A POST's program (the patient's, running), its JSON body and the version it is saved under. */
  async function writing<S extends typeof newLogBody | typeof newCheckInBody>(request: FastifyRequest, schema: S) {
    requireJson(request);
    const { program, version } = await ownProgram(db, request, 'write');
    const body = parseInput(schema, request.body) as z.output<S>;
    assertDay(body.date, version);
    return { program, body, version };
  }

  app.post('/api/v1/me/programs/:id/logs', { config: { ...me, api: docs.saveLog }, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const { program, body, version } = await writing(request, newLogBody);
    assertItems(body, version);
    const saved = await orBusy(db, () =>
      saveSessionLog(db, version, { day: body.date, idempotencyKey: body.idempotencyKey, exercises: body.exercises, skippedReason: body.skipped?.reason ?? null }),
    );
    const messages = await orBusy(db, () => reduceMessages(db, program, { log: saved.log.rowId }));
    // As the page does: pain above 5 is said even when the rules read another session (a log made late for an earlier day).
    if (messages.length === 0 && saved.log.maxPain !== null && saved.log.maxPain > ACCEPTABLE_PAIN_MAX) {
      messages.push(`Du havde mere end 5 ud af 10 i smerte under træningen. Det er mere, end øvelserne bør gøre ondt. ${WHAT_NOW}`);
    }
    const numbers = new Map((await versionsOf(db, program.id)).map((v) => [v.id, v.version]));
    privately(request, reply);
    const answer = { log: presentLog(saved.log, numbers), created: saved.created, messages };
    return reply.status(saved.created ? 201 : 200).send(answer);
  });

  app.post('/api/v1/me/programs/:id/check-ins', { config: { ...me, api: docs.checkIn }, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { program, body, version } = await writing(request, newCheckInBody);
    const checkIn = await orBusy(db, () => saveCheckIn(db, version, { day: body.date, pain: body.pain, compared: body.compared }));
    const messages = await orBusy(db, () => reduceMessages(db, program, { checkIn: checkIn.rowId }));
    privately(request, reply);
    return { checkIn: { id: checkIn.rowId, day: checkIn.date, pain: checkIn.pain, compared: checkIn.compared }, messages };
  });
}
