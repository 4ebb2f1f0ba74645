import { CsrfField } from '../../web/csrf-field.js';
import { Pagination, type ViewContext } from '../../web/layout.js';
import { ColumnHeadings } from '../../web/stacked-table.js';
import type { AccessEntry } from '../access.js';
import { Flash, PatientPage } from './privacy-layout.js';

export const sharingPath = (programId: number) => `/min-side/program/${programId}/deling`;
export const ACCESS_PATH = '/min-side/adgang';

export function SharingPage(props: {
  ctx: ViewContext;
  program: { id: number; goal: string; shared: boolean };
  people: { clinic: string; behandler: string };
  csrf: string;
  flash: string | null;
  error: string | null;
}) {
  const { ctx, program, people, csrf, flash, error } = props;
  const path = sharingPath(program.id);
  return (
    <PatientPage ctx={ctx} title="Deling med klinikken" path={path} program={program}>
      <h1>Deling med klinikken</h1>
      <Flash text={flash} />
      <p class={`sharing-state ${program.shared ? 'sharing-on' : 'sharing-off'}`}>
        {program.shared ? (
          <>
            <strong>Delt med klinikken.</strong> De andre behandlere på {people.clinic} kan se dit program.
          </>
        ) : (
          <>
            <strong>Ikke delt.</strong> Kun {people.behandler} kan se dit program.
          </>
        )}
      </p>
      <h2>Hvad betyder det?</h2>
      <ul>
        <li>
          {people.behandler}, som har lavet programmet til dig, kan altid se det: programmet, din træningslog, dine morgentjek
          og dine svar på spørgeskemaer.
        </li>
        <li>
          Når programmet er delt med klinikken, kan de andre behandlere på {people.clinic} også se det, fx hvis{' '}
          {people.behandler} er syg eller på ferie. Kun behandlere, hvis autorisation vi har kontrolleret, kan se
          helbredsoplysninger.
        </li>
        <li>Klinikkens ejer, andre klinikker og Fysios redaktører og administratorer kan aldrig se dine helbredsoplysninger.</li>
        <li>
          Hver gang en anden end dig ser dine oplysninger, skriver vi det ned. Du kan se hvem og hvornår under{' '}
          <a href={ACCESS_PATH}>Hvem har set mine oplysninger</a>.
        </li>
      </ul>
      <form method="post" action={path} class="sharing-form" novalidate>
        <CsrfField token={csrf} />
        <fieldset class="question" aria-describedby={error ? 'deling-fejl' : undefined}>
          <legend>Må de andre behandlere på {people.clinic} se dit program?</legend>
          <div class="choices">
            <label class="choice">
              <input type="radio" name="deling" value="ja" checked={program.shared} />
              <span>Ja, del med klinikken</span>
            </label>
            <label class="choice">
              <input type="radio" name="deling" value="nej" checked={!program.shared} />
              <span>Nej, kun {people.behandler}</span>
            </label>
          </div>
          {error && (
            <p class="field-error" id="deling-fejl">
              {error}
            </p>
          )}
        </fieldset>
        <button type="submit" class="button">
          Gem mit valg
        </button>
      </form>
      <p>
        <a href={`/min-side/program/${program.id}`}>Tilbage til dit program</a>
      </p>
    </PatientPage>
  );
}

export function AccessPage(props: { ctx: ViewContext; entries: AccessEntry[]; page: number; pages: number; total: number }) {
  const { ctx, entries, page, pages, total } = props;
  const path = page > 1 ? `${ACCESS_PATH}?side=${page}` : ACCESS_PATH;
  return (
    <PatientPage ctx={ctx} title="Hvem har set mine oplysninger" path={path}>
      <h1>Hvem har set mine oplysninger</h1>
      <p class="lead">
        Hver gang en behandler ser dit program, din træningslog, dine morgentjek eller dine spørgeskemasvar, skriver vi det ned
        her: hvem, fra hvilken klinik, hvornår og hvad. Dine egne besøg står her ikke.
      </p>
      {entries.length === 0 ? (
        <p class="empty-state">{page > 1 ? 'Der er ikke flere.' : 'Ingen andre har set dine oplysninger endnu.'}</p>
      ) : (
        <>
          <p>{total === 1 ? 'Én gang i alt.' : `${total} gange i alt, nyeste først.`}</p>
          <table class="stack-narrow access-list">
            <caption class="sr-only">Hvem har set dine oplysninger, nyeste først</caption>
            <ColumnHeadings headings={['Hvem', 'Klinik', 'Hvornår', 'Hvad']} />
            <tbody role="rowgroup">
              {entries.map((e, i) => (
                <tr role="row" key={`${e.when}-${i}`}>
                  <td role="cell" data-label="Hvem">
                    {e.who}
                  </td>
                  <td role="cell" data-label="Klinik">
                    {e.clinic ?? 'Ukendt klinik'}
                  </td>
                  <td role="cell" data-label="Hvornår">
                    <time datetime={e.when}>{e.whenText}</time>
                  </td>
                  <td role="cell" data-label="Hvad">
                    {e.what}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pages={pages} hrefFor={(p) => (p > 1 ? `${ACCESS_PATH}?side=${p}` : ACCESS_PATH)} />
        </>
      )}
      <p>
        Synes du, at nogen har set dine oplysninger uden grund? Kontakt klinikken; den er dataansvarlig for dit program. Du kan
        også bestemme, om <a href="/min-side">dine programmer</a> skal deles med klinikkens andre behandlere.
      </p>
    </PatientPage>
  );
}
