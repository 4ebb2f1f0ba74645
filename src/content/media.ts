import type { Db } from '../db/engine.js';
import type { ImportedImage } from './import/draft.js';

/**
 * The media store: images kept in the database by the SHA-256 of their bytes, so every app
 * process on one PostgreSQL serves the same files and the same image is stored once.
 */

export interface StoredMedia {
  contentType: string;
  bytes: Uint8Array;
}

export async function storeImages(db: Db, images: readonly ImportedImage[]): Promise<void> {
  if (images.length === 0) return;
  const known = new Set(
    (await db.selectFrom('media').select('hash').where('hash', 'in', images.map((i) => i.hash)).execute()).map((r) => r.hash),
  );
  const now = new Date().toISOString();
  for (const image of images) {
    if (known.has(image.hash)) continue;
    await db
      .insertInto('media')
      .values({
        hash: image.hash,
        content_type: image.contentType,
        width: image.width,
        height: image.height,
        size: image.bytes.byteLength,
        bytes: Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength),
        created_at: now,
      })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
  }
}

export async function mediaByHash(db: Db, hash: string): Promise<StoredMedia | null> {
  const row = await db.selectFrom('media').select(['content_type', 'bytes']).where('hash', '=', hash).executeTakeFirst();
  return row ? { contentType: row.content_type, bytes: row.bytes } : null;
}

export async function mediaExists(db: Db, hash: string): Promise<boolean> {
  return (await db.selectFrom('media').select('hash').where('hash', '=', hash).executeTakeFirst()) !== undefined;
}
