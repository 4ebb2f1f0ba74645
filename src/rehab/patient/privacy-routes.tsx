import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { orBusy, seeOther, signedInActor } from '../../accounts/routes/deps.js';
import { todayInDenmark } from '../../text/dates.js';
import { csrfToken } from '../../web/csrf.js';
import { emptyForm, type PostedForm } from '../../web/form-fields.js';
import { notFound, parseInput } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import type { RehabDeps } from '../deps.js';
import { accessCount, accessList } from '../access.js';
import { type Program, setSharedWithClinic } from '../programs.js';
import { dueQuestionnaires, schedulesOf } from '../questionnaire-schedule.js';
import { answersOf, resultsOverTime } from '../followup/questionnaire-results.js';
import { INSTRUMENT_BY_ID, isInstrumentId, saveAnswer } from '../questionnaire-answers.js';
import { programNames } from './names.js';
import { noticeOf, ownProgram, signedInOnly as signedIn } from './own-program.js';
import { AccessPage, SharingPage, sharingPath } from './privacy-views.js';
import { questionnaireForm } from './questionnaire-forms.js';
import { QuestionnaireFormPage, QuestionnairesPage, type ScheduledInstrument, questionnairesPath } from './questionnaire-views.js';

/** /min-side: questionnaires, sharing with the clinic, "Hvem har set mine oplysninger". */

const NO_STORE = 'no-store';
const ACCESS_PAGE_SIZE = 25;

const FLASH = {
  besvaret: 'Tak. Dine svar er gemt, og din behandler kan se resultatet.',
  delt: 'Gemt: dit program er delt med klinikkens behandlere.',
  'ikke-delt': 'Gemt: kun din behandler kan se dit program.',
} as const;

const flashOf = (query: unknown) => noticeOf(FLASH, query);

const instrumentParams = z.object({ id: z.string(), instrument: z.string() });
const sharingSchema = z.object({ deling: z.enum(['ja', 'nej'], { message: 'Vælg ja eller nej.' }) });
const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(10_000).default(1) });

export async function privacyRoutes(app: FastifyInstance, { db, ctx }: RehabDeps): Promise<void> {
  app.get('/min-side/program/:id/spoergeskemaer', signedIn, async (request, reply) => {
    const { program, version } = await ownProgram(db, request, 'read');
    const [schedules, answers] = await Promise.all([schedulesOf(db, [program.id]), answersOf(db, program.id)]);
    const due = dueQuestionnaires(schedules, version, answers, todayInDenmark());
    const scheduled: ScheduledInstrument[] = schedules.map((s) => {
      const d = due.find((x) => x.instrument === s.instrument);
      return { instrument: s.instrument, name: INSTRUMENT_BY_ID.get(s.instrument)!.name, due: d ? { since: d.since, occasion: d.occasion } : null };
    });
    // Due ones first, each group in the order the behandler scheduled them.
    scheduled.sort((a, b) => Number(b.due !== null) - Number(a.due !== null));
    const html = renderDocument(
      <QuestionnairesPage
        ctx={ctx}
        program={{ id: program.id, goal: version.goal }}
        scheduled={scheduled}
        results={resultsOverTime(answers)}
        flash={flashOf(request.query)}
      />,
    );
    return sendHtml(reply, html, NO_STORE);
  });

  /** The program, the instrument in the URL (scheduled for it) and its form. */
  async function questionnaireOf(request: FastifyRequest, action: 'read' | 'write') {
    const params = instrumentParams.safeParse(request.params);
    if (!params.success || !isInstrumentId(params.data.instrument)) throw notFound();
    const { program, version } = await ownProgram(db, request, action);
    const schedule = (await schedulesOf(db, [program.id])).find((s) => s.instrument === params.data.instrument);
    if (!schedule) throw notFound('questionnaire_not_found', 'Spørgeskemaet er ikke planlagt for dette program');
    const definition = INSTRUMENT_BY_ID.get(schedule.instrument)!;
    return { program: { id: program.id, goal: version.goal }, definition, form: questionnaireForm(schedule.instrument, schedule.activities) };
  }

  const formPage = async (request: FastifyRequest, q: Awaited<ReturnType<typeof questionnaireOf>>, form: PostedForm<unknown>) =>
    renderDocument(
      <QuestionnaireFormPage
        ctx={ctx}
        program={q.program}
        instrument={{ id: q.definition.id, name: q.definition.name, citation: q.definition.citation, wording: q.definition.wording }}
        items={q.form.items}
        form={form}
        csrf={csrfToken(request)}
      />,
    );

  app.get('/min-side/program/:id/spoergeskemaer/:instrument', signedIn, async (request, reply) => {
    const q = await questionnaireOf(request, 'read');
    return sendHtml(reply, await formPage(request, q, emptyForm()), NO_STORE);
  });

  app.post('/min-side/program/:id/spoergeskemaer/:instrument', { ...signedIn, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const q = await questionnaireOf(request, 'write');
    const form = q.form.read(request.body);
    if (!form.data) return sendHtml(reply.status(400), await formPage(request, q, form), NO_STORE);
    await orBusy(db, () => saveAnswer(db, q.program.id, q.definition.id, form.data, todayInDenmark()));
    return seeOther(reply, `${questionnairesPath(q.program.id)}?besked=besvaret`);
  });

  const sharingPage = async (request: FastifyRequest, program: Program, error: string | null) => {
    const names = await programNames(db, program);
    return renderDocument(
      <SharingPage
        ctx={ctx}
        program={{ id: program.id, goal: names.goal, shared: program.sharedWithClinic }}
        people={{ clinic: names.clinicName, behandler: names.behandlerName }}
        csrf={csrfToken(request)}
        flash={flashOf(request.query)}
        error={error}
      />,
    );
  };

  app.get('/min-side/program/:id/deling', signedIn, async (request, reply) => {
    const { program } = await ownProgram(db, request, 'read');
    return sendHtml(reply, await sharingPage(request, program, null), NO_STORE);
  });

  app.post('/min-side/program/:id/deling', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { program } = await ownProgram(db, request, 'write');
    const parsed = sharingSchema.safeParse(request.body ?? {});
    if (!parsed.success) return sendHtml(reply.status(400), await sharingPage(request, program, parsed.error.issues[0]!.message), NO_STORE);
    const shared = parsed.data.deling === 'ja';
    if (shared !== program.sharedWithClinic) await orBusy(db, () => setSharedWithClinic(db, program.id, shared));
    return seeOther(reply, `${sharingPath(program.id)}?besked=${shared ? 'delt' : 'ikke-delt'}`);
  });

  app.get('/min-side/adgang', signedIn, async (request, reply) => {
    const actor = signedInActor(request);
    const { side } = parseInput(pageQuery, request.query);
    const total = await accessCount(db, actor.id);
    const pages = Math.max(1, Math.ceil(total / ACCESS_PAGE_SIZE));
    if (side > pages) throw notFound();
    const entries = await accessList(db, actor.id, ACCESS_PAGE_SIZE, (side - 1) * ACCESS_PAGE_SIZE);
    return sendHtml(reply, renderDocument(<AccessPage ctx={ctx} entries={entries} page={side} pages={pages} total={total} />), NO_STORE);
  });
}
