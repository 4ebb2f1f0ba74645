import type { Db } from '../../db/engine.js';
import { type WeekAdherence, weeklyAdherence } from '../adherence.js';
import { type StoredCheckIn, type StoredSessionLog, checkInsOf, logsOf } from '../logs.js';
import { type Program, type ProgramVersion, versionsOf } from '../programs.js';
import { type StoredProposal, proposalsOf, refreshProposals } from '../proposals.js';
import { type QuestionnaireSchedule, type DueQuestionnaire, answerDays, dueQuestionnaires, schedulesOf } from '../questionnaire-schedule.js';
import { usualPain } from '../pain.js';
import { type InstrumentResults, answersOf, resultsOverTime } from './questionnaire-results.js';

/**
 * Everything the behandler's patient page shows, loaded for one program: the current version
 * and the history of versions (to name the version each log was done under), the logs and
 * check-ins, adherence week by week, the proposals waiting (after running the rules, so the
 * page is never behind the logs), questionnaire schedules, what is due and the results.
 */

export const LOGS_PER_PAGE = 20;

export interface PatientPageData {
  program: Program;
  patientName: string;
  current: ProgramVersion;
  versions: ProgramVersion[];
  logs: StoredSessionLog[];
  checkIns: StoredCheckIn[];
  usual: number | null;
  weeks: WeekAdherence[];
  pending: StoredProposal[];
  schedules: QuestionnaireSchedule[];
  due: DueQuestionnaire[];
  results: InstrumentResults[];
}

export async function patientPageData(db: Db, program: Program & { patientId: number }, today: string): Promise<PatientPageData> {
  // Only a running program gets new proposals; an ended one is shown as it was left.
  if (program.status === 'aktiv') await refreshProposals(db, program);
  const [versions, logs, checkIns, pending, schedules, answered, answers, patient] = await Promise.all([
    versionsOf(db, program.id),
    logsOf(db, program.id),
    checkInsOf(db, program.id),
    proposalsOf(db, program.id, 'afventer'),
    schedulesOf(db, [program.id]),
    answerDays(db, [program.id]),
    answersOf(db, program.id),
    db.selectFrom('users').select('name').where('id', '=', program.patientId).executeTakeFirst(),
  ]);
  const current = versions.find((v) => v.version === program.currentVersion) ?? versions.at(-1)!;
  return {
    program,
    patientName: patient?.name ?? program.patientLabel ?? 'Patienten',
    current,
    versions,
    logs,
    checkIns,
    usual: usualPain(checkIns),
    weeks: weeklyAdherence(logs, current, today),
    pending,
    schedules,
    due: dueQuestionnaires(schedules, current, answered, today),
    results: resultsOverTime(answers),
  };
}
