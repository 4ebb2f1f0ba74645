import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { TOKEN_LIFETIME_MS, issueEmailToken } from '../../src/accounts/email-tokens.js';
import { createSession } from '../../src/accounts/sessions.js';
import type { Db } from '../../src/db/engine.js';
import { type Directory, loadDirectory } from '../../src/directory/directory.js';
import { addPublishedReview } from '../../src/directory/reviews/published.js';
import { saveReview } from '../../src/directory/reviews/write.js';
import { saveAnswer } from '../../src/directory/reviews/answers.js';
import { saveComment } from '../../src/content/comments/comments.js';
import { addClosure } from '../../src/directory/owners/closures.js';
import { inviteOwner } from '../../src/directory/owners/invitations.js';
import { requestAdminClaim, startEmailClaim } from '../../src/directory/owners/claims.js';
import { storeImages } from '../../src/content/media.js';
import { mediaPath } from '../../src/content/media-paths.js';
import { recentMonths } from '../../src/text/dates.js';
import { CSRF_FIELD } from '../../src/web/csrf.js';
import { type Credentials, type TestUser, addMembership, anonymousForm, createUser, linkIn, postForm, readOutbox, signIn } from './accounts.js';
import { type TestApp, TEST_BASE_URL } from './app.js';
import { createClinic } from './clinics.js';
import { acceptDpa, checkAutorisation } from './rehab.js';

/**
 * The world of the authorisation matrix (test/integration/authorization-matrix.test.ts): an app
 * with our demo content, two clinics, seven kinds of caller made fresh for every route, fixtures
 * that routes act on, and a fingerprint of every table a request could change.
 */

export const ACTORS = ['anonymous', 'patient', 'ownerA', 'ownerB', 'behandler', 'behandlerB', 'redaktoer', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];
export type SignedInName = Exclude<ActorName, 'anonymous'>;

export interface World {
  t: TestApp;
  db: Db;
  directory: Directory;
  clinicA: { id: number; slug: string; name: string };
  clinicB: { id: number; slug: string; name: string };
  /** Slugs and names of public things, taken from the demo data. */
  slugs: { ordbog: string; blog: string; blogId: number; author: string; exercise: string; specialty: string; town: string; /** The path of a picture the demo articles show. */
    media: string;
    asset: string;
  };
  /** A person with a password, whom anyone may sign in as (the sign-in route's case). */
  signer: TestUser;
  /** Someone signed in who makes fixtures through the routes (clinic requests). */
  helper: Credentials;
}

/** The world on an app with the demo content (`startTestApp({ demo: true })`). */
export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const directory = await loadDirectory(db);
  const clinicA = await createClinic(db, directory, { name: 'Klinik A', email: 'post@klinik-a.example.dk' });
  const clinicB = await createClinic(db, directory, { name: 'Klinik B', email: 'post@klinik-b.example.dk' });
  const first = async <T>(query: Promise<T | undefined>) => {
    const row = await query;
    if (!row) throw new Error('the demo data lacks something the matrix needs');
    return row;
  };
  const ordbog = await first(db.selectFrom('articles').select('slug').where('kind', '=', 'ordbog').orderBy('id').executeTakeFirst());
  const blog = await first(db.selectFrom('articles').select(['id', 'slug']).where('kind', '=', 'blog').orderBy('id').executeTakeFirst());
  const author = await first(db.selectFrom('authors').select('slug').orderBy('id').executeTakeFirst());
  const exercise = await first(db.selectFrom('exercises').select('slug').orderBy('id').executeTakeFirst());
  const specialty = await first(db.selectFrom('specialties').select('slug').orderBy('slug').executeTakeFirst());
  const town = await first(db.selectFrom('towns').innerJoin('clinics', 'clinics.town_id', 'towns.id').select('towns.slug').orderBy('towns.slug').executeTakeFirst());
  // A picture in the media store, as an article's import keeps it (the demo articles have none).
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
  const media = { hash: createHash('sha256').update(svg).digest('hex'), content_type: 'image/svg+xml' };
  await storeImages(db, [{ hash: media.hash, contentType: media.content_type, width: 1, height: 1, bytes: svg }]);
  const asset = /"\/assets\/([^"]+\.css[^"]*)"/.exec((await t.app.inject('/')).body)?.[1];
  if (!asset) throw new Error('the front page links no stylesheet');
  // Both clinics' owners have accepted the data-processing agreement (genoptræning).
  await acceptDpa(db, clinicA.id);
  await acceptDpa(db, clinicB.id);
  const signer = await createUser(db, { name: 'Signe Signer' });
  const helper = await signIn(t.app, db, await createUser(db, { password: null, name: 'Hjælper Hansen' }));
  return {
    t,
    db,
    directory,
    clinicA: { ...clinicA, name: 'Klinik A' },
    clinicB: { ...clinicB, name: 'Klinik B' },
    slugs: { ordbog: ordbog.slug, blog: blog.slug, blogId: blog.id, author: author.slug, exercise: exercise.slug, specialty: specialty.slug, town: town.slug, media: mediaPath(media.hash, media.content_type), asset },
    signer,
    helper,
  };
}

