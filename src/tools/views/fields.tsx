import type { ComponentChildren } from 'preact';
import type { FormState } from '../form.js';

/**
 * Form fields with their Danish error next to them: aria-invalid and aria-describedby point
 * at the message, so screen readers read it with the field. tools.js swaps the `data-field`
 * blocks while you type.
 */

type AnyState = FormState<unknown>;

function described(name: string, state: AnyState, hint: boolean) {
  const ids = [hint ? `${name}-hjaelp` : '', state.errors[name] ? `${name}-fejl` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function FieldError({ name, state }: { name: string; state: AnyState }) {
  const error = state.errors[name];
  return error ? (
    <p class="field-error" id={`${name}-fejl`}>
      {error}
    </p>
  ) : null;
}

export function NumberField(props: {
  name: string;
  label: string;
  unit?: string;
  hint?: string;
  state: AnyState;
  inputMode?: 'decimal' | 'numeric' | 'text';
  list?: string;
  placeholder?: string;
}) {
  const { name, label, unit, hint, state } = props;
  return (
    <div class="field" data-field={name}>
      <label for={name}>
        {label}
        {unit && <span class="unit"> ({unit})</span>}
      </label>
      <input
        id={name}
        name={name}
        type="text"
        inputMode={props.inputMode ?? 'decimal'}
        autocomplete="off"
        value={state.values[name] ?? ''}
        list={props.list}
        placeholder={props.placeholder}
        aria-invalid={state.errors[name] ? 'true' : undefined}
        aria-describedby={described(name, state, Boolean(hint))}
      />
      {hint && (
        <p class="hint" id={`${name}-hjaelp`}>
          {hint}
        </p>
      )}
      <FieldError name={name} state={state} />
    </div>
  );
}

export function RadioField(props: { name: string; legend: string; options: ReadonlyArray<[string, string]>; state: AnyState }) {
  const { name, legend, options, state } = props;
  return (
    <fieldset class="field choice" data-field={name} aria-describedby={described(name, state, false)}>
      <legend>{legend}</legend>
      {options.map(([value, label]) => (
        <label key={value} class="choice-option">
          <input type="radio" name={name} value={value} checked={state.values[name] === value} aria-invalid={state.errors[name] ? 'true' : undefined} /> {label}
        </label>
      ))}
      <FieldError name={name} state={state} />
    </fieldset>
  );
}

export function SelectField(props: { name: string; label: string; options: ReadonlyArray<[string, string]>; state: AnyState }) {
  const { name, label, options, state } = props;
  return (
    <div class="field" data-field={name}>
      <label for={name}>{label}</label>
      <select id={name} name={name} aria-invalid={state.errors[name] ? 'true' : undefined} aria-describedby={described(name, state, false)}>
        <option value="">Vælg …</option>
        {options.map(([value, text]) => (
          <option key={value} value={value} selected={state.values[name] === value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError name={name} state={state} />
    </div>
  );
}

/** A result figure: a big number with its label. */
export function Figure({ label, value, children }: { label: string; value: string; children?: ComponentChildren }) {
  return (
    <div class="tool-figure">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
        {children}
      </dd>
    </div>
  );
}
