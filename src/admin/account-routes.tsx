import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit, auditEntries } from '../accounts/audit.js';
import { authorize } from '../accounts/policy.js';
import { disableUser, enableUser, setRole, userNames } from '../accounts/users.js';
import { signedInActor } from '../moderation/actor.js';
import { writeFromPage } from '../moderation/transaction.js';
import { startOfDanishDay } from '../text/dates.js';
import { csrfField } from '../web/csrf-field.js';
import type { RouteDeps } from '../web/deps.js';
import { HttpError, notFound, parseInput, parsePath } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { sendHtml } from '../web/respond.js';
import { searchUsers } from './users.js';
import { AuditPage } from './views/audit-page.js';
import { UsersPage } from './views/users-page.js';

const ADMINS = { roles: ['admin'] } as const;
const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const usersQuery = z.object({ q: z.string().max(200).optional(), besked: z.enum(['rolle', 'spaerret', 'genaabnet']).optional() });
const roleForm = z.object({ role: z.enum(['patient', 'redaktoer', 'admin']) });
const blockForm = z.object({ action: z.enum(['spaer', 'genaabn']) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'skal være en dato (ÅÅÅÅ-MM-DD)');
const auditQuery = z.object({
  bruger: z
    .string()
    .regex(/^\d{0,12}$/, 'skal være et bruger-id (et tal)')
    .transform((v) => (v === '' ? undefined : Number(v)))
    .optional(),
  handling: z.string().max(100).optional(),
  fra: day.or(z.literal('')).optional(),
  til: day.or(z.literal('')).optional(),
  side: z.coerce.number().int().min(1).max(10_000).optional(),
});
const AUDIT_PAGE = 100;
const NOTICES = { rolle: 'Rollen er ændret.', spaerret: 'Kontoen er spærret, og alle dens sessioner er afsluttet.', genaabnet: 'Kontoen er genåbnet.' } as const;

/** Administrators only: accounts (search, role, disable) and the audit log. Every change is audited. */
export async function adminAccountRoutes(app: FastifyInstance, { db, ctx }: RouteDeps) {
  const admins = { config: { access: ADMINS } };

  app.get('/admin/brugere', admins, async (request, reply) => {
    const { q, besked } = parseInput(usersQuery, request.query);
    const self = signedInActor(request);
    const users = await searchUsers(db, q ?? '');
    return sendHtml(reply, renderDocument(<UsersPage ctx={ctx} selfId={self.id} query={q ?? ''} users={users} csrf={csrfField(request)} notice={besked ? NOTICES[besked] : undefined} />), 'no-store');
  });

  /** The target account, which an administrator may manage, and never their own (no locking oneself out). */
  const target = async (actorId: number, id: number) => {
    const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', id).executeTakeFirst();
    if (!user) throw notFound('user_not_found', 'Brugeren findes ikke');
    if (user.id === actorId) throw new HttpError(409, 'own_account', 'Du kan ikke ændre rolle for eller spærre din egen konto her');
    return user;
  };

  app.post('/admin/brugere/:id/rolle', { config: { access: ADMINS }, bodyLimit: 1024 }, async (request, reply) => {
    const { id } = parsePath(idParams, request.params);
    const actor = signedInActor(request);
    if (!authorize(actor, 'manage', { type: 'user', id })) throw new HttpError(403, 'forbidden', 'Du må ikke ændre denne konto');
    const user = await target(actor.id, id);
    const { role } = parseInput(roleForm, request.body);
    await writeFromPage(db, async (trx) => {
      await setRole(trx, id, role);
      await audit(trx, { actorId: actor.id, action: 'user.role_changed', subjectType: 'user', subjectId: id, details: { from: user.role, to: role }, address: request.ip });
    });
    return reply.redirect('/admin/brugere?besked=rolle', 303);
  });

  app.post('/admin/brugere/:id/spaerring', { config: { access: ADMINS }, bodyLimit: 1024 }, async (request, reply) => {
    const { id } = parsePath(idParams, request.params);
    const actor = signedInActor(request);
    if (!authorize(actor, 'manage', { type: 'user', id })) throw new HttpError(403, 'forbidden', 'Du må ikke ændre denne konto');
    await target(actor.id, id);
    const { action } = parseInput(blockForm, request.body);
    await writeFromPage(db, async (trx) => {
      if (action === 'spaer') await disableUser(trx, id);
      else await enableUser(trx, id);
      await audit(trx, { actorId: actor.id, action: action === 'spaer' ? 'user.disabled' : 'user.enabled', subjectType: 'user', subjectId: id, address: request.ip });
    });
    return reply.redirect(`/admin/brugere?besked=${action === 'spaer' ? 'spaerret' : 'genaabnet'}`, 303);
  });

  app.get('/admin/log', admins, async (request, reply) => {
    const actor = signedInActor(request);
    if (!authorize(actor, 'read', { type: 'audit_log' })) throw new HttpError(403, 'forbidden', 'Kun administratorer kan læse loggen');
    const query = parseInput(auditQuery, request.query);
    const filter = { bruger: query.bruger, handling: query.handling?.trim() || undefined, fra: query.fra || undefined, til: query.til || undefined };
    const page = query.side ?? 1;
    const nextDay = (ymd: string) => new Date(Date.parse(`${ymd}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const rows = await auditEntries(db, {
      ...(filter.bruger !== undefined ? { actorId: filter.bruger } : {}),
      ...(filter.handling ? { action: filter.handling } : {}),
      ...(filter.fra ? { from: startOfDanishDay(filter.fra) } : {}),
      ...(filter.til ? { to: startOfDanishDay(nextDay(filter.til)) } : {}),
      limit: AUDIT_PAGE + 1,
      offset: (page - 1) * AUDIT_PAGE,
    });
    const entries = rows.slice(0, AUDIT_PAGE);
    const names = await userNames(db, entries.flatMap((e) => (e.actorId === null ? [] : [e.actorId])));
    return sendHtml(reply, renderDocument(<AuditPage ctx={ctx} filter={filter} entries={entries} names={names} page={page} more={rows.length > AUDIT_PAGE} />), 'no-store');
  });
}
