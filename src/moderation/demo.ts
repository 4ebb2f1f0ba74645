import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createUser, findUserByEmail } from '../accounts/users.js';
import type { Db } from '../db/engine.js';
import { dataPath } from '../paths.js';
import { recentMonths } from '../text/dates.js';
import { firstNameAndInitial } from '../text/plain-text.js';
import { countPublished } from '../directory/reviews/published.js';

/**
 * Demo reviews, owners' answers and comments that we wrote (data/demo/community.json): some
 * published, some waiting in the queues, by fictional reviewers whose accounts cannot sign in
 * (no password). Only into a database without any review or comment from an account. Owners'
 * answers are by the clinic's owner (the demo klinikejer, see bootstrap.ts) when it has one.
 */
const communityFile = z.object({
  reviewers: z.array(z.object({ key: z.string(), name: z.string(), email: z.string().email() })),
  reviews: z.array(
    z.object({
      reviewer: z.string(),
      clinic: z.number().int().min(0),
      rating: z.number().int().min(1).max(5),
      monthsAgo: z.number().int().min(0).max(23),
      status: z.enum(['published', 'pending']),
      verifiedVisit: z.boolean().optional(),
      text: z.string().min(20).max(2000),
      answer: z.string().optional(),
    }),
  ),
  comments: z.array(z.object({ reviewer: z.string(), post: z.string(), status: z.enum(['published', 'pending']), text: z.string() })),
});

export async function seedDemoCommunity(db: Db, now = new Date()): Promise<{ reviews: number; comments: number }> {
  const written = await db.selectFrom('reviews').select('id').where('user_id', 'is not', null).limit(1).executeTakeFirst();
  const commented = await db.selectFrom('comments').select('id').limit(1).executeTakeFirst();
  if (written || commented) return { reviews: 0, comments: 0 };
  const demo = communityFile.parse(JSON.parse(await readFile(dataPath('demo/community.json'), 'utf8')));
  const clinics = await db.selectFrom('clinics').select('id').where('is_demo', '=', true).orderBy('id').limit(20).execute();
  const posts = new Map((await db.selectFrom('articles').select(['id', 'slug']).where('kind', '=', 'blog').execute()).map((p) => [p.slug, p.id]));
  const months = recentMonths(24, now);
  return db.transaction().execute(async (trx) => {
    const users = new Map<string, { id: number; name: string }>();
    for (const r of demo.reviewers) {
      const user = (await findUserByEmail(trx, r.email)) ?? (await createUser(trx, { email: r.email, name: r.name, verified: true }, now.getTime()));
      users.set(r.key, { id: user.id, name: user.name });
    }
    let reviews = 0;
    for (const [i, r] of demo.reviews.entries()) {
      const clinic = clinics[r.clinic];
      const user = users.get(r.reviewer);
      if (!clinic || !user) continue;
      const at = new Date(now.getTime() - (demo.reviews.length - i) * 86_400_000).toISOString();
      const published = r.status === 'published';
      const row = await trx
        .insertInto('reviews')
        .values({
          clinic_id: clinic.id,
          user_id: user.id,
          rating: r.rating,
          text: r.text,
          author_name: firstNameAndInitial(user.name),
          status: r.status,
          verified_visit: r.verifiedVisit ?? false,
          visit_month: months[r.monthsAgo]!,
          consented_at: at,
          created_at: at,
          published_at: published ? at : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (published) await countPublished(trx, clinic.id, r.rating);
      if (published && r.answer) {
        // Written by the clinic's (demo) owner when it has one.
        const owner = await trx
          .selectFrom('clinic_memberships')
          .select('user_id')
          .where('clinic_id', '=', clinic.id)
          .where('role', '=', 'klinikejer')
          .orderBy('created_at')
          .orderBy('user_id')
          .executeTakeFirst();
        await trx.insertInto('review_answers').values({ review_id: row.id, user_id: owner?.user_id ?? null, text: r.answer, status: 'published', created_at: at, published_at: at }).execute();
      }
      reviews++;
    }
    let comments = 0;
    for (const [i, c] of demo.comments.entries()) {
      const postId = posts.get(c.post);
      const user = users.get(c.reviewer);
      if (postId === undefined || !user) continue;
      const at = new Date(now.getTime() - (demo.comments.length - i) * 86_400_000).toISOString();
      await trx
        .insertInto('comments')
        .values({ article_id: postId, user_id: user.id, author_name: firstNameAndInitial(user.name), text: c.text, status: c.status, created_at: at, published_at: c.status === 'published' ? at : null })
        .execute();
      comments++;
    }
    return { reviews, comments };
  });
}
