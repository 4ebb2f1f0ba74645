import { CsrfField } from '../../web/csrf-field.js';
import { FieldError, type PostedForm } from '../../web/form-fields.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import { WEEKDAY_NAMES } from '../program-model.js';
import { describeTrainingDays } from '../views/dose.js';
import { NUDGE_AFTER_DAYS } from './due.js';
import { type ReminderSettings, reminderDays } from './settings.js';

/** The reminder settings page and the unsubscribe pages: mobile first, no JavaScript. */

export const DAY_FIELDS = [1, 2, 3, 4, 5, 6, 7].map((d) => `dag-${d}`);
export const SETTINGS_FIELDS = ['paamindelser', 'tidspunkt', 'skub', ...DAY_FIELDS] as const;

/** The form's values for the current settings (before anything is posted). */
export function settingsFormValues(settings: ReminderSettings, trainingDays: readonly number[]): Record<string, string> {
  const days = reminderDays(settings, trainingDays);
  return {
    paamindelser: settings.enabled ? 'ja' : 'nej',
    tidspunkt: settings.time,
    skub: settings.nudge ? 'ja' : '',
    ...Object.fromEntries(DAY_FIELDS.map((f, i) => [f, days.includes(i + 1) ? 'ja' : ''])),
  };
}

/** "mandag, onsdag og fredag kl. 08:00". */
export const describeReminders = (settings: ReminderSettings, trainingDays: readonly number[]) =>
  `${describeTrainingDays(reminderDays(settings, trainingDays))} kl. ${settings.time}`;

export interface SettingsPageProps {
  ctx: ViewContext;
  csrf: string;
  programId: number;
  clinicName: string;
  active: boolean;
  trainingDays: readonly number[];
  settings: ReminderSettings;
  form: PostedForm<unknown>;
  saved: boolean;
}

export function ReminderSettingsPage(props: SettingsPageProps) {
  const { form, programId, settings } = props;
  const path = `/min-side/program/${programId}/paamindelser`;
  const errors = Object.keys(form.errors).length;
  const checked = (name: string) => form.values[name] === 'ja';
  return (
    <Layout
      ctx={props.ctx}
      meta={{
        title: 'Påmindelser',
        path,
        noindex: true,
        crumbs: [
          { name: 'Min side', path: '/min-side' },
          { name: 'Dit program', path: `/min-side/program/${programId}` },
          { name: 'Påmindelser', path },
        ],
      }}
    >
      <div class="reminders">
        <h1>Påmindelser på e-mail</h1>
        {props.saved && (
          <p class="notice notice-success" role="status">
            {settings.enabled ? `Gemt. Du får en påmindelse ${describeReminders(settings, props.trainingDays)}.` : 'Gemt. Du får ingen påmindelser om træningsdage.'}
          </p>
        )}
        {!props.active && (
          <p class="notice notice-warning" role="status">
            Programmet er ikke i gang lige nu, så vi sender ingen e-mails om det. Dine valg gemmes til, hvis det bliver aktivt igen.
          </p>
        )}
        <p class="reminders-intro">
          Vi kan sende dig en e-mail på dine træningsdage med dagens øvelser fra dit program hos {props.clinicName}. Du vælger selv dage og
          tidspunkt, og du kan stoppe e-mails med ét klik fra hver af dem.
        </p>
        {errors > 0 && (
          <p class="form-errors" role="alert">
            {errors === 1 ? 'Ret det markerede felt, og prøv igen.' : `Ret de ${errors} markerede felter, og prøv igen.`}
          </p>
        )}
        <form method="post" action={path} class="reminders-form" novalidate>
          <CsrfField token={props.csrf} />
          <fieldset class="reminders-choice">
            <legend>Vil du have påmindelser?</legend>
            <label class="reminders-option">
              <input type="radio" name="paamindelser" value="ja" checked={form.values.paamindelser === 'ja'} /> Ja, send mig påmindelser
            </label>
            <label class="reminders-option">
              <input type="radio" name="paamindelser" value="nej" checked={form.values.paamindelser !== 'ja'} /> Nej tak
            </label>
            <FieldError name="paamindelser" form={form} />
          </fieldset>

          <div class="field">
            <label for="tidspunkt">Tidspunkt</label>
            <p class="hint" id="tidspunkt-hjaelp">
              Dansk tid, fx 07:30. E-mailen kommer inden for et par minutter efter.
            </p>
            <input
              id="tidspunkt"
              name="tidspunkt"
              type="time"
              class="reminders-time"
              value={form.values.tidspunkt ?? ''}
              aria-invalid={form.errors.tidspunkt ? 'true' : undefined}
              aria-describedby={['tidspunkt-hjaelp', form.errors.tidspunkt ? 'tidspunkt-fejl' : ''].filter(Boolean).join(' ')}
            />
            <FieldError name="tidspunkt" form={form} />
          </div>

          <fieldset class="reminders-days" aria-describedby={form.errors.dage ? 'dage-fejl' : 'dage-hjaelp'}>
            <legend>Dage</legend>
            <p class="hint" id="dage-hjaelp">
              Dit program har træning {describeTrainingDays(props.trainingDays)}. Vælger du de samme dage, følger påmindelserne med, hvis din
              behandler ændrer dem.
            </p>
            <div class="reminders-day-grid">
              {DAY_FIELDS.map((name, i) => (
                <label class="reminders-day" key={name}>
                  <input type="checkbox" name={name} value="ja" checked={checked(name)} /> {WEEKDAY_NAMES[i]}
                </label>
              ))}
            </div>
            <FieldError name="dage" form={form} />
          </fieldset>

          <fieldset class="reminders-choice">
            <legend>Når du ikke har trænet et stykke tid</legend>
            <label class="reminders-option">
              <input type="checkbox" name="skub" value="ja" checked={checked('skub')} /> Send mig en venlig e-mail, når der er gået {NUDGE_AFTER_DAYS}{' '}
              dage uden en træningslog
            </label>
          </fieldset>

          <button type="submit" class="reminders-submit">
            Gem
          </button>
        </form>
        <p>
          <a href={`/min-side/program/${programId}`}>Tilbage til dit program</a>
        </p>
      </div>
    </Layout>
  );
}

