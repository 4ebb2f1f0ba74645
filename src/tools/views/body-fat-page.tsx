import { z } from 'zod';
import { formatDecimal } from '../../text/numbers.js';
import { ACE_BODY_FAT_CATEGORIES, bodyFatCategory, navyBodyFat } from '../body-fat.js';
import { defineCalculator } from '../calculator.js';
import { decimalField, sexField } from '../form.js';
import { Figure, NumberField, RadioField } from './fields.js';

const schema = z
  .object({
    koen: sexField,
    hoejde: decimalField('højden', 100, 250, 'cm', '178'),
    hals: decimalField('halsens omkreds', 20, 80, 'cm', '38'),
    talje: decimalField('taljens omkreds', 40, 250, 'cm', '86,5'),
    hofte: decimalField('hoftens omkreds', 50, 250, 'cm', '98', true),
  })
  .superRefine((v, ctx) => {
    if (v.koen === 'kvinde' && v.hofte === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hofte'], message: 'Skriv hoftens omkreds: formlen for kvinder bruger den' });
    }
    if (v.talje <= v.hals) {
      ctx.addIssue({ code: 'custom', path: ['talje'], message: 'Taljen skal være større end halsen – tjek, at målene står i de rigtige felter' });
    }
  });
type Input = z.output<typeof schema>;

export const bodyFatCalculator = defineCalculator<Input>({
  slug: 'fedtprocent',
  name: 'Fedtprocent-beregner',
  title: 'Fedtprocent-beregner: US Navy-metoden med målebånd',
  summary: 'Anslå din fedtprocent med et målebånd: højde, hals og talje (kvinder også hofte) efter den amerikanske flådes metode.',
  fields: ['koen', 'hoejde', 'hals', 'talje', 'hofte'],
  schema,
  Fields: ({ state }) => (
    <>
      <RadioField name="koen" legend="Køn" options={[['kvinde', 'Kvinde'], ['mand', 'Mand']]} state={state} />
      <NumberField name="hoejde" label="Højde" unit="cm" state={state} />
      <NumberField name="hals" label="Halsens omkreds" unit="cm" hint="Lige under adamsæblet, målebåndet skråner let nedad fortil" state={state} />
      <NumberField name="talje" label="Taljens omkreds" unit="cm" hint="Mænd: i navlehøjde. Kvinder: hvor taljen er smallest" state={state} />
      <NumberField name="hofte" label="Hoftens omkreds" unit="cm" hint="Kun kvinder: om det bredeste sted på balderne" state={state} />
    </>
  ),
  Result: ({ data }) => {
    const percent = navyBodyFat({ sex: data.koen, heightCm: data.hoejde, neckCm: data.hals, waistCm: data.talje, ...(data.koen === 'kvinde' ? { hipCm: data.hofte } : {}) });
    if (!Number.isFinite(percent) || percent < 2 || percent > 70) {
      return <p>Målene giver ikke en troværdig fedtprocent. Mål igen, og tjek at hvert mål står i det rigtige felt.</p>;
    }
    return (
      <>
        <dl class="tool-figures">
          <Figure label="Anslået fedtprocent" value={`${formatDecimal(percent, 1)} %`} />
          <Figure label="Kategori (ACE)" value={bodyFatCategory(data.koen, percent).label} />
        </dl>
        <p>Metoden rammer typisk inden for 3–4 procentpoint af en måling med DEXA-scanning. Mål altid på samme måde, hvis du vil følge udviklingen.</p>
      </>
    );
  },
  About: () => (
    <>
      <h2>Sådan regner vi</h2>
      <p>
        Den amerikanske flåde måler fedtprocent ud fra omkredse, fordi fedt især sidder om maven (og hos kvinder også om hofterne), mens
        halsen mest er muskel. Med alle mål i centimeter og 10-tals-logaritmer:
      </p>
      <ul>
        <li>Mænd: 495 / (1,0324 − 0,19077 × log(talje − hals) + 0,15456 × log(højde)) − 450</li>
        <li>Kvinder: 495 / (1,29579 − 0,35004 × log(talje + hofte − hals) + 0,22100 × log(højde)) − 450</li>
      </ul>
      <table>
        <caption>Kategorier fra American Council on Exercise (fedtprocent)</caption>
        <thead>
          <tr>
            <th scope="col">Kategori</th>
            <th scope="col">Kvinder</th>
            <th scope="col">Mænd</th>
          </tr>
        </thead>
        <tbody>
          {ACE_BODY_FAT_CATEGORIES.slice(1).map((c) => (
            <tr key={c.label}>
              <td>{c.label}</td>
              <td>fra {c.from.kvinde} %</td>
              <td>fra {c.from.mand} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="source">
        Kilde: J. A. Hodgdon og M. B. Beckett, <cite>Prediction of percent body fat for U.S. Navy men and women from body circumferences and height</cite>,
        Naval Health Research Center, rapport 84-11 og 84-29 (1984). Kategorier: American Council on Exercise.
      </p>
    </>
  ),
});
