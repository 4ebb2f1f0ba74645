import type { ArticleSummary } from '../../content/articles.js';
import { articlePath } from '../../content/urls.js';
import { CsrfField } from '../../web/csrf-field.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import { toolPath } from '../calculator.js';
import type { FormState } from '../form.js';
import { AGREE_ITEMS, BOTHER_ANSWERS, BOTHER_ITEM, BOTHER_LABELS, type RiskGroup, type StartBackScore } from '../start-back.js';
import { START_BACK, type StartBackForm } from '../start-back-form.js';
import { RadioField } from './fields.js';
import { toolCrumbs } from './tool-page.js';

const GROUPS: Record<RiskGroup, { title: string; text: string; treatment: string }> = {
  lav: {
    title: 'Lav risiko',
    text: 'Dine svar tyder på, at dine rygsmerter har gode chancer for at gå over af sig selv i løbet af nogle uger, som de gør for de fleste.',
    treatment:
      'Det vigtigste er at holde dig i gang med dine almindelige aktiviteter, så godt smerterne tillader det, og at vide, at ondt i ryggen sjældent er tegn på noget farligt. Mange klarer sig med gode råd og evt. smertestillende efter aftale med lægen. Et enkelt besøg hos en fysioterapeut kan give dig øvelser og tryghed, men et længere behandlingsforløb er sjældent nødvendigt.',
  },
  middel: {
    title: 'Middel risiko',
    text: 'Dine svar tyder på, at smerterne især påvirker, hvad du kan i hverdagen, og at der er en vis risiko for, at generne trækker ud.',
    treatment:
      'Her viser forskningen, at et forløb hos en fysioterapeut med træning og evt. manuel behandling hjælper, så du kommer hurtigere tilbage til dine aktiviteter. Fysioterapeuten undersøger dig og lægger en plan, der gradvist øger belastningen.',
  },
  hoej: {
    title: 'Høj risiko',
    text: 'Dine svar tyder på, at bekymringer, nedtrykthed eller frygt for at bevæge dig fylder sammen med smerterne. Det øger risikoen for, at generne bliver langvarige – men det kan der gøres noget ved.',
    treatment:
      'Her hjælper det mest med et forløb, hvor fysioterapeuten både træner kroppen med dig og arbejder med tankerne om smerterne (en såkaldt psykologisk informeret tilgang), gerne i samarbejde med din læge. Tal også med lægen, hvis du er meget nedtrykt.',
  },
};

const groupOf = (score: StartBackScore) => GROUPS[score.group];

/**
 * STarT Back: a POST form (answers are health data: never in a URL, a log or the database)
 * and, after posting, the risk group with what it means and where to go next.
 */
