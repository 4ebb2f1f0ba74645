import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import type { Db } from '../../db/engine.js';

/**
 * A clinic exercise's uploaded photo: what we accept (JPEG, PNG or WebP, told by its first
 * bytes, never by its name or the browser's word; at most 5 MB; a sane size in pixels), and
 * where it lives: `<UPLOADS_DIR>/klinik-oevelser/<32 random hex digits>.<jpg|png|webp>`. The
 * database keeps only that file name (`clinic_exercises.photo_path`); nothing a person sends
 * ever becomes part of a path, and a stored name is checked against the pattern before use.
 */

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Longer sides than this are no photo a phone or camera takes (and would cost a browser dearly to draw). */
export const MAX_PHOTO_SIDE = 6000;
const MIN_PHOTO_SIDE = 16;

export type PhotoType = 'jpg' | 'png' | 'webp';
export const PHOTO_CONTENT_TYPES: Record<PhotoType, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

const FOLDER = 'klinik-oevelser';
const NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

const startsWith = (bytes: Buffer, signature: readonly number[], at = 0) => bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The type the bytes are, by their magic numbers; null for anything else. */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

export interface CheckedPhoto {
  type: PhotoType;
  width: number;
  height: number;
  bytes: Buffer;
}

/** The photo, or the Danish reason it is refused (for the form's photo field). */
export function checkPhoto(bytes: Buffer, tooLarge = false): CheckedPhoto | { problem: string } {
  if (tooLarge || bytes.length > MAX_PHOTO_BYTES) return { problem: 'Fotoet fylder for meget. Det må højst være 5 MB; gem det i en mindre størrelse, og prøv igen.' };
  const type = photoTypeOf(bytes);
  if (!type) return { problem: 'Filen er ikke et foto, vi kan vise. Vælg et JPEG-, PNG- eller WebP-billede.' };
  let size: { width: number; height: number };
  try {
    size = imageSize(bytes);
  } catch {
    return { problem: 'Fotoet kunne ikke læses. Filen er måske beskadiget; prøv at gemme den igen.' };
  }
  // The type image-size found must be the one the first bytes named.
  const found = (size as { type?: string }).type;
  if (found !== undefined && found !== type && !(type === 'jpg' && found === 'jpeg')) return { problem: 'Fotoet kunne ikke læses. Filen er måske beskadiget; prøv at gemme den igen.' };
  const { width, height } = size;
  if (!(width >= MIN_PHOTO_SIDE && height >= MIN_PHOTO_SIDE)) return { problem: `Fotoet er for lille. Det skal være mindst ${MIN_PHOTO_SIDE} × ${MIN_PHOTO_SIDE} pixels.` };
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE) return { problem: `Fotoet er for stort i pixels (${width} × ${height}). Højst ${MAX_PHOTO_SIDE} pixels på den længste led.` };
  return { type, width, height, bytes };
}

/** Where a clinic exercise's photo is served (photo-routes.ts); the file's name is in the URL, so a new photo is a new URL. */
export const clinicExercisePhotoUrl = (exercise: { id: number; photoPath: string | null }): string | null =>
  exercise.photoPath ? `/oevelsesfoto/${exercise.id}/${exercise.photoPath}` : null;

export interface PhotoOnPage {
  src: string;
  /** Pixels, for the `<img>`'s width and height (so the page does not jump as it loads); null when unknown. */
  size: { width: number; height: number } | null;
}

/** What a page needs to show an exercise's photo, or null when it has none. */
export function clinicExercisePhoto(exercise: { id: number; photoPath: string | null; photoSize: PhotoOnPage['size'] }): PhotoOnPage | null {
  const src = clinicExercisePhotoUrl(exercise);
  return src ? { src, size: exercise.photoSize } : null;
}

/** The stored name's type, or null when the name is not one we made (never used as a path then). */
export function storedPhotoType(name: string): PhotoType | null {
  const match = NAME.exec(name);
  return match ? (match[1] as PhotoType) : null;
}

/** The file's full path for a stored name; null for a name we did not make. */
export function photoFile(uploadsDir: string, name: string): string | null {
  return storedPhotoType(name) ? join(uploadsDir, FOLDER, name) : null;
}

/** Writes the photo under a new random name and returns the name (for `photo_path`). */
export async function storePhoto(uploadsDir: string, photo: CheckedPhoto): Promise<string> {
  const name = `${randomBytes(16).toString('hex')}.${photo.type}`;
  await mkdir(join(uploadsDir, FOLDER), { recursive: true });
  await writeFile(join(uploadsDir, FOLDER, name), photo.bytes, { flag: 'wx', mode: 0o640 });
  return name;
}

/** Deletes a stored photo (nothing happens for a missing file or a name we did not make). */
export async function deletePhoto(uploadsDir: string, name: string | null): Promise<void> {
  const file = name ? photoFile(uploadsDir, name) : null;
  if (file) await rm(file, { force: true });
}

/**
 * Deletes photo files no exercise names: left by a clinic deleted with its exercises (the
 * rows go by cascade), or by a save that failed after the file was written. Files younger than
 * `graceMs` are left alone, since an upload in progress writes its file before its row.
 * Returns how many were deleted.
 */
export async function sweepOrphanPhotos(db: Db, uploadsDir: string, now = Date.now(), graceMs = 60 * 60 * 1000): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(join(uploadsDir, FOLDER))).filter((n) => NAME.test(n));
  } catch {
    return 0;
  }
  if (names.length === 0) return 0;
  const used = new Set((await db.selectFrom('clinic_exercises').select('photo_path').where('photo_path', 'is not', null).execute()).map((r) => r.photo_path));
  let deleted = 0;
  for (const name of names) {
    if (used.has(name)) continue;
    const file = join(uploadsDir, FOLDER, name);
    const info = await stat(file).catch(() => null);
    if (!info || now - info.mtimeMs < graceMs) continue;
    await rm(file, { force: true });
    deleted += 1;
  }
  return deleted;
}
