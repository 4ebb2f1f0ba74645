import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../accounts/audit.js';
import { signedInActor } from './actor.js';
import type { Db } from '../db/engine.js';
import type { RouteDeps } from '../web/deps.js';
import { csrfField } from '../web/csrf-field.js';
import { notFound, parsePath } from '../web/errors.js';
import { type PostedForm, emptyForm, readPostedForm } from '../web/form-fields.js';
import { renderDocument } from '../web/layout.js';
import { sendHtml } from '../web/respond.js';
import { type ReportSubject, reportForm } from './reports.js';
import { writeFromPage } from './transaction.js';
import { ReportPage } from './views/report-page.js';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

export interface Reportable {
  /** "/anmeldelser" → GET and POST "/anmeldelser/:id/rapporter". */
  base: string;
  subject: ReportSubject;
  what: 'anmeldelse' | 'kommentar';
  /** The published text, or null (a 404). */
  load(db: Db, id: number): Promise<{ text: string; byline: string; back: { path: string; name: string } } | null>;
  /** Records the report; false when the text is no longer published. */
  report(db: Db, id: number, reporterId: number, reason: string): Promise<boolean>;
}

/** "Anmeld som upassende" for one kind of published text: anyone signed in, audited. */
export function reportRoutes(app: FastifyInstance, { db, ctx }: RouteDeps, kind: Reportable) {
  const signedIn = { config: { access: { signedIn: true } as const } };
  const path = `${kind.base}/:id/rapporter`;
  const missing = () => notFound(`${kind.subject}_not_found`, kind.what === 'anmeldelse' ? 'Anmeldelsen findes ikke' : 'Kommentaren findes ikke');
  const target = async (id: number) => (await kind.load(db, id)) ?? Promise.reject(missing());
  const page = (request: FastifyRequest, id: number, t: Awaited<ReturnType<typeof target>>, form: PostedForm<unknown>, sent: boolean) =>
    renderDocument(
      <ReportPage ctx={ctx} path={`${kind.base}/${id}/rapporter`} what={kind.what} text={t.text} byline={t.byline} back={t.back} form={form} sent={sent} csrf={csrfField(request)} />,
    );

  app.get(path, signedIn, async (request, reply) => {
    const { id } = parsePath(idParams, request.params);
    return sendHtml(reply, page(request, id, await target(id), emptyForm(), false), 'no-store');
  });

  app.post(path, { ...signedIn, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { id } = parsePath(idParams, request.params);
    const t = await target(id);
    const user = signedInActor(request);
    const form = readPostedForm(reportForm, ['reason'], request.body);
    if (!form.data) return sendHtml(reply.code(400), page(request, id, t, form, false), 'no-store');
    const reason = form.data.reason;
    await writeFromPage(db, async (trx) => {
      if (!(await kind.report(trx, id, user.id, reason))) throw missing();
      await audit(trx, { actorId: user.id, action: `${kind.subject}.report`, subjectType: kind.subject, subjectId: id, address: request.ip });
    });
    return sendHtml(reply, page(request, id, t, form, true), 'no-store');
  });
}
