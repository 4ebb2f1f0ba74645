import { readFileSync } from 'node:fs';

/**
 * A file's bytes → checked text and its detected format, or a rejection reason in Danish.
 * The format comes from the content, never from the file name.
 */

export const MAX_FILE_BYTES = 1024 * 1024;

export type SourceFormat = 'markdown' | 'wix';

export type SourceText =
  | { ok: true; text: string; format: SourceFormat }
  | { ok: false; reason: string };

const MAGIC: ReadonlyArray<readonly [bytes: number[], name: string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'PNG-billede'],
  [[0xff, 0xd8, 0xff], 'JPEG-billede'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF-billede'],
  [[0x25, 0x50, 0x44, 0x46], 'PDF-dokument'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP-arkiv (fx Word-dokument)'],
];

/**
 * Reads synchronously on purpose: imports go file by file, and an asynchronous read per file
 * left the process idle for a sixth of a bulk import.
 */
export function readSourceFile(path: string, size: number): SourceText {
  if (size > MAX_FILE_BYTES) {
    return { ok: false, reason: `filen er for stor (${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB; højst 1 MB)` };
  }
  return checkSourceBytes(readFileSync(path));
}

export function checkSourceBytes(bytes: Uint8Array): SourceText {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'filen er for stor (højst 1 MB)' };
  for (const [magic, name] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return { ok: false, reason: `binær fil (${name}), ikke tekst` };
  }
  // A NUL byte: a binary file if it comes early, a damaged one later. No text we publish holds
  // one, PostgreSQL cannot store it, and guessing what was meant is not safe: the file is
  // refused with the line to look at.
  const nul = bytes.indexOf(0);
  if (nul >= 0 && nul < 8192) return { ok: false, reason: 'binær fil, ikke tekst' };
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).filter((b) => b === 0x0a).length + 1;
    return { ok: false, reason: `filen indeholder et nul-tegn (U+0000) i linje ${line}; ret eller gem den igen som ren UTF-8-tekst` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'ikke gyldig UTF-8-tekst (gem filen som UTF-8)' };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'filen er tom' };
  return { ok: true, text, format: detectFormat(text) };
}

const WIX_MARKERS = /^\s*(top of page|bottom of page|toppen af siden|bunden af siden)\s*$|Writer's picture|Forfatterens billede/im;

export function detectFormat(text: string): SourceFormat {
  if (text.startsWith('---\n')) return 'markdown';
  return WIX_MARKERS.test(text) ? 'wix' : 'markdown';
}
