import { answerFieldName } from '../../src/directory/reviews/views/owner-reviews-page.js';
import { recentMonths } from '../../src/text/dates.js';
import { TEST_PASSWORD, type TestUser } from '../helpers/accounts.js';
import { formFields } from '../helpers/forms.js';
import {
  type ActorName,
  type Actors,
  type World,
  accountLinkToken,
  claimLinkToken,
  closureOfA,
  coOwnerOfA,
  comment,
  credentialsFor,
  invitationToken,
  newClinicFields,
  otherSessionOf,
  passkeyOf,
  pendingAnswer,
  pendingClaim,
  pendingClinicRequest,
  pendingReview,
  publishedReview,
  unclaimedClinic,
} from '../helpers/matrix.js';
import { type Expected, type RouteCase, admins, answerersOfA, editors, everyone, ownersOfA, page, signedIn } from './matrix/common.js';
import { PEOPLE_MATRIX } from './matrix/people.table.js';
import { PROGRAMS_MATRIX } from './matrix/programs.table.js';
import { FOLLOWUP_MATRIX } from './matrix/followup.table.js';
import { PATIENT_MATRIX } from './matrix/patient.table.js';
import { PRIVACY_MATRIX } from './matrix/privacy.table.js';
import { REMINDERS_MATRIX } from './matrix/reminders.table.js';

export type { Expected, RouteCase, Request } from './matrix/common.js';

const a = (w: World) => w.clinicA.slug;
const visitMonth = () => recentMonths(1)[0]!;

