import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { danishErrors, issueParameter } from '../text/zod-danish.js';
import { Layout, type ViewContext, renderDocument, withAccountLink } from './layout.js';

/**
 * Errors carry a stable id (`article_not_found`) and an HTTP status. 4xx messages are meant
 * for the user and shown; 5xx details are logged with the request and never sent.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For 400s on the API: which parameter was wrong. */
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (code = 'not_found', message = 'Siden findes ikke') => new HttpError(404, code, message);

/** Validates input with zod; a failure becomes a 400 in Danish naming the first bad parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: danishErrors });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw invalidParameter(issue ? issueParameter(issue) : null, issue?.message ?? 'er ugyldig');
}

/** Path parameters that do not fit name no page: a 404, never a 400. */
export function parsePath<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw notFound();
  return result.data;
}

/** A 400 about one parameter: "Ugyldig værdi for limit: skal være et tal". */
export function invalidParameter(parameter: string | null, problem: string): HttpError {
  const name = parameter ?? 'forespørgslen';
  return new HttpError(400, 'invalid_parameter', `Ugyldig værdi for ${name}: ${problem}`, parameter ?? undefined);
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

function ErrorPage({ ctx, status, title, message, path }: { ctx: ViewContext; status: number; title: string; message: string; path: string }) {
  return (
    <Layout ctx={ctx} meta={{ title, path, noindex: true }}>
      <section class="error-page">
        <p class="error-code">Fejl {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        {status === 404 && (
          <>
            <form action="/soeg" method="get" role="search" class="search-large" aria-label="Søg efter siden">
              <label for="notfound-q">Søg efter det, du ledte efter</label>
              <div class="search-row">
                <input id="notfound-q" type="search" name="q" placeholder="Fx lændesmerter eller en by" />
                <button type="submit">Søg</button>
              </div>
            </form>
            <ul class="link-list">
              <li><a href="/">Forsiden</a></li>
              <li><a href="/ordbog">Ordbogen fra A til Å</a></li>
              <li><a href="/find/fysioterapeut/danmark">Find en fysioterapeut</a></li>
            </ul>
          </>
        )}
      </section>
    </Layout>
  );
}

function sendError(request: FastifyRequest, reply: FastifyReply, ctx: ViewContext, error: HttpError) {
  reply.status(error.status).header('cache-control', 'no-store');
  if (isApi(request)) {
    return reply.send({
      error: { code: error.code, message: error.message, ...(error.parameter ? { parameter: error.parameter } : {}) },
    });
  }
  const title =
    error.status === 404
      ? 'Siden findes ikke'
      : error.status === 429
        ? 'For mange forespørgsler'
        : error.status === 401
          ? 'Log ind for at fortsætte'
          : error.status === 403
            ? 'Ingen adgang'
            : error.status >= 500
              ? 'Noget gik galt'
              : 'Forkert forespørgsel';
  const message =
    error.status === 404
      ? 'Vi kan ikke finde den side, du leder efter. Måske er adressen stavet forkert, eller siden er flyttet.'
      : error.message;
  const html = renderDocument(<ErrorPage ctx={ctx} status={error.status} title={title} message={message} path={request.url.split('?')[0] ?? '/'} />);
  return reply.type('text/html; charset=utf-8').send(request.actor?.kind === 'user' ? withAccountLink(html) : html);
}

/** Danish words for the 4xx answers Fastify raises itself (bad JSON, unknown content type, …). */
function clientErrorMessage(status: number): string {
  if (status === 413) return 'Forespørgslen er for stor';
  if (status === 415) return 'Ukendt indholdstype';
  if (status === 414) return 'Adressen er for lang';
  return 'Forkert forespørgsel';
}

export function installErrorHandlers(app: FastifyInstance, ctx: ViewContext) {
  app.setNotFoundHandler((request, reply) => sendError(request, reply, ctx, notFound()));

  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) return sendError(request, reply, ctx, error);
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) return sendError(request, reply, ctx, new HttpError(status, 'bad_request', clientErrorMessage(status)));
    request.log.error({ err: error, url: request.url }, 'request failed');
    return sendError(
      request,
      reply,
      ctx,
      new HttpError(503 === status ? 503 : 500, 'internal_error', 'Der opstod en fejl hos os. Prøv igen om lidt.'),
    );
  });
}

/**
 * Fastify's `frameworkErrors`: a path it cannot decode ("/ordbog%", "/%FF") is answered before
 * any hook or error handler runs, so this sets the security headers itself and answers with
 * our Danish error page (or JSON under /api).
 */
export function frameworkErrorHandler(ctx: ViewContext, headers: Readonly<Record<string, string>>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(headers);
    if (error.code === 'FST_ERR_BAD_URL') {
      return sendError(request, reply, ctx, new HttpError(400, 'bad_url', 'Adressen indeholder tegn, der ikke er gyldigt kodet'));
    }
    const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error, url: request.url }, 'request failed');
    return sendError(request, reply, ctx, new HttpError(status, status === 500 ? 'internal_error' : 'bad_request', status === 500 ? 'Der opstod en fejl hos os. Prøv igen om lidt.' : clientErrorMessage(status)));
  };
}
