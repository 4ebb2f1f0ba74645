/**
 * Renders exercise pictures to PNG with Debian's Chromium, so an author can look at them:
 *   npx tsx src/exercises/preview.ts /tmp/oevelser [slug ...]
 * Writes one PNG per exercise (start and end side by side). Not used by the application.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { EXERCISE_DIR, parseExerciseFile } from './load.js';
import type { Exercise } from './schema.js';
import { exercisePictures } from './picture.js';

const [outDir = '/tmp/oevelser', ...slugs] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
// File by file, so an author can look at pictures while the library's links are unfinished.
const exercises: Exercise[] = [];
for (const file of readdirSync(EXERCISE_DIR).filter((f) => f.endsWith('.yaml'))) {
  if (slugs.length > 0 && !slugs.includes(file.replace(/\.yaml$/, ''))) continue;
  const result = parseExerciseFile(file, readFileSync(join(EXERCISE_DIR, file), 'utf8'));
  if (Array.isArray(result)) console.error(result.join('\n'));
  else exercises.push(result);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 660, height: 290 } });
  for (const exercise of exercises) {
    const { start, end } = exercisePictures(exercise.pose, { id: exercise.slug, name: exercise.name });
    const escaped = exercise.name.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
    await page.setContent(
      `<body style="margin:0;font:14px sans-serif"><p style="margin:4px 8px">${escaped} (niveau ${exercise.level})</p>` +
        `<div style="display:flex;gap:10px;padding:0 5px"><div style="width:320px;border:1px solid #ccc">${start}</div>` +
        `<div style="width:320px;border:1px solid #ccc">${end}</div></div></body>`,
    );
    await page.screenshot({ path: join(outDir, `${exercise.slug}.png`) });
  }
  // One overview sheet, two exercises a row, to look at many at once.
  const cells = exercises.map((e) => {
    const { start, end } = exercisePictures(e.pose, { id: e.slug, name: e.name });
    return `<div style="width:420px"><p style="margin:2px;font-size:12px">${e.slug}</p><div style="display:flex"><div style="width:210px;border:1px solid #ccc">${start}</div><div style="width:210px;border:1px solid #ccc">${end}</div></div></div>`;
  });
  await page.setViewportSize({ width: 860, height: 200 });
  await page.setContent(`<body style="margin:0;font:12px sans-serif;display:flex;flex-wrap:wrap;gap:8px">${cells.join('')}</body>`);
  await page.screenshot({ path: join(outDir, '_oversigt.png'), fullPage: true });
} finally {
  await browser.close();
}
console.log(`${exercises.length} billeder i ${outDir}`);
