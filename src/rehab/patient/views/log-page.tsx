import { CsrfField } from '../../../web/csrf-field.js';
import { FieldError, type PostedForm } from '../../../web/form-fields.js';
import type { ViewContext } from '../../../web/layout.js';
import { BAND_COLOURS, BAND_LABELS } from '../../equipment-steps.js';
import type { PrescribedItem } from '../../program-model.js';
import type { ProgramVersion } from '../../programs.js';
import { describeDose } from '../../views/dose.js';
import { itemKey, setKey } from '../log-form.js';
import { dayWithWeekday } from './day-text.js';
import { FormProblemCount, PatientLayout, PatientNotice, programPath } from './parts.js';
import { ChoiceButtons, PainScale, describedBy } from './scale.js';

/**
 * The session log form: big touch targets, works at 320 px without JavaScript, every group a
 * fieldset with a legend, every message tied to its field.
 */

export interface LogPageProps {
  ctx: ViewContext;
  csrf: string;
  programId: number;
  version: ProgramVersion;
  day: string;
  today: string;
  idempotencyKey: string;
  form: PostedForm<unknown>;
  /** Logs already saved for this day. */
  alreadyLogged: number;
}

const err = (form: PostedForm<unknown>, name: string) => form.errors[name];

const EFFORT_OPTIONS = [
  ['let', 'Let'],
  ['passende', 'Passende'],
  ['haardt', 'Hårdt'],
] as const;

export function LogPage(props: LogPageProps) {
  const { ctx, programId, version, day, form } = props;
  const action = `${programPath(programId, 'log')}?dag=${day}`;
  const hidden = (
    <>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="noegle" value={props.idempotencyKey} />
      <input type="hidden" name="version" value={String(version.id)} />
      <input type="hidden" name="dag" value={day} />
    </>
  );
  return (
    <PatientLayout ctx={ctx} title="Registrér træning" path={programPath(programId, 'log')} crumbs={[{ name: 'Dit træningsprogram', path: programPath(programId) }]}>
      <h1>Registrér træning</h1>
      <p class="lede">{day === props.today ? `I dag, ${dayWithWeekday(day)}` : dayWithWeekday(day)}</p>
      <form method="get" action={programPath(programId, 'log')} class="patient-form day-picker">
        <label for="dag">Træningen var en anden dag</label>
        <div class="day-picker-row">
          <input id="dag" type="date" name="dag" value={day} min={version.startDate} max={props.today} />
          <button type="submit" class="button-secondary">
            Vis dagen
          </button>
        </div>
      </form>
      {props.alreadyLogged > 0 && (
        <PatientNotice tone="info">
          <p>Du har allerede registreret træning for denne dag. Gemmer du igen, bliver det en ekstra træning samme dag.</p>
        </PatientNotice>
      )}
      <FormProblemCount errors={form.errors} />

      <form method="post" action={action} class="patient-form log-form" novalidate>
        {hidden}
        {version.items.map((item, i) => (
          <ItemFields key={item.id} item={item} index={i} form={form} />
        ))}
        <button type="submit" class="button-big">
          Gem træningen
        </button>
      </form>

      <form method="post" action={action} class="patient-form skip-form" novalidate>
        {hidden}
        <input type="hidden" name="sprang_over" value="ja" />
        <fieldset>
          <legend>Sprang du træningen over?</legend>
          <p class="hint" id="grund-hjaelp">
            Det er helt i orden. Skriv kort hvorfor, så kan din behandler tage hensyn til det.
          </p>
          <label for="grund">Hvorfor sprang du over</label>
          <textarea id="grund" name="grund" rows={3} maxLength={500} aria-invalid={err(form, 'grund') ? 'true' : undefined} aria-describedby={describedBy(form, 'grund', 'grund-hjaelp')}>
            {form.values.grund ?? ''}
          </textarea>
          <FieldError form={form} name="grund" />
          <button type="submit" class="button-secondary button-big">
            Gem: sprang over
          </button>
        </fieldset>
      </form>
    </PatientLayout>
  );
}

