import { foldArabic, monthFamilies, monthTableSchema } from '../analysis/arabic-rules.js';
import { readDataJson } from '../data/data-files.js';
import { PROJECT_ROOT } from '../project-root.js';
import { escapeRegExp } from '../escape-reg-exp.js';

/** A parsed date: ISO `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:00` when the text gave a time. */
export interface ParsedDate {
  date: string;
  hasTime: boolean;
}

export interface DateOptions {
  /** Year to assume when the expression has none (`22 جانفي`); without it such dates are rejected. */
  referenceYear?: number;
}

export interface PublishedDateOptions extends DateOptions {
  /** How many leading lines count as the page header, where the publication date line sits. */
  headerLines?: number;
}

// Outside this window a four-digit number is more likely a Hijri year (1446) or a count than a Gregorian year.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * `2021-02-30` has the shape of a date but is none: the engine would refuse it. Checked on the
 * (proleptic Gregorian) calendar itself: `Date` reads years below 100 as other dates.
 */
export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** Replaces Arabic-Indic (٠-٩) and Persian (۰-۹) digits by ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

/** Text ready for the date patterns: folded, ASCII digits. */
function prepare(text: string): string {
  return toAsciiDigits(foldArabic(text));
}

/** Folded month name → month number, from every family in analyzers/months.json (validated as it is read). */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  monthFamilies(readDataJson(PROJECT_ROOT, 'analyzers/months.json', monthTableSchema)).flatMap(([, byMonth]) =>
    Object.entries(byMonth).flatMap(([month, names]) => names.map((name) => [foldArabic(name).trim().replace(/\s+/g, ' '), Number(month)] as const)),
  ),
);

/** The month number (1-12) of a month name in any supported family, hamza/alef variants folded. */
export function monthNumber(name: string): number | undefined {
  return MONTH_NUMBERS.get(foldArabic(name).trim().replace(/\s+/g, ' '));
}

// Longest names first so `كانون الثاني` wins over a shorter prefix and `مايو` over `ماي`.
const MONTH_ALTERNATION = [...MONTH_NUMBERS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => escapeRegExp(name).replace(/ /g, '\\s+'))
  .join('|');

// JavaScript's \b only knows ASCII word characters, so Arabic word edges need explicit lookarounds.
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const YEAR = '(\\d{4})(?!\\d)';
// The month's name in a second family after a slash, as Levantine outlets write it: `أيار/مايو`.
const OTHER_NAME = `(?:\\s*/\\s*(?:${MONTH_ALTERNATION}))?`;

interface DatePattern {
  regex: RegExp;
  parts: (match: RegExpExecArray) => { year?: string; month: number | undefined; day: string | undefined };
}

const PATTERNS: DatePattern[] = [
  {
    // 2021/07/27, 2021-07-27, 2021.07.27 (one separator throughout)
    regex: /(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)/gu,
    parts: (m) => ({ year: m[1], month: Number(m[3]), day: m[4] }),
  },
  {
    // 27/07/2021, 27-07-2021, 27.07.2021: day first, as written in Arabic and French sources
    regex: /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/gu,
    parts: (m) => ({ year: m[4], month: Number(m[3]), day: m[1] }),
  },
  {
    // مارس 9, 2025 / مايو 14، 2023 / August 6, 2021 / August 6th 2021 / مارس 9
    regex: new RegExp(`${WORD_START}(${MONTH_ALTERNATION})${OTHER_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:\\s*[,،]?\\s*${YEAR})?`, 'gu'),
    parts: (m) => ({ year: m[3], month: monthNumber(m[1] ?? ''), day: m[2] }),
  },
  {
    // 3 فبراير 2025 / 14 أيار/مايو 2023 / 22 جانفي / 6 août 2021 / 1er janvier 2021
    regex: new RegExp(
      `${WORD_START}(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:de\\s+)?(${MONTH_ALTERNATION})${OTHER_NAME}\\.?${WORD_END}(?:\\s*[,،]?\\s*${YEAR})?`,
      'gu',
    ),
    parts: (m) => ({ year: m[3], month: monthNumber(m[2] ?? ''), day: m[1] }),
  },
];

// A time right after the date (`- 23:39`, `T23:39`, `الساعة 9:05 م`) or right before it (`23:39 - مارس 9, 2025`).
const TIME_AFTER = /^[\s,،|@–—-]*(?:t|(?:الساعة|at|a|à)\s*)?(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*(am|pm|ص|م)(?![\p{L}\p{N}]))?(?![\p{L}\p{N}:])/u;
const TIME_BEFORE = /(?<![\p{L}\p{N}:])(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*(am|pm|ص|م))?[\s,،|@–—-]*$/u;

interface DateMatch {
  start: number;
  end: number;
  year: number | undefined;
  month: number;
  day: number;
  time: { hour: number; minute: number } | undefined;
}

function toTime(hourText: string | undefined, minuteText: string | undefined, meridiem: string | undefined): { hour: number; minute: number } | undefined {
  let hour = Number(hourText);
  const minute = Number(minuteText);
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem === 'pm' || meridiem === 'م';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return hour <= 23 ? { hour, minute } : undefined;
}

