// Compiles src/ to dist/ with tsc (tsconfig.build.json) and copies the web assets beside the
// compiled code. Plain JavaScript, so it runs before anything is compiled.
//
//   node scripts/build.mjs             build now
//   node scripts/build.mjs --if-stale  build only when dist/ is missing or older than a source
//
// The check stats every file and folder under src/ plus the build's own inputs (a few
// milliseconds); a folder's time changes when a file in it is added, renamed or deleted. The
// new build is written beside dist/ and then swapped in, so a running server never sees a
// half-written dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** Written last, with the time the build started: dist/ is complete and holds sources up to then. */
const STAMP = '.built';
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/build.mjs'];
/** Files tsc does not emit that the compiled code reads beside itself. */
const COPIED = ['web/assets'];

function newestChange(path) {
  const stats = statSync(path);
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function isFresh() {
  const stamp = join(DIST, STAMP);
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.every((input) => newestChange(join(ROOT, input)) <= built);
}

function typescriptCompiler() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

function build() {
  const tsc = typescriptCompiler();
  if (!tsc) {
    console.error('Kan ikke bygge dist/: TypeScript mangler. Kør `npm install` (TypeScript er en udviklingsafhængighed).');
    process.exit(1);
  }
  const started = new Date();
  const next = join(ROOT, `dist.building-${process.pid}`);
  const old = join(ROOT, `dist.old-${process.pid}`);
  rmSync(next, { recursive: true, force: true });
  console.error('Bygger dist/ med tsc …');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', next], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    console.error('Bygningen fejlede (se tsc’s fejl ovenfor); dist/ er ikke ændret.');
    process.exit(1);
  }
  for (const folder of COPIED) cpSync(join(ROOT, 'src', folder), join(next, folder), { recursive: true });
  writeFileSync(join(next, STAMP), `${started.toISOString()}\n`);
  utimesSync(join(next, STAMP), started, started);
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
  console.error(`dist/ bygget på ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s.`);
}

if (!(process.argv.includes('--if-stale') && isFresh())) build();
