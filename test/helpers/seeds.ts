import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The seed documents: real examples of the formats we import, beside the checkout in
 * ../shared/seeds (or where SEEDS_DIR points, e.g. from a git worktree). Their prose is not
 * ours: tests read them, the project never copies them. Suites that need them skip when they
 * are absent, and name themselves with SEEDS_SUITE so .ci/check-suites.mjs fails CI then.
 */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

export const HAVE_SEEDS = existsSync(SEEDS_DIR);

/** The words every seed suite's name contains; .ci/check-suites.mjs looks for them. */
export const SEEDS_SUITE = '../shared/seeds';
