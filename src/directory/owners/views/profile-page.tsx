import type { VNode } from 'preact';
import { ColumnHeadings } from '../../../web/stacked-table.js';
import type { ViewContext } from '../../../web/layout.js';
import { WEEKDAYS } from '../../opening-hours.js';
import type { SpecialtyCatalog } from '../../specialties.js';
import { clinicPath } from '../../clinics.js';
import { type FormBody, DAY_NAMES, MAX_ROWS, PROFILE_LABELS, type ProfileField, SPARE_ROWS } from '../profile-form.js';
import { formatDanishDate } from '../../../text/dates.js';
import { ClinicTabs, ErrorSummary, FieldError, Flash, OwnerLayout, ownerClinicPath } from './parts.js';

type Errors = Partial<Record<ProfileField, string>>;

export interface ProfilePageProps {
  ctx: ViewContext;
  clinic: { slug: string; name: string; address: string; postcode: string; townName: string };
  values: FormBody;
  errors: Errors;
  specialties: SpecialtyCatalog;
  acceptingStatedOn: string | null;
  csrf: VNode;
  flash: string | null;
}

const described = (id: string, errors: Errors, field: ProfileField, hint = false) =>
  [hint ? `${id}-hjaelp` : '', errors[field] ? `${id}-fejl` : ''].filter(Boolean).join(' ') || undefined;

function TextField({ field, values, errors, type = 'text', hint, autocomplete }: { field: ProfileField; values: FormBody; errors: Errors; type?: string; hint?: string; autocomplete?: string }) {
  return (
    <div class="field">
      <label for={field}>{PROFILE_LABELS[field]}</label>
      <input id={field} name={field} type={type} value={values[field] ?? ''} autocomplete={autocomplete} aria-invalid={errors[field] ? 'true' : undefined} aria-describedby={described(field, errors, field, Boolean(hint))} />
      {hint && <p class="hint" id={`${field}-hjaelp`}>{hint}</p>}
      <FieldError id={field} message={errors[field]} />
    </div>
  );
}

/** Row numbers to show: the filled ones and a few empty ones to add more without JavaScript. */
function rowNumbers(values: FormBody, prefix: string): number[] {
  const used = Object.keys(values).flatMap((k) => {
    const m = new RegExp(`^${prefix}_(\\d+)_`).exec(k);
    return m && values[k] ? [Number(m[1])] : [];
  });
  const count = Math.min(MAX_ROWS, (used.length ? Math.max(...used) + 1 : 0) + SPARE_ROWS);
  return Array.from({ length: count }, (_, i) => i);
}

/** The opening-hours table's time columns: two periods a day, each opening and closing. */
const HOURS_COLUMNS = [
  { n: 1, edge: 'opens', heading: 'Åbner' },
  { n: 1, edge: 'closes', heading: 'Lukker' },
  { n: 2, edge: 'opens', heading: 'Åbner igen' },
  { n: 2, edge: 'closes', heading: 'Lukker igen' },
] as const;

