/**
 * How clinics are ordered on every list (pages and API). The rule, in order:
 *
 * 1. Clinics in the town asked for come before clinics in nearby towns.
 * 2. Verified (claimed) clinics with published reviews come first, ordered by the Bayesian
 *    average of their first-party ratings: (C·m + Σ ratings) / (C + n), with prior mean
 *    m = 3.5 and weight C = 5 reviews. A few perfect reviews therefore do not beat many good
 *    ones: two 5★ give 3.93, forty reviews averaging 4.6 give 4.48.
 * 3. Ties, and every clinic without such a score, by distance: nearest first.
 * 4. Then by name (Danish order) so the order is stable.
 *
 * Paid placement does not exist. If it is ever added, it must be labelled on the page.
 */

const PRIOR_MEAN = 3.5;
const PRIOR_WEIGHT = 5;

/** What the rule reads of a clinic. */
export interface RankedClinic {
  inTown: boolean;
  /** scoreKey() of the clinic, computed once. */
  scoreKey: number;
  /** Null on country-wide lists (no point to measure from). */
  distanceKm: number | null;
  /** A key that sorts names the Danish way with plain string comparison. */
  sortKey: string;
  id: number;
}

/** What the score reads of a clinic: first-party ratings count only for verified clinics. */
export interface Reviewed {
  verified: boolean;
  reviewCount: number;
  ratingSum: number;
}

/** The Bayesian average, or null when the clinic is unverified or has no published review. */
export function bayesianScore(c: Reviewed): number | null {
  if (!c.verified || c.reviewCount <= 0) return null;
  return (PRIOR_WEIGHT * PRIOR_MEAN + c.ratingSum) / (PRIOR_WEIGHT + c.reviewCount);
}

/**
 * The score in hundredths, rounded half up; -1 when there is none. Scores are compared this
 * way, so 4.481 and 4.479 tie and distance decides.
 */
export function scoreKey(c: Reviewed): number {
  if (!c.verified || c.reviewCount <= 0) return -1;
  return Math.floor(((PRIOR_WEIGHT * PRIOR_MEAN + c.ratingSum) * 100) / (PRIOR_WEIGHT + c.reviewCount) + 0.5);
}

export function compareClinics(a: RankedClinic, b: RankedClinic): number {
  if (a.inTown !== b.inTown) return a.inTown ? -1 : 1;
  const byScore = b.scoreKey - a.scoreKey;
  if (byScore !== 0) return byScore;
  const byDistance = (a.distanceKm ?? 0) - (b.distanceKm ?? 0);
  if (byDistance !== 0) return byDistance;
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.id - b.id;
}
