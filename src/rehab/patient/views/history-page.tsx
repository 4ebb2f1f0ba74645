import { formatDanishDate } from '../../../text/dates.js';
import { type ViewContext, Pagination } from '../../../web/layout.js';
import type { WeekAdherence } from '../../adherence.js';
import type { StoredSessionLog } from '../../logs.js';
import type { PrescribedItem } from '../../program-model.js';
import { describeLoad } from '../../proposal-text.js';
import { AdherenceChart, type DayValue, LoadChart, PainChart } from '../../views/charts.js';
import type { ExerciseLog } from '../../types.js';
import { PatientLayout, programPath } from './parts.js';

/** The patient's history: pain and load over time, sessions done against planned, the logs page by page. */

export interface HistoryProps {
  ctx: ViewContext;
  programId: number;
  items: readonly PrescribedItem[];
  /** Names of exercises in older versions too, by item id. */
  names: Map<string, string>;
  painDuring: DayValue[];
  mornings: DayValue[];
  loads: { item: PrescribedItem; points: (DayValue & { label: string })[] }[];
  weeks: WeekAdherence[];
  logs: StoredSessionLog[];
  page: number;
  pages: number;
  total: number;
}

const EFFORT: Record<string, string> = { let: 'let', passende: 'passende', haardt: 'hårdt' };

function setsText(entry: ExerciseLog): string {
  const counts = entry.sets.map((s) => (s.reps !== null ? String(s.reps) : `${s.holdSeconds} sek.`));
  const loads = [...new Set(entry.sets.map((s) => describeLoad(s.load)))];
  const load = loads.length === 1 && loads[0] === 'kropsvægt' ? '' : ` med ${loads.join(' / ')}`;
  return `${entry.sets.length} sæt: ${counts.join(', ')}${entry.sets[0]?.reps !== null ? ' gentagelser' : ''}${load}`;
}

export function HistoryPage(props: HistoryProps) {
  const { ctx, programId, weeks } = props;
  const thisWeek = weeks.at(-1);
  return (
    <PatientLayout ctx={ctx} title="Din historik" path={programPath(programId, 'historik')} crumbs={[{ name: 'Dit træningsprogram', path: programPath(programId) }]}>
      <h1>Din historik</h1>
      <section aria-labelledby="ugen">
        <h2 id="ugen">Denne uge</h2>
        {thisWeek ? (
          <p class="week-count">
            <strong>
              {thisWeek.done} af {thisWeek.planned}
            </strong>{' '}
            planlagte træninger er gennemført i ugen fra {formatDanishDate(thisWeek.weekStart)}.
          </p>
        ) : (
          <p>Programmet er ikke begyndt endnu.</p>
        )}
        <AdherenceChart id="uger" weeks={weeks} />
      </section>
      <section aria-labelledby="smerte-overskrift">
        <h2 id="smerte-overskrift">Smerte</h2>
        <PainChart id="smerte" during={props.painDuring} mornings={props.mornings} />
      </section>
      <section aria-labelledby="belastning-overskrift">
        <h2 id="belastning-overskrift">Belastning</h2>
        {props.loads.map(({ item, points }, i) => (
          <LoadChart key={item.id} id={`belastning-${i + 1}`} name={item.name} points={points} />
        ))}
      </section>
      <section aria-labelledby="log-overskrift">
        <h2 id="log-overskrift">Dine træninger</h2>
        {props.total === 0 ? (
          <p class="empty">
            Du har ikke registreret nogen træning endnu. <a href={programPath(programId, 'log')}>Registrér din første træning</a>.
          </p>
        ) : (
          <>
            <p>
              {props.total} {props.total === 1 ? 'registrering' : 'registreringer'}, nyeste først.
            </p>
            <ol class="log-list">
              {props.logs.map((log) => (
                <li key={log.rowId} class="log-entry">
                  <h3>{formatDanishDate(log.date)}</h3>
                  {log.skipped ? (
                    <p>Sprang over: {log.skipped.reason}</p>
                  ) : (
                    <ul>
                      {log.exercises.map((e) => (
                        <li key={e.itemId}>
                          <strong>{props.names.get(e.itemId) ?? 'Øvelse'}:</strong>{' '}
                          {e.skipped
                            ? `sprang over (${e.skipped.reason})`
                            : `${setsText(e)}. Smerte ${e.pain ?? '–'} af 10${e.effort?.kind === 'feel' ? `, ${EFFORT[e.effort.feel]}` : ''}.`}
                          {e.comment && <span class="log-comment"> «{e.comment}»</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
            <Pagination page={props.page} pages={props.pages} hrefFor={(p) => `${programPath(programId, 'historik')}${p > 1 ? `?side=${p}` : ''}`} />
          </>
        )}
      </section>
    </PatientLayout>
  );
}
