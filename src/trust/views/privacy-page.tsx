import { AUDIT_ADDRESS_RETENTION_MS } from '../../accounts/audit.js';
import { FAILED_MAIL_KEPT_DAYS, SENT_MAIL_KEPT_DAYS } from '../../accounts/outbox.js';
import { IDLE_LIMIT_MS } from '../../accounts/sessions.js';
import type { ViewContext } from '../../web/layout.js';
import { TRUST_PATHS } from '../paths.js';
import { ContactAddress, TrustPage } from './trust-page.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * /privatliv: what the code stores and sends, said plainly. Each section names the code it
 * describes; the periods come from the same constants the retention jobs use, so the page
 * cannot drift from them. Change this page with the code it describes:
 * - counting: directory/events.ts, event-visitors.ts, event-store.ts (salt per day, 2 days)
 * - accounts and cookies: accounts/sessions.ts, web/csrf.ts, accounts/retention.ts
 * - audit log: accounts/audit.ts; mail: accounts/outbox.ts
 * - genoptræning: rehab/people/dpa.ts; the map: web/assets/map.js
 */
export function PrivacyPage({ ctx, contactEmail }: { ctx: ViewContext; contactEmail: string | null }) {
  const site = ctx.site.name;
  const auditMonths = Math.round(AUDIT_ADDRESS_RETENTION_MS / (30.4 * DAY_MS));
  return (
    <TrustPage
      ctx={ctx}
      path={TRUST_PATHS.privacy}
      title="Privatliv og cookies"
      description={`Hvad ${site} gemmer om dig, hvordan vi tæller besøg uden cookies, hvor længe vi gemmer det, og hvad der sendes til andre.`}
      lead={`Vi gemmer så lidt om dig som muligt. Her står præcis, hvad ${site} gemmer, hvorfor og hvor længe.`}
    >
      <h2>Kort fortalt</h2>
      <ul>
        <li>Du kan læse artikler, se øvelser og finde klinikker uden at oprette en konto, og uden at vi sætter en cookie.</li>
        <li>Vi bruger ingen analyseværktøjer, annoncer eller sociale medie-knapper fra andre firmaer.</li>
        <li>Vi tæller, hvor mange der ser og kontakter klinikkerne, uden cookies og uden at gemme din IP-adresse sammen med tællingen.</li>
        <li>Vi sælger ikke oplysninger om dig og sender dem ikke videre til andre.</li>
      </ul>

      <h2>Når du læser siden</h2>
      <p>
        Serveren skriver en linje i sin log for hver side, den sender: tidspunkt, adresse på siden, din IP-adresse og hvor lang tid det tog. Loggen
        bruges til at finde fejl og stoppe misbrug. Den gemmes ikke i databasen og bruges ikke til at følge, hvad den enkelte læser. Hvor
        længe loggen gemmes, afhænger af den server, siden kører på.
      </p>
      <p>
        Vi tæller ikke, hvem der læser artikler, øvelser eller værktøjer. Det, du søger efter, gemmes ikke i databasen, men står i loggen
        som en del af sidens adresse. Det, du skriver i værktøjerne, sendes med en formular og gemmes ikke.
      </p>

      <h2>Sådan tæller vi besøg hos klinikkerne</h2>
      <p>
        Klinikkernes ejere kan se, hvor mange der har set klinikken i en liste, åbnet klinikkens side og klikket på telefon, e-mail, hjemmeside
        eller booking. Sådan tæller vi, uden cookies og uden JavaScript:
      </p>
      <ul>
        <li>
          Din IP-adresse (eller den første halvdel af en IPv6-adresse) bliver blandet med en tilfældig nøgle, der kun gælder én dag, og lavet om
          til en kode (en SHA-256-hash). Det er koden, vi gemmer, ikke adressen.
        </li>
        <li>Koden bruges kun til at tælle hvert besøg én gang pr. klinik og dag, og til at én adresse ikke kan puste tallene op.</li>
        <li>
          Koderne og dagens nøgle slettes efter to dage. Derefter er der kun tal tilbage: hvor mange visninger og klik hver klinik fik hver
          dag. Fordi nøglen skifter hver dag, kan vi ikke genkende dig fra den ene dag til den næste.
        </li>
        <li>Søgemaskiner, robotter og browsere, der henter en side på forhånd, bliver ikke talt med.</li>
      </ul>

      <h2>Cookies</h2>
      <p>Vi bruger kun to cookies, og begge er nødvendige for, at siden virker. Ingen af dem følger dig på andre sider.</p>
      <ul>
        <li>
          <strong>Log ind-cookien</strong> (fysio_session) sættes, når du logger ind. Den indeholder et tilfældigt nummer, som vi kun gemmer
          som en hash (en kode, der ikke kan regnes tilbage). Du bliver logget ud efter {Math.round(IDLE_LIMIT_MS.normal / HOUR_MS)} timer uden aktivitet, eller efter{' '}
          {Math.round(IDLE_LIMIT_MS.remember / DAY_MS)} dage, hvis du har valgt “husk mig”. Vi gemmer også, hvilken browser du loggede ind med, så
          du kan se og afslutte dine sessioner under din konto.
        </li>
        <li>
          <strong>Formular-cookien</strong> (fysio_form) sættes, når du åbner en formular uden at være logget ind, fx log ind eller et af
          værktøjerne. Den beskytter mod, at andre sider sender formularer i dit navn, og udløber efter et døgn.
        </li>
      </ul>

      <h2>Hvis du opretter en konto</h2>
      <ul>
        <li>
          Vi gemmer din e-mailadresse, dit navn, din adgangskode som hash (argon2id, så vi ikke selv kan læse den), hvornår du oprettede kontoen
          og bekræftede din e-mail, og offentlige nøgler, hvis du bruger adgangsnøgler (passkeys).
        </li>
        <li>
          Mislykkede forsøg på at logge ind tælles for at stoppe gætteri og slettes efter et døgn. Links, vi sender på e-mail, slettes en uge
          efter, de er brugt eller udløbet.
        </li>
        <li>
          Anmeldelser og kommentarer, du skriver, vises kun med dit fornavn og forbogstavet i dit efternavn, og kun hvis du har sagt ja til det.
        </li>
        <li>
          Du kan til enhver tid hente alle dine data som en fil under <a href="/konto/data">Dine data</a> og slette din konto under{' '}
          <a href="/konto/slet">Slet konto</a>. Siden viser, hvad der slettes, og hvad vi beholder uden dit navn.
        </li>
      </ul>

      <h2>E-mails fra os</h2>
      <p>
        Vi sender kun e-mails, der hører til noget, du har gjort: bekræftelse af din e-mail, nulstilling af adgangskode, besked om dine anmeldelser og
        kommentarer, invitationer og påmindelser om genoptræning, hvis du har sagt ja til dem. Hver e-mail lægges først i en udbakke i vores database og sendes derfra. En
        sendt e-mail slettes fra udbakken efter {SENT_MAIL_KEPT_DAYS} dage, en e-mail, der ikke kunne sendes, efter {FAILED_MAIL_KEPT_DAYS} dage.
      </p>

      <h2>Log over handlinger</h2>
      <p>
        Vigtige handlinger skrives i en log, der ikke kan ændres: log ind, ændringer af klinikker, og hver gang nogen ser en patients
        helbredsoplysninger. Loggen viser hvem (som kontonummer), hvad, hvornår og fra hvilken IP-adresse. IP-adressen slettes fra loggen efter{' '}
        {auditMonths} måneder; resten bliver stående, så det altid kan ses, hvem der har haft adgang til hvad.
      </p>

      <h2>Genoptræning og helbredsoplysninger</h2>
      <ul>
        <li>
          Får du et træningsprogram af din fysioterapeut, er det klinikken, der er dataansvarlig for dit program, din træningslog, din smerte og
          dine svar på spørgeskemaer. {site} behandler oplysningerne for klinikken efter en databehandleraftale og bruger dem ikke til andet.
        </li>
        <li>
          Kun du og de behandlere på klinikken, der behandler dig, kan se dine helbredsoplysninger. Ejere, redaktører og administratorer kan
          ikke.
        </li>
        <li>
          Hver gang en behandler ser dine oplysninger, bliver det skrevet i loggen. Du kan selv se det under{' '}
          <a href="/min-side/adgang">“Hvem har set mine oplysninger”</a> på Min side.
        </li>
        <li>
          Sletter du din konto, forsvinder oplysningerne fra alle visninger. De opbevares låst i klinikkens opbevaringsperiode, mindst 10 år,
          fordi sundhedspersoner skal gemme journaloplysninger så længe, og slettes derefter automatisk.
        </li>
        <li>Dine helbredsoplysninger sendes aldrig til andre firmaer, heller ikke til tjenester med kunstig intelligens.</li>
      </ul>

      <h2>Kortet</h2>
      <p>
        Kortet over klinikker vises først, når du selv vælger at vise det. Når du gør det, henter din browser kortbillederne direkte fra en
        kortserver hos en anden udbyder (som standard OpenStreetMap). Kortserveren ser da din IP-adresse og hvilket område, du kigger på, ligesom
        ved ethvert andet besøg på deres side. Vælger du ikke kortet, sendes der intet til kortserveren. Kortserveren står nævnt nederst på
        kortet. Har du valgt kortet, husker din browser valget i sit eget lager (ikke en cookie, og det sendes ikke til os), så kortet hentes af
        sig selv på de næste sider, indtil du trykker på »Vis ikke kortet automatisk«.
      </p>

      <h2>Forstå din scanning</h2>
      <p>
        Den tekst, du indsætter i værktøjet <a href="/vaerktoejer/forstaa-din-scanning">Forstå din scanning</a>, bliver kun brugt til at lave
        svaret. Den gemmes ikke, skrives ikke i loggen og sendes ikke til andre.
      </p>

      <h2>Dine rettigheder</h2>
      <p>
        Du har ret til at se, rette og få slettet de oplysninger, vi har om dig, og til at få dem udleveret. Det meste kan du gøre selv under din
        konto. Handler det om dit træningsprogram, kan du også gå til din klinik. Skriv til os på <ContactAddress email={contactEmail} />, hvis
        du har spørgsmål. Du kan klage til Datatilsynet (datatilsynet.dk).
      </p>
    </TrustPage>
  );
}