export type Actors = Record<SignedInName, TestUser>;

/** What the fixtures below need of the world; some tests make them without the whole world. */
export type FixtureWorld = Pick<World, 'db' | 'directory'>;

/**
 * The six signed-in callers, made fresh for one route so that what one route does to them (sign
 * out everywhere, delete the account) never reaches another: accounts without a password, so no
 * hashing is done; owner A and the behandler hold memberships of clinic A, owner B of clinic B.
 */
export async function freshActors(w: World): Promise<Actors> {
  const make = (name: string, role: 'patient' | 'redaktoer' | 'admin' = 'patient') => createUser(w.db, { password: null, name, role });
  const actors: Actors = {
    patient: await make('Patient Petersen'),
    ownerA: await make('Ejer Andersen'),
    ownerB: await make('Ejer Bertelsen'),
    behandler: await make('Behandler Bach'),
    behandlerB: await make('Behandler Brandt'),
    redaktoer: await make('Redaktør Rasmussen', 'redaktoer'),
    admin: await make('Admin Albertsen', 'admin'),
  };
  await addMembership(w.db, actors.ownerA.id, w.clinicA.id, 'klinikejer');
  await addMembership(w.db, actors.ownerB.id, w.clinicB.id, 'klinikejer');
  await addMembership(w.db, actors.behandler.id, w.clinicA.id, 'behandler');
  await addMembership(w.db, actors.behandlerB.id, w.clinicB.id, 'behandler');
  // Both behandlere have a checked autorisations-ID (genoptræning's health data needs it).
  await checkAutorisation(w.db, actors.behandler.id, actors.admin.id);
  await checkAutorisation(w.db, actors.behandlerB.id, actors.admin.id);
  return actors;
}

/** A browser for the caller: a new session, or for a visitor the anonymous form cookie, each with its CSRF token. */
export function credentialsFor(w: World, user: TestUser | undefined): Promise<Credentials> {
  return user ? signIn(w.t.app, w.db, user) : Promise.resolve(anonymousForm(w.t.app));
}

/** Sends one request as the browser with `credentials`: a GET, a form post, or JSON with the token in the header. */
export function send(
  w: World,
  request: { method: string; url: string; body?: Record<string, string>; json?: Record<string, unknown> },
  credentials: Credentials,
): Promise<LightMyRequestResponse> {
  if (request.method === 'GET') return w.t.app.inject({ method: 'GET', url: request.url, headers: { cookie: credentials.cookie } });
  if (request.json) {
    return w.t.app.inject({
      method: request.method as 'POST',
      url: request.url,
      payload: request.json,
      headers: { cookie: credentials.cookie, 'x-csrf-token': credentials.csrf, 'sec-fetch-site': 'same-origin', origin: new URL(TEST_BASE_URL).origin },
    });
  }
  return postForm(w.t.app, request.url, request.body ?? {}, credentials);
}

