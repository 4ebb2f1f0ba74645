import { formatCount } from '../../text/numbers.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import { type Specialty, specialtyPath } from '../specialties.js';
import type { Town } from '../towns.js';
import { COUNTRY, findPath } from '../urls.js';

type SpecialtyCount = { specialty: Specialty; clinics: number; bodyRegion: boolean };

/**
 * All specialties in two short groups (where it hurts; treatments, illnesses and groups), each a
 * line with its name and its number of clinics, which leads straight to the finder. The
 * descriptions show from tablet width; on a phone they are one tap away on each specialty's page.
 */
export function SpecialtiesIndex({ ctx, specialties }: { ctx: ViewContext; specialties: SpecialtyCount[] }) {
  const groups = [
    { id: 'kroppen', title: 'Efter hvor det gør ondt', items: specialties.filter((s) => s.bodyRegion) },
    { id: 'behandling', title: 'Efter behandling, sygdom eller gruppe', items: specialties.filter((s) => !s.bodyRegion) },
  ].filter((g) => g.items.length > 0);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Specialer i fysioterapi',
        description: 'Hvad fysioterapeuter arbejder med – fra ryg og knæ til svimmelhed og bækkenbund – og hvor du finder en klinik med det speciale.',
        path: '/specialer',
        crumbs: [{ name: 'Specialer', path: '/specialer' }],
      }}
    >
      <h1>Specialer i fysioterapi</h1>
      <p class="lede">Fysioterapeuter har forskellige specialer. Find det, der passer til dit problem, og se hvor klinikkerne er.</p>
      {groups.map((group) => (
        <section class="specialty-group" aria-labelledby={`gruppe-${group.id}`} key={group.id}>
          <h2 id={`gruppe-${group.id}`}>{group.title}</h2>
          <ul class="specialty-list">
            {group.items.map(({ specialty, clinics }) => (
              <li key={specialty.slug}>
                <h3>
                  <a href={specialtyPath(specialty.slug)}>{specialty.name}</a>
                </h3>
                {clinics === 0 ? (
                  <span class="specialty-count muted">Ingen klinikker endnu</span>
                ) : (
                  <a class="specialty-count" href={findPath(COUNTRY, specialty.slug)}>
                    {formatCount(clinics)} {clinics === 1 ? 'klinik' : 'klinikker'}
                    <span class="sr-only"> med speciale i {specialty.name}</span>
                  </a>
                )}
                <p class="specialty-description">{specialty.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function SpecialtyPage({ ctx, specialty, towns, total }: { ctx: ViewContext; specialty: Specialty; towns: Array<{ town: Town; count: number }>; total: number }) {
  const path = specialtyPath(specialty.slug);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${specialty.name} – fysioterapi`,
        description: specialty.description.slice(0, 160),
        path,
        noindex: total === 0,
        crumbs: [
          { name: 'Specialer', path: '/specialer' },
          { name: specialty.name, path },
        ],
      }}
    >
      <h1>{specialty.name}</h1>
      <p class="lede">{specialty.description}</p>
      {total > 0 ? (
        <>
          <p>
            <a class="button" href={findPath(COUNTRY, specialty.slug)}>
              Se alle {formatCount(total)} klinikker med {specialty.name}
            </a>
          </p>
          <h2>Byer med klinikker med {specialty.name}</h2>
          <ul class="link-columns">
            {towns.map(({ town, count }) => (
              <li key={town.slug}>
                <a href={findPath(town.slug, specialty.slug)}>{town.name}</a> <span class="muted">({formatCount(count)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="empty">
          Vi kender endnu ingen klinikker med dette speciale. Se <a href="/specialer">alle specialer</a> eller{' '}
          <a href={findPath(COUNTRY)}>alle klinikker</a>.
        </p>
      )}
    </Layout>
  );
}
