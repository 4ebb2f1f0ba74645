import { z } from 'zod';
import { formatDecimal } from '../../text/numbers.js';
import { WHO_BMI_CATEGORIES, bmi } from '../bmi.js';
import { defineCalculator } from '../calculator.js';
import { decimalField } from '../form.js';
import { Figure, NumberField } from './fields.js';

const schema = z.object({
  vaegt: decimalField('vægten', 20, 400, 'kg', '72,5'),
  hoejde: decimalField('højden', 100, 250, 'cm', '178'),
});
type Input = z.output<typeof schema>;

const kg = (n: number) => `${formatDecimal(n, 1)} kg`;

export const bmiCalculator = defineCalculator<Input>({
  slug: 'bmi',
  name: 'BMI-beregner',
  title: 'BMI-beregner: udregn dit body mass index',
  summary: 'Udregn dit BMI ud fra vægt og højde, og se hvilken af WHO’s vægtkategorier du hører til – og hvornår tallet ikke siger så meget.',
  fields: ['vaegt', 'hoejde'],
  schema,
  Fields: ({ state }) => (
    <>
      <NumberField name="vaegt" label="Vægt" unit="kg" hint="Fx 72,5" state={state} />
      <NumberField name="hoejde" label="Højde" unit="cm" hint="Fx 178" state={state} />
    </>
  ),
  Result: ({ data }) => {
    const result = bmi(data.vaegt, data.hoejde);
    return (
      <>
        <dl class="tool-figures">
          <Figure label="Dit BMI" value={formatDecimal(result.bmi, 1)} />
          <Figure label="Kategori (WHO)" value={result.category.label} />
        </dl>
        <p>
          Ved en højde på {formatDecimal(data.hoejde, 0)} cm svarer normalvægt (BMI 18,5–24,9) til en vægt mellem{' '}
          {kg(result.normalRange.from)} og {kg(result.normalRange.to)}.
        </p>
      </>
    );
  },
  About: () => (
    <>
      <h2>Sådan regner vi</h2>
      <p>BMI er vægten i kilo divideret med højden i meter ganget med sig selv: kg / m². Vi viser tallet med én decimal og placerer det i WHO’s kategorier for voksne:</p>
      <table>
        <caption>WHO’s BMI-kategorier for voksne</caption>
        <thead>
          <tr>
            <th scope="col">BMI</th>
            <th scope="col">Kategori</th>
          </tr>
        </thead>
        <tbody>
          {WHO_BMI_CATEGORIES.map((c, i) => {
            const next = WHO_BMI_CATEGORIES[i + 1];
            const range = i === 0 ? `under ${formatDecimal(next!.from, 1)}` : next ? `${formatDecimal(c.from, 1)}–${formatDecimal(next.from - 0.1, 1)}` : `${formatDecimal(c.from, 1)} og derover`;
            return (
              <tr key={c.key}>
                <td>{range}</td>
                <td>{c.label}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Hvor BMI kan snyde</h2>
      <p>
        BMI kender kun vægt og højde, ikke hvad vægten består af. En muskuløs atlet eller en person, der styrketræner meget, kan få et BMI
        i overvægtsområdet uden at have meget fedt. Hos ældre er det omvendt: Muskelmassen falder med alderen, så et normalt BMI kan dække
        over for lidt muskel, og for ældre er et BMI lidt over 25 ikke nødvendigvis et problem. BMI passer heller ikke til børn, unge under
        18 eller gravide. Taljemålet og en samtale med din læge siger mere om din sundhed end tallet alene.
      </p>
      <p class="source">
        Kilde: World Health Organization, <cite>Obesity: preventing and managing the global epidemic</cite>, WHO Technical Report Series 894
        (2000).
      </p>
    </>
  ),
});
