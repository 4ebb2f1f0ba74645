import { Layout, type ViewContext } from '../../web/layout.js';
import { displayPhone } from '../clinic-input.js';
import { type Clinic, clinicPath } from '../clinics.js';
import { formatOpeningHours } from '../opening-hours.js';
import type { Review } from '../reviews/published.js';
import { ClinicReviews } from '../reviews/views/review-list.js';
import { clinicJsonLd } from '../seo.js';
import type { PublicTariff } from '../tariff.js';
import { inTown } from '../towns.js';
import { findPath } from '../urls.js';
import { ClinicPrices } from './clinic-prices.js';
import { MapPanel, mapScripts } from './map-panel.js';
import { Badges, Rating } from './parts.js';
import { ClaimInvitation, type ClinicOwnerInfo, OwnerNotices } from '../owners/views/clinic-notices.js';

const contactPath = (clinic: Clinic, kind: 'telefon' | 'email' | 'website' | 'booking') => `${clinicPath(clinic.slug)}/kontakt/${kind}`;
const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

export function ClinicPage({ ctx, clinic, reviews, tariff, today, owner }: { ctx: ViewContext; clinic: Clinic; reviews: Review[]; tariff: PublicTariff | null; today: string; owner?: ClinicOwnerInfo }) {
  const path = clinicPath(clinic.slug);
  const hours = clinic.openingHours ? formatOpeningHours(clinic.openingHours) : [];
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${clinic.name} – fysioterapeut ${inTown(clinic.town)}`,
        description: `${clinic.name}, ${clinic.address}, ${clinic.postcode} ${clinic.town.name}. Kontakt, åbningstider, priser, specialer og anmeldelser.`.slice(0, 160),
        path,
        crumbs: [
          { name: 'Find fysioterapeut', path: '/find/fysioterapeut' },
          { name: clinic.town.name, path: findPath(clinic.town.slug) },
          { name: clinic.name, path },
        ],
        jsonLd: [clinicJsonLd(ctx.site, clinic, reviews)],
        scripts: mapScripts(ctx),
      }}
    >
      <article class="clinic">
        <header class="clinic-header">
          <p class="eyebrow">Fysioterapeut {inTown(clinic.town)}</p>
          <h1>{clinic.name}</h1>
          <p class="clinic-address">
            {clinic.address}, {clinic.postcode} <a href={findPath(clinic.town.slug)}>{clinic.town.name}</a>
          </p>
          {clinic.verified && <Rating reviewCount={clinic.reviewCount} ratingSum={clinic.ratingSum} />}
          <Badges ydernummer={clinic.ydernummer} vederlagsfri={clinic.vederlagsfri} handicapAccess={clinic.handicapAccess} verified={clinic.verified} isDemo={clinic.isDemo} />
        </header>
        {owner && <OwnerNotices info={owner} />}

        {/* Contact and opening hours: first on a phone, a sticky card beside the rest on a desktop. */}
        <aside class="clinic-aside" aria-label="Kontakt og åbningstider">
          <section class="contact" aria-labelledby="contact-title">
            <h2 id="contact-title">Kontakt</h2>
            <ul class="contact-list">
              {clinic.phone && (
                <li>
                  <a href={contactPath(clinic, 'telefon')} rel="nofollow">
                    Ring {displayPhone(clinic.phone)}
                  </a>
                </li>
              )}
              {clinic.email && (
                <li>
                  <a href={contactPath(clinic, 'email')} rel="nofollow">
                    Skriv til {clinic.email}
                  </a>
                </li>
              )}
              {clinic.website && (
                <li>
                  <a href={contactPath(clinic, 'website')} rel="nofollow noopener">
                    Hjemmeside: {hostOf(clinic.website)}
                  </a>
                </li>
              )}
            </ul>
            {clinic.bookingUrl && (
              <p>
                <a class="button" href={contactPath(clinic, 'booking')} rel="nofollow noopener">
                  Book tid online
                </a>
              </p>
            )}
            {!clinic.phone && !clinic.email && !clinic.website && !clinic.bookingUrl && <p class="muted">Klinikken har ikke oplyst kontaktoplysninger.</p>}
          </section>

          <section aria-labelledby="hours-title">
            <h2 id="hours-title">Åbningstider</h2>
            {hours.length > 0 ? (
              <table class="hours">
                <caption class="sr-only">Åbningstider</caption>
                <tbody>
                  {hours.map((row) => (
                    <tr key={row.days}>
                      <th scope="row">{row.days}</th>
                      <td>{row.hours}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="muted">Klinikken har ikke oplyst åbningstider.</p>
            )}
            {clinic.openingHours?.note && <p>{clinic.openingHours.note}</p>}
          </section>
        </aside>

        <ClinicPrices clinic={clinic} tariff={tariff} today={today} />

        {clinic.specialties.length > 0 && (
          <section aria-labelledby="specialties-title">
            <h2 id="specialties-title">Specialer</h2>
            <ul class="chips-list">
              {clinic.specialties.map((s) => (
                <li key={s.slug}>
                  <a href={findPath(clinic.town.slug, s.slug)}>{s.name}</a>
                </li>
              ))}
            </ul>
          </section>
        )}

        {clinic.team.length > 0 && (
          <section aria-labelledby="team-title">
            <h2 id="team-title">Behandlere og personale</h2>
            <ul class="team">
              {clinic.team.map((m, i) => (
                <li key={i}>
                  <strong>{m.name}</strong>
                  {m.title && <span class="muted">, {m.title}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="access-title">
          <h2 id="access-title">Tilgængelighed</h2>
          <p>
            {clinic.handicapAccess === true
              ? 'Klinikken oplyser, at der er handicapvenlig adgang.'
              : clinic.handicapAccess === false
                ? 'Klinikken oplyser, at der ikke er handicapvenlig adgang.'
                : 'Klinikken har ikke oplyst, om der er handicapvenlig adgang.'}
          </p>
        </section>

        {clinic.about && (
          <section aria-labelledby="about-title">
            <h2 id="about-title">Om klinikken</h2>
            {clinic.about.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </section>
        )}

        {owner && <ClaimInvitation slug={clinic.slug} info={owner} />}

        <MapPanel ctx={ctx} center={[clinic.lat, clinic.lon]} zoom={15} markers={[{ lat: clinic.lat, lon: clinic.lon, name: clinic.name, url: path }]} label={`Kort: ${clinic.name}`} />

        <ClinicReviews clinic={clinic} reviews={reviews} siteName={ctx.site.name} />
      </article>
    </Layout>
  );
}
