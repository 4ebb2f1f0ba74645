import { formatCount } from '../text/numbers.js';
import type { ComponentChildren } from 'preact';
import { CsrfField } from '../web/csrf-field.js';
import { Layout, type ViewContext } from '../web/layout.js';
import type { Explained } from './matcher.js';

export const EXPLAINER_PATH = '/vaerktoejer/forstaa-din-scanning';
export const MAX_REPORT_CHARS = 20_000;

export interface ExplainerPageProps {
  ctx: ViewContext;
  /** The form's CSRF token (web/csrf.ts). */
  csrf: string;
  /** The user's text, shown back in the form and beside the explanations; never stored. */
  text?: string;
  result?: Explained;
  error?: string;
}

/** The form, the privacy and "no diagnosis" notices, and (after a POST) the explained report. */
export function ExplainerPage({ ctx, csrf, text = '', result, error }: ExplainerPageProps) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Forstå din scanning',
        description: 'Sæt teksten fra din MR-, CT-, ultralyds-, røntgen- eller DEXA-beskrivelse ind og få fagordene forklaret på almindeligt dansk.',
        path: EXPLAINER_PATH,
        noindex: result !== undefined || error !== undefined,
        crumbs: [
          { name: 'Værktøjer', path: '/vaerktoejer' },
          { name: 'Forstå din scanning', path: EXPLAINER_PATH },
        ],
      }}
    >
      <article class="explainer">
        <h1>Forstå din scanning</h1>
        <p class="lead">
          Sæt teksten fra din scanningsbeskrivelse ind – MR, CT, ultralyd, røntgen eller DEXA – så forklarer vi fagordene på
          almindeligt dansk, også de latinske og engelske.
        </p>
        <p class="explainer-notice" role="note">
          <strong>Ingen diagnose:</strong> forklaringerne er generelle og siger ikke, hvad fundene betyder for dig. Tal
          altid beskrivelsen igennem med din læge eller fysioterapeut.
        </p>
        {result && <ExplainedReport text={text} result={result} />}
        <form class="explainer-form" method="post" action={EXPLAINER_PATH}>
          <CsrfField token={csrf} />
          <label for="beskrivelse">Din scanningsbeskrivelse</label>
          <p id="beskrivelse-hjaelp" class="hint">
            Højst {formatCount(MAX_REPORT_CHARS)} tegn. Du behøver ikke tage navn eller CPR-nummer med.
          </p>
          {error && (
            <p id="beskrivelse-fejl" class="form-error" role="alert">
              {error}
            </p>
          )}
          <textarea
            id="beskrivelse"
            name="tekst"
            rows={10}
            maxLength={MAX_REPORT_CHARS}
            aria-describedby={error ? 'beskrivelse-hjaelp beskrivelse-fejl' : 'beskrivelse-hjaelp'}
            aria-invalid={error ? 'true' : undefined}
            spellcheck={false}
            autocomplete="off"
          >
            {text}
          </textarea>
          <button type="submit">Forklar ordene</button>
        </form>
        <section class="explainer-privacy" aria-labelledby="privatliv">
          <h2 id="privatliv">Din tekst bliver ikke gemt</h2>
          <p>
            Teksten sendes til os med formularen (POST) og bruges kun i hukommelsen til at lave dette ene svar. Den
            bliver aldrig gemt, logget eller sendt videre til nogen, heller ikke til en AI-tjeneste, og svaret må ikke gemmes
            af browseren.
          </p>
        </section>
      </article>
    </Layout>
  );
}

function ExplainedReport({ text, result }: { text: string; result: Explained }) {
  const number = new Map(result.entries.map((e, i) => [e.id, i + 1]));
  // How the text wrote it, when that differs from the heading ("inferiore" for "kaudal").
  const written = new Map<string, string>();
  for (const m of result.matches) for (const e of m.entries) if (!written.has(e.id)) written.set(e.id, text.slice(m.start, m.end));
  return (
    <section class="explainer-result" aria-labelledby="resultat">
      <h2 id="resultat">
        {result.entries.length === 0 ? 'Vi fandt ingen ord, vi kan forklare' : `Vi fandt ${result.entries.length} ${result.entries.length === 1 ? 'ord' : 'ord og udtryk'}`}
      </h2>
      <div class="explainer-columns">
        <div class="explainer-text" aria-label="Din tekst med de forklarede ord markeret">
          <Highlighted text={text} result={result} number={number} />
        </div>
        {result.entries.length > 0 && (
          <ol class="explainer-terms">
            {result.entries.map((e) => (
              <li id={`forklaring-${number.get(e.id)}`} key={e.id}>
                <h3>{e.heading}</h3>
                {written.get(e.id)?.toLowerCase() !== e.heading.toLowerCase() && <p class="explainer-seen">I din tekst: »{written.get(e.id)}«</p>}
                <p>{e.text}</p>
                {e.ordbog && (
                  <p class="explainer-more">
                    <a href={`/ordbog/${e.ordbog}`}>Læs mere i ordbogen</a>
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** The user's own text as plain text nodes (escaped by the renderer), with each match marked. */
function Highlighted({ text, result, number }: { text: string; result: Explained; number: Map<string, number> }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const m of result.matches) {
    if (m.start > at) parts.push(text.slice(at, m.start));
    const refs = m.entries.map((e) => number.get(e.id)!);
    parts.push(
      <mark key={m.start}>
        <a href={`#forklaring-${refs[0]}`}>{text.slice(m.start, m.end)}</a>
        <sup>{refs.join(',')}</sup>
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p>{parts}</p>;
}
