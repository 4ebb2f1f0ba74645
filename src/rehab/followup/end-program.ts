import type { Db } from '../../db/engine.js';
import { setProgramStatus } from '../programs.js';

/**
 * Ends a program (status `afsluttet`): the proposals still waiting no longer apply and become
 * stale, so nothing is left to decide on a program that is over. The logs, check-ins and answers
 * stay as they are. Authorise before calling.
 */
export async function endProgram(db: Db, programId: number, now = Date.now()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setProgramStatus(trx, programId, 'afsluttet', now);
    await trx.updateTable('proposals').set({ status: 'foraeldet' }).where('program_id', '=', programId).where('status', '=', 'afventer').execute();
  });
}
