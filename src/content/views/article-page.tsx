import type { ComponentChildren } from 'preact';
import { Layout, type ViewContext } from '../../web/layout.js';
import { creativeWorkJsonLd, faqPageJsonLd } from '../../web/seo.js';
import { formatDanishDate } from '../../text/dates.js';
import type { Article, ArticleSummary } from '../articles.js';
import { authorPath } from '../urls.js';
import type { RegionExercises } from '../../exercises/queries.js';
import { exerciseListPath } from '../../exercises/urls.js';
import { ReviewLine, SourceList } from './article-review.js';
import { ArticleFinder } from '../../body/views/article-finder.js';
import type { NamedSpecialty } from '../../body/regions.js';

const SECTION = {
  ordbog: { name: 'Ordbog', path: '/ordbog', schema: 'MedicalWebPage' },
  blog: { name: 'Blog', path: '/blog', schema: 'BlogPosting' },
} as const;

/** `comments`: the comments section under a blog post (content/comments). */
export function ArticlePage({ ctx, article, related, exercises = [], comments, specialty = null }: { ctx: ViewContext; article: Article; related: ArticleSummary[]; exercises?: RegionExercises[]; comments?: ComponentChildren; specialty?: NamedSpecialty | null }) {
  const section = SECTION[article.kind];
  const author = article.author;
  const jsonLd = [
    creativeWorkJsonLd(ctx.site, {
      type: section.schema,
      path: article.url,
      title: article.title,
      description: article.description,
      datePublished: article.datePublished,
      dateModified: article.dateModified,
      author: author ? { name: author.name, path: authorPath(author.slug) } : null,
      reviewedBy: article.reviewedBy,
      citations: article.sources,
    }),
    ...(article.faq.items.length > 0 ? [faqPageJsonLd(ctx.site, article.url, article.faq.items)] : []),
  ];
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: article.title,
        metaTitle: article.metaTitle,
        description: article.description,
        path: article.url,
        ogType: 'article',
        published: article.datePublished,
        modified: article.dateModified,
        crumbs: [
          { name: section.name, path: section.path },
          { name: article.title, path: article.url },
        ],
        jsonLd,
      }}
    >
      <article class="article">
        <header class="article-header">
          <p class="eyebrow">{section.name}</p>
          <h1>{article.title}</h1>
          <p class="article-meta">
            {author && (
              <>
                Af <a href={authorPath(author.slug)}>{author.name}</a>
                {author.title && <span class="muted">, {author.title}</span>}
                {' · '}
              </>
            )}
            {article.kind === 'blog' && (
              <>
                Udgivet <time dateTime={article.datePublished}>{formatDanishDate(article.datePublished)}</time>
                {' · '}
              </>
            )}
            {(article.kind === 'ordbog' || article.dateModified !== article.datePublished) && (
              <>
                Opdateret <time dateTime={article.dateModified}>{formatDanishDate(article.dateModified)}</time>
                {' · '}
              </>
            )}
            {article.readingMinutes} min. læsning
          </p>
          {article.reviewedBy && <ReviewLine reviewer={article.reviewedBy} />}
        </header>

        {article.toc.length >= 3 && (
          <nav class="toc" aria-labelledby="toc-title">
            <h2 id="toc-title">Indhold</h2>
            <ol>
              {article.toc.map((entry) => (
                <li key={entry.id}>
                  <a href={`#${entry.id}`}>{entry.text}</a>
                </li>
              ))}
            </ol>
          </nav>
        )}

        <div class="prose" dangerouslySetInnerHTML={{ __html: article.html }} />

        {article.faq.items.length > 0 && (
          <section class="faq" aria-labelledby={article.faq.heading?.id ?? 'faq'}>
            <h2 id={article.faq.heading?.id ?? 'faq'}>{article.faq.heading?.text ?? 'Ofte stillede spørgsmål'}</h2>
            {article.faq.items.map((item) => (
              <div class="faq-item" key={item.question}>
                <h3>{item.question}</h3>
                <div class="prose" dangerouslySetInnerHTML={{ __html: item.answerHtml }} />
              </div>
            ))}
          </section>
        )}

        {article.faq.sources && (
          <section class="sources" aria-labelledby={article.faq.sources.heading.id}>
            <h3 id={article.faq.sources.heading.id}>{article.faq.sources.heading.text}</h3>
            <div class="prose" dangerouslySetInnerHTML={{ __html: article.faq.sources.html }} />
          </section>
        )}

        <SourceList sources={article.sources} />

        <aside class="notice" aria-label="Vigtigt">
          <p>
            Teksten er generel viden og kan ikke erstatte en undersøgelse. Bliver dine gener værre, eller er du i tvivl, så
            kontakt din læge eller en fysioterapeut.
          </p>
        </aside>

        {exercises.length > 0 && (
          <aside class="related article-exercises" aria-labelledby="exercises-title">
            <h2 id="exercises-title">Øvelser</h2>
            {exercises.map((group) => (
              <div key={group.region.slug}>
                <h3>{group.region.name}</h3>
                <ul class="link-list">
                  {group.exercises.map((e) => (
                    <li key={e.url}>
                      <a href={e.url}>{e.name}</a> <span class="muted">(niveau {e.level})</span>
                    </li>
                  ))}
                </ul>
                <p>
                  <a href={exerciseListPath({ krop: group.region.slug })}>Alle øvelser til {group.region.name.toLowerCase()}</a>
                </p>
              </div>
            ))}
          </aside>
        )}

        {related.length > 0 && (
          <aside class="related" aria-labelledby="related-title">
            <h2 id="related-title">Læs også</h2>
            <ul class="link-list">
              {related.map((r) => (
                <li key={r.url}>
                  <a href={r.url}>{r.title}</a>
                  {r.kind !== article.kind && <span class="muted"> ({SECTION[r.kind].name.toLowerCase()})</span>}
                </li>
              ))}
            </ul>
          </aside>
        )}

        <ArticleFinder specialty={specialty} />
        {comments}
      </article>
    </Layout>
  );
}
