import type { SearchBody, SearchEngine, SearchHit, SearchResult } from '../engine/search-engine.js';
import type { DatesInQuery } from './query-dates.js';
import {
  ALTERNATIVES,
  anyOfBodies,
  asksEveryWord,
  buildSearchBody,
  countQueryTokens,
  EVERY_WORD,
  EXACT_FIELDS,
  facetsOverHitsBody,
  isStopword,
  LONGEST_WORD_LETTERS,
  planSynonymFields,
  QueryTooLongError,
  SEARCH_FACETS,
  wordsToMatch,
  withoutStopwords,
  type NameAlone,
  type QueryShape,
  type SearchFacet,
  type SearchRequest,
} from './build-search-body.js';
import {
  buildSpellingBody,
  changesListedName,
  chooseSpelling,
  readSpellings,
  replacesSoundedOutWord,
  respellsToUnlistedLatin,
  respellToListedNames,
  SPELLING_MAX_WORDS,
} from './build-suggest-body.js';
import { confirmSpelling } from './suggest.js';
import { facetValuesOf, type StoredArticle } from '../index/stored-article.js';
import type { SearchProfile } from './search-profile.js';
import { summarizeExplanation, type ScoreExplanation } from './summarize-explanation.js';
import { facetValues, regionParents, type Taxonomy } from '../classify/taxonomy.js';
import { escapeHtml } from '../escape-html.js';
import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import { forEachStandardToken, normalizedWordsOf } from '../analysis/in-process-analyzer.js';
import type { RunOnRepairer } from '../ingest/run-on-repair.js';
import { encodeCursor, searchDigest } from './search-cursor.js';
import { splitExclusions, withExcludedNamesWhole } from './excluded-terms.js';
import { splitAlternatives, type AllOf, type AnyOfQuery } from './any-of-operator.js';
import { nameAloneIn, taggedNamesIn } from './name-alone.js';
import { latinPhraseKey, quotedPhrases, withoutQuotedPhrases, withUnlistedLatinPhrasesUnquoted } from './quoted-phrases.js';
import { inArabicOrder, readLatinStretches, searchedAs, type EnglishInArabic } from './english-words.js';
import {
  arabicNameRespellings,
  ARABIC_LETTER,
  LATIN_LETTER,
  corpusFrequency,
  onlyListedNames,
  listedMultiwordNames,
  nearListedNameWord,
  offeredNameReach,
  respellLatinNames,
  respellWords,
  startsWithQuestionWord,
  namesAsListed,
  understandReadQuery,
  withoutArticleOnNames,
  fullNameFormsIn,
  doubledLetterRespellings,
  hamzaRespellings,
  heardAlikeRespellings,
  nameSlipOffer,
  nameRunSlipOffer,
  nameSpellingKey,
  listedNamesWithin,
  listedNamesWithStopwords,
  latinNamesRespelled,
  respellLatinNamesOf,
  splitRunOns,
  type ListedSpellings,
  type QueryAids,
} from './understand-query.js';
import { FEEDBACK_FIELD, feedbackProbeBody, selectFeedbackTerms, type FeedbackTerm } from './query-feedback.js';

export interface ArticleHit {
  id: string;
  title: string;
  /** The title with matched words in <mark>, HTML-escaped. */
  titleHighlighted: string;
  published: string | null;
  source: string | null;
  score: number | null;
  /** Body passages with matched words in <mark>, HTML-escaped. */
  snippets: string[];
  topics: string[];
  regions: string[];
  regions_mentioned: string[];
  people: string[];
  organizations: string[];
  explanation?: ScoreExplanation;
}

export interface FacetCount {
  value: string;
  count: number;
  label: { ar: string; en: string };
  /** Of a region: the wider regions it belongs to, so a client can nest the list. */
  parents?: string[];
}

export interface MonthCount {
  month: string;
  count: number;
}

export interface ArticleSearchResult {
  total: number;
  from: number;
  size: number;
  tookMs: number;
  hits: ArticleHit[];
  /** Resumes after the last hit (`cursor=`); null on the last page. */
  nextCursor: string | null;
  /**
   * When the ranked list also holds articles with only some of the words: how many hold every word.
   * The facets count those, or every hit when none does.
   */
  totalAllWords?: number;
  facets: Record<SearchFacet, FacetCount[]> & { published: MonthCount[] };
  /** A respelling of `q` from the index's own words, offered when the search finds little. */
  didYouMean?: string;
  /** Present when the query as asked found nothing and any one of its words was then enough, its quoted phrases in any form or, that failing, as words. */
  relaxed?: true;
  /** The texts `q`'s OR spelled out (see splitAlternatives), each with how many articles hold its every word: the hits match one or more of them. */
  alternatives?: { q: string; total: number }[];
  /** The English words the dictionary gave Arabic for, as searched (see `englishWords`). */
  searchedInArabic?: EnglishInArabic[];
  /** The query's Latin words neither the lists nor the English–Arabic dictionary know, searched as typed. */
  searchedAsTyped?: string[];
  /** Nothing, or next to nothing, matched `q` as typed, so these hits are its respelling's: a next page asks with `q` set to it. */
  searchedInstead?: string;
  /** With `searchedInstead`, the keyboard layout `q`'s keys were read on: typed with the other one active (lwv: مصر). */
  keyboardLayout?: 'arabic' | 'english';
  /** With `searchedInstead`, what `q` as typed found when it found anything (1 for Mesi). */
  totalAsTyped?: number;
  /** `q` is the link of the articles listed (see linkFormsOf), not words to search. */
  linked?: true;
  /** The month or day `q` named, searched as dates (see splitQueryDates). */
  datesInQuery?: DatesInQuery;
  /** `q`'s text is only a name that is also a word (حماس, "enthusiasm"; see nameAloneIn): the hits are the articles tagged with that person or organization. */
  readAsName?: NameAlone;
  /** Where the month `q` named (`datesInQuery`) holds no article with its other words: those words, and how many articles of any date hold them. */
  withoutMonth?: { q: string; total: number };
}

/** The Arabic of the quoted Latin phrases the lists spell ("North Korea"), for the phrase filter to hold as written in Arabic too. */
function arabicOfLatinPhrases(phrases: readonly string[], aids: QueryAids): Pick<SearchRequest, 'arabicOfPhrases'> {
  const arabicOf = Object.fromEntries(
    phrases.flatMap((phrase) => {
      const arabic = LATIN_LETTER.test(phrase) ? aids.arabicOfLatin?.get(latinPhraseKey(phrase)) : undefined;
      return arabic ? [[phrase, arabic]] : [];
    }),
  );
  return Object.keys(arabicOf).length > 0 ? { arabicOfPhrases: arabicOf } : {};
}

