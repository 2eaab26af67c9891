import { monthNumber, toAsciiDigits } from '../ingest/article-dates.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';

/** The days of a month a query names (نوفمبر 2018), as `date_from` and `date_to` take them. */
export interface DatesInQuery {
  from: string;
  to: string;
  /** The words that named them, as typed. */
  named: string;
}

/** A one-letter clitic a month's name may carry (بنوفمبر، ونوفمبر، لنوفمبر). */
const CLITIC = /^[بلو]/u;
/** "The month of" before its name (شهر نوفمبر), taken out with it. */
const MONTH_WORD = /^[بلو]?شهر$/u;
const YEAR = /^(1[89]|20)\d\d$/u;
const NUMBER = /^\d+$/u;

/** A quoted or excluded word is asked as typed: no date is read from it. */
const ASKED_AS_TYPED = /^[-−]|["«»“”]/u;

const pad = (n: number) => String(n).padStart(2, '0');
const bare = (word: string) => toAsciiDigits(word.replace(EDGE_PUNCTUATION, ''));

/** The month a word or two name (كانون الثاني), its clitic aside, with the number of words it took. */
function monthAt(words: string[], at: number): { month: number; length: number } | undefined {
  for (const length of [2, 1]) {
    if (at + length > words.length) continue;
    const name = words
      .slice(at, at + length)
      .map(bare)
      .join(' ');
    const month = monthNumber(name) ?? (CLITIC.test(name) ? monthNumber(name.slice(1)) : undefined);
    if (month !== undefined) return { month, length };
  }
  return undefined;
}

/**
 * A month and year a reader typed beside the subject (السودان نوفمبر 2018, تركيا يونيو 2018,
 * November 2018): the days of that month, and the text without them. A month's name without a year
 * stays a word (مارس is also "he practised", ماي Theresa May), and so does a year alone, which names
 * events (كأس العالم 2018), and a whole date, likelier an event's name than a day of publication
 * (هجمات 11 سبتمبر 2001, ثورة 25 يناير 2011). The first such month counts.
 */
export function splitQueryDates(q: string): { text: string; dates?: DatesInQuery } {
  const words = q.split(/\s+/u).filter(Boolean);
  for (let at = 0; at < words.length; at++) {
    const found = monthAt(words, at);
    if (!found) continue;
    const last = at + found.length;
    const year = words[last] === undefined ? '' : bare(words[last]);
    if (!YEAR.test(year) || (at > 0 && NUMBER.test(bare(words[at - 1]!)))) continue;
    let first = at;
    if (first > 0 && MONTH_WORD.test(bare(words[first - 1]!))) first--;
    if (words.slice(first, last + 1).some((word) => ASKED_AS_TYPED.test(word))) continue;
    const month = `${year}-${pad(found.month)}`;
    const lastDay = new Date(Date.UTC(Number(year), found.month, 0)).getUTCDate();
    const dates = { from: `${month}-01`, to: `${month}-${pad(lastDay)}`, named: words.slice(first, last + 1).join(' ') };
    return { text: [...words.slice(0, first), ...words.slice(last + 1)].join(' '), dates };
  }
  return { text: q };
}
