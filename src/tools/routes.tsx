import type { FastifyInstance } from 'fastify';
import { relatedArticles } from '../content/articles.js';
import { findPath } from '../directory/urls.js';
import type { RouteDeps } from '../web/deps.js';
import { csrfToken } from '../web/csrf.js';
import { parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { sendHtml, sendPage } from '../web/respond.js';
import { TOOLS_PATH, toolPath } from './calculator.js';
import { CALCULATORS } from './catalog.js';
import { readForm } from './form.js';
import { scoreStartBack } from './start-back.js';
import { BACK_PAIN_ARTICLES, BACK_SPECIALTY, START_BACK, START_BACK_FIELDS, postcodeQuery, startBackSchema } from './start-back-form.js';
import { StartBackPage } from './views/start-back-page.js';
import { ToolPage } from './views/tool-page.js';
import { ToolsIndex } from './views/tools-index.js';

/**
 * The tools. A blank calculator is a cached public page; with input it is a result page,
 * computed per request and never cached (`no-store`). Bad input is the page again with a
 * Danish message at each field, answered 400.
 */
export async function toolRoutes(app: FastifyInstance, { db, ctx, cache }: RouteDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get(TOOLS_PATH, publicRoute, async (request, reply) => {
    const page = await cache.get(TOOLS_PATH, async () => renderDocument(<ToolsIndex ctx={ctx} />));
    return sendPage(request, reply, page!);
  });

  for (const tool of CALCULATORS) {
    const path = toolPath(tool.slug);
    app.get(path, publicRoute, async (request, reply) => {
      const state = readForm(tool.schema, tool.fields, request.query);
      const render = () => renderDocument(<ToolPage ctx={ctx} tool={tool} state={state} />);
      if (state.submitted) return sendHtml(reply.status(state.data === null ? 400 : 200), render(), 'no-store');
      // Only the bare path is the cached blank page; other query strings (utm_…) are not cached.
      if (request.url === path) return sendPage(request, reply, (await cache.get(path, async () => render()))!);
      return sendHtml(reply, render(), 'no-store');
    });
  }

  // STarT Back answers are health data: they come by POST and are neither stored nor logged
  // (Fastify logs the URL, never the body). The form is guarded against cross-site posts by
  // the Origin/Sec-Fetch-Site check in web/security.ts and a CSRF token (web/csrf.ts), so the
  // blank form is rendered per request rather than cached.
  const startBackPath = toolPath(START_BACK.slug);
  const blank = readForm(startBackSchema, START_BACK_FIELDS, {});
  app.get(startBackPath, publicRoute, async (request, reply) =>
    sendHtml(reply, renderDocument(<StartBackPage ctx={ctx} state={blank} score={null} articles={[]} csrf={csrfToken(request)} />), 'no-store'),
  );

  // A few kB of radio buttons (the form parser is web/forms.ts).
  app.post(startBackPath, { ...publicRoute, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const state = readForm(startBackSchema, START_BACK_FIELDS, request.body, { submitted: true });
    if (state.data === null) {
      return sendHtml(reply.status(400), renderDocument(<StartBackPage ctx={ctx} state={state} score={null} articles={[]} csrf={csrfToken(request)} />), 'no-store');
    }
    const score = scoreStartBack(state.data);
    const articles = await relatedArticles(db, BACK_PAIN_ARTICLES);
    return sendHtml(reply, renderDocument(<StartBackPage ctx={ctx} state={state} score={score} articles={articles} csrf={csrfToken(request)} />), 'no-store');
  });

  app.get(`${startBackPath}/find`, publicRoute, async (request, reply) => {
    const { postnummer } = parseInput(postcodeQuery, request.query);
    // The finder resolves the postcode to its town with a 301.
    return reply.redirect(findPath(postnummer, BACK_SPECIALTY), 303);
  });
}
