import type { AccountExtensions } from '../accounts/extensions.js';
import type { RouteDeps } from '../web/deps.js';

/** What the genoptræning routes receive. */
export interface RehabDeps extends RouteDeps {
  baseUrl: string;
  siteName: string;
}

export type { AccountExtensions };
