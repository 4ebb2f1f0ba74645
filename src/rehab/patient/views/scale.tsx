import { FieldError, type PostedForm } from '../../../web/form-fields.js';

/**
 * Big radio buttons in a fieldset with a legend: the 0–10 pain scale and short choices
 * (let/passende/hårdt, bedre/som normalt/værre). Each button is at least 44 px; the message
 * of a bad answer is tied to the group.
 */

export const describedBy = (form: PostedForm<unknown>, name: string, hint?: string) =>
  [hint, form.errors[name] ? `${name}-fejl` : ''].filter(Boolean).join(' ') || undefined;

export function PainScale({ form, name, legend }: { form: PostedForm<unknown>; name: string; legend: string }) {
  const hint = `${name}-hjaelp`;
  return (
    <fieldset class="pain-scale" aria-describedby={describedBy(form, name, hint)}>
      <legend>{legend}</legend>
      <p class="hint" id={hint}>
        0 er ingen smerte, 10 er den værst tænkelige. 0–2 er sikkert, 3–5 er acceptabelt, over 5 er for meget.
      </p>
      <div class="scale-options">
        {Array.from({ length: 11 }, (_, p) => (
          <label key={p} class={`scale-option${p > 5 ? ' scale-high' : ''}`}>
            <input type="radio" name={name} value={String(p)} checked={form.values[name] === String(p)} />
            <span>{p}</span>
          </label>
        ))}
      </div>
      <FieldError form={form} name={name} />
    </fieldset>
  );
}

export function ChoiceButtons({ form, name, legend, options }: { form: PostedForm<unknown>; name: string; legend: string; options: ReadonlyArray<readonly [string, string]> }) {
  return (
    <fieldset class="choice-scale" aria-describedby={describedBy(form, name)}>
      <legend>{legend}</legend>
      <div class="choice-buttons">
        {options.map(([value, label]) => (
          <label key={value} class="choice-button">
            <input type="radio" name={name} value={value} checked={form.values[name] === value} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <FieldError form={form} name={name} />
    </fieldset>
  );
}
