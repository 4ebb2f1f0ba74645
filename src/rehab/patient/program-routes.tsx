import type { FastifyInstance } from 'fastify';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import type { RehabDeps } from '../deps.js';
import { describeDose } from '../views/dose.js';
import { currentVersion, programsOfPatient } from '../programs.js';
import { programCalendar } from './calendar.js';
import { mediaForItems } from './exercise-pictures.js';
import { programNames } from './names.js';
import { actorOf, noticeOf, ownProgram, signedInOnly } from './own-program.js';
import { programStatus } from './program-status.js';
import { type ProgramCard, OverviewPage } from './views/overview-page.js';
import { ProgramPage } from './views/program-page.js';
import { PrintPage } from './views/print-page.js';
import { programPath } from './views/parts.js';

export const PROGRAM_NOTICES = {
  velkommen: 'Velkommen. Dit samtykke er gemt, og programmet er dit. Her er, hvad du skal lave.',
  gemt: 'Træningen er gemt. Godt gået!',
  'allerede-gemt': 'Træningen var allerede gemt. Vi har ikke gemt den to gange.',
  sprunget: 'Vi har noteret, at du sprang træningen over. Det er helt i orden at holde en pause; tag den næste, når du kan.',
  morgen: 'Dit morgentjek er gemt.',
} as const;

/** /min-side, a program's page, its print version and its calendar file. */
export async function programRoutes(app: FastifyInstance, { db, ctx, baseUrl }: RehabDeps) {
  app.get('/min-side', signedInOnly, async (request, reply) => {
    const actor = actorOf(request);
    const programs = await programsOfPatient(db, actor.id);
    const cards: ProgramCard[] = await Promise.all(
      programs.map(async (program) => {
        const [names, version] = await Promise.all([programNames(db, program), currentVersion(db, program)]);
        const status = program.status === 'afsluttet' ? null : await programStatus(db, program, version);
        return { program, ...names, status, exercises: version.items.map((item) => `${item.name}: ${describeDose(item)}`) };
      }),
    );
    return sendHtml(reply, renderDocument(<OverviewPage ctx={ctx} name={actor.name} cards={cards} />), 'no-store');
  });

  app.get('/min-side/program/:id', signedInOnly, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'read');
    const [names, status, media] = await Promise.all([programNames(db, program), programStatus(db, program, version), mediaForItems(db, program.clinicId, version.items)]);
    const painAboveFive = (request.query as { smerte?: unknown } | null)?.smerte === 'over-5';
    const page = (
      <ProgramPage
        ctx={ctx}
        program={program}
        version={version}
        {...names}
        status={status}
        media={media}
        notice={noticeOf(PROGRAM_NOTICES, request.query)}
        painAboveFive={painAboveFive}
      />
    );
    return sendHtml(reply, renderDocument(page), 'no-store');
  });

  app.get('/min-side/program/:id/print', signedInOnly, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'read');
    const [names, media] = await Promise.all([programNames(db, program), mediaForItems(db, program.clinicId, version.items)]);
    return sendHtml(reply, renderDocument(<PrintPage ctx={ctx} program={program} version={version} {...names} media={media} />), 'no-store');
  });

  app.get('/min-side/program/:id/kalender.ics', signedInOnly, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'read');
    const calendar = programCalendar({
      programId: program.id,
      version,
      programUrl: `${baseUrl}${programPath(program.id)}`,
      uidHost: new URL(baseUrl).hostname,
    });
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="traeningsprogram-${program.id}.ics"`)
      .type('text/calendar; charset=utf-8')
      .send(calendar);
  });
}
