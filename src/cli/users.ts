import type { Command } from 'commander';
import { z } from 'zod';
import { audit } from '../accounts/audit.js';
import { emailField, nameField } from '../accounts/forms.js';
import { hashPassword, passwordProblem } from '../accounts/passwords.js';
import { GLOBAL_ROLES, type User, createUser, disableUser, enableUser, findUserByEmail, setRole } from '../accounts/users.js';
import type { Db } from '../db/engine.js';
import type { GlobalRole } from '../db/schema.js';
import { formatDanishDateTime } from '../text/dates.js';
import { withDatabase } from './database.js';
import { readPassword } from './password-input.js';

/**
 * `fysio user …`: accounts from the command line, for the first administrator and for when the
 * site cannot be used. The same rules as the site (argon2id, the strength check, one account
 * per address), and every change is in the audit log with no actor (shown as "systemet") and
 * `via: "cli"`.
 */
const roleOption = z.enum(GLOBAL_ROLES as [GlobalRole, ...GlobalRole[]], { error: '--role skal være patient, redaktoer eller admin' });
const emailOption = emailField;

const createInput = z.object({
  email: emailOption,
  role: roleOption.default('patient'),
  name: nameField.optional(),
  passwordStdin: z.boolean().optional(),
});
const roleInput = z.object({ email: emailOption, role: roleOption });
const emailInput = z.object({ email: emailOption });
const listInput = z.object({ role: roleOption.optional() });

const ROLE_NAMES: Record<GlobalRole, string> = { patient: 'patient', redaktoer: 'redaktør', admin: 'administrator' };

function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => (i.path.length > 0 && !i.message.startsWith('--') ? `--${String(i.path[0])}: ${i.message}` : i.message)).join('; '));
  }
  return parsed.data;
}

async function existingUser(db: Db, email: string): Promise<User> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`der findes ingen konto med e-mailadressen ${email}`);
  return user;
}

const via = { via: 'cli' } as const;

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('brugerkonti: opret, skift rolle, vis, spær');

  user
    .command('create')
    .description('opret en konto med bekræftet e-mailadresse (fx den første administrator)')
    .requiredOption('--email <adresse>', 'kontoens e-mailadresse')
    .option('--role <rolle>', `${GLOBAL_ROLES.join(' | ')} (standard: patient)`)
    .option('--name <navn>', 'navnet, som det vises på sitet (standard: det før @ i adressen)')
    .option('--password-stdin', 'læs adgangskoden fra standard input i stedet for at spørge i terminalen')
    .action(async (raw: Record<string, unknown>) => {
      const input = parseOptions(createInput, raw);
      const name = input.name ?? input.email.split('@')[0]!;
      const password = await readPassword({ fromStdin: input.passwordStdin === true });
      const problem = passwordProblem(password, [name, input.email]);
      if (problem) throw new Error(problem);
      const passwordHash = await hashPassword(password);
      const created = await withDatabase(({ db }) =>
        db.transaction().execute(async (trx) => {
          if (await findUserByEmail(trx, input.email)) throw new Error(`der findes allerede en konto med e-mailadressen ${input.email}`);
          const account = await createUser(trx, { email: input.email, name, passwordHash, role: input.role, verified: true });
          await audit(trx, { actorId: null, action: 'user.created', subjectType: 'user', subjectId: account.id, details: { role: account.role, ...via } });
          return account;
        }),
      );
      console.log(`Oprettet: ${created.name} <${created.email}> (id ${created.id}) som ${ROLE_NAMES[created.role]}. E-mailadressen regnes som bekræftet.`);
    });

  user
    .command('set-role')
    .description('skift en kontos rolle (patient, redaktoer eller admin)')
    .requiredOption('--email <adresse>', 'kontoens e-mailadresse')
    .requiredOption('--role <rolle>', GLOBAL_ROLES.join(' | '))
    .action(async (raw: Record<string, unknown>) => {
      const input = parseOptions(roleInput, raw);
      const outcome = await withDatabase(({ db }) =>
        db.transaction().execute(async (trx) => {
          const account = await existingUser(trx, input.email);
          if (account.role === input.role) return { account, changed: false };
          // As on the site: each of the user's sessions gets a new id at its next request.
          await setRole(trx, account.id, input.role);
          await audit(trx, { actorId: null, action: 'user.role_changed', subjectType: 'user', subjectId: account.id, details: { from: account.role, to: input.role, ...via } });
          return { account, changed: true };
        }),
      );
      const { account, changed } = outcome;
      console.log(
        changed
          ? `${account.email} er nu ${ROLE_NAMES[input.role]} (var ${ROLE_NAMES[account.role]}). Er brugeren logget ind, får sessionen et nyt id ved næste besøg.`
          : `${account.email} er allerede ${ROLE_NAMES[input.role]}; intet ændret.`,
      );
    });

  user
    .command('list')
    .description('vis konti (alle, eller med én rolle)')
    .option('--role <rolle>', `kun ${GLOBAL_ROLES.join(' | ')}`)
    .action(async (raw: Record<string, unknown>) => {
      const input = parseOptions(listInput, raw);
      const rows = await withDatabase(({ db }) => {
        let query = db.selectFrom('users').select(['id', 'email', 'name', 'role', 'email_verified_at', 'disabled_at', 'created_at']).orderBy('id');
        if (input.role) query = query.where('role', '=', input.role);
        return query.execute();
      });
      if (rows.length === 0) {
        console.log(input.role ? `Ingen konti med rollen ${input.role}.` : 'Ingen konti endnu. Opret en med: npm run fysio -- user create --email … --role admin');
        return;
      }
      for (const r of rows) {
        const notes = [r.email_verified_at ? null : 'e-mail ikke bekræftet', r.disabled_at ? 'spærret' : null].filter((n) => n !== null);
        console.log(`${r.id}  ${r.email}  ${r.name}  ${r.role}  oprettet ${formatDanishDateTime(r.created_at)}${notes.length > 0 ? `  (${notes.join(', ')})` : ''}`);
      }
    });

  const blocking = (action: 'disable' | 'enable') =>
    async (raw: Record<string, unknown>) => {
      const input = parseOptions(emailInput, raw);
      const outcome = await withDatabase(({ db }) =>
        db.transaction().execute(async (trx) => {
          const account = await existingUser(trx, input.email);
          if ((account.disabledAt !== null) === (action === 'disable')) return { account, changed: false };
          if (action === 'disable') await disableUser(trx, account.id);
          else await enableUser(trx, account.id);
          await audit(trx, { actorId: null, action: action === 'disable' ? 'user.disabled' : 'user.enabled', subjectType: 'user', subjectId: account.id, details: via });
          return { account, changed: true };
        }),
      );
      const { account, changed } = outcome;
      if (action === 'disable') {
        console.log(changed ? `${account.email} er spærret, og alle kontoens sessioner er afsluttet.` : `${account.email} var allerede spærret; intet ændret.`);
      } else {
        console.log(changed ? `${account.email} er genåbnet og kan logge ind igen.` : `${account.email} var ikke spærret; intet ændret.`);
      }
    };

  user
    .command('disable')
    .description('spær en konto: den kan ikke logge ind, og alle dens sessioner afsluttes')
    .requiredOption('--email <adresse>', 'kontoens e-mailadresse')
    .action(blocking('disable'));

  user
    .command('enable')
    .description('genåbn en spærret konto')
    .requiredOption('--email <adresse>', 'kontoens e-mailadresse')
    .action(blocking('enable'));
}
