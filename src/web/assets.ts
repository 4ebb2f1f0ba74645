import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Representation } from './respond.js';

/**
 * Static files served from memory under /assets/<name>, with a content hash in the URL so
 * browsers may cache them for a year. Read once when the app is built.
 */

export interface Asset extends Representation {
  readonly body: Buffer;
  readonly type: string;
  readonly hash: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export class Assets {
  readonly #files = new Map<string, Asset>();

  /** name → file path (absolute), or several paths served as one file in that order. */
  constructor(files: Record<string, string | readonly string[]>) {
    for (const [name, paths] of Object.entries(files)) {
      const body = Buffer.concat((typeof paths === 'string' ? [paths] : paths).map((path) => readFileSync(path)));
      const type = TYPES[extname(name)] ?? 'application/octet-stream';
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      // Weak: the same tag stands for the gzip and brotli forms of the file.
      this.#files.set(name, { body, type, hash, etag: `W/"${hash}"` });
    }
  }

  get(name: string): Asset | undefined {
    return this.#files.get(name);
  }

  /** The cache-busting URL of an asset. */
  url(name: string): string {
    const asset = this.#files.get(name);
    if (!asset) throw new Error(`Unknown asset: ${name}`);
    return `/assets/${name}?v=${asset.hash}`;
  }
}

/**
 * Our own files sit in assets/ beside this module: in src/web/ when run from the sources, in
 * dist/web/ once built (the build copies them). Leaflet is found the way Node finds any
 * package, wherever npm placed it.
 */
const own = (file: string) => fileURLToPath(new URL(`./assets/${file}`, import.meta.url));
const leaflet = (file: string) => createRequire(import.meta.url).resolve(`leaflet/dist/${file}`);
// The package's exports name only its modules; its browser bundle sits beside them.
const webauthnBundle = () =>
  join(dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')), '..', 'dist', 'bundle', 'index.umd.min.js');

/** The files of style.css, in cascade order. */
export const STYLESHEETS = [
  'style.css',
  // The finder's result cards, filters and chips.
  'cards.css',
  'tools.css',
  'explainer.css',
  'exercises.css',
  'accounts.css',
  'owners.css',
  'community.css',
  'trust.css',
  // Page layout: wide tables in their own scroll box, desktop sidebars (issue 13 §4).
  'layout.css',
  'body.css',
  // Genoptræning: shared parts (charts), then each part's own.
  'rehab.css',
  'rehab-programs.css',
  'rehab-followup.css',
  'rehab-patient.css',
  'rehab-reminders.css',
  'rehab-people.css',
  'rehab-privacy.css',
] as const;

export function defaultAssets(): Assets {
  return new Assets({
    // One stylesheet for the browser, written per domain: the site, the tools, the explainer, the exercises, accounts.
    'style.css': STYLESHEETS.map(own),
    'favicon.svg': own('favicon.svg'),
    'map.js': own('map.js'),
    'find-form.js': own('find-form.js'),
    'tools.js': own('tools.js'),
    // Passkeys: SimpleWebAuthn's browser bundle (served by us, no CDN) and our own small script.
    'webauthn.js': webauthnBundle(),
    'passkeys.js': own('passkeys.js'),
    // Leaflet, served by us: no CDN, and the map works behind a strict CSP.
    'leaflet.js': leaflet('leaflet.js'),
    'leaflet.css': leaflet('leaflet.css'),
    'marker-icon.png': leaflet('images/marker-icon.png'),
    'marker-icon-2x.png': leaflet('images/marker-icon-2x.png'),
    'marker-shadow.png': leaflet('images/marker-shadow.png'),
  });
}
