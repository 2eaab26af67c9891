import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { facetValues, type FacetName } from '../../classify/taxonomy.js';
import { isEngineError } from '../../engine/engine-error.js';
import { isCalendarDate } from '../../ingest/article-dates.js';
import { DEFAULT_FACET_SIZE, NothingToSearchError, QueryTooLongError, type SearchRequest } from '../../search/build-search-body.js';
import { holdsFlag, holdsLetterOrDigit } from '../../search/country-flags.js';
import { MAX_EXCLUDED, splitExclusions } from '../../search/excluded-terms.js';
import { MAX_ALTERNATIVES, QueryLogicError, TooManyAlternativesError } from '../../search/any-of-operator.js';
import { MAX_QUOTED, quotedPhrases } from '../../search/quoted-phrases.js';
import { UnknownSiteError } from '../../search/site-operator.js';
import { decodeCursor, InvalidCursorError } from '../../search/search-cursor.js';
import { ApiError } from '../api-error.js';
import { withoutDirectionMarks } from '../../unservable-characters.js';
import { OverloadedError, type Admission } from '../admission.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { EXPLAIN_MAX_HITS, type ExplainSlots } from '../explain-slots.js';
import type { ApiMetrics } from '../metrics.js';
import { ArticleSummarySchema, errorResponses, jsonAnswer, publicRoute, wholeNumber } from '../schemas.js';

/** The lane a search waits in: explained, deep or very long ones cost the engine many times a plain one. */
export function searchLane(request: { explain?: boolean; from: number; size: number; q?: string }): 'cheap' | 'expensive' {
  const words = request.q?.trim().split(/\s+/).length ?? 0;
  return request.explain || request.from + request.size > 100 || words > 12 ? 'expensive' : 'cheap';
}

/** Facet counts a page may ask for: enough for every value the taxonomy has today. */
export const MAX_FACET_SIZE = 500;

/** The facet parameters `match_all` may name, and the facets they select. */
const EVERY_VALUE_PARAMS = ['topic', 'region', 'region_mentioned', 'person', 'organization'] as const;
const FACET_OF_PARAM = {
  topic: 'topics',
  region: 'regions',
  region_mentioned: 'regions_mentioned',
  person: 'people',
  organization: 'organizations',
} as const satisfies Record<(typeof EVERY_VALUE_PARAMS)[number], FacetName>;

/** The facets `match_all` names that hold two values or more: with one, all and any are the same search. */
function everyValueOf(params: readonly (keyof typeof FACET_OF_PARAM)[], filters: Record<FacetName, string[]>): Pick<SearchRequest, 'everyValueOf'> {
  const facets = [...new Set(params.map((param) => FACET_OF_PARAM[param]))].filter((facet) => new Set(filters[facet]).size >= 2);
  return facets.length > 0 ? { everyValueOf: facets } : {};
}

/** A taxonomy slug, the error giving one of its facet's own as the example. */
const slugLike = (example: string) => z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, `expected a lowercase slug such as "${example}"`);
const MAX_SOURCE_TEXT = 200;
// Sources are named as their feeds name them ("BBC", "skynews"), by a label or by a web address (https://www.bbc.com/arabic), as site: takes them.
const sourceName = z
  .string()
  .max(MAX_SOURCE_TEXT)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._\-:/?#%&=~+@]*$/u, 'expected a source as `facets.source` names it, such as "BBC", or its web address');
/** Values one facet parameter may list (repeated or comma-separated). */
const MAX_VALUES_A_FACET = 20;
/**
 * How /openapi.json describes a parameter `valueList` reads: an array, each value its own `name=value`,
 * so a generated client sends several. The comma form is the description's, as no one style says both.
 */
