import type { Generated } from 'kysely';
import type { RehabTables } from './schema-rehab.js';

/**
 * Table types as the application sees them. Timestamps are ISO 8601 strings and calendar
 * dates are `YYYY-MM-DD` on both engines; JSON columns are text holding JSON. Booleans are
 * `boolean` on PostgreSQL and 0/1 on SQLite: decode them with `toBool` where rows are read.
 */

// ── content ────────────────────────────────────────────────────────────────────────────

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string | null;
  bio: string | null;
  created_at: string;
  updated_at: string;
}

export type ArticleKind = 'ordbog' | 'blog';

export interface ArticlesTable {
  id: Generated<number>;
  kind: ArticleKind;
  slug: string;
  title: string;
  meta_title: string | null;
  description: string;
  source_format: 'markdown' | 'wix';
  source: string;
  html: string;
  /** JSON: [{ id, text }] of the H2s. */
  toc: string;
  /** JSON: { heading: { id, text } | null, items: [{ question, answer, answerHtml }] }. */
  faq: string;
  reading_minutes: number;
  date_published: string;
  date_modified: string;
  author_id: number | null;
  /** JSON: [{ type, slug }] of related articles; `type` null when the source gave a bare slug. */
  related: string;
  /** The file the article was imported from (absolute path), or null. */
  source_file: string | null;
  /** JSON: { name, title, lastReviewed } of the professional who reviewed it, or null (0018). */
  reviewed_by: string | null;
  /** JSON: [{ text, url }] of the sources it builds on (0018). */
  sources: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** An old slug (as written, any case) that answers 301 to the article's current URL. */
export interface ArticleAliasesTable {
  kind: ArticleKind;
  slug: string;
  article_id: number;
  created_at: string;
}

/** A link to the old site kept as it was until an article at `path` exists here. */
export interface ArticlePendingLinksTable {
  article_id: number;
  href: string;
  path: string;
}

/** Images by SHA-256 of their bytes, served from /media/{hash}.{ext}. */
export interface MediaTable {
  hash: string;
  content_type: string;
  width: number;
  height: number;
  size: number;
  bytes: Uint8Array;
  created_at: string;
}

// ── search ─────────────────────────────────────────────────────────────────────────────

/** Every kind of thing the one search index holds: the one list (zod enums and labels follow it). */
export const SEARCH_KINDS = ['ordbog', 'blog', 'clinic', 'exercise', 'tool'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchDocsTable {
  id: Generated<number>;
  kind: SearchKind;
  ref_id: number;
  slug: string;
  title: string;
  url: string;
  /** Plain text the snippets are cut from. */
  body_text: string;
  updated_at: string;
}

export interface SearchTermsTable {
  term: string;
}

export interface SearchTermGramsTable {
  gram: string;
  term: string;
}

// ── directory ──────────────────────────────────────────────────────────────────────────

/** SQLite stores booleans as 0/1. */
type Bool = boolean | number;

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

// ── exercises and body regions ─────────────────────────────────────────────────────────

/** Shared by exercises, articles, specialties and the body map; filled from exercises/vocabulary.ts. */
export interface BodyRegionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
}

export interface ExercisesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  level: number;
  easier_slug: string | null;
  harder_slug: string | null;
  start_position: string;
  /** JSON: string[]. */
  steps: string;
  feel: string;
  /** JSON: string[]. */
  mistakes: string;
  stop_if: string;
  /** JSON: { sets, reps?, holdSeconds?, perSide, perWeek }. */
  dose: string;
  /** JSON: the scene (start and end pose, props) the pictures are drawn from. */
  pose: string;
  created_at: string;
  updated_at: string;
}

export interface ExerciseRegionsTable {
  exercise_id: number;
  region_id: number;
  position: number;
}

export interface ExerciseEquipmentTable {
  exercise_id: number;
  equipment: string;
  position: number;
}

export interface ArticleRegionsTable {
  article_id: number;
  region_id: number;
}

export interface SpecialtyRegionsTable {
  specialty_id: number;
  region_id: number;
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

// ── accounts ───────────────────────────────────────────────────────────────────────────

export type GlobalRole = 'patient' | 'redaktoer' | 'admin';
export type ClinicRole = 'klinikejer' | 'behandler';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  /** Trimmed, lower-cased: unique. */
  email_key: string;
  name: string;
  password_hash: string | null;
  role: GlobalRole;
  email_verified_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  id_hash: string;
  user_id: number;
  role: GlobalRole;
  remember: Bool;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ClinicMembershipsTable {
  user_id: number;
  clinic_id: number;
  role: ClinicRole;
  created_at: string;
}

export interface EmailTokensTable {
  id: Generated<number>;
  purpose: string;
  token_hash: string;
  user_id: number | null;
  email: string | null;
  subject_id: number | null;
  /** JSON object. */
  data: Generated<string>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  scope: 'account' | 'address';
  key: string;
  failures: number;
  last_failed_at: string;
  locked_until: string | null;
}

export interface PasskeysTable {
  id: Generated<number>;
  user_id: number;
  /** base64url */
  credential_id: string;
  /** base64url of the COSE public key */
  public_key: string;
  counter: number;
  /** JSON array of transports */
  transports: Generated<string>;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface PasskeyChallengesTable {
  challenge: string;
  purpose: 'register' | 'authenticate';
  user_id: number | null;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: number | null;
  /** JSON object, never personal data (people by id only). */
  details: Generated<string>;
  address: string | null;
  created_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON object of extra headers (0017), e.g. List-Unsubscribe; null for none. */
  headers: Generated<string | null>;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

// ── the whole database ─────────────────────────────────────────────────────────────────

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

export interface Database extends RehabTables {
  authors: AuthorsTable;
  articles: ArticlesTable;
  article_aliases: ArticleAliasesTable;
  article_pending_links: ArticlePendingLinksTable;
  media: MediaTable;
  search_docs: SearchDocsTable;
  search_terms: SearchTermsTable;
  search_term_grams: SearchTermGramsTable;
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
  body_regions: BodyRegionsTable;
  exercises: ExercisesTable;
  exercise_regions: ExerciseRegionsTable;
  exercise_equipment: ExerciseEquipmentTable;
  article_regions: ArticleRegionsTable;
  specialty_regions: SpecialtyRegionsTable;
  clinic_owner_fields: ClinicOwnerFieldsTable;
  clinic_changes: ClinicChangesTable;
  clinic_closures: ClinicClosuresTable;
  clinic_claims: ClinicClaimsTable;
  clinic_requests: ClinicRequestsTable;
  clinic_invitations: ClinicInvitationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  clinic_memberships: ClinicMembershipsTable;
  email_tokens: EmailTokensTable;
  login_attempts: LoginAttemptsTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  tariffs: TariffsTable;
}

/** SQLite hands booleans back as 0/1; PostgreSQL as booleans. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
