import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/accounts/audit.js';
import { HAS_CHROMIUM, launchChromium, localContext } from '../helpers/browser.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { addMembership, createUser, signIn } from '../helpers/accounts.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { createArticle } from '../helpers/factories.js';

/**
 * The XSS corpus (test/fixtures/xss/payloads.json, each payload calls window.__xss(n) if it ever
 * runs) put through every field people can write: account names, reviews, owners' answers,
 * comments, report reasons, rejection reasons, and a clinic's about text and team names. Every
 * page that shows them is loaded in Chromium. Two checks, so that neither hides the other: no
 * payload runs (the CSP alone would stop inline handlers), and no payload became markup (no
 * event-handler attribute, javascript: URL or script of ours appeared in the DOM).
 */

const { payloads } = JSON.parse(readFileSync(new URL('../fixtures/xss/payloads.json', import.meta.url), 'utf8')) as { payloads: string[] };
const padded = (p: string) => `${p} – en anmeldelse med lidt ekstra tekst`;

let t: TestApp;
let baseUrl: string;
let browser: Browser;
const cookies: Record<'admin' | 'owner' | 'author', string> = { admin: '', owner: '', author: '' };
let firstReviewId = 0;
const signers = {} as Record<keyof typeof cookies, Awaited<ReturnType<typeof createUser>>>;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // Plain http, as the browser reaches it: session cookies without Secure/__Host-.
  t = await startTestApp({
    config: { baseUrl: 'http://127.0.0.1' },
    seed: async (db) => {
      const d = await loadDirectory(db);
      const clinic = await createClinic(db, d, { name: 'XSS Klinik', postcode: '8000', verified: true, team: [{ name: 'Første behandler', title: 'Fysioterapeut' }] });
      await db.updateTable('clinics').set({ about: payloads.join('\n\n') }).where('id', '=', clinic.id).execute();
      await db.deleteFrom('clinic_team_members').where('clinic_id', '=', clinic.id).execute();
      await db.insertInto('clinic_team_members').values(payloads.slice(0, 20).map((p, i) => ({ clinic_id: clinic.id, name: p, title: p, position: i }))).execute();
      const article = await createArticle(db, { kind: 'blog', title: 'XSS indlæg' });
      const now = new Date().toISOString();
      for (const [i, p] of payloads.entries()) {
        // No password: 62 argon2 hashes would only slow the set-up; these people never sign in.
        const user = await createUser(db, { email: `xss${i}@example.org`, name: p, verified: true, password: null });
        const published = i % 4 !== 0;
        const review = await db
          .insertInto('reviews')
          .values({ clinic_id: clinic.id, user_id: user.id, rating: (i % 5) + 1, text: padded(p), author_name: p, status: published ? 'published' : 'pending', verified_visit: false, visit_month: '2026-01', created_at: now, published_at: published ? now : null, reported_at: published && i % 3 === 0 ? now : null, moderation_note: published ? null : p })
          .returning('id')
          .executeTakeFirstOrThrow();
        firstReviewId ||= review.id;
        if (published) await db.insertInto('review_answers').values({ review_id: review.id, user_id: null, text: p, status: i % 2 ? 'published' : 'pending', created_at: now, published_at: now }).execute();
        if (published && i % 3 === 0) await db.insertInto('reports').values({ subject_type: 'review', subject_id: review.id, reporter_id: user.id, reason: p, created_at: now }).execute();
        await db.insertInto('comments').values({ article_id: article.id, user_id: user.id, author_name: p, text: p, status: published ? 'published' : 'pending', created_at: now, published_at: published ? now : null }).execute();
      }
      await db.updateTable('clinics').set({ review_count: payloads.length, rating_sum: payloads.length * 3 }).where('id', '=', clinic.id).execute();
      const admin = await createUser(db, { email: 'xss-admin@example.org', name: payloads[1]!, role: 'admin', verified: true });
      // The log shows people by name: an entry by the admin puts their (payload) name on it.
      await audit(db, { actorId: admin.id, action: 'review.publish', subjectType: 'review', subjectId: 1, address: '127.0.0.1' });
      const owner = await createUser(db, { email: 'xss-owner@example.org', name: payloads[2]!, verified: true });
      await addMembership(db, owner.id, clinic.id, 'klinikejer');
      signers.admin = admin;
      signers.owner = owner;
      const author = await createUser(db, { email: 'xss-author@example.org', name: payloads[3]!, verified: true });
      await db.insertInto('reviews').values({ clinic_id: clinic.id, user_id: author.id, rating: 1, text: padded(payloads[4]!), author_name: payloads[3]!, status: 'rejected', verified_visit: false, visit_month: '2026-01', created_at: now, moderation_note: payloads[5]! }).execute();
      signers.author = author;
    },
  });
  for (const who of ['admin', 'owner', 'author'] as const) cookies[who] = (await signIn(t.app, t.database.db, signers[who])).cookie;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