export type UnsubscribeState =
  | { kind: 'confirm'; token: string; clinicName: string; what: string[] }
  | { kind: 'done'; clinicName: string; programId: number }
  | { kind: 'nothing-on'; clinicName: string; programId: number }
  | { kind: 'unknown' | 'expired' };

const UNSUBSCRIBE_PATH = '/paamindelser/afmeld';

export function UnsubscribePage({ ctx, state, csrf }: { ctx: ViewContext; state: UnsubscribeState; csrf: string }) {
  const title = state.kind === 'confirm' ? 'Stop påmindelser' : state.kind === 'done' || state.kind === 'nothing-on' ? 'Påmindelserne er stoppet' : 'Linket virker ikke';
  return (
    <Layout ctx={ctx} meta={{ title, path: UNSUBSCRIBE_PATH, noindex: true }}>
      <div class="reminders">
        <h1>{title}</h1>
        {state.kind === 'confirm' && (
          <>
            <p>Du er ved at stoppe disse e-mails om dit træningsprogram fra {state.clinicName}:</p>
            <ul class="reminders-list">
              {state.what.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <form method="post" action={`${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(state.token)}`} class="reminders-form">
              <CsrfField token={csrf} />
              <button type="submit" class="reminders-submit">
                Stop e-mails
              </button>
            </form>
            <p class="hint">Dit program og din træningslog er ikke berørt. Du kan slå påmindelser til igen under dit program.</p>
          </>
        )}
        {(state.kind === 'done' || state.kind === 'nothing-on') && (
          <>
            <p role="status">
              {state.kind === 'done'
                ? `Vi sender ikke flere påmindelser om dit træningsprogram fra ${state.clinicName}.`
                : `Der er ingen påmindelser slået til for dit træningsprogram fra ${state.clinicName}, så der er intet at stoppe.`}
            </p>
            <p>
              Vil du have dem igen, kan du slå dem til under <a href={`/min-side/program/${state.programId}/paamindelser`}>påmindelser</a> (du
              skal logge ind).
            </p>
          </>
        )}
        {(state.kind === 'unknown' || state.kind === 'expired') && (
          <>
            <p>
              {state.kind === 'expired'
                ? 'Linket er for gammelt: links til at stoppe påmindelser virker i 90 dage.'
                : 'Vi kan ikke finde det, linket peger på. Måske er det ikke kopieret helt, eller programmet findes ikke længere.'}
            </p>
            <p>
              Brug linket i den nyeste påmindelse, eller <a href="/min-side">log ind på Min side</a> og slå påmindelserne fra under dit program.
            </p>
          </>
        )}
      </div>
    </Layout>
  );
}
