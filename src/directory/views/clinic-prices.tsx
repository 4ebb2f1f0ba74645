import { formatDanishDate } from '../../text/dates.js';
import { formatKroner, withUnit } from '../../text/numbers.js';
import { TableScroll } from '../../web/table-scroll.js';
import type { Clinic } from '../clinics.js';
import { type PublicTariff, tariffMayBeOutdated } from '../tariff.js';

/**
 * A clinic's prices: with a referral, the public tariff in effect today with the day it took
 * effect (and a plain warning once that is more than a year ago); without, the clinic's own.
 */
export function ClinicPrices({ clinic, tariff, today }: { clinic: Clinic; tariff: PublicTariff | null; today: string }) {
  return (
    <section aria-labelledby="prices-title">
      <h2 id="prices-title">Priser</h2>
      {clinic.ydernummer && (
        <>
          <h3>Med henvisning fra lægen</h3>
          {tariff ? (
            <>
              <p>
                Klinikken har ydernummer (overenskomst med regionen). {tariff.note}
              </p>
              <p class="tariff-date">
                <strong>Takster gældende fra {formatDanishDate(tariff.validFrom)}.</strong>
                {tariffMayBeOutdated(tariff, today) && ' Taksterne er mere end et år gamle, så priserne kan være ændret siden. Spørg klinikken, hvad du skal betale.'}
              </p>
              <PriceTable caption="Din egenbetaling med henvisning" rows={tariff.items.map((i) => ({ name: i.name, durationMinutes: i.durationMinutes, priceKr: i.patientKr }))} />
              <p class="source">Kilde: {tariff.source}</p>
            </>
          ) : (
            <p>Klinikken har ydernummer (overenskomst med regionen), så regionen betaler en del af prisen, når du har en henvisning fra lægen. Spørg klinikken, hvad du selv skal betale.</p>
          )}
        </>
      )}
      {clinic.prices.length > 0 && (
        <>
          {clinic.ydernummer && <h3>Uden henvisning</h3>}
          <PriceTable caption="Klinikkens egne priser" rows={clinic.prices} />
        </>
      )}
      {!clinic.ydernummer && clinic.prices.length === 0 && <p class="muted">Klinikken har ikke oplyst priser. Spørg klinikken, før du booker.</p>}
    </section>
  );
}

/** Without durations (the tariff has none) the table is two columns: a column of dashes says nothing. */
function PriceTable({ caption, rows }: { caption: string; rows: Array<{ name: string; durationMinutes: number | null; priceKr: number }> }) {
  const durations = rows.some((r) => r.durationMinutes);
  return (
    <TableScroll label={caption}>
      <table class="prices">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ydelse</th>
            {durations && <th scope="col">Varighed</th>}
            <th scope="col">Pris</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              {durations && <td>{r.durationMinutes ? withUnit(r.durationMinutes, 'min.') : '–'}</td>}
              <td class="price">{formatKroner(r.priceKr)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