/** Every date-shaped expression in prepared text, leftmost first; values are not yet range-checked. */
function scanDates(prepared: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(prepared); m; m = pattern.regex.exec(prepared)) {
      const { year, month, day } = pattern.parts(m);
      if (month === undefined || day === undefined) continue;
      let start = m.index;
      let end = m.index + m[0].length;
      let time: DateMatch['time'];
      const after = TIME_AFTER.exec(prepared.slice(end));
      const before = after ? null : TIME_BEFORE.exec(prepared.slice(0, start));
      if (after) {
        time = toTime(after[1], after[2], after[3]);
        if (time) end += after[0].length;
      } else if (before) {
        time = toTime(before[1], before[2], before[3]);
        if (time) start = before.index;
      }
      found.push({ start, end, year: year === undefined ? undefined : Number(year), month, day: Number(day), time });
    }
  }
  // Leftmost first; at the same position the longer reading (with year or time) wins.
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toParsedDate(match: DateMatch, options: DateOptions | undefined): ParsedDate | undefined {
  const year = match.year ?? options?.referenceYear;
  if (year === undefined || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (match.month < 1 || match.month > 12) return undefined;
  if (match.day < 1 || match.day > daysInMonth(year, match.month)) return undefined;
  const date = `${pad(year, 4)}-${pad(match.month)}-${pad(match.day)}`;
  if (!match.time) return { date, hasTime: false };
  return { date: `${date}T${pad(match.time.hour)}:${pad(match.time.minute)}:00`, hasTime: true };
}

/**
 * Parses one date expression found in `text` (the first one that is a real calendar date).
 *
 * Accepts month names from every family in analyzers/months.json (Egyptian/Gulf, Maghreb, Levantine/Iraqi,
 * English, French) before or after the day, numeric y/m/d and d/m/y with `/`, `-` or `.`, ISO dates,
 * Arabic-Indic and Persian digits, an optional weekday name and an optional `HH:mm` time.
 * A date without a year needs `options.referenceYear`. Impossible dates (31/02/2024) give `undefined`.
 *
 * @returns the ISO date (`YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm:00` with `hasTime` when a time was given), or `undefined`.
 */
export function parseArabicDate(text: string, options?: DateOptions): ParsedDate | undefined {
  for (const match of scanDates(prepare(text))) {
    const parsed = toParsedDate(match, options);
    if (parsed) return parsed;
  }
  return undefined;
}

const WEEKDAYS = [
  'الأحد',
  'الاثنين',
  'الإثنين',
  'الثلاثاء',
  'الأربعاء',
  'الخميس',
  'الجمعة',
  'السبت',
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sun',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'dimanche',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
];
// Labels that may sit next to a page's date without making the line prose.
const DATE_LABELS = ['نشر', 'في', 'بتاريخ', 'تاريخ', 'النشر', 'آخر', 'تحديث', 'الساعة', 'published', 'updated', 'on', 'le', 'publié'];
const LINE_FILLER = new RegExp(`${WORD_START}(?:${[...WEEKDAYS, ...DATE_LABELS].map((word) => escapeRegExp(foldArabic(word))).join('|')})${WORD_END}`, 'gu');

/**
 * Whether a line is nothing but a date (with optional weekday, time, labels and punctuation), such as
 * `الثلاثاء 2021/07/27` or `مارس 9, 2025 - 23:39`: page metadata rather than article prose.
 * The date only has to be date-shaped; a missing year still counts.
 */
export function isStandaloneDateLine(line: string): boolean {
  const prepared = prepare(line);
  const [first] = scanDates(prepared);
  if (!first || first.month < 1 || first.month > 12 || first.day < 1 || first.day > 31) return false;
  const rest = (prepared.slice(0, first.start) + ' ' + prepared.slice(first.end)).replace(LINE_FILLER, ' ').replace(/[\p{P}\p{S}\s]/gu, '');
  return rest.length === 0;
}

// `— Name | اسم (@handle) August 6, 2021`: the signature line under an embedded tweet.
const TWEET_ATTRIBUTION = /^[—–-]\s*\S.*\(@\w{1,15}\)/u;
const TWEET_HANDLE = /\(@\w{1,15}\)/u;

/** Whether a line is the attribution under an embedded tweet: a dash, a name, an `(@handle)`, usually a date. */
export function isTweetAttributionLine(line: string): boolean {
  return TWEET_ATTRIBUTION.test(line.trim());
}

/**
 * Picks an article's publication date from its lines (already split and trimmed).
 *
 * 1. A standalone date line among the first `headerLines` (default 8) lines: the page's own date.
 * 2. Else the latest date of the tweet attribution lines: the article cannot predate the tweets it embeds.
 * 3. Else `undefined`. Dates inside prose sentences are never used: they name events, not the publication.
 *
 * @returns an ISO date or datetime, as {@link parseArabicDate} gives it.
 */
export function findPublishedDate(lines: readonly string[], options?: PublishedDateOptions): string | undefined {
  const headerLines = options?.headerLines ?? 8;
  for (const line of lines.slice(0, headerLines)) {
    if (!isStandaloneDateLine(line)) continue;
    const parsed = parseArabicDate(line, options);
    if (parsed) return parsed.date;
  }
  let latest: string | undefined;
  for (const line of lines) {
    if (!isTweetAttributionLine(line)) continue;
    const handle = TWEET_HANDLE.exec(line);
    // Only the text after the handle: the tweet author's name could contain digits.
    const parsed = handle ? parseArabicDate(line.slice(handle.index + handle[0].length), options) : undefined;
    // Same-shape ISO strings compare chronologically as text.
    if (parsed && (latest === undefined || parsed.date > latest)) latest = parsed.date;
  }
  return latest;
}
