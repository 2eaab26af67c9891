import type { SearchBody } from '../engine/search-engine.js';
import type { DatesInQuery } from './query-dates.js';
import { forEachStandardToken } from '../analysis/in-process-analyzer.js';
import { normalizeArabicWord, prefixedForms } from '../analysis/arabic-rules.js';
import { analysisShapeOf, INDEX_ANALYZER, type VersionedIndexDefinition } from '../index/index-definition.js';
import { A_STORY_COPY, FACET_FIELDS } from '../index/stored-article.js';
import { withoutQuotedPhrases } from './quoted-phrases.js';
import type { FeedbackTerm } from './query-feedback.js';
import { byDate, type SearchSort, type SortValues } from './search-cursor.js';
import type { SearchProfile } from './search-profile.js';

/** What `/search` counts and filters by: the facet keys, and the source an article came from. */
export const SEARCH_FACETS = [...FACET_FIELDS, 'source'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/**
 * Values counted per facet unless a page asks for more: the most frequent, as a facet list shows
 * them. Counting every value of 286 regions in two facets triples the answer (51 KB instead of 18)
 * and adds about 7 ms to each search.
 */
export const DEFAULT_FACET_SIZE = 30;

export interface SearchRequest {
  q?: string;
  /** Selected facet values: OR within a facet (AND for those of `everyValueOf`), AND across facets; a facet left out selects nothing. */
  filters: Partial<Record<SearchFacet, string[]>>;
  /** Facets whose selected values an article must all hold (Trump and Putin, not either), counted within their own selection. */
  everyValueOf?: SearchFacet[];
  dateFrom?: string;
  dateTo?: string;
  /** The month or day `q` named (السودان نوفمبر 2018), taken out of it and searched as `dateFrom` and `dateTo`. */
  datesInQuery?: DatesInQuery;
  from: number;
  size: number;
  sort: SearchSort;
  facetSize: number;
  /** Ask the engine why each hit scored as it did. */
  explain?: boolean;
  /** Resume after these sort values (a cursor's), instead of counting `from` hits. */
  searchAfter?: SortValues;
  /** With `searchAfter`: the misspelled names the first page searched as names (its cursor's), read the same way again. */
  respelled?: Readonly<Record<string, string>>;
  /** Whether a month in `q` is read as its dates (`datesInQuery`) or as words; a next page's comes from its cursor, so that it reads `q` as the first page did. */
  monthRead?: boolean;
  /** With `searchAfter`: the text the cursor's first page searched instead of `q` (its `searchedInstead`), searched again as it was. */
  searchedInstead?: string;
  /** Words or phrases whose articles are left out (`-word` in what was typed), in any form, with their synonyms. */
  exclude?: string[];
  /** Sources whose articles are left out (`-site:bbc.com` in what was typed). */
  excludedSources?: string[];
  /** Left out only as typed, without stem or synonyms: a searched word's other forms and spellings (ليبيا -الليبي, ترامب -ترمب), which by stem or synonym would leave out every article. */
  excludeAsTyped?: string[];
  /** Words of `q` the corpus often spells as typed: matched as typed only, never one edit away. */
  knownWords?: string[];
  /** Phrases quoted in what was typed: an article must hold each as written, word for word, with its synonyms. */
  phrases?: string[];
  /** A quoted Latin phrase's Arabic, as the lists spell it ("North Korea": كوريا الشمالية): held with a clitic on its first word too, as that Arabic typed is (وكوريا الشمالية). */
  arabicOfPhrases?: Readonly<Record<string, string>>;
  /** Relaxed after finding nothing: any one word of `q` is enough, whatever the profile or the sort asks, and `phrases` match in any form. */
  relaxed?: boolean;
  /** Only the articles holding every word of `q`, ranked as relevance ranks them (titles suggested for English words). */
  everyWord?: boolean;
  /** With `relaxed`: the phrases are all a hit must hold, the other words of `q` only rank (they found nothing beside them). */
  onlyPhrasesRequired?: boolean;
  /**
   * `q` is a listed name in one of its spellings (or names of one word each): no phrase boost, which
   * rewards the spelling typed. ترمب listed Al Arabiya's articles alone, ترامب the other outlets'.
   * Each name with the clitic forms of its one-word spellings, for the title lift (`nameInTitleCliticForms`).
   */
  onlyListedNames?: NameInQuery[];
  /**
   * The listed names of two words or more in `q` that hold a stopword (مهرجان كان, بان كي مون): the
   * stemmed fields and the words' match on the exact fields drop it, so each is also a phrase there.
   */
  namesWithStopwords?: string[];
  /**
   * The listed names of two words or more in `q` (محمد صلاح): where every word is asked (newest first,
   * a value selected, the counts, `everyWord`), each must be held as a phrase, in any of its spellings.
   * Its words apart are no mention of it: محمد بن سلمان … صلاحياتها had listed the Khashoggi affair for Mohamed Salah.
   */
  multiwordNames?: string[];
  /**
   * The question as typed, when its question words were taken out of `q` (من هو جمال خاشقجي): a title
   * asking it, an explainer's, is the answer a reader expects first.
   */
  question?: string;
  /** A Latin `q` of the lists' spellings as Arabic orders them (see arabicWordOrder): a phrase boost on the stemmed fields. */
  arabicOrder?: string;
  /** Every word of a Latin `q` has its Arabic (the profile's `translatedPhrase`): no phrase boost as typed, only `arabicOrder`'s. */
  translatedWhole?: boolean;
  /** The longer Arabic forms of the names `q` names (see fullNameFormsIn): highlighted whole, not searched. */
  fullNameForms?: string[];
  /** `q` is a link (see linkFormsOf): these articles, stored under it (or their story's original), its text not searched. */
  linkedArticles?: string[];
  /** `q`'s text is only a name that is also a word (حماس, "enthusiasm"; see nameAloneIn): only the articles tagged with it. */
  nameAlone?: NameAlone;
  /** The people and organizations whose full name `q` writes (see taggedNamesIn): their tagged articles lifted by the profile's `taggedName`. */
  taggedNames?: NameAlone[];
}

export interface NameAlone {
  /** A place is read as the articles naming it, about it or not. */
  facet: 'people' | 'organizations' | 'regions_mentioned';
  value: string;
}

/** Ranked by relevance, each full name's tagged articles (`taggedNames`) scored the profile's `taggedName.boost` more. */
function taggedNameLifts(request: SearchRequest, profile: SearchProfile): Clause[] {
  const lift = profile.query.taggedName;
  if (!lift || byDate(request.sort)) return [];
  return (request.taggedNames ?? []).map((name) => ({ constant_score: { filter: taggedWith(name), boost: lift.boost } }));
}

const taggedWith = ({ facet, value }: NameAlone): Clause => ({ term: { [facet]: value } });

/** A query of nothing but full names, with the profile's `taggedName.findsTagged`: the articles tagged with them found too, scored by the words alone. */
function taggedNameAlternatives(request: SearchRequest, profile: SearchProfile): Clause[] {
  if (!profile.query.taggedName?.findsTagged || !request.onlyListedNames) return [];
  return (request.taggedNames ?? []).map((name) => ({ constant_score: { filter: taggedWith(name), boost: 0 } }));
}

const orTagged = (words: Clause, tagged: Clause[]): Clause => ({ bool: { should: [words, ...tagged], minimum_should_match: 1 } });

/**
 * How many of the words an article must hold. Ranked by relevance, the profile's rule: articles with
 * every word rank above those with some. Newest first, the order says nothing of how many words an
 * article holds, so all of them: else محمد بن سلمان lists the newest articles naming any Mohammed.
 * With a facet value selected, all of them too: the facets counted those (see `countsEveryWord`), and
 * a value said 3 where the list it gave held 307 (الاتفاق النووي under sport: the Ettifaq club).
 */
export function wordsToMatch(request: Pick<SearchRequest, 'sort' | 'relaxed' | 'filters'>, profile: SearchProfile): string {
  if (request.relaxed) return '1';
  return asksEveryWord(request) ? EVERY_WORD_MATCHES : profile.minimumShouldMatch;
}

/** By date (newest or oldest first) or narrowed by a facet value: every word, matched as the facets count them (`withOneEditAtMost`). */
export function asksEveryWord(request: Pick<SearchRequest, 'sort' | 'filters'>): boolean {
  return byDate(request.sort) || Object.values(request.filters).some((values) => values && values.length > 0);
}

/**
 * The profile with its typo tolerance cut to one edit. Newest first, the order says nothing of how
 * well an article matches, so a look-alike two edits off would sit among the articles holding the
 * word: الكركرات (Guerguerat, in two articles) listed الشركات and القرارات first.
 */
export function withOneEditAtMost(profile: SearchProfile): SearchProfile {
  const fuzzy = profile.query.fuzzy;
  if (!fuzzy) return profile;
  const auto = /^AUTO(?::(\d+),\d+)?$/.exec(fuzzy.fuzziness);
  // AUTO:low,high gives two edits from `high` letters on: past the longest word q can hold (500 characters), never.
  const fuzziness = auto ? `AUTO:${auto[1] ?? 3},1000` : fuzzy.fuzziness === '2' ? '1' : fuzzy.fuzziness;
  return { ...profile, query: { ...profile.query, fuzzy: { ...fuzzy, fuzziness } } };
}

/** The aggregation counting each alternative of a text with OR (`anyOfBodies`). */
export const ALTERNATIVES = 'alternatives';
/** The aggregation the facets are counted under when they count the articles holding every word (`countsEveryWord`). */
export const EVERY_WORD = 'every_word';
/** The `minimum_should_match` of a text whose every word is asked for. */
const EVERY_WORD_MATCHES = '100%';

/**
 * Whether an article can be found with only some of the words: ranked by a profile that lets it, for
 * a text of two words or more that are not stopwords. Then the facets count the articles holding
 * every word, as the newest-first list holds them.
 */
export function countsEveryWord(
  request: Pick<SearchRequest, 'sort' | 'relaxed' | 'filters'>,
  profile: SearchProfile,
  text: string,
  shape: QueryShape,
): boolean {
  return !request.relaxed && wordsToMatch(request, profile) !== EVERY_WORD_MATCHES && countQueryTokens(withoutStopwords(text, shape.stopwords)) > 1;
}

/**
 * "No date" in sorts: a whole millisecond count that JSON carries exactly, so a cursor can hand it
 * back. The engine's own default for a missing date (Long.MIN_VALUE) comes back from JSON rounded,
 * and the engine refuses the rounded value as a date.
 */
export const NO_DATE = Number.MIN_SAFE_INTEGER;
/** "No date" oldest first: after every date, as newest first lists undated articles last. */
const NO_DATE_LAST = Number.MAX_SAFE_INTEGER;

type Clause = Record<string, unknown>;

const NEWEST = { published: { order: 'desc', missing: NO_DATE } };
const BY_ID = { id: 'asc' };
const BY_DATE = { newest: [NEWEST, BY_ID], oldest: [{ published: { order: 'asc', missing: NO_DATE_LAST } }, BY_ID] };

/**
 * What the body builder must know of the index to keep a query within the engine's clause limit:
 * how many alternatives a synonym rule can put in a token's place, and each field's analyzer
 * without synonyms (its index analyzer). Derived from the index definition (`queryShapeOf`).
 */
export interface QueryShape {
  /** The engine's limit on leaf clauses in one query (`indices.query.bool.max_clause_count`). */
  maxClauses: number;
  /** Whose days a date filter and whose months the month facet count (an IANA name; UTC where unset). */
  timeZone?: string;
  /** The most alternatives one synonym rule has: a token expands to at most this many leaf clauses. */
  maxSynonymAlternatives: number;
  /** Per searchable field, the analyzer that analyzes as its search analyzer does, minus synonyms. */
  plainAnalyzers: Record<string, string>;
  /**
   * The words the stemmed fields' analyzers drop, as their stop filters list them (a word typed is one
   * as typed or once normalized: see `withoutStopwords`). The exact fields keep them for phrases, so a
   * match there on في alone would find nearly every article.
   */
  stopwords: ReadonlySet<string>;
  /** The clitics a word takes in front (و, ل, ب …): a phrase as written is looked for with each on its first word. */
  cliticPrefixes: readonly string[];
}

/** The shape of queries against an index built from `definition`, on an engine with this clause limit. */
export function queryShapeOf(definition: VersionedIndexDefinition, maxClauses: number, timeZone = 'UTC'): QueryShape {
  return { maxClauses, timeZone, ...analysisShapeOf(definition) };
}

/**
 * A query with more tokens than any plan can fit into the clause limit. Its phrases, the words it
 * leaves out and its names' title lifts are spent first: where they leave no room for one word, the
 * message says so rather than "at most 0 words".
 */
export class QueryTooLongError extends Error {
  constructor(
    readonly maxTokens: number,
    /** The alternatives OR spelled out, each searched in its share of the limit (see anyOfBodies). */
    alternatives = 1,
  ) {
    super(
      (maxTokens >= 1
        ? `at most ${maxTokens} words`
        : 'too much to search at once: quoted phrases, words left out, flags and names each cost more than a word') +
        (alternatives > 1 ? ` in each of the ${alternatives} alternatives OR spells out` : ''),
    );
    this.name = 'QueryTooLongError';
  }
}

/** A text with nothing to search once read: no letter, no digit, no flag of a known country. */
export class NothingToSearchError extends Error {
  constructor(reason: string) {
    super(`nothing to search: ${reason}`);
    this.name = 'NothingToSearchError';
  }
}

/**
 * The engine query for a search request under a profile. Pure: the same input gives the same body.
 * The user's text only ever lands in `query` strings of match queries, never parsed as DSL.
 * Facet selections go to `post_filter`, and each facet is counted under every filter but its own,
 * so a reader sees the alternatives to what they picked (multi-select faceting).
 */
export function buildSearchBody(request: SearchRequest, profile: SearchProfile, shape: QueryShape, feedbackTerms: FeedbackTerm[] = []): SearchBody {
  // A listed name that repeats a word (Moussa Mostafa Moussa) keeps it: cut to Moussa Mostafa, it was no name the synonyms read.
  const namesRepeatAWord = request.multiwordNames?.some((name) => withoutRepeatedWords(name) !== name.trim().split(/\s+/u).join(' '));
  const text = request.q === undefined ? '' : namesRepeatAWord ? request.q : withoutRepeatedWords(request.q);
  const questionTitle = text && request.question ? questionTitleQuery(request.question, profile, shape) : undefined;
  const exclusions = [
    ...(request.exclude ?? []).map((words) => anyOf([...inAnyForm(words), ...asWritten(words, shape)])),
    ...(request.excludeAsTyped ?? []).map((words) => anyOf(asTyped(words, shape))),
  ];
  const arabicOf = (phrase: string) => request.arabicOfPhrases?.[phrase];
  const phrases = (request.phrases ?? []).map((phrase) =>
    anyOf(request.relaxed ? inAnyForm(phrase) : [...asWritten(phrase, shape), ...(arabicOf(phrase) ? asTyped(arabicOf(phrase)!, shape) : [])]),
  );
  const excludedSources = request.excludedSources?.length ? [{ terms: { source: request.excludedSources } }] : [];
  const excluded = { must_not: [A_STORY_COPY, ...exclusions, ...excludedSources] };
  const filter = [
    ...dateFilters(request, shape),
    ...phrases,
    ...(request.linkedArticles ? [{ terms: { id: request.linkedArticles } }] : []),
    ...(request.nameAlone ? [taggedWith(request.nameAlone)] : []),
  ];
  const arabicOrder = text && request.arabicOrder && !request.onlyListedNames ? arabicOrderQueries(request.arabicOrder, profile, shape) : [];
  const namePhrases = text ? namePhraseQueries(request.namesWithStopwords ?? [], profile) : [];
  const taggedLifts = taggedNameLifts(request, profile);
  const nameInTitle = text && request.onlyListedNames ? nameInTitleQuery(text, request.onlyListedNames, profile, shape) : undefined;
  const names = text ? (request.multiwordNames ?? []) : [];
  const plan = text
    ? planQuery(
        countQueryTokens(text),
        profile,
        shape,
        (questionTitle ? 1 : 0) +
          arabicOrder.length +
          (namePhrases.length + (nameInTitle ? countQueryTokens(text) : 0)) * shape.maxSynonymAlternatives +
          (nameInTitle && profile.query.nameInTitleCliticForms ? request.onlyListedNames!.reduce((sum, name) => sum + name.cliticForms.length, 0) : 0) +
          leavesOf(names.flatMap((name) => asWritten(name, shape))) +
          names.length * stemmedFieldsOf(profile).length * shape.maxSynonymAlternatives +
          leavesOf([...exclusions, ...phrases]) +
          2 * taggedLifts.length,
      )
    : undefined;
  // Newest first or narrowed by a value (`asksEveryWord`), and where the facets count those articles, one typing error at most.
  const oneEdit = withOneEditAtMost(profile);
  const matching = asksEveryWord(request) ? oneEdit : profile;
  // A quoted phrase's words are the phrase filter's to require: they only rank (its first word may
  // carry a clitic the stemmed fields keep: كريال مدريد holds no ريال there).
  const required = request.phrases?.length ? withoutQuotedPhrases(text) : text;
  const { knownWords } = request;
  const quoted = plan && request.phrases?.length ? [textQuery(request.phrases.join(' '), matching, shape, plan, '1', { knownWords })] : [];
  // Every word asked for, each may be in another field where the clause budget allows the words again.
  const acrossFields = plan ? 2 * plan.leaves <= shape.maxClauses : false;
  const everyWordAsked = wordsToMatch(request, profile) === EVERY_WORD_MATCHES;
  const words = plan && required ? textQuery(required, matching, shape, plan, wordsToMatch(request, profile), { knownWords, acrossFields, names }) : undefined;
  // Its quoted phrases all a hit must hold, the other words only rank: "كأس العالم" xqzv finds the World Cup.
  const wordsOnlyRank = Boolean(request.onlyPhrasesRequired && phrases.length > 0);
  // Every word held lifts an article above those holding some, where the clause budget allows it twice;
  // not a question's: holding all its words says little of an answer (known-item's questions lost their paragraphs).
  const allWords =
    plan &&
    required &&
    !request.question &&
    profile.query.allWords &&
    countsEveryWord(request, profile, required, shape) &&
    countQueryTokens(withoutStopwords(required, shape.stopwords)) <= profile.query.allWords.maxWords &&
    2 * plan.leaves <= shape.maxClauses
      ? [{ bool: { must: [textQuery(required, matching, shape, plan, EVERY_WORD_MATCHES, { knownWords, names })], boost: profile.query.allWords.boost } }]
      : [];
  const taggedAlternatives = taggedNameAlternatives(request, profile);
  const found = words && taggedAlternatives.length > 0 ? orTagged(words, taggedAlternatives) : words;
  const original = {
    must: [found && !wordsOnlyRank ? found : { match_all: {} }],
    should: plan
      ? [
          ...(words && wordsOnlyRank ? [words] : []),
          ...allWords,
          ...quoted,
          ...(request.onlyListedNames || request.translatedWhole ? [] : phraseQueries(text, profile, shape)),
          ...arabicOrder,
          ...namePhrases,
          ...(nameInTitle ? [nameInTitle] : []),
          ...(questionTitle ? [questionTitle] : []),
          ...taggedLifts,
        ]
      : [],
  };
  // The every-word lift, and every word in any field, each cost as many leaves as the plan again (at most): what feedback may take is what is left.
  const leaves = plan ? plan.leaves * (1 + (allWords.length > 0 ? 1 : 0) + (everyWordAsked && acrossFields ? 1 : 0)) : 0;
  const feedback = plan && profile.query.feedback && feedbackQuery(feedbackTerms, countQueryTokens(text), profile, shape.maxClauses - leaves);
  // Ranked with some of the words enough, the facets count the articles holding every word, those the
  // newest-first list holds: a reader of كأس العالم counts the World Cup's stories, not every article naming the world.
  const everyWordHeld =
    plan && countsEveryWord(request, profile, required, shape)
      ? textQuery(required, oneEdit, shape, plan, EVERY_WORD_MATCHES, { knownWords, acrossFields, names })
      : undefined;
  const everyWord = everyWordHeld && taggedAlternatives.length > 0 ? orTagged(everyWordHeld, taggedAlternatives) : everyWordHeld;
  // Only those, where asked and the clause budget holds them beside the query.
  const held = request.everyWord && everyWord && plan && 3 * plan.leaves <= shape.maxClauses ? [...filter, everyWord] : filter;
  const query: Clause = feedback
    ? {
        bool: {
          must: [{ bool: { ...original, boost: 1 - profile.query.feedback!.weight } }],
          should: [feedback],
          filter: held,
          ...excluded,
        },
      }
    : { bool: { ...original, filter: held, ...excluded } };
  const selected = (field: SearchFacet) => request.filters[field] ?? [];
  const everyValue = new Set(request.everyValueOf ?? []);
  const facetFilter = (field: SearchFacet): Clause | undefined => {
    const values = selected(field);
    if (values.length === 0) return undefined;
    return everyValue.has(field) ? { bool: { filter: values.map((value) => ({ term: { [field]: value } })) } } : { terms: { [field]: values } };
  };
  const facetFilters = Object.fromEntries(SEARCH_FACETS.map((field) => [field, facetFilter(field)])) as Record<SearchFacet, Clause | undefined>;
  const allFacetFilters = SEARCH_FACETS.flatMap((field) => (facetFilters[field] ? [facetFilters[field]] : []));

  const facetAggs: Record<string, Clause> = {};
  for (const field of SEARCH_FACETS) {
    // A facet of OR is counted without its own selection, to show the alternatives; one of AND within it, to show what narrows it further.
    const counted = SEARCH_FACETS.filter((other) => other !== field || everyValue.has(field));
    const others = counted.flatMap((other) => (facetFilters[other] ? [facetFilters[other]] : []));
    facetAggs[field] = {
      filter: others.length > 0 ? { bool: { filter: others } } : { match_all: {} },
      aggs: {
        values: { terms: { field, size: request.facetSize } },
        // A selected value is listed with its count even where the most frequent leave it out.
        ...(selected(field).length > 0 ? { selected: { terms: { field, include: selected(field), size: selected(field).length, min_doc_count: 0 } } } : {}),
      },
    };
  }

  // The month histogram counts what the reader sees: under every facet selection.
  facetAggs.published = {
    filter: allFacetFilters.length > 0 ? { bool: { filter: allFacetFilters } } : { match_all: {} },
    aggs: {
      months: { date_histogram: { field: 'published', calendar_interval: 'month', format: 'yyyy-MM', min_doc_count: 1, ...timeZoneOf(shape) } },
    },
  };
  const aggs = everyWord ? { [EVERY_WORD]: { filter: everyWord, aggs: facetAggs } } : facetAggs;
  // Typo tolerance and quoted phrases match on the exact fields, which the shown fields' highlighting
  // does not mark: then those are highlighted too, and the answer takes theirs (see `highlightsOf`).
  const exactHighlights = Boolean(request.phrases?.length) || (plan ? hasFuzzedWords(text, matching, shape, plan, request.knownWords) : false);

  return {
    query,
    ...(allFacetFilters.length > 0 ? { post_filter: { bool: { filter: allFacetFilters } } } : {}),
    aggs,
    // search_after counts from the cursor; the engine takes no offset beside it.
    ...(request.searchAfter ? { search_after: request.searchAfter } : { from: request.from }),
    size: request.size,
    track_total_hits: true,
    ...(request.explain ? { explain: true } : {}),
    // The id last: a total order, so a cursor resumes exactly after its hit (`_id` is not sortable on every engine).
    // By date there is no score in it: scores move as articles are added, and a cursor resuming after one listed its hit again.
    sort: request.sort === 'relevance' ? ['_score', NEWEST, BY_ID] : BY_DATE[request.sort],
    // Sorted by a field, the engine scores nothing unless asked: hits keep the score they show.
    ...(byDate(request.sort) ? { track_scores: true } : {}),
    _source: ['id', 'title', 'published', 'source', 'url', 'topics', 'regions', 'regions_mentioned', 'people', 'organizations'],
    highlight: {
      // The index searches a name by its shortest form (تنظيم الدولة), so a longer one is highlighted only
      // as far as that: تنظيم "الدولة" الإسلامية. The whole form is asked of the highlighter alone.
      ...(request.fullNameForms?.length
        ? {
            highlight_query: {
              bool: {
                should: [
                  query,
                  ...request.fullNameForms.map((name) => ({
                    multi_match: { query: name, fields: ['title', 'body'], type: 'phrase', analyzer: INDEX_ANALYZER },
                  })),
                ],
              },
            },
          }
        : {}),
      encoder: 'html',
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      fields: {
        title: { number_of_fragments: 0 },
        body: {
          fragment_size: profile.highlight.fragmentSize,
          number_of_fragments: profile.highlight.fragments,
          no_match_size: profile.highlight.fragmentSize,
        },
        ...(exactHighlights
          ? {
              'title.exact': { number_of_fragments: 0 },
              'body.exact': { fragment_size: profile.highlight.fragmentSize, number_of_fragments: profile.highlight.fragments },
            }
          : {}),
      },
    },
  };
}

/**
 * For a search whose facets counted the articles holding every word and found none: the same query,
 * its facets counted over every hit, and nothing else asked.
 */
export function facetsOverHitsBody(body: SearchBody): SearchBody {
  const counted = (body.aggs as Record<string, { aggs?: Clause }> | undefined)?.[EVERY_WORD]?.aggs;
  if (!counted) throw new Error('the body counts no facets over the articles holding every word');
  return { query: body.query, aggs: counted, size: 0, track_total_hits: false };
}

/**
 * One body for a text with OR (`splitAlternatives`): `alternatives` built by `buildSearchBody` of the
 * same request but each alternative's text, `required` what an article must hold (every word of one
 * alternative), `eachRequired` what each alternative alone must. Where every word is asked for
 * (`everyWordAsked`), the hits are what `required` holds; by relevance, any alternative's match is a
 * hit, scored by the one it matches best, and the facets count what `required` holds where an
 * alternative counts every word apart. Each alternative is counted apart too. Pure.
 */
export function anyOfBodies(alternatives: SearchBody[], required: Clause, everyWordAsked: boolean, eachRequired: Clause[]): SearchBody {
  type Highlight = { highlight_query?: Clause; fields: Record<string, unknown> };
  type Aggs = Record<string, { filter?: Clause; aggs?: Clause }>;
  const first = alternatives[0]!;
  const query = everyWordAsked ? required : { dis_max: { queries: alternatives.map((body) => body.query) } };
  const counted = alternatives.find((body) => (body.aggs as Aggs)[EVERY_WORD]);
  const facetAggs = counted && !everyWordAsked ? { [EVERY_WORD]: { filter: required, aggs: (counted.aggs as Aggs)[EVERY_WORD]!.aggs } } : first.aggs;
  // How many articles hold every word of each alternative, under the values selected as the hits are.
  const each = { filter: (first.post_filter as Clause | undefined) ?? { match_all: {} }, aggs: { each: { filters: { filters: eachRequired } } } };
  const aggs = { ...(facetAggs as Record<string, unknown>), [ALTERNATIVES]: each };
  const highlights = alternatives.map((body) => body.highlight as Highlight);
  const highlight = {
    ...highlights[0],
    ...(highlights.some((h) => h.highlight_query)
      ? { highlight_query: { bool: { should: alternatives.map((body, at) => highlights[at]!.highlight_query ?? body.query) } } }
      : {}),
    fields: Object.assign({}, ...highlights.map((h) => h.fields)) as Record<string, unknown>,
  };
  return { ...first, query, aggs, highlight };
}

/** The text with each word kept once (case-insensitive): `بلينكن بلينكن` asks no more than `بلينكن`. */
export function withoutRepeatedWords(text: string): string {
  const seen = new Set<string>();
  return text
    .split(/\s+/u)
    .filter((word) => word && !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()))
    .join(' ');
}

