import type { ClinicRole, GlobalRole } from '../db/schema.js';

/**
 * Who may do what, in one place. Routes declare their access (`config.access`); a route
 * without a declaration refuses to register, so nothing is public by accident. Domain
 * actions go through `authorize(actor, action, resource)`, which denies anything no rule
 * allows.
 *
 * `authorize` is synchronous: a resource carries the facts its rules need (a clinic carries
 * its members, loaded with `clinicMembers(db, clinicId)` from memberships.ts), so a rule
 * is a pure function that is easy to test and to read.
 */

export type { ClinicRole, GlobalRole };
/** Every role a person can hold: the global ones, and the clinic memberships. */
export type Role = GlobalRole | ClinicRole;

export interface SignedInActor {
  kind: 'user';
  id: number;
  /** The global role: patient, redaktoer or admin. Clinic roles are memberships. */
  role: GlobalRole;
  name: string;
  emailVerified: boolean;
  /** The session's row id (to list and revoke sessions); the cookie's id is never kept. */
  sessionId: number;
}

export type Actor = { kind: 'anonymous' } | SignedInActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

export const isSignedIn = (actor: Actor): actor is SignedInActor => actor.kind === 'user';

/**
 * What a route requires of the caller: anyone; anyone signed in; or one of some global roles.
 * Clinic roles are per clinic, so routes that need them are `{ signedIn: true }` and check the
 * clinic with `authorize`.
 */
