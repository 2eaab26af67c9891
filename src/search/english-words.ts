import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';

/**
 * Where Debian's dict-freedict-eng-ara package puts FreeDict's English–Arabic dictionary (dictd
 * format: `.index` and `.dict.dz`). It is read where it is installed, never copied into the project.
 */
export const DEFAULT_ENGLISH_DICTIONARY = '/usr/share/dictd/freedict-eng-ara';

/** English words and phrases to the Arabic of their first sense. */
export interface EnglishWords {
  arabicOf(english: string): string | undefined;
  /** Words in the longest phrase held. */
  readonly longestPhrase: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEADWORD = /^[a-z][a-z' -]*$/;
const MAX_PHRASE_WORDS = 3;
// Harakat, shadda, sukun, superscript alef and tatweel: the index folds them away, so they only cost memory here.
const DIACRITICS = /[\u064B-\u0652\u0670\u0640]/g;

/** dictd's offsets and lengths: base64 digits, most significant first. */
function decodeNumber(digits: string): number {
  let value = 0;
  for (const digit of digits) value = value * 64 + BASE64.indexOf(digit);
  return value;
}

/**
 * The first sense of an entry: the line after the headword's, its number ("1. ") taken off, and of
 * alternatives ("مصاريف او تكاليف", "a، b") the first.
 */
export function firstSense(entry: string): string | undefined {
  const sense = entry.split('\n')[1]?.trim();
  if (!sense) return undefined;
  const first = sense
    .replace(/^\d+\.\s*/u, '')
    .split(/\s+(?:او|أو)\s+|[،,;؛]/u)[0]!
    .replace(DIACRITICS, '')
    .trim();
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
  let longestPhrase = 1;
  for (let start = 0; start < index.length;) {
    const end = index.indexOf(10, start) < 0 ? index.length : index.indexOf(10, start);
    const [headword, offset, length] = index.toString('latin1', start, end).split('\t');
    start = end + 1;
    if (!headword || !offset || !length || !HEADWORD.test(headword)) continue;
    const words = headword.split(' ').length;
    if (words > MAX_PHRASE_WORDS) continue;
    const from = decodeNumber(offset);
    const sense = firstSense(entries.toString('utf8', from, from + decodeNumber(length)));
    if (!sense) continue;
    headwords.push(headword);
    senses.push(sense);
    longestPhrase = Math.max(longestPhrase, words);
  }
  const { bytes, starts } = packLines(headwords, senses);
  return { arabicOf: (english) => lookUp(bytes, starts, english), longestPhrase };
}

/**
 * The lines `headword TAB sense`, sorted as bytes (a headword and its tab: "war\t" before "ward\t"),
 * the first of a headword kept, in one buffer, and where each starts.
 */
function packLines(headwords: string[], senses: string[]): { bytes: Buffer; starts: Uint32Array } {
  const order = headwords
    .map((_, at) => at)
    .sort((a, b) => (`${headwords[a]}\t` < `${headwords[b]}\t` ? -1 : `${headwords[a]}\t` > `${headwords[b]}\t` ? 1 : a - b));
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

/** A query's Latin word as the lists and the dictionary look it up: lower case, without edge punctuation. */
const LATIN_WORD = /^[a-z][a-z0-9.'-]*$/;
/** Longer translations (nasa: الوكالة الوطنية للفضاء والطيران) bring more common words than meaning. */
const MAX_ARABIC_WORDS_A_WORD = 2;
/** The longest spelling of the lists a Latin query is read against (crown prince, international criminal court). */
const LONGEST_LISTED_SPELLING = 6;

/** The Arabic of a Latin phrase, or of its one word without a plural ending the dictionary lacks (vaccines: vaccine). */
function arabicOfPhrase(english: EnglishWords, phrase: string): string | undefined {
  const found =
    english.arabicOf(phrase) ??
    (phrase.includes(' ') || !phrase.endsWith('s')
      ? undefined
      : (english.arabicOf(phrase.slice(0, -1)) ??
        (phrase.endsWith('ies') ? english.arabicOf(`${phrase.slice(0, -3)}y`) : english.arabicOf(phrase.slice(0, -2)))));
  return found && found.split(' ').length <= MAX_ARABIC_WORDS_A_WORD * phrase.split(' ').length ? found : undefined;
}

/** One stretch of a Latin query: a spelling of the lists, a phrase of the dictionary, or a word of neither. */
export interface LatinStretch {
  words: string[];
  listed?: string;
  arabic?: string;
}

/**
 * A query's words read from the start: at each, the longest spelling of the lists (`listed`: its
 * first Arabic spelling), else the longest phrase of the dictionary (`arabic`), else the word alone.
 * A word in capitals the lists lack is an abbreviation, not the dictionary's word (IT, AIDS).
 */
export function readLatinStretches(text: string, listed: ReadonlyMap<string, string>, english?: EnglishWords): LatinStretch[] {
  const typed = text.split(/\s+/u).filter(Boolean);
  const bare = typed.map((word) => word.replace(EDGE_PUNCTUATION, '').toLowerCase());
  const stretches: LatinStretch[] = [];
  for (let at = 0; at < typed.length;) {
    const phraseOf = (length: number) =>
      bare.slice(at, at + length).every((word) => LATIN_WORD.test(word)) ? bare.slice(at, at + length).join(' ') : undefined;
    const take = (length: number, found: Omit<LatinStretch, 'words'>) => {
      stretches.push({ words: typed.slice(at, at + length), ...found });
      at += length;
    };
    let length = Math.min(LONGEST_LISTED_SPELLING, typed.length - at);
    while (length > 0 && !listed.has(phraseOf(length) ?? '')) length--;
    if (length > 0) {
      take(length, { listed: listed.get(phraseOf(length)!)! });
      continue;
    }
    const abbreviation = /^\p{Lu}{2,}$/u.test(typed[at]!.replace(EDGE_PUNCTUATION, ''));
    length = abbreviation || !english ? 0 : Math.min(english.longestPhrase, typed.length - at);
    while (length > 0 && !(phraseOf(length) && arabicOfPhrase(english!, phraseOf(length)!))) length--;
    take(Math.max(length, 1), length > 0 ? { arabic: arabicOfPhrase(english!, phraseOf(length)!)! } : {});
  }
  return stretches;
}

/** A Latin word or phrase of a query and the Arabic it was searched as. */
export interface EnglishInArabic {
  english: string;
  arabic: string;
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
): { text: string; translated: EnglishInArabic[] } {
  const stretches = readLatinStretches(text, listed, english);
  return {
    text: stretches.map((stretch) => stretch.arabic ?? stretch.words.join(' ')).join(' '),
    translated: stretches.flatMap((stretch) =>
      stretch.arabic ? [{ english: stretch.words.join(' ').replace(EDGE_PUNCTUATION, ''), arabic: stretch.arabic }] : [],
    ),
  };
}
