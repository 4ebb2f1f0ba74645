/**
 * Danish letters, folded and sorted by one rule. Every caller (slugs, the search tokenizer,
 * town names, the ordbog index, lists of towns) uses these functions, so a name is spelled,
 * matched and sorted the same way everywhere.
 *
 * The rule for "aa": it is the letter å. Danish place names keep the old spelling (Aalborg,
 * Aarhus, Aabenraa) and Danes look them up under Å, which is also how the Danish collation
 * (CLDR, `Intl.Collator('da')`) orders them; and our ASCII spelling writes å as "aa"
 * (`/find/fysioterapeut/aabyhoej`), so the two spellings must mean the same letter or a
 * slug would not sort and match with its name. The rare word where "aa" is two a's
 * ("ekstraarbejde") is sorted as if it held å; we accept that, as the dictionaries do.
 */

/**
 * ASCII the way Danes write without æøå: æ→ae, ø→oe, å→aa (also ä/ö); other accents are
 * dropped (é→e). Lower-cases.
 */
export function foldDanish(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æä]/g, 'ae')
    .replace(/[øö]/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The other direction, for one word: "Traening", "træning", "TRÄNING" → "træning"; ae/oe/aa
 * read as æ/ø/å, other accents dropped ("café" → "cafe"), anything but letters and digits
 * removed.
 */
export function danishLetters(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'æ')
    .replace(/ö/g, 'ø')
    .replace(/[^a-z0-9æøå]/g, (ch) => ch.normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/ae/g, 'æ')
    .replace(/oe/g, 'ø')
    .replace(/aa/g, 'å')
    .replace(/[^a-z0-9æøå]/g, '');
}

/** A name as words of folded ASCII: "København Ø" and "kobenhavn-oe" compare as "koebenhavn oe". */
export function foldedWords(text: string): string {
  return foldDanish(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * A name typed with neither æøå nor their two-letter spellings: æ→a, ø→o, å→a, and likewise
 * ae→a, oe→o, aa→a ("kobenhavn", "arhus"). Lossy, so only a last resort when matching.
 */
export function plainWords(text: string): string {
  return foldedWords(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/aa/g, 'a');
}

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

/** Danish alphabetical order: A–Z, then Æ, Ø, Å (= Aa); case and accents do not matter. */
export function compareDanish(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * A key that sorts like `compareDanish` under plain `<` comparison, for hot sorts where a
 * collator call per comparison costs too much: æ, ø, å (and aa) map to the code points after z.
 */
export function danishSortKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[æä]/g, '{')
    .replace(/[øö]/g, '|')
    .replace(/å|aa/g, '}')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/** A–Z then Æ, Ø, Å: the Danish alphabet. */
export const DANISH_ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'Æ', 'Ø', 'Å'] as const;

/** The letter a text is filed under in an A–Å index ("Aarhus" under Å), or '#' for digits and signs. */
export function danishInitial(text: string): string {
  const start = text.trim().slice(0, 2).toLocaleUpperCase('da');
  if (start === 'AA') return 'Å';
  const first = start.charAt(0);
  if ((DANISH_ALPHABET as readonly string[]).includes(first)) return first;
  if (first === 'Ä') return 'Æ';
  if (first === 'Ö') return 'Ø';
  const plain = first.normalize('NFKD').replace(/\p{M}/gu, '');
  return (DANISH_ALPHABET as readonly string[]).includes(plain) ? plain : '#';
}
