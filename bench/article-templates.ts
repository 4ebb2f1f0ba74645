import { ZipfPicker, type Random, int, mixSeed, pickUniform } from './lib/random.js';
import {
  ACTIVITIES, ADJECTIVES, ANGLES, AUDIENCES, BODY_PARTS, COMPLAINTS, CONDITIONS, EVERYDAY, EXERCISES, FREQUENCIES, LEVELS,
  SYMPTOMS, TIMES, TREATMENTS, VERBS,
} from './vocabulary.js';
import { type Paradigm, lexicon } from './lexicon.js';

/**
 * The sentence, heading and FAQ-question templates of the article generator, and the
 * Writer that fills them: each article keeps returning to its own focus words.
 */

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function makePickers(seed: number) {
  let n = 0;
  const z = <T>(list: readonly T[]) => new ZipfPicker(list, mixSeed(seed ^ 0x5eed, n++));
  return {
    body: z(BODY_PARTS), symptom: z(SYMPTOMS), complaint: z(COMPLAINTS), condition: z(CONDITIONS), treatment: z(TREATMENTS),
    exercise: z(EXERCISES), everyday: z(EVERYDAY), verb: z(VERBS), activity: z(ACTIVITIES), adjective: z(ADJECTIVES),
    time: z(TIMES), audience: z(AUDIENCES), angle: z(ANGLES), frequency: z(FREQUENCIES), level: z(LEVELS),
    // Flatter than the lists (s = 0.6): a long tail of compounds that few articles use.
    compound: new ZipfPicker(lexicon(), mixSeed(seed ^ 0x1e41c, 0), 0.6),
  };
}

export type Pickers = ReturnType<typeof makePickers>;

/** What one article's sentences draw from: its own focus words most of the time. */
export class Writer {
  constructor(
    readonly rand: Random,
    readonly p: Pickers,
    readonly focus: { topic: string; body: readonly [string, string]; exercise: string; treatment: string; audience: string; compound: Paradigm },
  ) {}

  #focused<T>(own: T, picker: ZipfPicker<T>, share = 0.35): T {
    return this.rand() < share ? own : picker.pick(this.rand);
  }
  one = <T>(list: readonly T[]) => pickUniform(this.rand, list);
  num = (min: number, max: number) => int(this.rand, min, max);
  topic = () => (this.rand() < 0.5 ? this.focus.topic : this.rand() < 0.5 ? this.comp() : this.cond());
  comp = () => this.#focused(this.focus.topic, this.p.complaint, 0.2);
  cond = () => this.p.condition.pick(this.rand);
  sym = () => this.p.symptom.pick(this.rand);
  body = () => this.#focused(this.focus.body, this.p.body)[0];
  bodyDef = () => this.#focused(this.focus.body, this.p.body)[1];
  ex = () => this.#focused(this.focus.exercise, this.p.exercise);
  treat = () => this.#focused(this.focus.treatment, this.p.treatment);
  aud = () => this.#focused(this.focus.audience, this.p.audience, 0.3);
  every = () => (this.rand() < 0.5 ? this.p.everyday.pick(this.rand) : this.#compound()[0]);
  /** A generated compound (bench/lexicon.ts) in one form: singular, definite, plural, plural definite. */
  #compound = () => this.#focused(this.focus.compound, this.p.compound, 0.25);
  lex = () => this.#compound()[0];
  lexDef = () => this.#compound()[1];
  lexPl = () => this.#compound()[2];
  lexPlDef = () => this.#compound()[3];
  verbInf = () => this.p.verb.pick(this.rand)[0];
  verbPres = () => this.p.verb.pick(this.rand)[1];
  act = () => this.p.activity.pick(this.rand);
  adj = () => this.p.adjective.pick(this.rand);
  time = () => this.p.time.pick(this.rand);
  freq = () => this.p.frequency.pick(this.rand);
  level = () => this.p.level.pick(this.rand);
}

export type Template = (w: Writer) => string;