/**
 * The exclusions, those of a searched word's own stem or name apart (ليبيا -الليبي: both ليبيا once
 * stemmed; ترامب -ترمب, trump -ترمب, الولايات المتحدة -أمريكا: spellings of one name, in either script): by stem or synonym they would leave out every
 * article the text finds, so they leave out what is written as typed only.
 */
function exclusionsOf(excluded: string[], searched: string, aids: QueryAids): Pick<SearchRequest, 'exclude' | 'excludeAsTyped'> {
  if (excluded.length === 0) return {};
  const termsOf = (text: string) => (text && aids.indexTermsOf ? aids.indexTermsOf(text) : []);
  const spellings = aids.listedNameSpellings ?? NO_SPELLINGS;
  const searchedTerms = new Set(termsOf(searched));
  const searchedNames = listedNamesWithin(searched, spellings);
  const sharesStem = (words: string) => {
    const terms = termsOf(words);
    return terms.length > 0 && terms.every((term) => searchedTerms.has(term));
  };
  // The exclusion is, whole, a spelling of a name the text searches.
  const sharesName = (words: string) => searchedNames.has(spellings.get(nameSpellingKey(words)) ?? -1);
  const asTyped = excluded.filter((words) => sharesStem(words) || sharesName(words));
  const byStem = excluded.filter((words) => !asTyped.includes(words));
  return { ...(byStem.length > 0 ? { exclude: byStem } : {}), ...(asTyped.length > 0 ? { excludeAsTyped: asTyped } : {}) };
}

/**
 * A facet's most frequent values, then those selected that they leave out, and last those selected
 * that no article holds (count 0, which the engine cannot count): a ticked value stays listed, for the reader to untick.
 */
function listedAndSelected(aggregation: FacetAggregation | undefined, selectedValues: readonly string[]): { key: string; doc_count: number }[] {
  const listed = aggregation?.values?.buckets ?? [];
  const keys = new Set(listed.map((bucket) => String(bucket.key)));
  const selected = (aggregation?.selected?.buckets ?? []).filter((bucket) => !keys.has(String(bucket.key)));
  for (const bucket of selected) keys.add(String(bucket.key));
  const unheld = [...new Set(selectedValues)].filter((value) => !keys.has(value)).map((value) => ({ key: value, doc_count: 0 }));
  return [...listed, ...selected, ...unheld];
}

/** How many articles of an answer hold every word of the query (none when it was relaxed to any one word). */
export function articlesHoldingEveryWord(result: Pick<ArticleSearchResult, 'total' | 'totalAllWords' | 'relaxed'>): number {
  return result.relaxed ? 0 : (result.totalAllWords ?? result.total);
}

interface FacetAggregation {
  values?: { buckets?: { key: string; doc_count: number }[] };
  /** The selected values' own counts (see buildSearchBody). */
  selected?: { buckets?: { key: string; doc_count: number }[] };
}

interface MonthAggregation {
  months?: { buckets?: { key_as_string: string; doc_count: number }[] };
}

/**
 * Pseudo-relevance feedback's round trips, when the profile asks for it: the query's top documents
 * (ids and scores only), then their terms as the index holds them, weighed as RM3 does. Nothing
 * when the search is not ranked by relevance, has no text, or finds nothing.
 */
async function findFeedbackTerms(
  engine: SearchEngine,
  alias: string,
  request: SearchRequest,
  profile: SearchProfile,
  shape: QueryShape,
): Promise<FeedbackTerm[]> {
  const feedback = profile.query.feedback;
  if (!feedback || !request.q?.trim() || request.sort !== 'relevance') return [];
  const probe = await engine.search(alias, feedbackProbeBody(buildSearchBody(request, profile, shape), feedback.documents));
  if (probe.hits.length === 0) return [];
  const fieldTerms = await engine.fieldTerms(
    alias,
    probe.hits.map((hit) => hit.id),
    FEEDBACK_FIELD,
  );
  return selectFeedbackTerms(probe.hits, fieldTerms, feedback.terms);
}

export interface SearchOptions {
  aids?: QueryAids;
  /** Ask for a respelling of the text in the same request (a page's search; evaluation does not). */
  spellcheck?: boolean;
  onSpellingError?: (error: unknown) => void;
  /** The people and organizations tagged, whose full names in `q` lift their articles where the profile asks (`taggedName`). */
  taxonomy?: Taxonomy;
}

/** Whether a text is searched with its synonyms on some field (one too long to search at all is refused, not searched without them). */
function keepsSynonyms(text: string, profile: SearchProfile, shape: QueryShape): boolean {
  try {
    return planSynonymFields(countQueryTokens(text), profile, shape).size > 0;
  } catch (error) {
    if (error instanceof QueryTooLongError) return true;
    throw error;
  }
}

