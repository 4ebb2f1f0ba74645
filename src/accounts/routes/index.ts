import type { FastifyInstance } from 'fastify';
import type { Assets } from '../../web/assets.js';
import { accountRoutes } from './account.js';
import type { AccountDeps } from './deps.js';
import { passkeyRoutes } from './passkeys.js';
import { registrationRoutes } from './registration.js';
import { signInRoutes } from './sign-in.js';
import { yourDataRoutes } from './your-data.js';

export type { AccountDeps } from './deps.js';

/** Every route under /konto. */
export async function accountsRoutes(app: FastifyInstance, deps: AccountDeps & { assets: Assets }): Promise<void> {
  await signInRoutes(app, deps);
  await registrationRoutes(app, deps);
  await accountRoutes(app, deps);
  await yourDataRoutes(app, deps);
  await passkeyRoutes(app, deps);
}
