import { beforeEach } from 'vitest';

/**
 * The `integration-postgres` project runs the HTTP files again with PostgreSQL as the app's
 * engine. Their test names do not say so; this mark in the report lets .ci/check-suites.mjs
 * see that they ran.
 */
beforeEach(({ task }) => {
  task.meta.engine = 'postgres';
});