/** Markup that a payload would have produced had it not been escaped. */
async function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
      if (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__xss') && el.getAttribute('type') !== 'application/ld+json') found.push('script with __xss');
      if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'TEMPLATE', 'MARQUEE', 'ISINDEX'].includes(el.tagName) && el.closest('body')) found.push(el.tagName);
    }
    return found;
  });
}

async function visit(path: string, as?: keyof typeof cookies) {
  const context = await localContext(browser);
  if (as) {
    const [name, value] = cookies[as].split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  }
  await context.addInitScript(() => {
    (window as unknown as { __xssCalls: number[] }).__xssCalls = [];
    (window as unknown as { __xss: (n: number) => void }).__xss = (n) => (window as unknown as { __xssCalls: number[] }).__xssCalls.push(n);
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const response = await page.goto(`${baseUrl}${path}`);
  // Give autofocus/onerror/animation payloads a moment to fire.
  await page.waitForTimeout(150);
  const calls = await page.evaluate(() => (window as unknown as { __xssCalls: number[] }).__xssCalls);
  const markup = await injectedMarkup(page);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  await context.close();
  return { status: response?.status(), csp: response?.headers()['content-security-policy'] ?? '', calls, dialogs, markup, text };
}

const PAGES: Array<[string, keyof typeof cookies | undefined]> = [
  ['/klinik/xss-klinik', undefined],
  ...[1, 2, 3, 4, 5].map((p): [string, undefined] => [`/klinik/xss-klinik/anmeldelser${p > 1 ? `?side=${p}` : ''}`, undefined]),
  ['/blog/xss-indlaeg', undefined],
  ['/admin/anmeldelser', 'admin'],
  ['/admin/svar', 'admin'],
  ['/admin/kommentarer', 'admin'],
  ['/admin/brugere', 'admin'],
  ['/admin/log', 'admin'],
  ['/klinik/xss-klinik/anmeldelser/svar', 'owner'],
  ['/klinik/xss-klinik/anmeld', 'author'],
];

describe.skipIf(!HAS_CHROMIUM)(`the XSS corpus (${payloads.length} payloads) in Chromium`, () => {
  it('has at least 50 payloads, and the markup check catches a payload that did get through', async () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    const context = await localContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/saadan-behandler-vi-anmeldelser`);
    await page.evaluate((p) => document.body.insertAdjacentHTML('beforeend', p), payloads[2]!);
    expect(await injectedMarkup(page)).toEqual(['IMG onerror']);
    await context.close();
  });

  for (const [path, as] of PAGES) {
    it(`${path}${as ? ` (as ${as})` : ''}: no payload runs or becomes markup, and the CSP allows no inline script`, async () => {
      const result = await visit(path, as);
      expect(result.status).toBe(200);
      expect(result.calls).toEqual([]);
      expect(result.dialogs).toEqual([]);
      expect(result.markup).toEqual([]);
      expect(result.csp).toMatch(/script-src 'self'/);
      expect(result.csp).not.toContain('unsafe-inline');
      // The payloads are there, as text.
      expect(result.text).toContain('__xss(');
    });
  }

  it('the /admin dashboard (counts only) runs nothing either', async () => {
    const result = await visit('/admin', 'admin');
    expect(result.status).toBe(200);
    expect(result.calls).toEqual([]);
    expect(result.markup).toEqual([]);
  });

  it('the report form shows the reported text as text', async () => {
    const result = await visit(`/anmeldelser/${firstReviewId + 1}/rapporter`, 'author');
    expect(result.status).toBe(200);
    expect(result.calls).toEqual([]);
    expect(result.markup).toEqual([]);
  });
});
