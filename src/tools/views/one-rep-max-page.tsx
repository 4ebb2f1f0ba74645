import { z } from 'zod';
import { formatDecimal } from '../../text/numbers.js';
import { defineCalculator } from '../calculator.js';
import { decimalField } from '../form.js';
import { MAX_REPS, oneRepMax } from '../one-rep-max.js';
import { Figure, NumberField } from './fields.js';

const schema = z.object({
  vaegt: decimalField('vægten', 1, 500, 'kg', '60 eller 62,5'),
  gentagelser: decimalField('antallet af gentagelser', 1, MAX_REPS, '', '8').refine(Number.isInteger, 'Skriv et helt antal gentagelser, fx 8'),
});
type Input = z.output<typeof schema>;

const kg = (n: number) => `${formatDecimal(n, 1)} kg`;

export const oneRepMaxCalculator = defineCalculator<Input>({
  slug: '1rm',
  name: '1RM-beregner',
  title: '1RM-beregner: find din maksimale styrke',
  summary: 'Anslå den tungeste vægt, du kan løfte én gang (1RM), ud fra et sæt med 1–12 gentagelser, og se hvad 50–100 % af den svarer til.',
  fields: ['vaegt', 'gentagelser'],
  schema,
  Fields: ({ state }) => (
    <>
      <NumberField name="vaegt" label="Vægt løftet" unit="kg" hint="Fx 62,5" state={state} />
      <NumberField name="gentagelser" label="Gentagelser" hint={`Hvor mange du kunne tage med god teknik, 1–${MAX_REPS}`} inputMode="numeric" state={state} />
    </>
  ),
  Result: ({ data }) => {
    const result = oneRepMax(data.vaegt, data.gentagelser);
    return (
      <>
        <dl class="tool-figures">
          <Figure label="Anslået 1RM" value={kg(result.estimate)} />
          <Figure label="Epley" value={kg(result.epley)} />
          <Figure label="Brzycki" value={kg(result.brzycki)} />
        </dl>
        {data.gentagelser === 1 ? (
          <p>Én gentagelse er selve dit 1RM, så der er intet at regne om.</p>
        ) : (
          <p>Anslået 1RM er gennemsnittet af de to formler. Jo færre gentagelser, jo mere præcist er skønnet.</p>
        )}
        <table>
          <caption>Procent af dit 1RM og de gentagelser, de fleste kan tage</caption>
          <thead>
            <tr>
              <th scope="col">Procent</th>
              <th scope="col">Vægt</th>
              <th scope="col">Gentagelser</th>
            </tr>
          </thead>
          <tbody>
            {result.table.map((row) => (
              <tr key={row.percent}>
                <td>{row.percent} %</td>
                <td>{kg(row.weightKg)}</td>
                <td>{row.reps}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  },
  About: () => (
    <>
      <h2>Sådan regner vi</h2>
      <p>To udbredte formler, med vægten w i kg og r gentagelser (1–12):</p>
      <ul>
        <li>Epley: w × (1 + r / 30)</li>
        <li>Brzycki: w × 36 / (37 − r)</li>
      </ul>
      <p>
        Over 12 gentagelser bliver skønnet usikkert, derfor stopper beregneren der. Du behøver ikke teste dit 1RM direkte: Et tungt sæt med 3–8
        gode gentagelser giver et godt skøn med mindre risiko. Er du i genoptræning, så aftal belastningen med din fysioterapeut.
      </p>
      <p class="source">
        Kilder: B. Epley, <cite>Poundage chart</cite>, Boyd Epley Workout (1985). M. Brzycki, <cite>Strength testing – predicting a one-rep max
        from reps-to-fatigue</cite>, Journal of Physical Education, Recreation {'&'} Dance 64 (1993) 88–90. Procenttabellen: NSCA,
        <cite> Essentials of Strength Training and Conditioning</cite> (Baechle og Earle).
      </p>
    </>
  ),
});
