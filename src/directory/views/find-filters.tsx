import type { ClinicList } from '../listing.js';
import type { Specialty } from '../specialties.js';
import { FILTERS, type FindFilters, type FindParams, findPath } from '../urls.js';
import { FILTER_LABELS } from './parts.js';

/**
 * The finder's chosen filters as removable chips, and the specialty chips above the list: a
 * few that matter most, the rest behind "flere" (a phone shows the first clinic, not a wall of
 * chips).
 */

/** Chips are short: the form's label says the rest. */
const CHIP_LABELS: Record<keyof FindFilters, string> = {
  ydernummer: 'Ydernummer',
  vederlagsfri: 'Vederlagsfri fysioterapi',
  handicap: 'Handicapadgang',
  accepting: 'Tager nye patienter',
};

/** The big body regions: what most patients look for, never hidden behind "flere" where clinics have them. */
export const BODY_REGION_SPECIALTIES: readonly string[] = ['knae', 'ryg-og-laend', 'nakke', 'skulder'];

export const SHOWN_SPECIALTY_CHIPS = 6;

type Counted = ClinicList['specialtyCounts'][number];

/**
 * The chips shown at once: the chosen specialty, the big body regions present, and the most
 * common to fill up; the chosen one first, the others by count (as `counts` comes). The rest
 * (by count) go behind "flere".
 */
export function specialtyChips(counts: readonly Counted[], chosen: Specialty | null, limit = SHOWN_SPECIALTY_CHIPS): { shown: Counted[]; more: Counted[] } {
  const rank = (c: Counted) => (c.specialty.id === chosen?.id ? 0 : BODY_REGION_SPECIALTIES.includes(c.specialty.slug) ? 1 : 2);
  // A stable sort keeps the count order within each rank.
  const picked = new Set([...counts].sort((a, b) => rank(a) - rank(b)).slice(0, limit));
  const shown = counts.filter((c) => picked.has(c)).sort((a, b) => (rank(a) === 0 ? -1 : rank(b) === 0 ? 1 : 0));
  return { shown, more: counts.filter((c) => !picked.has(c)) };
}

function SpecialtyChip({ item, chosen, href }: { item: Counted; chosen: Specialty | null; href: string }) {
  const label = `${item.specialty.name} (${item.count})`;
  return <li>{item.specialty.id === chosen?.id ? <span aria-current="page">{label}</span> : <a href={href}>{label}</a>}</li>;
}

export function SpecialtyChips({ list, chosen, townSlug, params }: { list: ClinicList; chosen: Specialty | null; townSlug: string; params: FindParams }) {
  if (list.specialtyCounts.length === 0) return null;
  const { shown, more } = specialtyChips(list.specialtyCounts, chosen);
  const href = (s: Specialty) => findPath(townSlug, s.slug, { ...params, page: 1 });
  return (
    <nav class="chips" aria-label="Specialer her">
      <ul>
        {chosen && (
          <li>
            <a href={findPath(townSlug, null, { ...params, page: 1 })}>Alle specialer</a>
          </li>
        )}
        {shown.map((item) => (
          <SpecialtyChip item={item} chosen={chosen} href={href(item.specialty)} key={item.specialty.slug} />
        ))}
      </ul>
      {more.length > 0 && (
        <details class="chips-more">
          <summary>Flere specialer ({more.length})</summary>
          <ul>
            {more.map((item) => (
              <SpecialtyChip item={item} chosen={chosen} href={href(item.specialty)} key={item.specialty.slug} />
            ))}
          </ul>
        </details>
      )}
    </nav>
  );
}

/** Each chosen filter (and the specialty) as a link to the same list without it. */
export function ChosenFilters({ townSlug, specialty, params }: { townSlug: string; specialty: Specialty | null; params: FindParams }) {
  const chosen = FILTERS.filter(({ key }) => params[key]);
  if (chosen.length === 0 && !specialty) return null;
  return (
    <div class="chosen-filters">
      <h2 class="sr-only">Valgte filtre</h2>
      <ul>
        {specialty && (
          <li>
            <a href={findPath(townSlug, null, { ...params, page: 1 })} class="chip-remove">
              {specialty.name}
              <span class="sr-only"> – fjern filteret</span>
              <span aria-hidden="true" class="chip-x">×</span>
            </a>
          </li>
        )}
        {chosen.map(({ key }) => (
          <li key={key}>
            <a href={findPath(townSlug, specialty?.slug ?? null, { ...params, [key]: false, page: 1 })} class="chip-remove">
              <span aria-hidden="true">{CHIP_LABELS[key]}</span>
              <span class="sr-only">{FILTER_LABELS[key]} – fjern filteret</span>
              <span aria-hidden="true" class="chip-x">×</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
