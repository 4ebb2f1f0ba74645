import { toBool } from '../db/schema.js';
import type { Price } from './clinic-input.js';
import type { OpeningHours } from './opening-hours.js';
import type { ClosurePeriod } from './opening-today.js';
import type { PublicTariff } from './tariff.js';

/**
 * What a result card shows beyond name and place: what patients choose a clinic by (call,
 * book, open today, price of a first visit, new patients). Kept in the list catalog.
 */
export interface CardFacts {
  phone: string | null;
  bookingUrl: string | null;
  vederlagsfri: boolean;
  openingHours: OpeningHours | null;
  /** Closures that have not ended. */
  closures: ClosurePeriod[];
  /** The clinic's own price of a first consultation, when its price list names one. */
  ownFirstKr: number | null;
  acceptingPatients: boolean | null;
  waitingWeeks: number | null;
  /** The day the owner last said so (`YYYY-MM-DD`), or null. */
  acceptingStatedOn: string | null;
}

interface FactRow {
  phone: string | null;
  booking_url: string | null;
  vederlagsfri: unknown;
  prices: string;
  opening_hours: string | null;
  accepting_patients: unknown;
  waiting_weeks: number | null;
  accepting_stated_on: string | null;
}

export function cardFactsOf(r: FactRow, closures: ClosurePeriod[]): CardFacts {
  return {
    phone: r.phone,
    bookingUrl: r.booking_url,
    vederlagsfri: toBool(r.vederlagsfri),
    openingHours: r.opening_hours ? (JSON.parse(r.opening_hours) as OpeningHours) : null,
    closures,
    ownFirstKr: firstConsultationKr(JSON.parse(r.prices) as Price[]),
    acceptingPatients: r.accepting_patients === null ? null : toBool(r.accepting_patients),
    waitingWeeks: r.waiting_weeks,
    acceptingStatedOn: r.accepting_stated_on,
  };
}

const FIRST = /første|1\.\s*(gangs?\s*)?konsultation|førstegang|undersøgelse/i;

/** The price of the item a first visit costs: "Første konsultation", "Førstegangsundersøgelse". */
export function firstConsultationKr(prices: readonly Price[]): number | null {
  return prices.find((p) => FIRST.test(p.name))?.priceKr ?? null;
}

/**
 * The patient's share of a first consultation with a referral at a clinic with ydernummer:
 * the one place the finder reads the public tariff (re-point it when tariffs move).
 */
export function referralFirstKr(tariff: Pick<PublicTariff, 'items'>): number | null {
  return firstConsultationKr(tariff.items.map((i) => ({ name: i.name, durationMinutes: i.durationMinutes, priceKr: i.patientKr })));
}
