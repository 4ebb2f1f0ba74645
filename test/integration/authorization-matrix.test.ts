import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.js';
import { ACTORS, type ActorName, type World, buildWorld, credentialsFor, fingerprint, freshActors, send } from '../helpers/matrix.js';
import { type Expected, MATRIX, type RouteCase } from './authorization-matrix.table.js';

/**
 * The authorisation matrix (issue 10, §5): every route the app registers, called by each of seven
 * callers — a visitor, a patient, the owner of clinic A, the owner of clinic B, a behandler at
 * clinic A, an editor and an administrator — with a valid CSRF token, so that the policy alone
 * decides. The answer must be the one the table (authorization-matrix.table.ts) expects, and
 * the database must change exactly when an allowed write was made. A route missing from the
 * table, or an entry with no route, fails.
 */

let w: World;
beforeAll(async () => {
  // In the file itself: the integration-postgres project runs the files that call startTestApp.
  w = await buildWorld(await startTestApp({ demo: true, demoClinics: 3 }));
}, 120_000);
afterAll(() => w?.t.destroy());

/** "GET /x" for every route; HEAD is left out where it only mirrors a GET. */
function registeredRoutes(): string[] {
  const keys = w.t.app.routeTable.map((r) => `${r.method} ${r.url}`);
  return [...new Set(keys.filter((k) => !(k.startsWith('HEAD ') && keys.includes(`GET ${k.slice(5)}`))))].sort();
}

describe('the authorisation matrix', () => {
  it('has an entry for every route the app registers, and none for a route it does not', () => {
    const routes = registeredRoutes();
    const missing = routes.filter((r) => !(r in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !routes.includes(k));
    expect(missing, `routes with no entry in authorization-matrix.table.ts: ${missing.join(', ')}`).toEqual([]);
    expect(stale, `entries in authorization-matrix.table.ts with no route: ${stale.join(', ')}`).toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s', async (key, route) => {
    const [method, path] = key.split(' ') as [string, string];
    const actors = await freshActors(w);
    const wrong: string[] = [];
    for (const name of ACTORS) {
      const me = name === 'anonymous' ? undefined : actors[name];
      const credentials = await credentialsFor(w, me);
      const request = await route.request(w, me, actors);
      const before = await fingerprint(w.db);
      const res = await send(w, { method, ...request }, credentials);
      const changed = (await fingerprint(w.db)) !== before;
      const want = outcome(route, method, path, name, route.expect[name]);
      const location = String(res.headers.location ?? '');
      const signInOk = want.signIn ? location.startsWith('/konto/log-ind?tilbage=') : true;
      if (res.statusCode !== want.status || changed !== want.changes || !signInOk) {
        wrong.push(
          `${name}: expected ${want.status}${want.signIn ? ' to /konto/log-ind' : ''}${want.changes ? ' with a change' : ' and no change'}, ` +
            `got ${res.statusCode}${location ? ` to ${location}` : ''}${changed ? ' with a change' : ' and no change'}`,
        );
      }
    }
    expect(wrong, `${key}\n${wrong.join('\n')}`).toEqual([]);
  });
});

/** What an expectation means for this route: status, a redirect to sign in, and whether the database changes. */
function outcome(route: RouteCase, method: string, path: string, actor: ActorName, expected: Expected): { status: number; changes: boolean; signIn?: boolean } {
  if (expected === 'ok') return { status: route.ok ?? (method === 'GET' ? 200 : 303), changes: route.changes ?? method !== 'GET' };
  if (expected === 'sign-in') {
    const page = method === 'GET' && !path.startsWith('/api/');
    return page ? { status: 303, changes: false, signIn: true } : { status: 401, changes: false };
  }
  if (typeof expected === 'number') return { status: expected, changes: false };
  void actor;
  return expected;
}
