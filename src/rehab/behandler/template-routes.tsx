import type { FastifyInstance } from 'fastify';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import type { RehabDeps } from '../deps.js';
import { flashOf, requireBehandler, signedIn } from './access.js';
import { exerciseChoices } from './exercise-choices.js';
import { templatesFor } from './queries.js';
import { TemplatesPage } from './views/list-pages.js';
import { TEMPLATES_PATH } from './views/parts.js';

/** /behandler/skabeloner: our templates and the behandler's clinics' own. */
export async function templateRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
  app.get(TEMPLATES_PATH, signedIn, async (request, reply) => {
    const { clinics } = await requireBehandler(db, request);
    const { ours, clinics: theirs } = await templatesFor(db, clinics.map((c) => c.id));
    const names = new Map<string, string>();
    for (const c of clinics) {
      const choices = await exerciseChoices(db, c.id);
      for (const e of [...choices.ours, ...choices.clinic]) names.set(e.value, e.name);
    }
    const html = renderDocument(
      <TemplatesPage ctx={ctx} ours={ours} clinics={theirs} clinicNames={new Map(clinics.map((c) => [c.id, c.name]))} exerciseNames={names} flash={flashOf(request.query)} />,
    );
    return sendHtml(reply, html, 'no-store');
  });
}
