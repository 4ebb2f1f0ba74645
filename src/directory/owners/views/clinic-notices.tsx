import { formatDanishDate } from '../../../text/dates.js';
import { type Closure, describeClosure } from '../closures.js';

/**
 * What owners add to their clinic's public page: whether it takes new patients (with the
 * waiting time and the day it was stated), coming closure days, and, for a clinic nobody has
 * claimed, the way to claim it. The same for every visitor, so the page stays cacheable.
 */

export interface ClinicOwnerInfo {
  accepting: boolean | null;
  waitingWeeks: number | null;
  statedOn: string | null;
  closures: Closure[];
  hasOwner: boolean;
}

export function OwnerNotices({ info }: { info: ClinicOwnerInfo }) {
  if (info.accepting === null && info.closures.length === 0) return null;
  return (
    <section class="owner-notices" aria-labelledby="owner-notices-title">
      <h2 id="owner-notices-title" class="sr-only">
        Nye patienter og lukkedage
      </h2>
      {info.accepting !== null && (
        <p class={info.accepting ? 'accepting yes' : 'accepting no'}>
          <strong>{info.accepting ? 'Tager imod nye patienter' : 'Tager ikke imod nye patienter lige nu'}</strong>
          {info.accepting && info.waitingWeeks !== null && <> · forventet ventetid {info.waitingWeeks === 0 ? 'ingen' : `${info.waitingWeeks} ${info.waitingWeeks === 1 ? 'uge' : 'uger'}`}</>}
          {info.statedOn && <span class="muted"> (oplyst af klinikken {formatDanishDate(info.statedOn)})</span>}
        </p>
      )}
      {info.closures.length > 0 && (
        <>
          <p>
            <strong>Klinikken holder lukket:</strong>
          </p>
          <ul class="closures">
            {info.closures.map((c) => (
              <li key={c.id}>{describeClosure(c)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ClaimInvitation({ slug, info }: { slug: string; info: ClinicOwnerInfo }) {
  if (info.hasOwner) return null;
  return (
    <aside class="claim-box" aria-labelledby="claim-title">
      <h2 id="claim-title">Er det din klinik?</h2>
      <p>Bliv ejer af klinikkens side: ret oplysninger, åbningstider og priser, meld lukkedage og se, hvordan patienter finder jer.</p>
      <p>
        <a class="button button-secondary" href={`/klinik/${encodeURIComponent(slug)}/er-det-din-klinik`}>
          Gør krav på klinikken
        </a>
      </p>
    </aside>
  );
}