/** The request as ranked: its text through query understanding, and the text a respelling is asked for, if any. */
function understandRequest(
  request: SearchRequest,
  profile: SearchProfile,
  options: SearchOptions,
  /** Misspelled names to search as the names (see misspelledNamesOf); the respelling is still offered of the text as typed. */
  respellings: ReadonlyMap<string, string> = new Map(),
  shape?: QueryShape,
): {
  understood: SearchRequest;
  spellcheck?: string;
  unsplit?: string;
  translated?: EnglishInArabic[];
  asTyped?: string[];
  /** Each word read as Arabic typed in Latin letters, lowercased, to its reading. */
  soundedOut?: Map<string, string>;
} {
  const aids = options.aids ?? { questionWords: new Set<string>() };
  const { q, ...rest } = request;
  const { text: typed, excluded } = q === undefined ? { text: '', excluded: [] } : splitExclusions(q);
  // An Arabic reader's Latin word is the foreign term itself (ممن اشتقت كلمة communism): the dictionary reads Latin queries only.
  const dictionary = profile.query.englishWords && q && aids.arabicOfLatin && !ARABIC_LETTER.test(q) ? aids.englishWords?.() : undefined;
  // An English phrase in quotes is meant in Arabic, whose words no article writes in the English order.
  const text = wordsOf(dictionary ? withUnlistedLatinPhrasesUnquoted(typed, aids.arabicOfLatin!) : typed);
  // Read once: what is searched and the text a respelling is asked for both begin here.
  // Split once: the names' respelling is told against the words as split (latinNamesRespelled).
  const splitText = text ? splitRunOns(respellWords(text, respellings), profile.query, aids) : '';
  const read = splitText ? respellLatinNamesOf(splitText, profile.query, aids) : '';
  const namesRespelled = read ? latinNamesRespelled(splitText, read, aids) : [];
  const latinText = read ? understandReadQuery(read, profile.query, aids) : '';
  const phrases = quotedPhrases(respellWords(text, respellings));
  // A quoted phrase left (a listed one) is asked as written.
  const english = phrases.length === 0 ? dictionary : undefined;
  // A misspelled English word is read as the dictionary's nearest whose Arabic the corpus word list holds.
  const repairer = aids.repairer;
  const respell = profile.query.englishSpelling && repairer ? (arabic: string) => phraseFrequency(arabic, repairer) : undefined;
  // Arabic typed in Latin letters (masr), read as the corpus word it sounds like: only beside the dictionary, which tells English words apart.
  const reader = english && profile.query.arabizi ? aids.arabizi?.() : undefined;
  // A word the synonym rules read is theirs (janvier, gebran); a slip of a listed name's is left to the
  // names' respelling (Raqa: Raqqa, not عراقية), unless it reads as a listed name's word (Mahmood: محمود).
  const arabizi =
    reader &&
    ((word: string, article: boolean) => {
      const lower = word.toLowerCase();
      if (aids.synonymLatinWords?.has(lower)) return undefined;
      // A listed person's given name typed alone is written as the list writes it (omar: عمر, not the sounds' مر).
      const given = article ? undefined : aids.arabicOfNameWords?.get(lower);
      if (given) return given;
      const reading = reader.read(word, article);
      // A digit is no slip of a name: ba7rain is read, not left to Bahrain's respelling.
      const nameSlip = !/\d/u.test(lower) && aids.latinNameWords !== undefined && nearListedNameWord(lower, aids.latinNameWords);
      return nameSlip && !(reading && isListedNameWord(reading, aids)) ? undefined : reading;
    });
  // Read once, for the text searched and for the Arabic word order alike.
  const stretches =
    latinText && aids.arabicOfLatin && (english || profile.query.arabicWordOrder) && !ARABIC_LETTER.test(latinText)
      ? readLatinStretches(latinText, aids.arabicOfLatin, english, respell, arabizi)
      : undefined;
  // So long a query goes without synonyms (planQuery), and the lists' Latin spellings reach Arabic only through them: searched in their Arabic.
  const asRead = stretches && searchedAs(stretches);
  const withoutSynonyms = asRead !== undefined && shape !== undefined && !keepsSynonyms(english ? asRead.text : latinText, profile, shape);
  const inArabic = withoutSynonyms ? searchedAs(stretches!, { listedInArabic: true }) : english ? asRead : undefined;
  const understoodText = inArabic?.text ?? latinText;
  const knownWords = knownWordsOf(understoodText, profile.query.fuzzy?.knownWordFrequency, aids.repairer, aids.listedNameWords);
  const excludedAsListed = excluded.map((words) => namesAsListed(respellWords(words, respellings), aids));
  // An English exclusion leaves out its Arabic too, in Arabic order where it has two words or more:
  // vaccine -malaria leaves out الملاريا, Yemen -"cholera outbreak" تفشي الكوليرا.
  const excludedInArabic = english
    ? excludedAsListed.flatMap((words) => {
        const read = readLatinStretches(words, aids.arabicOfLatin!, english, respell, arabizi);
        const ordered = inArabicOrder(read);
        return [...new Set([searchedAs(read).text, ...(ordered ? [ordered] : [])])].filter((form) => form !== words);
      })
    : [];
  // Every word has its Arabic, and the lists' spellings stay Latin for the synonyms: the phrase boost is
  // the Arabic's alone, a listed phrase's too (world cup: كأس العالم). Searched in the dictionary's Arabic, the text is its own.
  const wholeInArabic = profile.query.arabicWordOrder && profile.query.translatedPhrase && stretches ? inArabicOrder(stretches, 1) : undefined;
  const latinKept = wholeInArabic !== undefined && LATIN_LETTER.test(understoodText);
  const arabicOrder =
    profile.query.arabicWordOrder && stretches
      ? (inArabicOrder(stretches) ?? (latinKept && wholeInArabic.includes(' ') ? wholeInArabic : undefined))
      : undefined;
  const fullNameForms = understoodText && aids.fullNameForms ? fullNameFormsIn(understoodText, aids.fullNameForms) : [];
  const namesWithStopwords =
    understoodText && aids.listedNameSpellings && shape
      ? listedNamesWithStopwords(understoodText, aids.listedNameSpellings, (word) => isStopword(word, shape.stopwords))
      : [];
  const names = understoodText && aids.listedNameSpellings ? onlyListedNames(understoodText, aids.listedNameSpellings) : undefined;
  const multiwordNames = understoodText && aids.listedNameSpellings ? listedMultiwordNames(understoodText, aids.listedNameSpellings) : [];
  const taggedNames = understoodText && profile.query.taggedName && options.taxonomy ? taggedNamesIn(understoodText, options.taxonomy) : [];
  const understood: SearchRequest = {
    ...rest,
    ...(understoodText ? { q: understoodText } : {}),
    // Left out as searched: -وبوتين and -بلنكن leave out what بوتين and بلينكن find.
    ...exclusionsOf([...excludedAsListed, ...excludedInArabic], understoodText, aids),
    ...(knownWords.length > 0 ? { knownWords } : {}),
    ...(phrases.length > 0 ? { phrases, ...arabicOfLatinPhrases(phrases, aids) } : {}),
    ...(names ? { onlyListedNames: names.map(({ text, entity }) => ({ text, cliticForms: aids.entityCliticForms?.get(entity) ?? [] })) } : {}),
    // One listed name of several words, alone, lists the articles naming it (صندوق النقد الدولي had
    // counted 10,754 articles, most for الدولي alone, of which 323 named the IMF).
    ...(names?.length === 1 && multiwordNames.length === 1 ? { everyWord: true } : {}),
    ...(namesWithStopwords.length > 0 ? { namesWithStopwords } : {}),
    ...(multiwordNames.length > 0 ? { multiwordNames } : {}),
    ...(arabicOrder ? { arabicOrder } : {}),
    ...(latinKept ? { translatedWhole: true } : {}),
    ...(fullNameForms.length > 0 ? { fullNameForms } : {}),
    ...(taggedNames.length > 0 ? { taggedNames } : {}),
    ...(profile.query.questionWords &&
    understoodText &&
    startsWithQuestionWord(text, aids.questionWords, aids.questionOpeners) &&
    understoodText !== text.trim()
      ? { question: text.trim() }
      : {}),
  };
  // The correction is asked in the same request: a misspelled word among right ones still finds plenty.
  // Of the words as the search splits them: جونكيري is searched as جون كيري, no typo of جهانكيري.
  // A misspelled name searched as the name is offered as the name (قطرر: قطر, not the suggester's قرر;
  // Mousl: mosul, not Musk; Imran Kahn: imran khan).
  const split = read ? withoutArticleOnNames(read, aids) : '';
  const soundedOut = new Map(
    (stretches ?? []).flatMap((stretch) => (stretch.soundedOut ? [[stretch.words.join(' ').toLowerCase(), stretch.arabic!] as const] : [])),
  );
  const spellcheck =
    options.spellcheck && split && !request.searchAfter && countQueryTokens(split) <= SPELLING_MAX_WORDS && !holdsOverlongWord(split) ? split : undefined;
  // A respelling is offered against the words as typed, before the run-on split.
  return {
    understood,
    ...(spellcheck ? { spellcheck, unsplit: text } : {}),
    ...(namesRespelled.length || inArabic?.translated.length ? { translated: [...namesRespelled, ...(inArabic?.translated ?? [])] } : {}),
    // Empty where the dictionary read every Latin word: none is unknown.
    ...(inArabic ? { asTyped: inArabic.asTyped } : {}),
    ...(soundedOut.size > 0 ? { soundedOut } : {}),
  };
}