/** Tokens the engine's standard tokenizer makes of the text: what synonym expansion multiplies. */
export function countQueryTokens(text: string): number {
  let tokens = 0;
  // NFKC as the presentation-forms char filter does: one ligature (ﷺ) can stand for four words.
  forEachStandardToken(text.normalize('NFKC').replace(SPACED_ABD, '$1'), () => tokens++);
  return tokens;
}

/**
 * عبد and the word after it, which the index's `joined_abd_names` char filter makes one token (عبد
 * الله: عبدالله): counted apart, علي عبد الله صالح cost a clause budget علي عبدالله صالح does not, and
 * its articles were no longer required to hold the name (27,162 against 47). The char filter's own
 * pattern, which a test holds it to.
 */
export const SPACED_ABD = /(?<![\u0621-\u0652])(?:[وف]?[لب])?(و?ع[\u064B-\u0652]*ب[\u064B-\u0652]*د[\u064B-\u0652]*)[ \u00A0]+(?=[\u0621-\u064A])/gu;

/** What a query is built with: the fields searched with their synonyms, and whether the typo clauses fit. */
export interface QueryPlan {
  synonymFields: Set<string>;
  fuzzy: boolean;
  /** The leaf clauses the query costs at most under this plan, phrase boosts included. */
  leaves: number;
}

