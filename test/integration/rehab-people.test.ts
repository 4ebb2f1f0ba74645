import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../../src/accounts/policy.js';
import { peekInvitation } from '../../src/directory/owners/invitations.js';
import type { Directory } from '../../src/directory/directory.js';
import { loadDirectory } from '../../src/directory/directory.js';
import { importExercises } from '../../src/exercises/save.js';
import { authorisedBehandlere, practiceOf } from '../../src/rehab/access.js';
import { clinicExerciseBySlug, clinicExercisesOf } from '../../src/rehab/people/clinic-exercises.js';
import { NOT_CHECKED_TEXT } from '../../src/rehab/people/views/behandler-pages.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Credentials, type TestUser, addMembership, createUser, linkIn, postForm, readOutbox, signIn } from '../helpers/accounts.js';
import { createClinic } from '../helpers/clinics.js';
import { formFields } from '../helpers/forms.js';
import { activeProgram, checkAutorisation, kneeProgram } from '../helpers/rehab.js';
import { exerciseFields } from '../helpers/matrix-people.js';

/**
 * Genoptræning's people (issue 12 §1, §2): an owner invites a behandler, who accepts and enters
 * an autorisations-ID that an administrator checks; the agreement gates inviting patients; the
 * clinic's own exercises. Runs on SQLite, and on PostgreSQL in the integration-postgres project.
 */

