import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';
import { upcomingClosures } from './closures.js';
import type { ClinicOwnerInfo } from './views/clinic-notices.js';

/** What the clinic's public page shows from its owners (views/clinic-notices.tsx). */
export async function clinicOwnerInfo(db: Db, clinicId: number): Promise<ClinicOwnerInfo> {
  const [row, closures, owner] = await Promise.all([
    db.selectFrom('clinics').select(['accepting_patients', 'waiting_weeks', 'accepting_stated_on']).where('id', '=', clinicId).executeTakeFirst(),
    upcomingClosures(db, clinicId),
    db.selectFrom('clinic_memberships').select('user_id').where('clinic_id', '=', clinicId).where('role', '=', 'klinikejer').limit(1).executeTakeFirst(),
  ]);
  return {
    accepting: row?.accepting_patients === null || row?.accepting_patients === undefined ? null : toBool(row.accepting_patients),
    waitingWeeks: row?.waiting_weeks ?? null,
    statedOn: row?.accepting_stated_on ?? null,
    closures,
    hasOwner: owner !== undefined,
  };
}