/**
 * The plan that keeps the query within the clause limit: each token costs `maxSynonymAlternatives`
 * leaves in a field searched with synonyms, one leaf in a field searched with its plain analyzer, and
 * `maxExpansions` leaves in each fuzzy field (a fuzzy term rewrites to at most that many terms); each
 * phrase boost is one leaf a field and form (phrases never expand), and `extraLeaves` are spent
 * already (the quoted and excluded phrases, one leaf a field and form, and a question's title
 * phrase). Short queries search every field with synonyms and typo tolerance; longer ones give up
 * typo tolerance first, then synonyms on the exact fields, then everywhere. Past that, the query is
 * refused.
 */
export function planQuery(tokens: number, profile: SearchProfile, shape: QueryShape, extraLeaves = 0): QueryPlan {
  const fields = Object.keys(profile.fields);
  // Every query also leaves out a story's copies: one leaf.
  const phraseLeaves = Object.keys(profile.phrase.fields).length * (profile.phrase.cliticForms ? 1 + shape.cliticPrefixes.length : 1);
  const budget = shape.maxClauses - phraseLeaves - extraLeaves - 1;
  const fuzzy = profile.query.fuzzy;
  const fuzzyLeaves = fuzzy ? Object.keys(fuzzy.fields).length * fuzzy.maxExpansions : 0;
  const cost = (withSynonyms: string[], withFuzzy: boolean) =>
    tokens * (withSynonyms.length * shape.maxSynonymAlternatives + (fields.length - withSynonyms.length) + (withFuzzy ? fuzzyLeaves : 0));
  const synonymPlans = [fields, fields.filter((field) => !field.endsWith('.exact')), []];
  for (const synonymFields of synonymPlans)
    for (const withFuzzy of fuzzy ? [true, false] : [false])
      if (cost(synonymFields, withFuzzy) <= budget)
        return { synonymFields: new Set(synonymFields), fuzzy: withFuzzy, leaves: cost(synonymFields, withFuzzy) + shape.maxClauses - budget };
  throw new QueryTooLongError(Math.max(0, Math.floor(budget / Math.max(fields.length, 1))));
}

