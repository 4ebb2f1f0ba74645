import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the files we ship beside the code live at run time. Found from this module's own
 * location, so the same code works from src/ (tests, `npm run dev`) and from the compiled
 * dist/ (`npm start`), whatever the working directory.
 */

function packageRootAbove(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, 'package.json'))) return current;
    if (dirname(current) === current) throw new Error(`No package.json above ${dir}`);
  }
}

/** The folder holding package.json, data/ and node_modules/. */
export const PACKAGE_ROOT = packageRootAbove(dirname(fileURLToPath(import.meta.url)));

/** A path under data/: the facts we ship, our demo content, and the default SQLite database. */
export function dataPath(...segments: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...segments);
}