const repeatable = (name: string, description: string) => ({
  description: `${description}. Repeat the parameter for several (${name}=a&${name}=b), or separate them with commas (${name}=a,b); at most ${MAX_VALUES_A_FACET} values in all`,
  type: 'array' as const,
  items: { type: 'string' as const },
  maxItems: MAX_VALUES_A_FACET,
  param: { style: 'form' as const, explode: true },
});
/** `?topic=a&topic=b` and `?topic=a,b` both select two values; `fold` makes each as the values are written. */
const valueList = <Value extends z.ZodType<string, string>>(value: Value, fold: (given: string) => string = (given) => given) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((given) =>
      (Array.isArray(given) ? given : [given])
        .flatMap((v) => v.split(','))
        .map((v) => fold(v.trim()))
        .filter(Boolean),
    )
    // topic= from a script's empty variable would otherwise filter nothing, silently: the whole index.
    .refine((values) => values.length > 0, 'no value given: leave the parameter out to filter nothing')
    .pipe(z.array(value).max(MAX_VALUES_A_FACET, `at most ${MAX_VALUES_A_FACET} values`));
// region=Syria is syria: slugs are written in small letters, and readers type names with capitals.
const slugList = (example: string) => valueList(slugLike(example), (given) => given.toLowerCase());
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a day of the calendar');
/** A search's text, as `q` takes it wherever a route does. */
export const SearchText = z
  .string()
  .max(500, 'at most 500 characters')
  .superRefine((q, context) => {
    const { text, excluded } = splitExclusions(q);
    if (excluded.length > MAX_EXCLUDED)
      context.addIssue({ code: 'custom', message: `at most ${MAX_EXCLUDED} words or phrases left out (after a minus sign or NOT)` });
    if (quotedPhrases(text).length > MAX_QUOTED) context.addIssue({ code: 'custom', message: `at most ${MAX_QUOTED} quoted phrases` });
    // 😀, *, ((( search nothing: answering them with the whole collection would pass for a match. A country flag is its name.
    if (q.trim() && !holdsLetterOrDigit(q) && !holdsFlag(q))
      context.addIssue({ code: 'custom', message: 'nothing to search: give a letter, a digit or a country flag, or leave q out' });
  });
