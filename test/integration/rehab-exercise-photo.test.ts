import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../src/directory/directory.js';
import { loadDirectory } from '../../src/directory/directory.js';
import { importExercises } from '../../src/exercises/save.js';
import { type ClinicExercise, clinicExerciseById } from '../../src/rehab/people/clinic-exercises.js';
import { sweepOrphanPhotos } from '../../src/rehab/people/photos.js';
import { type Credentials, type TestUser, addMembership, createUser, postForm, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic } from '../helpers/clinics.js';
import { ENGINES } from '../helpers/database.js';
import { exerciseFields } from '../helpers/matrix-people.js';
import { jpegBytes, photoPart, pngBytes, postMultipart } from '../helpers/photos.js';
import { activeProgram, checkAutorisation, kneeProgram } from '../helpers/rehab.js';

/**
 * A clinic exercise's uploaded photo (issue 12 §2): uploading on the form (JPEG, PNG or WebP
 * by their first bytes, at most 5 MB, a sane size in pixels, behind the CSRF token), where it is
 * kept (a random name under UPLOADS_DIR, the old file deleted on replace, remove and delete),
 * who may fetch it, and where it shows. On each engine.
 */
describe.each(ENGINES)('a clinic exercise’s photo on %s', (engine) => {
  let t: TestApp;
  let d: Directory;
  let uploads: string;
  let clinicA: { id: number; slug: string };
  let clinicB: { id: number; slug: string };
  let behandler: TestUser;
  let creds: Credentials;
  let otherCreds: Credentials;
  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'fysio-photo-'));
    t = await startTestApp({
      engine,
      config: { uploadsDir: uploads },
      seed: async (db) => {
        await importExercises(db);
        d = await loadDirectory(db);
        clinicA = await createClinic(db, d, { name: 'Klinik Alfa' });
        clinicB = await createClinic(db, d, { name: 'Klinik Beta' });
      },
    });
    const db = t.database.db;
    behandler = await createUser(db, { name: 'Mette Foto' });
    await addMembership(db, behandler.id, clinicA.id, 'behandler');
    creds = await signIn(t.app, db, behandler);
    const other = await createUser(db, { name: 'Bent Beta' });
    await addMembership(db, other.id, clinicB.id, 'behandler');
    otherCreds = await signIn(t.app, db, other);
  });
  afterAll(async () => {
    await t.destroy();
    await rm(uploads, { recursive: true, force: true });
  });

  const get = (url: string, c?: Credentials) => t.app.inject({ url, headers: c ? { cookie: c.cookie } : {} });
  const stored = async () => (await readdir(join(uploads, 'klinik-oevelser')).catch(() => [] as string[])).sort();
  const exerciseAt = async (location: string): Promise<ClinicExercise> => (await clinicExerciseById(t.database.db, Number(/\/(\d+)/.exec(location)![1])))!;
  const photoUrl = (e: ClinicExercise) => `/oevelsesfoto/${e.id}/${e.photoPath}`;
  const create = (navn: string, bytes: Buffer, name = 'foto.png', type = 'image/png', c = creds) =>
    postMultipart(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn }), [photoPart(bytes, name, type)], c);

  it('keeps an uploaded PNG under a random name and serves it to the clinic’s behandler with safe headers', async () => {
    const png = pngBytes();
    const created = await create('Bro på bold', png, '../../etc/passwd.png');
    expect(created.statusCode).toBe(303);
    const exercise = await exerciseAt(created.headers.location as string);
    expect(exercise.photoPath).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(await stored()).toContain(exercise.photoPath);

    const photo = await get(photoUrl(exercise), creds);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(photo.headers['cache-control']).toMatch(/^private\b/);
    expect(photo.headers['content-disposition']).toBe('inline');
    expect(photo.rawPayload.equals(png)).toBe(true);

    const page = await get(`/behandler/oevelser/${exercise.id}`, creds);
    expect(page.body).toContain(`<img src="${photoUrl(exercise)}" alt="Bro på bold"`);
    expect(page.body).toContain('Fjern foto');
    expect((await get('/behandler/oevelser', creds)).body).toContain(`src="${photoUrl(exercise)}"`);
  });

  it('takes a JPEG told by its bytes whatever its name, and refuses a text file named .jpg and absurd sizes, keeping what was typed', async () => {
    const jpeg = await create('Hofteløft med elastik', jpegBytes(), 'billede.txt', 'text/plain');
    expect(jpeg.statusCode).toBe(303);
    expect((await exerciseAt(jpeg.headers.location as string)).photoPath).toMatch(/\.jpg$/);

    const before = await stored();
    const text = await create('Skulderløft med stang', Buffer.from('Dette er ikke et billede, bare tekst.\n'), 'foto.jpg', 'image/jpeg');
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('Filen er ikke et foto, vi kan vise.');
    expect(text.body).toContain('value="Skulderløft med stang"');
    expect(text.body).toContain('Stå ved nederste trin med hånden på gelænderet.');
    const huge = await create('Skulderløft med stang', jpegBytes(9000, 400), 'stor.jpg', 'image/jpeg');
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('Fotoet er for stort i pixels (9000 × 400)');
    const none = await create('Skulderløft med stang', jpegBytes(0, 0), 'tom.jpg', 'image/jpeg');
    expect(none.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
    expect(await t.database.db.selectFrom('clinic_exercises').select('id').where('name', '=', 'Skulderløft med stang').execute()).toEqual([]);

    // A good photo with a mistake elsewhere in the form is not kept either, and the form says so.
    const mistake = await postMultipart(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn: 'Sk' }), [photoPart(pngBytes())], creds);
    expect(mistake.statusCode).toBe(400);
    expect(mistake.body).toContain('Vælg det igen');
    expect(await stored()).toEqual(before);
  });

  it('refuses a photo over 5 MB (a form error just over, 413 far over) and a form without its CSRF token, storing nothing', async () => {
    const before = await stored();
    const over = Buffer.concat([pngBytes(), Buffer.alloc(5 * 1024 * 1024)]);
    const refused = await create('Tåhævninger på trappe', over);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Det må højst være 5 MB');
    expect(refused.body).toContain('value="Tåhævninger på trappe"');
    const far = await create('Tåhævninger på trappe', Buffer.concat([pngBytes(), Buffer.alloc(7 * 1024 * 1024)]));
    expect(far.statusCode).toBe(413);

    const forged = await postMultipart(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn: 'Tåhævninger på trappe' }), [photoPart(pngBytes())], creds, { csrf: null });
    expect(forged.statusCode).toBe(403);
    const wrong = await postMultipart(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn: 'Tåhævninger på trappe' }), [photoPart(pngBytes())], creds, { csrf: otherCreds.csrf });
    expect(wrong.statusCode).toBe(403);
    const crossSite = await postMultipart(t.app, '/behandler/oevelser', exerciseFields(clinicA.id, { navn: 'Tåhævninger på trappe' }), [photoPart(pngBytes())], creds, {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://ondt.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await stored()).toEqual(before);
    expect(await t.database.db.selectFrom('clinic_exercises').select('id').where('name', '=', 'Tåhævninger på trappe').execute()).toEqual([]);

    // Only the exercise form takes a form with a file: elsewhere it is refused as before.
    const elsewhere = await postMultipart(t.app, '/behandler/profil', { autorisation_id: 'BX7K2' }, [photoPart(pngBytes())], creds);
    expect(elsewhere.statusCode).toBe(415);
  });

  it('shows the photo to a patient with a program naming the exercise, and to no one else (404)', async () => {
    const db = t.database.db;
    const created = await create('Sideliggende benløft', pngBytes());
    const exercise = await exerciseAt(created.headers.location as string);
    const patient = await createUser(db, { name: 'Pia Patient' });
    const base = kneeProgram();
    const { programId } = await activeProgram(db, {
      clinicId: clinicA.id,
      behandlerId: behandler.id,
      patientId: patient.id,
      content: { ...base, items: [{ ...base.items[0]!, exercise: exercise.slug, name: exercise.name, source: 'clinic', load: { kind: 'bodyweight' } }] },
    });
    const patientCreds = await signIn(t.app, db, patient);
    expect((await get(photoUrl(exercise), patientCreds)).statusCode).toBe(200);
    const page = await get(`/min-side/program/${programId}`, patientCreds);
    expect(page.statusCode).toBe(200);
    // With its size in pixels (read at upload), so the log form below it does not jump as it loads.
    expect(page.body).toContain(`<img src="${photoUrl(exercise)}" alt="Sideliggende benløft" width="40" height="30"`);
    expect((await get(`/min-side/program/${programId}/print`, patientCreds)).body).toContain(`src="${photoUrl(exercise)}" alt="Sideliggende benløft" width="40" height="30"`);
    // The behandler's program page shows it too (once their autorisations-ID is checked, they see the patient's program).
    await checkAutorisation(db, behandler.id, behandler.id);
    const behandlerPage = await get(`/behandler/programmer/${programId}`, creds);
    expect(behandlerPage.statusCode).toBe(200);
    expect(behandlerPage.body).toContain(`<img src="${photoUrl(exercise)}" alt="Sideliggende benløft" width="40" height="30"`);

    const stranger = await signIn(t.app, db, await createUser(db));
    const owner = await createUser(db);
    await addMembership(db, owner.id, clinicA.id, 'klinikejer');
    for (const c of [stranger, otherCreds, await signIn(t.app, db, owner)]) expect((await get(photoUrl(exercise), c)).statusCode).toBe(404);
    const visitor = await get(photoUrl(exercise));
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/konto\/log-ind\?tilbage=/);
    // A name that is not the exercise's current photo, or not one we make, is no photo.
    expect((await get(`/oevelsesfoto/${exercise.id}/${'0'.repeat(32)}.png`, creds)).statusCode).toBe(404);
    expect((await get(`/oevelsesfoto/${exercise.id}/..%2F..%2Fpackage.json`, creds)).statusCode).toBe(404);
  });

  it('deletes the old file when a photo is replaced or removed, and the photo when the exercise is deleted', async () => {
    const created = await create('Armstrækninger mod væg', pngBytes(20, 20));
    const path = (created.headers.location as string).split('?')[0]!;
    const first = (await exerciseAt(path)).photoPath!;

    const replaced = await postMultipart(t.app, path, exerciseFields(clinicA.id, { navn: 'Armstrækninger mod væg' }), [photoPart(pngBytes(30, 30))], creds);
    expect(replaced.statusCode).toBe(303);
    const second = (await exerciseAt(path)).photoPath!;
    expect(second).not.toBe(first);
    expect(await stored()).not.toContain(first);
    expect(await stored()).toContain(second);

    // Saving without a new file keeps the photo (also as an ordinary form post).
    expect((await postMultipart(t.app, path, exerciseFields(clinicA.id, { navn: 'Armstrækninger mod en væg' }), [], creds)).statusCode).toBe(303);
    expect((await postForm(t.app, path, exerciseFields(clinicA.id, { navn: 'Armstrækninger mod væggen' }), creds)).statusCode).toBe(303);
    expect((await exerciseAt(path)).photoPath).toBe(second);

    const removed = await postMultipart(t.app, path, exerciseFields(clinicA.id, { navn: 'Armstrækninger mod væg', fjern_foto: 'ja' }), [], creds);
    expect(removed.statusCode).toBe(303);
    expect((await exerciseAt(path)).photoPath).toBeNull();
    expect(await stored()).not.toContain(second);

    await postMultipart(t.app, path, exerciseFields(clinicA.id, { navn: 'Armstrækninger mod væg' }), [photoPart(pngBytes())], creds);
    const third = (await exerciseAt(path)).photoPath!;
    expect((await postForm(t.app, `${path}/slet`, {}, creds)).statusCode).toBe(303);
    expect(await stored()).not.toContain(third);
  });

  it('sweeps photo files no exercise names (a deleted clinic’s), once they are an hour old', async () => {
    const db = t.database.db;
    const created = await create('Knæstræk på trappe', pngBytes());
    const kept = (await exerciseAt(created.headers.location as string)).photoPath!;
    const gone = await create('Nakkerotation siddende', pngBytes());
    const orphan = (await exerciseAt(gone.headers.location as string)).photoPath!;
    await db.deleteFrom('clinic_exercises').where('photo_path', '=', orphan).execute();
    expect(await sweepOrphanPhotos(db, uploads)).toBe(0);
    expect(await sweepOrphanPhotos(db, uploads, Date.now() + 2 * 60 * 60 * 1000)).toBe(1);
    expect(await stored()).toContain(kept);
    expect(await stored()).not.toContain(orphan);
  });
});
