import { formatCount, formatKm, withUnit } from '../../text/numbers.js';
import { Layout, Pagination, type ViewContext } from '../../web/layout.js';
import { clinicPath } from '../clinics.js';
import type { ClinicList } from '../listing.js';
import { NEARBY_RADIUS_KM } from '../listing.js';
import { itemListJsonLd } from '../seo.js';
import type { Specialty, SpecialtyCatalog } from '../specialties.js';
import { type Town, inTown } from '../towns.js';
import { COUNTRY, FILTERS, type FindParams, anyFilter, findPath } from '../urls.js';
import { ClinicCard } from './clinic-card.js';
import { ChosenFilters, SpecialtyChips } from './find-filters.js';
import { MapPanel, mapScripts } from './map-panel.js';
import { FindForm } from './parts.js';

export interface FindPageProps {
  ctx: ViewContext;
  specialties: SpecialtyCatalog;
  /** Null: all of Denmark. */
  town: Town | null;
  specialty: Specialty | null;
  params: FindParams;
  list: ClinicList;
  /** For an empty list: the nearest towns that do have matching clinics. */
  alternatives: Array<{ town: Town; distanceKm: number; count: number }>;
  /** Whether this page is worth indexing (clinics in the town itself). */
  indexable: boolean;
  /** The patient's share of a first consultation with a referral (the public tariff). */
  referralFirstKr: number | null;
  /** The moment "open today" is told for. */
  now: Date;
}

const where = (town: Town | null) => (town ? inTown(town) : 'i Danmark');

function findHeading(town: Town | null, specialty: Specialty | null): string {
  return specialty ? `${specialty.name}: fysioterapeut ${where(town)}` : `Fysioterapeut ${where(town)}`;
}

