import { monthNumber, toAsciiDigits } from '../ingest/article-dates.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';
import { MINUS_SIGN } from './excluded-terms.js';

/** The days of a month a query names (نوفمبر 2018), as `date_from` and `date_to` take them. */
export interface DatesInQuery {
  from: string;
  to: string;
  /** The words that named them, as typed. */
  named: string;
}

/** A one-letter clitic a month's name may carry (بنوفمبر، ونوفمبر، لنوفمبر). */
const CLITIC = /^[بلو]/u;
/** "The month of" before its name (شهر نوفمبر), or early, mid or late (مطلع، منتصف، أواخر نوفمبر): taken out with it, the month's days standing for them. */
const MONTH_WORD = /^[بلو]?(?:شهر|مطلع|بداي[ةه]|[أا]وائل|منتصف|[أا]واخر|نهاي[ةه])$/u;
const YEAR = /^(1[89]|20)\d\d$/u;
const NUMBER = /^\d+$/u;

/** A quote, an exclusion or NOT anywhere: the reader is asking for words as written, dates among them. */
const ASKS_AS_TYPED = new RegExp(`["«»“”„]|(?:^|\\s)${MINUS_SIGN}|(?:^|\\s)NOT\\s`, 'u');
/** Fewer letters than this make no month read from a query: آب is also أب ("father"), باب ب + آب; آب typed with its madda is August. */
const MIN_MONTH_LETTERS = 3;
const AUGUST_WITH_MADDA = 'آب';
/** French writes its months in lower case: Mars with a capital is the planet or a name (Bruno Mars, NASA Mars). */
const CAPITALIZED_NOT_A_MONTH = 'Mars';

/** Words between a month and its year that say "of the year". */
const YEAR_LEAD = /^(?:من|عام|العام|لعام|سنة|لسنة)$/u;

const pad = (n: number) => String(n).padStart(2, '0');
const bare = (word: string) => toAsciiDigits(word.replace(EDGE_PUNCTUATION, ''));

/** The month a word or two name (كانون الثاني), its clitic aside, with the number of words it took. */
function monthAt(words: string[], at: number): { month: number; length: number } | undefined {
  for (const length of [2, 1]) {
    if (at + length > words.length) continue;
    const parts = words.slice(at, at + length).map(bare);
    if (parts.some((part) => part === '')) continue;
    const name = parts.join(' ');
    const unclitic = CLITIC.test(name) ? name.slice(1) : undefined;
    if (name === CAPITALIZED_NOT_A_MONTH) continue;
    for (const form of [name, unclitic]) {
      const longEnough = form !== undefined && (form.replace(/\s/gu, '').length >= MIN_MONTH_LETTERS || form === AUGUST_WITH_MADDA);
      const month = longEnough ? monthNumber(form) : undefined;
      if (month !== undefined) return { month, length };
    }
  }
  return undefined;
}

/** Two names of one month side by side, a slash between them or not (أيلول / سبتمبر), as one. */
function oneMonthInTwoCalendars<T extends { at: number; month: number; length: number }>(words: string[], months: T[]): T[] {
  if (months.length !== 2 || months[0]!.month !== months[1]!.month) return months;
  const [first, second] = months as [T, T];
  const gap = second.at - (first.at + first.length);
  if (gap !== 0 && !(gap === 1 && words[first.at + first.length] === '/')) return months;
  return [{ ...first, length: second.at + second.length - first.at }];
}

/**
 * A month and year a reader typed beside the subject (السودان نوفمبر 2018, تركيا يونيو 2018,
 * November 2018): the days of that month, and the text without them. Left as words where they may be
 * something else: a month's name without a year (مارس is also "he practised"), a year alone (كأس
 * العالم 2018), a whole date (هجمات 11 سبتمبر 2001, ثورة 25 يناير 2011), a month inside a listed name
 * or a phrase with the word before it (تيريزا ماي 2018, برونو مارس 2018: `namesSomething`), two
 * months (a range: من يناير 2018 إلى مارس 2018; but one month in two calendars, أيلول / سبتمبر 2018,
 * is that month), and a text with a quote, an exclusion or NOT.
 */
export function splitQueryDates(q: string, namesSomething: (words: string) => boolean = () => false): { text: string; dates?: DatesInQuery } {
  if (ASKS_AS_TYPED.test(q)) return { text: q };
  // A slash is a word of its own: أكتوبر/تشرين الأول names one month in two calendars.
  const words = q.replace(/\//gu, ' / ').split(/\s+/u).filter(Boolean);
  // A month's name that is a name's word with the word before it (تيريزا ماي) is no month: تيريزا ماي مايو 2018 names May once.
  const namesWithWordBefore = (at: number, length: number) => {
    const before = at > 0 ? bare(words[at - 1]!) : '';
    return (
      before !== '' &&
      !MONTH_WORD.test(before) &&
      namesSomething(
        `${before} ${words
          .slice(at, at + length)
          .map(bare)
          .join(' ')}`,
      )
    );
  };
  const months = oneMonthInTwoCalendars(
    words,
    words.flatMap((_, at) => {
      const found = monthAt(words, at);
      return found && !namesWithWordBefore(at, found.length) ? [{ at, ...found }] : [];
    }),
  );
  if (months.length !== 1) return { text: q };
  const { at, month: number, length } = months[0]!;
  // "Of the year" between the month and its year: أكتوبر عام 2018, أكتوبر من عام 2018.
  let last = at + length;
  for (let lead = 0; lead < 2 && YEAR_LEAD.test(bare(words[last] ?? '')); lead++) last++;
  const year = bare(words[last] ?? '');
  const before = at > 0 ? bare(words[at - 1]!) : '';
  const monthWordBefore = MONTH_WORD.test(before);
  if (!YEAR.test(year) || NUMBER.test(before)) return { text: q };
  const first = monthWordBefore ? at - 1 : at;
  const month = `${year}-${pad(number)}`;
  const lastDay = new Date(Date.UTC(Number(year), number, 0)).getUTCDate();
  const named = words
    .slice(first, last + 1)
    .join(' ')
    .replace(EDGE_PUNCTUATION, '');
  return { text: [...words.slice(0, first), ...words.slice(last + 1)].join(' '), dates: { from: `${month}-01`, to: `${month}-${pad(lastDay)}`, named } };
}
