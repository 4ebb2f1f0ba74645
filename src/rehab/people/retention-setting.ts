import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import type { Db } from '../../db/engine.js';

/**
 * How long a clinic keeps a patient's genoptræning data, locked, after the patient deleted
 * their account (`clinics.rehab_retention_years`, migration 0016; the deletion and the retention
 * job read it). At least 10 years: the Danish record-keeping rule for authorised health
 * professionals (journalføringsbekendtgørelsen, 10 years after the last entry); at most 30, a
 * bound of ours. A change applies to data locked from then on: a program already locked keeps
 * the day it was given.
 */
export const RETENTION_MIN_YEARS = 10;
export const RETENTION_MAX_YEARS = 30;

export const retentionForm = z.object({
  aar: z
    .string()
    .max(10)
    .default('')
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .regex(/^\d+$/, { error: `Skriv et helt antal år mellem ${RETENTION_MIN_YEARS} og ${RETENTION_MAX_YEARS}` })
        .transform(Number)
        .pipe(
          z
            .number()
            .min(RETENTION_MIN_YEARS, { error: `Mindst ${RETENTION_MIN_YEARS} år: journalføringsbekendtgørelsen kræver 10 år efter sidste notat` })
            .max(RETENTION_MAX_YEARS, { error: `Højst ${RETENTION_MAX_YEARS} år` }),
        ),
    ),
});

export async function retentionYearsOf(db: Db, clinicId: number): Promise<number> {
  const row = await db.selectFrom('clinics').select('rehab_retention_years').where('id', '=', clinicId).executeTakeFirst();
  return row?.rehab_retention_years ?? RETENTION_MIN_YEARS;
}

/** Sets the clinic's retention period; the change and who made it go to the audit log. */
export async function setRetentionYears(db: Db, clinicId: number, years: number, ownerId: number, address: string | null, now = Date.now()): Promise<'changed' | 'same'> {
  const before = await retentionYearsOf(db, clinicId);
  if (before === years) return 'same';
  await db.updateTable('clinics').set({ rehab_retention_years: years }).where('id', '=', clinicId).execute();
  await audit(db, { actorId: ownerId, action: 'clinic.rehab_retention_changed', subjectType: 'clinic', subjectId: clinicId, details: { from: before, to: years }, address }, now);
  return 'changed';
}
