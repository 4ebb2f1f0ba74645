import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { engineOf } from '../db/engine.js';
import { outboxOverview, sendDueMail } from '../mail/outbox-sender.js';
import { mailTransportFor } from '../mail/transport.js';
import { formatDanishDateTime } from '../text/dates.js';
import { withDatabase } from './database.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function registerOutboxCommands(program: Command) {
  const outbox = program.command('outbox').description('udgående e-mail (sendes også af serveren selv)');

  outbox
    .command('send')
    .description('send de e-mails, der venter og er klar til at blive sendt nu')
    .addHelpText('after', '\nMed SMTP_URL sendes via mailserveren; uden skrives hver e-mail som en .eml-fil i OUTBOX_DIR (standard: data/outbox).')
    .action(async () => {
      const config = loadConfig();
      const transport = mailTransportFor(config);
      try {
        const summary = await withDatabase(async ({ db }) => {
          // A server may be writing at the same moment (SQLite): try again for a little while.
          for (let attempt = 1; ; attempt++) {
            try {
              return await sendDueMail(db, transport);
            } catch (error) {
              if (attempt >= 20 || !engineOf(db).isBusy(error)) throw error;
              await new Promise((resolve) => setTimeout(resolve, 250));
            }
          }
        });
        for (const file of summary.files) console.log(`Skrevet: ${file}`);
        console.log(
          `${count(summary.sent, 'e-mail sendt', 'e-mails sendt')}, ${summary.retrying} venter på et nyt forsøg, ${summary.failed} opgivet efter sidste forsøg.`,
        );
        if (summary.failed > 0) process.exitCode = 1;
      } finally {
        transport.close();
      }
    });

  outbox
    .command('list')
    .description('vis e-mails, der venter eller er opgivet (emne, forsøg, næste forsøg, seneste fejl)')
    .action(async () => {
      const rows = await withDatabase(({ db }) => outboxOverview(db));
      if (rows.length === 0) {
        console.log('Ingen e-mails venter, og ingen er opgivet.');
        return;
      }
      for (const r of rows) {
        const state = r.status === 'failed' ? 'opgivet' : `næste forsøg ${formatDanishDateTime(r.nextAttemptAt)}`;
        console.log(`#${r.id}  ${r.subject}  (${count(r.attempts, 'forsøg', 'forsøg')}, ${state})${r.lastError ? `\n      seneste fejl: ${r.lastError}` : ''}`);
      }
    });
}
