import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Actor, authorize } from '../../accounts/policy.js';
import { orBusy, signedInActor } from '../../accounts/routes/deps.js';
import { csrfToken, isOneClickUnsubscribe } from '../../web/csrf.js';
import { HttpError, notFound, parsePath } from '../../web/errors.js';
import { type PostedForm, emptyForm, readPostedForm } from '../../web/form-fields.js';
import { renderDocument } from '../../web/layout.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { sendHtml } from '../../web/respond.js';
import { healthDataOf } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { type Program, currentVersion, programById } from '../programs.js';
import { NUDGE_AFTER_DAYS } from './due.js';
import { type ReminderChoice, reminderSettingsOf, saveReminderSettings, unsubscribe, unsubscribeTarget } from './settings.js';
import { DAY_FIELDS, ReminderSettingsPage, SETTINGS_FIELDS, UnsubscribePage, type UnsubscribeState, describeReminders, settingsFormValues } from './views.js';

const NO_STORE = 'no-store';
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/** "7:30", "07.30" and "07:30" are all half past seven. */
const timeOfDay = z
  .string()
  .trim()
  .transform((v) => v.replace('.', ':'))
  .refine((v) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(v), 'Skriv tidspunktet som et klokkeslæt, fx 07:30')
  .transform((v) => v.padStart(5, '0'));

const settingsSchema = z
  .object({
    paamindelser: z.enum(['ja', 'nej'], { message: 'Vælg, om du vil have påmindelser' }),
    tidspunkt: timeOfDay,
    skub: z.string().transform((v) => v === 'ja'),
    ...Object.fromEntries(DAY_FIELDS.map((f) => [f, z.string()])),
  })
  .transform((v, ctx): ReminderChoice | typeof z.NEVER => {
    const days = DAY_FIELDS.flatMap((f, i) => ((v as unknown as Record<string, string>)[f] === 'ja' ? [i + 1] : []));
    if (v.paamindelser === 'ja' && days.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['dage'], message: 'Vælg mindst én dag, du vil have påmindelser' });
      return z.NEVER;
    }
    return { enabled: v.paamindelser === 'ja', time: v.tidspunkt, days, nudge: v.skub };
  });

/**
 * The patient's own program, for their reminder settings; a behandler who may read it is told
 * only the patient can change this (403); anyone else finds no such page (404).
 */
async function patientsProgram(deps: RehabDeps, actor: Actor, params: unknown): Promise<Program> {
  const { id } = parsePath(idParams, params);
  const program = await programById(deps.db, id);
  if (!program) throw notFound();
  const data = await healthDataOf(deps.db, program);
  if (authorize(actor, 'write', data)) return program;
  if (authorize(actor, 'read', data)) throw new HttpError(403, 'patient_only', 'Kun patienten selv kan vælge påmindelser til sit program.');
  throw notFound();
}

const tokenQuery = z.object({ t: z.string().max(200).optional(), stoppet: z.string().optional() });