export const SENTENCES: readonly Template[] = [
  (w) => `${cap(w.topic())} er ${w.freq()} hos ${w.aud()}, især efter ${w.act()}.`,
  (w) => `Mange oplever ${w.sym()} i ${w.bodyDef()} ${w.time()}, og det kan gøre det svært at ${w.verbInf()}.`,
  (w) => `${cap(w.treat())} kan hjælpe, hvis ${w.comp()} har varet i mere end ${w.num(2, 12)} uger.`,
  (w) => `Start med ${w.ex()} ${w.num(2, 4)} gange om ugen, og øg belastningen gradvist.`,
  (w) => `Ved ${w.cond()} anbefaler fysioterapeuten ofte ${w.treat()} kombineret med ${w.ex()}.`,
  (w) => `Smerterne er typisk ${w.adj()} og sidder ofte i ${w.bodyDef()} eller omkring ${w.bodyDef()}.`,
  (w) => `Når du ${w.verbPres()}, belaster du ${w.bodyDef()} mere, end de fleste tror.`,
  (w) => `Skriv i en træningsdagbog, hvordan ${w.bodyDef()} reagerer ${w.time()}.`,
  (w) => `Hos ${w.aud()} skyldes ${w.comp()} ofte ${w.act()} kombineret med for lidt ${w.one(['søvn', 'restitution', 'variation', 'bevægelse', 'styrke'])}.`,
  (w) => `Fysioterapeuten undersøger ${w.bodyDef()}, ${w.bodyDef()} og den måde, du ${w.verbPres()} på.`,
  (w) => `${cap(w.sym())} ${w.time()} kan være et tegn på ${w.cond()}.`,
  (w) => `Tal med din ${w.one(['læge', 'fysioterapeut', 'kiropraktor', 'egen læge'])}, hvis ${w.sym()} i ${w.bodyDef()} bliver værre trods ${w.treat()}.`,
  (w) => `Undersøgelser viser, at ${w.treat()} virker bedre end hvile ved ${w.comp()}.`,
  (w) => `Mange ${w.aud()} får ${w.comp()} efter ${w.act()}.`,
  (w) => `En pause på ${w.num(1, 3)} til ${w.num(4, 7)} dage uden ${w.ex()} er som regel nok.`,
  (w) => `En smerte på ${w.num(2, 5)} på en skala fra 0 til 10 under ${w.ex()} er acceptabel, hvis den aftager inden næste morgen.`,
  (w) => `Brug ${w.one(['en elastik', 'håndvægte', 'en træningsmåtte', 'et trappetrin', 'en stol', 'en væg'])} til ${w.ex()}, og lav ${w.num(2, 4)} sæt med ${w.num(8, 15)} gentagelser.`,
  (w) => `${cap(w.ex())} styrker musklerne omkring ${w.bodyDef()} og giver mere stabilitet i ${w.one(['hverdagen', 'sporten', 'arbejdet', 'haven', 'trapperne'])}.`,
  (w) => `Ved ${w.adj()} smerter kan ${w.treat()} lindre i en kortere periode.`,
  (w) => `Det er vigtigt at variere mellem ${w.ex()} og ${w.ex()}, så ${w.bodyDef()} ikke bliver overbelastet.`,
  (w) => `${cap(w.comp())} går i de fleste tilfælde over af sig selv inden for ${w.num(2, 12)} uger.`,
  (w) => `En ${w.one(['scanning', 'røntgenundersøgelse', 'mr-scanning', 'ultralydsscanning'])} er sjældent nødvendig ved ${w.comp()}.`,
  (w) => `Arbejder du ved ${w.one(['en computer', 'et skrivebord', 'et samlebånd', 'en kasse'])}, så skift stilling hvert ${w.num(20, 45)}. minut.`,
  (w) => `Søvn, kost og stress påvirker også, hvordan kroppen reagerer på ${w.comp()}.`,
  (w) => `${cap(w.aud())} med ${w.cond()} har gavn af ${w.treat()} og regelmæssig ${w.one(['motion', 'bevægelse', 'træning', 'styrketræning'])}.`,
  (w) => `Mærker du ${w.sym()} i ${w.bodyDef()}, når du ${w.verbPres()}, så prøv at ${w.verbInf()} langsommere.`,
  (w) => `Genoptræningen efter ${w.cond()} tager typisk ${w.num(6, 16)} uger.`,
  (w) => `Tilskud fra sygesikringen kræver som regel en henvisning fra ${w.one(['lægen', 'din egen læge', 'speciallægen'])}.`,
  (w) => `Varm op i ${w.num(5, 15)} minutter før ${w.ex()}, fx med ${w.ex()}.`,
  (w) => `${cap(w.treat())} alene er sjældent nok, så kombinér det med ${w.ex()}.`,
  (w) => `Ved ${w.level()} ${w.one(['hævelse', 'ømhed', 'stivhed'])} i ${w.bodyDef()} kan ${w.one(['is', 'kulde', 'kompression', 'aflastning', 'højt leje'])} lindre de første døgn.`,
  (w) => `Det er helt normalt, at ${w.bodyDef()} føles ${w.one(['stiv', 'øm', 'træt', 'hævet', 'varm'])} ${w.time()}.`,
  (w) => `Kommer ${w.comp()} tilbage, så se på den samlede belastning i ${w.one(['hverdagen', 'arbejdet', 'fritiden', 'træningen'])}.`,
  (w) => `Mange ${w.aud()} fortæller, at ${w.ex()} har hjulpet dem mere end ${w.treat()}.`,
  (w) => `${cap(w.cond())} ses oftest hos personer over ${w.num(30, 65)} år.`,
  (w) => `Tænk over din ${w.one(['søvn', 'kost', 'holdning', 'rutine', 'vægt'])} og din ${w.one(['arbejdsstilling', 'kontorstol', 'madras', 'hovedpude', 'træningsplan'])}, hvis ${w.comp()} bliver ved.`,
  (w) => `Tænk også på ${w.every()} og ${w.every()}, når du planlægger ${w.one(['genoptræningen', 'hverdagen', 'behandlingen'])}.`,
  (w) => `${cap(w.adj())} gener i ${w.bodyDef()} kræver en grundig undersøgelse af en ${w.one(['fysioterapeut', 'læge', 'speciallæge'])}.`,
  (w) => `Spørg fysioterapeuten om ${w.lexPl()} og ${w.lexPl()}, hvis ${w.comp()} bliver ved.`,
  (w) => `${cap(w.lexDef())} betyder meget for ${w.bodyDef()}, især ${w.time()}.`,
  (w) => `Mange ${w.aud()} overser ${w.lexPlDef()} og ${w.lexDef()}.`,
  (w) => `Et godt sted at starte er ${w.lex()}, før du går i gang med ${w.ex()}.`,
  (w) => `Læs også om ${w.lex()}, ${w.lexPl()} og ${w.lexPlDef()}.`,
  (w) => `Husk, at ${w.lexDef()} og ${w.lexPlDef()} også påvirker ${w.comp()}.`,
  (w) => `Ved ${w.cond()} giver ${w.lexPl()} og ${w.lex()} ofte bedre resultater end ${w.treat()} alene.`,
  (w) => `${cap(w.lexPlDef())} kan justeres, så de passer til ${w.aud()}.`,
];