/** Whether a word of `text` is longer than any word (see LONGEST_WORD_LETTERS): no respelling is asked of it. */
function holdsOverlongWord(text: string): boolean {
  let overlong = false;
  forEachStandardToken(text, (word) => (overlong ||= [...word].length > LONGEST_WORD_LETTERS));
  return overlong;
}

const NO_WORDS: ReadonlySet<string> = new Set();
const NO_SPELLINGS: ListedSpellings = new Map();

/** More often than this in the corpus, a word of a longer name that is no name alone is a common word (القوات, التيار). */
const COMMON_NAME_WORD_FREQUENCY = 1000;

/** A word of the listed names that no name spells alone and the news writes everywhere (القوات of القوات اللبنانية). */
function isCommonWordOfNames(word: string, aids: QueryAids | undefined): boolean {
  if (!aids?.repairer || aids.listedNameSpellings?.has(word)) return false;
  return corpusFrequency(word, aids.repairer) > COMMON_NAME_WORD_FREQUENCY;
}

/** An Arabic word a listed name writes, with its article or without (الأسد, محمود). */
function isListedNameWord(arabic: string, aids: QueryAids): boolean {
  const word = normalizeArabicWord(arabic);
  return aids.arabicNameWords !== undefined && [word, word.replace(/^ال/u, '')].some((form) => aids.arabicNameWords!.has(form));
}

/** How often the corpus word list spells an Arabic phrase: the count of its least written word (a `NewsFrequency`). */
export function phraseFrequency(arabic: string, repairer: RunOnRepairer): number {
  return Math.min(...arabic.split(' ').map((word) => corpusFrequency(word, repairer)));
}

/**
 * The text with letters joined by a colon or an underscore apart: Unicode's word rules keep them one
 * word, but a reader's ترامب:ميركل is two words, and so is a hashtag's #مونديال_روسيا.
 */
function wordsOf(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N}])[:_](?=[\p{L}\p{N}])/gu, ' ');
}

/**
 * The misspelled listed names of the request's text, each with the name's word (the profile's
 * `arabicNameSpelling`; see arabicNameRespellings): those that no article's title or text holds as
 * typed. One small request to the index, asked only when the text has such a word.
 */
async function misspelledNamesOf(
  engine: SearchEngine,
  alias: string,
  request: SearchRequest,
  profile: SearchProfile,
  options: SearchOptions,
): Promise<Map<string, string>> {
  if (!request.q || !profile.query.arabicNameSpelling || !options.aids) return new Map();
  return heldByNoArticle(engine, alias, arabicNameRespellings(wordsOf(request.q), options.aids), options);
}

/**
 * Of typed words and their respellings, those whose typed word no article's title or text holds as
 * typed, or without its article: a word some article writes is meant (المانغا is no typo of ألمانيا
 * where articles write مانغا; ساير is Jochen Saier, no سائر). One small request, asked only when there are any.
 */
/** Whether no article writes `phrase` word for word: a courtesy's check, so a failure answers no. */
async function writtenByNoArticle(engine: SearchEngine, alias: string, phrase: string, options: SearchOptions): Promise<boolean> {
  try {
    const held = await engine.search(alias, {
      size: 0,
      track_total_hits: 1,
      query: { multi_match: { query: phrase, fields: EXACT_FIELDS, type: 'phrase', analyzer: 'arabic_exact' } },
    });
    return held.total === 0;
  } catch (error) {
    options.onSpellingError?.(error);
    return false;
  }
}

async function heldByNoArticle(
  engine: SearchEngine,
  alias: string,
  respellings: ReadonlyMap<string, string>,
  options: SearchOptions,
): Promise<Map<string, string>> {
  const candidates = [...respellings];
  if (candidates.length === 0) return new Map();
  const written = (word: string) => ({ multi_match: { query: word, fields: EXACT_FIELDS, analyzer: 'arabic_exact' } });
  const holding = (typed: string) => ({ bool: { should: [typed, ...(typed.startsWith('ال') ? [typed.slice('ال'.length)] : [])].map(written) } });
  try {
    const held = await engine.search(alias, {
      size: 0,
      track_total_hits: false,
      aggs: { typed: { filters: { filters: Object.fromEntries(candidates.map(([typed], at) => [String(at), holding(typed)])) } } },
    });
    const counts = (held.aggregations.typed as { buckets?: Record<string, { doc_count?: number }> } | undefined)?.buckets ?? {};
    return new Map(candidates.filter((_, at) => !counts[String(at)]?.doc_count));
  } catch (error) {
    // A courtesy, as the respelling offered is: the search goes on with the words as typed.
    options.onSpellingError?.(error);
    return new Map();
  }
}

/**
 * The text with each Latin word neither the lists nor the dictionary know (`asTyped`) as the listed
 * name near it (see offeredNameReach), offered and not searched: too short or too far off to be
 * searched as the name (Putn: putin, Kashogi: khashoggi). A word of a listed name stays (Saad of Saad
 * Hariri is no Saudi), and beside another word nobody lists, none is: Mahsa Amini is a name the
 * lists lack, not Mahsa Omani. A word of one listed name typed
 * alone, which finds no name, is offered the name (Bashar: bashar assad). Without the dictionary,
 * every unlisted word is unknown and offered only when the search found nothing.
 */
