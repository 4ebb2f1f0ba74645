import type { VNode } from 'preact';
import type { ViewContext } from '../../../web/layout.js';
import type { SpecialtyCatalog } from '../../specialties.js';
import type { RequestField } from '../requests.js';
import { ErrorSummary, FieldError, OwnerLayout } from './parts.js';

const FIELDS: Array<{ name: RequestField; label: string; hint?: string; type?: string; area?: boolean }> = [
  { name: 'name', label: 'Klinikkens navn' },
  { name: 'address', label: 'Adresse', hint: 'Vej og nummer' },
  { name: 'postcode', label: 'Postnummer' },
  { name: 'phone', label: 'Telefon', type: 'tel' },
  { name: 'email', label: 'E-mail', type: 'email' },
  { name: 'website', label: 'Hjemmeside', hint: 'Fx klinik.dk' },
  { name: 'booking_url', label: 'Booking-link' },
  { name: 'ydernummer', label: 'Ydernummer', hint: 'ja eller nej' },
  { name: 'handicap_access', label: 'Handicapadgang', hint: 'ja, nej eller tom, hvis du ikke ved det' },
  { name: 'vederlagsfri', label: 'Vederlagsfri fysioterapi', hint: 'ja eller nej (gratis med lægehenvisning, betalt af kommunen)' },
  { name: 'opening_hours', label: 'Åbningstider', hint: 'Fx "man-tor 8-16, fre 8-14"' },
  { name: 'prices', label: 'Priser', hint: 'Fx "Første konsultation|60|650; Behandling|30|450" (navn|minutter|kr.)' },
  { name: 'team', label: 'Team', hint: 'Fx "Mette Holm|Fysioterapeut; Ali Khan"' },
  { name: 'about', label: 'Om klinikken', area: true },
];

/** A requested clinic's field by its name on the form, for the administrators' queue. */
export function requestFieldLabel(name: string): string {
  return name === 'specialties' ? 'Specialer' : (FIELDS.find((f) => f.name === name)?.label ?? name);
}

export function RequestPage({ ctx, values, specialties, chosen, errors, csrf }: {
  ctx: ViewContext;
  values: Record<string, string>;
  specialties: SpecialtyCatalog;
  chosen: string[];
  errors: Partial<Record<RequestField, string>>;
  csrf: VNode;
}) {
  const describedBy = (f: (typeof FIELDS)[number]) => [f.hint ? `${f.name}-hjaelp` : '', errors[f.name] ? `${f.name}-fejl` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <OwnerLayout ctx={ctx} title="Anmod om en ny klinik" path="/klinikejer/ny-klinik" crumbs={[{ name: 'Ny klinik', path: '/klinikejer/ny-klinik' }]}>
      <h1>Anmod om en ny klinik</h1>
      <p>Udfyld klinikkens oplysninger. En administrator ser anmodningen igennem; når den er godkendt, vises klinikken, og du bliver dens ejer.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/klinikejer/ny-klinik" class="owner-form">
        {csrf}
        {FIELDS.map((f) => (
          <div class="field" key={f.name}>
            <label for={f.name}>{f.label}</label>
            {f.area ? (
              <textarea id={f.name} name={f.name} rows={5} maxLength={5000} aria-invalid={errors[f.name] ? 'true' : undefined} aria-describedby={describedBy(f)}>
                {values[f.name] ?? ''}
              </textarea>
            ) : (
              <input id={f.name} name={f.name} type={f.type ?? 'text'} value={values[f.name] ?? ''} aria-invalid={errors[f.name] ? 'true' : undefined} aria-describedby={describedBy(f)} />
            )}
            {f.hint && (
              <p class="hint" id={`${f.name}-hjaelp`}>
                {f.hint}
              </p>
            )}
            <FieldError id={f.name} message={errors[f.name]} />
          </div>
        ))}
        <fieldset id="specialties">
          <legend>Specialer (op til 10)</legend>
          <FieldError id="specialties" message={errors.specialties} />
          <ul class="check-grid">
            {specialties.all.map((s) => (
              <li key={s.slug}>
                <input type="checkbox" id={`speciale_${s.slug}`} name={`speciale_${s.slug}`} value="ja" checked={chosen.includes(s.slug)} />
                <label for={`speciale_${s.slug}`}>{s.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" class="button">
          Send anmodning
        </button>
      </form>
    </OwnerLayout>
  );
}
