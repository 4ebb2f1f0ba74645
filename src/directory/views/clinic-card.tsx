import { daysBetween, formatDanishDate, todayInDenmark } from '../../text/dates.js';
import { formatKroner, withUnit } from '../../text/numbers.js';
import { displayPhone } from '../clinic-input.js';
import { clinicPath } from '../clinics.js';
import type { ListedClinic } from '../listing.js';
import { openingToday, openingTodayText } from '../opening-today.js';
import type { Specialty } from '../specialties.js';
import type { Town } from '../towns.js';
import { Badges, Distance, Rating } from './parts.js';

/**
 * One clinic in a result list: what patients choose by (distance, open today, the price of a
 * first visit, new patients, specialties) and the two things they do next (call, book). The
 * first line says why it stands where it does: verified and rated by patients, or in town.
 */
export interface CardContext {
  /** The list's town (null: all of Denmark). */
  town: Town | null;
  /** The specialty the list is filtered by: shown first and marked. */
  specialty: Specialty | null;
  /** The patient's share of a first consultation with a referral at ydernummer clinics. */
  referralFirstKr: number | null;
  now: Date;
}

const SHOWN_SPECIALTIES = 4;

export function ClinicCard({ clinic, card }: { clinic: ListedClinic; card: CardContext }) {
  const chosen = card.specialty;
  const ordered = chosen && clinic.specialties.some((s) => s.id === chosen.id) ? [chosen, ...clinic.specialties.filter((s) => s.id !== chosen.id)] : clinic.specialties;
  const shown = ordered.slice(0, SHOWN_SPECIALTIES);
  const today = openingToday(clinic.openingHours, clinic.closures, card.now);
  const price = firstVisitPrice(clinic, card.referralFirstKr);
  const rated = clinic.reviewCount > 0;
  return (
    <li class="clinic-card">
      <h2 class="clinic-card-title">
        <a href={clinicPath(clinic.slug)}>{clinic.name}</a>
      </h2>
      {(clinic.verified || rated) && (
        <p class="clinic-card-rank">
          {clinic.verified && <span class="badge badge-verified">Verificeret</span>}
          {rated && <Rating reviewCount={clinic.reviewCount} ratingSum={clinic.ratingSum} />}
        </p>
      )}
      <p class="clinic-card-meta">
        {clinic.address}, {clinic.postcode} {clinic.town.name}
        {clinic.distanceKm !== null && (
          <>
            {' · '}
            <Distance km={clinic.distanceKm} town={clinic.inTown ? null : card.town} />
          </>
        )}
      </p>
      <ul class="clinic-card-facts">
        {today && <li class={today.open ? 'fact-open' : 'fact-closed'}>{openingTodayText(today)}</li>}
        {price && <li>{price}</li>}
        {clinic.acceptingPatients !== null && <li class={clinic.acceptingPatients ? 'fact-open' : undefined}>{acceptingText(clinic, todayInDenmark(card.now))}</li>}
      </ul>
      <Badges ydernummer={clinic.ydernummer} vederlagsfri={clinic.vederlagsfri} handicapAccess={clinic.handicapAccess} verified={clinic.verified} isDemo={clinic.isDemo} omitVerified />
      {shown.length > 0 && (
        <p class="clinic-card-specialties">
          <span class="sr-only">Specialer: </span>
          {shown.map((s, i) => (
            <>
              {i > 0 && ' · '}
              {s.id === chosen?.id ? <strong>{s.name}</strong> : s.name}
            </>
          ))}
          {ordered.length > shown.length && ` · +${ordered.length - shown.length}`}
        </p>
      )}
      {(clinic.phone || clinic.bookingUrl) && (
        <p class="clinic-card-actions">
          {clinic.phone && (
            <a class="button" href={`tel:${clinic.phone}`}>
              Ring {displayPhone(clinic.phone)}
              <span class="sr-only"> til {clinic.name}</span>
            </a>
          )}
          {clinic.bookingUrl && (
            // Through the clinic's counted contact link, as on its page (the owner's statistics).
            <a class="button button-secondary" href={`${clinicPath(clinic.slug)}/kontakt/booking`} rel="nofollow">
              Book tid<span class="sr-only"> hos {clinic.name}</span>
            </a>
          )}
        </p>
      )}
    </li>
  );
}

/** "Første konsultation: 299,29 kr. med henvisning" (ydernummer) or the clinic's own price. */
export function firstVisitPrice(clinic: Pick<ListedClinic, 'ydernummer' | 'ownFirstKr'>, referralFirstKr: number | null): string | null {
  if (clinic.ydernummer && referralFirstKr !== null) return `Første konsultation: ${formatKroner(referralFirstKr)} med lægehenvisning`;
  if (clinic.ownFirstKr !== null) return `Første konsultation: ${formatKroner(clinic.ownFirstKr)}`;
  return null;
}

/** A statement older than this many days says when it was made: waiting times change (OUR rule). */
export const ACCEPTING_FRESH_DAYS = 30;

/**
 * "Tager imod nye patienter (ventetid ca. 3 uger)", "… (ingen ventetid)", "Tager ikke imod nye
 * patienter lige nu"; when the owner said so more than 30 days before `today`, with the day
 * ("… (ventetid ca. 3 uger, oplyst 2. marts 2026)").
 */
export function acceptingText(clinic: Pick<ListedClinic, 'acceptingPatients' | 'waitingWeeks'> & { acceptingStatedOn?: string | null }, today: string | null = null): string {
  const stated = clinic.acceptingStatedOn && today && daysBetween(clinic.acceptingStatedOn, today) > ACCEPTING_FRESH_DAYS ? `oplyst ${formatDanishDate(clinic.acceptingStatedOn)}` : null;
  const weeks = clinic.waitingWeeks;
  const details =
    clinic.acceptingPatients === false || weeks === null ? [] : [weeks === 0 ? 'ingen ventetid' : `ventetid ca. ${withUnit(weeks, weeks === 1 ? 'uge' : 'uger')}`];
  if (stated) details.push(stated);
  const said = clinic.acceptingPatients === false ? 'Tager ikke imod nye patienter lige nu' : 'Tager imod nye patienter';
  return details.length > 0 ? `${said} (${details.join(', ')})` : said;
}