/** /min-side/program/{id}/paamindelser and the one-click unsubscribe. */
export async function reminderRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  const { db, ctx } = deps;
  const signedIn = { config: { access: { signedIn: true } as const } };
  const posting = { config: { access: { signedIn: true } as const, ...RATE_LIMITED }, bodyLimit: 16 * 1024 };

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, program: Program, form: PostedForm<unknown> | null, status = 200) {
    const [version, settings, clinic] = await Promise.all([
      currentVersion(db, program),
      reminderSettingsOf(db, program.id),
      db.selectFrom('clinics').select('name').where('id', '=', program.clinicId).executeTakeFirstOrThrow(),
    ]);
    const saved = form === null && (request.query as Record<string, unknown>).gemt === 'ja';
    const html = renderDocument(
      <ReminderSettingsPage
        ctx={ctx}
        csrf={csrfToken(request)}
        programId={program.id}
        clinicName={clinic.name}
        active={program.status === 'aktiv'}
        trainingDays={version.trainingDays}
        settings={settings}
        form={form ?? emptyForm(settingsFormValues(settings, version.trainingDays))}
        saved={saved}
      />,
    );
    return sendHtml(reply.status(status), html, NO_STORE);
  }

  app.get('/min-side/program/:id/paamindelser', signedIn, async (request, reply) => {
    const program = await patientsProgram(deps, signedInActor(request), request.params);
    return settingsPage(request, reply, program, null);
  });

  app.post('/min-side/program/:id/paamindelser', posting, async (request, reply) => {
    const program = await patientsProgram(deps, signedInActor(request), request.params);
    const form = readPostedForm(settingsSchema, SETTINGS_FIELDS, request.body, 20);
    if (!form.data) return settingsPage(request, reply, program, form, 400);
    const choice = form.data;
    const version = await currentVersion(db, program);
    await orBusy(db, () => saveReminderSettings(db, program.id, choice, version.trainingDays));
    return reply.redirect(`/min-side/program/${program.id}/paamindelser?gemt=ja`, 303);
  });

  function unsubscribePage(request: FastifyRequest, reply: FastifyReply, state: UnsubscribeState) {
    const status = state.kind === 'unknown' || state.kind === 'expired' ? 404 : 200;
    return sendHtml(reply.status(status), renderDocument(<UnsubscribePage ctx={ctx} state={state} csrf={csrfToken(request)} />), NO_STORE);
  }

  // The link in every reminder: shows what will stop and one button; changes nothing itself
  // (mail scanners open links).
  app.get('/paamindelser/afmeld', { config: { access: 'public' } }, async (request, reply) => {
    const query = tokenQuery.safeParse(request.query);
    const token = query.success ? query.data.t : undefined;
    const target = await unsubscribeTarget(db, token);
    if (typeof target === 'string') return unsubscribePage(request, reply, { kind: target === 'expired' ? 'expired' : 'unknown' });
    const { settings, trainingDays, clinicName, programId } = target;
    const what = [
      ...(settings.enabled ? [`Påmindelser om træning ${describeReminders(settings, trainingDays)}`] : []),
      ...(settings.nudge && settings.saved ? [`En e-mail, når der er gået ${NUDGE_AFTER_DAYS} dage uden en træningslog`] : []),
    ];
    if (what.length === 0) return unsubscribePage(request, reply, { kind: query.data?.stoppet === 'ja' ? 'done' : 'nothing-on', clinicName, programId });
    return unsubscribePage(request, reply, { kind: 'confirm', token: token!, clinicName, what });
  });

  // The button on that page, and RFC 8058's one-click post from the mail program (which
  // carries no cookie or CSRF token: the token in the URL is the secret, see web/csrf.ts). Mail
  // programs post it url-encoded or as multipart/form-data; the latter is read on this route only.
  await app.register(async (scoped) => {
    scoped.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 4 * 1024 }, (_request, body, done) => {
      done(null, /name="List-Unsubscribe"\r?\n\r?\nOne-Click\r?\n/.test(body as string) ? { 'List-Unsubscribe': 'One-Click' } : {});
    });
    scoped.post('/paamindelser/afmeld', { config: { access: 'public', csrf: 'rfc8058', ...RATE_LIMITED }, bodyLimit: 4 * 1024 }, async (request, reply) => {
      const query = tokenQuery.safeParse(request.query);
      const token = query.success ? query.data.t : undefined;
      const outcome = await orBusy(db, () => unsubscribe(db, token));
      if (typeof outcome === 'string') return unsubscribePage(request, reply, { kind: outcome === 'expired' ? 'expired' : 'unknown' });
      if (isOneClickUnsubscribe(request.body)) return unsubscribePage(request, reply, { kind: 'done', clinicName: outcome.clinicName, programId: outcome.programId });
      return reply.redirect(`/paamindelser/afmeld?t=${encodeURIComponent(token!)}&stoppet=ja`, 303);
    });
  });
}