/** Which fields keep their synonyms under `planQuery`. */
export function planSynonymFields(tokens: number, profile: SearchProfile, shape: QueryShape): Set<string> {
  return planQuery(tokens, profile, shape).synonymFields;
}

/**
 * Best field wins, the others add `tieBreaker` of theirs: a dis_max of one match per field. Typo
 * tolerance joins the dis_max as one fuzzy match per field it names, at its lower weight, so a word
 * typed wrong can still match while a word typed right scores above it.
 */
function textQuery(
  text: string,
  profile: SearchProfile,
  shape: QueryShape,
  plan: QueryPlan,
  minimumShouldMatch: string,
  { knownWords = [], acrossFields = false, names = [] }: { knownWords?: string[]; acrossFields?: boolean; names?: string[] } = {},
): Clause {
  const words = wordsQuery(text, profile, shape, plan, minimumShouldMatch, { knownWords, acrossFields });
  const heldNames = minimumShouldMatch === EVERY_WORD_MATCHES ? names.filter((name) => text.includes(name)) : [];
  if (heldNames.length === 0) return words;
  // Each name as a quoted phrase is held: word for word in any of its spellings, a clitic on its first
  // word allowed (لمحمد صلاح); and as a phrase of stems, which takes a clitic off the Arabic spelling
  // of a Latin name too (western sahara: والصحراء الغربية).
  const nameHeld = (name: string): Clause => anyOf([...asWritten(name, shape), ...stemmedPhrases(name, profile, shape, plan)]);
  // A filter: holding the name decides which articles match, not how well.
  return { bool: { must: [words], filter: heldNames.map(nameHeld) } };
}

