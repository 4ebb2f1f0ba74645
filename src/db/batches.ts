/**
 * Splits rows for multi-row statements: no batch carries more bound parameters than
 * `maxParameters`, nor more than `maxRows` rows (very long statements stop paying off).
 * Domain code calls `batchesFor(db, …)` from engine.ts, which knows the engine's limit.
 */
export function batchesOf<T>(rows: readonly T[], parametersPerRow: number, maxParameters: number, maxRows = 500): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParameters / Math.max(1, parametersPerRow))));
  const batches: T[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));
  return batches;
}
