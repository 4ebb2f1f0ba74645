import { ArticleCards } from '../content/views/article-list.js';
import type { ArticleSummary } from '../content/articles.js';
import { EntrySearch } from '../body/views/entry-search.js';
import { BodyMap, type MapRegion } from '../body/views/body-map.js';
import { Layout, type ViewContext } from './layout.js';
import { absoluteUrl } from './seo.js';

/**
 * One way in: where it hurts (the body map) or one search box that takes a topic, a place or
 * both. The header's search box is left out here so the page does not offer two.
 */
export function HomePage({ ctx, ordbog, posts, regions }: { ctx: ViewContext; ordbog: ArticleSummary[]; posts: ArticleSummary[]; regions: readonly MapRegion[] }) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: ctx.site.name,
        metaTitle: `${ctx.site.name} – viden om smerter, find en fysioterapeut og kom tilbage i form`,
        description: 'Vælg, hvor det gør ondt, og find viden, øvelser og en fysioterapeut i nærheden, der behandler netop det.',
        path: '/',
        headerSearch: false,
        jsonLd: [
          {
            '@context': 'https://schema.org',
            '@type': 'WebSite',
            name: ctx.site.name,
            url: absoluteUrl(ctx.site, '/'),
            inLanguage: 'da',
            potentialAction: {
              '@type': 'SearchAction',
              target: `${absoluteUrl(ctx.site, '/soeg')}?q={search_term_string}`,
              'query-input': 'required name=search_term_string',
            },
          },
        ],
      }}
    >
      <section class="entry" aria-labelledby="home-where">
        <h1 id="home-where">Hvor gør det ondt?</h1>
        <p class="lede">Vælg stedet på kroppen, eller skriv, hvad du leder efter. Så finder vi viden, øvelser og fysioterapeuter tæt på dig.</p>
        <EntrySearch id="home-q" />
        <BodyMap regions={regions} headingId="home-where" />
      </section>

      <section class="home-section" aria-labelledby="home-ordbog">
        <h2 id="home-ordbog">Nyt i ordbogen</h2>
        {ordbog.length === 0 ? (
          <p class="empty">Ordbogen er tom endnu.</p>
        ) : (
          <ul class="term-grid">
            {ordbog.map((a) => (
              <li key={a.url}>
                <a href={a.url}>{a.title}</a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/ordbog">Se hele ordbogen fra A til Å →</a>
        </p>
      </section>

      <section class="home-section" aria-labelledby="home-blog">
        <h2 id="home-blog">Seneste fra bloggen</h2>
        {posts.length === 0 ? <p class="empty">Ingen indlæg endnu.</p> : <ArticleCards articles={posts} headingLevel={3} />}
        <p>
          <a href="/blog">Alle indlæg →</a>
        </p>
      </section>
    </Layout>
  );
}
