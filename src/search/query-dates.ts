import { isCalendarDate, monthNumber, toAsciiDigits } from '../ingest/article-dates.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';

/** The days a query names (نوفمبر 2018, 15 نوفمبر 2018), as `date_from` and `date_to` take them. */
export interface DatesInQuery {
  from: string;
  to: string;
  /** The words that named them, as typed. */
  named: string;
}

/** A month's name with a one-letter clitic (بنوفمبر, وفي is two words): ب، ل، و. */
const CLITIC = /^[بلو]/u;
/** "The month of" before its name (شهر نوفمبر), taken out with it. */
const MONTH_WORD = /^[بلو]?شهر$/u;
const YEAR = /^(1[89]|20)\d\d$/u;
const DAY = /^\d{1,2}$/u;

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
 * November 2018), or a day of one (15 نوفمبر 2018): the dates they cover, and the text without them.
 * A month's name without a year stays a word (مارس is also "he practised", ماي Theresa May), and so
 * does a year alone, which names events (كأس العالم 2018). The first such date counts.
 */
export function splitQueryDates(q: string): { text: string; dates?: DatesInQuery } {
  const words = q.split(/\s+/u).filter(Boolean);
  for (let at = 0; at < words.length; at++) {
    const found = monthAt(words, at);
    if (!found) continue;
    const yearWord = words[at + found.length];
    const year = yearWord === undefined ? '' : bare(yearWord);
    if (!YEAR.test(year)) continue;
    const dayWord = at > 0 ? bare(words[at - 1]!) : '';
    const day = DAY.test(dayWord) ? Number(dayWord) : undefined;
    const month = `${year}-${pad(found.month)}`;
    let first = day !== undefined ? at - 1 : at;
    if (words.slice(first, at + found.length + 1).some((word) => ASKED_AS_TYPED.test(word))) continue;
    if (day !== undefined && !isCalendarDate(`${month}-${pad(day)}`)) continue;
    if (first > 0 && MONTH_WORD.test(bare(words[first - 1]!))) first--;
    const last = at + found.length;
    const lastDay = new Date(Date.UTC(Number(year), found.month, 0)).getUTCDate();
    const dates = {
      from: `${month}-${pad(day ?? 1)}`,
      to: `${month}-${pad(day ?? lastDay)}`,
      named: words.slice(first, last + 1).join(' '),
    };
    return { text: [...words.slice(0, first), ...words.slice(last + 1)].join(' '), dates };
  }
  return { text: q };
}
