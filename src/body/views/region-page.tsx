import { clinicPath } from '../../directory/clinics.js';
import { NEARBY_RADIUS_KM } from '../../directory/listing.js';
import type { Specialty } from '../../directory/specialties.js';
import type { Town, TownSuggestion } from '../../directory/towns.js';
import { findPath } from '../../directory/urls.js';
import { Distance } from '../../directory/views/parts.js';
import { exerciseListPath } from '../../exercises/urls.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import type { NearClinic } from '../nearest.js';
import { BODY_INDEX_PATH, type RegionArticle, type RegionContent, regionPath } from '../regions.js';

/** What the place form found: nothing asked yet, a town and its clinics, choices, or nothing. */
export type PlaceAnswer =
  | { kind: 'none' }
  | { kind: 'town'; town: Town; total: number; items: NearClinic[] }
  | { kind: 'choices'; typed: string; choices: TownSuggestion[] }
  | { kind: 'unknown'; typed: string };

export const REGION_CLINICS_SHOWN = 5;

const lower = (name: string) => name.toLowerCase();

export function RegionPage({ ctx, content, specialty, place }: { ctx: ViewContext; content: RegionContent; specialty: Specialty | null; place: PlaceAnswer }) {
  const { region, ordbog, blog, exercises } = content;
  const name = lower(region.name);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${region.name}: viden, øvelser og fysioterapeuter`,
        description: `Ondt i ${name}? Læs om de almindelige problemer, find øvelser, og find en fysioterapeut nær dig, der behandler ${name}.`,
        path: regionPath(region.slug),
        noindex: place.kind !== 'none',
        crumbs: [
          { name: 'Kroppen', path: BODY_INDEX_PATH },
          { name: region.name, path: regionPath(region.slug) },
        ],
      }}
    >
      <header class="region-header">
        <p class="eyebrow">Kroppen</p>
        <h1>{region.name}</h1>
        <p class="lede">Her finder du det, vi har skrevet om {name}, øvelser, du kan lave selv, og fysioterapeuter tæt på dig, der behandler det.</p>
        <p class="region-jump">
          <a href="#klinikker">Find en fysioterapeut nær dig</a>
        </p>
      </header>

      <div class="region-grid">
        <section class="region-section" aria-labelledby="region-ordbog">
          <h2 id="region-ordbog">I ordbogen</h2>
          <Articles articles={ordbog} empty={`Ordbogen har endnu ingen artikler om ${name}.`} />
        </section>

        <section class="region-section" aria-labelledby="region-blog">
          <h2 id="region-blog">Fra bloggen</h2>
          <Articles articles={blog} empty={`Bloggen har endnu ingen indlæg om ${name}.`} />
        </section>

        <section class="region-section" aria-labelledby="region-exercises">
          <h2 id="region-exercises">Øvelser</h2>
          {exercises.length === 0 ? (
            <p class="empty">Vi har endnu ingen øvelser for {name}.</p>
          ) : (
            <>
              <ul class="link-list">
                {exercises.slice(0, 8).map((e) => (
                  <li key={e.url}>
                    <a href={e.url}>{e.name}</a> <span class="muted">(niveau {e.level})</span>
                  </li>
                ))}
              </ul>
              <p>
                <a href={exerciseListPath({ krop: region.slug })}>Alle øvelser for {name} →</a>
              </p>
            </>
          )}
        </section>

        <section class="region-section" id="klinikker" aria-labelledby="region-clinics">
          <h2 id="region-clinics">Find en fysioterapeut</h2>
          <p>
            {specialty
              ? `Skriv dit postnummer eller din by, så viser vi de nærmeste fysioterapeuter med speciale i ${lower(specialty.name)}.`
              : 'Skriv dit postnummer eller din by, så viser vi de nærmeste fysioterapeuter.'}
          </p>
          <PlaceForm action={regionPath(region.slug)} place={place} />
          <Clinics place={place} specialty={specialty} path={regionPath(region.slug)} />
        </section>
      </div>
    </Layout>
  );
}

function Articles({ articles, empty }: { articles: RegionArticle[]; empty: string }) {
  if (articles.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="link-list">
      {articles.map((a) => (
        <li key={a.url}>
          <a href={a.url}>{a.title}</a>
          {a.description && <p>{a.description}</p>}
        </li>
      ))}
    </ul>
  );
}

function PlaceForm({ action, place }: { action: string; place: PlaceAnswer }) {
  const typed = place.kind === 'town' ? place.town.name : place.kind === 'none' ? '' : place.typed;
  const failed = place.kind === 'unknown';
  return (
    <form class="place-form" action={`${action}#klinikker`} method="get">
      <label for="sted">Dit postnummer eller by</label>
      <div class="search-row">
        <input
          id="sted"
          name="sted"
          type="text"
          value={typed}
          placeholder="Fx 2100 eller Aarhus"
          autocomplete="postal-code"
          required
          aria-invalid={failed ? 'true' : undefined}
          aria-describedby={failed ? 'sted-fejl' : undefined}
        />
        <button type="submit">Vis fysioterapeuter</button>
      </div>
      {failed && (
        <p class="place-error" id="sted-fejl">
          Vi kender ikke »{place.typed}« som postnummer eller by. Prøv med et postnummer med fire cifre, fx 8000.
        </p>
      )}
    </form>
  );
}

function Clinics({ place, specialty, path }: { place: PlaceAnswer; specialty: Specialty | null; path: string }) {
  if (place.kind === 'choices') {
    return (
      <>
        <p>Der er flere steder, der passer på »{place.typed}«. Hvilket mener du?</p>
        <ul class="link-list">
          {place.choices.map((c) => (
            <li key={c.town.slug}>
              <a href={`${path}?sted=${encodeURIComponent(c.postcode ?? c.town.name)}#klinikker`}>
                {c.postcode ? `${c.postcode} ` : ''}
                {c.town.name}
              </a>
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (place.kind !== 'town') return null;
  const { town, total, items } = place;
  const finder = findPath(town.slug, specialty?.slug ?? null);
  const topic = specialty ? ` med speciale i ${lower(specialty.name)}` : '';
  if (total === 0) {
    return (
      <p class="empty">
        Vi har ingen fysioterapeuter{topic} inden for {NEARBY_RADIUS_KM} km af {town.name}. <a href={finder}>Se de nærmeste byer, der har</a>.
      </p>
    );
  }
  return (
    <>
      <p>Nærmeste først:</p>
      <ol class="region-clinics">
        {items.map((c) => (
          <li key={c.slug}>
            <h3>
              <a href={clinicPath(c.slug)}>{c.name}</a>
            </h3>
            <p>
              {c.address}, {c.postcode} {c.townName} · <Distance km={c.distanceKm} town={town} />
            </p>
          </li>
        ))}
      </ol>
      <p>
        <a href={finder}>
          {total > REGION_CLINICS_SHOWN ? `Se alle ${total} fysioterapeuter${topic} nær ${town.name}` : 'Se dem i klinikfinderen med filtre og kort'} →
        </a>
      </p>
    </>
  );
}
