import { formatKm } from '../../text/numbers.js';
import type { SpecialtyCatalog } from '../specialties.js';
import type { Town } from '../towns.js';

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

export function Badges(props: { ydernummer: boolean; handicapAccess: boolean | null; verified: boolean; isDemo: boolean }) {
  return (
    <ul class="badges" aria-label="Kendetegn">
      {props.verified && <li class="badge badge-verified">Verificeret klinik</li>}
      {props.ydernummer && <li class="badge">Ydernummer (tilskud med henvisning)</li>}
      {props.handicapAccess && <li class="badge">Handicapvenlig adgang</li>}
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
 * The search form: a town or postcode, a specialty and the two filters. Works as a plain GET
 * form; find-form.js adds autocomplete on top.
 */
export function FindForm(props: {
  specialties: SpecialtyCatalog;
  town?: Town | null;
  specialtySlug?: string | null;
  handicap?: boolean;
  ydernummer?: boolean;
  idPrefix: string;
  compact?: boolean;
}) {
  const id = (name: string) => `${props.idPrefix}-${name}`;
  return (
    <form class={`find-form${props.compact ? ' find-form-compact' : ''}`} action="/find/fysioterapeut" method="get" aria-label="Find en fysioterapeut">
      <div class="field field-town">
        <label for={id('by')}>By eller postnummer</label>
        <input
          id={id('by')}
          name="by"
          type="text"
          value={props.town?.name ?? ''}
          placeholder="Fx 2100 eller Aarhus"
          autocomplete="off"
          data-town-autocomplete
          required
        />
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
        <label>
          <input type="checkbox" name="handicap" value="true" checked={props.handicap} /> Handicapvenlig adgang
        </label>
        <label>
          <input type="checkbox" name="ydernummer" value="true" checked={props.ydernummer} /> Ydernummer (tilskud med henvisning)
        </label>
      </fieldset>
      <button type="submit">Find fysioterapeut</button>
    </form>
  );
}

