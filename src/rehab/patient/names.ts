import type { Db } from '../../db/engine.js';
import type { Program } from '../programs.js';

/** Who a program is from, in the words the patient reads: the clinic, the behandler, the goal. */
export interface ProgramNames {
  clinicName: string;
  behandlerName: string;
  goal: string;
}

export async function programNames(db: Db, program: Pick<Program, 'id' | 'clinicId' | 'behandlerId' | 'currentVersion'>): Promise<ProgramNames> {
  const [clinic, behandler, version] = await Promise.all([
    db.selectFrom('clinics').select('name').where('id', '=', program.clinicId).executeTakeFirst(),
    db.selectFrom('users').select('name').where('id', '=', program.behandlerId).executeTakeFirst(),
    db
      .selectFrom('program_versions')
      .select('goal')
      .where('program_id', '=', program.id)
      .where('version', '=', program.currentVersion)
      .executeTakeFirst(),
  ]);
  return { clinicName: clinic?.name ?? 'klinikken', behandlerName: behandler?.name ?? 'Din behandler', goal: version?.goal ?? '' };
}
