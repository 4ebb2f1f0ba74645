import { z } from 'zod';
import { formatCount } from '../../text/numbers.js';
import { defineCalculator } from '../calculator.js';
import { ACTIVITY_LEVELS, type ActivityLevel, energyNeed } from '../energy.js';
import { decimalField, sexField } from '../form.js';
import { Figure, NumberField, RadioField, SelectField } from './fields.js';

const levels = Object.keys(ACTIVITY_LEVELS) as [ActivityLevel, ...ActivityLevel[]];

const schema = z.object({
  koen: sexField,
  alder: decimalField('alderen', 18, 100, 'år', '42'),
  vaegt: decimalField('vægten', 30, 300, 'kg', '72,5'),
  hoejde: decimalField('højden', 120, 230, 'cm', '178'),
  aktivitet: z.enum(levels, { message: 'Vælg, hvor aktiv du er' }),
});
type Input = z.output<typeof schema>;

const kcal = (n: number) => `${formatCount(Math.round(n))} kcal`;

export const energyCalculator = defineCalculator<Input>({
  slug: 'kalorieberegner',
  name: 'Kalorieberegner',
  title: 'Kalorieberegner: dit daglige energibehov',
  summary: 'Beregn dit hvilestofskifte med Mifflin-St Jeor-formlen og dit daglige kaloriebehov ud fra, hvor aktiv du er.',
  fields: ['koen', 'alder', 'vaegt', 'hoejde', 'aktivitet'],
  schema,
  Fields: ({ state }) => (
    <>
      <RadioField name="koen" legend="Køn" options={[['kvinde', 'Kvinde'], ['mand', 'Mand']]} state={state} />
      <NumberField name="alder" label="Alder" unit="år" inputMode="numeric" state={state} />
      <NumberField name="vaegt" label="Vægt" unit="kg" state={state} />
      <NumberField name="hoejde" label="Højde" unit="cm" state={state} />
      <SelectField name="aktivitet" label="Hvor aktiv er du?" options={levels.map((l) => [l, ACTIVITY_LEVELS[l].label])} state={state} />
    </>
  ),
  Result: ({ data }) => {
    const need = energyNeed({ sex: data.koen, age: data.alder, weightKg: data.vaegt, heightCm: data.hoejde }, data.aktivitet);
    return (
      <>
        <dl class="tool-figures">
          <Figure label="Dagligt energibehov" value={kcal(need.daily)} />
          <Figure label="Hvilestofskifte" value={kcal(need.bmr)} />
        </dl>
        <p>
          Hvilestofskiftet er det, kroppen forbrænder i fuldstændig ro. Ganget med {String(need.factor).replace('.', ',')} for dit aktivitetsniveau
          giver det omkring {kcal(need.daily)} om dagen for at holde vægten ({formatCount(Math.round(need.daily * 4.184))} kJ).
        </p>
        <p>
          Til sammenligning giver den reviderede Harris-Benedict-formel et hvilestofskifte på {kcal(need.bmrHarrisBenedict)} og et dagligt behov på{' '}
          {kcal(need.dailyHarrisBenedict)}. Forskellen viser, at begge tal er skøn: Følg vægten over nogle uger, og justér derefter.
        </p>
      </>
    );
  },
  About: () => (
    <>
      <h2>Sådan regner vi</h2>
      <p>Hvilestofskiftet (kcal i døgnet) efter Mifflin-St Jeor, med vægt i kg, højde i cm og alder i år:</p>
      <ul>
        <li>Mænd: 10 × vægt + 6,25 × højde − 5 × alder + 5</li>
        <li>Kvinder: 10 × vægt + 6,25 × højde − 5 × alder − 161</li>
      </ul>
      <p>
        Til sammenligning viser vi Harris-Benedict-formlen i Roza og Shizgals reviderede udgave. Det daglige behov er hvilestofskiftet ganget
        med en aktivitetsfaktor fra 1,2 (stillesiddende) til 1,9 (ekstremt aktiv). Formlerne gælder raske voksne; ved sygdom, graviditet eller
        meget høj muskelmasse kan behovet være et andet.
      </p>
      <p class="source">
        Kilder: M. D. Mifflin m.fl., <cite>A new predictive equation for resting energy expenditure in healthy individuals</cite>, Am J Clin Nutr
        1990;51:241–7. A. M. Roza og H. M. Shizgal, <cite>The Harris Benedict equation reevaluated</cite>, Am J Clin Nutr 1984;40:168–82.
      </p>
    </>
  ),
});
