import { formatDanishDate } from '../../text/dates.js';
import type { Article } from '../articles.js';

/** "Fagligt gennemgået af Anne Holm, fysioterapeut, ph.d., den 12. marts 2026", under the title. */
export function ReviewLine({ reviewer }: { reviewer: NonNullable<Article['reviewedBy']> }) {
  return (
    <p class="article-review">
      Fagligt gennemgået af <strong>{reviewer.name}</strong>
      {reviewer.title && <>, {reviewer.title}</>}, den <time dateTime={reviewer.lastReviewed}>{formatDanishDate(reviewer.lastReviewed)}</time>
    </p>
  );
}

/** The frontmatter's sources, numbered, at the end of the article. */
export function SourceList({ sources }: { sources: Article['sources'] }) {
  if (sources.length === 0) return null;
  return (
    <section class="article-sources" aria-labelledby="artikel-kilder">
      <h2 id="artikel-kilder">Kilder</h2>
      <ol>
        {sources.map((s, i) => (
          <li key={i}>
            {s.url ? (
              <a href={s.url} rel="noopener noreferrer">
                {s.text}
              </a>
            ) : (
              s.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
