import { formatCount } from '../text/numbers.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { csrfToken } from '../web/csrf.js';
import type { RouteDeps } from '../web/deps.js';
import { renderDocument } from '../web/layout.js';
import { sendHtml } from '../web/respond.js';
import { explainReport } from './matcher.js';
import { EXPLAINER_PATH, ExplainerPage, MAX_REPORT_CHARS } from './view.js';

const EMPTY = 'Sæt teksten fra din scanningsbeskrivelse ind i feltet.';

const reportText = z
  .string({ error: EMPTY })
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, EMPTY)
      .max(MAX_REPORT_CHARS, `Teksten er for lang. Den må højst være ${formatCount(MAX_REPORT_CHARS)} tegn; del den op, eller tag kun konklusionen med.`),
  );

/** The form's one field, whatever else (a JSON body, a bare string, nothing) was sent. */
function textField(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'tekst' in body ? (body as { tekst: unknown }).tekst : undefined;
}

// 20,000 characters of æøå and punctuation, form-encoded, stay well below this.
const BODY_LIMIT = 256 * 1024;

/**
 * The scan-report explainer. The text is health data: it lives only in this request's memory,
 * is never written to the database or the log (the POST body is not logged, and errors here
 * are answered, not thrown), and the answer is `no-store`. Cross-site posts are refused by
 * the Origin/Sec-Fetch-Site guard in web/security.ts and the CSRF token (web/csrf.ts).
 */
export async function explainerRoutes(app: FastifyInstance, { ctx }: Pick<RouteDeps, 'ctx'>) {
  // Rendered per request: the form carries this browser's CSRF token.
  app.get(EXPLAINER_PATH, { config: { access: 'public' } }, async (request, reply) =>
    sendHtml(reply, renderDocument(<ExplainerPage ctx={ctx} csrf={csrfToken(request)} />), 'no-store'),
  );

  app.post(EXPLAINER_PATH, { config: { access: 'public' }, bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const raw = textField(request.body);
    const parsed = reportText.safeParse(raw);
    if (!parsed.success) {
      const text = typeof raw === 'string' ? raw.slice(0, MAX_REPORT_CHARS) : '';
      const error = parsed.error.issues[0]?.message ?? EMPTY;
      return sendHtml(reply.status(400), renderDocument(<ExplainerPage ctx={ctx} csrf={csrfToken(request)} text={text} error={error} />), 'no-store');
    }
    const text = parsed.data;
    return sendHtml(reply, renderDocument(<ExplainerPage ctx={ctx} csrf={csrfToken(request)} text={text} result={explainReport(text)} />), 'no-store');
  });
}
