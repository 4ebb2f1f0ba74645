import { formatCount, formatKm } from '../../text/numbers.js';
import type { SpecialtyCatalog } from '../specialties.js';
import type { Town } from '../towns.js';
import { FILTERS, type FindFilters, NO_FILTERS } from '../urls.js';

const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "★ 4,5 (12 anmeldelser)": the plain average, with the count, as patients expect to read it. */
export function Rating({ reviewCount, ratingSum }: { reviewCount: number; ratingSum: number }) {
  if (reviewCount === 0) return null;
  const average = ratingSum / reviewCount;
  return (
    <span class="rating">
      <span aria-hidden="true">★ </span>
      <span class="sr-only">Gennemsnit </span>
      {oneDecimal.format(average)}
      <span class="sr-only"> ud af 5</span> ({reviewCount} {reviewCount === 1 ? 'anmeldelse' : 'anmeldelser'})
    </span>
  );
}

/** What each filter is called on a form, a chip and a badge. */
export const FILTER_LABELS: Record<keyof FindFilters, string> = {
  ydernummer: 'Ydernummer (tilskud med henvisning)',
  vederlagsfri: 'Vederlagsfri fysioterapi',
  handicap: 'Handicapvenlig adgang',
  accepting: 'Tager imod nye patienter',
};

export function Badges(props: { ydernummer: boolean; handicapAccess: boolean | null; vederlagsfri?: boolean; verified: boolean; isDemo: boolean; omitVerified?: boolean }) {
  return (
    <ul class="badges" aria-label="Kendetegn">
      {props.verified && !props.omitVerified && <li class="badge badge-verified">Verificeret klinik</li>}
      {props.ydernummer && <li class="badge">{FILTER_LABELS.ydernummer}</li>}
      {props.vederlagsfri && <li class="badge">{FILTER_LABELS.vederlagsfri}</li>}
      {props.handicapAccess && <li class="badge">{FILTER_LABELS.handicap}</li>}
      {props.isDemo && <li class="badge badge-demo">Demoklinik – opdigtet</li>}
    </ul>
  );
}

export function Distance({ km, town }: { km: number | null; town?: Town | null }) {
  if (km === null) return null;
  return (
    <span class="distance">
      {formatKm(km)}
      {town ? ` fra ${town.name}` : ''}
    </span>
  );
}

/**
 * The search form: a town or postcode, a specialty and the filters. Works as a plain GET
 * form; find-form.js adds autocomplete and "Brug min placering" on top.
 */
export function FindForm(props: {
  specialties: SpecialtyCatalog;
  town?: Town | null;
  /** What the visitor typed, shown again when it did not name one town. */
  typed?: string;
  specialtySlug?: string | null;
  filters?: FindFilters;
  /** Per filter, how many clinics the list would keep with it. */
  counts?: Record<keyof FindFilters, number>;
  idPrefix: string;
  compact?: boolean;
}) {
  const id = (name: string) => `${props.idPrefix}-${name}`;
  const filters = props.filters ?? NO_FILTERS;
  return (
    <form class={`find-form${props.compact ? ' find-form-compact' : ''}`} action="/find/fysioterapeut" method="get" aria-label="Find en fysioterapeut">
      <div class="field field-town">
        <label for={id('by')}>By eller postnummer</label>
        <input
          id={id('by')}
          name="by"
          type="text"
          value={props.typed ?? props.town?.name ?? ''}
          placeholder="Fx 2100 eller Aarhus"
          autocomplete="off"
          data-town-autocomplete
          required
        />
        <button type="button" class="use-location" data-use-location hidden>
          Brug min placering
        </button>
      </div>
      <div class="field">
        <label for={id('speciale')}>Speciale</label>
        <select id={id('speciale')} name="speciale">
          <option value="">Alle specialer</option>
          {props.specialties.all.map((s) => (
            <option value={s.slug} selected={s.slug === props.specialtySlug} key={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="field field-flags">
        <legend class="sr-only">Krav til klinikken</legend>
        {FILTERS.map(({ key, param }) => (
          <label key={key}>
            <input type="checkbox" name={param} value="true" checked={filters[key]} /> {FILTER_LABELS[key]}
            {props.counts && !filters[key] && (
              <span class="filter-count">
                {' '}({formatCount(props.counts[key])}
                <span class="sr-only"> {props.counts[key] === 1 ? 'klinik' : 'klinikker'}</span>)
              </span>
            )}
          </label>
        ))}
      </fieldset>
      <button type="submit">Find fysioterapeut</button>
    </form>
  );
}