/**
 * Everything a request could change, as one string: the tables of accounts, owners, reviews,
 * comments and moderation, whole rows (a session's "last seen" left out: reading may touch it).
 */
export async function fingerprint(db: Db): Promise<string> {
  const tables = [
    'users', 'clinic_memberships', 'email_tokens', 'passkeys', 'passkey_challenges', 'login_attempts', 'audit_log', 'outbox',
    'reviews', 'review_answers', 'comments', 'reports', 'clinics', 'clinic_changes', 'clinic_closures', 'clinic_claims',
    'clinic_requests', 'clinic_invitations', 'clinic_owner_fields',
    // Genoptræning (0010).
    'behandler_profiles', 'clinic_dpa_acceptances', 'clinic_exercises', 'program_templates', 'programs', 'program_versions',
    'program_consents', 'session_logs', 'check_ins', 'proposals', 'questionnaire_schedules', 'questionnaire_answers',
    'reminder_settings', 'scheduled_sends',
  ] as const;
  const parts: unknown[] = [];
  for (const table of tables) parts.push(await db.selectFrom(table).selectAll().execute());
  parts.push(await db.selectFrom('sessions').select(['id', 'id_hash', 'user_id', 'role', 'revoked_at']).orderBy('id').execute());
  return JSON.stringify(parts);
}

// Fixtures: what a route acts on, made for one caller.

let made = 0;
const unique = () => `${Date.now().toString(36)}-${(made += 1)}`;