const SearchQuery = z
  .object({
    q: SearchText.optional().openapi({
      description:
        'What to look for, in Arabic or Latin script (Cyrillic is read in Latin letters, as English writes its names: Путин, Putin). A quoted phrase ("كأس العالم", «الأمم المتحدة») must occur as written, word for word, a clitic on the first of two words or more allowed (لكرة القدم for "كرة القدم"); OR in capitals between two words, quoted phrases, listed names or words in parentheses asks for either (ترامب OR بايدن كوريا; دونالد ترامب OR جو بايدن; (ترامب OR بايدن) (كوريا OR الصين); at most ' +
        MAX_ALTERNATIVES +
        ' alternatives spelled out); a word or a quoted phrase after a minus sign or NOT in capitals leaves out the articles that contain it in any form (الجزائر -بلينكن, -"الأمم المتحدة", ترامب NOT كوريا); both with their synonyms. `site:` or `source:` before an address or a name (quoted if of several words) keeps the articles of one source (site:bbc.com سوريا, a space after the colon allowed), as `source` does (given both, the articles both keep; none in common is refused), and after a minus sign leaves them out; one no source answers to, or none given, is refused. A country flag (🇩🇿) is read as its name; a text without a letter, a digit or a flag (symbols, other emoji) is refused.',
      example: 'بلينكن',
    }),
    topic: slugList('economy-energy')
      .optional()
      .openapi(repeatable('topic', 'Topic slugs; several widen the result (OR), or narrow it (AND) with `match_all`')),
    region: slugList('north-africa')
      .optional()
      .openapi(
        repeatable(
          'region',
          'Region slugs: articles about one of them (named in the title, in the lead and again, or repeatedly); several widen the result (OR), or narrow it (AND) with `match_all`',
        ),
      ),
    region_mentioned: slugList('north-africa')
      .optional()
      .openapi(
        repeatable(
          'region_mentioned',
          'Region slugs: articles that name one of them, even once in passing; several widen the result (OR), or narrow it (AND) with `match_all`',
        ),
      ),
    source: valueList(sourceName, withoutDirectionMarks)
      .optional()
      .openapi(
        repeatable(
          'source',
          'Sources (as in `facets.source`, in any letter case: bbc is BBC; or by a label or web address, as `site:` takes them: Sky News Arabia, bbc.com); several widen the result (OR); one no article comes from and no outlet of the taxonomy is a 400',
        ),
      ),
    person: slugList('donald-trump')
      .optional()
      .openapi(repeatable('person', 'Person slugs; several widen the result (OR), or narrow it (AND) with `match_all`')),
    organization: slugList('united-nations')
      .optional()
      .openapi(repeatable('organization', 'Organization slugs; several widen the result (OR), or narrow it (AND) with `match_all`')),
    match_all: valueList(
      z.enum(EVERY_VALUE_PARAMS, {
        error: (issue) =>
          issue.input === 'source' ? 'not source: an article has one source' : 'expected topic, region, region_mentioned, person or organization',
      }),
      (given) => given.toLowerCase(),
    )
      .optional()
      .openapi({
        ...repeatable(
          'match_all',
          'Facet parameters whose several values an article must all hold (AND) instead of any one (OR): `person=donald-trump&person=vladimir-putin&match_all=person` lists the articles naming both. That facet is then counted within its own selection, so its counts say what narrows the result further. A facet given fewer than two values is left as it is (one value is the same either way), and so is the cursor. `source` cannot be one: an article has one source',
        ),
        example: ['person'],
      }),
    date_from: isoDate.optional().openapi({ description: 'Published on or after this day' }),
    date_to: isoDate.optional().openapi({ description: 'Published on or before this day' }),
    from: wholeNumber(0).optional().openapi({
      description: 'Offset of the first hit (from + size at most MAX_RESULT_WINDOW, 1,000 unless configured; past it, `cursor`)',
      type: 'integer',
      minimum: 0,
      default: 0,
    }),
    cursor: z.string().optional().openapi({
      description:
        'Continue after the previous page: its `nextCursor`, with the same search and sort (instead of `from`; not bounded by the result window). A cursor of another search, filters or sort is refused.',
    }),
    facet_size: wholeNumber(1, MAX_FACET_SIZE)
      .optional()
      .openapi({
        description: `Values counted per facet, most frequent first (default ${DEFAULT_FACET_SIZE}; at most ${MAX_FACET_SIZE}, every value the taxonomy has; \`GET /facets/{facet}?q=\` finds the others by name)`,
        type: 'integer',
        minimum: 1,
        maximum: MAX_FACET_SIZE,
        default: DEFAULT_FACET_SIZE,
      }),
    sort: z.enum(['relevance', 'newest', 'oldest']).optional().openapi({
      description:
        'relevance (the default): articles holding more of the words rank first, any one word is enough to be found; newest: newest first, among the articles holding every word (any one, with `relaxed`, when none holds them all); oldest: the same articles oldest first (where a story or a quote began), those without a date last',
      default: 'relevance',
    }),
    profile: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'expected a profile name')
      .optional()
      .openapi({ description: 'Ranking profile from relevance/profiles/ (default from config)' }),
    explain: z
      .enum(['true', 'false'])
      .optional()
      .openapi({ description: `Add, per hit, which field and term scored how much (at most ${EXPLAIN_MAX_HITS} hits a page)` }),
    respell: z.enum(['true', 'false']).optional().openapi({
      description:
        '`false`: a search that finds nothing or next to nothing as typed says so (with `didYouMean`) rather than answering with its respelling into a listed name (`searchedInstead`): the reader meant what they typed',
      default: 'true',
    }),
  })
  .strict();

/** The parameters that say which articles a search (or its feed) lists: the text, the facet values and the dates. */
export const SelectionQuery = SearchQuery.pick({
  q: true,
  match_all: true,
  topic: true,
  region: true,
  region_mentioned: true,
  source: true,
  person: true,
  organization: true,
  date_from: true,
  date_to: true,
});