export type RouteAccess = 'public' | { signedIn: true } | { roles: readonly GlobalRole[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Route access for a caller: allowed, needs to sign in, or signed in without the role. */
export function routeAccessFor(access: RouteAccess, actor: Actor): 'allowed' | 'sign-in' | 'forbidden' {
  if (access === 'public') return 'allowed';
  if (!isSignedIn(actor)) return 'sign-in';
  if ('signedIn' in access) return 'allowed';
  return access.roles.includes(actor.role) ? 'allowed' : 'forbidden';
}

export function routeAllows(access: RouteAccess, actor: Actor): boolean {
  return routeAccessFor(access, actor) === 'allowed';
}

/** Fail closed: throws at start-up for a route that does not say who may call it. */
export function assertRouteDeclaresAccess(route: { method: string | string[]; url: string; config?: unknown }): void {
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (access === undefined) {
    throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access); refusing to start`);
  }
}

export interface ClinicMember {
  userId: number;
  role: ClinicRole;
}

export type Resource =
  | { type: 'article' }
  | { type: 'author' }
  | { type: 'search' }
  /** A clinic with its members (owners and behandlere). */
  | { type: 'clinic'; id?: number; members?: readonly ClinicMember[] }
  /** An account; `id` is the account's user id. */
  | { type: 'user'; id: number }
  | { type: 'audit_log' }
  /** A review of a clinic, with the clinic's members (who may not review it; owners answer it). */
  | { type: 'review'; members?: readonly ClinicMember[] }
  | { type: 'comment' }
  /**
   * A clinic's genoptræning practice: who may build programs and templates there (any of its
   * behandlere) and invite patients (a behandler whose autorisations-ID an administrator has
   * checked, at a clinic whose owner has accepted the data-processing agreement).
   */
  | { type: 'practice'; members: readonly ClinicMember[]; authorised: readonly number[]; dpaAccepted: boolean }
  /**
   * One of a clinic's own exercises (its uploaded photo): the clinic's behandlere, and the
   * patients (of those asked about) with a program of the clinic that names it.
   */
  | { type: 'clinic_exercise'; members: readonly ClinicMember[]; patients: readonly number[] }
  /**
   * A patient's health data (a program, its logs, check-ins, answers): the patient's own; and
   * the clinic's checked behandlere when they prescribed it or the program is shared.
   */
  | {
      type: 'health_data';
      patientId: number | null;
      prescriberId: number;
      shared: boolean;
      locked: boolean;
      members: readonly ClinicMember[];
      authorised: readonly number[];
    };

export type Action = 'read' | 'manage' | 'moderate' | 'write' | 'answer' | 'invite';

type Rule<R extends Resource = Resource> = (actor: Actor, resource: R) => boolean;

const isStaff = (actor: Actor) => isSignedIn(actor) && (actor.role === 'redaktoer' || actor.role === 'admin');
const isAdmin = (actor: Actor) => isSignedIn(actor) && actor.role === 'admin';

/** True when the actor holds `role` at the clinic (facts from the resource). */
export function holdsClinicRole(actor: Actor, clinic: { members?: readonly ClinicMember[] }, role: ClinicRole): boolean {
  return isSignedIn(actor) && (clinic.members ?? []).some((m) => m.userId === actor.id && m.role === role);
}

const isCheckedBehandler = (actor: Actor, r: { members?: readonly ClinicMember[]; authorised: readonly number[] }) =>
  holdsClinicRole(actor, r, 'behandler') && isSignedIn(actor) && r.authorised.includes(actor.id);

/** A checked behandler of the clinic who prescribed the program, or any when it is shared. */
const treats: Rule<Extract<Resource, { type: 'health_data' }>> = (actor, data) =>
  !data.locked && isCheckedBehandler(actor, data) && isSignedIn(actor) && (data.prescriberId === actor.id || data.shared);

type RuleTable = { [T in Resource['type']]: Partial<Record<Action, Rule<Extract<Resource, { type: T }>>>> };

const RULES: RuleTable = {
  // Published knowledge and the directory are open to everyone.
  article: { read: () => true },
  author: { read: () => true },
  search: { read: () => true },
  clinic: {
    read: () => true,
    // An owner manages their own clinic's listing; administrators any clinic.
    manage: (actor, clinic) => isAdmin(actor) || holdsClinicRole(actor, clinic, 'klinikejer'),
  },
  user: {
    // An account is its holder's; administrators manage accounts (role, disable).
    read: (actor, user) => (isSignedIn(actor) && actor.id === user.id) || isAdmin(actor),
    manage: (actor, user) => (isSignedIn(actor) && actor.id === user.id) || isAdmin(actor),
  },
  audit_log: { read: (actor) => isAdmin(actor) },
  review: {
    // A patient with a verified e-mail reviews a clinic they neither own nor work at.
    write: (actor, review) => isSignedIn(actor) && actor.emailVerified && !(review.members ?? []).some((m) => m.userId === actor.id),
    // The clinic's owners answer its reviews; editors and administrators moderate them.
    answer: (actor, review) => holdsClinicRole(actor, review, 'klinikejer'),
    moderate: (actor) => isStaff(actor),
  },
  comment: {
    write: (actor) => isSignedIn(actor),
    moderate: (actor) => isStaff(actor),
  },
  practice: {
    write: (actor, practice) => holdsClinicRole(actor, practice, 'behandler'),
    invite: (actor, practice) => practice.dpaAccepted && isCheckedBehandler(actor, practice),
  },
  clinic_exercise: {
    read: (actor, exercise) => holdsClinicRole(actor, exercise, 'behandler') || (isSignedIn(actor) && exercise.patients.includes(actor.id)),
  },
  // Owners, editors and administrators see no health data: no rule here names them.
  health_data: {
    read: (actor, data) => (!data.locked && isSignedIn(actor) && data.patientId === actor.id) || treats(actor, data),
    // Logging, check-ins, answers and sharing are the patient's alone; a behandler never
    // changes or deletes a patient's logs.
    write: (actor, data) => !data.locked && isSignedIn(actor) && data.patientId === actor.id,
    // Changing the program and deciding proposals.
    manage: treats,
  },
};

/** Editors and administrators moderate (reviews, comments); exported for the rules others add. */
export const mayModerate = isStaff;

export function authorize(actor: Actor, action: Action, resource: Resource): boolean {
  const rule = (RULES[resource.type] as Partial<Record<Action, Rule>>)[action];
  return rule ? rule(actor, resource) : false;
}
