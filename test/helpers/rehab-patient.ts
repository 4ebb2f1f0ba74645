import type { Db } from '../../src/db/engine.js';
import { inviteToProgram } from '../../src/rehab/invitations.js';
import { prefilledValues } from '../../src/rehab/patient/log-form.js';
import type { PrescribedItem, VersionContent } from '../../src/rehab/program-model.js';
import { createProgram } from '../../src/rehab/programs.js';
import { linkIn, readOutbox } from './accounts.js';
import { TEST_BASE_URL } from './app.js';
import { kneeProgram } from './rehab.js';

/** Fixtures for the patient's pages: an invited program with its link, a filled-in session log form. */

let made = 0;

/** A program at the clinic, invited to `email`; returns its id and the link's token (read from the mail). */
export async function invitedProgram(
  db: Db,
  input: { clinicId: number; behandlerId: number; email?: string; content?: VersionContent; clinicName?: string; behandlerName?: string },
): Promise<{ programId: number; token: string; email: string }> {
  made += 1;
  const email = input.email ?? `inviteret-${made}-${Date.now().toString(36)}@example.dk`;
  const { program } = await createProgram(db, { clinicId: input.clinicId, behandlerId: input.behandlerId, content: input.content ?? kneeProgram() });
  await inviteToProgram(
    db,
    { programId: program.id, email, clinicName: input.clinicName ?? 'Klinikken', behandlerName: input.behandlerName ?? 'Behandleren', baseUrl: TEST_BASE_URL },
    input.behandlerId,
  );
  const mail = (await readOutbox(db)).filter((m) => m.to === email).at(-1);
  const link = mail && linkIn(mail, '/min-side/invitation');
  const token = link && new URL(link, TEST_BASE_URL).searchParams.get('token');
  if (!token) throw new Error(`no invitation link was mailed to ${email}`);
  return { programId: program.id, token, email };
}

/**
 * A session log form as the patient sends it: every set as prescribed (or `reps` in each set),
 * the pain for every exercise, effort "passende"; plus the hidden fields.
 */
export function sessionLogFields(
  items: readonly PrescribedItem[],
  hidden: { noegle: string; version: number; dag: string },
  options: { pain?: number; reps?: number; lastSetReps?: number } = {},
): Record<string, string> {
  const fields: Record<string, string> = { ...prefilledValues(items), noegle: hidden.noegle, version: String(hidden.version), dag: hidden.dag };
  items.forEach((item, i) => {
    fields[`o${i + 1}_smerte`] = String(options.pain ?? 2);
    fields[`o${i + 1}_indsats`] = 'passende';
    for (let s = 0; s < item.sets; s++) {
      if (options.reps !== undefined) fields[`o${i + 1}_s${s + 1}`] = String(options.reps);
      if (options.lastSetReps !== undefined && s === item.sets - 1) fields[`o${i + 1}_s${s + 1}`] = String(options.lastSetReps);
    }
  });
  return fields;
}

/** The value of a hidden field in a page's HTML. */
export function hiddenValue(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no field ${name} on the page`);
  return value;
}
