import { addMembership } from '../../accounts/memberships.js';
import type { Db } from '../../db/engine.js';
import { grantOwnership } from './claims.js';

/** How many demo clinics the demo klinikejer owns: the first ones, which the demo reviews are about. */
export const DEMO_OWNED_CLINICS = 3;

/**
 * The demo owner claims the first demo clinics (a claim approved by link, as a real one would
 * be, so the clinics are verified and the change log says so), and the demo behandler works at
 * the first of them. Only clinics marked is_demo, never an imported one; idempotent.
 */
export async function claimDemoClinics(db: Db, people: { ownerId: number; behandlerId: number }, now = Date.now()): Promise<number[]> {
  const clinics = await db.selectFrom('clinics').select(['id', 'email']).where('is_demo', '=', true).orderBy('id').limit(DEMO_OWNED_CLINICS).execute();
  return db.transaction().execute(async (trx) => {
    for (const clinic of clinics) {
      const claimed = await trx.selectFrom('clinic_claims').select('id').where('clinic_id', '=', clinic.id).where('user_id', '=', people.ownerId).executeTakeFirst();
      if (claimed) continue;
      const at = new Date(now).toISOString();
      await trx
        .insertInto('clinic_claims')
        .values({ clinic_id: clinic.id, user_id: people.ownerId, method: 'email', email: clinic.email, message: null, status: 'approved', created_at: at, decided_at: at })
        .execute();
      await grantOwnership(trx, clinic.id, people.ownerId, 'Ejer af demoklinikken (demodata)', now);
    }
    if (clinics[0]) await addMembership(trx, people.behandlerId, clinics[0].id, 'behandler', now);
    return clinics.map((c) => c.id);
  });
}
