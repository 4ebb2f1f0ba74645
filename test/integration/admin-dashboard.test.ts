import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAdminClaim } from '../../src/directory/owners/claims.js';
import type { Db } from '../../src/db/engine.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createUser, postForm, signIn } from '../helpers/accounts.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { createArticle } from '../helpers/factories.js';

/** The /admin dashboard: what waits in each of the five queues, each linking to its queue. */

let t: TestApp;
const at = '2026-11-01T10:00:00.000Z';

async function fillQueues(db: Db) {
  const d = await loadDirectory(db);
  const clinics = [];
  for (const name of ['Kø Fysioterapi', 'Anden Kø Klinik', 'Tredje Kø Klinik']) clinics.push(await createClinic(db, d, { name, postcode: '8000' }));
  const patient = await createUser(db, { name: 'Petra Patient' });
  const other = await createUser(db, { name: 'Ole Anden' });
  const review = (clinicId: number, userId: number, status: 'pending' | 'published', reported = false) =>
    db
      .insertInto('reviews')
      .values({ clinic_id: clinicId, user_id: userId, rating: 4, text: 'En anmeldelse, der venter på redaktionen.', author_name: 'Petra P.', status, verified_visit: false, visit_month: '2026-10', consented_at: at, created_at: at, published_at: status === 'published' ? at : null, reported_at: reported ? at : null })
      .returning('id')
      .executeTakeFirstOrThrow();
  // Reviews: one new, one reported after publication; the published, unreported one waits for nobody.
  await review(clinics[0]!.id, patient.id, 'pending');
  await review(clinics[1]!.id, patient.id, 'published', true);
  const published = await review(clinics[0]!.id, other.id, 'published');
  await db.insertInto('review_answers').values({ review_id: published.id, user_id: null, text: 'Tak for anmeldelsen.', status: 'pending', created_at: at }).execute();
  const post = await createArticle(db, { kind: 'blog', title: 'Kø på bloggen' });
  await db
    .insertInto('comments')
    .values({ article_id: post.id, user_id: patient.id, author_name: 'Petra P.', text: 'En kommentar, der venter.', status: 'pending', created_at: at })
    .execute();
  const claimant = await createUser(db, { name: 'Karl Krav' });
  const claimed = await requestAdminClaim(db, { ...clinics[2]!, name: 'Tredje Kø Klinik', email: null }, claimant.id, 'Jeg ejer klinikken sammen med min bror.');
  if (typeof claimed === 'string') throw new Error(claimed);
  for (const name of ['Ny Klinik Et', 'Ny Klinik To']) {
    await db
      .insertInto('clinic_requests')
      .values({ user_id: claimant.id, name, input: '{}', status: 'pending', clinic_id: null, decision_reason: null, decided_by: null, decided_at: null, created_at: at })
      .execute();
  }
  await db
    .insertInto('clinic_requests')
    .values({ user_id: claimant.id, name: 'Afvist Klinik', input: '{}', status: 'rejected', clinic_id: null, decision_reason: 'Findes ikke.', decided_by: null, decided_at: at, created_at: at })
    .execute();
  return claimed.claimId;
}

let claimId: number;
beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      claimId = await fillQueues(db);
    },
  });
});
afterAll(() => t.destroy());

/** The dashboard's queues as [label, count, link]. */
function queuesOn(html: string): Array<[string, number, string]> {
  return [...html.matchAll(/<a href="([^"]+)">([^<]+): <span class="queue-count">(\d+)<\/span><\/a>/g)].map((m) => [m[2]!, Number(m[3]), m[1]!.replace(/&amp;/g, '&')]);
}

describe('/admin dashboard', () => {
  it('shows an administrator all six queues with their counts, each linking to its queue', async () => {
    const admin = await createUser(t.database.db, { role: 'admin' });
    const session = await signIn(t.app, t.database.db, admin);
    const page = await t.app.inject({ url: '/admin', headers: { cookie: session.cookie } });
    expect(page.statusCode).toBe(200);
    expect(queuesOn(page.body)).toEqual([
      ['Anmeldelser', 2, '/admin/anmeldelser'],
      ['Svar fra klinikker', 1, '/admin/svar'],
      ['Kommentarer', 1, '/admin/kommentarer'],
      ['Krav på klinikker', 1, '/admin/krav#ejerskab'],
      ['Anmodninger om nye klinikker', 2, '/admin/krav#nye-klinikker'],
      ['Behandlere til kontrol', 0, '/admin/behandlere'],
    ]);
    // Each link leads to a page with what was counted.
    const claims = await t.app.inject({ url: '/admin/krav', headers: { cookie: session.cookie } });
    expect(claims.body).toContain('id="ejerskab"');
    expect(claims.body).toContain('Jeg ejer klinikken sammen med min bror.');
    expect(claims.body).toContain('id="nye-klinikker"');
    expect(claims.body).toContain('Ny Klinik To');
    for (const path of ['/admin/anmeldelser', '/admin/svar', '/admin/kommentarer']) {
      expect((await t.app.inject({ url: path, headers: { cookie: session.cookie } })).statusCode).toBe(200);
    }

    // A decided claim leaves the count.
    const approved = await postForm(t.app, `/admin/krav/${claimId}/godkend`, {}, session);
    expect(approved.statusCode).toBe(303);
    const after = await t.app.inject({ url: '/admin', headers: { cookie: session.cookie } });
    expect(queuesOn(after.body)).toContainEqual(['Krav på klinikker', 0, '/admin/krav#ejerskab']);
  });

  it('shows an editor the three text queues only: claims and new clinics are for administrators', async () => {
    const editor = await createUser(t.database.db, { role: 'redaktoer' });
    const session = await signIn(t.app, t.database.db, editor);
    const page = await t.app.inject({ url: '/admin', headers: { cookie: session.cookie } });
    expect(queuesOn(page.body).map(([label]) => label)).toEqual(['Anmeldelser', 'Svar fra klinikker', 'Kommentarer']);
    expect(page.body).not.toContain('/admin/krav');
  });
});
