import type { VNode } from 'preact';
import type { ViewContext } from '../../../web/layout.js';
import { BAND_COLOURS, BAND_LABELS } from '../../equipment-steps.js';
import { WEEKDAY_NAMES } from '../../program-model.js';
import { PROGRESSION_RULES } from '../../types.js';
import { RULE_LABELS } from '../../views/dose.js';
import type { ExerciseChoice } from '../exercise-choices.js';
import { ITEM_LABELS, ITEM_WARNING_ABOVE, type ItemField, type ItemValues, MAX_ITEM_ROWS, type ProgramFormValues, dayFieldName, itemFieldName } from '../program-form.js';
import type { ClinicRef } from '../queries.js';
import { BehandlerLayout, ErrorSummary, FieldError, PROGRAMS_PATH, TEMPLATES_PATH, invalid, programPath } from './parts.js';

export interface ProgramFormProps {
  ctx: ViewContext;
  csrf: VNode;
  values: ProgramFormValues;
  errors: Record<string, string>;
  clinics: ClinicRef[];
  exercises: { ours: ExerciseChoice[]; clinic: ExerciseChoice[] };
  /** New (from a template or blank) or an edit of a program. */
  mode: { kind: 'new'; templateName: string | null; action: string } | { kind: 'edit'; programId: number; label: string; changeNoteRequired: boolean; stale: boolean };
}

const sizeHint = 'Vi foreslår 2–4 øvelser: studier af hjemmetræning finder, at halvdelen eller flere holder op med programmet, og jo flere øvelser, jo sjældnere bliver det gennemført. Vælg de øvelser, der betyder mest for patientens mål.';