/** The text, filters and dates of a request, each facet value and source checked against what exists: a 400 naming the parameter otherwise. */
export async function readSelection(
  query: z.infer<typeof SelectionQuery>,
  deps: AppDependencies,
): Promise<Pick<SearchRequest, 'q' | 'filters' | 'everyValueOf' | 'dateFrom' | 'dateTo'>> {
  if (query.date_from && query.date_to && query.date_from > query.date_to) {
    throw new ApiError(400, 'invalid_parameter', 'date_from: must not be after date_to', 'date_from');
  }
  const filters = {
    topics: query.topic ?? [],
    regions: query.region ?? [],
    regions_mentioned: query.region_mentioned ?? [],
    people: query.person ?? [],
    organizations: query.organization ?? [],
    source: query.source ?? [],
  };
  for (const [param, facet] of Object.entries(FACET_OF_PARAM) as [keyof typeof FACET_OF_PARAM, FacetName][]) {
    const known = facetValues(deps.service.taxonomy, facet);
    const unknown = filters[facet].find((value) => !known.has(value));
    if (unknown) throw new ApiError(400, 'invalid_parameter', `${param}: unknown value "${unknown}" (GET /facets lists them)`, param);
  }
  const { sources, unknown } = await deps.service.storedSources(filters.source);
  if (unknown !== undefined) {
    // The code site: answers for an unknown outlet: a client handles both ways of naming one alike.
    throw new ApiError(400, 'unknown_source', `source: no article or outlet is "${unknown}" (a search's facets.source lists the sources)`, 'source');
  }
  return {
    ...(query.q ? { q: query.q } : {}),
    filters: { ...filters, source: sources },
    ...everyValueOf(query.match_all ?? [], filters),
    ...(query.date_from ? { dateFrom: query.date_from } : {}),
    ...(query.date_to ? { dateTo: query.date_to } : {}),
  };
}