export const HEADINGS: readonly Template[] = [
  (w) => `Hvad er ${w.focus.topic}?`,
  (w) => `Symptomer på ${w.topic()}`,
  () => 'Årsager og risikofaktorer',
  (w) => `Øvelser mod ${w.topic()}`,
  (w) => `Sådan behandler fysioterapeuten ${w.topic()}`,
  (w) => `${cap(w.ex())} i hverdagen`,
  (w) => `Gode råd til ${w.aud()}`,
  () => 'Hvornår skal du søge læge?',
  (w) => `Forebyggelse af ${w.comp()}`,
  (w) => `Træning efter ${w.cond()}`,
  (w) => `Når ${w.bodyDef()} gør ondt ${w.time()}`,
  (w) => `${cap(w.treat())} – virker det?`,
  () => 'Belastning og pauser',
  (w) => `${cap(w.lexPl())} og ${w.lexPl()}`,
];

export const QUESTIONS: readonly Template[] = [
  (w) => `Er det farligt at træne med ${w.focus.topic}?`,
  (w) => `Hvor lang tid går der, før ${w.comp()} går over?`,
  (w) => `Skal jeg have en scanning af ${w.bodyDef()}?`,
  (w) => `Kan ${w.ex()} hjælpe mod ${w.comp()}?`,
  (w) => `Hvad kan jeg selv gøre ved ${w.comp()}?`,
  (w) => `Skal jeg holde pause fra ${w.one(['fodbold', 'løb', 'håndbold', 'padel', 'golf', 'cykling', 'fitness'])}?`,
  (w) => `Hjælper ${w.treat()} ved ${w.cond()}?`,
  (w) => `Hvornår skal jeg kontakte ${w.one(['min læge', 'lægevagten', 'en fysioterapeut'])}?`,
  (w) => `Må jeg ${w.verbInf()} med ${w.sym()} i ${w.bodyDef()}?`,
];
