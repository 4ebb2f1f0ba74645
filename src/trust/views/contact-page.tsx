import type { ViewContext } from '../../web/layout.js';
import { TRUST_PATHS } from '../paths.js';
import { ContactAddress, TrustPage } from './trust-page.js';

/** /kontakt: how to reach us; the address is the operator's CONTACT_EMAIL, never one we invent. */
export function ContactPage({ ctx, contactEmail }: { ctx: ViewContext; contactEmail: string | null }) {
  const site = ctx.site.name;
  return (
    <TrustPage
      ctx={ctx}
      path={TRUST_PATHS.contact}
      title="Kontakt"
      description={`Sådan kontakter du ${site}: fejl i en artikel, spørgsmål om dine data, din klinik på siden.`}
      lead={`Du kan skrive til ${site} på e-mail om alt, der handler om siden.`}
    >
      <h2>E-mail</h2>
      <p>
        <ContactAddress email={contactEmail} />
      </p>

      <aside class="notice" aria-label="Vigtigt">
        <p>
          Vi kan ikke give råd om din behandling på e-mail, og der kan gå nogle dage, før du får svar. Er du akut syg, så ring til din
          læge, lægevagten eller 112.
        </p>
      </aside>

      <h2>Hvad kan vi hjælpe med</h2>
      <ul>
        <li>En fejl i en artikel: nævn artiklens titel eller adresse og hvad der er forkert.</li>
        <li>
          Dine data: du kan selv hente alle dine data og slette din konto under <a href="/konto">din konto</a>. Skriv til os, hvis noget ikke virker,
          eller hvis du har spørgsmål til, hvad vi gemmer. Læs mere under <a href={TRUST_PATHS.privacy}>privatliv</a>.
        </li>
        <li>
          Genoptræning: spørgsmål om dit træningsprogram skal du stille til din fysioterapeut. Klinikken er ansvarlig for dine
          helbredsoplysninger.
        </li>
        <li>
          Din klinik: er du ejer af en klinik, kan du overtage og rette klinikkens side fra klinikkens side på {site} (“Er det din klinik?”).
        </li>
        <li>
          En anmeldelse eller kommentar, du mener er upassende: brug knappen ved den. Læs{' '}
          <a href="/saadan-behandler-vi-anmeldelser">hvordan vi behandler anmeldelser</a>.
        </li>
      </ul>
    </TrustPage>
  );
}
