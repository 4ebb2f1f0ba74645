import type { Command } from 'commander';
import { z } from 'zod';
import { engineOf } from '../db/engine.js';
import { authorBySlug, listAuthors } from '../content/authors.js';
import { type FileResult, collectFiles, importFiles } from '../content/import/import-files.js';
import { withDatabase } from './database.js';
import { Progress } from './progress.js';
import { danishErrorsNamed } from '../text/zod-danish.js';

const options = z.object({
  kind: z.enum(['ordbog', 'blog'], { error: '--kind skal være ordbog eller blog' }).optional(),
  author: z.string().regex(/^[a-z0-9-]+$/, '--author skal være en forfatter-slug, fx mette-kjaergaard').optional(),
});

/** Padded to one width so file names line up. */
const LABEL: Record<FileResult['status'], string> = { imported: 'importeret', updated: 'opdateret ', rejected: 'afvist    ' };

export function registerImportCommand(program: Command) {
  program
    .command('import')
    .description('importér artikler: Markdown med frontmatter eller blogsider eksporteret som tekst')
    .argument('<paths...>', 'filer og/eller mapper (mapper gennemløbes rekursivt)')
    .option('--kind <kind>', 'ordbog eller blog (standard: ordbog for Markdown, blog for eksporterede sider)')
    .option('--author <slug>', 'sæt denne forfatter på alle filerne')
    .addHelpText(
      'after',
      `
Formatet findes ud fra indholdet, ikke filnavnet. Hver fil importeres for sig og helt eller
slet ikke; en afvist fil stopper ikke de andre. Afslutter med status 1, hvis en fil blev afvist.

Eksempler:
  npm run fysio -- import ../shared/seeds
  npm run fysio -- import indlaeg.txt --kind blog --author mette-kjaergaard`,
    )
    .action(async (paths: string[], raw: unknown) => {
      const parsed = options.safeParse(raw, { error: danishErrorsNamed });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
      const { kind, author: authorSlug } = parsed.data;
      const started = performance.now();
      const results = await withDatabase(async ({ db }) => {
        const author = authorSlug ? await authorBySlug(db, authorSlug) : null;
        if (authorSlug && !author) {
          const known = (await listAuthors(db)).map((a) => a.slug);
          throw new Error(`ukendt forfatter "${authorSlug}". Kendte forfattere: ${known.join(', ') || '(ingen)'}`);
        }
        const files = await collectFiles(paths);
        const progress = new Progress(files.length);
        const results = await importFiles(db, files, {
          ...(kind ? { kind } : {}),
          ...(author ? { author } : {}),
          onFile: (result, done) => {
            progress.clear();
            console.log(
              result.status === 'rejected'
                ? `${LABEL.rejected} ${result.file}: ${result.reason}`
                : `${LABEL[result.status]} ${result.file} → ${result.url}`,
            );
            progress.update(done);
          },
        });
        await engineOf(db).refreshStatistics(db);
        return results;
      });
      const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `\n${results.length} ${results.length === 1 ? 'fil' : 'filer'}: ${count('imported')} importeret, ` +
          `${count('updated')} opdateret, ${count('rejected')} afvist (${seconds.toFixed(1).replace('.', ',')} s)`,
      );
      if (count('rejected') > 0) process.exitCode = 1;
    });
}
