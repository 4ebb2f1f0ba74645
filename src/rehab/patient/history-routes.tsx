import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { todayInDenmark } from '../../text/dates.js';
import { parseInput } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { weeklyAdherence } from '../adherence.js';
import type { RehabDeps } from '../deps.js';
import { checkInsOf, logsOf } from '../logs.js';
import { versionsOf } from '../programs.js';
import { loadSeries, morningPain, painDuring } from '../views/series.js';
import { ownProgram, signedInOnly } from './own-program.js';
import { HistoryPage } from './views/history-page.js';

export const LOGS_PER_PAGE = 20;
const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(10_000).default(1) });

/** /min-side/program/{id}/historik: charts with their tables, the week against plan, the logs. */
export async function historyRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
  app.get('/min-side/program/:id/historik', signedInOnly, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'read');
    const { side } = parseInput(pageQuery, request.query);
    const [logs, checkIns, versions] = await Promise.all([logsOf(db, program.id), checkInsOf(db, program.id), versionsOf(db, program.id)]);
    const names = new Map<string, string>();
    for (const v of versions) for (const item of v.items) names.set(item.id, item.name);
    const newestFirst = [...logs].reverse();
    const pages = Math.max(1, Math.ceil(logs.length / LOGS_PER_PAGE));
    const page = Math.min(side, pages);
    const html = renderDocument(
      <HistoryPage
        ctx={ctx}
        programId={program.id}
        items={version.items}
        names={names}
        painDuring={painDuring(logs)}
        mornings={morningPain(checkIns)}
        loads={version.items.map((item) => ({ item, points: loadSeries(item.id, logs) }))}
        weeks={weeklyAdherence(logs, version, todayInDenmark())}
        logs={newestFirst.slice((page - 1) * LOGS_PER_PAGE, page * LOGS_PER_PAGE)}
        page={page}
        pages={pages}
        total={logs.length}
      />,
    );
    return sendHtml(reply, html, 'no-store');
  });
}
