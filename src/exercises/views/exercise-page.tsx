import { Layout, type ViewContext } from '../../web/layout.js';
import { exercisePictures } from '../picture.js';
import { doseText, howToJsonLd, levelText } from '../present.js';
import type { ExerciseDetail, LinkedArticle } from '../queries.js';
import { EXERCISES_PATH, exerciseListPath, exercisePath } from '../urls.js';

export function ExercisePage({ ctx, exercise: e, articles }: { ctx: ViewContext; exercise: ExerciseDetail; articles: LinkedArticle[] }) {
  const pictures = exercisePictures(e.scene, { id: e.slug, name: e.name });
  const firstRegion = e.regions[0];
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: e.name,
        metaTitle: `${e.name} – øvelse til ${e.regions.map((r) => r.name.toLowerCase()).join(', ')}`,
        description: `${e.name}: ${e.startPosition} ${e.steps[0] ?? ''}`.slice(0, 155),
        path: e.url,
        crumbs: [
          { name: 'Øvelser', path: EXERCISES_PATH },
          ...(firstRegion ? [{ name: firstRegion.name, path: exerciseListPath({ krop: firstRegion.slug }) }] : []),
          { name: e.name, path: e.url },
        ],
        jsonLd: [howToJsonLd(ctx.site, e)],
      }}
    >
      <article class="exercise">
        <header class="exercise-header">
          <p class="eyebrow">Øvelse · {levelText(e.level)}</p>
          <h1>{e.name}</h1>
          <dl class="exercise-facts">
            <div>
              <dt>Kropsdel</dt>
              <dd>
                {e.regions.map((r, i) => (
                  <span key={r.slug}>
                    {i > 0 && ', '}
                    <a href={exerciseListPath({ krop: r.slug })}>{r.name}</a>
                  </span>
                ))}
              </dd>
            </div>
            <div>
              <dt>Udstyr</dt>
              <dd>{e.equipment.map((q) => q.name).join(', ')}</dd>
            </div>
            <div>
              <dt>Dosering</dt>
              <dd>{doseText(e.dose)}</dd>
            </div>
          </dl>
        </header>

        <div class="exercise-pictures">
          <figure>
            <div dangerouslySetInnerHTML={{ __html: pictures.start }} />
            <figcaption>
              <strong>Start:</strong> {e.scene.start.label}
            </figcaption>
          </figure>
          <figure>
            <div dangerouslySetInnerHTML={{ __html: pictures.end }} />
            <figcaption>
              <strong>Slut:</strong> {e.scene.end.label}
            </figcaption>
          </figure>
        </div>

        <section class="exercise-section" aria-labelledby="startstilling">
          <h2 id="startstilling">Startstilling</h2>
          <p>{e.startPosition}</p>
        </section>

        <section class="exercise-section" aria-labelledby="saadan">
          <h2 id="saadan">Sådan gør du</h2>
          <ol class="exercise-steps">
            {e.steps.map((step, i) => (
              <li key={i} id={`trin-${i + 1}`}>
                {step}
              </li>
            ))}
          </ol>
        </section>

        <section class="exercise-section" aria-labelledby="maerke">
          <h2 id="maerke">Det skal du mærke</h2>
          <p>{e.feel}</p>
        </section>

        <section class="exercise-section" aria-labelledby="fejl">
          <h2 id="fejl">Typiske fejl</h2>
          <ul>
            {e.mistakes.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </section>

        <aside class="notice exercise-stop" aria-labelledby="stop">
          <h2 id="stop">Hvornår skal du stoppe?</h2>
          <p>{e.stopIf}</p>
          <p>Øvelsen er et forslag og erstatter ikke en undersøgelse. Spørg din fysioterapeut, hvis du er i tvivl om, hvad der passer til dig.</p>
        </aside>

        {(e.easier || e.harder) && (
          <nav class="exercise-chain" aria-label="Lettere og sværere variant">
            {e.easier && (
              <a class="chain-link chain-easier" href={exercisePath(e.easier.slug)} rel="prev">
                <span class="chain-label">← Lettere</span> {e.easier.name}
              </a>
            )}
            {e.harder && (
              <a class="chain-link chain-harder" href={exercisePath(e.harder.slug)} rel="next">
                <span class="chain-label">Sværere →</span> {e.harder.name}
              </a>
            )}
          </nav>
        )}

        {articles.length > 0 && (
          <aside class="related" aria-labelledby="related-title">
            <h2 id="related-title">Læs mere i ordbogen</h2>
            <ul class="link-list">
              {articles.map((a) => (
                <li key={a.url}>
                  <a href={a.url}>{a.title}</a>
                </li>
              ))}
            </ul>
          </aside>
        )}

        <p class="exercise-more">
          <a href={firstRegion ? exerciseListPath({ krop: firstRegion.slug }) : EXERCISES_PATH}>
            {firstRegion ? `Flere øvelser til ${firstRegion.name.toLowerCase()}` : 'Alle øvelser'}
          </a>
        </p>
      </article>
    </Layout>
  );
}