const lastId = async (db: Db, table: 'reviews' | 'comments') => (await db.selectFrom(table).select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;

/** A published review of clinic A by someone else. */
export async function publishedReview(w: World): Promise<number> {
  await addPublishedReview(w.db, w.clinicA.id, { rating: 4, text: 'Grundig og venlig behandling af mit knæ.', authorName: 'Karen K.', verifiedVisit: false, publishedAt: new Date().toISOString() });
  return lastId(w.db, 'reviews');
}

/** A review of clinic A waiting in the moderation queue. */
export async function pendingReview(w: World): Promise<number> {
  const author = await createUser(w.db, { password: null });
  const { id } = await saveReview(w.db, { id: author.id, name: author.name, emailVerified: true }, w.clinicA.id, {
    rating: 5,
    text: 'Jeg fik hurtigt en tid, og øvelserne hjalp.',
    visitMonth: recentMonths(1)[0]!,
    consent: 'ja',
  });
  return id;
}

/** An owner's answer to a published review of clinic A, waiting in the queue. */
export async function pendingAnswer(w: World, ownerId: number): Promise<number> {
  const reviewId = await publishedReview(w);
  await saveAnswer(w.db, reviewId, ownerId, 'Tak for de pæne ord. Vi glæder os til at se dig igen.');
  return (await w.db.selectFrom('review_answers').select('id').where('review_id', '=', reviewId).executeTakeFirstOrThrow()).id;
}

/** A comment under the blog post, waiting in the queue or (published) shown under it. */
export async function comment(w: World, status: 'pending' | 'published'): Promise<number> {
  const author = await createUser(w.db, { password: null });
  const id = await saveComment(w.db, author, w.slugs.blogId, 'Et godt indlæg; jeg er begyndt at løbe igen.');
  if (status === 'published') await w.db.updateTable('comments').set({ status: 'published', published_at: new Date().toISOString() }).where('id', '=', id).execute();
  return id;
}

/** A clinic nobody has claimed yet, with an e-mail address for the claim link. */
export async function unclaimedClinic(w: FixtureWorld): Promise<{ id: number; slug: string; name: string; email: string }> {
  const email = `post-${unique()}@klinik.example.dk`;
  const clinic = await createClinic(w.db, w.directory, { name: `Ledig Klinik ${unique()}`, email });
  return { ...clinic, name: clinic.slug, email };
}

/** The token of a claim link e-mailed for `userId`'s claim of a fresh clinic. */
export async function claimLinkToken(w: FixtureWorld, userId: number): Promise<string> {
  const clinic = await unclaimedClinic(w);
  await startEmailClaim(w.db, clinic, userId, TEST_BASE_URL);
  return tokenOfMailTo(w, clinic.email, '/klinikejer/krav/bekraeft');
}

/** The id of a claim of a fresh clinic that waits for an administrator. */
export async function pendingClaim(w: FixtureWorld): Promise<number> {
  const user = await createUser(w.db, { password: null });
  const outcome = await requestAdminClaim(w.db, await unclaimedClinic(w), user.id, 'Jeg er medejer og kan ikke læse klinikkens post.');
  if (typeof outcome === 'string') throw new Error(`claim refused: ${outcome}`);
  return outcome.claimId;
}

/** The id of a request for a new clinic, made through the page, that waits for an administrator. */
export async function pendingClinicRequest(w: World): Promise<number> {
  const name = `Ny Klinik ${unique()}`;
  const res = await postForm(w.t.app, '/klinikejer/ny-klinik', newClinicFields(name), w.helper);
  if (res.statusCode !== 303) throw new Error(`clinic request refused: ${res.statusCode}`);
  return (await w.db.selectFrom('clinic_requests').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export function newClinicFields(name = `Ny Klinik ${unique()}`): Record<string, string> {
  return { name, address: 'Gade 2', postcode: '8000', opening_hours: 'man-fre 8-16', prices: 'Behandling|45|500' };
}

/** The token of an invitation to own a fresh clinic, sent to `email`. */
export async function invitationToken(w: FixtureWorld, email: string): Promise<string> {
  const clinic = await unclaimedClinic(w);
  const inviter = await createUser(w.db, { password: null });
  await addMembership(w.db, inviter.id, clinic.id, 'klinikejer');
  await inviteOwner(w.db, clinic, inviter.id, email, TEST_BASE_URL);
  return tokenOfMailTo(w, email, '/klinikejer/invitation');
}

async function tokenOfMailTo(w: FixtureWorld, to: string, path: string): Promise<string> {
  const mail = (await readOutbox(w.db)).filter((m) => m.to === to).at(-1);
  const link = mail && linkIn(mail, path);
  const token = link && new URL(link, TEST_BASE_URL).searchParams.get('token');
  if (!token) throw new Error(`no link to ${path} was mailed to ${to}`);
  return token;
}

/** A verification or reset link's token for a fresh account (unverified for "verify"). */
export async function accountLinkToken(w: FixtureWorld, purpose: 'verify' | 'reset'): Promise<string> {
  const user = await createUser(w.db, { password: null, verified: purpose === 'reset' });
  return issueEmailToken(w.db, { purpose, userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS[purpose] });
}

/** A closure day of clinic A. */
export function closureOfA(w: World): Promise<number> {
  return addClosure(w.db, w.clinicA.id, { startsOn: '2099-12-24', endsOn: '2099-12-26', note: 'Jul' }, null);
}

/** A second owner of clinic A (someone the owners may remove). */
export async function coOwnerOfA(w: World): Promise<number> {
  const user = await createUser(w.db, { password: null });
  await addMembership(w.db, user.id, w.clinicA.id, 'klinikejer');
  return user.id;
}

/** A passkey row of the user (enough to remove it; never used to sign in). */
export async function passkeyOf(w: World, userId: number): Promise<number> {
  const row = await w.db
    .insertInto('passkeys')
    .values({ user_id: userId, credential_id: `matrix-${unique()}`, public_key: 'AA', counter: 0, name: 'Testnøgle', created_at: new Date().toISOString(), last_used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Another session of the user (one the user may end from /konto). */
export async function otherSessionOf(w: World, user: TestUser): Promise<number> {
  const { id } = await createSession(w.db, { userId: user.id, role: user.role, remember: false, userAgent: 'Firefox' });
  return id;
}

export { CSRF_FIELD };
