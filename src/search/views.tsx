import { Layout, Pagination, type ViewContext } from '../web/layout.js';
import { formatCount } from '../text/numbers.js';
import type { SearchKind } from '../db/schema.js';
import type { SearchResult } from './query.js';
import type { SnippetPart } from './snippet.js';

export const SEARCH_PAGE_SIZE = 10;

const KIND_LABEL: Record<SearchKind, string> = { ordbog: 'Ordbog', blog: 'Blog', clinic: 'Klinik' };

const SUGGESTIONS = ['knæsmerter', 'lændesmerter', 'tennisalbue', 'frossen skulder', 'løb', 'genoptræning'];

export function searchPath(q: string, page = 1): string {
  const params = new URLSearchParams({ q });
  if (page > 1) params.set('side', String(page));
  return `/soeg?${params.toString()}`;
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <p class="snippet">{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}</p>;
}

export function SearchPage({ ctx, q, page, result }: { ctx: ViewContext; q: string; page: number; result: SearchResult | null }) {
  const pages = result ? Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE)) : 1;
  const title = q ? `Søgning: ${q}` : 'Søg';
  return (
    <Layout
      ctx={ctx}
      meta={{
        title,
        description: 'Søg i ordbogen, bloggen og blandt fysioterapeuter.',
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

      {q && result && result.total > 0 && (
        <>
          <p class="result-count" role="status">
            {result.totalCapped ? `Mere end ${formatCount(result.total)}` : formatCount(result.total)}{' '}
            {result.total === 1 ? 'resultat' : 'resultater'}
            {result.approximate && <> – vi fandt intet med præcis den stavning og viser ord, der ligner</>}
          </p>
          <ol class="results">
            {result.hits.map((hit) => (
              <li class="result" key={hit.url}>
                <p class="eyebrow">{KIND_LABEL[hit.kind]}</p>
                <h2 class="result-title">
                  <a href={hit.url}>{hit.title}</a>
                </h2>
                {hit.snippet.length > 0 && <Snippet parts={hit.snippet} />}
              </li>
            ))}
          </ol>
          <Pagination page={page} pages={pages} hrefFor={(p) => searchPath(q, p)} />
        </>
      )}

      {q && (!result || result.total === 0) && (
        <section class="empty" aria-labelledby="no-results">
          <h2 id="no-results">Ingen resultater for »{q}«</h2>
          <ul>
            <li>Tjek stavningen, eller prøv et kortere eller mere almindeligt ord (fx »knæ« i stedet for »knæskalssmerter«).</li>
            <li>
              Se hele <a href="/ordbog">ordbogen fra A til Å</a>.
            </li>
            <li>
              Leder du efter en behandler? <a href="/find/fysioterapeut/danmark">Find en fysioterapeut</a>.
            </li>
          </ul>
          <Suggestions intro="Mange søger på:" />
        </section>
      )}
    </Layout>
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
