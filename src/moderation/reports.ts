import { z } from 'zod';
import type { Db } from '../db/engine.js';
import { normalizePlainText } from '../text/plain-text.js';

/**
 * What reviews and comments share in moderation: reports by signed-in people (one per person
 * and text, open until an editor decides), the reasons an editor gives, and the e-mail that
 * tells an author why a text was not published.
 */

export type ReportSubject = 'review' | 'comment';

export const reportForm = z.object({
  reason: z
    .string()
    .transform(normalizePlainText)
    .pipe(z.string().min(5, 'Skriv kort, hvad der er galt med teksten').max(1000, 'Begrundelsen må højst være 1.000 tegn')),
});

export const decisionForm = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('publish') }),
  z.object({
    decision: z.literal('reject'),
    reason: z
      .string()
      .transform(normalizePlainText)
      .pipe(z.string().min(5, 'Skriv en begrundelse til forfatteren (mindst 5 tegn)').max(1000, 'Begrundelsen må højst være 1.000 tegn')),
  }),
], { error: () => 'Vælg at offentliggøre eller afvise' });

export async function recordReport(db: Db, subjectType: ReportSubject, subjectId: number, reporterId: number, reason: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('reports')
    .values({ subject_type: subjectType, subject_id: subjectId, reporter_id: reporterId, reason, created_at: at })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'reporter_id']).doUpdateSet({ reason, created_at: at, resolved_at: null }))
    .execute();
}

/** The reasons of the open reports about each subject. */
export async function openReports(db: Db, subjectType: ReportSubject, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('reports')
    .select(['subject_id', 'reason'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', ids)
    .where('resolved_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.subject_id, [...(out.get(r.subject_id) ?? []), r.reason]);
  return out;
}

/** The e-mail that tells an author why their text was not published, and where to change it. */
export function rejectionMail(name: string, what: string, reason: string, baseUrl: string, editPath: string): string {
  return [
    `Hej ${name}`.trim(),
    '',
    `Vi har læst ${what}, men vi kan ikke offentliggøre teksten, som den står.`,
    '',
    'Begrundelse fra redaktionen:',
    reason,
    '',
    `Du kan rette teksten og sende den igen her: ${baseUrl}${editPath}`,
    `Sådan behandler vi anmeldelser og kommentarer: ${baseUrl}/saadan-behandler-vi-anmeldelser`,
    '',
    'Venlig hilsen',
    'Redaktionen',
  ].join('\n');
}

export async function resolveReports(db: Db, subjectType: ReportSubject, subjectId: number, at: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ resolved_at: at })
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('resolved_at', 'is', null)
    .execute();
}

