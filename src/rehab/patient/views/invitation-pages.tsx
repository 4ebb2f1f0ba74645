import { CsrfField } from '../../../web/csrf-field.js';
import type { ViewContext } from '../../../web/layout.js';
import { CONSENT_VERSION, type InvitationProblem, type InvitationView, RETENTION_YEARS } from '../consent.js';
import { FormProblemCount, PatientLayout } from './parts.js';

/** The invitation link's pages: who invited you (signed out), the consent (signed in), and a link that does not work. */

const PATH = '/min-side/invitation';
const title = (i: InvitationView) => `Træningsprogram fra ${i.clinicName}`;

/** Not signed in: who invited them, and the way in that comes back here. */
export function InvitationSignedOutPage({ ctx, invitation, returnTo }: { ctx: ViewContext; invitation: InvitationView; returnTo: string }) {
  const back = encodeURIComponent(returnTo);
  return (
    <PatientLayout ctx={ctx} title={title(invitation)} path={PATH}>
      <h1>{title(invitation)}</h1>
      <p class="lede">
        <strong>{invitation.behandlerName}</strong> fra <strong>{invitation.clinicName}</strong> har lavet et træningsprogram til dig.
      </p>
      {invitation.goal && (
        <p>
          Målet med programmet: <q>{invitation.goal}</q>
        </p>
      )}
      <p>
        Log ind, eller opret en konto, for at se programmet. Bagefter kommer du tilbage hertil, og før du ser programmet, fortæller vi,
        hvad vi gemmer, hvem der ser det, og hvor længe.
      </p>
      <p class="patient-actions">
        <a class="button" href={`/konto/log-ind?tilbage=${back}`}>
          Log ind
        </a>
        <a class="button button-secondary" href={`/konto/opret?tilbage=${back}`}>
          Opret konto
        </a>
      </p>
      {invitation.email && <p class="hint">Invitationen blev sendt til {invitation.email}.</p>}
    </PatientLayout>
  );
}

/**
 * Signed in: what is stored, who sees it, who is responsible, for how long; and the consent.
 * The words are versioned: change CONSENT_VERSION (consent.ts) with them.
 */
export function ConsentPage(props: {
  ctx: ViewContext;
  csrf: string;
  invitation: InvitationView;
  token: string;
  userName: string;
  error: string | null;
}) {
  const { ctx, invitation: i, error } = props;
  return (
    <PatientLayout ctx={ctx} title={title(i)} path={PATH}>
      <h1>{title(i)}</h1>
      <p class="lede">
        <strong>{i.behandlerName}</strong> fra <strong>{i.clinicName}</strong> har lavet et træningsprogram til dig. Før du ser det, skal du vide,
        hvad der sker med dine oplysninger.
      </p>
      <section class="consent" aria-labelledby="samtykke-overskrift">
        <h2 id="samtykke-overskrift">Dine oplysninger i programmet</h2>
        <h3>Hvad vi gemmer</h3>
        <ul>
          <li>Dit træningsprogram: øvelserne, hvor meget du skal lave, og din behandlers noter.</li>
          <li>Det, du registrerer efter hver træning: gentagelser, belastning, smerte under øvelserne, hvor hårdt det var, og dine kommentarer — eller at du sprang over, og hvorfor.</li>
          <li>Dine morgentjek: smerten om morgenen, og om den er bedre, som normalt eller værre.</li>
          <li>Dine svar på de spørgeskemaer, din behandler beder dig udfylde.</li>
        </ul>
        <p>Det er helbredsoplysninger, og vi passer godt på dem.</p>
        <h3>Hvem ser det</h3>
        <ul>
          <li>Du selv.</li>
          <li>{i.behandlerName}, som har lavet programmet.</li>
          <li>
            De andre behandlere på {i.clinicName}, fordi programmet som udgangspunkt er delt med klinikken, så en kollega kan tage over, hvis din
            behandler er væk. Det kan du slå fra når som helst på Min side.
          </li>
          <li>Ingen andre: klinikejere, redaktører og Fysios administratorer ser ikke dine helbredsoplysninger.</li>
        </ul>
        <h3>Hvem har ansvaret</h3>
        <p>
          {i.clinicName} er dataansvarlig for dit program, dine registreringer og dine svar. Fysio er databehandler: vi opbevarer og behandler
          oplysningerne for klinikken efter en databehandleraftale og bruger dem ikke til andet.
        </p>
        <h3>Hvor længe</h3>
        <p>
          Så længe du har din konto. Sletter du kontoen, forsvinder oplysningerne fra alle visninger med det samme, men de gemmes låst i{' '}
          {RETENTION_YEARS} år efter sletningen, fordi autoriserede sundhedspersoner skal opbevare journaloplysninger så længe. Derefter
          slettes de.
        </p>
        <h3>Dine rettigheder</h3>
        <p>
          Du kan altid se, hvem der har set dine oplysninger og hvornår, hente en kopi af alle dine data og slå deling med klinikken fra.
          Hver gang en behandler ser dine oplysninger, bliver det skrevet ned.
        </p>
        <p class="hint">Tekstens version: {CONSENT_VERSION}.</p>
      </section>
      {error && <FormProblemCount errors={{ samtykke: error }} />}
      <form method="post" action={PATH} class="patient-form consent-form" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <div class="field">
          <label class="choice-option big-choice">
            <input
              type="checkbox"
              name="samtykke"
              value="ja"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'samtykke-fejl' : undefined}
            />{' '}
            <span>Jeg har læst ovenstående og giver samtykke til, at {i.clinicName} og Fysio behandler mine oplysninger i programmet.</span>
          </label>
          {error && (
            <p class="field-error" id="samtykke-fejl">
              {error}
            </p>
          )}
        </div>
        <p class="hint">Du er logget ind som {props.userName}. Programmet bliver knyttet til denne konto.</p>
        <button type="submit" class="button-big">
          Giv samtykke og se programmet
        </button>
      </form>
    </PatientLayout>
  );
}

const PROBLEMS: Record<InvitationProblem | 'own-program', { title: string; text: string }> = {
  unknown: {
    title: 'Vi kender ikke linket',
    text: 'Tjek, at du har kopieret hele linket fra mailen. Virker det stadig ikke, så bed din behandler sende en ny invitation.',
  },
  expired: {
    title: 'Linket er udløbet',
    text: 'Et link til et træningsprogram virker i 14 dage. Bed din behandler sende en ny invitation, så får du et nyt link.',
  },
  used: {
    title: 'Linket er allerede brugt',
    text: 'Programmet er allerede taget i brug. Er det dit, finder du det på Min side, når du er logget ind. Ellers kan din behandler sende en ny invitation.',
  },
  'own-program': {
    title: 'Du har selv lavet programmet',
    text: 'Du kan ikke tage imod et program, du selv har skrevet. Send linket til patienten.',
  },
};

export function InvitationProblemPage({ ctx, problem }: { ctx: ViewContext; problem: InvitationProblem | 'own-program' }) {
  const { title: heading, text } = PROBLEMS[problem];
  return (
    <PatientLayout ctx={ctx} title={heading} path={PATH}>
      <h1>{heading}</h1>
      <p>{text}</p>
      <p>
        <a href="/min-side">Gå til Min side</a>
      </p>
    </PatientLayout>
  );
}
