/**
 * Danish physiotherapy vocabulary for the synthetic articles (bench/generate-articles.ts).
 * Written for the benchmark: body parts, complaints, diagnoses, treatments, exercises and
 * everyday words, with æøå and compounds the way Danish patient texts use them. The order
 * inside a list does not matter; the generator ranks each list with a fixed shuffle.
 */

/** [indefinite, definite]: "knæ" / "knæet", so sentences can say "i knæet". */
export const BODY_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['knæ', 'knæet'], ['skulder', 'skulderen'], ['ryg', 'ryggen'], ['lænd', 'lænden'], ['nakke', 'nakken'],
  ['hofte', 'hoften'], ['ankel', 'anklen'], ['fod', 'foden'], ['hæl', 'hælen'], ['albue', 'albuen'],
  ['håndled', 'håndleddet'], ['hånd', 'hånden'], ['lår', 'låret'], ['læg', 'læggen'], ['baglår', 'baglåret'],
  ['forlår', 'forlåret'], ['lyske', 'lysken'], ['bækken', 'bækkenet'], ['korsryg', 'korsryggen'], ['brystryg', 'brystryggen'],
  ['skulderblad', 'skulderbladet'], ['knæskal', 'knæskallen'], ['kæbe', 'kæben'], ['balde', 'balden'], ['tå', 'tåen'],
  ['storetå', 'storetåen'], ['finger', 'fingeren'], ['tommelfinger', 'tommelfingeren'], ['underarm', 'underarmen'], ['overarm', 'overarmen'],
  ['hals', 'halsen'], ['brystkasse', 'brystkassen'], ['ribben', 'ribbenet'], ['fodsål', 'fodsålen'], ['forfod', 'forfoden'],
  ['akillessene', 'akillessenen'], ['menisk', 'menisken'], ['korsbånd', 'korsbåndet'], ['ledbånd', 'ledbåndet'], ['bækkenbund', 'bækkenbunden'],
  ['nakkehvirvel', 'nakkehvirvlen'], ['rotatormanchet', 'rotatormanchetten'], ['lægmuskel', 'lægmusklen'], ['hasemuskel', 'hasemusklen'], ['lårmuskel', 'lårmusklen'],
  ['kraveben', 'kravebenet'], ['skinneben', 'skinnebenet'], ['haleben', 'halebenet'],
];

/** Complaints that read "… i knæet": "ømhed i knæet". */
export const SYMPTOMS: readonly string[] = [
  'smerter', 'ømhed', 'stivhed', 'hævelse', 'prikken', 'snurren', 'stikken', 'murren', 'jagende smerter', 'følelsesløshed',
  'udstrålende smerter', 'kramper', 'spændinger', 'træthed', 'kraftnedsættelse', 'knasen', 'låsning', 'ustabilitet', 'irritation',
  'overbelastning', 'morgenstivhed', 'brændende smerter', 'trykken', 'uro', 'varme', 'rødme', 'svaghed', 'nedsat bevægelighed',
];

/** Stand-alone complaints, most of them compounds. */
export const COMPLAINTS: readonly string[] = [
  'knæsmerter', 'lændesmerter', 'nakkesmerter', 'skuldersmerter', 'hoftesmerter', 'rygsmerter', 'hælsmerter', 'ankelsmerter',
  'albuesmerter', 'lyskesmerter', 'baldesmerter', 'fodsmerter', 'kæbesmerter', 'ledsmerter', 'muskelsmerter', 'muskelkramp',
  'muskelspændinger', 'muskelømhed', 'seneirritation', 'nerveirritation', 'belastningsskade', 'sportsskade', 'idrætsskade',
  'løbeskade', 'forstuvning', 'forstrækning', 'fibersprængning', 'hold i ryggen', 'hovedpine', 'svimmelhed', 'brystrygsmerter',
  'bækkensmerter', 'håndledssmerter', 'fingersmerter', 'lægsmerter',
];

export const CONDITIONS: readonly string[] = [
  'slidgigt', 'artrose', 'diskusprolaps', 'piskesmæld', 'tennisalbue', 'golfalbue', 'løberknæ', 'springerknæ', 'hælspore',
  'frossen skulder', 'skinnebensbetændelse', 'iskias', 'hekseskud', 'karpaltunnelsyndrom', 'seneskedehindebetændelse',
  'slimsækbetændelse', 'impingement', 'knogleskørhed', 'leddegigt', 'fibromyalgi', 'hypermobilitet', 'skoliose', 'spinalstenose',
  'hold i nakken', 'akillessenebetændelse', 'fascitis', 'meniskskade', 'korsbåndsskade', 'ankelforstuvning', 'musearm',
  'spændingshovedpine', 'bækkenløsning', 'hofteartrose', 'knæartrose', 'skulderluksation', 'springfinger', 'kalkskulder',
  'morbus bechterew', 'osteoporose', 'lumbago',
];