const Hit = ArticleSummarySchema.extend({
  titleHighlighted: z.string(),
  score: z.number().nullable(),
  snippets: z.array(z.string()),
  explanation: z.object({ score: z.number(), matches: z.array(z.object({ field: z.string(), term: z.string(), score: z.number() })) }).optional(),
});
const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int(), label: z.object({ ar: z.string(), en: z.string() }) }));
const RegionCounts = z.array(
  z.object({
    value: z.string(),
    count: z.number().int(),
    label: z.object({ ar: z.string(), en: z.string() }),
    parents: z.array(z.string()).optional().openapi({ description: 'The wider regions this one belongs to: nest the list by them' }),
  }),
);
const SearchResponse = z
  .object({
    total: z.number().int(),
    totalAllWords: z.number().int().optional().openapi({
      description:
        'Present when the ranked list also holds articles with only some of the words of `q` (relevance, two words or more): how many hold every word, in any spelling the search reads. The facets and the month counts count these articles; when none holds every word, every hit. A facet value selected lists these articles alone (and no `totalAllWords`), so its count is the list it gives; when none of them has the value, any word is enough and the answer says `relaxed`.',
    }),
    from: z.number().int(),
    size: z.number().int(),
    tookMs: z.number(),
    hits: z.array(Hit),
    nextCursor: z.string().nullable().openapi({ description: 'Give as `cursor` for the next page; null on the last page' }),
    didYouMean: z.string().optional().openapi({
      description:
        'A respelling of `q` from the indexed words and the listed names, for a word no article holds; or, for words typed together, `q` as the search split them',
    }),
    facets: z
      .object({
        topics: FacetCounts,
        regions: RegionCounts.openapi({ description: 'Articles about each region' }),
        regions_mentioned: RegionCounts.openapi({ description: 'Articles naming each region' }),
        people: FacetCounts,
        organizations: FacetCounts,
        source: FacetCounts.openapi({ description: 'Articles per source' }),
        published: z.array(z.object({ month: z.string().openapi({ example: '2021-07' }), count: z.number().int() })),
      })
      .openapi({
        description:
          'Counts of the result by value. Each facet counts under every selection but its own, so the alternatives to a ticked value stay listed with their counts (several values of one facet widen the result); `published` counts under every selection, by month of publication: an article without a publication date is in no month, so the months may add up to less than `total`. With `totalAllWords`, the articles holding every word are counted.',
      }),
    searchedInArabic: z
      .array(
        z.object({
          english: z.string(),
          arabic: z.string(),
          respelled: z.string().optional().openapi({ description: 'The word a misspelled one was read as' }),
        }),
      )
      .optional()
      .openapi({
        description:
          'For a query without Arabic and without a quoted phrase: its English words the synonym lists do not spell, each with the Arabic it was searched as (the first sense in the English–Arabic dictionary: of `respelled`, where a misspelled word was read as that one), and its words of Arabic typed in Latin letters with the word they were read as (masr: مصر); excluded words are not listed. For any query, its Latin words read as a listed name they misspell, with the name as `respelled` (Sinwer: sinwar, السنوار)',
        example: [{ english: 'vaccine', arabic: 'اللقاح' }],
      }),
    alternatives: z
      .array(
        z.object({
          q: z.string(),
          total: z.number().int().openapi({ description: 'How many articles hold every word of it, within the dates and the values selected' }),
        }),
      )
      .optional()
      .openapi({
        description:
          'Present when `q` joined words, quoted phrases, listed names or words in parentheses with OR in capitals, or left out words in parentheses: the texts it spelled out, each searched as a query of its own (its names, spellings and English words read alike), with how many articles hold every word of each (`total`: an alternative that finds nothing says so). A hit matches one or more; with `totalAllWords`, that many hold every word of one. The other words belong to each: ترامب OR بايدن كوريا is ترامب كوريا or بايدن كوريا; كوريا -(ترامب OR بايدن) is the one text كوريا -ترامب -بايدن. No respelling is offered for such a query, and none is loosened when nothing matches.',
        example: [
          { q: 'ترامب كوريا', total: 681 },
          { q: 'بايدن كوريا', total: 1 },
        ],
      }),
    searchedAsTyped: z
      .array(z.string())
      .optional()
      .openapi({
        description:
          'For a query without Arabic and without a quoted phrase, where the English–Arabic dictionary is installed: its Latin words neither the synonym lists nor the dictionary know, searched as typed. Arabic articles write names in Arabic, so such a word finds only an article that writes it in Latin letters: the Arabic spelling finds more.',
        example: ['Orban'],
      }),
    searchedInstead: z.string().optional().openapi({
      description:
        "Nothing matched `q` as typed, even with any one word enough, or next to nothing (five articles or fewer, where the respelling finds twenty times as many), and its respelling (the `didYouMean` it would have offered) only changes words into names the lists know, each one edit off (two from six letters; a Latin word one the lists and the dictionary do not know, sounding the same): the hits are the respelling's. Or `q` holds a hashtag or handle (#WorldCup, @realDonaldTrump) and no article holds every word as typed, where one holds its tags' words: the hits are theirs. A next page asks with `q` as typed (its `nextCursor` goes on searching this text) or set to it.",
      example: 'raqqa',
    }),
    keyboardLayout: z.enum(['arabic', 'english']).optional().openapi({
      description:
        'With `searchedInstead`: `q` was typed with the other keyboard layout active, and `searchedInstead` is its keys read on this one (the Arabic PC layout over US QWERTY): `arabic` for Latin keys typed for Arabic words (lwv: مصر, hgsu,]dm: السعودية), `english` for Arabic letters typed for Latin words (فقعةح: trump). Read so where its words as typed are no word the lists or the English dictionary know, and are a word the news writes often on the other layout, and the letters as typed find no article holding every word, or the keys could be typed for no sound (no vowel, a punctuation key inside a word, hg first, three consonants together) and found only through a reading of Latin letters as Arabic ones or as Latin words no list knows. Such keys read as a word the news does not write are a slip: searched as any text is, its respelling in `searchedInstead` where the text found nothing (jvhkf: ترامب). `respell=false` searches the letters as typed.',
      example: 'arabic',
    }),
    totalAsTyped: z.number().int().optional().openapi({
      description: 'With `searchedInstead`, how many articles `q` as typed matched, when it matched any.',
      example: 1,
    }),
    linked: z.literal(true).optional().openapi({
      description:
        'Present when `q` is a link (http, https or www.) the index holds articles under: the hits are those articles (a re-filed copy’s original in its place, as searches list the story once), whether the link was pasted with http or https, with or without www., its path percent-encoded or not, a trailing slash, a query or a fragment. A link it holds nothing under is searched as words.',
    }),
    datesInQuery: z
      .object({ from: z.string(), to: z.string(), named: z.string() })
      .optional()
      .openapi({
        description:
          'Present when `q` named a month and year in any family of month names (السودان أكتوبر 2018, November 2018), the request gave neither `date_from` nor `date_to`, the index holds more than a few stray articles of that month and `q` is no question: those words were taken out of `q` and the search kept the articles published in that month, as `date_from` and `date_to` would. `didYouMean` and `searchedInstead` keep them. A month the index holds no more than stray articles of (حرب أكتوبر 1973), a whole date (11 سبتمبر 2001), a month inside a listed name (تيريزا ماي 2018), two months, a text with a quote, an exclusion or NOT, a month without a year and a year alone (كأس العالم 2018) stay words.',
        example: { from: '2018-10-01', to: '2018-10-31', named: 'أكتوبر 2018' },
      }),
    withoutMonth: z
      .object({ q: z.string(), total: z.number().int() })
      .optional()
      .openapi({
        description:
          'Present on a first page when the month `datesInQuery` names holds no article with every other word of `q`, and some article of any date does: `q` is the text without the month (its operators kept), and `total` what that search finds (within `date_from`, `date_to` and the facet values asked): a search to offer.',
        example: { q: 'مظاهرات ايران', total: 4292 },
      }),
    readAsName: z
      .object({ facet: z.enum(['people', 'organizations', 'regions_mentioned']), value: z.string() })
      .optional()
      .openapi({
        description:
          'Present when `q` is nothing but a name that is also a common word, which the taxonomy reads alone as the name (حماس, also "enthusiasm"), with or without words left out (حماس -غزة), punctuation or a hashtag sign around it, or و or ل before it: the hits are the articles tagged with that person or organization, as `organization=hamas` would select, and so for its Latin spelling alone (Hamas); a place so named (مالي, also "financial") lists the articles naming it (`regions_mentioned`), and so does its Latin spelling among other words (attack Mali: those of them that name the country). Quoted (`"حماس"`), the word is searched as written.',
        example: { facet: 'organizations', value: 'hamas' },
      }),
    relaxed: z.literal(true).optional().openapi({
      description:
        'Present when the query as asked found nothing and these hits match any one of its words instead, its quoted phrases in any form (السبع for السبعة; then the phrases alone must match, the other words only rank) or, where even that finds nothing, as words.',
    }),
  })
  .openapi('SearchResponse');

