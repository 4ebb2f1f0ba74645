import { formatDanishDate } from '../../text/dates.js';
import type { ArticleSummary } from '../articles.js';

/** Cards for blog posts and article lists. `headingLevel` keeps the outline right per page. */
export function ArticleCards({ articles, headingLevel = 2 }: { articles: ArticleSummary[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards">
      {articles.map((a) => (
        <li class="card" key={a.url}>
          <H class="card-title">
            <a href={a.url}>{a.title}</a>
          </H>
          <p class="card-meta">
            <time dateTime={a.datePublished}>{formatDanishDate(a.datePublished)}</time>
            {a.authorName && <> · {a.authorName}</>} · {a.readingMinutes} min.
          </p>
          <p>{a.description}</p>
        </li>
      ))}
    </ul>
  );
}
