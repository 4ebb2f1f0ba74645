import { formatCount } from '../../../text/numbers.js';
import { ColumnHeadings } from '../../../web/stacked-table.js';
import { type Statistics, EVENTS, EVENT_LABELS, chartSeries } from '../statistics.js';

/**
 * The statistics drawn on the server: one small bar chart per series (each with its own scale,
 * since list impressions outnumber clicks many times), then the same numbers as a table, which
 * is what a screen reader reads. No JavaScript.
 */

const WIDTH = 640;
const HEIGHT = 150;
const PLOT = { left: 48, right: 8, top: 12, bottom: 26 };
const COLOURS: Record<string, string> = { impression: '#1d5f8a', profile_view: '#2f7d4f', contact: '#8a4b12' };

function BarChart({ id, label, values, labels }: { id: string; label: string; values: number[]; labels: string[] }) {
  const max = Math.max(1, ...values);
  const total = values.reduce((a, b) => a + b, 0);
  const width = WIDTH - PLOT.left - PLOT.right;
  const height = HEIGHT - PLOT.top - PLOT.bottom;
  const step = width / Math.max(1, values.length);
  const bar = Math.max(1, step * 0.75);
  const y = (v: number) => PLOT.top + height - (v / max) * height;
  return (
    <figure class="stats-chart">
      <figcaption id={`${id}-caption`}>
        {label}: {formatCount(total)} i alt
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-caption`} preserveAspectRatio="none" class="stats-svg">
        <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={PLOT.top + height} y2={PLOT.top + height} stroke="#6b6b6b" stroke-width="1" />
        <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={PLOT.top} y2={PLOT.top} stroke="#d0d0d0" stroke-width="1" stroke-dasharray="4 4" />
        <text x={PLOT.left - 6} y={PLOT.top + 4} text-anchor="end" font-size="12" fill="#333">
          {formatCount(max)}
        </text>
        <text x={PLOT.left - 6} y={PLOT.top + height + 4} text-anchor="end" font-size="12" fill="#333">
          0
        </text>
        {values.map((v, i) => (
          <rect key={i} x={PLOT.left + i * step + (step - bar) / 2} y={y(v)} width={bar} height={Math.max(0, PLOT.top + height - y(v))} fill={COLOURS[id] ?? '#444'}>
            <title>
              {labels[i]}: {formatCount(v)}
            </title>
          </rect>
        ))}
        <text x={PLOT.left} y={HEIGHT - 6} font-size="12" fill="#333">
          {labels[0]}
        </text>
        <text x={WIDTH - PLOT.right} y={HEIGHT - 6} text-anchor="end" font-size="12" fill="#333">
          {labels.at(-1)}
        </text>
      </svg>
    </figure>
  );
}

export function StatisticsCharts({ stats }: { stats: Statistics }) {
  const labels = stats.buckets.map((b) => b.label);
  return (
    <div class="stats-charts">
      {chartSeries(stats).map((s) => (
        <BarChart key={s.key} id={s.key} label={s.label} values={s.values} labels={labels} />
      ))}
    </div>
  );
}

export function StatisticsTable({ stats }: { stats: Statistics }) {
  const per = stats.unit === 'dag' ? 'dag' : stats.unit === 'uge' ? 'uge' : 'måned';
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-labelledby="stats-table-caption">
      <table class="stats-table stack-narrow" role="table">
        <caption id="stats-table-caption">Tallene bag graferne, pr. {per}</caption>
        <ColumnHeadings headings={['Periode', ...EVENTS.map((e) => EVENT_LABELS[e])]} />
        <tbody role="rowgroup">
          {stats.buckets.map((b) => (
            <tr key={b.from} role="row">
              <th scope="row" role="rowheader">
                {b.label}
              </th>
              {EVENTS.map((e) => (
                <td key={e} role="cell" data-label={EVENT_LABELS[e]}>
                  {formatCount(b.counts[e])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot role="rowgroup">
          <tr role="row">
            <th scope="row" role="rowheader">
              I alt
            </th>
            {EVENTS.map((e) => (
              <td key={e} role="cell" data-label={EVENT_LABELS[e]}>
                {formatCount(stats.totals[e])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
