import { Layout, Pagination, type ViewContext } from '../web/layout.js';
import { formatCount } from '../text/numbers.js';
import type { SearchKind } from '../db/schema.js';
import { inTown } from '../directory/towns.js';
import type { GroupedSearch } from './grouped.js';
import type { SearchHit } from './query.js';
import type { SnippetPart } from './snippet.js';

export const SEARCH_PAGE_SIZE = 10;

const KIND_LABEL: Record<SearchKind, string> = { ordbog: 'Ordbog', blog: 'Blog', clinic: 'Klinik', exercise: 'Øvelse', tool: 'Værktøj' };

const SUGGESTIONS = ['knæsmerter', 'lændesmerter', 'tennisalbue', 'frossen skulder', 'løb', 'genoptræning'];

export function searchPath(q: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('side', String(page));
  return `/soeg?${params.toString()}`;
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <p class="snippet">{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</p>;
}

export function SearchPage({ ctx, q, page, result }: { ctx: ViewContext; q: string; page: number; result: GroupedSearch | null }) {
  const knowledge = result?.knowledge ?? null;
  const clinics = result?.clinics?.total ? result.clinics : null;
  const town = result?.intent?.town ?? null;
  const found = Boolean(knowledge?.total || clinics || town);
  const title = q ? `Søgning: ${q}` : 'Søg';
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        description: 'Søg i ordbogen, bloggen, øvelserne, værktøjerne og blandt fysioterapeuter.',
        path: q ? searchPath(q, page) : '/soeg',
        noindex: true,
        query: q,
        crumbs: [{ name: 'Søg', path: '/soeg' }],
      }}
    >
      <h1>{q ? <>Søgeresultater for »{q}«</> : 'Søg'}</h1>
      <form class="search-large" action="/soeg" method="get" role="search" aria-label="Ny søgning">
        <label for="search-q">Hvad leder du efter?</label>
        <div class="search-row">
          <input id="search-q" type="search" name="q" value={q} placeholder="Fx knæsmerter, piskesmæld eller Aarhus" />
          <button type="submit">Søg</button>
        </div>
      </form>

      {!q && <Suggestions intro="Prøv fx:" />}

      {town && result?.intent && (
        <p class="place-link">
          <a class="button" href={result.intent.url}>
            Find fysioterapeut {inTown(town)}
            {result.intent.specialty && <> med speciale i {result.intent.specialty.name}</>} →
          </a>
        </p>
      )}

      {knowledge && knowledge.total > 0 && (
        <section class="search-group" aria-labelledby="knowledge-heading">
          <h2 id="knowledge-heading">Viden</h2>
          <p class="result-count" role="status">
            {knowledge.totalCapped ? `Mere end ${formatCount(knowledge.total)}` : formatCount(knowledge.total)}{' '}
            {knowledge.total === 1 ? 'resultat' : 'resultater'}
            {knowledge.approximate && <> – vi fandt intet med præcis den stavning og viser ord, der ligner</>}
          </p>
          <Results hits={knowledge.hits} />
          <Pagination page={page} pages={Math.max(1, Math.ceil(knowledge.total / SEARCH_PAGE_SIZE))} hrefFor={(p) => searchPath(q, p)} />
        </section>
      )}

      {clinics && result && (
        <section class="search-group" aria-labelledby="clinics-heading">
          <h2 id="clinics-heading">Klinikker</h2>
          <Results hits={clinics.hits} />
          <p>
            <a href={result.finderUrl}>{town ? `Alle fysioterapeuter ${inTown(town)} i klinikfinderen` : 'Flere klinikker i klinikfinderen'} →</a>
          </p>
        </section>
      )}

      {q && !found && (
        <section class="empty" aria-labelledby="no-results">
          <h2 id="no-results">Ingen resultater for »{q}«</h2>
          <ul>
            <li>Tjek stavningen, eller prøv et kortere eller mere almindeligt ord (fx »knæ« i stedet for »knæskalssmerter«).</li>
            <li>
              Se hele <a href="/ordbog">ordbogen fra A til Å</a>.
            </li>
            <li>
              Leder du efter en behandler? <a href={result?.finderUrl ?? '/find/fysioterapeut'}>Find en fysioterapeut</a>.
            </li>
          </ul>
          <Suggestions intro="Mange søger på:" />
        </section>
      )}
    </Layout>
  );
}

function Results({ hits }: { hits: readonly SearchHit[] }) {
  return (
    <ol class="results">
      {hits.map((hit) => (
        <li class="result" key={hit.url}>
          <p class="eyebrow">{KIND_LABEL[hit.kind]}</p>
          <h3 class="result-title">
            <a href={hit.url}>{hit.title}</a>
          </h3>
          {hit.snippet.length > 0 && <Snippet parts={hit.snippet} />}
        </li>
      ))}
    </ol>
  );
}

function Suggestions({ intro }: { intro: string }) {
  return (
    <p class="suggestions">
      {intro}{' '}
      {SUGGESTIONS.map((s, i) => (
        <span key={s}>
          {i > 0 && ', '}
          <a href={searchPath(s)}>{s}</a>
        </span>
      ))}
    </p>
  );
}
