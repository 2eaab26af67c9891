import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isCalendarDate, monthNumber, parseArabicDate } from './article-dates.js';
import { normalizeLines, PARAGRAPH_BREAK, parseSeedArticle } from './seed-parser.js';
import type { RunOnRepairer } from './run-on-repair.js';
import { leadKeysOf, paragraphKey, withoutLinkLines } from './teasers.js';
import { cutDateline } from './dateline.js';
import { lettersAndDigits, wordCount } from '../analysis/letters-and-digits.js';
import type { SourceRecord } from './source-records.js';
import '../zod-messages.js';
import { withoutDirectionMarks, withoutUnservableCharacters } from '../unservable-characters.js';

/** A source as its feed names it (`BBC`, `skynews`): the search's `source=` filters by it. */
export const SOURCE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._ -]{0,63}$/u;
/** `SOURCE_NAME` in words, for the errors that refuse a source. */
export const SOURCE_NAME_RULE = 'letters, digits, space, _ . and -, at most 64, such as "BBC"';

/** The fields an incoming article may carry (ANT-style NDJSON and the like). */
const inputSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).optional(),
    title: z.string().trim().min(1, 'title is empty'),
    text: z.string().optional(),
    body: z.string().optional(),
    published: z.string().optional(),
    // A feed's control character or direction mark is no part of the name (BBC\u0007 is BBC); a control may have parted two words (Sky\u001fNews).
    source: z
      .string()
      .transform((given) => withoutDirectionMarks(withoutUnservableCharacters(given, ' ')).replace(/ {2,}/gu, ' ').trim())
      .pipe(z.string().regex(SOURCE_NAME, `expected a name of ${SOURCE_NAME_RULE}`))
      .optional(),
    // Shown with the article (and the abstract read for teaser keys): none is a reason to refuse it, so
    // one that is no text is left out, and the report says so (`droppedFields`).
    url: z.unknown().optional(),
    category: z.unknown().optional(),
    abstract: z.unknown().optional(),
    author: z.unknown().optional(),
  })
  .refine((a) => (a.text ?? a.body ?? '').trim() !== '', { message: 'text is empty', path: ['text'] })
  .refine((a) => a.id !== undefined || isWebAddress(a.url), { message: 'needs an id or an http(s) url', path: ['id'] });

/** The fields shown with an article and never searched or filtered on: a value that is no text is left out, not the article. */
const DISPLAY_FIELDS = ['url', 'category', 'abstract', 'author'] as const;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** An address a reader's browser may open: a `javascript:` or `data:` one is never shown. */
const isWebAddress = (value: unknown): value is string => isText(value) && /^https?:\/\/[^\s/]/iu.test(value.trim()) && URL.canParse(value.trim());

/**
 * The longest text and title an article may have. A news article runs to tens of thousands of
 * characters (ANT's longest: 21,119); tagging and highlighting a text of megabytes holds up every search meanwhile.
 */
export const MAX_TEXT_CHARACTERS = 200_000;
export const MAX_TITLE_CHARACTERS = 1_000;

/** What an article id may be: it appears in URLs (/articles/{id}) and engine ids. */
export const ARTICLE_ID = /^[\w:.-]{1,128}$/;

/** An article ready to be tagged and stored; `contentHash` tells a re-run that nothing changed. */
export interface PreparedArticle {
  id: string;
  title: string;
  /** The text as indexed: run-on words split. */
  body: string;
  /** The text as published, kept for display when run-on repair changed it. */
  bodyOriginal?: string;
  published?: string;
  source: string;
  url?: string;
  category?: string;
  /** The summary and the byline the feed gives, for display. */
  abstract?: string;
  author?: string;
  /** The story by its outlet, title and publication time (`storyKeyOf`). */
  storyKey?: string;
  /** The story by its outlet and its text word for word (`textKeyOf`): a copy re-filed under a new title or time. */
  textKey?: string;
  /** The story by its outlet, first paragraph and publication time (`leadStoryKeyOf`): a copy re-filed under a new title with its end edited. */
  leadStoryKey?: string;
  /** The keys of the first paragraph and the abstract, and of the last paragraphs that could be other stories' teasers (`leadKeysOf`). */
  leadKeys?: string[];
  tailKeys?: string[];
  /** The other stories' leads the article ended with, cut from `body` (`cutTeasers`). */
  teasers?: string[];
  /** Lines linking other stories of the outlet ("اقرأ أيضا: …"), taken out of `body` (`withoutLinkLines`). */
  links?: string[];
  /** Where the newsroom filed from (دبي، الإمارات العربية المتحدة (CNN)), taken out of `body` (`cutDateline`): not what the story is about. */
  dateline?: string;
  contentHash: string;
}

