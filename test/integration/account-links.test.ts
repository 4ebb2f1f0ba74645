import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_LIFETIME_MS, issueEmailToken } from '../../src/accounts/email-tokens.js';
import { hashToken } from '../../src/accounts/tokens.js';
import { type Directory, loadDirectory } from '../../src/directory/directory.js';
import { createUser, postForm, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { claimLinkToken, invitationToken } from '../helpers/matrix.js';

/**
 * E-mailed links that have expired or were used already: the e-mail verification, the claim of
 * a clinic and the invitation to own one. (The password reset's link: accounts-flows.test.ts;
 * a claim link used twice: owners-pages.test.ts.) A dead link changes nothing and says why.
 */
let t: TestApp;
let directory: Directory;
const db = () => t.database.db;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const world = () => ({ db: db(), directory });
/** Makes a link's token expire a second ago, as if its time had run out. */
const expire = (token: string) => db().updateTable('email_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('token_hash', '=', hashToken(token)).execute();
const membershipsOf = (userId: number) => db().selectFrom('clinic_memberships').select('clinic_id').where('user_id', '=', userId).execute();

beforeAll(async () => {
  t = await startTestApp();
  directory = await loadDirectory(db());
});
afterAll(() => t.destroy());

describe('the e-mail verification link', () => {
  it('refuses an expired link (410) and leaves the address unverified', async () => {
    const user = await createUser(db(), { verified: false });
    const token = await issueEmailToken(db(), { purpose: 'verify', userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS.verify });
    await expire(token);
    const res = await t.app.inject({ url: `/konto/bekraeft?token=${token}` });
    expect(res.statusCode).toBe(410);
    expect(text(res.body)).toContain('Linket er mere end 24 timer gammelt');
    const row = await db().selectFrom('users').select('email_verified_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.email_verified_at).toBeNull();
  });
});

describe('the link that confirms a claim', () => {
  it('refuses an expired link on the page and when posted, and the clinic gets no owner', async () => {
    const user = await createUser(db());
    const me = await signIn(t.app, db(), user);
    const token = await claimLinkToken(world(), user.id);
    await expire(token);
    const page = await t.app.inject({ url: `/klinikejer/krav/bekraeft?token=${token}`, headers: { cookie: me.cookie } });
    expect(page.statusCode).toBe(400);
    expect(text(page.body)).toContain('Linket er udløbet. Bed om et nyt.');
    const posted = await postForm(t.app, '/klinikejer/krav/bekraeft', { token }, me);
    expect(posted.statusCode).toBe(400);
    expect(text(posted.body)).toContain('Linket er udløbet');
    expect(await membershipsOf(user.id)).toEqual([]);
  });
});

describe('the invitation to own a clinic', () => {
  it('works once: used again it is refused, and it adds no second membership', async () => {
    const user = await createUser(db());
    const me = await signIn(t.app, db(), user);
    const token = await invitationToken(world(), user.email);
    expect((await postForm(t.app, '/klinikejer/invitation', { token }, me)).statusCode).toBe(303);
    expect(await membershipsOf(user.id)).toHaveLength(1);
    const again = await postForm(t.app, '/klinikejer/invitation', { token }, me);
    expect(again.statusCode).toBe(400);
    expect(text(again.body)).toContain('Linket er allerede brugt.');
    expect(await membershipsOf(user.id)).toHaveLength(1);
  });

  it('refuses an expired invitation on the page and when posted', async () => {
    const user = await createUser(db());
    const me = await signIn(t.app, db(), user);
    const token = await invitationToken(world(), user.email);
    await expire(token);
    const page = await t.app.inject({ url: `/klinikejer/invitation?token=${token}`, headers: { cookie: me.cookie } });
    expect(page.statusCode).toBe(400);
    expect(text(page.body)).toContain('Linket er udløbet. Bed om et nyt.');
    expect((await postForm(t.app, '/klinikejer/invitation', { token }, me)).statusCode).toBe(400);
    expect(await membershipsOf(user.id)).toEqual([]);
  });
});