export const TREATMENTS: readonly string[] = [
  'fysioterapi', 'genoptræning', 'træningsterapi', 'massage', 'manuel behandling', 'ledmobilisering', 'akupunktur', 'tørnåling',
  'trykbølgebehandling', 'ultralydsbehandling', 'kinesiotape', 'udspænding', 'styrketræning', 'konditionstræning', 'balancetræning',
  'holdtræning', 'bassintræning', 'hjemmetræning', 'smertelindring', 'smertestillende medicin', 'isbehandling', 'varmebehandling',
  'afspænding', 'vejrtrækningsøvelser', 'ergonomisk vejledning', 'patientuddannelse', 'gradvis belastning', 'aflastning',
  'skoindlæg', 'bandage', 'knæbind', 'operation', 'injektion', 'blokade', 'neuromuskulær træning', 'løbestilsanalyse',
];

export const EXERCISES: readonly string[] = [
  'skulderøvelser', 'knæøvelser', 'rygøvelser', 'nakkeøvelser', 'hofteøvelser', 'ankeløvelser', 'mavebøjninger', 'planke',
  'sideplanke', 'bækkenløft', 'squat', 'udfald', 'rejse-sætte-sig', 'tåhævninger', 'hælhævninger', 'benløft', 'strakt benløft',
  'sideliggende benløft', 'armhævninger', 'roning', 'elastikøvelser', 'udstrækning', 'balanceøvelser', 'vippebræt', 'trin op',
  'trappetræning', 'cykling', 'motionscykel', 'svømning', 'vandgang', 'gåture', 'stavgang', 'løbetræning', 'yoga', 'pilates',
  'vægtløftning', 'kettlebellsving', 'hoppetræning', 'hinkeøvelser', 'skulderrotationer', 'nakkerotationer', 'katten og kamelen',
  'bækkenbundsøvelser', 'dødløft', 'etbensstående balance', 'væggen-squat',
];

/** Everyday nouns: work, home, sport, the health system. */
export const EVERYDAY: readonly string[] = [
  'hverdag', 'arbejde', 'kontor', 'kontorstol', 'skrivebord', 'computer', 'skærm', 'mobiltelefon', 'bil', 'cykel', 'trappe',
  'have', 'havearbejde', 'rengøring', 'indkøb', 'børn', 'barnevogn', 'bæresele', 'sko', 'løbesko', 'madras', 'hovedpude',
  'søvn', 'sengetid', 'weekend', 'ferie', 'alder', 'vægt', 'overvægt', 'kost', 'vand', 'stress', 'bekymring', 'motivation',
  'vane', 'rutine', 'fritid', 'sport', 'fodbold', 'håndbold', 'badminton', 'tennis', 'golf', 'padel', 'maraton',
  'fitnesscenter', 'træningscenter', 'familie', 'kollega', 'arbejdsplads', 'læge', 'fysioterapeut', 'kiropraktor',
  'sygeplejerske', 'speciallæge', 'hospital', 'skadestue', 'henvisning', 'sygesikring', 'tilskud', 'undersøgelse', 'scanning',
  'røntgen', 'diagnose', 'prognose', 'forløb', 'behandlingsplan', 'træningsdagbog', 'smerteskala', 'pause', 'belastning',
  'restitution', 'opvarmning', 'kondition', 'styrke', 'smidighed', 'holdning', 'arbejdsstilling', 'hæve-sænke-bord',
  'gulvtæppe', 'trappetrin', 'elastik', 'håndvægte', 'træningsmåtte', 'skridttæller', 'pulsur', 'hjemmearbejde', 'pendling',
  'graviditet', 'fødsel', 'overgangsalder', 'pension',
];

/** [infinitive, present]: "at løfte", "når du løfter". */
export const VERBS: ReadonlyArray<readonly [string, string]> = [
  ['bevæge', 'bevæger'], ['løfte', 'løfter'], ['bære', 'bærer'], ['bøje', 'bøjer'], ['strække', 'strækker'], ['sidde', 'sidder'],
  ['stå', 'står'], ['gå', 'går'], ['løbe', 'løber'], ['hoppe', 'hopper'], ['dreje', 'drejer'], ['vride', 'vrider'],
  ['gentage', 'gentager'], ['hvile', 'hviler'], ['belaste', 'belaster'], ['aflaste', 'aflaster'], ['træne', 'træner'],
  ['styrke', 'styrker'], ['sove', 'sover'], ['cykle', 'cykler'], ['svømme', 'svømmer'], ['spille', 'spiller'],
  ['tage trappen', 'tager trappen'], ['rejse dig', 'rejser dig'], ['sætte dig', 'sætter dig'], ['række op', 'rækker op'],
  ['skubbe', 'skubber'], ['trække', 'trækker'], ['knæle', 'knæler'], ['hænge', 'hænger'],
];

