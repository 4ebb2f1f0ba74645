/** Where a stored image is served: its SHA-256 and an extension for its type. */

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

export function mediaPath(hash: string, contentType: string): string {
  return `/media/${hash}.${EXTENSIONS[contentType] ?? 'bin'}`;
}

/** "/media/ab…ef.jpg" → the hash, or null for anything else. */
export const MEDIA_FILE = /^([0-9a-f]{64})\.(jpg|png|gif|webp|avif|svg|bin)$/;
