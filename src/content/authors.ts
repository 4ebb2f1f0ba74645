import type { Db } from '../db/engine.js';
import { slugify } from '../text/slugify.js';
import { Rejection } from './import/draft.js';

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
 * The author an imported article names: an existing slug, or a name that is found by its
 * slug or created. An unknown slug is refused rather than guessed at.
 */
export async function resolveAuthor(db: Db, ref: { slug: string } | { name: string }): Promise<Author> {
  if ('slug' in ref) {
    const found = await authorBySlug(db, ref.slug);
    if (!found) throw new Rejection(`ukendt forfatter "${ref.slug}" (skriv forfatterens navn, så oprettes forfatteren)`);
    return found;
  }
  const slug = slugify(ref.name);
  if (!slug) throw new Rejection(`ugyldigt forfatternavn "${ref.name}"`);
  const existing = await authorBySlug(db, slug);
  if (existing) return existing;
  const now = new Date().toISOString();
  return db
    .insertInto('authors')
    .values({ slug, name: ref.name.trim(), title: null, bio: null, created_at: now, updated_at: now })
    .returning(columns)
    .executeTakeFirstOrThrow();
}
