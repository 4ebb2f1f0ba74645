import { Layout, type ViewContext } from '../../web/layout.js';
import { absoluteUrl } from '../../web/seo.js';
import type { ArticleSummary } from '../articles.js';
import type { Author } from '../authors.js';
import { authorPath } from '../urls.js';
import { ArticleCards } from './article-list.js';

export function AuthorPage({ ctx, author, articles }: { ctx: ViewContext; author: Author; articles: ArticleSummary[] }) {
  const path = authorPath(author.slug);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${author.name}${author.title ? ` – ${author.title}` : ''}`,
        description: (author.bio ?? `Artikler og indlæg skrevet af ${author.name}.`).slice(0, 160),
        path,
        ogType: 'website',
        crumbs: [{ name: author.name, path }],
        jsonLd: [
          {
            '@context': 'https://schema.org',
            '@type': 'ProfilePage',
            url: absoluteUrl(ctx.site, path),
            mainEntity: {
              '@type': 'Person',
              name: author.name,
              ...(author.title ? { jobTitle: author.title } : {}),
              ...(author.bio ? { description: author.bio } : {}),
            },
          },
        ],
      }}
    >
      <header class="author-header">
        <p class="eyebrow">Forfatter</p>
        <h1>{author.name}</h1>
        {author.title && <p class="muted">{author.title}</p>}
        {author.bio && <p class="lede">{author.bio}</p>}
      </header>
      <h2>Skrevet af {author.name}</h2>
      {articles.length === 0 ? <p class="empty">Ingen artikler endnu.</p> : <ArticleCards articles={articles} headingLevel={3} />}
    </Layout>
  );
}
