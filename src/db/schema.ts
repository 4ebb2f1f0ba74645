import type { Generated } from 'kysely';
import type { Bool, DirectoryTables } from './schema-directory.js';
import type { RehabTables } from './schema-rehab.js';

export type * from './schema-directory.js';

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

export interface Database extends RehabTables, DirectoryTables {
  authors: AuthorsTable;
  articles: ArticlesTable;
  article_aliases: ArticleAliasesTable;
  article_pending_links: ArticlePendingLinksTable;
  media: MediaTable;
  search_docs: SearchDocsTable;
  search_terms: SearchTermsTable;
  search_term_grams: SearchTermGramsTable;
  body_regions: BodyRegionsTable;
  exercises: ExercisesTable;
  exercise_regions: ExerciseRegionsTable;
  exercise_equipment: ExerciseEquipmentTable;
  article_regions: ArticleRegionsTable;
  specialty_regions: SpecialtyRegionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  clinic_memberships: ClinicMembershipsTable;
  email_tokens: EmailTokensTable;
  login_attempts: LoginAttemptsTable;
  passkeys: PasskeysTable;
  passkey_challenges: PasskeyChallengesTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}

/** SQLite hands booleans back as 0/1; PostgreSQL as booleans. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