/** Where a cursor resumes, once it is known to continue this search (read as its first page read it); a 400 naming `cursor` otherwise. */
async function resumeAt(
  cursor: string,
  asked: SearchRequest,
  searchOf: (monthRead: boolean | undefined, searchedInstead: string | undefined) => Promise<string>,
): ReturnType<typeof decodeCursor> {
  try {
    return await decodeCursor(cursor, { sort: asked.sort, search: searchOf });
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new ApiError(400, 'invalid_parameter', `cursor: ${error.message}`, 'cursor');
    throw error;
  }
}

/** What a search needs of the API's traffic control: its lanes, the explained searches' slots, and the metrics. */
export interface SearchTraffic {
  explainSlots: ExplainSlots;
  admission: Admission<'cheap' | 'expensive'>;
  metrics: ApiMetrics;
}

/** Runs `work` once its lane has a place; a full lane answers 503 `overloaded`, counted by lane, saying what waited. */
export async function inLane<T>(
  traffic: Pick<SearchTraffic, 'admission' | 'metrics'>,
  lane: 'cheap' | 'expensive',
  work: () => Promise<T>,
  waiting = 'searches',
): Promise<T> {
  try {
    return await traffic.admission.run(lane, work);
  } catch (error) {
    if (!(error instanceof OverloadedError)) throw error;
    traffic.metrics.overloaded.inc({ lane });
    // In a reader's words: the lanes are this server's own (deep pages, explained searches and very long queries are the costly ones).
    const what = lane === 'cheap' ? waiting : `costly ${waiting} (deep pages, explained searches, very long queries)`;
    throw new ApiError(503, 'overloaded', `The server is answering too many ${what} at once; retry after the seconds Retry-After gives.`);
  }
}

