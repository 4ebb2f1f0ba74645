import { formatCount } from '../../text/numbers.js';
import { Layout, Pagination, type ViewContext } from '../../web/layout.js';
import type { FacetValue, FilteredExercises } from '../filter.js';
import { exercisePictures } from '../picture.js';
import type { ExerciseSummary } from '../queries.js';
import { levelText } from '../present.js';
import type { Scene } from '../scene.js';
import { EXERCISES_PATH, type ExerciseFilter, exerciseListPath } from '../urls.js';
import { BODY_REGIONS, type BodyRegion, EQUIPMENT, type Equipment } from '../vocabulary.js';

export const EXERCISE_PAGE_SIZE = 24;

export interface ExerciseListProps {
  ctx: ViewContext;
  filter: ExerciseFilter;
  result: FilteredExercises;
  /** The exercises on this page, with the scene their picture is drawn from. */
  shown: Array<ExerciseSummary & { scene: Scene }>;
  page: number;
  pages: number;
}

function headingFor(filter: ExerciseFilter): string {
  const parts: string[] = [];
  if (filter.krop) parts.push(`til ${BODY_REGIONS[filter.krop as BodyRegion].toLowerCase()}`);
  if (filter.udstyr) parts.push(filter.udstyr === 'ingen' ? 'uden udstyr' : `med ${EQUIPMENT[filter.udstyr as Equipment].toLowerCase()}`);
  if (filter.niveau) parts.push(`på niveau ${filter.niveau}`);
  return parts.length > 0 ? `Øvelser ${parts.join(' ')}` : 'Øvelser';
}

export function ExerciseList({ ctx, filter, result, shown, page, pages }: ExerciseListProps) {
  const heading = headingFor(filter);
  const filtered = Boolean(filter.krop || filter.udstyr || filter.niveau);
  const total = result.items.length;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: page > 1 ? `${heading} – side ${page}` : heading,
        description: filter.krop
          ? `${formatCount(total)} øvelser ${headingFor({ krop: filter.krop }).slice('Øvelser '.length)} med tegninger, trin for trin, dosering og lettere og sværere varianter.`
          : 'Genoptræningsøvelser til hele kroppen med tegninger, trin for trin, dosering og lettere og sværere varianter. Vælg kropsdel, udstyr og niveau.',
        path: exerciseListPath(filter, page),
        // Lists by body region are landing pages; narrower combinations are not indexed.
        noindex: Boolean(filter.udstyr || filter.niveau),
        crumbs: [{ name: 'Øvelser', path: EXERCISES_PATH }, ...(filtered ? [{ name: heading, path: exerciseListPath(filter) }] : [])],
      }}
    >
      <h1>{heading}</h1>
      <p class="lede">
        Øvelser skrevet af fysioterapeuter, med tegning af start og slut, trin for trin og en dosering at begynde med. Hver øvelse har en lettere
        og en sværere variant, så du kan gå videre i dit eget tempo.
      </p>

      <div class="exercise-filters">
        <FacetNav label="Kropsdel" param="krop" values={result.facets.region} filter={filter} />
        <FacetNav label="Udstyr" param="udstyr" values={result.facets.equipment} filter={filter} />
        <FacetNav label="Niveau" param="niveau" values={result.facets.level} filter={filter} />
      </div>

      <p class="result-count" role="status">
        {total === 1 ? '1 øvelse' : `${formatCount(total)} øvelser`}
        {filtered && (
          <>
            {' · '}
            <a href={EXERCISES_PATH}>Vis alle øvelser</a>
          </>
        )}
      </p>

      {total === 0 ? (
        <section class="empty" aria-labelledby="no-exercises">
          <h2 id="no-exercises">Ingen øvelser passer til dit valg</h2>
          <p>
            Fjern et af filtrene ovenfor, eller <a href={EXERCISES_PATH}>se alle øvelser</a>.
          </p>
        </section>
      ) : (
        <ul class="exercise-cards">
          {shown.map((e) => (
            <ExerciseCard key={e.slug} exercise={e} />
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} hrefFor={(p) => exerciseListPath(filter, p)} />
    </Layout>
  );
}

function ExerciseCard({ exercise: e }: { exercise: ExerciseSummary & { scene: Scene } }) {
  const picture = exercisePictures(e.scene, { id: `kort-${e.slug}`, name: e.name }).end;
  return (
    <li class="exercise-card">
      <div class="exercise-thumb" dangerouslySetInnerHTML={{ __html: picture }} />
      <h2 class="card-title">
        <a href={e.url}>{e.name}</a>
      </h2>
      <p class="card-meta">
        {levelText(e.level)} · {e.regions.map((r) => r.name).join(', ')}
      </p>
      <p class="card-meta">Udstyr: {e.equipment.map((q) => q.name.toLowerCase()).join(', ')}</p>
    </li>
  );
}

function FacetNav<V extends string | number>({
  label,
  param,
  values,
  filter,
}: {
  label: string;
  param: keyof ExerciseFilter;
  values: FacetValue<V>[];
  filter: ExerciseFilter;
}) {
  const current = filter[param];
  return (
    <nav class="chips exercise-facet" aria-label={`Filtrér efter ${label.toLowerCase()}`}>
      <h2 class="facet-title">{label}</h2>
      <ul>
        <li>
          {current === undefined ? <span aria-current="page">Alle</span> : <a href={exerciseListPath({ ...filter, [param]: undefined })}>Alle</a>}
        </li>
        {values.map((v) => (
          <li key={String(v.value)}>
            {v.value === current ? (
              <span aria-current="page">
                {v.name} ({v.count})
              </span>
            ) : v.count === 0 ? (
              <span class="facet-empty">
                {v.name} (0)
              </span>
            ) : (
              <a href={exerciseListPath({ ...filter, [param]: v.value })}>
                {v.name} ({v.count})
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
