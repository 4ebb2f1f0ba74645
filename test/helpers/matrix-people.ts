import { inviteToClinic } from '../../src/directory/owners/invitations.js';
import { clinicExerciseById, createClinicExercise } from '../../src/rehab/people/clinic-exercises.js';
import { checkPhoto, clinicExercisePhotoUrl, storePhoto } from '../../src/rehab/people/photos.js';
import { type TestUser, addMembership, createUser, linkIn, readOutbox } from './accounts.js';
import { TEST_BASE_URL, TEST_UPLOADS_DIR } from './app.js';
import { type Actors, type FixtureWorld, type World, unclaimedClinic } from './matrix.js';
import { pngBytes } from './photos.js';
import { activeProgram, kneeProgram } from './rehab.js';

/** Fixtures of genoptræning's people routes (behandlere, the agreement, checks, the clinic's exercises) for the matrix and their own tests. */

let made = 0;
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(made += 1)}@example.dk`;

/** A fresh clinic owned by `ownerId` (with no agreement accepted). */
export async function clinicOwnedBy(w: FixtureWorld, ownerId: number): Promise<{ id: number; slug: string; name: string }> {
  const clinic = await unclaimedClinic(w);
  await addMembership(w.db, ownerId, clinic.id, 'klinikejer');
  return clinic;
}

/** The token of an invitation to be a behandler at a fresh clinic, e-mailed to `email`. */
export async function behandlerInvitationToken(w: FixtureWorld, email: string): Promise<string> {
  const clinic = await unclaimedClinic(w);
  const owner = await createUser(w.db, { password: null });
  await addMembership(w.db, owner.id, clinic.id, 'klinikejer');
  await inviteToClinic(w.db, clinic, 'behandler', owner.id, email, TEST_BASE_URL);
  const mail = (await readOutbox(w.db)).filter((m) => m.to === email).at(-1);
  const link = mail && linkIn(mail, '/behandler/invitation');
  const token = link && new URL(link, TEST_BASE_URL).searchParams.get('token');
  if (!token) throw new Error(`no behandler invitation was mailed to ${email}`);
  return token;
}

/** The id of an open invitation of a behandler to clinic A, sent by its owner. */
export async function openInvitationOfA(w: World, ownerId: number): Promise<number> {
  return inviteToClinic(w.db, w.clinicA, 'behandler', ownerId, uniqueEmail('inviteret'), TEST_BASE_URL);
}

/** Another behandler of clinic A, someone its owners may remove. */
export async function extraBehandlerOfA(w: World): Promise<TestUser> {
  const user = await createUser(w.db, { password: null, name: 'Behandler Ekstra' });
  await addMembership(w.db, user.id, w.clinicA.id, 'behandler');
  return user;
}

/** A behandler of clinic A whose autorisations-ID waits for an administrator's check. */
export async function pendingBehandler(w: World, autorisationId = 'KX7P2'): Promise<{ userId: number; autorisationId: string }> {
  const user = await extraBehandlerOfA(w);
  const at = new Date().toISOString();
  await w.db.insertInto('behandler_profiles').values({ user_id: user.id, autorisation_id: autorisationId, checked_by: null, checked_at: null, created_at: at, updated_at: at }).execute();
  return { userId: user.id, autorisationId };
}

/** The form fields of a valid clinic exercise. */
export function exerciseFields(clinicId: number, over: Record<string, string> = {}): Record<string, string> {
  return {
    klinik: String(clinicId),
    navn: 'Trappegang med støtte',
    startstilling: 'Stå ved nederste trin med hånden på gelænderet.',
    trin: 'Sæt den gode fod op på trinnet.\nTræk den anden fod op.\nGå ned med den dårlige fod først.',
    maerke: 'Det arbejder foran på låret.',
    fejl: 'Knæet falder ind mod midten.\nDu læner dig for meget frem.',
    stop: 'Stop, hvis smerten stiger over 5.',
    saet: '3',
    gentagelser: '8',
    sekunder: '',
    pr_uge: '3',
    billede: '',
    ...over,
  };
}

/** An exercise of clinic A (with a photo when `photo` names a stored one). */
export async function clinicExerciseOfA(w: World, byId: number, photo: string | null = null): Promise<number> {
  const exercise = await createClinicExercise(
    w.db,
    w.clinicA.id,
    {
      name: 'Klinikkens knæbøj',
      startPosition: 'Stå med fødderne i hoftebredde.',
      steps: ['Bøj i knæ og hofte.', 'Rejs dig op igen.'],
      feel: 'Det arbejder i lårene.',
      mistakes: ['Knæene falder ind.'],
      stop: 'Stop ved smerte over 5.',
      dose: { sets: 3, reps: 10, perSide: false, perWeek: 3 },
      pictureExercise: null,
    },
    byId,
    Date.now(),
    { photo: photo ? { name: photo, width: 32, height: 32 } : null },
  );
  return exercise.id;
}

/** The URL of the photo of an exercise of clinic A that the world's patient has in a program. */
export async function clinicExercisePhotoOfA(w: World, actors: Actors): Promise<string> {
  const photo = checkPhoto(pngBytes());
  if ('problem' in photo) throw new Error(photo.problem);
  const name = await storePhoto(TEST_UPLOADS_DIR, photo);
  const exercise = (await clinicExerciseById(w.db, await clinicExerciseOfA(w, actors.behandler.id, name)))!;
  const base = kneeProgram();
  await activeProgram(w.db, {
    clinicId: w.clinicA.id,
    behandlerId: actors.behandler.id,
    patientId: actors.patient.id,
    content: { ...base, items: [{ ...base.items[0]!, exercise: exercise.slug, name: exercise.name, source: 'clinic', load: { kind: 'bodyweight' } }] },
  });
  return clinicExercisePhotoUrl(exercise)!;
}