export type Prepared =
  | { ok: true; article: PreparedArticle; /** Display fields given a value that is no text, left out. */ droppedFields?: DroppedField[] }
  | { ok: false; reason: string; id?: string };

export interface DroppedField {
  field: (typeof DISPLAY_FIELDS)[number];
  reason: string;
}

/**
 * Parses and cleans one source record; a record that cannot be an article is rejected with the reason.
 * Words run together where a space was lost are split in the indexed text (`repairer`); a source is
 * stored as `outletOf` names it (see outletOfSource).
 */
export function prepareArticle(record: SourceRecord, repairer: RunOnRepairer, outletOf?: (source: string) => string): Prepared {
  const result = parseSourceRecord(record, outletOf);
  if (!result.ok) return result;
  const { article } = result;
  const body = repairer.repairText(article.body).text;
  const title = repairer.repairText(article.title).text;
  if (body === article.body && title === article.title) return result;
  return { ...result, article: { ...article, title, body, bodyOriginal: article.body } };
}

/** Parses one source record into an article as published: no run-on repair. */
export function parseSourceRecord(record: SourceRecord, outletOf: (source: string) => string = (source) => source): Prepared {
  if (record.kind === 'unreadable' || record.kind === 'broken') return { ok: false, reason: record.reason };
  if (record.kind === 'seed-text') {
    const parsed = parseSeedArticle(record.id, record.text);
    if (!parsed.title.trim()) return { ok: false, id: record.id, reason: 'title: the text has no title line' };
    if (!parsed.body.trim()) return { ok: false, id: record.id, reason: 'text: the text has no body after its title' };
    return finish({
      id: record.id,
      title: parsed.title,
      body: parsed.body,
      published: normalizeDate(parsed.published),
      source: outletOf(record.source ?? 'seed'),
    });
  }
  const parsed = inputSchema.safeParse(record.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id = typeof (record.value as { id?: unknown })?.id === 'string' ? String((record.value as { id: string }).id) : undefined;
    return { ok: false, reason: issue ? `${issue.path.join('.') || 'article'}: ${issue.message}` : 'not an article', ...(id ? { id } : {}) };
  }
  const input = parsed.data;
  const shown = Object.fromEntries(DISPLAY_FIELDS.map((field) => [field, displayValue(field, input[field])])) as Record<DisplayField, DisplayValue>;
  const url = shown.url.value;
  if (input.id === undefined && !url) return { ok: false, reason: `id: needs an id or an http(s) url (url: ${shown.url.dropped})` };
  const id = input.id !== undefined ? String(input.id) : `url-${createHash('sha1').update(url!).digest('hex').slice(0, 20)}`;
  if (!ARTICLE_ID.test(id)) return { ok: false, reason: `id: "${id.slice(0, 40)}" is not a valid id (letters, digits, _ : . -, at most 128)`, id };
  const published = normalizeDate(input.published);
  const problem = publishedProblem(input.published, published);
  if (problem) return { ok: false, reason: problem, id };
  // Without the bidi marks and zero-width characters some feeds put in titles: a reader sees them as boxes.
  const title = oneLine(input.title);
  if (!title) return { ok: false, reason: 'title: nothing left once invisible characters and bullets are taken out', id };
  const prepared = finish({
    id,
    title,
    body: normalizeLines(input.text ?? input.body ?? '').join(PARAGRAPH_BREAK),
    published,
    source: input.source === undefined ? UNKNOWN_SOURCE : outletOf(input.source),
    url,
    category: shown.category.value,
    abstract: shown.abstract.value,
    author: shown.author.value,
  });
  const droppedFields = DISPLAY_FIELDS.flatMap((field) => (shown[field].dropped ? [{ field, reason: shown[field].dropped }] : []));
  return prepared.ok && droppedFields.length > 0 ? { ...prepared, droppedFields } : prepared;
}

type DisplayField = (typeof DISPLAY_FIELDS)[number];
type DisplayValue = { value?: string; dropped?: string };