function HoursFieldset({ values, errors }: { values: FormBody; errors: Errors }) {
  return (
    <fieldset id="opening_hours" aria-describedby={described('opening_hours', errors, 'opening_hours', true)}>
      <legend>{PROFILE_LABELS.opening_hours}</legend>
      <p class="hint" id="opening_hours-hjaelp">
        Skriv tiderne som 08:00 og 16:00. Lad en dag stå tom, hvis klinikken har lukket. Har I lukket midt på dagen, så brug andet tidsrum.
      </p>
      <FieldError id="opening_hours" message={errors.opening_hours} />
      <div class="table-scroll">
        <table class="hours-table stack-narrow" role="table">
          <ColumnHeadings headings={['Dag', ...HOURS_COLUMNS.map((c) => c.heading)]} />
          <tbody role="rowgroup">
            {WEEKDAYS.map((day) => (
              <tr key={day} role="row">
                <th scope="row" role="rowheader">
                  {DAY_NAMES[day]}
                </th>
                {HOURS_COLUMNS.map(({ n, edge, heading }) => {
                  const name = `hours_${day}_${n}_${edge}`;
                  return (
                    <td key={name} role="cell" data-label={heading}>
                      <input type="time" name={name} id={name} aria-label={`${DAY_NAMES[day]}: ${heading.toLowerCase()}`} value={values[name] ?? ''} step={300} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="field">
        <label for="hours_note">Bemærkning til åbningstiderne (valgfri)</label>
        <input id="hours_note" name="hours_note" type="text" value={values.hours_note ?? ''} maxLength={300} />
      </div>
    </fieldset>
  );
}

function RowsFieldset({ field, legend, hint, values, errors, prefix, columns }: {
  field: ProfileField;
  legend: string;
  hint: string;
  values: FormBody;
  errors: Errors;
  prefix: string;
  columns: Array<{ key: string; label: string; inputMode?: 'numeric' | 'decimal' }>;
}) {
  return (
    <fieldset id={field} aria-describedby={described(field, errors, field, true)}>
      <legend>{legend}</legend>
      <p class="hint" id={`${field}-hjaelp`}>{hint}</p>
      <FieldError id={field} message={errors[field]} />
      <div class="table-scroll">
        <table class="rows-table stack-narrow" role="table">
          <ColumnHeadings headings={columns.map((c) => c.label)} />
          <tbody role="rowgroup">
            {rowNumbers(values, prefix).map((row) => (
              <tr key={row} role="row">
                {columns.map((c) => {
                  const name = `${prefix}_${row}_${c.key}`;
                  return (
                    <td key={c.key} role="cell" data-label={c.label}>
                      <input type="text" name={name} id={name} aria-label={`${c.label}, række ${row + 1}`} value={values[name] ?? ''} inputMode={c.inputMode} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

export function ProfilePage({ ctx, clinic, values, errors, specialties, acceptingStatedOn, csrf, flash }: ProfilePageProps) {
  const path = ownerClinicPath(clinic.slug);
  return (
    <OwnerLayout ctx={ctx} title={`Rediger ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path }]}>
      <h1>{clinic.name}</h1>
      <p>
        {clinic.address}, {clinic.postcode} {clinic.townName} · <a href={clinicPath(clinic.slug)}>Se klinikkens side</a>
      </p>
      <ClinicTabs slug={clinic.slug} current="" />
      <Flash message={flash} />
      <ErrorSummary errors={errors} />
      <form method="post" action={path} class="owner-form" novalidate>
        {csrf}
        <fieldset>
          <legend>Nye patienter</legend>
          <div class="field">
            <label for="accepting_patients">{PROFILE_LABELS.accepting_patients}</label>
            <select id="accepting_patients" name="accepting_patients" aria-invalid={errors.accepting_patients ? 'true' : undefined} aria-describedby={described('accepting_patients', errors, 'accepting_patients')}>
              {[['', 'Ikke oplyst'], ['ja', 'Ja'], ['nej', 'Nej']].map(([v, label]) => (
                <option value={v} selected={(values.accepting_patients ?? '') === v} key={v}>{label}</option>
              ))}
            </select>
            <FieldError id="accepting_patients" message={errors.accepting_patients} />
          </div>
          <TextField field="waiting_weeks" values={values} errors={errors} hint={`Forventet ventetid i uger på en første tid (0 = ingen ventetid).${acceptingStatedOn ? ` Sidst opdateret ${formatDanishDate(acceptingStatedOn)}.` : ''}`} />
        </fieldset>
        <fieldset>
          <legend>Kontakt</legend>
          <TextField field="phone" type="tel" values={values} errors={errors} autocomplete="tel" />
          <TextField field="email" type="email" values={values} errors={errors} autocomplete="email" />
          <TextField field="website" values={values} errors={errors} hint="Fx klinik.dk eller https://klinik.dk/" />
          <TextField field="booking_url" values={values} errors={errors} hint="Adressen, hvor patienter kan booke en tid" />
        </fieldset>
        <fieldset>
          <legend>Forhold</legend>
          <div class="field field-check">
            <input type="checkbox" id="ydernummer" name="ydernummer" value="ja" checked={values.ydernummer === 'ja'} />
            <label for="ydernummer">Klinikken har ydernummer (tilskud fra den offentlige sygesikring)</label>
          </div>
          <div class="field field-check">
            <input type="checkbox" id="vederlagsfri" name="vederlagsfri" value="ja" checked={values.vederlagsfri === 'ja'} />
            <label for="vederlagsfri">Klinikken tilbyder vederlagsfri fysioterapi (gratis med lægehenvisning, betalt af kommunen)</label>
          </div>
          <div class="field">
            <label for="handicap_access">{PROFILE_LABELS.handicap_access}</label>
            <select id="handicap_access" name="handicap_access">
              {[['', 'Ikke oplyst'], ['ja', 'Ja, der er adgang for kørestol'], ['nej', 'Nej']].map(([v, label]) => (
                <option value={v} selected={(values.handicap_access ?? '') === v} key={v}>{label}</option>
              ))}
            </select>
          </div>
        </fieldset>
        <div class="field">
          <label for="about">{PROFILE_LABELS.about}</label>
          <textarea id="about" name="about" rows={6} maxLength={5000} aria-invalid={errors.about ? 'true' : undefined} aria-describedby={described('about', errors, 'about')}>
            {values.about ?? ''}
          </textarea>
          <FieldError id="about" message={errors.about} />
        </div>
        <fieldset id="specialties" aria-describedby={described('specialties', errors, 'specialties', true)}>
          <legend>{PROFILE_LABELS.specialties}</legend>
          <p class="hint" id="specialties-hjaelp">Vælg op til 10.</p>
          <FieldError id="specialties" message={errors.specialties} />
          <ul class="check-grid">
            {specialties.all.map((s) => (
              <li key={s.slug}>
                <input type="checkbox" id={`speciale_${s.slug}`} name={`speciale_${s.slug}`} value="ja" checked={values[`speciale_${s.slug}`] !== undefined} />
                <label for={`speciale_${s.slug}`}>{s.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <HoursFieldset values={values} errors={errors} />
        <RowsFieldset
          field="prices"
          legend={PROFILE_LABELS.prices}
          hint="Én ydelse pr. række; varighed i minutter er valgfri. Tøm en række for at fjerne den."
          values={values}
          errors={errors}
          prefix="price"
          columns={[{ key: 'name', label: 'Ydelse' }, { key: 'minutes', label: 'Minutter', inputMode: 'numeric' }, { key: 'kr', label: 'Pris i kr.', inputMode: 'decimal' }]}
        />
        <RowsFieldset
          field="team"
          legend={PROFILE_LABELS.team}
          hint="Én person pr. række; titlen er valgfri. Tøm en række for at fjerne personen."
          values={values}
          errors={errors}
          prefix="team"
          columns={[{ key: 'name', label: 'Navn' }, { key: 'title', label: 'Titel' }]}
        />
        <button type="submit" class="button">Gem ændringer</button>
      </form>
    </OwnerLayout>
  );
}