function latinNameOffer(q: string | undefined, asTyped: string[] | undefined, found: number, profile: SearchProfile, options: SearchOptions) {
  const nameWords = options.aids?.latinNameWords;
  if (!q || !profile.query.latinNameSpelling || !nameWords || (!asTyped && found > 0)) return undefined;
  const { listedNameWords = NO_WORDS, listedNameSpellings = NO_SPELLINGS, latinNamesOfWords } = options.aids ?? {};
  const typed = normalizedWordsOf(q);
  const wholeName = typed.length === 1 && asTyped?.length === 1 ? latinNamesOfWords?.get(typed[0]!.toLowerCase()) : undefined;
  if (wholeName) return wholeName;
  const unknown = asTyped && new Set(asTyped.map((word) => word.toLowerCase()).filter((word) => !listedNameWords.has(word)));
  const { soundsAlike, ...reach } = offeredNameReach(listedNameSpellings);
  const offer = respellLatinNames(q, nameWords, {
    offer: {
      ...reach,
      ...(!unknown || unknown.size === 1 ? { soundsAlike } : {}),
      accepts: (word) => (!unknown || unknown.has(word)) && !listedNameWords.has(word),
    },
  });
  return offer === q ? undefined : offer;
}

/** The hits a respelling is chosen by: the search's first ten, whatever page was asked, so that the offer is the query's, not the page's. */
const SPELLING_HITS = 10;

async function topHitsOf(
  engine: SearchEngine,
  alias: string,
  body: SearchBody,
  result: SearchResult<StoredArticle>,
  request: SearchRequest,
): Promise<SearchHit<StoredArticle>[]> {
  if ((request.from === 0 && request.size >= SPELLING_HITS) || result.total === 0) return result.hits.slice(0, SPELLING_HITS);
  const { aggs: _aggs, suggest: _suggest, explain: _explain, ...query } = body;
  // Failing, the page's own hits choose, as they did.
  return engine
    .search<StoredArticle>(alias, { ...query, from: 0, size: SPELLING_HITS, track_total_hits: false })
    .then((top) => top.hits)
    .catch(() => result.hits);
}

/**
 * Of a field's highlight and its exact subfield's, the one to show: the exact one where the query
 * quotes a phrase and it marks anything (the stemmed one marks المصرية for "مصر"), else the one with
 * more marks (the exact fields hold the typo-tolerant matches).
 */
export function highlightsOf(shown: string[] | undefined, exact: string[] | undefined, quoted: boolean): string[] | undefined {
  const marks = (fragments: string[] | undefined) => (fragments ?? []).reduce((sum, fragment) => sum + fragment.split('<mark>').length - 1, 0);
  return exact && marks(exact) > (quoted ? 0 : marks(shown)) ? exact : shown;
}

/**
 * The words of `text` the repairer's word list holds at least `minFrequency` times, in any spelling
 * the index folds together (الدوحه is الدوحة, السيسى is السيسي), and the words of the names the
 * synonym lists spell (العمامرة, rare in a corpus of 2018, is no typo of المؤامرة): none is fuzzed.
 */
function knownWordsOf(text: string, minFrequency: number | undefined, repairer: RunOnRepairer | undefined, listed: ReadonlySet<string> = NO_WORDS): string[] {
  if (!text || minFrequency === undefined || !repairer) return [];
  const known: string[] = [];
  forEachStandardToken(text, (word) => {
    if (corpusFrequency(word, repairer) >= minFrequency || listed.has(normalizeArabicWord(word))) known.push(word);
  });
  return known;
}

/**
 * The facet aggregations of an answer and, when they count the articles holding every word, how many
 * do. When none does, the facets count every hit instead, asked of the engine again: a list of hits
 * beside empty facets would say nothing.
 */
async function facetAggregationsOf(
  engine: SearchEngine,
  alias: string,
  body: SearchBody,
  result: { total: number; aggregations: Record<string, unknown> },
): Promise<{ aggregations: Record<string, unknown>; totalAllWords?: number }> {
  const everyWord = result.aggregations[EVERY_WORD] as ({ doc_count: number } & Record<string, unknown>) | undefined;
  if (!everyWord) return { aggregations: result.aggregations };
  // The month histogram counts under every facet selection, as the hits do (`post_filter`): its count is theirs.
  const selected = (everyWord.published as { doc_count?: number } | undefined)?.doc_count ?? everyWord.doc_count;
  if (everyWord.doc_count > 0 || result.total === 0) return { aggregations: everyWord, totalAllWords: selected };
  return { aggregations: (await engine.search(alias, facetsOverHitsBody(body))).aggregations, totalAllWords: 0 };
}

/**
 * Whether a respelling changes a word with a digit in it: a number, or a name with one (ف16, س400,
 * A380), is typed as meant, and the suggester made them other numbers (116, 1400, 1380). Pure.
 */
export function changesNumberedWord(text: string, spelling: string): boolean {
  const offered = new Set(normalizedWordsOf(spelling));
  return normalizedWordsOf(text).some((word) => /\p{N}/u.test(word) && !offered.has(word));
}

/** Articles holding every word of a text, at most, for a respelling of a word articles hold to be offered. */
const FEW_HELD_TOGETHER = 5;
/** How many times more articles must hold the respelling's words together than the text's, and at least how many. */
const HELD_TOGETHER_RATIO = 20;
const MIN_HELD_TOGETHER = 20;
/** Articles that must write a respelling as a phrase: its words held apart say little (ماكي سال is no مالي قال). */
const MIN_WRITTEN = 5;

/**
 * A respelling for a text of two words or more that hardly any article holds together, where many
 * hold the respelling's (أسعار النفظ: أسعار النفط, صفقة الفرن: صفقة القرن): a slip that is itself a
 * word some articles write, which the spelling asked with the search leaves alone. Of the
 * respellings the index's words allow that at least 5 articles write as a phrase and that keep a word
 * as typed, the one changing fewest words, then the one most write: the suggester ranks words alone (اسعار الزهب: الحرب
 * before الذهب). Not for a word alone, which has no others to be read beside: ترتسم is a word, not
 * تتسم misspelled. `text` is asked as the search split it and offered as typed; `heldTogether`
 * counts the articles holding its words, `holdingEvery` a respelling's.
 */
