import { Layout, type ViewContext } from '../../web/layout.js';
import { DANISH_ALPHABET, compareDanish, danishInitial } from '../../text/danish.js';
import type { ArticleSummary } from '../articles.js';

const LETTER_IDS: Record<string, string> = { Æ: 'ae', Ø: 'oe', Å: 'aa' };

/** Articles grouped by first letter in Danish alphabetical order, each group sorted the Danish way. */
function groupByLetter(articles: readonly ArticleSummary[]): Array<[letter: string, items: ArticleSummary[]]> {
  const groups = new Map<string, ArticleSummary[]>();
  for (const a of articles) {
    const letter = danishInitial(a.title);
    groups.set(letter, [...(groups.get(letter) ?? []), a]);
  }
  const order = ['#', ...DANISH_ALPHABET];
  return order
    .filter((l) => groups.has(l))
    .map((l) => [l, (groups.get(l) ?? []).sort((a, b) => compareDanish(a.title, b.title))]);
}

const anchor = (letter: string) => `bogstav-${letter === '#' ? 'tal' : (LETTER_IDS[letter] ?? letter.toLowerCase())}`;

export function OrdbogIndex({ ctx, articles }: { ctx: ViewContext; articles: ArticleSummary[] }) {
  const groups = groupByLetter(articles);
  const present = new Set(groups.map(([l]) => l));
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Ordbog – fysioterapi og smerter fra A til Å',
        description: `Opslag om smerter, skader og genoptræning fra A til Å, skrevet af fysioterapeuter. ${articles.length} opslag.`,
        path: '/ordbog',
        crumbs: [{ name: 'Ordbog', path: '/ordbog' }],
      }}
    >
      <h1>Ordbog fra A til Å</h1>
      <p class="lede">
        Korte, faglige forklaringer på smerter, skader og behandling – skrevet, så du kan bruge dem. {articles.length}{' '}
        opslag.
      </p>
      {articles.length === 0 ? (
        <p class="empty">Ordbogen er tom endnu. Importér artikler med <code>npm run fysio -- import</code>.</p>
      ) : (
        <>
          <nav class="letters" aria-label="Spring til bogstav">
            <ul>
              {DANISH_ALPHABET.map((letter) => (
                <li key={letter}>
                  {present.has(letter) ? (
                    <a href={`#${anchor(letter)}`}>{letter}</a>
                  ) : (
                    <span class="letter-empty" title={`Ingen opslag på ${letter}`}>
                      {letter}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {groups.map(([letter, items]) => (
            <section class="letter-group" id={anchor(letter)} aria-labelledby={`${anchor(letter)}-h`} key={letter}>
              <h2 id={`${anchor(letter)}-h`}>{letter === '#' ? '0–9' : letter}</h2>
              <ul class="term-list">
                {items.map((a) => (
                  <li key={a.slug}>
                    <a href={a.url}>{a.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </Layout>
  );
}