/** The profile's fields that stem their words. */
function stemmedFieldsOf(profile: SearchProfile): string[] {
  return Object.keys(profile.fields).filter((field) => !field.endsWith('.exact'));
}

/** A phrase on the stemmed fields, with their synonyms where the plan keeps them. */
function stemmedPhrases(phrase: string, profile: SearchProfile, shape: QueryShape, plan: QueryPlan): Clause[] {
  return stemmedFieldsOf(profile).map((field) => ({
    match_phrase: { [field]: { query: phrase, ...(plan.synonymFields.has(field) ? {} : { analyzer: plainAnalyzer(shape, field) }) } },
  }));
}

/** `textQuery`'s words, without its names held as phrases. */
function wordsQuery(
  text: string,
  profile: SearchProfile,
  shape: QueryShape,
  plan: QueryPlan,
  minimumShouldMatch: string,
  { knownWords, acrossFields }: { knownWords: string[]; acrossFields: boolean },
): Clause {
  const fuzzy = plan.fuzzy ? profile.query.fuzzy : undefined;
  const contentText = withoutStopwords(text, shape.stopwords);
  // A text of stopwords alone is searched as typed: they are all it asks for.
  const exactText = contentText || text;
  const fuzzyText = fuzzy ? wordsToFuzz(contentText, fuzzy.fuzziness, new Set(knownWords)) : '';
  const fieldMatches = (asked: string, exact = asked) =>
    Object.entries(profile.fields).map(([field, weight]) => ({
      match: {
        [field]: {
          query: field.endsWith('.exact') ? exact : asked,
          boost: weight,
          minimum_should_match: minimumShouldMatch,
          ...(plan.synonymFields.has(field) ? {} : { analyzer: plainAnalyzer(shape, field) }),
        },
      },
    }));
  const fuzzyMatchesOf = (asked: string) =>
    Object.entries(asked ? fuzzy!.fields : {}).map(([field, weight]) => ({
      match: {
        [field]: {
          query: asked,
          boost: weight,
          minimum_should_match: minimumShouldMatch,
          fuzziness: fuzzy!.fuzziness,
          prefix_length: fuzzy!.prefixLength,
          max_expansions: fuzzy!.maxExpansions,
          analyzer: plainAnalyzer(shape, field),
        },
      },
    }));
  const fuzzyMatches = fuzzyMatchesOf(fuzzyText);
  // Every word asked for: a misspelt word matched one edit away counts only beside the text's other
  // words (العلما سوريا had counted every article near العلما, Syria or not).
  const otherWords = minimumShouldMatch === EVERY_WORD_MATCHES && fuzzyText ? wordsOtherThan(contentText, fuzzyText) : '';
  const fuzzyClauses = otherWords
    ? [{ bool: { must: [{ dis_max: { queries: fuzzyMatches } }, { dis_max: { queries: fieldMatches(otherWords) } }] } }]
    : fuzzyMatches;
  const inOneField = { dis_max: { tie_breaker: profile.tieBreaker, queries: [...fieldMatches(text, exactText), ...fuzzyClauses] } };
  const words = contentText.split(' ');
  if (minimumShouldMatch !== EVERY_WORD_MATCHES || !acrossFields || words.length < 2) return inOneField;
  // Every word asked for, each in any field: ترامب in the title and كوريا in the body is an article
  // holding both. It adds no score: a field holding every word (or a phrase's synonym, which no one
  // word matches) ranks as before.
  const fuzzed = new Set(fuzzyText.split(' '));
  const eachWord = words.map((word) => ({
    dis_max: { queries: [...fieldMatches(word), ...(fuzzed.has(word) ? fuzzyMatchesOf(word) : [])] },
  }));
  return { bool: { should: [inOneField, { constant_score: { filter: { bool: { must: eachWord } }, boost: 0 } }], minimum_should_match: 1 } };
}