/** A UUID, as feeds key their records. */
const IDENTIFIER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The longest value of each field only shown: a longer one is left out, not the article (an abstract of a megabyte went around the text's limit). */
const DISPLAY_FIELD_MAX: Record<DisplayField, number> = { url: 2_000, category: 200, abstract: 5_000, author: 500 };

/** A shown-only field's value as stored, or why it is left out; blank text is no value and nothing to report. */
function displayValue(field: DisplayField, given: unknown): DisplayValue {
  if (given === undefined || given === null) return {};
  if (typeof given !== 'string') return { dropped: `expected text, got ${kindOf(given)}` };
  if (field === 'url' && isText(given) && !isWebAddress(given)) return { dropped: 'not an http(s) address' };
  const value = field === 'url' ? given.trim() || undefined : field === 'category' ? (isText(given) ? given : undefined) : oneLine(given);
  // A feed's internal identifier as the byline names nobody (458 of Al Arabiya's ANT articles): no byline.
  if (field === 'author' && value !== undefined && IDENTIFIER.test(value)) return {};
  if (value !== undefined && value.length > DISPLAY_FIELD_MAX[field])
    return { dropped: `${value.length.toLocaleString('en')} characters, more than the ${DISPLAY_FIELD_MAX[field].toLocaleString('en')} it may have` };
  return value === undefined ? {} : { value };
}

/** What a JSON value other than text is, in a reason's words. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A feed's text field as one line; nothing for a value that is no text or is blank. */
function oneLine(value: unknown): string | undefined {
  return typeof value === 'string' ? normalizeLines(value).join(' ') || undefined : undefined;
}

function finish(
  fields: Omit<PreparedArticle, 'contentHash' | 'storyKey' | 'textKey' | 'leadStoryKey' | 'leadKeys' | 'tailKeys' | 'teasers' | 'links' | 'dateline'>,
): Prepared {
  if (fields.body.length > MAX_TEXT_CHARACTERS)
    return {
      ok: false,
      id: fields.id,
      reason: `text: ${fields.body.length.toLocaleString('en')} characters, more than the ${MAX_TEXT_CHARACTERS.toLocaleString('en')} an article may have`,
    };
  if (fields.title.length > MAX_TITLE_CHARACTERS)
    return {
      ok: false,
      id: fields.id,
      reason: `title: ${fields.title.length.toLocaleString('en')} characters, more than the ${MAX_TITLE_CHARACTERS.toLocaleString('en')} a title may have`,
    };
  const { body: linked, links } = withoutLinkLines(fields.body);
  // A CNN dateline names Dubai in half its articles: searched, it made them hits for the UAE.
  const { text: body, dateline } = cutDateline(linked);
  // The keys, links and dateline are hashed with the rest: articles stored before they had them are written again.
  const withKey = {
    ...fields,
    body,
    ...(links.length > 0 ? { links } : {}),
    dateline,
    storyKey: storyKeyOf(fields),
    textKey: textKeyOf(fields.source, body),
    leadStoryKey: leadStoryKeyOf(fields.source, body, fields.published),
    ...leadKeysOf(fields.source, body, fields.abstract),
  };
  const article = Object.fromEntries(Object.entries(withKey).filter(([, v]) => v !== undefined)) as Omit<PreparedArticle, 'contentHash'>;
  return { ok: true, article: { ...article, contentHash: createHash('sha1').update(JSON.stringify(article)).digest('hex') } };
}

const RFC_2822_DAY = /(\d{1,2}) ([a-z]{3,9}) (\d{4})/i;

/**
 * RFC 2822 and ISO dates through Date; Arabic and other month names through the date parser.
 * `undefined` for a value that is no date, including days the calendar lacks (`Date` would read
 * 30 February as 2 March) and times past 23:59.
 */
export function normalizeDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isCalendarDate(text) ? text : undefined;
  const iso = /^\d{4}-\d{2}-\d{2}T/.test(text);
  if (iso || /[a-z]{3},? \d{1,2} [a-z]{3} \d{4}/i.test(text)) {
    // A time without a zone is read as UTC, not as this machine's local time.
    const time = Date.parse(HAS_ZONE.test(text) ? text : iso ? `${text}Z` : `${text} GMT`);
    const day = iso ? text.slice(0, 10) : rfc2822Day(text);
    if (!Number.isNaN(time) && day !== undefined && isCalendarDate(day)) return new Date(time).toISOString().replace('.000Z', 'Z');
    if (iso) return undefined;
  }
  const written = parseArabicDate(text);
  // Its time, as any other without a zone, is UTC's.
  return written?.hasTime ? normalizeDate(written.date) : written?.date;
}

