import type { Db } from '../db/engine.js';

/** How many texts wait for an editor in each moderation queue (the dashboard's numbers). */
export interface QueueCounts {
  reviews: number;
  answers: number;
  comments: number;
}

export async function queueCounts(db: Db): Promise<QueueCounts> {
  const [reviews, answers, comments] = await Promise.all([
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
  ]);
  return { reviews: Number(reviews.n), answers: Number(answers.n), comments: Number(comments.n) };
}

/** Claims and requested clinics that wait for an administrator (/admin/krav), as one number. */
export async function ownerQueueCount(db: Db): Promise<number> {
  const [claims, requests] = await Promise.all([
    db.selectFrom('clinic_claims').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('method', '=', 'admin').executeTakeFirstOrThrow(),
    db.selectFrom('clinic_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow(),
  ]);
  return Number(claims.n) + Number(requests.n);
}