function ItemFields({ item, index, form }: { item: PrescribedItem; index: number; form: PostedForm<unknown> }) {
  const k = itemKey(index);
  const unit = item.reps !== null ? 'Gentagelser' : 'Sekunder';
  return (
    <fieldset class="log-item">
      <legend>
        <span class="log-item-name">{item.name}</span> <span class="log-item-dose">{describeDose(item)}</span>
      </legend>
      <div class="log-sets">
        {Array.from({ length: item.sets }, (_, s) => {
          const key = setKey(index, s);
          return (
            <fieldset key={key} class="log-set">
              <legend>Sæt {s + 1}</legend>
              <div class="log-set-fields">
                <div class="field">
                  <label for={key}>{unit}</label>
                  <input
                    id={key}
                    name={key}
                    inputMode="numeric"
                    pattern="[0-9]*"
                    autocomplete="off"
                    value={form.values[key] ?? ''}
                    aria-invalid={err(form, key) ? 'true' : undefined}
                    aria-describedby={describedBy(form, key)}
                  />
                </div>
                {item.load.kind === 'kg' && (
                  <div class="field">
                    <label for={`${key}_kg`}>Kilo</label>
                    <input
                      id={`${key}_kg`}
                      name={`${key}_kg`}
                      inputMode="decimal"
                      autocomplete="off"
                      value={form.values[`${key}_kg`] ?? ''}
                      aria-invalid={err(form, `${key}_kg`) ? 'true' : undefined}
                      aria-describedby={describedBy(form, `${key}_kg`)}
                    />
                  </div>
                )}
                {item.load.kind === 'band' && (
                  <div class="field">
                    <label for={`${key}_elastik`}>Elastik</label>
                    <select id={`${key}_elastik`} name={`${key}_elastik`} aria-invalid={err(form, `${key}_elastik`) ? 'true' : undefined} aria-describedby={describedBy(form, `${key}_elastik`)}>
                      {BAND_COLOURS.map((c) => (
                        <option key={c} value={c} selected={form.values[`${key}_elastik`] === c}>
                          {BAND_LABELS[c].name}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </div>
              <FieldError form={form} name={key} />
              <FieldError form={form} name={`${key}_kg`} />
              <FieldError form={form} name={`${key}_elastik`} />
            </fieldset>
          );
        })}
      </div>

      <PainScale form={form} name={`${k}_smerte`} legend="Smerte under øvelsen" />
      <ChoiceButtons form={form} name={`${k}_indsats`} legend="Hvor hårdt var det?" options={EFFORT_OPTIONS} />

      <div class="field">
        <label for={`${k}_kommentar`}>Kommentar (frivillig)</label>
        <textarea
          id={`${k}_kommentar`}
          name={`${k}_kommentar`}
          rows={2}
          maxLength={1000}
          aria-invalid={err(form, `${k}_kommentar`) ? 'true' : undefined}
          aria-describedby={describedBy(form, `${k}_kommentar`)}
        >
          {form.values[`${k}_kommentar`] ?? ''}
        </textarea>
        <FieldError form={form} name={`${k}_kommentar`} />
      </div>

      <details class="log-item-skip" open={form.values[`${k}_sprang`] === 'ja'}>
        <summary>Sprang du {item.name} over?</summary>
        <div class="field">
          <label class="choice-option big-choice">
            <input type="checkbox" name={`${k}_sprang`} value="ja" checked={form.values[`${k}_sprang`] === 'ja'} />
            <span>Jeg lavede ikke denne øvelse</span>
          </label>
        </div>
        <div class="field">
          <label for={`${k}_grund`}>Hvorfor</label>
          <input
            id={`${k}_grund`}
            name={`${k}_grund`}
            autocomplete="off"
            value={form.values[`${k}_grund`] ?? ''}
            aria-invalid={err(form, `${k}_grund`) ? 'true' : undefined}
            aria-describedby={describedBy(form, `${k}_grund`)}
          />
          <FieldError form={form} name={`${k}_grund`} />
        </div>
      </details>
    </fieldset>
  );
}
