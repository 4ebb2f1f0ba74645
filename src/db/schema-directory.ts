import type { Generated } from 'kysely';
import type { ClinicRole } from './schema.js';

/**
 * The directory's tables (towns, clinics, reviews and moderation, visitor counts, clinic
 * owners, the public tariff), as schema.ts describes the rest: dates and timestamps are
 * strings, JSON columns are text, booleans are 0/1 on SQLite (`toBool` in schema.ts).
 * Split from schema.ts to keep it readable; schema.ts re-exports every type here.
 */

// ── directory ──────────────────────────────────────────────────────────────────────────

/** SQLite stores booleans as 0/1. */
export type Bool = boolean | number;

export interface TownsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  preposition: 'i' | 'på';
  lat: number;
  lon: number;
  municipality: string;
  region: string;
}

export interface PostcodesTable {
  postcode: string;
  place: string;
  municipality: string;
  region: string;
  lat: number;
  lon: number;
  town_id: number;
}

export interface SpecialtiesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface ClinicsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_key: string;
  sort_key: string;
  address: string;
  postcode: string;
  town_id: number;
  lat: number;
  lon: number;
  phone: string | null;
  email: string | null;
  website: string | null;
  booking_url: string | null;
  ydernummer: Bool;
  handicap_access: Bool | null;
  /** Vederlagsfri fysioterapi (0022). */
  vederlagsfri: Generated<Bool>;
  about: string | null;
  /** JSON: [{ name, durationMinutes, priceKr }]. */
  prices: string;
  /** JSON: OpeningHours, or null when unknown. */
  opening_hours: string | null;
  verified: Bool;
  is_demo: Bool;
  review_count: Generated<number>;
  rating_sum: Generated<number>;
  created_at: string;
  updated_at: string;
  /** Stated by an owner: takes new patients (null: not stated), the waiting time, and when. */
  accepting_patients: Bool | null;
  waiting_weeks: number | null;
  accepting_stated_on: string | null;
  /** Genoptræning (0016): years a deleted patient's locked programs are kept (10–30, default 10). */
  rehab_retention_years: Generated<number>;
}

export interface ClinicSpecialtiesTable {
  clinic_id: number;
  specialty_id: number;
}

export interface ClinicTeamMembersTable {
  id: Generated<number>;
  clinic_id: number;
  name: string;
  title: string | null;
  position: number;
}

export interface ReviewsTable {
  id: Generated<number>;
  clinic_id: number;
  rating: number;
  text: string;
  author_name: string;
  status: 'pending' | 'published' | 'rejected';
  verified_visit: Bool;
  /** The rejection reason sent to the author. */
  moderation_note: string | null;
  created_at: string;
  published_at: string | null;
  /** The author's account; null for demo and imported reviews. */
  user_id: number | null;
  /** YYYY-MM. */
  visit_month: string | null;
  consented_at: string | null;
  edited_at: string | null;
  /** Set while a report waits for an editor; the review stays published meanwhile. */
  reported_at: string | null;
  moderated_by: number | null;
}

export type ModerationStatus = 'pending' | 'published' | 'rejected';

export interface ReviewAnswersTable {
  id: Generated<number>;
  review_id: number;
  user_id: number | null;
  text: string;
  status: ModerationStatus;
  moderation_note: string | null;
  moderated_by: number | null;
  created_at: string;
  published_at: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  author_name: string;
  text: string;
  status: ModerationStatus;
  moderation_note: string | null;
  moderated_by: number | null;
  reported_at: string | null;
  created_at: string;
  published_at: string | null;
}

export interface ReportsTable {
  id: Generated<number>;
  subject_type: 'review' | 'comment';
  subject_id: number;
  reporter_id: number;
  reason: string;
  created_at: string;
  resolved_at: string | null;
}

export type ClinicEvent =
  | 'impression'
  | 'profile_view'
  | 'contact_phone'
  | 'contact_email'
  | 'contact_website'
  | 'contact_booking';

export interface ClinicEventDailyTable {
  clinic_id: number;
  /** YYYY-MM-DD, Danish calendar day. */
  day: string;
  event: ClinicEvent;
  count: number;
}

export interface ClinicEventVisitorsTable {
  day: string;
  clinic_id: number;
  event: ClinicEvent;
  visitor: string;
}

export interface DailySaltsTable {
  day: string;
  salt: string;
}


// ── clinic owners ──────────────────────────────────────────────────────────────────────

export type Decision = 'pending' | 'approved' | 'rejected';

/** A field an owner has edited: a later import leaves it as the owner wrote it. */
export interface ClinicOwnerFieldsTable {
  clinic_id: number;
  field: string;
  edited_at: string;
}

/** The change log: one row per changed field, values as the owner saw them. */
export interface ClinicChangesTable {
  id: Generated<number>;
  clinic_id: number;
  user_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
  created_at: string;
}

export interface ClinicClosuresTable {
  id: Generated<number>;
  clinic_id: number;
  /** YYYY-MM-DD, both days included. */
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_at: string;
}

export interface ClinicClaimsTable {
  id: Generated<number>;
  clinic_id: number;
  user_id: number;
  method: 'email' | 'admin';
  email: string | null;
  message: string | null;
  status: Decision;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface ClinicRequestsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** JSON: the form's fields as sent. */
  input: string;
  status: Decision;
  clinic_id: number | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
}

export interface ClinicInvitationsTable {
  id: Generated<number>;
  clinic_id: number;
  email: string;
  /** The role accepting gives (0012); every invitation before it made an owner. */
  role: Generated<ClinicRole>;
  invited_by: number | null;
  accepted_by: number | null;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}


/** One public tariff per day it takes effect (0020). */
export interface TariffsTable {
  /** `YYYY-MM-DD`. */
  effective_from: string;
  source: string;
  /** Shown to patients beside the figures. */
  patient_note: string;
  /** JSON: [{ name, durationMinutes, patientKr, totalKr }]. */
  items: string;
  imported_at: string;
}

export interface DirectoryTables {
  towns: TownsTable;
  postcodes: PostcodesTable;
  specialties: SpecialtiesTable;
  clinics: ClinicsTable;
  clinic_specialties: ClinicSpecialtiesTable;
  clinic_team_members: ClinicTeamMembersTable;
  reviews: ReviewsTable;
  review_answers: ReviewAnswersTable;
  comments: CommentsTable;
  reports: ReportsTable;
  clinic_event_daily: ClinicEventDailyTable;
  clinic_event_visitors: ClinicEventVisitorsTable;
  daily_salts: DailySaltsTable;
  clinic_owner_fields: ClinicOwnerFieldsTable;
  clinic_changes: ClinicChangesTable;
  clinic_closures: ClinicClosuresTable;
  clinic_claims: ClinicClaimsTable;
  clinic_requests: ClinicRequestsTable;
  clinic_invitations: ClinicInvitationsTable;
  tariffs: TariffsTable;
}