async function weakPhraseOffer(
  engine: SearchEngine,
  alias: string,
  text: { asked: string; typed: string },
  heldTogether: number,
  isCorrection: (spelling: string) => boolean,
  holdingEvery: (spelling: string) => Promise<number>,
): Promise<string | undefined> {
  if (heldTogether > FEW_HELD_TOGETHER) return undefined;
  const spellings = readSpellings((await engine.search(alias, buildSpellingBody(text.asked, { popular: true }))).suggest).filter(isCorrection);
  const written = await Promise.all(
    spellings.map(
      async (spelling) =>
        (
          await engine.search(alias, {
            size: 0,
            track_total_hits: true,
            query: { match_phrase: { 'body.exact': { query: spelling, analyzer: 'arabic_exact' } } },
          })
        ).total,
    ),
  );
  // Fewest words changed first (شرف الفرات: شرق الفرات, not شرق العراق), then the most written.
  const changed = (spelling: string) => {
    const [typed, offered] = [text.asked.split(' '), spelling.split(' ')];
    return typed.length === offered.length ? typed.filter((word, at) => normalizeArabicWord(word) !== normalizeArabicWord(offered[at]!)).length : typed.length;
  };
  const typedWords = text.asked.split(' ').length;
  const ranked = spellings
    .map((spelling, at) => ({ spelling, written: written[at]!, changed: changed(spelling) }))
    // One that changes every word keeps nothing of the text: ختان الإناث is no خلال الأحداث misspelled.
    .filter((option) => option.written >= MIN_WRITTEN && option.changed < typedWords)
    .sort((a, b) => a.changed - b.changed || b.written - a.written);
  const likeliest = ranked[0]?.spelling;
  if (!likeliest || (await holdingEvery(likeliest)) < Math.max(MIN_HELD_TOGETHER, HELD_TOGETHER_RATIO * heldTogether)) return undefined;
  return confirmSpelling(engine, alias, text.typed, likeliest);
}

function withSpelling(body: SearchBody, spellcheck: string | undefined): SearchBody {
  return spellcheck ? { ...body, suggest: buildSpellingBody(spellcheck).suggest } : body;
}

/** The request with a listed name of several words after a minus sign left out whole (see withExcludedNamesWhole). */
export function withNamesLeftOutWhole(request: SearchRequest, aids: QueryAids | undefined): SearchRequest {
  const spellings = aids?.listedNameSpellings;
  if (!request.q || !spellings) return request;
  const q = withExcludedNamesWhole(request.q, (words) => spellings.has(nameSpellingKey(words)));
  return q === request.q ? request : { ...request, q };
}

/** The body `searchArticles` sends the engine first for this request (feedback's probe, and misspelled names it respells after asking the index, aside). Pure. */
export function articleSearchBody(request: SearchRequest, profile: SearchProfile, shape: QueryShape, options: SearchOptions = {}): SearchBody {
  const { understood, spellcheck } = understandRequest(request, profile, options, new Map(), shape);
  return withSpelling(buildSearchBody(understood, profile, shape), spellcheck);
}

/** What a cursor must continue: the text, filters, dates and profile that decide the hits and their order. */
export function cursorSearchOf(request: SearchRequest, profile: SearchProfile): string {
  // The same search however it is written: spaces around the words, filter values in any order.
  const q = (request.q ?? '').replace(/\s+/gu, ' ').trim();
  const filters = Object.fromEntries(Object.entries(request.filters).map(([facet, values]) => [facet, [...(values ?? [])].sort()]));
  const leftOut = request.excludedSources?.length ? { excludedSources: [...request.excludedSources].sort() } : {};
  const everyValueOf = request.everyValueOf?.length ? { everyValueOf: [...request.everyValueOf].sort() } : {};
  return searchDigest({ q, filters, ...leftOut, ...everyValueOf, from: request.dateFrom ?? null, to: request.dateTo ?? null, profile: profile.name });
}