/** The words of `text` that are not among `some`'s, in order. */
function wordsOtherThan(text: string, some: string): string {
  const left = new Set(some.split(' '));
  return text
    .split(' ')
    .filter((word) => !left.has(word))
    .join(' ');
}

/** Whether `textQuery` fuzzes a word of the text (a word the corpus does not know, long enough for an edit). */
function hasFuzzedWords(text: string, profile: SearchProfile, shape: QueryShape, plan: QueryPlan, knownWords: string[] = []): boolean {
  const fuzzy = plan.fuzzy ? profile.query.fuzzy : undefined;
  return Boolean(fuzzy && wordsToFuzz(withoutStopwords(text, shape.stopwords), fuzzy.fuzziness, new Set(knownWords)));
}

/** The words of `text` but its stopwords, in order. */
export function withoutStopwords(text: string, stopwords: ReadonlySet<string>): string {
  const words: string[] = [];
  forEachStandardToken(text, (word) => {
    if (!isStopword(word, stopwords)) words.push(word);
  });
  return words.join(' ');
}

/** Whether the analyzers drop `word`: as typed (على), or once normalized (الى, إلى → الي). */
export function isStopword(word: string, stopwords: ReadonlySet<string>): boolean {
  return stopwords.has(word) || stopwords.has(normalizeArabicWord(word));
}

