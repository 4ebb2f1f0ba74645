import type { Command } from 'commander';
import { z } from 'zod';
import { authorBySlug, listAuthors, saveAuthor } from '../content/authors.js';
import { authorPath } from '../content/urls.js';
import { slugify } from '../text/slugify.js';
import { withDatabase } from './database.js';

const addInput = z.object({
  name: z.string().trim().min(1, 'navnet må ikke være tomt').max(200, 'navnet er for langt (højst 200 tegn)'),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '--slug må kun have små bogstaver a-z, tal og bindestreger, fx mette-kjaergaard')
    .max(100, '--slug er for lang (højst 100 tegn)')
    .optional(),
  title: z.string().trim().max(200, '--title er for lang (højst 200 tegn)').optional(),
  bio: z.string().trim().max(5000, '--bio er for lang (højst 5000 tegn)').optional(),
});

export function registerAuthorsCommand(program: Command) {
  const authors = program.command('authors').description('forfattere: opret, ret og vis');

  authors
    .command('add')
    .description('opret en forfatter, eller ret en, der findes (fundet på slug)')
    .argument('<navn>', 'forfatterens navn, fx "Mette Kjærgaard"')
    .option('--slug <slug>', 'adressen /forfatter/<slug> (standard: dannet af navnet)')
    .option('--title <titel>', 'fx "Fysioterapeut, MSc"')
    .option('--bio <tekst>', 'en kort præsentation')
    .action(async (name: string, raw: Record<string, unknown>) => {
      const parsed = addInput.safeParse({ ...raw, name });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
      const input = parsed.data;
      const slug = input.slug ?? slugify(input.name);
      if (!slug) throw new Error(`kan ikke danne en slug af "${input.name}"; angiv --slug`);
      await withDatabase(async ({ db }) => {
        const existing = await authorBySlug(db, slug);
        const author = await saveAuthor(db, {
          slug,
          name: input.name,
          title: input.title ?? existing?.title ?? null,
          bio: input.bio ?? existing?.bio ?? null,
        });
        console.log(`${existing ? 'rettet' : 'oprettet'}: ${author.name} (${authorPath(author.slug)})`);
      });
    });

  authors
    .command('list')
    .description('vis alle forfattere')
    .action(async () => {
      const all = await withDatabase(({ db }) => listAuthors(db));
      if (all.length === 0) {
        console.log('Ingen forfattere endnu. Opret en med: npm run fysio -- authors add "Navn" --title "Titel"');
        return;
      }
      for (const a of all) {
        console.log(`${a.slug}  ${a.name}${a.title ? `, ${a.title}` : ''}${a.bio ? '' : '  (ingen bio)'}`);
      }
    });
}
