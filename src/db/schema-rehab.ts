import type { Generated } from 'kysely';

/**
 * The genoptræning tables (migration 0010), kept apart from schema.ts so that neither file
 * grows past reading size. JSON columns are text; src/rehab parses them with zod.
 */

export interface BehandlerProfilesTable {
  user_id: number;
  autorisation_id: string | null;
  checked_by: number | null;
  checked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClinicDpaAcceptancesTable {
  id: Generated<number>;
  clinic_id: number;
  version: string;
  accepted_by: number;
  accepted_at: string;
}

export interface ClinicExercisesTable {
  id: Generated<number>;
  clinic_id: number;
  slug: string;
  name: string;
  /** JSON: { startPosition, steps[], feel, mistakes[], stop, dose } */
  body: string;
  picture_exercise: string | null;
  photo_path: string | null;
  /** The photo's size in pixels (0023); null for none, or for one stored before. */
  photo_width: number | null;
  photo_height: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramTemplatesTable {
  id: Generated<number>;
  /** Null for ours (shipped in data/programs). */
  clinic_id: number | null;
  slug: string;
  name: string;
  summary: Generated<string>;
  /** JSON array of { text, url? } */
  sources: Generated<string>;
  /** JSON: { weeks, sessionsPerWeek, items[] } */
  body: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type ProgramStatus = 'udkast' | 'inviteret' | 'aktiv' | 'afsluttet' | 'laast';

export interface ProgramsTable {
  id: Generated<number>;
  clinic_id: number;
  behandler_id: number;
  patient_id: number | null;
  status: Generated<ProgramStatus>;
  /** Boolean (0/1 on SQLite). */
  shared_with_clinic: Generated<boolean | number>;
  patient_label: string | null;
  current_version: Generated<number>;
  created_at: string;
  updated_at: string;
  locked_at: string | null;
  delete_after: string | null;
}

export interface ProgramVersionsTable {
  id: Generated<number>;
  program_id: number;
  version: number;
  goal: string;
  start_date: string;
  weeks: number;
  sessions_per_week: number;
  /** JSON array of ISO weekdays 1–7 */
  training_days: string;
  /** JSON array of program items */
  items: string;
  change_note: Generated<string>;
  proposal_id: number | null;
  created_by: number;
  created_at: string;
}

export interface ProgramConsentsTable {
  id: Generated<number>;
  program_id: number;
  user_id: number;
  text_version: string;
  given_at: string;
  withdrawn_at: string | null;
}

export interface SessionLogsTable {
  id: Generated<number>;
  program_id: number;
  version_id: number;
  day: string;
  idempotency_key: string;
  /** JSON: ExerciseLog[] */
  exercises: string;
  skipped_reason: string | null;
  max_pain: number | null;
  /** Counts as a session done (0019): not skipped, and an exercise with sets. Boolean (0/1 on SQLite). */
  done: boolean | number;
  created_at: string;
}

export interface CheckInsTable {
  id: Generated<number>;
  program_id: number;
  version_id: number;
  day: string;
  pain: number;
  compared: 'bedre' | 'som-normalt' | 'vaerre';
  created_at: string;
}

export type ProposalStatus = 'afventer' | 'accepteret' | 'afvist' | 'foraeldet';

export interface ProposalsTable {
  id: Generated<number>;
  program_id: number;
  version_id: number;
  item_id: string;
  rule: string;
  fingerprint: string;
  /** JSON: Proposal */
  body: string;
  status: Generated<ProposalStatus>;
  decided_by: number | null;
  decided_at: string | null;
  reason: string | null;
  created_at: string;
}

export type Instrument = 'nprs' | 'psfs' | 'tsk-17' | 'start-back';

export interface QuestionnaireSchedulesTable {
  id: Generated<number>;
  program_id: number;
  instrument: Instrument;
  at_start: Generated<boolean | number>;
  every_weeks: number | null;
  at_end: Generated<boolean | number>;
  /** JSON object (PSFS: { activities: string[] }) */
  settings: Generated<string>;
  created_by: number;
  created_at: string;
}

export interface QuestionnaireAnswersTable {
  id: Generated<number>;
  program_id: number;
  instrument: Instrument;
  day: string;
  answers: string;
  score: string;
  created_at: string;
}

export interface ReminderSettingsTable {
  program_id: number;
  enabled: Generated<boolean | number>;
  time: Generated<string>;
  /** JSON array of ISO weekdays; empty means the program's training days */
  days: Generated<string>;
  nudge: Generated<boolean | number>;
  unsubscribe_hash: string;
  updated_at: string;
}

export interface ScheduledSendsTable {
  key: string;
  created_at: string;
}

export interface RehabTables {
  behandler_profiles: BehandlerProfilesTable;
  clinic_dpa_acceptances: ClinicDpaAcceptancesTable;
  clinic_exercises: ClinicExercisesTable;
  program_templates: ProgramTemplatesTable;
  programs: ProgramsTable;
  program_versions: ProgramVersionsTable;
  program_consents: ProgramConsentsTable;
  session_logs: SessionLogsTable;
  check_ins: CheckInsTable;
  proposals: ProposalsTable;
  questionnaire_schedules: QuestionnaireSchedulesTable;
  questionnaire_answers: QuestionnaireAnswersTable;
  reminder_settings: ReminderSettingsTable;
  scheduled_sends: ScheduledSendsTable;
}
