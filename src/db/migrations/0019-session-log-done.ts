import type { Kysely } from 'kysely';

/**
 * Frozen once on main: whether a session log counts as a session done (not skipped, and at
 * least one exercise with sets: src/rehab/adherence.ts, `isDone`), stored with the log so that
 * the behandler's worklist counts done days without reading each log's exercises (parsing
 * them was most of the worklist's time at 500 patients). Existing logs are filled in here.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const bool = engine === 'sqlite' ? 'integer' : 'boolean';
  await db.schema
    .alterTable('session_logs')
    .addColumn('done', bool, (c) => c.notNull().defaultTo(engine === 'sqlite' ? 0 : false))
    .execute();
  let after = 0;
  for (;;) {
    const rows: { id: number; skipped_reason: string | null; exercises: string }[] = await db
      .selectFrom('session_logs')
      .select(['id', 'skipped_reason', 'exercises'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const done = rows.filter((r) => r.skipped_reason === null && exercisesDone(r.exercises)).map((r) => r.id);
    if (done.length > 0) await db.updateTable('session_logs').set({ done: engine === 'sqlite' ? 1 : true }).where('id', 'in', done).execute();
  }
}

/** The rule as it stood when this migration was written (a copy: migrations do not change). */
function exercisesDone(json: string): boolean {
  try {
    const exercises = JSON.parse(json) as { skipped?: unknown; sets?: unknown[] }[];
    return Array.isArray(exercises) && exercises.some((e) => !e.skipped && Array.isArray(e.sets) && e.sets.length > 0);
  } catch {
    return false;
  }
}