/** The program editor, new and edit: one form, working without JavaScript. */
export function ProgramFormPage(props: ProgramFormProps) {
  const { values, errors, mode } = props;
  const f = values.fields;
  const action = mode.kind === 'new' ? mode.action : programPath(mode.programId, 'rediger');
  const title = mode.kind === 'new' ? (mode.templateName ? `Nyt program fra ${mode.templateName}` : 'Nyt program') : `Rediger ${mode.label}`;
  const crumbs = mode.kind === 'new' ? [{ name: 'Nyt program', path: `${PROGRAMS_PATH}/ny` }] : [{ name: mode.label, path: programPath(mode.programId) }, { name: 'Rediger', path: action }];
  const text = (name: keyof typeof f, label: string, opts: { type?: string; hint?: string; inputmode?: 'numeric' | 'decimal'; autocomplete?: string } = {}) => (
    <div class="field">
      <label for={name}>{label}</label>
      {opts.hint && (
        <p class="hint" id={`${name}-hjaelp`}>
          {opts.hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={opts.type ?? 'text'}
        value={f[name]}
        inputMode={opts.inputmode}
        autocomplete={opts.autocomplete ?? 'off'}
        {...invalid(name, errors, opts.hint ? `${name}-hjaelp` : undefined)}
      />
      <FieldError id={name} message={errors[name]} />
    </div>
  );
  return (
    <BehandlerLayout ctx={props.ctx} title={title} path={mode.kind === 'new' ? `${PROGRAMS_PATH}/ny` : action} crumbs={crumbs} tab={mode.kind === 'new' ? `${PROGRAMS_PATH}/ny` : undefined}>
      <h1>{title}</h1>
      {mode.kind === 'new' && (
        <p>
          {mode.templateName ? 'Skabelonens øvelser og doser er sat ind; tilpas dem til patienten.' : 'Et tomt program.'} Du kan også{' '}
          <a href={TEMPLATES_PATH}>vælge en skabelon</a>. Programmet gemmes som udkast; patienten ser det først, når du inviterer.
        </p>
      )}
      {mode.kind === 'edit' && mode.stale && (
        <div class="notice notice-warning" role="alert">
          <p>
            <strong>Programmet er ændret, mens du redigerede.</strong> Nogen har gemt en nyere version, så dine ændringer er ikke gemt. Det, du skrev, står
            herunder; se <a href={programPath(mode.programId, 'versioner')}>versionerne</a>, og gem igen, hvis dine ændringer stadig skal med.
          </p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="program-form" novalidate>
        {props.csrf}
        {/* Enter in a field saves: the first submit button in the form is the default. */}
        <button type="submit" name="handling" value="gem" class="sr-only" tabindex={-1} aria-hidden="true">
          Gem
        </button>
        <input type="hidden" name="rows" value={String(values.items.length)} />
        <input type="hidden" name="from_version" value={f.from_version} />
        {mode.kind === 'new' && <input type="hidden" name="template_name" value={f.template_name} />}
        <fieldset class="program-basics">
          <legend>Programmet</legend>
          {mode.kind === 'new' && props.clinics.length > 1 ? (
            <div class="field">
              <label for="clinic">Klinik</label>
              <select id="clinic" name="clinic" {...invalid('clinic', errors)}>
                {props.clinics.map((c) => (
                  <option key={c.id} value={String(c.id)} selected={f.clinic === String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
              <FieldError id="clinic" message={errors.clinic} />
            </div>
          ) : (
            <input type="hidden" name="clinic" value={f.clinic} />
          )}
          {text('patient_label', 'Patient (navn eller initialer)', { hint: 'Kun til dig og klinikken, så I kan kende programmet. Står også på udskriften.' })}
          <div class="field">
            <label for="goal">Mål med patientens egne ord</label>
            <p class="hint" id="goal-hjaelp">
              Fx «Gå op ad trappen til 3. sal uden at stoppe». Patienten ser målet øverst i programmet.
            </p>
            <textarea id="goal" name="goal" rows={3} maxLength={500} {...invalid('goal', errors, 'goal-hjaelp')}>
              {f.goal}
            </textarea>
            <FieldError id="goal" message={errors.goal} />
          </div>
          <div class="field-row">
            {text('start_date', 'Startdato', { type: 'date', hint: 'ÅÅÅÅ-MM-DD' })}
            {text('weeks', 'Antal uger', { inputmode: 'numeric' })}
            {text('sessions_per_week', 'Træninger om ugen', { inputmode: 'numeric' })}
          </div>
          <fieldset class="field weekdays" {...invalid(dayFieldName(1), errors)}>
            <legend>Træningsdage</legend>
            {WEEKDAY_NAMES.map((name, i) => (
              <label key={name} class="choice-option">
                <input type="checkbox" id={i === 0 ? dayFieldName(1) : undefined} name={dayFieldName(i + 1)} value="1" checked={values.days.includes(i + 1)} /> {name}
              </label>
            ))}
            <FieldError id={dayFieldName(1)} message={errors[dayFieldName(1)]} />
          </fieldset>
        </fieldset>

        <h2 id="items">Øvelser</h2>
        <p class="hint">{sizeHint}</p>
        {values.items.length > ITEM_WARNING_ABOVE && (
          <p class="notice notice-warning" role="status">
            Programmet har {values.items.length} øvelser. Det er mere end {ITEM_WARNING_ABOVE}, og lange programmer bliver sjældnere gennemført. Du kan godt
            gemme det, men overvej at skære ned til det vigtigste.
          </p>
        )}
        <FieldError id="items" message={errors.items} />
        {values.items.map((row, i) => (
          <ItemRow key={row.id} index={i} row={row} errors={errors} exercises={props.exercises} />
        ))}
        <p>
          <button type="submit" name="handling" value="tilfoej" class="button-secondary" disabled={values.items.length >= MAX_ITEM_ROWS}>
            Tilføj øvelse
          </button>
        </p>

        {mode.kind === 'edit' && (
          <div class="field">
            <label for="change_note">Hvorfor ændres programmet?{mode.changeNoteRequired ? '' : ' (valgfrit)'}</label>
            <p class="hint" id="change_note-hjaelp">
              {mode.changeNoteRequired ? 'Patienten har programmet og ser, hvad der er ændret og hvorfor.' : 'Står i programmets historik.'}
            </p>
            <textarea id="change_note" name="change_note" rows={3} maxLength={500} {...invalid('change_note', errors, 'change_note-hjaelp')}>
              {f.change_note}
            </textarea>
            <FieldError id="change_note" message={errors.change_note} />
          </div>
        )}
        <p>
          <button type="submit" name="handling" value="gem" class="button-primary">
            {mode.kind === 'new' ? 'Opret program' : 'Gem ændringer'}
          </button>
        </p>
      </form>
    </BehandlerLayout>
  );
}

function ItemRow({ index, row, errors, exercises }: { index: number; row: ItemValues; errors: Record<string, string>; exercises: ProgramFormProps['exercises'] }) {
  const name = (field: ItemField) => itemFieldName(index, field);
  const n = index + 1;
  const input = (field: ItemField, opts: { inputmode?: 'numeric' | 'decimal'; hint?: string } = {}) => (
    <div class="field">
      <label for={name(field)}>{ITEM_LABELS[field]}</label>
      {opts.hint && (
        <p class="hint" id={`${name(field)}-hjaelp`}>
          {opts.hint}
        </p>
      )}
      <input id={name(field)} name={name(field)} type="text" inputMode={opts.inputmode} value={row[field]} autocomplete="off" {...invalid(name(field), errors, opts.hint ? `${name(field)}-hjaelp` : undefined)} />
      <FieldError id={name(field)} message={errors[name(field)]} />
    </div>
  );
  const select = (field: ItemField, options: { value: string; label: string }[]) => (
    <div class="field">
      <label for={name(field)}>{ITEM_LABELS[field]}</label>
      <select id={name(field)} name={name(field)} {...invalid(name(field), errors)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={row[field] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={name(field)} message={errors[name(field)]} />
    </div>
  );
  return (
    <fieldset class="program-item">
      <legend>Øvelse {n}</legend>
      <input type="hidden" name={name('id')} value={row.id} />
      <div class="field">
        <label for={name('exercise')}>Øvelse</label>
        <select id={name('exercise')} name={name('exercise')} {...invalid(name('exercise'), errors)}>
          <option value="">Vælg en øvelse</option>
          {exercises.clinic.length > 0 && (
            <optgroup label="Klinikkens egne øvelser">
              {exercises.clinic.map((e) => (
                <option key={e.value} value={e.value} selected={row.exercise === e.value}>
                  {e.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Fysios øvelser">
            {exercises.ours.map((e) => (
              <option key={e.value} value={e.value} selected={row.exercise === e.value}>
                {e.name} (niveau {e.level})
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError id={name('exercise')} message={errors[name('exercise')]} />
      </div>
      <div class="field-row">
        {input('sets', { inputmode: 'numeric' })}
        {input('reps', { inputmode: 'numeric', hint: 'Udfyld gentagelser eller hold' })}
        {input('hold', { inputmode: 'numeric' })}
      </div>
      <div class="field-row">
        {select('load_kind', [
          { value: 'bodyweight', label: 'Kropsvægt' },
          { value: 'kg', label: 'Vægt i kg' },
          { value: 'band', label: 'Elastik' },
        ])}
        {input('kg', { inputmode: 'decimal' })}
        {select('kg_step', [
          { value: '0,5', label: '0,5 kg (manchetter, lette håndvægte)' },
          { value: '1', label: '1 kg' },
        ])}
        {select('band', [{ value: '', label: 'Vælg farve' }, ...BAND_COLOURS.map((c) => ({ value: c, label: BAND_LABELS[c].name }))])}
      </div>
      <div class="field-row">
        {input('rest', { inputmode: 'numeric' })}
        {select(
          'rule',
          PROGRESSION_RULES.map((r) => ({ value: r, label: RULE_LABELS[r] })),
        )}
        {input('ceiling', { inputmode: 'numeric', hint: 'Kun ved gentagelsesreglen' })}
      </div>
      <div class="field">
        <label for={name('notes')}>{ITEM_LABELS.notes}</label>
        <textarea id={name('notes')} name={name('notes')} rows={2} maxLength={1000} {...invalid(name('notes'), errors)}>
          {row.notes}
        </textarea>
        <FieldError id={name('notes')} message={errors[name('notes')]} />
      </div>
      <p>
        <button type="submit" name="handling" value={`fjern-${index}`} class="button-secondary">
          Fjern<span class="sr-only"> øvelse {n}</span>
        </button>
      </p>
    </fieldset>
  );
}
