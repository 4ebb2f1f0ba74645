import type { Db } from '../db/engine.js';
import { SpecialtyCatalog, loadSpecialtyCatalog } from './specialties.js';
import { TownIndex, loadTownIndex } from './towns.js';

/** The directory's reference data, held in memory by every process. */
export interface Directory {
  towns: TownIndex;
  specialties: SpecialtyCatalog;
}

export async function loadDirectory(db: Db): Promise<Directory> {
  const [towns, specialties] = await Promise.all([loadTownIndex(db), loadSpecialtyCatalog(db)]);
  return { towns, specialties };
}

export { SpecialtyCatalog, TownIndex };
