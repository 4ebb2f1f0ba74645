import { Layout, type ViewContext } from '../../web/layout.js';
import { BODY_INDEX_PATH } from '../regions.js';
import { BodyMap, type MapRegion } from './body-map.js';

/** /krop: the body map on its own page, the parent of every /krop/{region}. */
export function BodyIndexPage({ ctx, regions }: { ctx: ViewContext; regions: readonly MapRegion[] }) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Kroppen: vælg, hvor det gør ondt',
        description: 'Vælg stedet på kroppen, der gør ondt, og find viden, øvelser og fysioterapeuter nær dig, der behandler det.',
        path: BODY_INDEX_PATH,
        crumbs: [{ name: 'Kroppen', path: BODY_INDEX_PATH }],
      }}
    >
      <section class="entry" aria-labelledby="body-where">
        <h1 id="body-where">Hvor gør det ondt?</h1>
        <p class="lede">Vælg stedet på figuren eller i listen.</p>
        <BodyMap regions={regions} headingId="body-where" />
      </section>
    </Layout>
  );
}
