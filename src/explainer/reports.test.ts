import { describe, expect, it } from 'vitest';
import { explainReport } from './matcher.js';

/**
 * Twenty reports written by us in the style Danish radiology departments use, with the terms a
 * patient would need explained. Each expected heading must be among the explanations.
 */
const REPORTS: Array<{ name: string; text: string; expected: string[] }> = [
  {
    name: 'MR af knæ, meniskrift',
    text: `MR af højre knæ. Klinisk information: Smerter medialt efter vrid.
Horisontal ruptur i baghornet af den mediale menisk med kontakt til den inferiore artikulære flade. Lateral menisk er intakt. Forreste korsbånd er intakt, og bageste korsbånd ligeså. Medialt kollateralligament upåfaldende. Let ledvæske. Diskret knoglemarvsødem i mediale femurkondyl.
Konklusion: Horisontal menisklæsion i medial menisk.`,
    expected: ['horisontal ruptur', 'baghorn', 'medial menisk', 'lateral menisk', 'forreste korsbånd', 'bageste korsbånd', 'medialt kollateralligament', 'ledvæske', 'knoglemarvsødem', 'femurkondyl', 'konklusion', 'menisk'],
  },
  {
    name: 'MR af knæ, korsbåndsskade',
    text: `MR af venstre knæ efter distorsion under fodbold. Totalruptur af ACL. Bone bruise i laterale femurkondyl og posteriort på tibiaplateauet. PCL intakt. Moderat hydrops. Ingen fritlegemer. Bakers cyste på 2 cm.`,
    expected: ['distorsion', 'total ruptur', 'forreste korsbånd', 'knoglemarvsødem', 'tibiaplateau', 'bageste korsbånd', 'ledvæske', 'fritlegeme', 'Bakers cyste', 'moderat', 'posterior'],
  },
  {
    name: 'MR af knæ, slidgigt',
    text: `MR af knæ. Udtalt bruskudtynding i det mediale kompartment med subkondrale cyster og randosteofytter. Meniskekstrusion af medial menisk. Synovitis. Patellasenen og quadricepssenen er normale. Chondromalaci bag patella.`,
    expected: ['bruskudtynding', 'subkondral cyste', 'osteofyt', 'meniskekstrusion', 'medial menisk', 'synovitis', 'patellasenen', 'quadricepssenen', 'chondromalaci', 'patella', 'udtalt'],
  },
  {
    name: 'MR af skulder',
    text: `MR af højre skulder. Partiel ruptur på bursasiden af supraspinatussenen, insertionsnært. Tendinose af infraspinatus. Væske i den subakromiale bursa forenelig med bursitis. Lange bicepssene intakt. Let AC-ledsartrose med osteofytter. Labrum upåfaldende.`,
    expected: ['partiel ruptur', 'bursaside', 'supraspinatus', 'insertionsnært', 'tendinose', 'infraspinatus', 'SASD', 'bursitis', 'bicepssenen', 'AC-led', 'osteofyt', 'labrum'],
  },
  {
    name: 'Ultralyd af skulder',
    text: `UL af venstre skulder: Supraspinatussenen er fortykket og hypoekkoisk med bevaret fibrillær struktur. Ingen fuldtykkelsesruptur. Kalkaflejring på 8 mm i senen. Let væske i SASD bursa. Subscapularis og infraspinatus normale. Dynamisk undersøgelse viser impingement ved abduktion.`,
    expected: ['ultralyd', 'supraspinatus', 'fortykket', 'hypoekkoisk', 'fibrillær struktur', 'total ruptur', 'calcificering', 'SASD', 'subscapularis', 'infraspinatus', 'impingement'],
  },
  {
    name: 'MR af skulder, frossen skulder og labrum',
    text: `MR-skanning af skulder. Fortykket ledkapsel i axillære recessus og fortykket coracohumeralt ligament, forenelig med adhæsiv kapsulitis. SLAP-læsion kan ikke udelukkes. Glenohumeralleddet i øvrigt normalt. Acromion type 2.`,
    expected: ['MR', 'ledkapsel', 'fortykket', 'ledbånd', 'adhæsiv kapsulitis', 'labrumlæsion', 'suspekt', 'glenohumeralleddet', 'acromion'],
  },
  {
    name: 'MR af lænd, prolaps',
    text: `MR af columna lumbalis. Normal lordose. Diskusdegeneration L4/L5 og L5/S1 med nedsat diskushøjde og Modic type 1-forandringer i endpladerne L5/S1. Paracentral diskusprolaps til venstre L5/S1 med kompression af S1-roden i recessus lateralis. Annulær fissur L4/L5. Spinalkanalen er i øvrigt rummelig. Conus normal.`,
    expected: ['columna lumbalis', 'lordose', 'diskusdegeneration', 'L4/L5', 'L5/S1', 'nedsat diskushøjde', 'Modic', 'endplade', 'paramedian', 'prolaps', 'kompression', 'S1', 'recessus lateralis', 'annulær fissur', 'spinalkanalen', 'conus medullaris'],
  },
  {
    name: 'MR af lænd, spinalstenose',
    text: `MR lumbalcolumna. Spondylolistese grad 1 L4 over L5. Facetledsartrose og ligamentum flavum hypertrofi L4-L5 giver moderat til svær central spinalstenose med sammentrængning af cauda equina. Foraminal stenose bilateralt L4-L5 med påvirkning af L4-rødderne. Schmorlske knuder Th12 og L1.`,
    expected: ['spondylolistese', 'facetledsartrose', 'ligamentum flavum hypertrofi', 'L4/L5', 'moderat', 'udtalt', 'spinalstenose', 'cauda equina', 'foraminal stenose', 'bilateral', 'L4', 'Schmorlske knuder', 'Th12', 'L1', 'columna lumbalis'],
  },
  {
    name: 'CT af lænd',
    text: `CT af lænderyggen. Degenerative forandringer med spondylofytter og sklerose af endpladerne. Diskusprotrusion L3/L4 uden rodaffektion. Spondylolyse bilateralt i pars interarticularis på L5. Hæmangiom i L2. Ingen fraktur.`,
    expected: ['CT', 'columna lumbalis', 'degenerative forandringer', 'osteofyt', 'subkondral sklerose', 'endplade', 'protrusion', 'L3/L4', 'rodaffektion', 'spondylolyse', 'bilateral', 'pars interarticularis', 'L5', 'hæmangiom', 'L2', 'fraktur'],
  },
  {
    name: 'MR af nakke',
    text: `MR af columna cervicalis. Udrettet lordose. Diskusbuling C5-C6 og C6-C7 med uncovertebralledsartrose og foraminal indsnævring til højre C6/C7, hvor C7-roden er påvirket. Ingen myelopati. Rygmarven har normalt signal. Aldersvarende forandringer i øvrigt.`,
    expected: ['columna cervicalis', 'udrettet lordose', 'protrusion', 'C5/C6', 'C6/C7', 'uncovertebralled', 'foraminal stenose', 'C7', 'nerverod', 'myelopati', 'rygmarv', 'aldersvarende'],
  },
  {
    name: 'CT af nakke efter traume',
    text: `CT af halshvirvelsøjlen efter påkørsel bagfra (whiplash). Ingen fraktur eller luksation. Dens og atlas er normale. Let kyfotisk stilling C4-C5, formentlig muskulær. Facetleddene upåfaldende.`,
    expected: ['CT', 'columna cervicalis', 'whiplash', 'fraktur', 'luksation', 'axis', 'atlas', 'kyfose', 'C4/C5', 'facetled', 'normal'],
  },
  {
    name: 'MR af hofte',
    text: `MR af venstre hofte. Cam-morfologi af lårbenshalsen og labrumlæsion anterosuperiort. Let coxartrose med nedsat ledspalte kranialt. Gluteus medius tendinopati ved trochanter major med trokantær bursitis. Ingen avaskulær nekrose.`,
    expected: ['hofteled', 'femoroacetabulær impingement', 'collum femoris', 'labrumlæsion', 'coxartrose', 'ledspalteforsnævring', 'kranial', 'gluteus medius', 'tendinose', 'trochanter major', 'bursitis', 'avaskulær nekrose'],
  },
  {
    name: 'Røntgen af hofte',
    text: `Rtg. af bækken og højre hofte. Reduceret ledspalte superolateralt i højre hofteled med subkondral sklerose, subkondrale cyster og osteofytter på caput femoris og acetabulum. Forenelig med moderat artrose. Venstre side normal.`,
    expected: ['røntgen', 'ledspalteforsnævring', 'hofteled', 'subkondral sklerose', 'subkondral cyste', 'osteofyt', 'caput femoris', 'acetabulum', 'moderat', 'artrose', 'venstresidig'],
  },
  {
    name: 'MR af ankel',
    text: `MR af højre ankel efter inversionstraume. Total ruptur af ATFL og partiel ruptur af CFL. Knoglemarvsødem i talus medialt. Deltoidligamentet og syndesmosen er intakte. Peroneussenerne har let tenosynovitis. Ingen osteokondral læsion.`,
    expected: ['ankelled', 'ankelforstuvning', 'total ruptur', 'ATFL', 'partiel ruptur', 'CFL', 'knoglemarvsødem', 'talus', 'medial', 'deltoidligamentet', 'syndesmose', 'peroneussener', 'tenosynovitis', 'osteokondral læsion'],
  },
  {
    name: 'Ultralyd af achillessene',
    text: `Ultralydsscanning af venstre achillessene. Midportion fortykket til 9 mm med hypoekkoiske områder og øget doppler. Ingen ruptur. Retrocalcaneal bursa let udspilet. Insertionen på calcaneus er uden forkalkning. Plantarfascien måler 3 mm.`,
    expected: ['ultralyd', 'achillessenen', 'midportion', 'fortykket', 'hypoekkoisk', 'neovaskularisering', 'ruptur', 'bursitis', 'senefæste', 'calcaneus', 'calcificering', 'plantarfascie'],
  },
  {
    name: 'Ultralyd af hæl',
    text: `UL af højre hæl: Plantar fasciitis med fortykket plantarfascie på 6,5 mm ved hælbenet, hypoekkogen. Lille hælspore. Normale forhold i fedtpuden.`,
    expected: ['ultralyd', 'plantar fasciitis', 'fortykket', 'plantarfascie', 'calcaneus', 'hypoekkoisk', 'hælspore', 'normal', 'Hoffas fedtpude'],
  },
  {
    name: 'Røntgen af albue og håndled',
    text: `Røntgen af højre albue og håndled efter fald. Udislokeret fraktur af caput radii. Ledvæske i albueleddet (positivt fat pad sign). Håndleddet normalt; båndknoglen uden fraktur. Lateral epikondylitis kan ikke vurderes på røntgen.`,
    expected: ['røntgen', 'albueled', 'håndled', 'udislokeret', 'fraktur', 'radius', 'ledvæske', 'scaphoideum', 'lateral epikondylitis'],
  },
  {
    name: 'DEXA, osteoporose',
    text: `DEXA-scanning af lænd og hofte. Lænd L1-L4: BMD 0,812 g/cm², T-score -2,7, Z-score -1,6. Total hofte: T-score: −1.4. Collum femoris: T-score -2,1, Z-score -2,1. Konklusion: Osteoporose i lænden, osteopeni i hoften.`,
    expected: ['DEXA', 'columna lumbalis', 'hofteled', 'knogletæthed', 'T-score −2,7', 'Z-score −1,6', 'T-score −1,4', 'collum femoris', 'T-score −2,1', 'Z-score −2,1', 'konklusion', 'osteoporose', 'osteopeni'],
  },
  {
    name: 'DEXA, normal med lav Z-score',
    text: `DXA: Lumbal columna T-score 0,3 og Z-score -2,3. Venstre hofte T score -0,9. Ingen tegn på kompressionsfraktur på lateralt billede.`,
    expected: ['DEXA', 'columna lumbalis', 'T-score 0,3', 'Z-score −2,3', 'hofteled', 'T-score −0,9', 'kompressionsfraktur', 'lateral'],
  },
  {
    name: 'Røntgen og MR af knæ hos løber',
    text: `Røntgen af knæ: normale forhold. MR: Ødem i Hoffas fedtpude og proksimal patellar tendinopati med intrasubstans signalforandring. Let ødem omkring iliotibialbåndet lateralt svarende til løberknæ. Stressreaktion i proksimale tibia kan ikke udelukkes.`,
    expected: ['røntgen', 'knæled', 'normal', 'MR', 'ødem', 'Hoffas fedtpude', 'proksimal', 'springerknæ', 'intrasubstans', 'signalforandring', 'tractus iliotibialis', 'lateral', 'løberknæ', 'stressreaktion', 'tibia', 'suspekt'],
  },
];

describe('the explainer on twenty realistic reports', () => {
  it('has twenty different reports', () => {
    expect(new Set(REPORTS.map((r) => r.name)).size).toBe(20);
  });

  it.each(REPORTS)('$name: finds every expected term', ({ text, expected }) => {
    const found = new Set(explainReport(text).entries.map((e) => e.heading));
    expect(expected.filter((h) => !found.has(h))).toEqual([]);
  });
});
