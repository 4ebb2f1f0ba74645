import { formatCount } from '../../text/numbers.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import type { SpecialtyCatalog } from '../specialties.js';
import type { Town, TownSuggestion } from '../towns.js';
import { COUNTRY, type FindFilters, findPath } from '../urls.js';
import { FindForm } from './parts.js';

export interface LandingProps {
  ctx: ViewContext;
  specialties: SpecialtyCatalog;
  /** What was typed, when it did not lead to one town. */
  query: string;
  choices: TownSuggestion[];
  specialtySlug: string | null;
  /** The filters sent with the search, kept on the form and the choices. */
  filters?: FindFilters;
  topTowns: Array<{ town: Town; count: number }>;
}

export function FindLanding(props: LandingProps) {
  const { ctx, specialties, query, choices, specialtySlug, topTowns } = props;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Find en fysioterapeut nær dig',
        description: 'Søg blandt fysioterapeuter i hele Danmark efter by, postnummer og speciale. Se afstand, ydernummer, åbningstider og anmeldelser.',
        path: '/find/fysioterapeut',
        noindex: query !== '',
        scripts: [ctx.assets.url('find-form.js')],
        crumbs: [{ name: 'Find fysioterapeut', path: '/find/fysioterapeut' }],
      }}
    >
      <h1>Find en fysioterapeut</h1>
      <p class="lede">Skriv din by eller dit postnummer. Du kan også vælge et speciale og krav til klinikken.</p>
      {query && (
        <section class="notice" aria-live="polite">
          {choices.length === 0 ? (
            <p>
              Vi kender ikke stedet »{query}«. Skriv et dansk postnummer (fx 8000) eller et bynavn (fx Odense C).
            </p>
          ) : (
            <>
              <p>»{query}« passer på flere steder. Vælg det rigtige:</p>
              <ul class="link-list">
                {choices.map(({ town, postcode }) => (
                  <li key={`${town.slug}-${postcode ?? ''}`}>
                    <a href={findPath(town.slug, specialtySlug, props.filters)}>{postcode ? `${postcode} ${town.name}` : town.name}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <FindForm specialties={specialties} idPrefix="landing" specialtySlug={specialtySlug} typed={query || undefined} filters={props.filters} />
      <p>
        Eller se <a href={findPath(COUNTRY)}>alle klinikker i Danmark</a>.
      </p>
      {topTowns.length > 0 && (
        <section aria-labelledby="top-towns">
          <h2 id="top-towns">Byer med flest klinikker</h2>
          <ul class="link-columns">
            {topTowns.map(({ town, count }) => (
              <li key={town.slug}>
                <a href={findPath(town.slug)}>{town.name}</a> <span class="muted">({formatCount(count)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
