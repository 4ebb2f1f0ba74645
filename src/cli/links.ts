import type { Command } from 'commander';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { deadInternalLinks } from '../content/link-check.js';
import { withDatabase } from './database.js';

const MAX_REDIRECTS = 5;

export function registerLinksCommand(program: Command) {
  const links = program.command('links').description('tjek links i de importerede artikler');
  links
    .command('check')
    .description('list interne links, der ikke fører nogen steder hen, med fil og linje')
    .addHelpText('after', '\nSpørger sitet selv om hver sti (omdirigeringer følges). Afslutter med status 1, hvis der er døde links.')
    .action(async () => {
      const dead = await withDatabase(async (connection) => {
        const config = { ...loadConfig(), logLevel: 'silent' as const };
        const app = await buildApp({ config, connection });
        try {
          return await deadInternalLinks(connection.db, async (path) => {
            let url = path;
            for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
              const response = await app.inject({ method: 'GET', url });
              const location = response.headers.location;
              if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string' && location.startsWith('/')) {
                url = location;
                continue;
              }
              return response.statusCode < 400;
            }
            return false;
          });
        } finally {
          await app.close();
        }
      });
      for (const link of dead) {
        console.log(`${link.file}${link.line === null ? '' : `:${link.line}`}  ${link.href}  (${link.articleUrl}: ${link.reason})`);
      }
      const articles = new Set(dead.map((d) => d.articleUrl)).size;
      console.log(
        dead.length === 0
          ? 'Ingen døde interne links.'
          : `\n${dead.length} ${dead.length === 1 ? 'dødt link' : 'døde links'} i ${articles} ${articles === 1 ? 'artikel' : 'artikler'}.`,
      );
      if (dead.length > 0) process.exitCode = 1;
    });
}