/**
 * Longer, a word is no slip of one (the corpus's longest words have 15 letters): it is neither fuzzed
 * nor respelled, which for a word of 500 letters had cost the engine a second.
 */
export const LONGEST_WORD_LETTERS = 20;

/**
 * The words long enough for `fuzziness` to allow an edit, counted without the article ال, and not
 * among `knownWords`: the others would only match as typed, and alone (without the synonyms that
 * join them, as in تشرين الأول) a common short word would match everywhere. No number: 2014 one
 * edit away is 2011, 2013 or 2018, no typo of it.
 */
export function wordsToFuzz(text: string, fuzziness: string, knownWords: ReadonlySet<string> = new Set()): string {
  const auto = /^AUTO(?::(\d+),\d+)?$/.exec(fuzziness);
  const shortest = auto ? Number(auto[1] ?? 3) : Number(fuzziness) > 0 ? 1 : Infinity;
  const words: string[] = [];
  forEachStandardToken(text, (word) => {
    const letters = [...word.replace(/^ال/, '')].length;
    if (letters >= shortest && letters <= LONGEST_WORD_LETTERS && !knownWords.has(word) && !/\p{N}/u.test(word)) words.push(word);
  });
  return words.join(' ');
}

/**
 * The feedback terms as one should clause at the profile's feedback weight: a `term` query per term
 * and stemmed field (the terms come from the index, already analyzed), each weighted by the field's
 * weight and the term's. As in RM3 the original and the expansion each weigh 1 before they are
 * mixed: the term weights (summing to 1) are scaled by the query's token count. Only the heaviest
 * terms that fit in `leavesLeft` are asked; none fit or none given, no clause.
 */
export function feedbackQuery(terms: FeedbackTerm[], queryTokens: number, profile: SearchProfile, leavesLeft: number): Clause | undefined {
  const fields = Object.entries(profile.fields).filter(([field]) => !field.endsWith('.exact'));
  const kept = fields.length > 0 ? terms.slice(0, Math.max(0, Math.floor(leavesLeft / fields.length))) : [];
  if (kept.length === 0 || !profile.query.feedback) return undefined;
  return {
    bool: {
      should: kept.flatMap(({ term, weight }) =>
        fields.map(([field, fieldWeight]) => ({ term: { [field]: { value: term, boost: fieldWeight * weight * queryTokens } } })),
      ),
      boost: profile.query.feedback.weight,
    },
  };
}

/** Phrase boosts reward the words as typed: analyzed without synonyms, one clause each whatever the text. */
function phraseQueries(text: string, profile: SearchProfile, shape: QueryShape): Clause[] {
  const forms = profile.phrase.cliticForms ? phraseForms(text, shape) : [text];
  return Object.entries(profile.phrase.fields).map(([field, boost]) => {
    const phrases = forms.map((form) => ({ match_phrase: { [field]: { query: form, slop: profile.phrase.slop, analyzer: plainAnalyzer(shape, field) } } }));
    return phrases.length === 1 ? { match_phrase: { [field]: { ...phrases[0]!.match_phrase[field], boost } } } : { dis_max: { queries: phrases, boost } };
  });
}

/**
 * Each listed name holding a stopword as a phrase on the fields the phrase boosts weigh, at their
 * weights, with their synonyms (any listed spelling of it): everywhere else the stopword is dropped,
 * and مهرجان كان is searched as مهرجان, any festival.
 */
function namePhraseQueries(names: string[], profile: SearchProfile): Clause[] {
  return names.flatMap((name) => Object.entries(profile.phrase.fields).map(([field, boost]) => ({ match_phrase: { [field]: { query: name, boost } } })));
}

/**
 * A Latin query's Arabic order as a phrase on each stemmed field the profile's phrase boosts read
 * exact, at their weight and slop: the stemmed field folds السعودي into السعودية. The index's analyzer,
 * without synonyms, analyzes it.
 */
function arabicOrderQueries(arabicOrder: string, profile: SearchProfile, shape: QueryShape): Clause[] {
  return Object.entries(profile.phrase.fields).map(([field, boost]) => {
    const stemmed = field.replace(/\.exact$/, '');
    return { match_phrase: { [stemmed]: { query: arabicOrder, slop: profile.phrase.slop, analyzer: plainAnalyzer(shape, stemmed), boost } } };
  });
}