export function StartBackPage(props: {
  ctx: ViewContext;
  state: FormState<StartBackForm>;
  score: StartBackScore | null;
  articles: ArticleSummary[];
  /** The form's CSRF token (web/csrf.ts). */
  csrf: string;
}) {
  const { ctx, state, score, articles, csrf } = props;
  const path = toolPath(START_BACK.slug);
  const invalid = Object.keys(state.errors).length;
  return (
    <Layout ctx={ctx} meta={{ title: START_BACK.title, description: START_BACK.summary, path, noindex: state.submitted, crumbs: toolCrumbs(START_BACK.slug, START_BACK.name) }}>
      <article class="tool start-back">
        <h1>{START_BACK.title}</h1>
        <p class="lede">{START_BACK.summary}</p>
        {score ? (
          <StartBackResult score={score} articles={articles} />
        ) : (
          <form method="post" action={path} class="tool-form start-back-form" novalidate>
            <CsrfField token={csrf} />
            {invalid > 0 && (
              <p class="form-errors" role="alert">
                Svar på {invalid === 1 ? 'det markerede spørgsmål' : `de ${invalid} markerede spørgsmål`}, så vi kan beregne resultatet.
              </p>
            )}
            <p>Tænk på de sidste 2 uger, og vælg for hvert udsagn, om du er enig eller uenig.</p>
            <ol class="questions">
              {AGREE_ITEMS.map((text, i) => (
                <li key={i}>
                  <RadioField name={`q${i + 1}`} legend={`${i + 1}. ${text}`} options={[['enig', 'Enig'], ['uenig', 'Uenig']]} state={state} />
                </li>
              ))}
              <li>
                <RadioField name="q9" legend={`9. ${BOTHER_ITEM}`} options={BOTHER_ANSWERS.map((a) => [a, BOTHER_LABELS[a]])} state={state} />
              </li>
            </ol>
            <p class="privacy">Dine svar bliver kun brugt til at beregne resultatet. Vi gemmer dem ikke, og de står ikke i adressen eller i vores logfiler.</p>
            <button type="submit">Se resultat</button>
          </form>
        )}
        <section class="tool-about prose">
          <h2>Om spørgeskemaet</h2>
          <p>
            STarT Back er udviklet på Keele University i England og bruges af praktiserende læger og fysioterapeuter til at vælge den rette
            behandling til mennesker med ondt i lænden. Ni spørgsmål giver en samlet score (0–9) og en score for de psykosociale spørgsmål 5–9
            (0–5). En samlet score på 3 eller mindre betyder lav risiko; ellers giver en psykosocial score på 4 eller mere høj risiko, og resten
            er middel risiko. I det sidste spørgsmål tæller »meget« og »ekstremt« som ét point.
          </p>
          <p>
            Formuleringerne her er vores egne og gengiver indholdet af spørgsmålene. Den validerede danske udgave af skemaet fås hos
            instrumentets ejer, Keele University. Resultatet er ikke en diagnose: Tal med din læge eller fysioterapeut om det.
          </p>
          <p class="source">
            Kilde: J. C. Hill m.fl., <cite>A primary care back pain screening tool: identifying patient subgroups for initial treatment</cite>,
            Arthritis {'&'} Rheumatism 2008;59:632–41, og Hill m.fl., <cite>Comparison of stratified primary care management for low back pain
            with current best practice (STarT Back)</cite>, The Lancet 2011;378:1560–71.
          </p>
        </section>
      </article>
    </Layout>
  );
}

function StartBackResult({ score, articles }: { score: StartBackScore; articles: ArticleSummary[] }) {
  const group = groupOf(score);
  return (
    <section class="tool-result" aria-labelledby="resultat">
      <h2 id="resultat">Dit resultat: {group.title}</h2>
      <dl class="tool-figures">
        <div class="tool-figure">
          <dt>Samlet score</dt>
          <dd>
            <strong>{score.total} af 9</strong>
          </dd>
        </div>
        <div class="tool-figure">
          <dt>Psykosocial score (spørgsmål 5–9)</dt>
          <dd>
            <strong>{score.psychosocial} af 5</strong>
          </dd>
        </div>
      </dl>
      <p>{group.text}</p>
      <h3>Hvad betyder det for behandlingen?</h3>
      <p>{group.treatment}</p>
      <p class="warning">
        Søg læge med det samme, hvis du mister følelsen omkring endetarm eller kønsdele, får svært ved at holde på eller lade vandet, får
        tiltagende lammelser i benene, eller har feber eller vægttab sammen med rygsmerterne.
      </p>
      {articles.length > 0 && (
        <>
          <h3>Læs mere om ondt i ryggen</h3>
          <ul class="link-list">
            {articles.map((a) => (
              <li key={a.slug}>
                <a href={articlePath(a.kind, a.slug)}>{a.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <form method="get" action={`${toolPath(START_BACK.slug)}/find`} class="finder-form">
        <h3>Find en fysioterapeut med speciale i ryg og lænd</h3>
        <label for="postnummer">Dit postnummer</label>
        <div class="search-row">
          <input id="postnummer" name="postnummer" type="text" inputMode="numeric" autocomplete="postal-code" pattern="[0-9]{4}" maxLength={4} />
          <button type="submit">Find fysioterapeut</button>
        </div>
      </form>
      <p>
        <a href={toolPath(START_BACK.slug)}>Udfyld skemaet igen</a>
      </p>
    </section>
  );
}
