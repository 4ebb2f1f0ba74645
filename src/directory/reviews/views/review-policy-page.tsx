import { Layout, type ViewContext } from '../../../web/layout.js';
import { REVIEW_POLICY_PATH } from './review-list.js';

/**
 * "Sådan behandler vi anmeldelser": what the marketing act (markedsføringsloven § 6 a, from the
 * EU's Omnibus directive) asks of a site that shows consumer reviews: whether and how we check
 * that they come from people who used the service, and how they are moderated. Say only what
 * the code does.
 */
export function ReviewPolicyPage({ ctx }: { ctx: ViewContext }) {
  const site = ctx.site.name;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Sådan behandler vi anmeldelser',
        description: `Hvem der kan anmelde en klinik på ${site}, hvordan vi tjekker, at anmeldelser kommer fra patienter, og hvordan vi modererer dem.`,
        path: REVIEW_POLICY_PATH,
        crumbs: [{ name: 'Sådan behandler vi anmeldelser', path: REVIEW_POLICY_PATH }],
      }}
    >
      <article class="prose community-page">
        <h1>Sådan behandler vi anmeldelser</h1>
        <p class="lead">
          Anmeldelserne på {site} er skrevet af brugere af siden. Her kan du læse, hvem der kan skrive dem, hvad vi tjekker, og hvad vi ikke kan tjekke.
        </p>

        <h2>Hvem kan skrive en anmeldelse</h2>
        <ul>
          <li>Du skal have en konto og have bekræftet din e-mailadresse.</li>
          <li>Du kan skrive én anmeldelse pr. klinik. Du kan rette den senere, men så skal den godkendes igen.</li>
          <li>Ejere og behandlere på en klinik kan ikke anmelde deres egen klinik.</li>
          <li>Du giver stjerner fra 1 til 5, skriver mindst 20 tegn og oplyser, hvilken måned du var til behandling.</li>
          <li>Anmeldelsen vises med dit fornavn og forbogstavet i dit efternavn, og kun hvis du har sagt ja til det.</li>
        </ul>

        <h2>Hvordan vi tjekker, at anmeldelsen kommer fra en patient</h2>
        <p>
          Vi har ikke adgang til klinikkernes patientlister, så vi kan ikke selv se, om du har været patient. Klinikkens ejer kan bekræfte, at du
          har været til behandling. Så står der <strong>besøg bekræftet</strong> ved anmeldelsen. Står der ikke besøg bekræftet, har klinikken ikke
          bekræftet besøget, og anmeldelsen bygger på din egen oplysning om behandlingen.
        </p>

        <h2>Hvordan vi modererer</h2>
        <ul>
          <li>En redaktør læser hver ny eller rettet anmeldelse, før den bliver vist.</li>
          <li>Vi offentliggør både gode og dårlige anmeldelser. Vi afviser ikke en anmeldelse, fordi den er kritisk.</li>
          <li>
            Vi afviser en anmeldelse, hvis den ikke handler om din egen oplevelse af klinikken, hvis den indeholder personangreb, oplysninger om andre
            personers helbred eller privatliv, reklame eller ulovligt indhold. Du får begrundelsen på e-mail og kan rette anmeldelsen og sende den
            igen.
          </li>
          <li>Klinikker kan ikke betale for at få anmeldelser fjernet, flyttet eller fremhævet.</li>
          <li>Klinikkens ejer kan svare én gang offentligt på hver anmeldelse. Svaret læses også af en redaktør, før det vises.</li>
          <li>
            Alle, der er logget ind, kan anmelde en anmeldelse som upassende. Så læser en redaktør den igen. Den bliver ved med at være vist, indtil
            redaktøren har besluttet, om den skal fjernes.
          </li>
        </ul>

        <h2>Sådan vises anmeldelserne</h2>
        <p>
          Anmeldelserne vises med de nyeste først. Gennemsnittet ved klinikken er det almindelige gennemsnit af alle offentliggjorte anmeldelser. Når
          vi sorterer klinikker i søgeresultater, bruger vi et vægtet gennemsnit, så en klinik med få anmeldelser ikke springer helt op eller ned
          på grund af en enkelt.
        </p>

        <h2>Dine data</h2>
        <p>
          Du kan se alle dine anmeldelser og kommentarer, når du henter dine data under din konto. Sletter du din konto, sletter vi også dine
          anmeldelser, svar og kommentarer, og de tæller ikke længere med i klinikkens gennemsnit.
        </p>

        <h2>Kommentarer til blogindlæg</h2>
        <p>Kommentarer under vores blogindlæg behandles på samme måde: de læses af en redaktør, før de vises, og kan anmeldes som upassende.</p>
      </article>
    </Layout>
  );
}
