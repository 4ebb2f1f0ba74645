import type { ViewContext } from '../../web/layout.js';
import { TRUST_PATHS } from '../paths.js';
import { ContactAddress, TrustPage } from './trust-page.js';

/**
 * /redaktionel-politik: who writes, who checks, how often, corrections, sources. Every promise
 * here is something the article pages show (author, "Fagligt gennemgået af", "Kilder",
 * "Opdateret"), so a reader can check it on each article.
 */
export function EditorialPage({ ctx, contactEmail }: { ctx: ViewContext; contactEmail: string | null }) {
  const site = ctx.site.name;
  return (
    <TrustPage
      ctx={ctx}
      path={TRUST_PATHS.editorial}
      title="Redaktionel politik"
      description={`Hvem der skriver artiklerne på ${site}, hvem der gennemgår dem fagligt, hvor ofte de bliver gennemgået, og hvordan vi retter fejl.`}
      lead={`Sådan bliver artiklerne i ordbogen og på bloggen til, og sådan holder vi dem korrekte.`}
    >
      <h2>Hvem skriver</h2>
      <p>
        Artiklerne skrives af vores skribenter, som er fysioterapeuter eller har en anden sundhedsfaglig baggrund. Skribentens navn står under
        titlen og fører til en side om personen med uddannelse og de andre artikler, personen har skrevet. Vi skriver selv vores tekster og
        kopierer dem ikke fra andre.
      </p>

      <h2>Hvem gennemgår</h2>
      <p>
        Før en artikel om sygdom, skader eller behandling bliver vist, læser en anden fagperson den igennem og tjekker, at den stemmer med den
        viden, vi har i dag. Når det er sket, står der <strong>Fagligt gennemgået af</strong> under titlen med personens navn, titel og datoen
        for gennemgangen. Står der ikke det, er artiklen ikke blevet gennemgået af en anden end skribenten.
      </p>

      <h2>Hvor ofte</h2>
      <ul>
        <li>Vi gennemgår hver artikel mindst én gang om året og oftere, når der kommer ny viden eller nye anbefalinger på området.</li>
        <li>
          Datoen ved <strong>Opdateret</strong> er den dag, teksten sidst blev ændret. Datoen ved <strong>Fagligt gennemgået</strong> er den dag, en
          fagperson sidst har tjekket den.
        </li>
      </ul>

      <h2>Kilder</h2>
      <p>
        Vi bygger på danske og internationale kliniske retningslinjer, systematiske oversigtsartikler og lærebøger. De vigtigste kilder står under
        <strong> Kilder</strong> nederst i artiklen, med et link, hvor kilden er frit tilgængelig. Tal og grænseværdier, vi ikke selv har fundet
        på, har altid en kilde.
      </p>

      <h2>Advarselstegn</h2>
      <p>
        Hvor det er relevant, har artiklen en fremhævet boks med overskriften <strong>Hvornår skal du søge læge?</strong>. Den nævner de tegn,
        hvor du ikke skal vente og se, men kontakte en læge.
      </p>

      <h2>Rettelser</h2>
      <p>
        Finder du en fejl, så skriv til os på <ContactAddress email={contactEmail} /> og nævn artiklen. Vi svarer, retter faktuelle fejl hurtigst
        muligt og ændrer datoen ved <strong>Opdateret</strong>. Er en fejl vigtig for din sundhed, skriver vi i artiklen, hvad der er rettet.
      </p>

      <h2>Uafhængighed</h2>
      <p>
        Artiklerne er ikke betalt af klinikker, producenter eller andre. Artikler anbefaler ikke bestemte klinikker, og knappen “Find en
        fysioterapeut” sender dig til den samme oversigt, som alle andre ser.
      </p>
      <p>
        Læs også <a href={TRUST_PATHS.about}>om {site}</a> og <a href="/saadan-behandler-vi-anmeldelser">hvordan vi behandler anmeldelser</a>.
      </p>
    </TrustPage>
  );
}
