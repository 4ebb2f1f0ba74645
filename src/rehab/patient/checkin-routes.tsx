import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addDays, todayInDenmark } from '../../text/dates.js';
import { csrfToken } from '../../web/csrf.js';
import { type PostedForm, readPostedForm } from '../../web/form-fields.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { orBusy } from '../../accounts/routes/deps.js';
import type { RehabDeps } from '../deps.js';
import { checkInsOf, saveCheckIn } from '../logs.js';
import { USUAL_WINDOW, usualPain } from '../pain.js';
import type { Program } from '../programs.js';
import { refreshProposals } from '../proposals.js';
import { COMPARED } from '../types.js';
import { ownProgram, signedInOnly } from './own-program.js';
import { CheckInPage } from './views/checkin-page.js';
import { programPath } from './views/parts.js';

const checkInForm = z.object({
  smerte: z
    .string()
    .regex(/^(10|[0-9])$/, 'Hvor ondt gør det nu: vælg et tal fra 0 til 10')
    .transform(Number),
  sammenlignet: z.enum(COMPARED, { message: 'I forhold til normalt: vælg bedre, som normalt eller værre' }),
});
const FIELDS = ['smerte', 'sammenlignet'] as const;

/** /min-side/program/{id}/morgen: the next-morning check-in, one per day (a second one replaces the first). */
export async function checkInRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
  const page = async (request: FastifyRequest, program: Program, form: PostedForm<unknown> | null) => {
    const today = todayInDenmark();
    // "Usual" is read from the mornings before today, as the rules compare today with it.
    const recent = await checkInsOf(db, program.id, { from: addDays(today, -120) });
    const before = recent.filter((c) => c.date < today);
    const todays = recent.find((c) => c.date === today);
    const usual = usualPain(before);
    const shown = form ?? { values: todays ? { smerte: String(todays.pain), sammenlignet: todays.compared } : {}, errors: {}, data: null };
    return renderDocument(
      <CheckInPage
        ctx={ctx}
        csrf={csrfToken(request)}
        programId={program.id}
        today={today}
        usual={usual === null ? null : { value: usual, count: Math.min(before.length, USUAL_WINDOW) }}
        alreadyToday={todays !== undefined}
        form={shown}
      />,
    );
  };

  app.get('/min-side/program/:id/morgen', signedInOnly, async (request, reply) => {
    const { program } = await ownProgram(db, request, 'write');
    return sendHtml(reply, await page(request, program, null), 'no-store');
  });

  app.post('/min-side/program/:id/morgen', { config: signedInOnly.config, bodyLimit: 8 * 1024 }, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'write');
    const form = readPostedForm(checkInForm, FIELDS, request.body, 20);
    if (!form.data) return sendHtml(reply.status(400), await page(request, program, form), 'no-store');
    const { smerte, sammenlignet } = form.data;
    await orBusy(db, async () => {
      await saveCheckIn(db, version, { day: todayInDenmark(), pain: smerte, compared: sammenlignet });
      await refreshProposals(db, program);
    });
    return reply.redirect(`${programPath(program.id)}?besked=morgen`, 303);
  });
}