export async function searchArticles(
  engine: SearchEngine,
  alias: string,
  asked: SearchRequest,
  profile: SearchProfile,
  taxonomy: Taxonomy,
  shape: QueryShape,
  searchOptions: SearchOptions = {},
): Promise<ArticleSearchResult> {
  const options = { ...searchOptions, taxonomy };
  // A link stands for the articles stored under it: its letters are not read. Its cursor is still q's.
  const request = asked.linkedArticles ? { ...asked, q: undefined } : asked;
  const spellings = options.aids?.listedNameSpellings;
  const alternatives = request.q ? splitAlternatives(request.q, (words) => spellings?.has(nameSpellingKey(words)) === true) : undefined;
  if (alternatives) return searchAlternatives(engine, alias, asked, alternatives, profile, taxonomy, shape, options);
  // A next page reads the text as its first page did, whatever the index holds since.
  const misspelledNames = request.searchAfter
    ? new Map(Object.entries(request.respelled ?? {}))
    : await misspelledNamesOf(engine, alias, request, profile, options);
  const { understood, spellcheck, unsplit, translated, asTyped, soundedOut } = understandRequest(request, profile, options, misspelledNames, shape);
  const feedbackTerms = await findFeedbackTerms(engine, alias, understood, profile, shape);
  let body = withSpelling(buildSearchBody(understood, profile, shape, feedbackTerms), spellcheck);
  let result = await engine.search<StoredArticle>(alias, body);
  // A respelling that "corrects" a name, a Latin word the synonym lists know (Brent: Brexit) or a
  // dialect word they read (حراقة: حرارة), offers a Latin word they do not, or another word for one read
  // as Arabic typed in Latin letters, is no correction: the next one may be.
  const listed = options.aids?.listedNameWords ?? NO_WORDS;
  const latinOfRules = options.aids?.synonymLatinWords ?? NO_WORDS;
  const arabicOfLatin = options.aids?.arabicOfLatin ?? new Map<string, string>();
  const isCorrection = (spelling: string) =>
    !changesNumberedWord(spellcheck!, spelling) &&
    !changesListedName(spellcheck!, spelling, listed) &&
    !changesListedName(spellcheck!, spelling, latinOfRules) &&
    !changesListedName(spellcheck!, spelling, options.aids?.wordListArabicWords ?? NO_WORDS) &&
    !respellsToUnlistedLatin(spellcheck!, spelling, listed) &&
    !(soundedOut && replacesSoundedOutWord(spellcheck!, spelling, soundedOut, arabicOfLatin));
  const suggested = spellcheck ? readSpellings(result.suggest).filter(isCorrection) : [];
  // A misspelled name is offered the name, whatever the hits (الموسل: the season's stories, الموسم, come
  // first through typo tolerance; Mosul, الموصل, is meant).
  const named =
    spellcheck && suggested[0] ? respellToListedNames(spellcheck, suggested[0], listed, (word) => isCommonWordOfNames(word, options.aids)) : undefined;
  const hitWords =
    !named && suggested.length > 1
      ? (await topHitsOf(engine, alias, body, result, request)).map(
          (hit) => new Set(normalizedWordsOf([hit.source.title, ...(hit.highlight.body ?? [])].join(' '))),
        )
      : [];
  // With no respelling, words typed together are offered as the search split them (جونكيري: جون كيري).
  const offered = spellcheck ? (named ?? chooseSpelling(suggested, spellcheck, hitWords) ?? spellcheck) : undefined;
  // Zero results never silently: ask again with any one word enough and quoted phrases in any form,
  // then with those phrases alone required (the other words only rank), then with their words alone; and say so.
  const relax =
    result.total === 0 &&
    understood.q?.trim() &&
    profile.query.relaxOnZero &&
    (wordsToMatch(understood, profile) !== '1' || understood.phrases?.length || understood.everyWord);
  if (relax) {
    const phraseSteps = understood.phrases?.length
      ? [
          { ...understood, relaxed: true, onlyPhrasesRequired: true },
          { ...understood, relaxed: true, phrases: [] },
        ]
      : [];
    // A listed name typed whole that no article writes (ولي عهد البحرين) is relaxed as any other text: its words apart.
    const { everyWord: _everyWord, ...anyWord } = understood;
    for (const relaxed of [{ ...anyWord, relaxed: true }, ...phraseSteps]) {
      body = buildSearchBody(relaxed, profile, shape);
      result = await engine.search<StoredArticle>(alias, body);
      if (result.total > 0) break;
    }
  }
  const { aggregations, totalAllWords } = await facetAggregationsOf(engine, alias, body, result);
  const spelled = spellcheck
    ? // A respelling is a courtesy: the search answers without one if it fails.
      await confirmSpelling(engine, alias, unsplit ?? spellcheck, offered).catch((error: unknown) => void options.onSpellingError?.(error))
    : undefined;
  // A listed name near an unknown Latin word, one slip from an Arabic one, or a word with its hamza, is
  // a surer offer than the index's commoner words (Asad: assad, not Arab; طرامب: ترامب, not طعاما;
  // الرياسة: الرئاسة, not الرياضة).
  const offerOf = profile.query.arabicNameSpelling && !request.searchAfter ? request.q : undefined;
  const { aids } = options;
  // A word with its hamza left off or a letter typed twice: the corpus's word, not the suggester's of the typed length.
  const slipOffer = async (q: string, respellingsOf: (text: string) => Map<string, string>) => {
    // A quoted phrase is as typed, and a word an article writes is meant.
    const respellings = await heldByNoArticle(engine, alias, respellingsOf(withoutQuotedPhrases(q)), options);
    return respellings.size > 0 ? respellWords(q, respellings) : undefined;
  };
  const nameRunOffer = async (q: string, spellings: ListedSpellings) => {
    const slip = quotedPhrases(q).length === 0 ? nameRunSlipOffer(q, spellings) : undefined;
    return slip && (await writtenByNoArticle(engine, alias, slip.run, options)) ? slip.text : undefined;
  };
  const heardOffer = async (q: string, repairer: RunOnRepairer) => {
    // A question word is no news word misheard: صدك ("really?") is no صدق.
    const heard = [...heardAlikeRespellings(withoutQuotedPhrases(q), repairer)].filter(([typed]) => !aids?.questionWords.has(normalizeArabicWord(typed)));
    const respellings = await heldByNoArticle(engine, alias, new Map(heard), options);
    return respellings.size > 0 ? respellWords(q, respellings) : undefined;
  };
  const didYouMean =
    latinNameOffer(request.q, asTyped, result.total, profile, options) ??
    (offerOf && aids ? nameSlipOffer(offerOf, aids) : undefined) ??
    (offerOf && aids?.listedNameSpellings ? await nameRunOffer(offerOf, aids.listedNameSpellings) : undefined) ??
    (offerOf && aids?.repairer ? await slipOffer(offerOf, (text) => hamzaRespellings(text, aids.repairer!)) : undefined) ??
    (offerOf && aids?.repairer ? await slipOffer(offerOf, (text) => doubledLetterRespellings(text, aids.repairer!)) : undefined) ??
    spelled ??
    // After the index's own respelling: المتحدت is المتحدة, which no letter heard alike makes (ث: المتحدث).
    (offerOf && aids?.repairer ? await heardOffer(offerOf, aids.repairer) : undefined) ??
    (spellcheck && !request.searchAfter && !understood.phrases?.length && countQueryTokens(withoutStopwords(spellcheck, shape.stopwords)) >= 2
      ? await weakPhraseOffer(
          engine,
          alias,
          { asked: spellcheck, typed: unsplit ?? spellcheck },
          relax ? 0 : (totalAllWords ?? result.total),
          isCorrection,
          async (spelling) => {
            const every = buildSearchBody({ ...understood, q: spelling, sort: 'newest', from: 0, size: 0, searchAfter: undefined }, profile, shape);
            return (await engine.search(alias, { query: every.query, size: 0, track_total_hits: true })).total;
          },
        ).catch((error: unknown) => void options.onSpellingError?.(error))
      : undefined);
  return answerOf(asked, { result, aggregations, totalAllWords, quoted: Boolean(understood.phrases?.length), respelled: misspelledNames }, profile, taxonomy, {
    ...(didYouMean ? { didYouMean } : {}),
    ...(relax && result.total > 0 ? { relaxed: true as const } : {}),
    ...(translated ? { searchedInArabic: translated } : {}),
    ...(asTyped?.length ? { searchedAsTyped: asTyped } : {}),
  });
}

/**
 * A text with OR: each alternative understood as a text of its own (its names, respellings, English
 * words, a name alone). What an article must hold is each slot's operands, each asked once for every
 * word in its share of the clause limit (`required`: its size grows as the words, not as the
 * alternatives); by relevance, the alternatives rank it in shares of their own (`anyOfBodies`). No
 * respelling is offered and nothing is loosened: the reader wrote the query's logic out.
 */
