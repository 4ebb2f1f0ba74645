import type { Db } from '../db/engine.js';
import { slugify } from '../text/slugify.js';
import { type AuthorRef, Rejection } from './import/draft.js';

export interface Author {
  id: number;
  slug: string;
  name: string;
  title: string | null;
  bio: string | null;
}

const columns = ['id', 'slug', 'name', 'title', 'bio'] as const;

export async function authorBySlug(db: Db, slug: string): Promise<Author | null> {
  return (await db.selectFrom('authors').select(columns).where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function authorById(db: Db, id: number): Promise<Author | null> {
  return (await db.selectFrom('authors').select(columns).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listAuthors(db: Db): Promise<Author[]> {
  return db.selectFrom('authors').select(columns).orderBy('name').execute();
}

export interface AuthorInput {
  slug: string;
  name: string;
  title?: string | null;
  bio?: string | null;
}

/** Creates or updates an author by slug. */
export async function saveAuthor(db: Db, input: AuthorInput): Promise<Author> {
  const now = new Date().toISOString();
  const values = { name: input.name, title: input.title ?? null, bio: input.bio ?? null, updated_at: now };
  return db
    .insertInto('authors')
    .values({ slug: input.slug, ...values, created_at: now })
    .onConflict((oc) => oc.column('slug').doUpdateSet(values))
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/**
 * The author an imported article names (or `--author`): found by its slug, or created from the
 * name and the slug as written (a given slug is never transliterated again). `created` tells
 * the import to say so.
 */
export async function resolveAuthor(db: Db, ref: AuthorRef): Promise<{ author: Author; created: boolean }> {
  const slug = ref.slug ?? slugify(ref.name ?? '');
  if (!slug) throw new Rejection(`ugyldigt forfatternavn "${ref.name ?? ''}"`);
  const existing = await authorBySlug(db, slug);
  if (existing) return { author: existing, created: false };
  const name = ref.name?.trim() || nameFromSlug(slug);
  const now = new Date().toISOString();
  const author = await db
    .insertInto('authors')
    .values({ slug, name, title: null, bio: null, created_at: now, updated_at: now })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { author, created: true };
}

/** "mette-kjaergaard" → "Mette Kjaergaard": the best name a bare slug gives. */
function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
