import type { ComponentChildren } from 'preact';
import { formatDanishDate } from '../../../text/dates.js';
import { Layout, Pagination, type ViewContext } from '../../../web/layout.js';
import { patientPagePath } from '../access.js';
import { type Worklist, WORKLIST_PAGE_SIZE } from '../worklist.js';
import { type ReasonKind, reasonText } from '../worklist-reasons.js';

/** /behandler: the worklist, or why it is empty. */

export const WORKLIST_PATH = '/behandler';

const URGENT: ReadonlySet<ReasonKind> = new Set(['pain', 'worse-morning']);

function BehandlerLinks() {
  return (
    <nav class="followup-links" aria-label="Behandlerens sider">
      <ul>
        <li>
          <a href="/behandler/programmer">Programmer</a>
        </li>
        <li>
          <a href="/behandler/skabeloner">Skabeloner</a>
        </li>
      </ul>
    </nav>
  );
}

export function WorklistFrame({ ctx, children }: { ctx: ViewContext; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} meta={{ title: 'Arbejdsliste', path: WORKLIST_PATH, noindex: true, crumbs: [{ name: 'Arbejdsliste', path: WORKLIST_PATH }] }}>
      <div class="followup-page">
        <h1>Arbejdsliste</h1>
        <BehandlerLinks />
        {children}
      </div>
    </Layout>
  );
}

/** A behandler whose autorisations-ID no administrator has checked yet. */
export function UncheckedPage({ ctx }: { ctx: ViewContext }) {
  return (
    <WorklistFrame ctx={ctx}>
      <div class="notice followup-unchecked">
        <h2>Dit autorisations-ID er ikke kontrolleret endnu</h2>
        <p>
          Før du kan se patienters træning, smerter og spørgeskemaer, skal en administrator kontrollere dit autorisations-ID i
          Styrelsen for Patientsikkerheds autorisationsregister. Det sker, når du har skrevet det på din{' '}
          <a href="/behandler/profil">behandlerprofil</a>.
        </p>
        <p>Indtil da kan du bygge programmer og skabeloner til klinikken, men ikke invitere patienter eller se deres oplysninger.</p>
      </div>
    </WorklistFrame>
  );
}

/** The last log and the last two weeks, unless a reason already says it. */
function StatusLine({ row }: { row: Worklist['rows'][number] }) {
  const said = new Set(row.reasons.map((r) => r.kind));
  const parts = [
    said.has('no-log') ? '' : `Sidste log: ${row.facts.lastLogDay ? formatDanishDate(row.facts.lastLogDay) : 'ingen endnu'}`,
    said.has('low-adherence') || row.adherence === null ? '' : `gennemført ${Math.round(row.adherence * 100)} % af de planlagte træninger de sidste to uger`,
  ].filter(Boolean);
  return parts.length > 0 ? <p class="worklist-status">{parts.join(' · ')}</p> : null;
}

export function WorklistPage({ ctx, list }: { ctx: ViewContext; list: Worklist }) {
  return (
    <WorklistFrame ctx={ctx}>
      {list.total === 0 ? (
        <div class="followup-empty">
          <p>Du har ingen aktive patienter endnu.</p>
          <p>
            En patient kommer på listen, når de har accepteret et program fra dig eller fra en kollega, der deler det med klinikken. Opret et
            program fra en skabelon under <a href="/behandler/programmer">Programmer</a>, og invitér patienten på programmets side.
          </p>
        </div>
      ) : (
        <>
          <p class="followup-summary">
            {list.total} {list.total === 1 ? 'aktiv patient' : 'aktive patienter'}; {list.needing} kræver opmærksomhed. De
            mest presserende står øverst: smerte over 5 og værre morgener, så manglende log, lav gennemførelse, forslag og spørgeskemaer.
          </p>
          <ol class="worklist" start={(list.page - 1) * WORKLIST_PAGE_SIZE + 1}>
            {list.rows.map((row) => (
              <li key={row.facts.programId} class={row.reasons.some((r) => URGENT.has(r.kind)) ? 'worklist-row worklist-urgent' : 'worklist-row'}>
                <h2 class="worklist-name">
                  <a href={patientPagePath(row.facts.programId)}>{row.facts.patientName}</a>
                </h2>
                <p class="worklist-goal">Mål: {row.facts.goal}</p>
                <StatusLine row={row} />
                {row.reasons.length === 0 ? (
                  <p class="worklist-calm">Ingen bemærkninger.</p>
                ) : (
                  <ul class="worklist-reasons" aria-label={`Hvorfor ${row.facts.patientName} står her`}>
                    {row.reasons.map((r) => (
                      <li key={r.kind} class={`reason reason-${r.kind}`}>
                        {reasonText(r)}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={list.page} pages={list.pages} hrefFor={(p) => (p === 1 ? WORKLIST_PATH : `${WORKLIST_PATH}?side=${p}`)} />
        </>
      )}
    </WorklistFrame>
  );
}