describe('genoptræning people', () => {
  let t: TestApp;
  let d: Directory;
  let clinicA: { id: number; slug: string };
  let clinicB: { id: number; slug: string };
  let owner: TestUser;
  let ownerCreds: Credentials;
  let admin: TestUser;
  let adminCreds: Credentials;
  beforeAll(async () => {
    t = await startTestApp({
      seed: async (db) => {
        await importExercises(db);
        d = await loadDirectory(db);
        clinicA = await createClinic(db, d, { name: 'Klinik Alfa' });
        clinicB = await createClinic(db, d, { name: 'Klinik Beta' });
      },
    });
    const db = t.database.db;
    owner = await createUser(db, { name: 'Olga Ejer' });
    await addMembership(db, owner.id, clinicA.id, 'klinikejer');
    ownerCreds = await signIn(t.app, db, owner);
    admin = await createUser(db, { name: 'Anders Admin', role: 'admin' });
    adminCreds = await signIn(t.app, db, admin);
  });
  afterAll(() => t.destroy());

  const get = (url: string, creds?: Credentials) => t.app.inject({ url, headers: creds ? { cookie: creds.cookie } : {} });
  const behandlerePath = () => `/klinikejer/klinik/${clinicA.slug}/behandlere`;

  it('invites a behandler by e-mail; the link is accepted once, signed in under that address, and gives the membership', async () => {
    const db = t.database.db;
    const bad = await postForm(t.app, behandlerePath(), { email: 'ikke-en-adresse' }, ownerCreds);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv behandlerens e-mailadresse');
    expect(bad.body).toContain('value="ikke-en-adresse"');

    const sent = await postForm(t.app, behandlerePath(), { email: 'Bo.Behandler@Example.org' }, ownerCreds);
    expect(sent.statusCode).toBe(303);
    const page = await get(sent.headers.location as string, ownerCreds);
    expect(page.body).toContain('Invitationen er sendt.');
    expect(page.body).toContain('bo.behandler@example.org, sendt');
    const mail = (await readOutbox(db)).find((m) => m.to === 'bo.behandler@example.org')!;
    expect(mail.subject).toBe('Invitation: bliv behandler hos Klinik Alfa på Fysio');
    const link = linkIn(mail, '/behandler/invitation')!;
    const token = new URL(link, 'https://x').searchParams.get('token')!;

    // Not signed in: which clinic, and a sign-in link that comes back here.
    const visitor = await get(link);
    expect(visitor.statusCode).toBe(200);
    expect(visitor.headers['referrer-policy']).toBe('no-referrer');
    expect(visitor.body).toContain('Klinik Alfa');
    expect(visitor.body).toContain(`/konto/log-ind?tilbage=${encodeURIComponent(`/behandler/invitation?token=${token}`)}`);

    // Signed in under another address: refused, nothing changes.
    const other = await signIn(t.app, db, await createUser(db));
    expect((await get(link, other)).body).toContain('sendt til en anden e-mailadresse');
    expect((await postForm(t.app, '/behandler/invitation', { token }, other)).statusCode).toBe(403);

    const bo = await createUser(db, { email: 'bo.behandler@example.org', name: 'Bo Behandler' });
    const boCreds = await signIn(t.app, db, bo);
    expect((await get('/behandler/profil', boCreds)).statusCode).toBe(403);
    const confirm = await get(link, boCreds);
    expect(confirm.body).toContain('Bliv behandler hos Klinik Alfa');
    const accepted = await postForm(t.app, '/behandler/invitation', formFields(confirm.body, '/behandler/invitation'), boCreds);
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/behandler/profil?besked=velkommen');
    const roles = await db.selectFrom('clinic_memberships').select('role').where('user_id', '=', bo.id).where('clinic_id', '=', clinicA.id).execute();
    expect(roles.map((r) => r.role)).toEqual(['behandler']);
    const profile = await get('/behandler/profil?besked=velkommen', boCreds);
    expect(profile.body).toContain('Du er nu behandler i klinikken');
    expect(profile.body).toContain(NOT_CHECKED_TEXT);

    const again = await postForm(t.app, '/behandler/invitation', { token }, boCreds);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Invitationen er allerede brugt');
    expect((await get('/behandler/invitation?token=forkert', boCreds)).statusCode).toBe(404);
    const list = await get(behandlerePath(), ownerCreds);
    expect(list.body).toContain('Bo Behandler');
    expect(list.body).toContain('Har ikke skrevet sit autorisations-ID endnu');
    expect(list.body).not.toContain('Invitationer, der ikke er taget imod');
    // An owner's link does not open this page, nor the other way round.
    expect(await peekInvitation(db, token, 'klinikejer')).toBe('unknown');
  });

  it('expires an invitation after 7 days; a new invitation to the same address replaces the open one', async () => {
    const db = t.database.db;
    await postForm(t.app, behandlerePath(), { email: 'sen@example.org' }, ownerCreds);
    await postForm(t.app, behandlerePath(), { email: 'sen@example.org' }, ownerCreds);
    const mails = (await readOutbox(db)).filter((m) => m.to === 'sen@example.org');
    const [first, second] = mails.map((m) => new URL(linkIn(m, '/behandler/invitation')!, 'https://x').searchParams.get('token')!);
    expect(await peekInvitation(db, first, 'behandler')).toBe('unknown');
    expect(await peekInvitation(db, second, 'behandler', Date.now() + 8 * 24 * 3600 * 1000)).toBe('expired');
    const page = await get(behandlerePath(), ownerCreds);
    expect(page.body.match(/sen@example.org, sendt/g)).toHaveLength(1);

    // Taking it back: the link stops working, and it leaves the list.
    const id = (await db.selectFrom('clinic_invitations').select('id').where('email', '=', 'sen@example.org').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    const action = `${behandlerePath()}/invitationer/${id}/tilbagekald`;
    expect(page.body).toContain(`action="${action}"`);
    const revoked = await postForm(t.app, action, {}, ownerCreds);
    expect(revoked.statusCode).toBe(303);
    const after = await get(revoked.headers.location as string, ownerCreds);
    expect(after.body).toContain('Invitationen er trukket tilbage.');
    expect(after.body).not.toContain('sen@example.org, sendt');
    expect(await peekInvitation(db, second, 'behandler')).toBe('unknown');
    expect((await postForm(t.app, action, {}, ownerCreds)).statusCode).toBe(404);
  });

  it('removes a behandler: the membership goes and with it the behandler pages; administrators look but cannot act', async () => {
    const db = t.database.db;
    const gone = await createUser(db, { name: 'Gitte Går' });
    await addMembership(db, gone.id, clinicA.id, 'behandler');
    const goneCreds = await signIn(t.app, db, gone);
    expect((await get('/behandler/profil', goneCreds)).statusCode).toBe(200);

    const asAdmin = await get(behandlerePath(), adminCreds);
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.body).toContain('Gitte Går');
    expect(asAdmin.body).not.toContain('Send invitation');
    expect((await postForm(t.app, `${behandlerePath()}/${gone.id}/fjern`, {}, adminCreds)).statusCode).toBe(403);

    const removed = await postForm(t.app, `${behandlerePath()}/${gone.id}/fjern`, {}, ownerCreds);
    expect(removed.statusCode).toBe(303);
    expect((await get(removed.headers.location as string, ownerCreds)).body).toContain('Behandleren er fjernet fra klinikken.');
    expect((await get('/behandler/profil', goneCreds)).statusCode).toBe(403);
    expect((await postForm(t.app, `${behandlerePath()}/${gone.id}/fjern`, {}, ownerCreds)).statusCode).toBe(404);
    const entry = await db.selectFrom('audit_log').select(['actor_id', 'subject_id']).where('action', '=', 'clinic.behandler_removed').executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_id: owner.id, subject_id: clinicA.id });
  });

  it('lets a checked behandler invite patients only once an owner has accepted the agreement, and shows who accepted it and when', async () => {
    const db = t.database.db;
    const clinic = await createClinic(db, d, { name: 'Klinik Gamma' });
    const gammaOwner = await createUser(db, { name: 'Gerda Gammaejer' });
    await addMembership(db, gammaOwner.id, clinic.id, 'klinikejer');
    const gammaCreds = await signIn(t.app, db, gammaOwner);
    const behandler = await createUser(db);
    await addMembership(db, behandler.id, clinic.id, 'behandler');
    await checkAutorisation(db, behandler.id, admin.id, 'BX7K2');
    const actor = { kind: 'user' as const, id: behandler.id, role: 'patient' as const, name: behandler.name, emailVerified: true, sessionId: 0 };
    expect(authorize(actor, 'invite', await practiceOf(db, clinic.id))).toBe(false);
    expect(authorize(actor, 'write', await practiceOf(db, clinic.id))).toBe(true);

    const path = `/klinikejer/klinik/${clinic.slug}`;
    expect((await get(`${path}/behandlere`, gammaCreds)).body).toContain('Klinikkens behandlere kan ikke invitere patienter endnu.');
    const agreement = await get(`${path}/databehandleraftale`, gammaCreds);
    expect(agreement.body).toContain('Aftalen er ikke accepteret endnu');
    expect(agreement.body).toContain('Fysio bruger ingen underdatabehandlere');
    expect(agreement.body).toContain('10 år');
    const fields = formFields(agreement.body, `${path}/databehandleraftale`);
    const unticked = await postForm(t.app, `${path}/databehandleraftale`, fields, gammaCreds);
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Sæt kryds for at bekræfte');
    expect((await postForm(t.app, `${path}/databehandleraftale`, { ...fields, accepterer: 'ja' }, adminCreds)).statusCode).toBe(403);

    const accepted = await postForm(t.app, `${path}/databehandleraftale`, { ...fields, accepterer: 'ja' }, gammaCreds);
    expect(accepted.statusCode).toBe(303);
    const after = await get(accepted.headers.location as string, gammaCreds);
    expect(after.body).toContain('Accepteret af Gerda Gammaejer den');
    expect(after.body).not.toContain('Accepter databehandleraftalen');
    expect(authorize(actor, 'invite', await practiceOf(db, clinic.id))).toBe(true);
    expect((await get(`${path}/behandlere`, gammaCreds)).body).not.toContain('kan ikke invitere patienter endnu');
    const row = await db.selectFrom('clinic_dpa_acceptances').select(['accepted_by', 'version']).where('clinic_id', '=', clinic.id).executeTakeFirstOrThrow();
    expect(row.accepted_by).toBe(gammaOwner.id);
  });

  it('lets the owner set how long a deleted patient\'s locked data is kept: 10 to 30 years, with a Danish reason, in the audit log', async () => {
    const db = t.database.db;
    const path = `/klinikejer/klinik/${clinicA.slug}/databehandleraftale`;
    const page = await get(path, ownerCreds);
    expect(page.body).toContain('Opbevaring, når en patient sletter sin konto');
    expect(page.body).toContain('<strong>10 år</strong>');
    const fields = formFields(page.body, `${path}/opbevaring`);
    expect(fields.aar).toBe('10');

    for (const [typed, reason] of [
      ['9', 'Mindst 10 år: journalføringsbekendtgørelsen'],
      ['31', 'Højst 30 år'],
      ['tolv', 'Skriv et helt antal år mellem 10 og 30'],
      ['', 'Skriv et helt antal år mellem 10 og 30'],
    ] as const) {
      const refused = await postForm(t.app, `${path}/opbevaring`, { ...fields, aar: typed }, ownerCreds);
      expect(refused.statusCode, typed).toBe(400);
      expect(refused.body, typed).toContain(reason);
      expect(refused.body, typed).toContain(typed ? `value="${typed}"` : 'value aria-invalid="true"');
    }
    expect((await postForm(t.app, `${path}/opbevaring`, { ...fields, aar: '12' }, adminCreds)).statusCode).toBe(403);
    expect((await db.selectFrom('clinics').select('rehab_retention_years').where('id', '=', clinicA.id).executeTakeFirstOrThrow()).rehab_retention_years).toBe(10);

    const saved = await postForm(t.app, `${path}/opbevaring`, { ...fields, aar: ' 12 ' }, ownerCreds);
    expect(saved.statusCode).toBe(303);
    const after = await get(saved.headers.location as string, ownerCreds);
    expect(after.body).toContain('Opbevaringstiden er gemt.');
    expect(after.body).toContain('<strong>12 år</strong>');
    expect((await db.selectFrom('clinics').select('rehab_retention_years').where('id', '=', clinicA.id).executeTakeFirstOrThrow()).rehab_retention_years).toBe(12);
    const logged = await db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'clinic.rehab_retention_changed').where('subject_id', '=', clinicA.id).execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.actor_id).toBe(owner.id);
    expect(JSON.parse(logged[0]!.details as string)).toEqual({ from: 10, to: 12 });
    const again = await postForm(t.app, `${path}/opbevaring`, { ...fields, aar: '12' }, ownerCreds);
    expect(again.headers.location).toContain('besked=opbevaringuaendret');
  });

  it('saves the autorisations-ID in its shape; changing it clears the check', async () => {
    const db = t.database.db;
    const behandler = await createUser(db, { name: 'Karin Kontrolleret' });
    await addMembership(db, behandler.id, clinicA.id, 'behandler');
    await checkAutorisation(db, behandler.id, admin.id, 'BX7K2');
    const creds = await signIn(t.app, db, behandler);
    const page = await get('/behandler/profil', creds);
    expect(page.body).toContain('Dit autorisations-ID BX7K2 er kontrolleret');
    expect(page.body).toContain('href="https://autregister.sst.dk"');

    const wrong = await postForm(t.app, '/behandler/profil', { autorisation_id: 'ae1' }, creds);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Autorisations-ID skal være 5 tegn');
    expect(wrong.body).toContain('value="ae1"');
    expect(await authorisedBehandlere(db, [behandler.id])).toEqual([behandler.id]);

    const same = await postForm(t.app, '/behandler/profil', { autorisation_id: ' bx7k2 ' }, creds);
    expect(same.headers.location).toBe('/behandler/profil?besked=uaendret');
    expect(await authorisedBehandlere(db, [behandler.id])).toEqual([behandler.id]);

    const changed = await postForm(t.app, '/behandler/profil', { autorisation_id: '0c3k9' }, creds);
    expect(changed.headers.location).toBe('/behandler/profil?besked=gemt');
    expect(await authorisedBehandlere(db, [behandler.id])).toEqual([]);
    const after = await get('/behandler/profil', creds);
    expect(after.body).toContain(NOT_CHECKED_TEXT);
    expect(after.body).toContain('value="0C3K9"');
  });

  it('lets an administrator check an ID against the register (audited) or reject it with a reason the behandler gets by e-mail', async () => {
    const db = t.database.db;
    const make = async (name: string, id: string) => {
      const user = await createUser(db, { name });
      await addMembership(db, user.id, clinicA.id, 'behandler');
      await postForm(t.app, '/behandler/profil', { autorisation_id: id }, await signIn(t.app, db, user));
      return user;
    };
    const ok = await make('Peter Godkendt', 'PK4T7');
    const no = await make('Nina Afvist', 'NN9X3');
    const dashboard = await get('/admin', adminCreds);
    expect(dashboard.body).toMatch(/href="\/admin\/behandlere"[^]*?Behandlere til kontrol/);
    const queue = await get('/admin/behandlere', adminCreds);
    expect(queue.body).toMatch(/<p>\d+ behandlere venter.<\/p>/);
    expect(queue.body).toContain('Peter Godkendt');
    expect(queue.body).toContain('PK4T7');
    expect(queue.body).toContain('Klinik Alfa');
    expect(queue.body).toContain('href="https://autregister.sst.dk"');

    // One ID belongs to one person: a second account with it is pointed out.
    const copy = await make('Kim Kopi', 'PK4T7');
    expect((await get('/admin/behandlere', adminCreds)).body).toContain('Samme ID er også skrevet af Peter Godkendt');
    await db.updateTable('behandler_profiles').set({ autorisation_id: null }).where('user_id', '=', copy.id).execute();
    // Nobody approves their own ID.
    await addMembership(db, admin.id, clinicA.id, 'behandler');
    await postForm(t.app, '/behandler/profil', { autorisation_id: 'ZZ123' }, adminCreds);
    expect((await postForm(t.app, `/admin/behandlere/${admin.id}/godkend`, { autorisation_id: 'ZZ123' }, adminCreds)).headers.location).toBe('/admin/behandlere?besked=egen');
    await db.deleteFrom('clinic_memberships').where('user_id', '=', admin.id).execute();

    // The form names the ID the administrator looked at: a changed ID is not approved unseen.
    expect((await postForm(t.app, `/admin/behandlere/${ok.id}/godkend`, { autorisation_id: 'XXXXX' }, adminCreds)).headers.location).toBe('/admin/behandlere?besked=behandlet');
    const approved = await postForm(t.app, `/admin/behandlere/${ok.id}/godkend`, formFields(queue.body, `/admin/behandlere/${ok.id}/godkend`), adminCreds);
    expect(approved.headers.location).toBe('/admin/behandlere?besked=godkendt');
    const profile = await db.selectFrom('behandler_profiles').select(['checked_by', 'checked_at']).where('user_id', '=', ok.id).executeTakeFirstOrThrow();
    expect(profile.checked_by).toBe(admin.id);
    expect(profile.checked_at).not.toBeNull();
    const entry = await db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'behandler.autorisation_checked').where('subject_id', '=', ok.id).executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(admin.id);
    expect(await authorisedBehandlere(db, [ok.id])).toEqual([ok.id]);

    const short = await postForm(t.app, `/admin/behandlere/${no.id}/afvis`, { autorisation_id: 'NN9X3', begrundelse: 'nej' }, adminCreds);
    expect(short.headers.location).toBe('/admin/behandlere?besked=begrundelse');
    const rejected = await postForm(t.app, `/admin/behandlere/${no.id}/afvis`, { autorisation_id: 'NN9X3', begrundelse: 'ID’et tilhører en anden person i registret.' }, adminCreds);
    expect(rejected.headers.location).toBe('/admin/behandlere?besked=afvist');
    const mail = (await readOutbox(db)).find((m) => m.to === no.email)!;
    expect(mail.subject).toBe('Dit autorisations-ID kunne ikke godkendes');
    expect(mail.text).toContain('ID’et tilhører en anden person i registret.');
    expect(mail.text).toContain('/behandler/profil');
    const cleared = await db.selectFrom('behandler_profiles').select('autorisation_id').where('user_id', '=', no.id).executeTakeFirstOrThrow();
    expect(cleared.autorisation_id).toBeNull();
    const after = await get('/admin/behandlere', adminCreds);
    expect(after.body).not.toContain('Peter Godkendt');
    expect(after.body).not.toContain('Nina Afvist');
  });

  it('lets a clinic’s behandlere write, edit and delete its own exercises; another clinic’s behandler gets 404', async () => {
    const db = t.database.db;
    const mine = await createUser(db, { name: 'Mette Øvelse' });
    await addMembership(db, mine.id, clinicA.id, 'behandler');
    const creds = await signIn(t.app, db, mine);
    const theirs = await createUser(db);
    await addMembership(db, theirs.id, clinicB.id, 'behandler');
    const theirCreds = await signIn(t.app, db, theirs);

    expect((await get('/behandler/oevelser', creds)).body).toContain('Ingen egne øvelser endnu.');
    const form = await get('/behandler/oevelser/ny', creds);
    expect(form.body).toContain('>Ingen tegning</option>');
    const bad = await postForm(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn: 'Tr', trin: '', gentagelser: '8', sekunder: '30', billede: 'findes-ikke' }), creds);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Øvelsens navn skal være mindst 3 tegn');
    expect(bad.body).toContain('Skriv mindst én linje i trinene');
    expect(bad.body).toContain('Skriv enten antal gentagelser eller antal sekunder i hold');
    expect(bad.body).toContain('Vælg en tegning fra listen');
    expect(bad.body).toContain('Stå ved nederste trin med hånden på gelænderet.');

    const picture = (await db.selectFrom('exercises').select('slug').orderBy('slug').executeTakeFirstOrThrow()).slug;
    const created = await postForm(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { billede: picture, pr_side: 'ja' }), creds);
    expect(created.statusCode).toBe(303);
    const path = (created.headers.location as string).split('?')[0]!;
    const edit = await get(created.headers.location as string, creds);
    expect(edit.body).toContain('Øvelsen er oprettet.');
    expect(edit.body).toContain('<svg');
    const list = await get('/behandler/oevelser', creds);
    expect(list.body).toContain('Trappegang med støtte');
    expect(list.body).toContain('3 sæt × 8 gentagelser pr. side, 3 gange om ugen');

    const [exercise] = await clinicExercisesOf(db, [clinicA.id]);
    expect(exercise!.slug).toBe('trappegang-med-stoette');
    expect(exercise!.steps).toHaveLength(3);
    expect((await clinicExerciseBySlug(db, clinicA.id, 'trappegang-med-stoette'))?.pictureExercise).toBe(picture);
    expect(await clinicExerciseBySlug(db, clinicB.id, 'trappegang-med-stoette')).toBeNull();

    const saved = await postForm(t.app, path, { ...formFields(edit.body, path), navn: 'Trappegang uden støtte', sekunder: '', gentagelser: '12' }, creds);
    expect(saved.statusCode).toBe(303);
    const renamed = await clinicExerciseBySlug(db, clinicA.id, 'trappegang-med-stoette');
    expect(renamed?.name).toBe('Trappegang uden støtte');
    expect(renamed?.dose.reps).toBe(12);

    expect((await get(path, theirCreds)).statusCode).toBe(404);
    expect((await postForm(t.app, path, exerciseFields(clinicA.id), theirCreds)).statusCode).toBe(404);
    expect((await postForm(t.app, `${path}/slet`, {}, theirCreds)).statusCode).toBe(404);
    expect((await postForm(t.app, '/behandler/oevelser', exerciseFields(clinicA.id), theirCreds)).statusCode).toBe(400);
    expect((await get('/behandler/oevelser', theirCreds)).body).not.toContain('Trappegang');
    expect((await get('/behandler/oevelser', ownerCreds)).statusCode).toBe(403);

    const deleted = await postForm(t.app, `${path}/slet`, {}, creds);
    expect(deleted.headers.location).toBe('/behandler/oevelser?besked=slettet');
    expect(await clinicExercisesOf(db, [clinicA.id])).toEqual([]);
    expect((await get(path, creds)).statusCode).toBe(404);
  });

  it('never deletes an exercise a program uses: the program’s history must still show it', async () => {
    const db = t.database.db;
    const me = await createUser(db);
    await addMembership(db, me.id, clinicA.id, 'behandler');
    const creds = await signIn(t.app, db, me);
    const created = await postForm(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn: 'Bækkenløft på bold' }), creds);
    const path = (created.headers.location as string).split('?')[0]!;
    const exercise = (await clinicExerciseBySlug(db, clinicA.id, 'baekkenloeft-paa-bold'))!;
    const base = kneeProgram();
    await activeProgram(db, {
      clinicId: clinicA.id,
      behandlerId: me.id,
      patientId: (await createUser(db)).id,
      content: { ...base, items: [{ ...base.items[0]!, exercise: exercise.slug, name: exercise.name, source: 'clinic' }] },
    });
    const refused = await postForm(t.app, `${path}/slet`, {}, creds);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Bækkenløft på bold bruges i et program eller en skabelon og kan ikke slettes.');
    expect(await clinicExerciseBySlug(db, clinicA.id, exercise.slug)).not.toBeNull();
  });
});