/**
 * A text of two words or more with each clitic on its first word, as the index's tokenizer splits it
 * and without vowel marks (والدولة الإسلامية, لكرة القدم): the exact fields keep every word as written.
 * A word alone stays as it is: nothing tells ل + كرة in لكرة from فكرة, an idea.
 */
function phraseForms(text: string, shape: QueryShape): string[] {
  const words: string[] = [];
  forEachStandardToken(text, (word) => words.push(word));
  const first = (words[0] ?? '').replace(/\p{Mn}/gu, '');
  // A number takes them too: بـ200 مليار (ب٢٠٠ took them as Arabic script; 200 had not).
  if (words.length < 2 || !/^(?:\p{Script=Arabic}+|\p{Nd}+)$/u.test(first)) return [text];
  return prefixedForms(first, shape.cliticPrefixes).map((form) => [form, ...words.slice(1)].join(' '));
}

/** A listed name of a query made only of them: as typed, and the clitic forms of its one-word spellings (وترمب, لبوتفليقة). */
export interface NameInQuery {
  text: string;
  cliticForms: readonly string[];
}

/**
 * The listed names of `text` in a title, in any listed spelling, at the title's phrase weight (see
 * `listedNameInTitle`); with `nameInTitleCliticForms`, each name also with a clitic (مناشدات لبوتفليقة,
 * قمة بين بوتين وترمب). None when the profile has it off.
 */
function nameInTitleQuery(text: string, names: readonly NameInQuery[], profile: SearchProfile, shape: QueryShape): Clause | undefined {
  const boost = profile.phrase.fields[EXACT_TITLE_FIELD];
  if (!profile.query.listedNameInTitle || !boost) return undefined;
  if (!profile.query.nameInTitleCliticForms) return { match: { [EXACT_TITLE_FIELD]: { query: text, operator: 'and', boost } } };
  const analyzer = plainAnalyzer(shape, EXACT_TITLE_FIELD);
  const eachName = names.map((name): Clause => {
    const asListed = { match: { [EXACT_TITLE_FIELD]: { query: name.text, operator: 'and' } } };
    if (name.cliticForms.length === 0) return asListed;
    return { dis_max: { queries: [asListed, { match: { [EXACT_TITLE_FIELD]: { query: name.cliticForms.join(' '), analyzer } } }] } };
  });
  return { bool: { must: eachName, boost } };
}

/** The question as typed, word for word in a title, at the title's phrase weight; none when the profile has no title phrase boost. */
function questionTitleQuery(question: string, profile: SearchProfile, shape: QueryShape): Clause | undefined {
  const boost = profile.phrase.fields[EXACT_TITLE_FIELD];
  if (!boost) return undefined;
  return { match_phrase: { [EXACT_TITLE_FIELD]: { query: question, boost, analyzer: plainAnalyzer(shape, EXACT_TITLE_FIELD) } } };
}

const EXACT_TITLE_FIELD = 'title.exact';

/** The unstemmed fields: a phrase there is looked for as written. */
export const EXACT_FIELDS = ['title.exact', 'body.exact'];

const anyOf = (clauses: Clause[]): Clause => ({ bool: { should: clauses } });

/**
 * Words or a phrase in any form, on the stemmed fields: with the synonyms their search analyzer
 * applies (-بلينكن leaves out بلينكين too), and word for word without them, since the synonyms read a
 * listed name inside a phrase as its shortest spelling ("الأميركي دونالد ترامب" as الأميركي ترامب).
 */
function inAnyForm(text: string): Clause[] {
  return [
    { multi_match: { query: text, fields: ['title', 'body'], type: 'phrase' } },
    { multi_match: { query: text, fields: ['title', 'body'], type: 'phrase', analyzer: INDEX_ANALYZER } },
  ];
}

/**
 * A phrase as written, on the unstemmed fields: with its synonyms, and word for word without them in
 * each of its forms (`phraseForms`). The stemmed fields take الدول for الدولة, and missed 2,284 of
 * ANT's 3,656 articles holding "كرة القدم" (لكرة القدم, بكرة القدم).
 */
function asWritten(phrase: string, shape: QueryShape): Clause[] {
  return [{ multi_match: { query: phrase, fields: EXACT_FIELDS, type: 'phrase' } }, ...asTyped(phrase, shape)];
}

/** A phrase word for word in each of its forms (`phraseForms`), without synonyms. */
function asTyped(phrase: string, shape: QueryShape): Clause[] {
  const analyzer = plainAnalyzer(shape, EXACT_FIELDS[0]!);
  return phraseForms(phrase, shape).map((form) => ({ multi_match: { query: form, fields: EXACT_FIELDS, type: 'phrase', analyzer } }));
}

/** The leaf clauses these phrase clauses cost: one a field. */
function leavesOf(clauses: Clause[]): number {
  return clauses.reduce<number>((sum, clause) => {
    const should = (clause.bool as { should?: Clause[] } | undefined)?.should;
    if (should) return sum + leavesOf(should);
    return sum + ((clause.multi_match as { fields?: string[] } | undefined)?.fields?.length ?? 1);
  }, 0);
}

function plainAnalyzer(shape: QueryShape, field: string): string {
  const analyzer = shape.plainAnalyzers[field];
  if (!analyzer) throw new Error(`no plain analyzer known for the field ${field}`);
  return analyzer;
}

function dateFilters(request: SearchRequest, shape: QueryShape): Clause[] {
  if (!request.dateFrom && !request.dateTo) return [];
  const range = { ...(request.dateFrom ? { gte: request.dateFrom } : {}), ...(request.dateTo ? { lte: request.dateTo } : {}) };
  // A day is the newsroom's: 01:30 in Riyadh on 1 June is 22:30 UTC on 31 May.
  return [{ range: { published: { ...range, ...timeZoneOf(shape) } } }];
}

/** The time zone of a date filter or the month histogram, where it is not UTC. */
function timeZoneOf(shape: QueryShape): { time_zone?: string } {
  return shape.timeZone && shape.timeZone !== 'UTC' ? { time_zone: shape.timeZone } : {};
}