/** "efter …": things people did before it started hurting. */
export const ACTIVITIES: readonly string[] = [
  'lang tids siddende arbejde', 'tunge løft', 'en løbetur', 'havearbejde', 'en fodboldkamp', 'en skiferie', 'en flytning',
  'et maraton', 'lange bilture', 'nattevagter', 'en lang dag ved computeren', 'et fald på isen', 'et vrid i knæet',
  'en ny træningsplan', 'mange timer på knæ', 'et byggeprojekt', 'en operation', 'en fødsel', 'en periode med sengeleje',
  'en håndboldturnering', 'snerydning', 'at bære et barn', 'en vandretur i bjergene', 'maling af loftet',
];

/** Plural adjectives ("… smerter"). */
export const ADJECTIVES: readonly string[] = [
  'akutte', 'kroniske', 'langvarige', 'forbigående', 'lette', 'moderate', 'kraftige', 'almindelige', 'sjældne', 'typiske',
  'hyppige', 'jagende', 'murrende', 'brændende', 'stikkende', 'udstrålende', 'diffuse', 'lokale', 'skarpe', 'dybe',
  'belastningsafhængige', 'natlige', 'tilbagevendende', 'vedvarende', 'svingende',
];

export const TIMES: readonly string[] = [
  'om morgenen', 'om aftenen', 'om natten', 'i weekenden', 'efter arbejde', 'under træning', 'efter træning',
  'i løbet af dagen', 'ved sengetid', 'i ferien', 'på trapper', 'i kulden', 'efter lang tids hvile', 'på arbejdet',
];

export const AUDIENCES: readonly string[] = [
  'løbere', 'kontorarbejdere', 'ældre', 'børn', 'unge', 'gravide', 'håndværkere', 'sygeplejersker', 'fodboldspillere',
  'golfspillere', 'cyklister', 'svømmere', 'pensionister', 'nybagte mødre', 'skoleelever', 'landmænd', 'pædagoger',
  'chauffører', 'musikere', 'dansere', 'håndboldspillere', 'tennisspillere', 'lagerarbejdere', 'frisører', 'gartnere',
];

/** Second half of a title: "Knæsmerter hos løbere: øvelser du selv kan lave". */
export const ANGLES: readonly string[] = [
  'årsager og behandling', 'øvelser du selv kan lave', 'sådan kommer du i gang', 'hvornår skal du søge hjælp',
  'myter og fakta', 'en guide til hverdagen', 'træning der virker', 'gode råd fra fysioterapeuten', 'det siger forskningen',
  'når smerterne ikke går over', 'forebyggelse', 'genoptræning trin for trin', 'det skal du vide', 'symptomer og diagnose',
  'de første uger', 'tilbage til sporten', 'ergonomi og arbejdsstillinger', 'søvn og smerter', 'styrketræning uden udstyr',
  'hvad kan du selv gøre', 'et realistisk forløb', 'smertelindring uden piller', 'spørgsmål og svar', 'efter operationen',
];

/** Frequency words used predicatively: "… er almindeligt hos …". */
export const FREQUENCIES: readonly string[] = [
  'almindeligt', 'udbredt', 'sjældent', 'ret hyppigt', 'især udbredt', 'ofte set', 'mindre almindeligt', 'velkendt',
];

export const LEVELS: readonly string[] = ['let', 'moderat', 'kraftig', 'svær', 'mild', 'tydelig', 'gradvis', 'markant'];

/** Every word the generator can write (split into single words), for reports and query picking. */
export function vocabularyWords(): string[] {
  const lists: readonly (readonly string[])[] = [
    BODY_PARTS.flat(), SYMPTOMS, COMPLAINTS, CONDITIONS, TREATMENTS, EXERCISES, EVERYDAY, VERBS.flat(), ACTIVITIES, ADJECTIVES,
    TIMES, AUDIENCES, ANGLES, FREQUENCIES, LEVELS,
  ];
  const all = new Set<string>();
  for (const list of lists) for (const phrase of list) for (const w of phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) all.add(w);
  return [...all].sort();
}

/** Entries (words and phrases) across all lists. */
export function vocabularyEntryCount(): number {
  return BODY_PARTS.length + SYMPTOMS.length + COMPLAINTS.length + CONDITIONS.length + TREATMENTS.length + EXERCISES.length +
    EVERYDAY.length + VERBS.length + ACTIVITIES.length + ADJECTIVES.length + TIMES.length + AUDIENCES.length + ANGLES.length +
    FREQUENCIES.length + LEVELS.length;
}
