import type { AccountExtensions } from '../accounts/extensions.js';
import type { RouteDeps } from '../web/deps.js';

/** What the genoptræning routes receive. */
export interface RehabDeps extends RouteDeps {
  baseUrl: string;
  siteName: string;
  /** Schedule reminder e-mails in this process once it listens (config REMINDERS). */
  reminders: boolean;
}

export type { AccountExtensions };