async function searchAlternatives(
  engine: SearchEngine,
  alias: string,
  asked: SearchRequest,
  { alternatives, operandsOf, required }: AnyOfQuery,
  profile: SearchProfile,
  taxonomy: Taxonomy,
  shape: QueryShape,
  options: SearchOptions,
): Promise<ArticleSearchResult> {
  // A text that is only a name which is also a word (حماس) is the name, as that text alone would be.
  const requestOf = (q: string, sort: SearchRequest['sort']): SearchRequest => {
    const named = nameAloneIn(q, taxonomy);
    return named ? { ...asked, sort, q: named.q, nameAlone: named.name } : { ...asked, sort, q };
  };
  const operands = [...new Set(operandsOf.flat())];
  // A next page reads the text as its first page did, whatever the index holds since.
  const respelled = asked.searchAfter
    ? new Map(Object.entries(asked.respelled ?? {}))
    : new Map(
        (await Promise.all(operands.map((q) => misspelledNamesOf(engine, alias, requestOf(q, asked.sort), profile, options)))).flatMap((names) => [...names]),
      );
  const read = (request: SearchRequest, within: QueryShape) => understandRequest(request, profile, { ...options, spellcheck: false }, respelled, within);
  // Every word of each operand (as newest first asks for them), in its share.
  const operandShare = { ...shape, maxClauses: Math.floor(shape.maxClauses / operands.length) };
  const operandQuery = new Map(
    operands.map((q) => {
      const { understood } = read(requestOf(q, 'newest'), operandShare);
      return [q, inShare(() => buildSearchBody(understood, profile, operandShare), operands.length).query as Record<string, unknown>];
    }),
  );
  const allOf = (slots: AllOf): Record<string, unknown> => ({
    bool: {
      must: slots.map((slot) => ({ dis_max: { queries: slot.map((operand) => (typeof operand === 'string' ? operandQuery.get(operand)! : allOf(operand))) } })),
    },
  });
  const share = { ...shape, maxClauses: Math.floor(shape.maxClauses / alternatives.length) };
  const ranked = alternatives.map((q) => read(requestOf(q, asked.sort), share));
  const body = anyOfBodies(
    ranked.map(({ understood }) => inShare(() => buildSearchBody(understood, profile, share), alternatives.length)),
    allOf(required),
    asksEveryWord(asked),
    operandsOf.map((operands) => ({ bool: { must: operands.map((operand) => operandQuery.get(operand)!) } })),
  );
  const result = await engine.search<StoredArticle>(alias, body);
  const counts = (result.aggregations[ALTERNATIVES] as { each?: { buckets?: { doc_count: number }[] } } | undefined)?.each?.buckets ?? [];
  const { aggregations, totalAllWords } = await facetAggregationsOf(engine, alias, body, result);
  // A word every alternative holds is said once.
  const translated = [...new Map(ranked.flatMap((one) => one.translated ?? []).map((pair) => [JSON.stringify(pair), pair])).values()];
  const asTyped = [...new Set(ranked.flatMap((one) => one.asTyped ?? []))];
  return answerOf(
    asked,
    { result, aggregations, totalAllWords, quoted: ranked.some(({ understood }) => understood.phrases?.length), respelled },
    profile,
    taxonomy,
    {
      alternatives: alternatives.map((q, at) => ({ q, total: counts[at]?.doc_count ?? 0 })),
      ...(translated.length > 0 ? { searchedInArabic: translated } : {}),
      ...(asTyped.length > 0 ? { searchedAsTyped: asTyped } : {}),
    },
  );
}

/** `build`'s body, or a refusal that says the limit is each alternative's share. */
function inShare(build: () => SearchBody, alternatives: number): SearchBody {
  try {
    return build();
  } catch (error) {
    throw error instanceof QueryTooLongError ? new QueryTooLongError(error.maxTokens, alternatives) : error;
  }
}

/** The answer to a search, from the engine's result and what the search says of how it read `q`. */
function answerOf(
  asked: SearchRequest,
  searched: {
    result: SearchResult<StoredArticle>;
    aggregations: Record<string, unknown>;
    totalAllWords?: number;
    quoted: boolean;
    respelled: ReadonlyMap<string, string>;
  },
  profile: SearchProfile,
  taxonomy: Taxonomy,
  readings: Pick<ArticleSearchResult, 'didYouMean' | 'relaxed' | 'searchedInArabic' | 'searchedAsTyped' | 'alternatives'>,
): ArticleSearchResult {
  const { result, aggregations, totalAllWords, quoted, respelled } = searched;
  const parentsOf = regionParents(taxonomy);
  const facets = Object.fromEntries(
    SEARCH_FACETS.map((field) => {
      const aggregation = aggregations[field] as FacetAggregation | undefined;
      // A source not in taxonomy/sources.json is labelled with its own name (below).
      const labels: ReadonlyMap<string, { ar: string; en: string }> = field === 'source' ? taxonomy.sourceLabels : facetValues(taxonomy, field);
      const isRegion = field === 'regions' || field === 'regions_mentioned';
      return [
        field,
        listedAndSelected(aggregation, asked.filters[field] ?? []).map((b) => ({
          value: String(b.key),
          count: b.doc_count,
          label: labels.get(String(b.key)) ?? { ar: String(b.key), en: String(b.key) },
          ...(isRegion ? { parents: parentsOf.get(String(b.key)) ?? [] } : {}),
        })),
      ];
    }),
  ) as Record<SearchFacet, FacetCount[]>;
  const months = (aggregations.published as MonthAggregation | undefined)?.months?.buckets ?? [];
  const last = result.hits.at(-1);
  const seen = asked.from + result.hits.length;
  const more = asked.size > 0 && result.hits.length === asked.size && seen < result.total;
  return {
    total: result.total,
    ...(totalAllWords !== undefined ? { totalAllWords } : {}),
    ...(asked.datesInQuery ? { datesInQuery: asked.datesInQuery } : {}),
    ...(asked.nameAlone ? { readAsName: asked.nameAlone } : {}),
    from: asked.from,
    size: asked.size,
    tookMs: result.tookMs,
    nextCursor:
      more && last?.sort
        ? encodeCursor({
            sort: asked.sort,
            search: cursorSearchOf(asked, profile),
            seen,
            after: last.sort,
            respelled: Object.fromEntries(respelled),
            ...(asked.monthRead === undefined ? {} : { monthRead: asked.monthRead }),
          })
        : null,
    hits: result.hits.map((hit) => ({
      id: hit.id,
      title: hit.source.title,
      titleHighlighted: (highlightsOf(hit.highlight.title, hit.highlight['title.exact'], quoted) ?? [])[0] ?? escapeHtml(hit.source.title),
      published: hit.source.published ?? null,
      source: hit.source.source ?? null,
      score: hit.score,
      snippets: highlightsOf(hit.highlight.body, hit.highlight['body.exact'], quoted) ?? [],
      ...facetValuesOf(hit.source),
      ...(hit.explanation ? { explanation: summarizeExplanation(hit.explanation) } : {}),
    })),
    facets: { ...facets, published: months.map((b) => ({ month: b.key_as_string, count: b.doc_count })) },
    ...readings,
  };
}
