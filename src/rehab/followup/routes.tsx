import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayInDenmark } from '../../text/dates.js';
import { HttpError, parseInput } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { recordHealthReads } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { actorOf, signedIn } from './access.js';
import { patientRoutes } from './patient-routes.js';
import { UncheckedPage, WorklistPage } from './views/worklist-page.js';
import { WORKLIST_PAGE_SIZE, behandlerStanding, worklistFor } from './worklist.js';

const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(10_000).default(1) });

/** /behandler (the worklist) and /behandler/patienter/{programId} (adherence, charts, logs, proposals, questionnaires). */
export async function followupRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  const { db, ctx } = deps;

  app.get('/behandler', signedIn, async (request, reply) => {
    const actor = actorOf(request);
    const { side } = parseInput(pageQuery, request.query);
    const standing = await behandlerStanding(db, actor.id);
    if (!standing.behandler) throw new HttpError(403, 'not_behandler', 'Arbejdslisten er for behandlere. Din klinik kan invitere dig som behandler.');
    if (!standing.checked) return sendHtml(reply, renderDocument(<UncheckedPage ctx={ctx} />), 'no-store');
    const list = await worklistFor(db, actor, todayInDenmark(), side, WORKLIST_PAGE_SIZE, standing.checked);
    await recordHealthReads(db, actor, list.rows.map((r) => r.program), 'worklist', request.ip);
    return sendHtml(reply, renderDocument(<WorklistPage ctx={ctx} list={list} />), 'no-store');
  });

  await patientRoutes(app, deps);
}
