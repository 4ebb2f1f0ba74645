import type { ClinicCatalog } from '../directory/catalog.js';
import type { Directory } from '../directory/directory.js';
import { NEARBY_RADIUS_KM } from '../directory/listing.js';
import type { Specialty } from '../directory/specialties.js';
import type { Town } from '../directory/towns.js';

/**
 * The clinics a /krop page shows once a place is given: the nearest with the region's
 * specialty, by distance alone. The finder it links to ranks the full list by its stated rule
 * (ratings first); here the patient asked "who is near me", so the answer is just that.
 */
export interface NearClinic {
  slug: string;
  name: string;
  address: string;
  postcode: string;
  townName: string;
  distanceKm: number;
}

export function nearestClinics(catalog: ClinicCatalog, directory: Directory, town: Town, specialty: Specialty | null, limit: number): { total: number; items: NearClinic[] } {
  const matching = catalog.around(town, NEARBY_RADIUS_KM).filter((p) => !specialty || p.entry.specialtyIds.includes(specialty.id));
  const nearest = [...matching]
    .sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .slice(0, limit);
  return {
    total: matching.length,
    items: nearest.map(({ entry, distanceKm }) => ({
      slug: entry.slug,
      name: entry.name,
      address: entry.address,
      postcode: entry.postcode,
      townName: directory.towns.byId(entry.townId)?.name ?? '',
      distanceKm: distanceKm ?? 0,
    })),
  };
}
