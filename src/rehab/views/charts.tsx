import type { ComponentChildren } from 'preact';
import { daysBetween, formatDanishDate } from '../../text/dates.js';
import { formatShortDecimal } from '../../text/numbers.js';
import { ColumnHeadings } from '../../web/stacked-table.js';
import type { WeekAdherence } from '../adherence.js';

/**
 * Genoptræning's charts, drawn on the server as SVG (no JavaScript), each followed by its
 * numbers as a table, which is what a screen reader reads: pain over time (during training and
 * the next morning, with the acceptable limit of 5 from the pain-monitoring model), load over
 * time for one exercise, and sessions done against planned per week. Used on the patient's
 * history and the behandler's patient page.
 */

const WIDTH = 640;
const HEIGHT = 180;
const PLOT = { left: 40, right: 12, top: 12, bottom: 28 };
const INNER_W = WIDTH - PLOT.left - PLOT.right;
const INNER_H = HEIGHT - PLOT.top - PLOT.bottom;

export interface DayValue {
  day: string;
  value: number;
}

/** x for a day between the first and the last day shown (one day alone sits in the middle). */
function dayScale(days: readonly string[]) {
  const sorted = [...days].sort();
  const first = sorted[0] ?? '';
  const span = sorted.length > 1 ? Math.max(1, daysBetween(first, sorted.at(-1)!)) : 0;
  return (day: string) => PLOT.left + (span === 0 ? INNER_W / 2 : (daysBetween(first, day) / span) * INNER_W);
}

const yScale = (max: number) => (v: number) => PLOT.top + INNER_H - (v / Math.max(max, 1e-9)) * INNER_H;

function Axes({ max, ticks, first, last, format }: { max: number; ticks: number[]; first: string; last: string; format: (v: number) => string }) {
  const y = yScale(max);
  return (
    <g>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#6b6b6b' : '#e0e0e0'} stroke-width="1" />
          <text x={PLOT.left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#333">
            {format(t)}
          </text>
        </g>
      ))}
      <text x={PLOT.left} y={HEIGHT - 8} font-size="12" fill="#333">
        {first ? formatDanishDate(first) : ''}
      </text>
      <text x={WIDTH - PLOT.right} y={HEIGHT - 8} text-anchor="end" font-size="12" fill="#333">
        {last && last !== first ? formatDanishDate(last) : ''}
      </text>
    </g>
  );
}

const path = (points: readonly DayValue[], x: (d: string) => number, y: (v: number) => number) =>
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');