/** The route table: one entry per method and URL the app registers (HEAD follows GET). */
export const MATRIX: Record<string, RouteCase> = {
  // Public pages, feeds, files and the JSON API: the same for everyone.
  'GET /': page('/'),
  'GET /assets/:name': page((w) => `/assets/${w.slugs.asset}`),
  'GET /favicon.ico': { ...page('/favicon.ico'), ok: 301 },
  'GET /media/:file': page((w) => w.slugs.media),
  'GET /healthz': page('/healthz'),
  'GET /robots.txt': page('/robots.txt'),
  'GET /sitemap.xml': page('/sitemap.xml'),
  'GET /sitemap-:name.xml': page('/sitemap-ordbog.xml'),
  'GET /soeg': page('/soeg?q=kn%C3%A6'),
  'GET /ordbog': page('/ordbog'),
  'GET /ordbog/:slug': page((w) => `/ordbog/${w.slugs.ordbog}`),
  'GET /blog': page('/blog'),
  'GET /blog/feed.xml': page('/blog/feed.xml'),
  'GET /blog/:slug': page((w) => `/blog/${w.slugs.blog}`),
  'GET /forfatter/:slug': page((w) => `/forfatter/${w.slugs.author}`),
  'GET /oevelser': page('/oevelser'),
  'GET /oevelser/:slug': page((w) => `/oevelser/${w.slugs.exercise}`),
  'GET /specialer': page('/specialer'),
  'GET /specialer/:slug': page((w) => `/specialer/${w.slugs.specialty}`),
  // The home page's search box decides and redirects (src/body).
  'GET /find': { ...page('/find?q=kn%C3%A6%202100'), ok: 303 },
  'GET /krop': page('/krop'),
  'GET /krop/:region': page('/krop/knae?sted=2100'),
  'GET /find/fysioterapeut': page('/find/fysioterapeut'),
  'GET /find/fysioterapeut/:town': page((w) => `/find/fysioterapeut/${w.slugs.town}`),
  'GET /find/fysioterapeut/:town/:specialty': page((w) => `/find/fysioterapeut/${w.slugs.town}/${w.slugs.specialty}`),
  'GET /klinik/:slug': page((w) => `/klinik/${a(w)}`),
  // A contact click is counted (buffered analytics, outside the tables the matrix watches) and redirected.
  'GET /klinik/:slug/kontakt/:kind': { ...page((w) => `/klinik/${a(w)}/kontakt/telefon`), ok: 302 },
  'GET /klinik/:slug/anmeldelser': page((w) => `/klinik/${a(w)}/anmeldelser`),
  'GET /saadan-behandler-vi-anmeldelser': page('/saadan-behandler-vi-anmeldelser'),
  'GET /om': page('/om'),
  'GET /kontakt': page('/kontakt'),
  'GET /privatliv': page('/privatliv'),
  'GET /redaktionel-politik': page('/redaktionel-politik'),
  'GET /vaerktoejer': page('/vaerktoejer'),
  'GET /vaerktoejer/bmi': page('/vaerktoejer/bmi'),
  'GET /vaerktoejer/fedtprocent': page('/vaerktoejer/fedtprocent'),
  'GET /vaerktoejer/kalorieberegner': page('/vaerktoejer/kalorieberegner'),
  'GET /vaerktoejer/loebetempo': page('/vaerktoejer/loebetempo'),
  'GET /vaerktoejer/1rm': page('/vaerktoejer/1rm'),
  'GET /vaerktoejer/forstaa-din-scanning': page('/vaerktoejer/forstaa-din-scanning'),
  'GET /vaerktoejer/start-back': page('/vaerktoejer/start-back'),
  'GET /vaerktoejer/start-back/find': { ...page('/vaerktoejer/start-back/find?postnummer=8000'), ok: 303 },
  // The tools' forms post to be computed; they keep nothing.
  'POST /vaerktoejer/forstaa-din-scanning': { request: () => ({ url: '/vaerktoejer/forstaa-din-scanning', body: { tekst: 'Let degeneration af menisken.' } }), expect: everyone, ok: 200, changes: false },
  'POST /vaerktoejer/start-back': {
    request: () => ({ url: '/vaerktoejer/start-back', body: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`q${i + 1}`, i === 8 ? 'lidt' : 'uenig'])) }),
    expect: everyone,
    ok: 200,
    changes: false,
  },
  'GET /api/v1/openapi.json': page('/api/v1/openapi.json'),
  'GET /api/v1/articles/:slug': page((w) => `/api/v1/articles/${w.slugs.ordbog}`),
  'GET /api/v1/search': page('/api/v1/search?q=kn%C3%A6'),
  'GET /api/v1/towns': page('/api/v1/towns?q=aar'),
  'GET /api/v1/towns/nearest': page('/api/v1/towns/nearest?lat=55.7&lon=12.57'),
  'GET /api/v1/clinics': page('/api/v1/clinics'),
  'GET /api/v1/clinics/:slug': page((w) => `/api/v1/clinics/${a(w)}`),
  'GET /api/v1/exercises': page('/api/v1/exercises'),
  'GET /api/v1/exercises/:slug': page((w) => `/api/v1/exercises/${w.slugs.exercise}`),

  // Accounts: the pages for visitors. A signed-in caller who opens the sign-in page is sent on.
  'GET /konto/log-ind': { ...page('/konto/log-ind'), expect: { anonymous: 'ok', patient: 303, ownerA: 303, ownerB: 303, behandler: 303, behandlerB: 303, redaktoer: 303, admin: 303 } },
  'POST /konto/log-ind': { request: (w) => ({ url: '/konto/log-ind', body: { email: w.signer.email, adgangskode: TEST_PASSWORD } }), expect: everyone },
  'GET /konto/opret': page('/konto/opret'),
  'POST /konto/opret': {
    request: (_w, _me) => ({ url: '/konto/opret', body: { navn: 'Nina Nybruger', email: `ny-${Math.random().toString(36).slice(2)}@example.dk`, adgangskode: 'grøn-ugle-flyver-hjem-før-7' } }),
    expect: everyone,
    ok: 200,
  },
  // Opening the e-mailed link is the proof: the GET verifies the address.
  'GET /konto/bekraeft': { request: async (w) => ({ url: `/konto/bekraeft?token=${await accountLinkToken(w, 'verify')}` }), expect: everyone, changes: true },
  'GET /konto/glemt': page('/konto/glemt'),
  'POST /konto/glemt': { request: (w) => ({ url: '/konto/glemt', body: { email: w.signer.email } }), expect: everyone, ok: 200 },
  'GET /konto/nulstil': { request: async (w) => ({ url: `/konto/nulstil?token=${await accountLinkToken(w, 'reset')}` }), expect: everyone },
  'POST /konto/nulstil': { request: async (w) => ({ url: '/konto/nulstil', body: { token: await accountLinkToken(w, 'reset'), adgangskode: 'rød-bil-kører-langsomt-9-gange' } }), expect: everyone },
  'POST /konto/log-ind/adgangsnoegle/muligheder': { request: () => ({ url: '/konto/log-ind/adgangsnoegle/muligheder', json: {} }), expect: everyone, ok: 200 },
  // A credential no authenticator made: refused for everyone, and nothing changes.
  'POST /konto/log-ind/adgangsnoegle': { request: () => ({ url: '/konto/log-ind/adgangsnoegle', json: { credential: { id: 'ukendt', rawId: 'ukendt', type: 'public-key', response: {} } } }), expect: everyone, ok: 401, changes: false },
  // Signing out: a visitor has nothing to end.
  'POST /konto/log-ud': { request: () => ({ url: '/konto/log-ud' }), expect: { ...everyone, anonymous: { status: 303, changes: false } } },

  // Accounts: the signed-in person's own pages and changes.
  'GET /konto': { ...page('/konto'), expect: signedIn },
  'GET /konto/data': { ...page('/konto/data'), expect: signedIn },
  'GET /konto/slet': { ...page('/konto/slet'), expect: signedIn },
  'POST /konto/slet': { request: () => ({ url: '/konto/slet', body: {} }), expect: signedIn },
  'POST /konto/navn': { request: () => ({ url: '/konto/navn', body: { navn: 'Nyt Navn' } }), expect: signedIn },
  'POST /konto/adgangskode': { request: () => ({ url: '/konto/adgangskode', body: { ny_adgangskode: 'gul-sol-skinner-over-3-huse' } }), expect: signedIn },
  'POST /konto/log-ud-overalt': { request: () => ({ url: '/konto/log-ud-overalt' }), expect: signedIn },
  'POST /konto/sessioner/:id/log-ud': { request: async (w, me) => ({ url: `/konto/sessioner/${me ? await otherSessionOf(w, me) : 1}/log-ud` }), expect: signedIn },
  // Our callers' addresses are verified already, so there is nothing to send.
  'POST /konto/bekraeft-igen': { request: () => ({ url: '/konto/bekraeft-igen' }), expect: signedIn, changes: false },
  'POST /konto/adgangsnoegler/muligheder': { request: () => ({ url: '/konto/adgangsnoegler/muligheder', json: {} }), expect: signedIn, ok: 200 },
  'POST /konto/adgangsnoegler': { request: () => ({ url: '/konto/adgangsnoegler', json: { credential: { id: 'ukendt', type: 'public-key', response: {} } } }), expect: signedIn, ok: 400, changes: false },
  'POST /konto/adgangsnoegler/:id/slet': { request: async (w, me) => ({ url: `/konto/adgangsnoegler/${me ? await passkeyOf(w, me.id) : 1}/slet` }), expect: signedIn },

  // Reviews and comments: anyone signed in writes and reports; a clinic's own people may not review it.
  'GET /klinik/:slug/anmeld': { ...page((w) => `/klinik/${a(w)}/anmeld`), expect: signedIn },
  'POST /klinik/:slug/anmeld': {
    request: (w) => ({ url: `/klinik/${a(w)}/anmeld`, body: { rating: '4', text: 'Venligt personale og gode øvelser til ryggen.', visitMonth: visitMonth(), consent: 'ja' } }),
    expect: { ...signedIn, ownerA: 403, behandler: 403 },
    ok: 200,
  },
  'GET /anmeldelser/:id/rapporter': { request: async (w) => ({ url: `/anmeldelser/${await publishedReview(w)}/rapporter` }), expect: signedIn },
  'POST /anmeldelser/:id/rapporter': { request: async (w) => ({ url: `/anmeldelser/${await publishedReview(w)}/rapporter`, body: { reason: 'Teksten handler om en anden klinik.' } }), expect: signedIn, ok: 200 },
  'GET /blog/:slug/kommentar': { ...page((w) => `/blog/${w.slugs.blog}/kommentar`), expect: signedIn },
  'POST /blog/:slug/kommentar': { request: (w) => ({ url: `/blog/${w.slugs.blog}/kommentar`, body: { text: 'Tak for et godt indlæg om at komme i gang.' } }), expect: signedIn, ok: 200 },
  'GET /kommentarer/:id/rapporter': { request: async (w) => ({ url: `/kommentarer/${await comment(w, 'published')}/rapporter` }), expect: signedIn },
  'POST /kommentarer/:id/rapporter': { request: async (w) => ({ url: `/kommentarer/${await comment(w, 'published')}/rapporter`, body: { reason: 'Kommentaren er reklame.' } }), expect: signedIn, ok: 200 },
  'GET /klinik/:slug/anmeldelser/svar': { ...page((w) => `/klinik/${a(w)}/anmeldelser/svar`), expect: answerersOfA },
  'POST /klinik/:slug/anmeldelser/:id/svar': {
    request: async (w) => {
      const id = await publishedReview(w);
      return { url: `/klinik/${a(w)}/anmeldelser/${id}/svar`, body: { [answerFieldName(id)]: 'Tak for din anmeldelse, vi er glade for at kunne hjælpe.' } };
    },
    expect: answerersOfA,
    ok: 200,
  },
  'POST /klinik/:slug/anmeldelser/:id/bekraeft': { request: async (w) => ({ url: `/klinik/${a(w)}/anmeldelser/${await publishedReview(w)}/bekraeft`, body: { confirmed: 'ja' } }), expect: answerersOfA },

  // Clinic owners: claiming, requesting and invitations are for anyone signed in.
  'GET /klinikejer': { ...page('/klinikejer'), expect: signedIn },
  'GET /klinik/:slug/er-det-din-klinik': { ...page((w) => `/klinik/${a(w)}/er-det-din-klinik`), expect: signedIn },
  'POST /klinikejer/krav': { request: async (w) => ({ url: '/klinikejer/krav', body: { klinik: (await unclaimedClinic(w)).slug, metode: 'email' } }), expect: signedIn, ok: 200 },
  // The caller's own claim link (someone else's is refused: owners-pages.test.ts).
  'GET /klinikejer/krav/bekraeft': { request: async (w, me) => ({ url: `/klinikejer/krav/bekraeft?token=${me ? await claimLinkToken(w, me.id) : 'x'}` }), expect: signedIn },
  'POST /klinikejer/krav/bekraeft': { request: async (w, me) => ({ url: '/klinikejer/krav/bekraeft', body: { token: me ? await claimLinkToken(w, me.id) : 'x' } }), expect: signedIn },
  // An invitation sent to the caller's own address.
  'GET /klinikejer/invitation': { request: async (w, me) => ({ url: `/klinikejer/invitation?token=${me ? await invitationToken(w, me.email) : 'x'}` }), expect: signedIn },
  'POST /klinikejer/invitation': { request: async (w, me) => ({ url: '/klinikejer/invitation', body: { token: me ? await invitationToken(w, me.email) : 'x' } }), expect: signedIn },
  'GET /klinikejer/ny-klinik': { ...page('/klinikejer/ny-klinik'), expect: signedIn },
  'POST /klinikejer/ny-klinik': { request: () => ({ url: '/klinikejer/ny-klinik', body: newClinicFields() }), expect: signedIn },

  // Clinic A's own pages: its owners and administrators.
  'GET /klinikejer/klinik/:slug': { ...page((w) => `/klinikejer/klinik/${a(w)}`), expect: ownersOfA },
  'POST /klinikejer/klinik/:slug': {
    // The form as owner A sees it, with a new text about the clinic.
    request: async (w, _me, actors) => {
      const url = `/klinikejer/klinik/${a(w)}`;
      const form = await w.t.app.inject({ url, headers: { cookie: (await credentialsFor(w, actors.ownerA)).cookie } });
      return { url, body: { ...formFields(form.body, url), about: `Ny tekst om klinikken ${Math.random()}` } };
    },
    expect: ownersOfA,
  },
  'GET /klinikejer/klinik/:slug/aendringer': { ...page((w) => `/klinikejer/klinik/${a(w)}/aendringer`), expect: ownersOfA },
  'GET /klinikejer/klinik/:slug/statistik': { ...page((w) => `/klinikejer/klinik/${a(w)}/statistik`), expect: ownersOfA },
  'GET /klinikejer/klinik/:slug/statistik.csv': { ...page((w) => `/klinikejer/klinik/${a(w)}/statistik.csv`), expect: ownersOfA },
  'GET /klinikejer/klinik/:slug/lukkedage': { ...page((w) => `/klinikejer/klinik/${a(w)}/lukkedage`), expect: ownersOfA },
  'POST /klinikejer/klinik/:slug/lukkedage': { request: (w) => ({ url: `/klinikejer/klinik/${a(w)}/lukkedage`, body: { starts_on: '2099-05-01', ends_on: '2099-05-02', note: 'Kursus' } }), expect: ownersOfA },
  'POST /klinikejer/klinik/:slug/lukkedage/:id/slet': { request: async (w) => ({ url: `/klinikejer/klinik/${a(w)}/lukkedage/${await closureOfA(w)}/slet` }), expect: ownersOfA },
  'GET /klinikejer/klinik/:slug/ejere': { ...page((w) => `/klinikejer/klinik/${a(w)}/ejere`), expect: ownersOfA },
  'POST /klinikejer/klinik/:slug/ejere': { request: (w) => ({ url: `/klinikejer/klinik/${a(w)}/ejere`, body: { email: `kollega-${Math.random().toString(36).slice(2)}@example.dk` } }), expect: ownersOfA },
  'POST /klinikejer/klinik/:slug/ejere/:userId/fjern': { request: async (w) => ({ url: `/klinikejer/klinik/${a(w)}/ejere/${await coOwnerOfA(w)}/fjern` }), expect: ownersOfA },

  // /admin: the moderation queues for editors and administrators.
  'GET /admin': { ...page('/admin'), expect: editors },
  'GET /admin/anmeldelser': { ...page('/admin/anmeldelser'), expect: editors },
  'POST /admin/anmeldelser/:id': { request: async (w) => ({ url: `/admin/anmeldelser/${await pendingReview(w)}`, body: { decision: 'publish' } }), expect: editors },
  'GET /admin/svar': { ...page('/admin/svar'), expect: editors },
  'POST /admin/svar/:id': { request: async (w, _me, actors) => ({ url: `/admin/svar/${await pendingAnswer(w, actors.ownerA.id)}`, body: { decision: 'reject', reason: 'Svaret nævner en patient ved navn.' } }), expect: editors },
  'GET /admin/kommentarer': { ...page('/admin/kommentarer'), expect: editors },
  'POST /admin/kommentarer/:id': { request: async (w) => ({ url: `/admin/kommentarer/${await comment(w, 'pending')}`, body: { decision: 'publish' } }), expect: editors },

  // /admin for administrators only: claims, clinic requests, users and the audit log.
  'GET /admin/krav': { ...page('/admin/krav'), expect: admins },
  'POST /admin/krav/:id/godkend': { request: async (w) => ({ url: `/admin/krav/${await pendingClaim(w)}/godkend` }), expect: admins },
  'POST /admin/krav/:id/afvis': { request: async (w) => ({ url: `/admin/krav/${await pendingClaim(w)}/afvis`, body: { begrundelse: 'Vi kunne ikke bekræfte tilknytningen.' } }), expect: admins },
  'POST /admin/klinikanmodninger/:id/godkend': { request: async (w) => ({ url: `/admin/klinikanmodninger/${await pendingClinicRequest(w)}/godkend` }), expect: admins },
  'POST /admin/klinikanmodninger/:id/afvis': { request: async (w) => ({ url: `/admin/klinikanmodninger/${await pendingClinicRequest(w)}/afvis`, body: { begrundelse: 'Klinikken findes allerede.' } }), expect: admins },
  'GET /admin/brugere': { ...page('/admin/brugere'), expect: admins },
  'POST /admin/brugere/:id/rolle': { request: (_w, _me, actors) => ({ url: `/admin/brugere/${actors.patient.id}/rolle`, body: { role: 'redaktoer' } }), expect: admins },
  'POST /admin/brugere/:id/spaerring': { request: (_w, _me, actors) => ({ url: `/admin/brugere/${actors.ownerB.id}/spaerring`, body: { action: 'spaer' } }), expect: admins },
  'GET /admin/log': { ...page('/admin/log'), expect: admins },

  // Genoptræning, one table per part.
  ...PEOPLE_MATRIX,
  ...PROGRAMS_MATRIX,
  ...FOLLOWUP_MATRIX,
  ...PATIENT_MATRIX,
  ...PRIVACY_MATRIX,
  ...REMINDERS_MATRIX,
};