/** Runs a search in its lane (and an explained one in a slot of its own), its failures answered as the API answers them. */
export async function runInLane<T>(
  traffic: SearchTraffic,
  lane: 'cheap' | 'expensive',
  search: () => Promise<T>,
  options: { explain?: boolean } = {},
): Promise<T> {
  const admitted = () => inLane(traffic, lane, search);
  try {
    return await (options.explain ? traffic.explainSlots.run(admitted) : admitted());
  } catch (error) {
    // A code of its own: a page can say what to shorten.
    if (error instanceof TooManyAlternativesError) throw new ApiError(400, 'too_many_alternatives', `q: ${error.message}`, 'q');
    if (error instanceof QueryTooLongError || error instanceof NothingToSearchError || error instanceof QueryLogicError)
      throw new ApiError(400, 'invalid_parameter', `q: ${error.message}`, 'q');
    // A code of its own: a page can say which sources there are in its reader's language.
    if (error instanceof UnknownSiteError) throw new ApiError(400, 'unknown_source', `q: ${error.message}`, 'q');
    // Built within the engine's limits, a query it still refuses is reported as this query's fault, not ours.
    if (isEngineError(error, 'rejected') && error.statusCode === 400) {
      throw new ApiError(400, 'query_rejected', 'q: the search engine could not run this query; shorten or simplify it', 'q', error);
    }
    throw error;
  }
}

/** The route as this server runs it: `size` validated and described by the configured page size alike. */
const routeOf = (maxPageSize: number) =>
  publicRoute('get', '/search', 'searchArticles', {
    summary: 'Ranked, highlighted search with facet counts',
    request: {
      query: SearchQuery.extend({
        size: wholeNumber(0, maxPageSize)
          .optional()
          .openapi({ description: `Hits per page (at most ${maxPageSize}: MAX_PAGE_SIZE)`, type: 'integer', minimum: 0, maximum: maxPageSize, default: 10 }),
      }).strict(),
    },
    responses: {
      200: jsonAnswer('Search result', SearchResponse),
      ...errorResponses,
    },
  });

export function registerSearchRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies, traffic: SearchTraffic): void {
  app.openapi(routeOf(deps.limits.maxPageSize), async (c) => {
    const query = c.req.valid('query');
    const from = query.from ?? 0;
    const size = query.size ?? 10;
    if (query.cursor !== undefined && query.from !== undefined)
      throw new ApiError(400, 'invalid_parameter', 'cursor: a cursor says where to go on; give no from with it', 'cursor');
    if (query.cursor === undefined && from + size > deps.limits.maxResultWindow) {
      throw new ApiError(
        400,
        'invalid_parameter',
        `from: from + size may not pass ${deps.limits.maxResultWindow}; follow nextCursor to go further, or narrow the search`,
        'from',
      );
    }
    const explain = query.explain === 'true';
    if (explain && size > EXPLAIN_MAX_HITS) throw new ApiError(400, 'invalid_parameter', `size: at most ${EXPLAIN_MAX_HITS} with explain=true`, 'size');
    const profile = deps.service.profiles.getPublic(query.profile);
    if (!profile)
      throw new ApiError(
        400,
        'invalid_parameter',
        `profile: no public profile named "${query.profile}" (${deps.service.profiles.publicNames().join(', ')})`,
        'profile',
      );
    const asked: SearchRequest = {
      ...(await readSelection(query, deps)),
      from,
      size,
      sort: query.sort ?? 'relevance',
      facetSize: query.facet_size ?? DEFAULT_FACET_SIZE,
      explain,
    };
    // A cursor continues the very search that gave it, after the hits it has listed.
    const position =
      query.cursor === undefined
        ? undefined
        : await resumeAt(query.cursor, asked, (monthRead, instead) => deps.service.cursorSearchOf(asked, profile, monthRead, instead));
    const request: SearchRequest = position
      ? {
          ...asked,
          from: position.seen,
          searchAfter: position.after,
          ...(position.respelled ? { respelled: position.respelled } : {}),
          ...(position.monthRead === undefined ? {} : { monthRead: position.monthRead }),
          ...(position.instead === undefined ? {} : { searchedInstead: position.instead }),
        }
      : asked;
    // A cursor's page costs the engine what a first page does (search_after): its lane is the first page's.
    const lane = searchLane(asked);
    const search = () => deps.service.search(request, profile, { spellcheck: true, searchRespelling: query.respell !== 'false' });
    return c.json(await runInLane(traffic, lane, search, { explain }), 200);
  });
}
