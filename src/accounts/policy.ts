/**
 * Who may do what, in one place. Routes declare their access (`config.access`); a route
 * without a declaration refuses to register, so nothing is public by accident. Domain
 * actions go through `authorize(actor, action, resource)`, which denies anything no rule
 * allows.
 */

export type Role = 'patient' | 'behandler' | 'klinikejer' | 'redaktoer' | 'admin';

export type Actor = { kind: 'anonymous' } | { kind: 'user'; id: number; role: Role };

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/** What a route requires of the caller. */
export type RouteAccess = 'public' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function routeAllows(access: RouteAccess, actor: Actor): boolean {
  if (access === 'public') return true;
  return actor.kind === 'user' && access.roles.includes(actor.role);
}

/** Fail closed: throws at start-up for a route that does not say who may call it. */
export function assertRouteDeclaresAccess(route: { method: string | string[]; url: string; config?: unknown }): void {
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (access === undefined) {
    throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access); refusing to start`);
  }
}

type Resource =
  | { type: 'article' }
  | { type: 'author' }
  | { type: 'clinic' }
  | { type: 'search' };

type Action = 'read';

type Rule = (actor: Actor, resource: Resource) => boolean;

const RULES: Record<Resource['type'], Partial<Record<Action, Rule>>> = {
  // Published knowledge and the directory are open to everyone.
  article: { read: () => true },
  author: { read: () => true },
  clinic: { read: () => true },
  search: { read: () => true },
};

export function authorize(actor: Actor, action: Action, resource: Resource): boolean {
  const rule = RULES[resource.type]?.[action];
  return rule ? rule(actor, resource) : false;
}