/** An offset (+04:00, +0400), Z, or a zone's name (GMT, EST) at the end of a date-time. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC?|[ECMP][SD]T))$/i;

function rfc2822Day(text: string): string | undefined {
  const match = RFC_2822_DAY.exec(text);
  const month = match && monthNumber(match[2]!);
  if (!month) return undefined;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

/** Clock skew between a feed and this machine, and time zones ahead of UTC. */
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;
const EARLIEST_PUBLISHED = '1900-01-01';

/** Why a publication date given with an article cannot be stored, if it cannot. */
function publishedProblem(given: string | undefined, read: string | undefined): string | undefined {
  if (!given?.trim()) return undefined;
  if (read === undefined) {
    return `published: "${given.trim().slice(0, 40)}" is not a date read here (ISO 8601 such as 2021-07-27, RFC 2822, or a day, month name and year)`;
  }
  if (read < EARLIEST_PUBLISHED) return `published: ${read} is before ${EARLIEST_PUBLISHED.slice(0, 4)}`;
  if (Date.parse(read.length === 10 ? `${read}T00:00:00Z` : read) > Date.now() + FUTURE_SLACK_MS) return `published: ${read} is in the future`;
  return undefined;
}

/** The source of an article that names none. */
const UNKNOWN_SOURCE = 'unknown';

/**
 * A story's key: its outlet, title and publication time. Outlets file one story twice under two ids
 * (248 of ANT's 30,337 articles, most word for word). None without an outlet or a time of day: a
 * date alone would make one story of a daily column's every item (أسعار الذهب اليوم).
 */
function storyKeyOf(article: Pick<PreparedArticle, 'source' | 'title' | 'published'>): string | undefined {
  const timed = article.published !== undefined && article.published.length > 'yyyy-mm-dd'.length;
  if (!timed || article.source === UNKNOWN_SOURCE) return undefined;
  // Of the title, its letters and digits: an outlet re-filing a story adds a ؟ or a quote mark, or takes off a vowel mark.
  return createHash('sha1')
    .update(`${article.source}\n${lettersAndDigits(article.title)}\n${article.published}`)
    .digest('hex');
}

/**
 * A story's key by its outlet, first paragraph and publication time: an outlet re-files a story at the
 * same second under a new title with its last paragraphs edited (19 ANT articles: حارس مرمى آيسلندا
 * يكشف سر تصديه لكرة جزاء ميسي, then حارس آيسلندا … لركلة جزاء ميسي), which neither its title nor its
 * whole text keys. None without an outlet, a time of day, or a first paragraph long enough to key.
 */
function leadStoryKeyOf(source: string, body: string, published: string | undefined): string | undefined {
  const timed = published !== undefined && published.length > 'yyyy-mm-dd'.length;
  if (!timed || source === UNKNOWN_SOURCE) return undefined;
  const lead = paragraphKey(source, body.split(PARAGRAPH_BREAK)[0] ?? '');
  return lead === undefined ? undefined : createHash('sha1').update(`${lead}\n${published}`).digest('hex');
}

/**
 * Texts shorter than this share no key: an outlet gives its video clips and columns one short
 * caption (11 ANT columns share 7 words, two clips of different stories 20).
 */
const TEXT_KEY_MIN_WORDS = 40;

/**
 * A story's key by its outlet and text: an outlet re-files a story under an edited title (114 ANT
 * articles, most at the same minute: هزيمة عربية جديدة.. تونس تسقط أمام إنجلترا, then بهدف إنجليزي
 * قاتل), or files it again days later. The text counts by its letters and digits, as the title does.
 */
function textKeyOf(source: string, body: string): string | undefined {
  if (source === UNKNOWN_SOURCE) return undefined;
  const words = lettersAndDigits(body);
  if (wordCount(words) < TEXT_KEY_MIN_WORDS) return undefined;
  return createHash('sha1').update(`${source}\n${words}`).digest('hex');
}
