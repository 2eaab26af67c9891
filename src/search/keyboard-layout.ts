/**
 * Words typed with the other keyboard layout active, as a reader who forgot to switch types them:
 * Arabic on the Latin keys (lwv: مصر, hgsu,]dm: السعودية) or Latin on the Arabic ones (فقعةح: trump).
 * Each key is read as the letter the other layout puts on it: the Arabic (PC) layout over US QWERTY,
 * the one Windows, macOS ("Arabic – PC"), Linux and most physical keyboards print.
 */
import { isDictionaryWord } from './english-words.js';
import type { QueryAids } from './understand-query.js';

/** Each Latin key (and shifted key) to what the Arabic layout types on it; shifted keys that type marks or symbols are left out. */
const ARABIC_OF_KEY = new Map<string, string>(
  ("`ذ qض wص eث rق tف yغ uع iه oخ pح [ج ]د aش sس dي fب gل hا jت kن lم ;ك 'ط zئ xء cؤ vر bلا nى mة ,و .ز /ظ " + 'Hأ Yإ Nآ Gلأ Tلإ Bلآ')
    .split(' ')
    .map((pair) => [pair[0]!, pair.slice(1)] as const),
);

/** Each Arabic letter to the Latin key it is typed on; لا, one key (b), is read first as that key, then as its two letters (gh). */
const KEY_OF_ARABIC = new Map(
  [...ARABIC_OF_KEY].filter(([key, arabic]) => arabic.length === 1 && /^[a-z`[\];',./]$/u.test(key)).map(([key, arabic]) => [arabic, key]),
);

/** The keys a Latin word typed for an Arabic one is made of: letters and the punctuation keys the Arabic layout puts letters on. */
const LATIN_KEYS = /^[A-Za-z`[\];',./]+$/u;
/** Capitals throughout: an abbreviation (DVD, PWC), typed as meant. */
const ABBREVIATION = /^\p{Lu}{2,}$/u;
const ARABIC_LETTERS = /^\p{Script=Arabic}+$/u;
/** Punctuation that may end a word as punctuation, not as a key typed for a letter (. is ز, , is و). */
const TRAILING_PUNCTUATION = /[.,;]$/u;
/** Operators and quotes around a word, kept as typed (-lwv, "lwv"). */
const WORD_IN_OPERATORS = /^([-–"«(]*)(.*?)([")»?؟!]*)$/u;
const OPERATOR_WORDS = new Set(['OR', 'AND', 'NOT']);
/** A word of this many letters or fewer is read on the other layout only beside a longer one that is. */
const SHORT_WORD_LETTERS = 2;

/** The Arabic a Latin word's keys type on the Arabic layout, or `undefined` where a key types no letter there. Pure. */
export function arabicOnLatinKeys(word: string): string | undefined {
  if (!LATIN_KEYS.test(word) || ABBREVIATION.test(word)) return undefined;
  let arabic = '';
  for (const [at, key] of [...word].entries()) {
    // A capital is a shifted key (H: أ); the first letter's may be a phone's or a habit's (Lwv: مصر).
    const letter = ARABIC_OF_KEY.get(key) ?? (at === 0 ? ARABIC_OF_KEY.get(key.toLowerCase()) : undefined);
    if (letter === undefined) return undefined;
    arabic += letter;
  }
  return arabic;
}

/**
 * The Latin words an Arabic word's keys type on the US layout, letters only (ك, the ; key, types
 * none): with لا as the one key b, then as the two keys gh. Pure.
 */
export function latinOnArabicKeys(word: string): string[] {
  if (!ARABIC_LETTERS.test(word)) return [];
  const readings = [...new Set([word.replace(/لا/gu, 'b'), word])].map((text) => [...text].map((letter) => (letter === 'b' ? 'b' : KEY_OF_ARABIC.get(letter))));
  return readings
    .filter((keys) => keys.every((key) => key !== undefined))
    .map((keys) => keys.join(''))
    .filter((reading) => /^[a-z]+$/u.test(reading));
}

/**
 * Every word of a text begun as typed with the other layout active, its keys read there (hgsu: السع,
 * فقعة: trum), for suggestions as the reader types: `undefined` where a word is of neither layout's
 * letters, or the text mixes the scripts. Pure.
 */
export function keysOnOtherLayout(text: string): string | undefined {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  const read = words.every((word) => LATIN_KEYS.test(word)) ? words.map(arabicOnLatinKeys) : words.map((word) => latinOnArabicKeys(word)[0]);
  return read.every((word) => word !== undefined) ? read.join(' ') : undefined;
}

export interface LayoutWords {
  /** Whether a Latin word (lower case) is one as typed: an English word, a name the lists or the given-name lists hold. */
  isLatinWord(word: string): boolean;
  /** How often the news writes an Arabic word as spelled (0: never, or hardly ever). */
  arabicFrequency(word: string): number;
}

/** An Arabic word a Latin one's keys type must be this common in the news to be read so: a rarer one is likelier chance. */
const MIN_READ_FREQUENCY = 20;

/** The words query understanding knows, for `readOnOtherLayout`: none where the word list is not loaded. */
export function layoutWordsOf(aids: QueryAids): LayoutWords | undefined {
  const { repairer } = aids;
  if (!repairer) return undefined;
  return {
    isLatinWord: (word) => {
      if (aids.latinNameWords?.has(word) || aids.synonymLatinWords?.has(word) || aids.latinAbbreviations?.has(word.toUpperCase())) return true;
      const english = aids.englishWords?.();
      return english !== undefined && (isDictionaryWord(english, word) || english.isOnNameLists(word));
    },
    arabicFrequency: (word) => repairer.frequency(word),
  };
}

export interface OtherLayoutReading {
  /** The text with its words typed on the other layout read there. */
  text: string;
  /** The layout they were read on: `arabic` for Latin letters typed for Arabic, `english` for the other way. */
  layout: 'arabic' | 'english';
  /**
   * Whether every word read could be nothing else: Latin keys no reader types for a sound (a
   * punctuation key inside a word, the article's keys hg first, no vowel at all: hgsu,]dm, lwv)
   * or an Arabic word the news never writes. Another word might be Arabic typed in Latin letters (haj).
   */
  unmistakable: boolean;
  /**
   * Whether a word read is none the news writes often: keys that could be typed for no sound, read as
   * a word with a slip in it (jvhkf: ترانب, meant ترامب), for the search to respell.
   */
  slipped: boolean;
}

/**
 * Latin keys a word typed for its sounds would not hold: a punctuation key before its end, the
 * article's keys first, no vowel, or three consonants together once the pairs that write one sound
 * (sh, kh, gh, th, dh, ch, ph) are one (ulhk: عمان; not shams).
 */
function typedForNoSound(word: string): boolean {
  return /^\S*[`[\];',./]\S|^hg|^[^aeiouy]+$/iu.test(word) || /[b-df-hj-np-tv-xz]{3}/iu.test(word.replace(/[sktdgcp]h/giu, 'x'));
}

/** The fewest letters of a word read as a slip of one the news writes: shorter, too many words are one slip off. */
const MIN_SLIPPED_LETTERS = 4;

/**
 * Keys no Latin word holds, for a word read with a slip in it, which no frequent word vouches for: a
 * punctuation key inside it but the apostrophe (Cox's, O'Brien), the article's keys first, or no
 * vowel. Three consonants together are a name's too (Luzhniki, Schmidt).
 */
function typedAsKeys(word: string): boolean {
  return /^\S*[`[\];,./]\S|^hg|^[^aeiouy]+$/iu.test(word);
}

/**
 * The text with each word typed on the other layout read as meant, where at least one of them is
 * longer than two letters: a Latin word no list knows whose keys type a word the news writes
 * often (lwv: مصر), or an Arabic word the news never writes whose keys type a word the lists or
 * the dictionary know (فقعةح: trump); or, `slipped`, such a word with a slip in it (jvhkf: ترانب;
 * ناشساخله: khashogi) and the Latin keys no list knows beside words read as Arabic. One layout's
 * words are read, the one a word read without a slip says; `undefined` for none. Pure.
 */
export function readOnOtherLayout(text: string, words: LayoutWords): OtherLayoutReading | undefined {
  let longest = 0;
  let unmistakable = true;
  let slipped = false;
  const tokens = text.split(/(\s+)/u).map((token) => {
    if (!token.trim() || OPERATOR_WORDS.has(token)) return { token };
    const [, before, word, after] = WORD_IN_OPERATORS.exec(token) as unknown as [string, string, string, string];
    return { token, before, word, after, reading: readWord(word, words) };
  });
  // The layout a word read without a slip says, before one a slip might (a rare Arabic word beside Latin keys).
  const layout = (tokens.find(({ reading }) => reading && !reading.slipped) ?? tokens.find(({ reading }) => reading))?.reading?.layout;
  for (const { word, reading } of tokens) {
    if (!reading || !word || layout !== reading.layout) continue;
    unmistakable &&= reading.layout === 'english' || typedForNoSound(word);
    slipped ||= reading.slipped;
    longest = Math.max(longest, [...word].length);
  }
  if (!layout || longest <= SHORT_WORD_LETTERS) return undefined;
  const read = tokens.map(({ token, before, word, after, reading }) => {
    if (reading?.layout === layout) return `${before}${reading.word}${after}`;
    // Beside words read on the Arabic layout, the other Latin keys no list knows are its too, slips or
    // words the news writes rarely (ليش, gda, in gda hvjtu hgkt': why did oil rise), for the search to respell.
    const keys = layout === 'arabic' && word && !reading ? arabicOnLatinKeys(word) : undefined;
    if (!keys || words.isLatinWord(word!.toLowerCase().replace(/[^a-z]/gu, ''))) return token;
    slipped = true;
    return `${before}${keys}${after}`;
  });
  return { text: read.join(''), layout, unmistakable, slipped };
}

/**
 * How often the news writes a word typed on the Latin keys, its bare alif at the start of the word or
 * after the article or a clitic read as a hamza's too: the h key is ا, and hsuhv is اسعار, which the
 * news writes أسعار.
 */
function writtenFrequency(arabic: string, words: LayoutWords): number {
  const withHamza = (hamza: string) => arabic.replace(/^(ال|وال|بال|فال|لل|و|ف|ب|ل)?ا/u, (_all, before: string | undefined) => `${before ?? ''}${hamza}`);
  return Math.max(...[arabic, withHamza('أ'), withHamza('إ')].map((form) => words.arabicFrequency(form)));
}

function readWord(word: string, words: LayoutWords): { word: string; layout: OtherLayoutReading['layout']; slipped: boolean } | undefined {
  if (LATIN_KEYS.test(word)) {
    if (words.isLatinWord(word.toLowerCase().replace(/[^a-z]/gu, ''))) return undefined;
    for (const keys of TRAILING_PUNCTUATION.test(word) ? [word, word.slice(0, -1)] : [word]) {
      const arabic = arabicOnLatinKeys(keys);
      if (arabic && writtenFrequency(arabic, words) >= MIN_READ_FREQUENCY)
        return { word: `${arabic}${word.slice(keys.length)}`, layout: 'arabic', slipped: false };
    }
    const arabic = arabicOnLatinKeys(word);
    const slip = arabic !== undefined && typedAsKeys(word) && [...arabic].length >= MIN_SLIPPED_LETTERS && ARABIC_LETTERS.test(arabic);
    return slip ? { word: arabic, layout: 'arabic', slipped: true } : undefined;
  }
  // An Arabic word the news writes, however rarely, is meant as typed.
  if (!ARABIC_LETTERS.test(word) || words.arabicFrequency(word) > 0) return undefined;
  const readings = latinOnArabicKeys(word);
  const latin = readings.find((reading) => words.isLatinWord(reading));
  if (latin) return { word: latin, layout: 'english', slipped: false };
  // Latin letters only, none a word: a name typed with a slip besides (ناشساخله: khashogi), for the search to respell.
  return readings[0] && readings[0].length >= MIN_SLIPPED_LATIN_LETTERS ? { word: readings[0], layout: 'english', slipped: true } : undefined;
}

/** The fewest letters of a Latin reading taken for a name with a slip in it. */
const MIN_SLIPPED_LATIN_LETTERS = 5;
