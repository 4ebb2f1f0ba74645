import type { ViewContext } from '../../web/layout.js';
import { TRUST_PATHS } from '../paths.js';
import { TrustPage } from './trust-page.js';

/** /om: what the site is, who it is for, and what it is not. */
export function AboutPage({ ctx }: { ctx: ViewContext }) {
  const site = ctx.site.name;
  return (
    <TrustPage
      ctx={ctx}
      path={TRUST_PATHS.about}
      title={`Om ${site}`}
      description={`Hvad ${site} er: viden om smerter og genoptræning, en oversigt over fysioterapeuter og træningsprogrammer fra din egen behandler.`}
      lead={`${site} er for dig, der har ondt et sted og gerne vil forstå hvorfor, finde en fysioterapeut i nærheden og træne dig tilbage.`}
    >
      <h2>Det finder du her</h2>
      <ul>
        <li>
          <a href="/ordbog">Ordbogen</a> forklarer diagnoser, kropsdele og behandlinger i et sprog, man kan forstå uden at være sundhedsuddannet.
        </li>
        <li>
          <a href="/blog">Bloggen</a> har længere artikler om træning, smerter og hverdagen med gener.
        </li>
        <li>
          <a href="/find/fysioterapeut">Find fysioterapeut</a> viser klinikker efter by og speciale, med priser, åbningstider og anmeldelser fra
          patienter.
        </li>
        <li>
          <a href="/oevelser">Øvelser</a> og <a href="/vaerktoejer">værktøjer</a> hjælper dig med at komme i gang selv.
        </li>
        <li>Genoptræning: Din fysioterapeut kan give dig et træningsprogram her. Du logger din træning og din smerte, og programmet følger med.</li>
      </ul>

      <h2>Det er vi ikke</h2>
      <p>
        Vi stiller ikke diagnoser og behandler ikke. Teksterne er generel viden og kan ikke erstatte en undersøgelse hos en læge eller
        fysioterapeut. Er du akut syg eller kommet til skade, så ring til din læge, lægevagten eller 112.
      </p>

      <h2>Sådan arbejder vi</h2>
      <ul>
        <li>
          Vi skriver selv vores artikler, og fagfolk gennemgår dem. Læs hvordan i vores <a href={TRUST_PATHS.editorial}>redaktionelle politik</a>.
        </li>
        <li>
          Klinikker kan ikke betale sig til bedre placering eller til at få anmeldelser fjernet. Læs{' '}
          <a href="/saadan-behandler-vi-anmeldelser">hvordan vi behandler anmeldelser</a>.
        </li>
        <li>
          Vi bruger ingen annoncer og ingen analyseværktøjer fra andre firmaer. Læs hvad vi gemmer om dig under{' '}
          <a href={TRUST_PATHS.privacy}>privatliv</a>.
        </li>
      </ul>

      <h2>Kontakt</h2>
      <p>
        Har du spørgsmål, har du fundet en fejl, eller vil du have din klinik med? Se <a href={TRUST_PATHS.contact}>hvordan du kontakter os</a>.
      </p>
    </TrustPage>
  );
}
