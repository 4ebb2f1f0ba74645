import type { Db } from '../db/engine.js';
import { countPendingClaims } from '../directory/owners/claims.js';
import { countPendingClinicRequests } from '../directory/owners/requests.js';
import { countPendingChecks } from '../rehab/people/profiles.js';

/**
 * How many items wait in each queue (the dashboard's numbers): texts for an editor, and claims
 * and requested clinics for an administrator.
 */
export interface QueueCounts {
  reviews: number;
  answers: number;
  comments: number;
  claims: number;
  clinicRequests: number;
  /** Behandlere whose autorisations-ID waits for a check (genoptræning). */
  behandlerChecks: number;
}

export async function queueCounts(db: Db): Promise<QueueCounts> {
  const [reviews, answers, comments, claims, clinicRequests, behandlerChecks] = await Promise.all([
    db
      .selectFrom('reviews')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb('reported_at', 'is not', null)])]))
      .executeTakeFirstOrThrow(),
    db.selectFrom('review_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow(),
    db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'published'), eb('reported_at', 'is not', null)])]))
      .executeTakeFirstOrThrow(),
    countPendingClaims(db),
    countPendingClinicRequests(db),
    countPendingChecks(db),
  ]);
  return { reviews: Number(reviews.n), answers: Number(answers.n), comments: Number(comments.n), claims, clinicRequests, behandlerChecks };
}
