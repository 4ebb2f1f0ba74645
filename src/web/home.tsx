import { ArticleCards } from '../content/views/article-list.js';
import type { ArticleSummary } from '../content/articles.js';
import type { SpecialtyCatalog } from '../directory/specialties.js';
import { FindForm } from '../directory/views/parts.js';
import { Layout, type ViewContext } from './layout.js';
import { absoluteUrl } from './seo.js';

export function HomePage({ ctx, ordbog, posts, specialties }: { ctx: ViewContext; ordbog: ArticleSummary[]; posts: ArticleSummary[]; specialties: SpecialtyCatalog }) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: ctx.site.name,
        metaTitle: `${ctx.site.name} – viden om smerter, find en fysioterapeut og kom tilbage i form`,
        description: 'Forstå dine smerter, find en fysioterapeut i nærheden og træn dig tilbage med et program, der følger dig.',
        path: '/',
        scripts: [ctx.assets.url('find-form.js')],
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
      <section class="hero">
        <h1>Hvor gør det ondt?</h1>
        <p class="lede">Læs om dine gener, find en fysioterapeut tæt på dig, og træn dig tilbage i form.</p>
        <form class="search-large" action="/soeg" method="get" role="search" aria-label="Søg i viden og klinikker">
          <label for="home-q">Søg i viden og klinikker</label>
          <div class="search-row">
            <input id="home-q" type="search" name="q" placeholder="Fx knæ, lænd eller tennisalbue" />
            <button type="submit">Søg</button>
          </div>
        </form>
      </section>

      <section class="home-find" aria-labelledby="home-find">
        <h2 id="home-find">Find en fysioterapeut nær dig</h2>
        <FindForm specialties={specialties} idPrefix="home" />
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