export function FindPage(props: FindPageProps) {
  const { ctx, town, specialty, params, list } = props;
  const townSlug = town?.slug ?? COUNTRY;
  const path = findPath(townSlug, specialty?.slug ?? null, params);
  const unfiltered = findPath(townSlug, specialty?.slug ?? null, { page: params.page });
  const filtered = anyFilter(params);
  const chosenCount = FILTERS.filter(({ key }) => params[key]).length + (specialty ? 1 : 0);
  const card = { town, specialty, referralFirstKr: props.referralFirstKr, now: props.now };
  const heading = findHeading(town, specialty);
  const firstPosition = (params.page - 1) * 20 + 1;
  const crumbs = [
    { name: 'Find fysioterapeut', path: '/find/fysioterapeut' },
    ...(town ? [{ name: town.name, path: findPath(town.slug) }] : [{ name: 'Danmark', path: findPath(COUNTRY) }]),
    ...(specialty ? [{ name: specialty.name, path: findPath(townSlug, specialty.slug) }] : []),
  ];
  const markers = list.items.map((c) => ({ lat: c.lat, lon: c.lon, name: c.name, url: clinicPath(c.slug) }));
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${heading}${list.total > 0 ? ` – ${formatCount(list.total)} ${list.total === 1 ? 'klinik' : 'klinikker'}` : ''}${params.page > 1 ? ` (side ${params.page})` : ''}`,
        description: describe(props),
        path: filtered ? unfiltered : path,
        noindex: !props.indexable,
        crumbs,
        jsonLd: list.items.length > 0 ? [itemListJsonLd(ctx.site, list.items, firstPosition, list.total)] : [],
        scripts: [...(markers.length > 0 ? mapScripts(ctx) : []), ctx.assets.url('find-form.js')],
      }}
    >
      <h1>{heading}</h1>
      <p class="lede">{summary(props)}</p>

      <details class="filters">
        <summary>
          <span class="filters-label">Skift by, speciale eller krav</span>
          {chosenCount > 0 && <span class="filters-chosen">{chosenCount} valgt</span>}
        </summary>
        <FindForm
          specialties={props.specialties}
          town={town}
          specialtySlug={specialty?.slug ?? null}
          filters={params}
          counts={list.filterCounts}
          idPrefix="filter"
          compact
        />
      </details>
      <ChosenFilters townSlug={townSlug} specialty={specialty} params={params} />
      <SpecialtyChips list={list} chosen={specialty} townSlug={townSlug} params={params} />

      {list.total === 0 ? (
        <EmptyState {...props} />
      ) : (
        <>
          <ol class="clinic-list" start={firstPosition}>
            {list.items.map((clinic) => (
              <ClinicCard clinic={clinic} card={card} key={clinic.id} />
            ))}
          </ol>
          <Pagination page={params.page} pages={list.pages} hrefFor={(p) => findPath(townSlug, specialty?.slug ?? null, { ...params, page: p })} />
          <MapPanel
            ctx={ctx}
            center={town ? [town.lat, town.lon] : [56.0, 10.6]}
            zoom={town ? 12 : 7}
            markers={markers}
            label="Kort over klinikkerne på siden"
          />
        </>
      )}

      <details class="ranking-note">
        <summary>Sådan sorterer vi</summary>
        <p>
          Klinikker i byen står først, derefter klinikker inden for {withUnit(NEARBY_RADIUS_KM, 'km')}. Verificerede klinikker med
          anmeldelser fra patienter på {ctx.site.name} sorteres efter deres vægtede gennemsnit, så få anmeldelser ikke
          tæller mere end mange. Resten sorteres efter afstand. Derfor kan en klinik længere væk stå først: det står
          under navnet, når den er verificeret og har fået stjerner af patienter. Ingen klinik kan betale sig til en
          bedre placering.
        </p>
      </details>

      {list.nearbyTowns.length > 0 && (
        <nav class="nearby-towns" aria-labelledby="nearby-title">
          <h2 id="nearby-title">Byer i nærheden</h2>
          <ul class="link-columns">
            {list.nearbyTowns.slice(0, 12).map(({ town: t, distanceKm, count }) => (
              <li key={t.slug}>
                <a href={findPath(t.slug, specialty?.slug ?? null)}>{t.name}</a>{' '}
                <span class="muted">
                  ({formatKm(distanceKm)}, {count})
                </span>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </Layout>
  );
}

function summary({ town, list, specialty, params }: FindPageProps): string {
  if (list.total === 0 && anyFilter(params)) return `Ingen klinikker ${where(town)} opfylder alle dine valg. Fjern et af dem herunder.`;
  if (list.total === 0) return specialty ? `Vi kender ingen klinikker med dette speciale ${where(town)} endnu.` : `Vi kender ingen klinikker ${where(town)} endnu.`;
  const n = (count: number) => `${formatCount(count)} ${count === 1 ? 'klinik' : 'klinikker'}`;
  if (!town) return `${n(list.total)} i hele landet.`;
  const parts = [`${n(list.inTownCount)} ${inTown(town)}`];
  if (list.nearbyCount > 0) parts.push(`${n(list.nearbyCount)} inden for ${withUnit(NEARBY_RADIUS_KM, 'km')}`);
  return `${parts.join(' og ')}.`;
}

function describe(props: FindPageProps): string {
  const { town, specialty } = props;
  const topic = specialty ? `med speciale i ${specialty.name}` : '';
  return `Find en fysioterapeut ${topic} ${where(town)}: adresser, åbningstider, priser, ydernummer og anmeldelser fra patienter.`
    .replace(/\s+/g, ' ')
    .slice(0, 160);
}

function EmptyState({ town, specialty, alternatives, params }: FindPageProps) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Ingen klinikker fundet</h2>
      {anyFilter(params) && (
        <p>
          Prøv uden filtre: <a href={findPath(town?.slug ?? COUNTRY, specialty?.slug ?? null)}>alle klinikker {where(town)}</a>.
        </p>
      )}
      {specialty && town && (
        <p>
          Se <a href={findPath(town.slug)}>alle fysioterapeuter {inTown(town)}</a>.
        </p>
      )}
      {alternatives.length > 0 && (
        <>
          <p>Nærmeste byer, der har klinikker{specialty ? ` med ${specialty.name}` : ''}:</p>
          <ul class="link-list">
            {alternatives.map(({ town: t, distanceKm, count }) => (
              <li key={t.slug}>
                <a href={findPath(t.slug, specialty?.slug ?? null, { ...params, page: 1 })}>{t.name}</a> – {formatKm(distanceKm)} væk,{' '}
                {formatCount(count)} {count === 1 ? 'klinik' : 'klinikker'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
