import type { ClinicInput } from '../../src/directory/clinic-input.js';
import { saveClinic } from '../../src/directory/save-clinics.js';
import { type Directory, loadDirectory } from '../../src/directory/directory.js';
import { addPublishedReview } from '../../src/directory/reviews/published.js';
import type { Db } from '../../src/db/engine.js';

let counter = 0;

export function clinicInput(over: Partial<ClinicInput> = {}): ClinicInput {
  counter += 1;
  return {
    slug: null,
    name: `Testklinik ${counter}`,
    address: `Testvej ${counter}`,
    postcode: '8000',
    phone: '+4512345678',
    email: `klinik${counter}@example.org`,
    website: `https://klinik${counter}.example.org/`,
    bookingUrl: null,
    ydernummer: false,
    handicapAccess: null,
    vederlagsfri: false,
    about: 'En klinik til tests.',
    prices: [],
    openingHours: null,
    specialties: [],
    team: [],
    verified: false,
    isDemo: false,
    point: null,
    ...over,
  };
}

/** Saves a clinic the way the importer does, optionally with published reviews (ratings). */
export async function createClinic(db: Db, directory: Directory, over: Partial<ClinicInput> = {}, ratings: number[] = []) {
  return db.transaction().execute(async (trx) => {
    const saved = await saveClinic(trx, clinicInput(over), directory);
    for (const rating of ratings) {
      await addPublishedReview(trx, saved.id, { rating, text: 'God behandling.', authorName: 'Test T.', verifiedVisit: true, publishedAt: new Date().toISOString() });
    }
    return saved;
  });
}

export { loadDirectory };
