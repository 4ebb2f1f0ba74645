import type { FastifyInstance } from 'fastify';
import { invalidParameter, notFound } from './errors.js';

/**
 * Rules every query string obeys before a route sees it, so no route has to remember them:
 * each parameter at most once (`?q=a&q=b` is refused rather than guessed at), valid UTF-8
 * percent-encoding (Fastify would pass "%FF" on as the literal text), no control characters
 * (PostgreSQL cannot store U+0000, and no form sends them), and no value past 1,000
 * characters. A breach is a 400 naming the parameter, in Danish. A path with a control
 * character (/ordbog/%00) names no page: 404, before any query could reach the database.
 */
const MAX_QUERY_VALUE = 1000;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const decode = (text: string): string | null => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
};

/** A parameter name fit to show in a message. */
const shown = (name: string) => name.replace(/[^\p{L}\p{N}_.-]/gu, '').slice(0, 40) || '?';

function queryProblem(url: string): { parameter: string; problem: string } | null {
  const start = url.indexOf('?');
  if (start < 0 || start === url.length - 1) return null;
  const seen = new Set<string>();
  for (const part of url.slice(start + 1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const name = decode(rawName);
    if (name === null || CONTROL.test(name)) return { parameter: shown(decode(rawName) ?? rawName), problem: 'navnet er ikke gyldigt kodet' };
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (value === null) return { parameter: name, problem: 'er ikke gyldigt kodet (UTF-8)' };
    if (seen.has(name)) return { parameter: name, problem: 'må kun angives én gang' };
    seen.add(name);
    if (CONTROL.test(value)) return { parameter: name, problem: 'indeholder kontroltegn' };
    if (value.length > MAX_QUERY_VALUE) return { parameter: name, problem: `må højst være ${MAX_QUERY_VALUE} tegn` };
  }
  return null;
}

/** Whether the path, once decoded, holds a control character: no page of ours has one. */
function pathHasControl(url: string): boolean {
  const end = url.indexOf('?');
  const path = decode(end < 0 ? url : url.slice(0, end));
  return path !== null && CONTROL.test(path);
}

export function installQueryGuard(app: FastifyInstance) {
  app.addHook('onRequest', (request, _reply, done) => {
    if (pathHasControl(request.url)) return done(notFound());
    const found = queryProblem(request.url);
    done(found ? invalidParameter(found.parameter, found.problem) : undefined);
  });
}
