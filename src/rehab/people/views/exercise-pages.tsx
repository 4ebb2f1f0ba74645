import type { VNode } from 'preact';
import { ErrorSummary, FieldError, Flash } from '../../../directory/owners/views/parts.js';
import { doseText } from '../../../exercises/present.js';
import type { ViewContext } from '../../../web/layout.js';
import type { ClinicExercise } from '../clinic-exercises.js';
import { clinicExercisePhotoUrl } from '../photos.js';
import type { ExerciseField, ExerciseFormValues } from '../exercise-form.js';
import { BehandlerLayout } from './behandler-pages.js';

export interface ClinicName {
  id: number;
  name: string;
}

const LIST = '/behandler/oevelser';
const exercisePath = (id: number) => `${LIST}/${id}`;

/** /behandler/oevelser: the exercises of the behandler's clinics, by clinic. */
export function ExerciseListPage({ ctx, clinics, exercises, flash }: { ctx: ViewContext; clinics: ClinicName[]; exercises: ClinicExercise[]; flash: string | null }) {
  return (
    <BehandlerLayout ctx={ctx} title="Klinikkens øvelser" path={LIST}>
      <h1>Klinikkens øvelser</h1>
      <p>
        Øvelser, som klinikkens behandlere selv har skrevet. De bruges i programmer ligesom <a href="/oevelser">vores øvelser</a>, og kun klinikkens behandlere og
        patienter ser dem.
      </p>
      <Flash message={flash} />
      <p>
        <a class="button people-big" href={`${LIST}/ny`}>
          Skriv en ny øvelse
        </a>
      </p>
      {clinics.map((clinic) => {
        const own = exercises.filter((e) => e.clinicId === clinic.id);
        return (
          <section key={clinic.id} aria-labelledby={`klinik-${clinic.id}`}>
            <h2 id={`klinik-${clinic.id}`}>{clinic.name}</h2>
            {own.length === 0 ? (
              <p>Ingen egne øvelser endnu.</p>
            ) : (
              <ul class="people-list">
                {own.map((e) => (
                  <li key={e.id}>
                    {e.photoPath && <img class="people-thumb" src={clinicExercisePhotoUrl(e) ?? ''} alt={e.name} width={64} height={64} />}
                    <div>
                      <a href={exercisePath(e.id)}>{e.name}</a>
                      <span class="people-meta">{doseText(e.dose)}</span>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </BehandlerLayout>
  );
}

const LABELS: Record<ExerciseField, string> = {
  navn: 'Navn',
  startstilling: 'Startstilling',
  trin: 'Trin (ét pr. linje)',
  maerke: 'Hvad skal patienten mærke?',
  fejl: 'Typiske fejl (én pr. linje)',
  stop: 'Hvornår skal patienten stoppe?',
  saet: 'Sæt',
  gentagelser: 'Gentagelser',
  sekunder: 'Eller hold i sekunder',
  pr_side: 'Pr. side',
  pr_uge: 'Gange om ugen',
  billede: 'Tegning',
  foto: 'Eget foto (valgfrit)',
  fjern_foto: 'Fjern foto',
  klinik: 'Klinik',
};

/** The photo field: upload one, and on the edit page the current photo with "Fjern foto". */
function PhotoField({ exercise, checked, error }: { exercise: ClinicExercise | null; checked: boolean; error: string | undefined }) {
  const current = exercise ? clinicExercisePhotoUrl(exercise) : null;
  return (
    <div class="field people-photo-field">
      <label for="foto">{current ? 'Nyt foto (valgfrit)' : LABELS.foto}</label>
      {current && exercise && (
        <figure class="people-photo">
          <img src={current} alt={exercise.name} width={exercise.photoSize?.width} height={exercise.photoSize?.height} />
          <figcaption>Det nuværende foto</figcaption>
        </figure>
      )}
      <input
        id="foto"
        name="foto"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={['foto-hjaelp', error ? 'foto-fejl' : ''].filter(Boolean).join(' ')}
      />
      <p class="hint" id="foto-hjaelp">
        Et foto af øvelsen som JPEG, PNG eller WebP, højst 5 MB. Kun klinikkens behandlere og patienter med øvelsen i et program kan se det. Tag ikke billeder, hvor en
        patient kan genkendes, uden patientens samtykke.
      </p>
      <FieldError id="foto" message={error} />
      {current && (
        <div class="checkbox-field">
          <label class="choice-option">
            <input type="checkbox" name="fjern_foto" value="ja" checked={checked} /> {LABELS.fjern_foto}
          </label>
        </div>
      )}
    </div>
  );
}

/** The new and edit page of one exercise; the edit page can also delete it. */
export function ExerciseFormPage({ ctx, exercise, clinics, pictures, picture, values, errors, csrf, flash, deleteProblem }: {
  ctx: ViewContext;
  /** Null for a new exercise. */
  exercise: ClinicExercise | null;
  clinics: ClinicName[];
  /** Our exercises a drawing can come from (slug, name). */
  pictures: { slug: string; name: string }[];
  /** The chosen drawing (start and end SVG), when there is one. */
  picture: { start: string; end: string } | null;
  values: ExerciseFormValues;
  errors: Record<string, string | undefined>;
  csrf: () => VNode;
  flash: string | null;
  deleteProblem?: string | undefined;
}) {
  const path = exercise ? exercisePath(exercise.id) : `${LIST}/ny`;
  const title = exercise ? `Rediger ${exercise.name}` : 'Ny øvelse';
  const v = (f: ExerciseField) => values[f] ?? '';
  const described = (f: ExerciseField, hint?: boolean) => [hint ? `${f}-hjaelp` : '', errors[f] ? `${f}-fejl` : ''].filter(Boolean).join(' ') || undefined;
  const input = (f: ExerciseField, opts: { hint?: string; type?: 'text' | 'number'; small?: boolean } = {}) => (
    <div class={`field${opts.small ? ' people-small-field' : ''}`}>
      <label for={f}>{LABELS[f]}</label>
      <input id={f} name={f} type="text" inputmode={opts.type === 'number' ? 'numeric' : undefined} value={v(f)} aria-invalid={errors[f] ? 'true' : undefined} aria-describedby={described(f, Boolean(opts.hint))} />
      {opts.hint && <p class="hint" id={`${f}-hjaelp`}>{opts.hint}</p>}
      <FieldError id={f} message={errors[f]} />
    </div>
  );
  const area = (f: ExerciseField, rows: number, hint?: string) => (
    <div class="field">
      <label for={f}>{LABELS[f]}</label>
      <textarea id={f} name={f} rows={rows} aria-invalid={errors[f] ? 'true' : undefined} aria-describedby={described(f, Boolean(hint))}>
        {v(f)}
      </textarea>
      {hint && <p class="hint" id={`${f}-hjaelp`}>{hint}</p>}
      <FieldError id={f} message={errors[f]} />
    </div>
  );
  return (
    <BehandlerLayout ctx={ctx} title={title} path={path} crumbs={[{ name: 'Klinikkens øvelser', path: LIST }, { name: title, path }]}>
      <h1>{title}</h1>
      <Flash message={flash} />
      {exercise && (
        <p>
          Hos {clinics.find((c) => c.id === exercise.clinicId)?.name}. Ændringer slår igennem i alle programmer, der bruger øvelsen.
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={exercise ? path : LIST} enctype="multipart/form-data" class="owner-form people-exercise-form">
        {csrf()}
        {!exercise &&
          (clinics.length > 1 ? (
            <div class="field">
              <label for="klinik">{LABELS.klinik}</label>
              <select id="klinik" name="klinik" aria-invalid={errors.klinik ? 'true' : undefined} aria-describedby={described('klinik')}>
                {clinics.map((c) => (
                  <option key={c.id} value={String(c.id)} selected={v('klinik') === String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldError id="klinik" message={errors.klinik} />
            </div>
          ) : (
            <input type="hidden" name="klinik" value={String(clinics[0]?.id ?? '')} />
          ))}
        {input('navn', { hint: 'Fx Trappegang med støtte' })}
        {area('startstilling', 3, 'Hvordan patienten står, sidder eller ligger, før øvelsen begynder.')}
        {area('trin', 5, 'Vi nummererer trinene for patienten.')}
        {area('maerke', 2, 'Fx Det strammer foran på låret.')}
        {area('fejl', 3)}
        {area('stop', 2, 'Fx Stop, hvis smerten stiger over 5 på en skala fra 0 til 10.')}
        <fieldset>
          <legend>Standarddosis</legend>
          <p class="hint">Den dosis, øvelsen får i et nyt program. Behandleren kan ændre den i programmet.</p>
          <div class="people-dose">
            {input('saet', { type: 'number', small: true })}
            {input('gentagelser', { type: 'number', small: true })}
            {input('sekunder', { type: 'number', small: true })}
            {input('pr_uge', { type: 'number', small: true })}
          </div>
          <div class="field checkbox-field">
            <label class="choice-option">
              <input type="checkbox" name="pr_side" value="ja" checked={v('pr_side') === 'ja'} /> Dosis gælder pr. side (højre og venstre)
            </label>
          </div>
        </fieldset>
        <div class="field">
          <label for="billede">{LABELS.billede}</label>
          <select id="billede" name="billede" aria-invalid={errors.billede ? 'true' : undefined} aria-describedby={['billede-hjaelp', errors.billede ? 'billede-fejl' : ''].filter(Boolean).join(' ')}>
            <option value="">Ingen tegning</option>
            {pictures.map((p) => (
              <option key={p.slug} value={p.slug} selected={v('billede') === p.slug}>
                {p.name}
              </option>
            ))}
          </select>
          <p class="hint" id="billede-hjaelp">
            Vælg den af vores øvelser, hvis tegning passer. Har øvelsen også et foto, ser patienten fotoet i stedet.
          </p>
          <FieldError id="billede" message={errors.billede} />
        </div>
        {picture && (
          <div class="exercise-pictures people-pictures">
            <figure>
              <div dangerouslySetInnerHTML={{ __html: picture.start }} />
              <figcaption>Start</figcaption>
            </figure>
            <figure>
              <div dangerouslySetInnerHTML={{ __html: picture.end }} />
              <figcaption>Slut</figcaption>
            </figure>
          </div>
        )}
        <PhotoField exercise={exercise} checked={v('fjern_foto') === 'ja'} error={errors.foto} />
        <button type="submit" class="button people-big">
          {exercise ? 'Gem øvelsen' : 'Opret øvelsen'}
        </button>
      </form>
      {exercise && (
        <section aria-labelledby="slet-titel" class="people-danger">
          <h2 id="slet-titel">Slet øvelsen</h2>
          {deleteProblem ? (
            <p class="notice notice-warning" role="alert">
              {deleteProblem}
            </p>
          ) : (
            <p>En øvelse, der bruges i et program eller en skabelon, kan ikke slettes.</p>
          )}
          <form method="post" action={`${path}/slet`}>
            {csrf()}
            <button type="submit" class="button button-secondary">
              Slet {exercise.name}
            </button>
          </form>
        </section>
      )}
    </BehandlerLayout>
  );
}