describe('a behandler’s own data', () => {
  let t: TestApp;
  afterAll(() => t?.destroy());

  it('exports the autorisations-ID and its check, and deletes them with the account', async () => {
    t = await startTestApp();
    const db = t.database.db;
    const clinic = await createClinic(db, await loadDirectory(db), { name: 'Klinik Data' });
    const user = await createUser(db, { name: 'Dorte Data' });
    await addMembership(db, user.id, clinic.id, 'behandler');
    await checkAutorisation(db, user.id, user.id, 'DX4T9');
    const creds = await signIn(t.app, db, user);
    const exported = JSON.parse((await get(t, '/konto/data', creds)).body) as { behandler: { autorisationsId: string; kontrolleret: string | null } };
    expect(exported.behandler.autorisationsId).toBe('DX4T9');
    expect(exported.behandler.kontrolleret).not.toBeNull();
    const page = await get(t, '/konto/slet', creds);
    expect(page.body).toContain('dit autorisations-ID og kontrollen af det');
    const fields = formFields(page.body, '/konto/slet');
    const deleted = await postForm(t.app, '/konto/slet', { ...fields, adgangskode: user.password, bekraeft: 'ja' }, creds);
    expect(deleted.statusCode).toBeLessThan(400);
    expect(await db.selectFrom('behandler_profiles').select('user_id').where('user_id', '=', user.id).executeTakeFirst()).toBeUndefined();
  });
});

function get(t: TestApp, url: string, creds: Credentials) {
  return t.app.inject({ url, headers: { cookie: creds.cookie } });
}
