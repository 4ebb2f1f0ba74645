import type { AccountExtensions } from '../accounts/extensions.js';
import type { RouteDeps } from '../web/deps.js';

/** What the genoptræning routes receive. */
export interface RehabDeps extends RouteDeps {
  baseUrl: string;
  siteName: string;
  /** Schedule reminder e-mails in this process once it listens (config REMINDERS). */
  reminders: boolean;
  /** The folder under which uploaded files live (config UPLOADS_DIR). */
  uploadsDir: string;
}

export type { AccountExtensions };