function Figure({ id, caption, children, summary }: { id: string; caption: string; summary: string; children: ComponentChildren }) {
  return (
    <figure class="rehab-chart">
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-caption ${id}-summary`} class="rehab-chart-svg">
        {children}
      </svg>
      <p id={`${id}-summary`} class="rehab-chart-summary">
        {summary}
      </p>
    </figure>
  );
}

function Empty({ caption, text }: { caption: string; text: string }) {
  return (
    <figure class="rehab-chart">
      <figcaption>{caption}</figcaption>
      <p class="empty">{text}</p>
    </figure>
  );
}

/** Pain during training (the session's highest) and the next morning, 0–10, with the limit of 5. */
export function PainChart({ id, during, mornings }: { id: string; during: readonly DayValue[]; mornings: readonly DayValue[] }) {
  const caption = 'Smerte over tid (0–10)';
  if (during.length === 0 && mornings.length === 0) return <Empty caption={caption} text="Ingen smertetal endnu." />;
  const days = [...during, ...mornings].map((p) => p.day).sort();
  const x = dayScale(days);
  const y = yScale(10);
  const last = (list: readonly DayValue[]) => list.at(-1);
  const summary = [
    last(during) ? `Seneste træning ${formatDanishDate(last(during)!.day)}: ${last(during)!.value} af 10.` : '',
    last(mornings) ? `Seneste morgen ${formatDanishDate(last(mornings)!.day)}: ${last(mornings)!.value} af 10.` : '',
    'Op til 5 er acceptabelt under træning.',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <Figure id={id} caption={caption} summary={summary}>
        <Axes max={10} ticks={[0, 5, 10]} first={days[0]!} last={days.at(-1)!} format={String} />
        <rect x={PLOT.left} y={y(10)} width={INNER_W} height={y(5) - y(10)} fill="#fbe9e7" />
        <path d={path(during, x, y)} fill="none" stroke="#1d5f8a" stroke-width="2" />
        {during.map((p) => (
          <circle key={`d${p.day}`} cx={x(p.day)} cy={y(p.value)} r="3.5" fill="#1d5f8a">
            <title>{`Under træning ${formatDanishDate(p.day)}: ${p.value}`}</title>
          </circle>
        ))}
        {mornings.map((p) => (
          <rect key={`m${p.day}`} x={x(p.day) - 3.5} y={y(p.value) - 3.5} width="7" height="7" fill="#8a4b12">
            <title>{`Næste morgen ${formatDanishDate(p.day)}: ${p.value}`}</title>
          </rect>
        ))}
      </Figure>
      <p class="rehab-chart-legend">
        <span class="legend-during">● under træning</span> <span class="legend-morning">■ næste morgen</span>{' '}
        <span class="legend-zone">rød zone: over 5</span>
      </p>
      <DayTable
        id={`${id}-table`}
        caption="Smertetallene bag grafen"
        headings={['Dato', 'Under træning', 'Næste morgen']}
        rows={mergeByDay(during, mornings).map((r) => [r.day, r.a === null ? '–' : String(r.a), r.b === null ? '–' : String(r.b)])}
      />
    </>
  );
}

/**
 * One exercise's load over time (kg, or a band's place in our colour order, or the level);
 * `label` says each value in words ("5 kg", "rød elastik").
 */
export function LoadChart({ id, name, points }: { id: string; name: string; points: readonly (DayValue & { label: string })[] }) {
  const caption = `Belastning: ${name}`;
  if (points.length === 0) return <Empty caption={caption} text="Ingen træning logget endnu." />;
  const days = points.map((p) => p.day);
  const x = dayScale(days);
  const max = Math.max(...points.map((p) => p.value), 1) * 1.15;
  const y = yScale(max);
  const first = points[0]!;
  const last = points.at(-1)!;
  const summary = first.label === last.label ? `Uændret: ${last.label}.` : `Fra ${first.label} (${formatDanishDate(first.day)}) til ${last.label} (${formatDanishDate(last.day)}).`;
  return (
    <>
      <Figure id={id} caption={caption} summary={summary}>
        <Axes max={max} ticks={[0]} first={days[0]!} last={days.at(-1)!} format={(v) => formatShortDecimal(v)} />
        <path d={path(points, x, y)} fill="none" stroke="#2f7d4f" stroke-width="2" />
        {points.map((p, i) => (
          <circle key={i} cx={x(p.day)} cy={y(p.value)} r="3.5" fill="#2f7d4f">
            <title>{`${formatDanishDate(p.day)}: ${p.label}`}</title>
          </circle>
        ))}
        <text x={x(last.day)} y={Math.max(PLOT.top + 12, y(last.value) - 8)} text-anchor="end" font-size="12" fill="#333">
          {last.label}
        </text>
      </Figure>
      <DayTable id={`${id}-table`} caption={`Belastningen bag grafen: ${name}`} headings={['Dato', 'Belastning']} rows={points.map((p) => [p.day, p.label])} />
    </>
  );
}

/** Sessions done against planned, week by week. */
export function AdherenceChart({ id, weeks }: { id: string; weeks: readonly WeekAdherence[] }) {
  const caption = 'Træninger gennemført i forhold til planlagt, pr. uge';
  if (weeks.length === 0) return <Empty caption={caption} text="Programmet er ikke begyndt endnu." />;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.planned, w.done)));
  const y = yScale(max);
  const step = INNER_W / weeks.length;
  const bar = Math.max(2, step * 0.35);
  const done = weeks.reduce((a, w) => a + w.done, 0);
  const planned = weeks.reduce((a, w) => a + w.planned, 0);
  return (
    <>
      <Figure id={id} caption={caption} summary={`I alt ${done} af ${planned} planlagte træninger.`}>
        <Axes max={max} ticks={[0, max]} first={weeks[0]!.weekStart} last={weeks.at(-1)!.weekStart} format={String} />
        {weeks.map((w, i) => {
          const left = PLOT.left + i * step + step / 2 - bar;
          return (
            <g key={w.weekStart}>
              <rect x={left} y={y(w.planned)} width={bar} height={y(0) - y(w.planned)} fill="#d0d7de">
                <title>{`Uge fra ${formatDanishDate(w.weekStart)}: ${w.planned} planlagt`}</title>
              </rect>
              <rect x={left + bar} y={y(w.done)} width={bar} height={y(0) - y(w.done)} fill="#2f7d4f">
                <title>{`Uge fra ${formatDanishDate(w.weekStart)}: ${w.done} gennemført`}</title>
              </rect>
            </g>
          );
        })}
      </Figure>
      <p class="rehab-chart-legend">
        <span class="legend-planned">▮ planlagt</span> <span class="legend-done">▮ gennemført</span>
      </p>
      <DayTable
        id={`${id}-table`}
        caption="Ugerne bag grafen"
        headings={['Uge fra', 'Planlagt', 'Gennemført']}
        rows={weeks.map((w) => [w.weekStart, String(w.planned), String(w.done)])}
      />
    </>
  );
}

function mergeByDay(a: readonly DayValue[], b: readonly DayValue[]) {
  const rows = new Map<string, { day: string; a: number | null; b: number | null }>();
  for (const p of a) rows.set(p.day, { day: p.day, a: p.value, b: rows.get(p.day)?.b ?? null });
  for (const p of b) rows.set(p.day, { day: p.day, a: rows.get(p.day)?.a ?? null, b: p.value });
  return [...rows.values()].sort((x, y) => x.day.localeCompare(y.day));
}

/** A chart's numbers; the first column is a day (YYYY-MM-DD), shown in Danish. */
function DayTable({ id, caption, headings, rows }: { id: string; caption: string; headings: string[]; rows: string[][] }) {
  return (
    <details class="rehab-chart-numbers">
      <summary>Se tallene</summary>
      <div class="table-scroll" tabindex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table class="stack-narrow" role="table">
          <caption id={`${id}-caption`}>{caption}</caption>
          <ColumnHeadings headings={headings} />
          <tbody role="rowgroup">
            {rows.map((r) => (
              <tr key={r[0]} role="row">
                <th scope="row" role="rowheader">
                  {formatDanishDate(r[0]!)}
                </th>
                {r.slice(1).map((cell, i) => (
                  <td key={i} role="cell" data-label={headings[i + 1]}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
