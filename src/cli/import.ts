import type { Command } from 'commander';
import { z } from 'zod';
import { engineOf } from '../db/engine.js';
import { collectFiles, importFiles } from '../content/import/import-files.js';
import { authorRef } from '../content/import/markdown-file.js';
import { withDatabase } from './database.js';
import { fileLines, summaryLines } from './import-report.js';
import { Progress } from './progress.js';
import { danishErrorsNamed } from '../text/zod-danish.js';

const options = z.object({
  kind: z.enum(['ordbog', 'blog'], { error: '--kind skal være ordbog eller blog' }).optional(),
  author: z.string().trim().min(1, '--author må ikke være tom').max(200, '--author er for lang').optional(),
  slugFrom: z.enum(['title', 'file'], { error: '--slug-from skal være title eller file' }).optional(),
  assets: z.string().min(1).optional(),
  siteUrl: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/i, '--site-url skal være en adresse som https://www.eksempel.dk')
    .refine((v) => URL.canParse(v), '--site-url skal være en adresse som https://www.eksempel.dk')
    .optional(),
  dryRun: z.boolean().optional(),
});

export function registerImportCommand(program: Command) {
  program
    .command('import')
    .description('importér artikler: Markdown med frontmatter eller blogsider eksporteret som tekst')
    .argument('<paths...>', 'filer og/eller mapper (mapper gennemløbes rekursivt)')
    .option('--kind <kind>', 'ordbog eller blog (standard: ordbog for Markdown, blog for eksporterede sider)')
    .option('--author <navn eller slug>', 'sæt denne forfatter på alle filerne (oprettes, hvis den ikke findes)')
    .option('--slug-from <kilde>', 'title (standard) eller file: filnavnet er sidens adresse')
    .option('--assets <mappe>', 'hvor billeder med stier som /images/x.jpg findes (standard: en public/-mappe ved indholdet)')
    .option('--site-url <adresse>', 'det gamle sites adresse: links dertil peger på vores sider, når de findes')
    .option('--dry-run', 'vis alt, men gem intet')
    .addHelpText(
      'after',
      `
Formatet findes ud fra indholdet, ikke filnavnet. Hver fil importeres for sig og helt eller
slet ikke; en afvist fil stopper ikke de andre. Advarsler står indrykket under filens linje.
Afslutter med status 1, hvis en fil blev afvist (advarsler giver status 0).

Eksempler:
  npm run fysio -- import ../shared/seeds
  npm run fysio -- import indhold/ordbog --slug-from file --site-url https://www.gammelt-site.dk
  npm run fysio -- import indlaeg.txt --kind blog --author "Mette Kjærgaard" --dry-run`,
    )
    .action(async (paths: string[], raw: unknown) => {
      const parsed = options.safeParse(raw, { error: danishErrorsNamed });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
      const { author, dryRun = false, ...rest } = parsed.data;
      const started = performance.now();
      const results = await withDatabase(async ({ db }) => {
        const files = await collectFiles(paths);
        const progress = new Progress(files.length);
        const results = await importFiles(db, files, {
          ...rest,
          ...(author ? { author: authorRef(author) } : {}),
          dryRun,
          onFile: (result, done) => {
            progress.clear();
            for (const line of fileLines(result)) console.log(line);
            progress.update(done);
          },
        });
        if (!dryRun) await engineOf(db).refreshStatistics(db);
        return results;
      });
      console.log(`\n${summaryLines(results, (performance.now() - started) / 1000, dryRun).join('\n')}`);
      if (results.some((r) => r.status === 'rejected')) process.exitCode = 1;
    });
}
