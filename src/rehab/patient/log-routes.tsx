import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatDanishDate, todayInDenmark } from '../../text/dates.js';
import { csrfToken } from '../../web/csrf.js';
import { HttpError } from '../../web/errors.js';
import type { PostedForm } from '../../web/form-fields.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { orBusy } from '../../accounts/routes/deps.js';
import type { RehabDeps } from '../deps.js';
import { ACCEPTABLE_PAIN_MAX } from '../pain.js';
import { logsOf, saveSessionLog } from '../logs.js';
import { type Program, type ProgramVersion, versionsOf } from '../programs.js';
import { refreshProposals } from '../proposals.js';
import { danishDay } from '../types.js';
import { prefilledValues, readSessionLogForm } from './log-form.js';
import { ownProgram, signedInOnly } from './own-program.js';
import { LogPage } from './views/log-page.js';
import { programPath } from './views/parts.js';

const dayQuery = z.object({ dag: z.string().max(20).optional() });
const postedMeta = z.object({
  dag: z.string().max(20),
  noegle: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  version: z.coerce.number().int().positive(),
});

export const newIdempotencyKey = () => randomBytes(16).toString('base64url');

/** The training day asked for: today by default; a real day from the program's start to today. */
export function trainingDayOf(raw: string | undefined, version: Pick<ProgramVersion, 'startDate'>, today: string): string {
  const day = raw === undefined || raw === '' ? today : raw;
  if (!danishDay.safeParse(day).success) throw new HttpError(400, 'invalid_day', 'Dagen skal skrives som ÅÅÅÅ-MM-DD, fx 2026-03-23.');
  if (day > today) throw new HttpError(400, 'future_day', 'Du kan ikke registrere træning for en dag, der ikke er kommet endnu.');
  if (day < version.startDate) throw new HttpError(400, 'before_start', `Programmet starter ${formatDanishDate(version.startDate)}. Du kan registrere træning fra den dag.`);
  return day;
}

/** /min-side/program/{id}/log?dag=: the session log form and saving it (once per key). */
export async function logRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
  const page = async (request: FastifyRequest, program: Program, version: ProgramVersion, day: string, key: string, form: PostedForm<unknown>) => {
    const sameDay = await logsOf(db, program.id, { from: day, to: day });
    return renderDocument(
      <LogPage
        ctx={ctx}
        csrf={csrfToken(request)}
        programId={program.id}
        version={version}
        day={day}
        today={todayInDenmark()}
        idempotencyKey={key}
        form={form}
        alreadyLogged={sameDay.length}
      />,
    );
  };

  app.get('/min-side/program/:id/log', signedInOnly, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'write');
    const query = dayQuery.safeParse(request.query);
    const day = trainingDayOf(query.success ? query.data.dag : undefined, version, todayInDenmark());
    const form = { values: prefilledValues(version.items), errors: {}, data: null };
    return sendHtml(reply, await page(request, program, version, day, newIdempotencyKey(), form), 'no-store');
  });

  app.post('/min-side/program/:id/log', { config: signedInOnly.config, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const { program, version: current } = await ownProgram(db, request, 'write');
    const meta = postedMeta.safeParse(request.body ?? {});
    if (!meta.success) throw new HttpError(400, 'invalid_form', 'Formularen mangler noget. Gå tilbage, genindlæs siden, og prøv igen.');
    // The log belongs to the version the form showed (the behandler may have changed the program since).
    const version = meta.data.version === current.id ? current : (await versionsOf(db, program.id)).find((v) => v.id === meta.data.version);
    if (!version) throw new HttpError(400, 'invalid_form', 'Formularen hører til et andet program. Gå tilbage, genindlæs siden, og prøv igen.');
    const day = trainingDayOf(meta.data.dag, version, todayInDenmark());
    const form = readSessionLogForm(version.items, request.body);
    if (!form.data) return sendHtml(reply.status(400), await page(request, program, version, day, meta.data.noegle, form), 'no-store');
    const fields = form.data;
    const { log, created } = await orBusy(db, async () => {
      const saved = await saveSessionLog(db, version, { day, idempotencyKey: meta.data.noegle, ...fields });
      if (saved.created) await refreshProposals(db, program);
      return saved;
    });
    const notice = !created ? 'allerede-gemt' : log.skipped ? 'sprunget' : 'gemt';
    const pain = log.maxPain !== null && log.maxPain > ACCEPTABLE_PAIN_MAX ? '&smerte=over-5' : '';
    return reply.redirect(`${programPath(program.id)}?besked=${notice}${pain}`, 303);
  });
}
