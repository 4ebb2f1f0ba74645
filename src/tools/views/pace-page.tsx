import { z } from 'zod';
import { formatDecimal } from '../../text/numbers.js';
import { defineCalculator } from '../calculator.js';
import { decimalField } from '../form.js';
import { RACE_DISTANCES, formatDuration, parseDuration, riegel, solveRun } from '../pace.js';
import { Figure, NumberField } from './fields.js';

/** An optional duration field in seconds, within [min, max]. */
function durationField(what: string, min: number, max: number, example: string) {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (text === '') return undefined;
    const seconds = parseDuration(text);
    const message =
      seconds === null
        ? `Skriv ${what} som minutter eller t:mm:ss, fx ${example}`
        : seconds < min
          ? `${what.charAt(0).toUpperCase()}${what.slice(1)} skal være mindst ${formatDuration(min)}`
          : seconds > max
            ? `${what.charAt(0).toUpperCase()}${what.slice(1)} må højst være ${formatDuration(max)}`
            : null;
    if (message) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return seconds as number;
  });
}

const schema = z
  .object({
    distance: decimalField('distancen', 0.1, 500, 'km', '10 eller 21,1', true),
    tid: durationField('tiden', 60, 100 * 3600, '52:30 eller 1:45:00'),
    tempo: durationField('tempoet', 120, 30 * 60, '5:30'),
  })
  .superRefine((v, ctx) => {
    const given = [v.distance, v.tid, v.tempo].filter((x) => x !== undefined).length;
    if (given < 2) {
      const missing = (['distance', 'tid', 'tempo'] as const).filter((k) => v[k] === undefined);
      for (const field of missing) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'Udfyld to af de tre felter, så regner vi det tredje ud' });
      }
    }
  });
type Input = z.output<typeof schema>;

const km = (n: number) => `${formatDecimal(n, n < 100 ? 2 : 1)} km`;

export const paceCalculator = defineCalculator<Input>({
  slug: 'loebetempo',
  name: 'Løbetempo-beregner',
  title: 'Løbetempo-beregner: tempo, tid og distance',
  summary: 'Udfyld to af distance, tid og tempo, og få det tredje – med fart i km/t og en forudsigelse af dine tider på 5 km, 10 km, halvmaraton og maraton.',
  fields: ['distance', 'tid', 'tempo'],
  schema,
  Fields: ({ state }) => (
    <>
      <NumberField name="distance" label="Distance" unit="km" hint="Fx 5, 10, 21,0975 (halvmaraton) eller 42,195 (maraton)" list="loebedistancer" state={state} />
      <datalist id="loebedistancer">
        {RACE_DISTANCES.map((d) => (
          <option key={d.name} value={formatDecimal(d.km, String(d.km).split('.')[1]?.length ?? 0)} label={d.name} />
        ))}
      </datalist>
      <NumberField name="tid" label="Tid" unit="t:mm:ss" hint="Fx 52:30 eller 1:45:00" inputMode="text" state={state} />
      <NumberField name="tempo" label="Tempo" unit="min/km" hint="Fx 5:30" inputMode="text" state={state} />
    </>
  ),
  Result: ({ data }) => {
    const run = solveRun({ distanceKm: data.distance, timeSeconds: data.tid, paceSecondsPerKm: data.tempo })!;
    return (
      <>
        <dl class="tool-figures">
          <Figure label="Distance" value={km(run.distanceKm)} />
          <Figure label="Tid" value={formatDuration(run.timeSeconds)} />
          <Figure label="Tempo" value={`${formatDuration(run.paceSecondsPerKm)} min/km`} />
          <Figure label="Fart" value={`${formatDecimal(run.speedKmh, 1)} km/t`} />
        </dl>
        {data.distance !== undefined && data.tid !== undefined && data.tempo !== undefined && (
          <p>Du udfyldte alle tre felter, så vi har regnet tempoet ud fra distance og tid.</p>
        )}
        <table>
          <caption>Forventede tider efter Riegels formel, ud fra {km(run.distanceKm)} på {formatDuration(run.timeSeconds)}</caption>
          <thead>
            <tr>
              <th scope="col">Løb</th>
              <th scope="col">Tid</th>
              <th scope="col">Tempo pr. km</th>
            </tr>
          </thead>
          <tbody>
            {RACE_DISTANCES.map((d) => {
              const time = riegel(run.timeSeconds, run.distanceKm, d.km);
              return (
                <tr key={d.name}>
                  <td>{d.name}</td>
                  <td>{formatDuration(time)}</td>
                  <td>{formatDuration(time / d.km)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </>
    );
  },
  About: () => (
    <>
      <h2>Sådan regner vi</h2>
      <p>Tempo er tid delt med distance (minutter pr. km), og farten i km/t er 60 delt med tempoet i minutter.</p>
      <p>
        Forudsigelsen bruger Peter Riegels formel T₂ = T₁ × (D₂ / D₁)<sup>1,06</sup>: Når distancen fordobles, tager løbet lidt mere end
        dobbelt så lang tid. Den passer bedst mellem ca. 3 minutter og 4 timer, og når du har trænet til den længere distance. Til et maraton
        er den ofte for optimistisk for løbere med få kilometer i benene.
      </p>
      <p class="source">
        Kilde: P. S. Riegel, <cite>Athletic records and human endurance</cite>, American Scientist 69 (1981) 285–290.
      </p>
    </>
  ),
});
