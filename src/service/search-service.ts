import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import { normalizedWordsOf } from '../analysis/in-process-analyzer.js';
import { ArticleTagger } from '../classify/article-tagger.js';
import { retagArticles, type RetagReport } from '../classify/retag-articles.js';
import { loadTaxonomy, namesOf, type Taxonomy } from '../classify/taxonomy.js';
import { FacetValueIndex, type SearchableValue } from '../classify/search-facet-values.js';
import { isEngineError } from '../engine/engine-error.js';
import type { EngineAvailability } from '../engine/engine-watch.js';
import type { EngineInfo, SearchBody, SearchEngine, SearchHit } from '../engine/search-engine.js';
import type { SupervisedStatus } from '../embedded/engine-supervisor.js';
import { WriteGate } from '../concurrency/write-gate.js';
import { ensureIndex, TAGGED_WITH, type BuildState, type EnsureIndexOptions, type IndexState } from '../index/ensure-index.js';
import { analysisShapeOf, loadIndexDefinition, type VersionedIndexDefinition } from '../index/index-definition.js';
import { rebuildIndex, type RebuildReport } from '../index/rebuild-index.js';
import { A_STORY_COPY, type StoredArticle } from '../index/stored-article.js';
import { ingestArticles, type IngestOptions, type IngestReport } from '../ingest/ingest-articles.js';
import { loadRunOnRepairer, RUN_ON_WORDS, type RunOnRepairer } from '../ingest/run-on-repair.js';
import type { SourceRecord } from '../ingest/source-records.js';
import { ensureEvaluationIndexes, type EvaluationIndexes } from '../relevance/collection-index.js';
import type { EvalCollection } from '../relevance/eval-collections.js';
import { productSearch } from '../relevance/judged-search.js';
import { JudgmentStore } from '../relevance/judgment-store.js';
import type { GainKind } from '../relevance/rank-metrics.js';
import { runEvaluation, type EvaluationQuery, type EvaluationRun } from '../relevance/run-evaluation.js';
import { ArabiziReader } from '../search/arabizi.js';
import { cyrillicInLatin, hasCyrillic } from '../search/cyrillic.js';
import { keysOnOtherLayout, layoutWordsOf, readOnOtherLayout } from '../search/keyboard-layout.js';
import { cursorSearchingInstead } from '../search/search-cursor.js';
import { isStopword, NothingToSearchError, queryShapeOf, type QueryShape, type SearchRequest } from '../search/build-search-body.js';
import {
  articleSearchBody,
  articlesHoldingEveryWord,
  cursorSearchOf,
  phraseFrequency,
  highlightsOf,
  searchArticles,
  withNamesLeftOutWhole,
  type ArticleSearchResult,
} from '../search/search-articles.js';
import { isDictionaryWord, loadEnglishWords, withoutLatinMarks, type EnglishWords } from '../search/english-words.js';
import { findRelatedArticles, type RelatedTerms } from '../search/related-articles.js';
import {
  FEW_AS_TYPED,
  isLatinOnly,
  mayHoldSlip,
  nearEnoughToSearch,
  suggestText,
  onlyRestoresHamza,
  respellingFindsMore,
  respellsOnlyToNames,
} from '../search/build-suggest-body.js';
import { ProfileStore, type SearchProfile } from '../search/search-profile.js';
import { EntitySuggester, type EntitySuggestion } from '../search/suggest-entities.js';
import { latinWordsBegun, nameBegunInLatin, suggestTitles, type TitleSuggestion } from '../search/suggest.js';
import { spokenFrequency } from '../search/spoken-english.js';
import {
  corpusFrequency,
  latinRunOnsAsTags,
  loadQueryLists,
  nameRunSlipOffer,
  nameSlipOffer,
  onlyHeardAlike,
  nameSpellingKey,
  splitTags,
  startsWithQuestionWord,
  withNumbersApart,
  withoutQuestionOpening,
  type QueryAids,
} from '../search/understand-query.js';
import { EDGE_PUNCTUATION } from '../search/edge-punctuation.js';
import { countryNamesByCode, flagCodesAlone, flagsAsCountryNames, holdsFlag, holdsLetterOrDigit } from '../search/country-flags.js';
import {
  SiteOutsideSourcesError,
  siteWithinAlternative,
  SiteWithinAlternativeError,
  sourcesOfSite,
  splitSiteOperators,
  UnknownSiteError,
} from '../search/site-operator.js';
import { isOrOperator } from '../search/any-of-operator.js';
import { type DatesInQuery, splitQueryDates } from '../search/query-dates.js';
import { linkFormsOf } from '../search/pasted-link.js';
import { nameAloneIn } from '../search/name-alone.js';
import { quotedPhrases } from '../search/quoted-phrases.js';
import { TaskRegistry } from './task-registry.js';

type FacetOfValueSearch = 'topics' | 'regions' | 'people' | 'organizations';
type FacetValue = SearchableValue & { parents?: string[] };

export interface SearchServiceOptions {
  engine: SearchEngine;
  /** The alias readers search; index versions are `<alias>-<digest>`. */
  alias: string;
  /** Where the data files (mappings/, analyzers/, taxonomy/, relevance/) are read from, at open and on reload. */
  dataRoot: string;
  /** The engine's clause limit: queries are built within it. */
  maxQueryClauses: number;
  /** The ranking profile used when a request names none. */
  defaultProfile: string;
  logger: Logger;
  /** What the engine's provider knows beyond a request's answer: reachability, and the embedded node's process. */
  engineStatus?: EngineStatusSource;
  /** Shards and replicas of the index, instead of the mapping file's (INDEX_SHARDS, INDEX_REPLICAS). */
  indexLayout?: IndexLayout;
  /** The English–Arabic dictionary (ENGLISH_DICTIONARY: its path without extensions); unset, none. */
  englishDictionary?: string;
  /** The time zone whose days and months the date filters and facets count (TIME_ZONE); unset, UTC. */
  timeZone?: string;
}

export interface IndexLayout {
  shards?: number;
  replicas?: number;
}

export interface EngineStatusSource {
  availability(): EngineAvailability;
  process(): SupervisedStatus | undefined;
}

export interface ServiceHealth {
  status: 'ok' | 'degraded' | 'unavailable';
  engine: {
    reachable: boolean;
    kind: string;
    version: string | null;
    cluster: string | null;
    /** Nodes in the cluster, and shards assigned to none (replicas wait for a node to hold them). */
    nodes: number | null;
    unassignedShards: number | null;
    /** Why calls are refused now (the node restarts, connections fail), if they are. */
    refusedBecause: string | null;
    /** The embedded node's process, when this service supervises it. */
    process: SupervisedStatus | null;
  };
  index: {
    alias: string;
    present: boolean;
    documents: number | null;
    /** The articles a search can list: `documents` without the stored copies of other stories. */
    searchable: number | null;
    version: string | null;
    build: 'complete' | 'copying' | 'unrecorded' | null;
    tags: TagsState | null;
  };
}

/** Whether the served articles were tagged with the taxonomy in force (`unrecorded`: tagged before that was recorded). */
export type TagsState = 'current' | 'stale' | 'unrecorded';

/**
 * The index being served, and everything done to it: the engine, the alias, the data root, and
 * the index definition, taxonomy and tagger in force. The HTTP routes and every command go
 * through it; a reload or a re-tag swaps what it holds, so the next request sees the new state.
 */
export class SearchService {
  readonly engine: SearchEngine;
  readonly alias: string;
  readonly dataRoot: string;
  readonly profiles: ProfileStore;
  /** The judgment sets of `relevance/judgments/`, graded from the workbench. */
  readonly judgments: JudgmentStore;
  private readonly logger: Logger;
  private readonly maxQueryClauses: number;
  /** The IANA zone whose days the date filters keep and whose months the month facet counts (`TIME_ZONE`). */
  readonly timeZone: string;
  private readonly engineStatus: EngineStatusSource | undefined;
  private readonly layout: IndexLayout;
  private currentDefinition: VersionedIndexDefinition;
  private currentTaxonomy: Taxonomy;
  /** The countries' Arabic names by ISO code, of the taxonomy they were read from. */
  private countryNames: { taxonomy: Taxonomy; byCode: Map<string, string> } | undefined;
  private currentTagger: Promise<ArticleTagger> | undefined;
  private currentRepairer: RunOnRepairer | undefined;
  private arabizi: { repairer: RunOnRepairer; reader: ArabiziReader } | undefined;
  /** Read at the first search that asks for it: 3 MB, which a service that only ingests never holds. */
  private englishWords: { words: EnglishWords | undefined } | undefined;
  private readonly englishDictionary: string | undefined;
  private currentQueryLists: ReturnType<typeof loadQueryLists>;
  private entitySuggester: { taxonomy: Taxonomy; suggester: EntitySuggester } | undefined;
  /** Each facet's values with their names read, of the taxonomy they were read from. */
  private facetValueIndexes: { taxonomy: Taxonomy; byFacet: Map<FacetOfValueSearch, FacetValueIndex<FacetValue>> } | undefined;
  /** Derived from the definition in force; kept because every search asks for it. */
  private currentQueryShape: { definition: VersionedIndexDefinition; shape: QueryShape } | undefined;
  /** `entityArticleCounts`' last answer, and when it came. */
  private entityCounts: { counts: ReadonlyMap<string, number>; at: number } | undefined;
  /** The sources the served articles come from, as stored: refreshed when a search names another (`storedSources`). */
  private knownSources: readonly string[] = [];
  /** The months (yyyy-mm) the served articles were published in, and when they were counted; the count under way. */
  private publishedMonths: { months: ReadonlySet<string>; at: number } | undefined;
  private publishedMonthsCounting: Promise<void> | undefined;
  /** A word and the month typed after it (برونو مارس): whether the articles hold them as a phrase, and when that was asked; the questions under way. */
  private readonly monthPhrases = new Map<string, { held: boolean; at: number }>();
  private readonly monthPhraseQuestions = new Map<string, Promise<void>>();
  /** This process's writes to the alias, held back for the moment an analysis reload moves it. */
  private readonly writes = new WriteGate();
  /** The long operations run in the background: reloads, re-tags, rebuilds, ingests. */
  readonly tasks = new TaskRegistry();

  private constructor(options: SearchServiceOptions) {
    this.engine = options.engine;
    this.alias = options.alias;
    this.dataRoot = options.dataRoot;
    this.logger = options.logger;
    this.maxQueryClauses = options.maxQueryClauses;
    this.timeZone = options.timeZone ?? 'UTC';
    this.engineStatus = options.engineStatus;
    this.layout = options.indexLayout ?? {};
    this.englishDictionary = options.englishDictionary;
    this.profiles = new ProfileStore(options.dataRoot, options.defaultProfile);
    this.judgments = new JudgmentStore(join(options.dataRoot, 'relevance', 'judgments'));
    this.currentDefinition = withLayout(loadIndexDefinition(options.dataRoot), this.layout);
    this.currentTaxonomy = loadTaxonomy(options.dataRoot);
    this.currentQueryLists = loadQueryLists(options.dataRoot, this.currentDefinition);
    this.tasks.watch((task) => {
      const fields = { task: task.id, kind: task.kind, alias: task.alias, state: task.state };
      if (task.state === 'running') this.logger.info(fields, 'task started');
      else if (task.state === 'failed') this.logger.warn({ ...fields, err: task.error }, 'task failed');
      else this.logger.info({ ...fields, result: task.result }, 'task ended');
    });
  }

  /** What query understanding uses besides the profile: the question words, the run-on repairer, the listed names' words. */
  queryAids(): QueryAids {
    return {
      ...this.currentQueryLists,
      repairer: this.runOnRepairer(),
      englishWords: () => this.englishDictionaryWords(),
      arabizi: () => this.arabiziReader(),
    };
  }

  /** Built at the first Latin word no list or dictionary knows (0.2 s), over the repairer's word list. */
  private arabiziReader(): ArabiziReader {
    const repairer = this.runOnRepairer();
    if (this.arabizi?.repairer !== repairer) {
      const stopwords = new Set([...analysisShapeOf(this.currentDefinition).stopwords].map(normalizeArabicWord));
      this.arabizi = { repairer, reader: ArabiziReader.fromWords(repairer.words(), (word) => stopwords.has(normalizeArabicWord(word))) };
    }
    return this.arabizi.reader;
  }

  private englishDictionaryWords(): EnglishWords | undefined {
    if (!this.englishWords && this.englishDictionary) {
      const dictionary = this.englishDictionary;
      let words: EnglishWords | undefined;
      try {
        words = loadEnglishWords(dictionary);
        if (!words) this.logger.warn({ dictionary }, 'no English–Arabic dictionary there: English words the lists do not spell are searched as typed');
      } catch (error) {
        // Read once: a broken file would otherwise fail every English search, each trying again.
        this.logger.warn(
          { dictionary, err: error },
          'the English–Arabic dictionary cannot be read: English words the lists do not spell are searched as typed',
        );
      }
      this.englishWords = { words };
    }
    return this.englishWords?.words;
  }

  /** Reads and validates the data files; touches no engine until asked. */
  static open(options: SearchServiceOptions): SearchService {
    return new SearchService(options);
  }

  get definition(): VersionedIndexDefinition {
    return this.currentDefinition;
  }

  get taxonomy(): Taxonomy {
    return this.currentTaxonomy;
  }

  /** Makes the alias serve a version built from the definition in force (see `ensureIndex`). */
  async ensureIndex(options: Omit<EnsureIndexOptions, 'exclusive'> = {}): Promise<IndexState> {
    const state = await ensureIndex(this.engine, this.alias, this.currentDefinition, {
      ...options,
      taxonomy: this.currentTaxonomy.digest,
      exclusive: this.writes.exclusive,
    });
    await this.applyReplicas(state.index);
    return state;
  }

  /**
   * The stored spelling of each source asked for, matched without regard to case (bbc is BBC) or by
   * a name `site:` takes (Sky News Arabia, سكاي نيوز عربية, bbc.com), or the first one neither a
   * served article comes from nor the taxonomy labels (an outlet of taxonomy/sources.json with no
   * article yet finds none, as `site:` does). The sources are asked of the engine again whenever a
   * value is not among those known, so one ingested a moment ago is found.
   */
  async storedSources(asked: readonly string[]): Promise<{ sources: string[]; unknown?: string }> {
    if (asked.length === 0) return { sources: [] };
    const find = (stored: readonly string[]) => {
      const known = [...stored, ...this.currentTaxonomy.sourceLabels.keys()];
      const siteNames = this.siteNames();
      return asked.map((value) => {
        const named = known.find((source) => source === value) ?? known.find((source) => source.toLowerCase() === value.toLowerCase());
        if (named !== undefined) return [named];
        const labelled = sourcesOfSite(value, siteNames);
        return labelled.length > 0 ? labelled : undefined;
      });
    };
    let found = find(this.knownSources);
    if (found.includes(undefined)) {
      await this.refreshKnownSources();
      found = find(this.knownSources);
    }
    const unknown = asked.find((_, i) => found[i] === undefined);
    return unknown === undefined ? { sources: [...new Set(found.flatMap((sources) => sources!))] } : { sources: [], unknown };
  }

  /** The sources the served articles come from, asked of the index again. */
  private async refreshKnownSources(): Promise<void> {
    const { source } = await this.countValues({ source: 'source' }, MAX_SOURCES);
    this.knownSources = [...source!.keys()];
  }

  /** The sources a `site:` word may name: those the taxonomy labels, and those the index was last seen to hold (by their own name). */
  private siteNames(): Map<string, readonly string[]> {
    return new Map([...this.knownSources.map((source) => [source, []] as const), ...this.currentTaxonomy.sourceNames]);
  }

  /** Asks the index its sources again when one of `q`'s `site:` words names none known (a source the index took since). */
  private async learnSourcesOf(q: string | undefined): Promise<void> {
    if (q === undefined) return;
    const { sites, excludedSites } = splitSiteOperators(q);
    const names = this.siteNames();
    if ([...sites, ...excludedSites].some((site) => sourcesOfSite(site, names).length === 0)) await this.refreshKnownSources();
  }

  /**
   * What reading a month in `q` needs, learnt from the text `withDatesRead` reads (its `site:` words
   * and flags out): the months the served articles were published in, counted at most once a minute,
   * and whether the word before the month names something with it, asked once a minute per word.
   * Concurrent searches share a question under way; a failed phrase question leaves the month read.
   */
  private async learnMonthReading(request: SearchRequest): Promise<void> {
    // A next page reads the month as its cursor says its first page did: nothing to learn.
    if (request.monthRead !== undefined) return;
    // A month is read only beside a year: most searches hold no four digits, and need no reading of q.
    if (request.q === undefined || !FOUR_DIGITS.test(request.q) || request.dateFrom !== undefined || request.dateTo !== undefined) return;
    let q: string | undefined;
    try {
      q = this.withSitesAsSources(this.withFlagsNamed(request)).q;
    } catch {
      return; // refused when searched
    }
    let wordsBeforeMonth: string | undefined;
    const dates = q === undefined ? undefined : splitQueryDates(q, (words) => ((wordsBeforeMonth = words), false)).dates;
    if (!dates) return;
    if (!this.publishedMonths || Date.now() - this.publishedMonths.at >= MONTH_READING_MAX_AGE_MS) {
      this.publishedMonthsCounting ??= this.countPublishedMonths().finally(() => (this.publishedMonthsCounting = undefined));
      await this.publishedMonthsCounting;
    }
    const words = wordsBeforeMonth;
    if (words === undefined || !this.publishedMonths?.months.has(monthOf(dates)) || isListedName(words, this.queryAids())) return;
    const asked = this.monthPhrases.get(words);
    if (asked && Date.now() - asked.at < MONTH_READING_MAX_AGE_MS) return;
    let question = this.monthPhraseQuestions.get(words);
    if (!question) {
      question = this.askMonthPhrase(words).finally(() => this.monthPhraseQuestions.delete(words));
      this.monthPhraseQuestions.set(words, question);
    }
    await question;
  }

  private async countPublishedMonths(): Promise<void> {
    const result = await this.engine.search(this.alias, {
      size: 0,
      query: { bool: { must_not: [A_STORY_COPY] } },
      aggs: { months: { date_histogram: { field: 'published', calendar_interval: 'month', min_doc_count: 1, format: 'yyyy-MM', time_zone: this.timeZone } } },
    });
    const buckets = (result.aggregations.months as { buckets?: { key_as_string: string; doc_count: number }[] } | undefined)?.buckets ?? [];
    // A month of a few stray articles is not held: a search of it would answer nothing (احتجاجات إيران ديسمبر 2017).
    const enough = Math.max(...buckets.map((bucket) => bucket.doc_count), 0) * MIN_MONTH_SHARE;
    this.publishedMonths = { months: new Set(buckets.flatMap((bucket) => (bucket.doc_count >= enough ? [bucket.key_as_string] : []))), at: Date.now() };
  }

  private async askMonthPhrase(words: string): Promise<void> {
    try {
      const held = await this.heldAsPhrase(words);
      // The oldest answer makes room: a map of every query ever typed would only grow.
      if (this.monthPhrases.size >= MAX_MONTH_PHRASES) this.monthPhrases.delete(this.monthPhrases.keys().next().value!);
      this.monthPhrases.delete(words);
      this.monthPhrases.set(words, { held, at: Date.now() });
    } catch (error) {
      this.logger.warn({ err: error }, 'asking whether a month is part of a phrase failed; the month is read as dates');
    }
  }

  /**
   * Whether the articles hold a word and the month after it as one phrase, often for that word:
   * برونو مارس (Bruno Mars) in 5 of برونو's 99 ANT articles, ترامب مارس in 2 of ترامب's 3,814.
   */
  private async heldAsPhrase(words: string): Promise<boolean> {
    const phraseOf = (text: string) => ({ multi_match: { query: text, type: 'phrase', fields: ['title', 'body'] } });
    const firstWord = words.split(' ')[0]!;
    const result = await this.engine.search(this.alias, {
      size: 0,
      query: { bool: { must_not: [A_STORY_COPY] } },
      aggs: { held: { filters: { filters: { phrase: phraseOf(words), word: phraseOf(firstWord) } } } },
    });
    const counts = (result.aggregations.held as { buckets?: Record<string, { doc_count: number }> } | undefined)?.buckets ?? {};
    const [phrase, word] = [counts.phrase?.doc_count ?? 0, counts.word?.doc_count ?? 0];
    // A word the analysis drops (في، منذ) matches nothing alone: it names nothing with the month.
    return word > 0 && phrase >= MIN_PHRASE_ARTICLES && phrase >= word * MIN_PHRASE_SHARE;
  }

  /** Whether the articles of the served version were tagged with the taxonomy in force. */
  async tagsState(): Promise<{ tags: TagsState; taggedWith: string | null; taxonomy: string }> {
    const [served] = await this.engine.aliasTargets(this.alias);
    const metadata = served ? await this.engine.indexMetadata(served) : {};
    const recorded = metadata[TAGGED_WITH];
    return {
      tags: tagsStateOf(metadata, this.currentTaxonomy.digest),
      taggedWith: typeof recorded === 'string' ? recorded : null,
      taxonomy: this.currentTaxonomy.digest,
    };
  }

  /** Replicas can change on a live index: the configured count is set on the served version as it stands. */
  private async applyReplicas(index: string): Promise<void> {
    if (this.layout.replicas !== undefined) await this.engine.updateIndexSettings(index, { number_of_replicas: this.layout.replicas });
  }

  /** The tagger of the definition and taxonomy in force, made once for both. */
  tagger(): Promise<ArticleTagger> {
    this.currentTagger ??= ArticleTagger.create(this.engine, this.alias, this.currentDefinition, this.currentTaxonomy).then(
      (tagger) => {
        if (tagger.analysis.runsIn === 'engine') this.logger.warn({ reason: tagger.analysis.reason }, "tagging analyzes through the engine's _analyze: slower");
        return tagger;
      },
      (error: unknown) => {
        this.currentTagger = undefined; // an engine that failed once may answer next time
        throw error;
      },
    );
    return this.currentTagger;
  }

  /** The run-on repairer over the word list in force, read once (and again after a reload). */
  runOnRepairer(): RunOnRepairer {
    this.currentRepairer ??= loadRunOnRepairer(this.dataRoot);
    return this.currentRepairer;
  }

  /**
   * Runs the ingest pipeline into the served index. Its writes pass the write gate, so an analysis
   * reload running meanwhile carries them into the version it builds; each batch is tagged with the
   * taxonomy in force when it is sent.
   */
  async ingest(records: AsyncIterable<SourceRecord>, options: IngestOptions = {}): Promise<IngestReport> {
    const pipeline = { repairer: this.runOnRepairer(), tagger: () => this.tagger() };
    try {
      return await ingestArticles(this.engine, this.alias, pipeline, records, { ...options, aroundWrite: this.writes.write });
    } finally {
      // The counts that order suggestions and facet-value search are asked again: they now hold these articles.
      this.entityCounts = undefined;
    }
  }

  /** Builds a fresh version from the sources and moves the alias to it (see `rebuildIndex`). */
  async rebuild(records: AsyncIterable<SourceRecord>, options: IngestOptions = {}): Promise<RebuildReport> {
    return rebuildIndex(this.engine, this.alias, this.currentDefinition, this.currentTaxonomy, this.runOnRepairer(), records, options);
  }

  /**
   * Reads the analysis files again and serves a version built from them. Run it as a task (one
   * index-wide task at a time per alias): it copies the whole index.
   */
  async reloadAnalysis(options: Omit<EnsureIndexOptions, 'exclusive'> = {}): Promise<IndexState> {
    // Every file is read before the copy, so what is served after it matches the index built.
    // A restart reads the same files: the taxonomy (its people and organizations are the lists') and the profiles too.
    const definition = withLayout(loadIndexDefinition(this.dataRoot), this.layout);
    const queryLists = loadQueryLists(this.dataRoot, definition);
    const taxonomy = loadTaxonomy(this.dataRoot);
    const profiles = this.profiles.readAgain();
    const state = await ensureIndex(this.engine, this.alias, definition, {
      ...options,
      taxonomy: taxonomy.digest,
      exclusive: this.writes.exclusive,
    });
    await this.applyReplicas(state.index);
    this.currentDefinition = definition;
    this.currentTaxonomy = taxonomy;
    this.profiles.use(profiles);
    this.currentTagger = undefined;
    this.currentRepairer = undefined; // the word list is analysis data too
    this.currentQueryLists = queryLists;
    return state;
  }

  /**
   * Reads the taxonomy again and re-tags every stored article in place. The new taxonomy is in
   * force from the start, so articles ingested meanwhile are tagged with it too.
   */
  async retag(options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<RetagReport & { taxonomyVersion: string }> {
    const taxonomy = loadTaxonomy(this.dataRoot);
    const tagger = await ArticleTagger.create(this.engine, this.alias, this.currentDefinition, taxonomy);
    this.currentTaxonomy = taxonomy;
    this.currentTagger = Promise.resolve(tagger);
    const report = await retagArticles(this.engine, this.alias, tagger, options);
    if (report.failures.length === 0) {
      for (const served of await this.engine.aliasTargets(this.alias)) await this.engine.updateIndexMetadata(served, { [TAGGED_WITH]: taxonomy.digest });
    }
    return { ...report, taxonomyVersion: taxonomy.digest };
  }

  /**
   * Ranked, highlighted, faceted search under a profile (the default when none is given), on the
   * served alias unless `index` names another built from the definition in force; with
   * `spellcheck`, a search that finds little also carries a respelling of its text.
   */
  async search(
    request: SearchRequest,
    profile: SearchProfile = this.profiles.get()!,
    options: { spellcheck?: boolean; index?: string; searchRespelling?: boolean } = {},
  ): Promise<ArticleSearchResult> {
    // A name typed in Cyrillic letters is searched as English writes it (Путин: Putin).
    if (request.q && hasCyrillic(request.q)) request = { ...request, q: cyrillicInLatin(request.q) };
    // A source the taxonomy does not label is named as the index holds it (source:Echorouk).
    await this.learnSourcesOf(request.q);
    await this.learnMonthReading(request);
    const read = this.readOperators(request);
    // A next page of an answer that searched another text: that text, as its first page searched it.
    const result = request.searchedInstead
      ? searchingInstead(
          await this.searchRead({ ...read, q: request.searchedInstead }, profile, { index: options.index, layoutRead: true }),
          request.searchedInstead,
        )
      : await this.searchRead(read, profile, options);
    // A respelling is of the words: the month searched as dates goes with it, so that following it keeps the month.
    const named = read.datesInQuery?.named;
    if (!named) return result;
    // No article of the month holds every other word: the text without the month, for the reader to
    // ask, where some article of any date holds them all (مظاهرات ايران يناير 2018 finds nothing;
    // مظاهرات ايران, 4,292 articles). Its operators stay (site:), and its count is that search's.
    const withMonth = {
      ...result,
      ...(result.didYouMean ? { didYouMean: `${result.didYouMean} ${named}` } : {}),
      ...(result.searchedInstead ? { searchedInstead: `${result.searchedInstead} ${named}` } : {}),
    };
    if (articlesHoldingEveryWord(result) > 0 || request.from !== 0 || request.searchAfter || request.monthRead !== undefined) return withMonth;
    const offered = request.q!.includes(named) ? request.q!.replace(named, ' ').replace(/\s+/gu, ' ').trim() : read.q;
    const other = offered ? await this.searchRead(this.readOperators({ ...request, q: offered, monthRead: false, size: 1 }), profile, {}) : undefined;
    return other && articlesHoldingEveryWord(other) > 0 ? { ...withMonth, withoutMonth: { q: offered!, total: other.total } } : withMonth;
  }

  /** `search` of a request whose operators (flags, `site:`, a month) are read. */
  private async searchRead(
    request: SearchRequest,
    profile: SearchProfile,
    options: { spellcheck?: boolean; index?: string; searchRespelling?: boolean; layoutRead?: boolean },
  ): Promise<ArticleSearchResult> {
    const searched = (asked: SearchRequest, spellcheck: boolean) =>
      searchArticles(this.engine, options.index ?? this.alias, asked, profile, this.currentTaxonomy, this.queryShape(), {
        aids: this.queryAids(),
        spellcheck,
        onSpellingError: (error) => this.logger.warn({ err: error }, 'spelling suggestion failed; search answered without one'),
      });
    // A pasted link: the article stored under it, where the index holds one; else a search of its words.
    const links = request.q === undefined ? undefined : linkFormsOf(request.q);
    const linkedArticles = links ? await this.articlesStoredUnder(links, options.index ?? this.alias) : [];
    if (linkedArticles.length > 0) return { ...(await searched({ ...request, linkedArticles }, false)), linked: true };
    const result = await searched(request, options.spellcheck ?? false);
    const tagWords = await this.searchTagWords(request, result, profile, options, searched);
    if (tagWords) return tagWords;
    const otherLayout = await this.searchOtherLayout(request, result, profile, options, searched);
    if (otherLayout) return otherLayout;
    const mayRespell = options.searchRespelling && profile.query.relaxOnZero && !request.searchAfter;
    // A hamza restored leaves the words as they were, and a name typed by ear (محمد سلاح), which no article
    // writes so, is the name: the respelling is searched whatever the letters as typed found.
    const { listedNameSpellings: spellings, repairer, questionWords } = this.queryAids();
    const { stopwords } = this.queryShape();
    const stopword = (word: string) => isStopword(word, stopwords);
    const heardName = (q: string, offer: string) => spellings !== undefined && nameRunSlipOffer(q, spellings)?.text === offer;
    // A word no article writes, one letter heard alike from the word offered (سفقة: صفقة), is that word;
    // صدك ("really?") is a question word, no misheard صدق.
    const misheard = (word: string) => repairer !== undefined && corpusFrequency(word, repairer) === 0 && !questionWords.has(word);
    const heardWord = (q: string, offer: string) =>
      onlyHeardAlike(q, offer) && normalizedWordsOf(q).every((word) => normalizedWordsOf(offer).includes(word) || misheard(word));
    if (
      mayRespell &&
      request.q &&
      result.didYouMean &&
      (onlyRestoresHamza(request.q, result.didYouMean, stopword) || heardName(request.q, result.didYouMean) || heardWord(request.q, result.didYouMean))
    ) {
      const instead = await searched({ ...request, q: result.didYouMean }, false);
      // Hamzas restored are said whatever the words as typed found; a misspelled name the text as typed
      // already searched as the name (الحوتيين) was corrected in nothing: the answer as typed, with its offer.
      const corrected = onlyRestoresHamza(request.q, result.didYouMean, stopword) || !findsTheSame(instead, result);
      if (instead.total > 0 && corrected) return searchedInsteadOf(instead, result.didYouMean, result);
    }
    // Nothing as typed, even loosened (Raqa, Putn), or next to nothing beside what the respelling finds
    // (Mesi matched one article's MCSI; Messi, 585): a respelling into a listed name is searched, and the
    // answer says so; a next page asks for the respelling itself. Any other, or one farther off, stays an offer.
    // Next to nothing for a Latin text, or an Arabic one whose offer is a slip of a listed name (خشقجي: خاشقجي, which
    // the corpus writes 20 times as often): any other rare Arabic word one letter from a name is often a word.
    const slipOfName = (q: string) => result.didYouMean !== undefined && nameSlipOffer(q, this.queryAids()) === result.didYouMean;
    const fewAsTyped = result.total <= FEW_AS_TYPED && request.q !== undefined && (isLatinOnly(request.q) || slipOfName(request.q));
    const asked = (result.total === 0 || fewAsTyped) && mayRespell;
    const respelling = asked ? result.didYouMean : undefined;
    const listed = this.queryAids().listedNameWords ?? new Set<string>();
    if (
      !respelling ||
      !request.q ||
      !respellsOnlyToNames(request.q, respelling, listed) ||
      !nearEnoughToSearch(request.q, respelling, result.searchedAsTyped ?? (result.searchedInArabic ? [] : undefined))
    )
      return result;
    const instead = await searched({ ...request, q: respelling }, false);
    if (!respellingFindsMore(result.total, instead.total)) return result;
    return searchedInsteadOf(instead, respelling, result);
  }

  /**
   * The request with `q`'s flags read as names, its `site:` words as sources, a listed name after a
   * minus sign whole, and a name that is also a word (حماس), alone, as the name: what is searched, and
   * what its cursor continues.
   */
  readOperators(request: SearchRequest): SearchRequest {
    const heldAsPhrase = (words: string) => this.monthPhrases.get(words)?.held === true;
    const read = withDatesRead(
      this.withSitesAsSources(this.withFlagsNamed(withLatinUnmarked(withNamesLeftOutWhole(request, this.queryAids())))),
      this.publishedMonths?.months ?? NO_MONTHS,
      heldAsPhrase,
      this.queryAids(),
    );
    const nameRead = read.q === undefined ? undefined : nameAloneIn(read.q, this.currentTaxonomy);
    return nameRead ? { ...read, q: nameRead.q, nameAlone: nameRead.name } : read;
  }

  /** The digest a cursor of this search carries (`cursorSearchOf`), of the request as searched. */
  async cursorSearchOf(request: SearchRequest, profile: SearchProfile, monthRead?: boolean, searchedInstead?: string): Promise<string> {
    // Read as its search reads it: with the sources the index holds, and a month as the cursor's first page read it.
    await this.learnSourcesOf(request.q);
    const asked = monthRead === undefined ? request : { ...request, monthRead };
    await this.learnMonthReading(asked);
    let read = request;
    try {
      read = this.readOperators(asked);
    } catch {
      // A request refused when searched: its cursor is no matter.
    }
    return cursorSearchOf(searchedInstead === undefined ? read : { ...read, q: searchedInstead }, profile);
  }

  /** The request with `site:` words taken out of `q`: their sources selected (`site:bbc.com سوريا`), or left out (`-site:bbc.com`). */
  private withSitesAsSources(request: SearchRequest): SearchRequest {
    if (request.q === undefined) return request;
    const { text, sites, excludedSites } = splitSiteOperators(request.q);
    if (sites.length === 0 && excludedSites.length === 0) return request;
    if (siteWithinAlternative(request.q, isOrOperator)) throw new SiteWithinAlternativeError();
    const labels = this.siteNames();
    const sourcesOf = (site: string) => {
      const named = sourcesOfSite(site, labels);
      if (named.length === 0)
        throw new UnknownSiteError(
          site,
          [...labels.keys()].map((value) => `${value} (${this.currentTaxonomy.sourceLabels.get(value)?.en ?? value})`),
        );
      return named;
    };
    const kept = sites.flatMap(sourcesOf);
    const left = excludedSites.flatMap(sourcesOf);
    // site: keeps a source's articles, as a date range keeps its days: with sources ticked, those of both.
    const selected = request.filters.source ?? [];
    const both = kept.length === 0 ? selected : selected.length === 0 ? kept : selected.filter((source) => kept.includes(source));
    if (kept.length > 0 && both.length === 0) throw new SiteOutsideSourcesError(kept, selected);
    return {
      ...withTextLeft(request, text),
      filters: { ...request.filters, source: [...new Set(both)] },
      ...(left.length > 0 ? { excludedSources: [...new Set([...(request.excludedSources ?? []), ...left])] } : {}),
    };
  }

  /** The request with the countries' flags in `q` read as their names (🇩🇿: الجزائر), by the taxonomy in force. */
  private withFlagsNamed(request: SearchRequest): SearchRequest {
    if (request.q === undefined || !holdsFlag(request.q)) return request;
    const q = this.flagsNamed(request.q);
    // Flags alone, none a country's: searching nothing would list every article.
    if (!holdsLetterOrDigit(q)) throw new NothingToSearchError('no country has the flags given; give a letter or a digit');
    return { ...request, q };
  }

  /** The text with the countries' flags in it read as their names, by the taxonomy in force. */
  private flagsNamed(text: string): string {
    if (!holdsFlag(text)) return text;
    if (this.countryNames?.taxonomy !== this.currentTaxonomy)
      this.countryNames = { taxonomy: this.currentTaxonomy, byCode: countryNamesByCode(this.currentTaxonomy) };
    return flagsAsCountryNames(text, this.countryNames.byCode);
  }

  /**
   * A hashtag or handle pasted from a post (#WorldCup, @realDonaldTrump) where no article holds every
   * word as typed (`#WorldCup Messi` found Messi alone): searched as its words (`splitTags`) when
   * some article holds all of those, and the answer says so as it says of a respelling. An article
   * quoting the tag finds it as typed.
   */
  private async searchTagWords(
    request: SearchRequest,
    result: ArticleSearchResult,
    profile: SearchProfile,
    options: { searchRespelling?: boolean },
    searched: (asked: SearchRequest, spellcheck: boolean) => Promise<ArticleSearchResult>,
  ): Promise<ArticleSearchResult | undefined> {
    if (!request.q || request.searchAfter || articlesHoldingEveryWord(result) > 0 || !options.searchRespelling || !profile.query.runOnRepair) return undefined;
    const aids = this.queryAids();
    const english = aids.englishWords?.();
    const isEnglish = english && ((word: string) => isDictionaryWord(english, word));
    const tags = splitTags(request.q, aids.gluedNames, isEnglish);
    // No tag: Latin words typed together as a tag writes them (worldcup, royalwedding).
    const isListed = (word: string) => aids.arabicOfLatin?.has(word) ?? false;
    const words = tags !== request.q ? tags : latinRunOnsAsTags(request.q, aids.gluedNames, isEnglish, isListed);
    if (words === undefined) return undefined;
    const instead = await searched({ ...request, q: words }, false);
    if (articlesHoldingEveryWord(instead) === 0) return undefined;
    return searchedInsteadOf(instead, words, result);
  }

  /**
   * Words typed with the other keyboard layout active (lwv, hgsu,]dm: مصر السعودية; فقعةح: trump;
   * see readOnOtherLayout), searched as read there where their letters as typed find no article
   * holding every word, or where the keys could be nothing else and found only through a reading
   * of Latin letters as Arabic ones or as typed (lwv read as ألف, plhs as plus). A word read with a
   * slip in it (jvhkf: ترانب) is searched as any text is, respelled where that finds nothing; where
   * even that finds nothing, its respelling is offered. The answer says so as it says of a respelling.
   */
  private async searchOtherLayout(
    request: SearchRequest,
    result: ArticleSearchResult,
    profile: SearchProfile,
    options: { spellcheck?: boolean; index?: string; searchRespelling?: boolean; layoutRead?: boolean },
    searched: (asked: SearchRequest, spellcheck: boolean) => Promise<ArticleSearchResult>,
  ): Promise<ArticleSearchResult | undefined> {
    if (!request.q || request.searchAfter || !options.searchRespelling || options.layoutRead) return undefined;
    const words = layoutWordsOf(this.queryAids());
    const reading = words && readOnOtherLayout(request.q, words);
    if (!reading) return undefined;
    const foundAsTyped = articlesHoldingEveryWord(result);
    // Arabic letters the news never writes found only look-alikes; Latin keys, through a reading as Arabic typed in Latin letters or as unknown words.
    const foundBySounds = reading.layout === 'english' || result.searchedInArabic !== undefined || result.searchedAsTyped !== undefined;
    if (foundAsTyped > 0 && (reading.slipped || !(reading.unmistakable && foundBySounds))) return undefined;
    let instead = reading.slipped
      ? await this.searchRead({ ...request, q: reading.text }, profile, { ...options, layoutRead: true })
      : await searched({ ...request, q: reading.text }, false);
    // Latin letters read with a slip in them are a name's only when the search reads every word (khashogi: خاشقجي) or respells them into one.
    if (reading.slipped && reading.layout === 'english' && !instead.searchedInstead && instead.searchedAsTyped) return undefined;
    // A slip the search offers a respelling of (ترانب: ترامب) is searched as that.
    const respelled = reading.slipped && !instead.searchedInstead ? instead.didYouMean : undefined;
    if (respelled) {
      const asRespelled = await searched({ ...request, q: respelled }, false);
      if (articlesHoldingEveryWord(asRespelled) > 0) instead = { ...asRespelled, searchedInstead: respelled };
    }
    if (articlesHoldingEveryWord(instead) === 0) return instead.didYouMean ? { ...result, didYouMean: instead.didYouMean } : undefined;
    return { ...searchedInsteadOf(instead, instead.searchedInstead ?? reading.text, result), keyboardLayout: reading.layout };
  }

  /**
   * The articles stored under any of these links. A story copy, which searches leave out, stands for
   * its original: a reader pasting the link of an outlet's re-filed story gets the story.
   */
  private async articlesStoredUnder(links: string[], index: string): Promise<string[]> {
    const stored = await this.engine.search<Pick<StoredArticle, 'duplicate_of'>>(index, {
      size: MAX_LINKED_ARTICLES,
      track_total_hits: false,
      query: { terms: { url: links } },
      _source: ['duplicate_of'],
    });
    return [...new Set(stored.hits.map((hit) => hit.source.duplicate_of ?? hit.id))];
  }

  /** The exact body `search` sends the engine first for this request, profile and options. */
  searchBody(request: SearchRequest, profile: SearchProfile, options: { spellcheck?: boolean } = {}): SearchBody {
    return articleSearchBody(this.readOperators(request), profile, this.queryShape(), {
      aids: this.queryAids(),
      spellcheck: options.spellcheck ?? false,
      taxonomy: this.currentTaxonomy,
    });
  }

  /** Titles that complete the text, and the people, places and organizations whose names begin with it; a country's flag is its name. */
  async suggest(typed: string, size: number): Promise<{ titles: TitleSuggestion[]; entities: EntitySuggestion[] }> {
    const text = this.flagsNamed(withoutLatinMarks(typed));
    if (!holdsLetterOrDigit(text)) return { titles: [], entities: [] };
    if (this.entitySuggester?.taxonomy !== this.currentTaxonomy) {
      this.entitySuggester = { taxonomy: this.currentTaxonomy, suggester: new EntitySuggester(this.currentTaxonomy, this.queryShape().cliticPrefixes) };
    }
    const { suggester } = this.entitySuggester;
    // One Latin letter after words (trump m, lebanon g) is no word yet: unless a name begins with the whole text (kim j), the
    // titles of the words before it, not of the letter's name (جي); asked before the text's own titles, which would be the letter's.
    const wordsBefore = isLatinOnly(text) ? /^(.*\p{L}.*)\s+\p{L}$/u.exec(suggestText(text))?.[1] : undefined;
    if (wordsBefore && suggester.suggest(text, size, await this.entityArticleCounts()).length === 0) {
      return { titles: (await this.suggest(wordsBefore, size)).titles, entities: [] };
    }
    const found = await this.suggestAsTyped(text, size, suggester);
    if (found.titles.length === 0 && isLatinOnly(text)) {
      const titles = await this.titlesAsSearched(text, size);
      if (titles.length > 0) return { titles, entities: found.entities };
    }
    // A question no title asks (ايش اخر اخبار خاش): the titles of what it asks about, as the search drops its question words;
    // a number typed against a word (كأس العالم2018), apart from it, as the search reads it.
    const asked = found.titles.length === 0 ? withNumbersApart(withoutQuestionOpening(text, this.queryAids())) : text;
    if (asked !== text) {
      const answered = await this.suggestAsTyped(asked, size, suggester);
      if (answered.titles.length > 0) return { titles: answered.titles, entities: found.entities.length > 0 ? found.entities : answered.entities };
    }
    if (found.titles.length > 0 || found.entities.length > 0) return found;
    // Nothing begins with the text: typed with the other keyboard layout active (hgsu: السع), its keys read there.
    const otherKeys = keysOnOtherLayout(text);
    const onOtherLayout = otherKeys ? await this.suggestAsTyped(otherKeys, size, suggester) : undefined;
    if (onOtherLayout && (onOtherLayout.titles.length > 0 || onOtherLayout.entities.length > 0)) return onOtherLayout;
    // A word typed one slip off (ماكرن) is asked again, as near beginnings.
    if (!mayHoldSlip(text)) return found;
    const [titles, articles] = await Promise.all([
      suggestTitles(this.engine, this.alias, text, size, undefined, { slipped: true }),
      this.entityArticleCounts(),
    ]);
    return { titles, entities: suggester.suggest(text, size, articles, { slipped: true }) };
  }

  /**
   * Titles for English words no title begins with (arab spring: الربيع العربي), as the search reads
   * them, of articles holding every word. A last word the dictionary or the lists do not know is one
   * begun: searched as each of its likeliest completions (Khashoggi mur: murder), the completion
   * whose articles hold every word most often kept; never as typed, which the search reads as another
   * word (arab spr as سوبر). One word alone only whole: one begun is a name's to complete (see nameBegunInLatin).
   */
  private async titlesAsSearched(text: string, size: number): Promise<TitleSuggestion[]> {
    const words = suggestText(text).split(' ');
    const last = words.at(-1)!.toLowerCase();
    const english = this.englishDictionaryWords();
    const arabicOfLatin = this.currentQueryLists.arabicOfLatin ?? new Map<string, string>();
    // One word: a dictionary word long enough to be no name begun (football, hurricane).
    const inDictionary = english !== undefined && isDictionaryWord(english, last);
    if (words.length < 2 && !(inDictionary && last.length >= MIN_WHOLE_WORD_LETTERS)) return [];
    const searchEnding = (word: string) =>
      this.search({ q: [...words.slice(0, -1), word].join(' '), filters: {}, from: 0, size, sort: 'relevance', facetSize: 1, everyWord: true });
    // A word known as typed is meant where its articles fill the list (gold price); else it may be one begun (foreign mini: minister).
    const known = inDictionary || arabicOfLatin.has(last);
    const asTyped = known ? await searchEnding(last) : undefined;
    if (asTyped && (articlesHoldingEveryWord(asTyped) >= size || words.length < 2)) return titlesOf(asTyped);
    const repairer = this.runOnRepairer();
    const begun = latinWordsBegun(last, english, arabicOfLatin, {
      news: (arabic) => phraseFrequency(arabic, repairer),
      spoken: spokenFrequency,
      dropped: this.queryAids().questionWords,
    });
    const searched = [...(asTyped ? [asTyped] : []), ...(await Promise.all(begun.map(searchEnding)))];
    // The first ending of those whose articles hold every word most often.
    const best = searched.reduce<ArticleSearchResult | undefined>(
      (kept, result) => (!kept || articlesHoldingEveryWord(result) > articlesHoldingEveryWord(kept) ? result : kept),
      undefined,
    );
    return best ? titlesOf(best) : [];
  }

  /** `suggest` of the text as typed: titles and names that begin with it. */
  private async suggestAsTyped(text: string, size: number, suggester: EntitySuggester): Promise<{ titles: TitleSuggestion[]; entities: EntitySuggestion[] }> {
    // Only a Latin text's titles wait for the entities (Tru: Trump's titles); the rest ask at once.
    if (!isLatinOnly(text)) {
      const [titles, articles] = await Promise.all([suggestTitles(this.engine, this.alias, text, size), this.entityArticleCounts()]);
      const entities = suggester.suggest(text, size, articles);
      // A name begun in a spelling the titles do not write (كيم جونج: كيم جونغ أون): the titles of its name as listed.
      const named = titles.length === 0 ? entities.find((entity) => entity.matched !== entity.label.ar && !isLatinOnly(entity.matched)) : undefined;
      return { titles: named ? await suggestTitles(this.engine, this.alias, named.label.ar, size) : titles, entities };
    }
    const entities = suggester.suggest(text, size, await this.entityArticleCounts());
    const repairer = this.runOnRepairer();
    const nameBegun = nameBegunInLatin(text, entities, this.currentQueryLists.arabicOfLatin ?? new Map(), (arabic) => phraseFrequency(arabic, repairer));
    return { titles: await suggestTitles(this.engine, this.alias, text, size, nameBegun), entities };
  }

  /**
   * One facet's values whose names begin with the words typed, those more served articles carry
   * first (as suggestions order them); by name alone when the engine cannot count them.
   */
  async searchFacetValues(facet: FacetOfValueSearch, q: string): Promise<FacetValue[]> {
    // Flags alone are their countries, no more (🇲🇱 is Mali, not Malaysia too); among words, each is its country's name, as in a search.
    const codes = facet === 'regions' ? flagCodesAlone(q) : [];
    if (codes.length > 0) {
      const countries = this.currentTaxonomy.regions.filter((region) => region.kind === 'country' && region.iso);
      const index = this.facetValueIndex(facet);
      return codes.flatMap((code) => countries.filter((country) => country.iso === code).flatMap((country) => index.get(country.slug) ?? []));
    }
    // Without the counts (the engine down), in the taxonomy's order.
    const counts = await this.entityArticleCounts().catch((): ReadonlyMap<string, number> => new Map());
    return this.facetValueIndex(facet).search(withoutLatinMarks(this.flagsNamed(q)), (value) => counts.get(`${facet}:${value}`) ?? 0);
  }

  private facetValueIndex(facet: FacetOfValueSearch): FacetValueIndex<FacetValue> {
    const taxonomy = this.currentTaxonomy;
    if (this.facetValueIndexes?.taxonomy !== taxonomy) this.facetValueIndexes = { taxonomy, byFacet: new Map() };
    let index = this.facetValueIndexes.byFacet.get(facet);
    if (!index) {
      index = new FacetValueIndex(searchableValuesOf(taxonomy, facet, this.currentQueryLists.arabicOfLatin));
      this.facetValueIndexes.byFacet.set(facet, index);
    }
    return index;
  }

  /**
   * How many served articles carry each topic, person, place (mentioned) and organization, by
   * `facet:value`: what orders the suggestions of one prefix. Asked of the engine at most once a
   * minute; suggestions are typed a letter at a time.
   */
  private async entityArticleCounts(): Promise<ReadonlyMap<string, number>> {
    if (this.entityCounts && Date.now() - this.entityCounts.at < ENTITY_COUNTS_TTL_MS) return this.entityCounts.counts;
    const byFacet = await this.countValues(
      { topics: 'topics', people: 'people', regions: 'regions_mentioned', organizations: 'organizations' },
      MAX_ENTITY_VALUES,
    );
    const counts = new Map(Object.entries(byFacet).flatMap(([facet, values]) => [...values].map(([value, count]) => [`${facet}:${value}`, count] as const)));
    this.entityCounts = { counts, at: Date.now() };
    return counts;
  }

  /** For each name, how many served articles carry each value of its keyword field (the `size` commonest), in one request. */
  private async countValues<N extends string>(fields: Record<N, string>, size: number): Promise<Record<N, Map<string, number>>> {
    const names = Object.keys(fields) as N[];
    const aggs = Object.fromEntries(names.map((name) => [name, { terms: { field: fields[name], size } }]));
    const result = await this.engine.search(this.alias, { size: 0, query: { bool: { must_not: [A_STORY_COPY] } }, aggs });
    return Object.fromEntries(
      names.map((name) => {
        const buckets = (result.aggregations[name] as { buckets?: { key: string; doc_count: number }[] } | undefined)?.buckets ?? [];
        return [name, new Map(buckets.map((bucket) => [String(bucket.key), bucket.doc_count]))];
      }),
    ) as Record<N, Map<string, number>>;
  }

  private queryShape(): QueryShape {
    if (this.currentQueryShape?.definition !== this.currentDefinition) {
      this.currentQueryShape = { definition: this.currentDefinition, shape: queryShapeOf(this.currentDefinition, this.maxQueryClauses, this.timeZone) };
    }
    return this.currentQueryShape.shape;
  }

  /**
   * Deletes article `id` and the copies of its story stored under other ids, which searches reach
   * only through it: the ids deleted and any the engine refused; `undefined` when no article has that id.
   */
  async deleteArticle(id: string): Promise<{ deleted: string[]; failures: { id: string; reason: string }[] } | undefined> {
    if (!(await this.engine.getSources(this.alias, [id], ['id'])).has(id)) return undefined;
    const copies = await this.engine.search(this.alias, {
      size: MAX_STORY_COPIES,
      track_total_hits: false,
      _source: false,
      query: { term: { duplicate_of: id } },
    });
    const { deleted, failures } = await this.writes.write(() =>
      this.engine.deleteDocuments(this.alias, [id, ...copies.hits.map((hit) => hit.id)], { refresh: true }),
    );
    // The counts that order suggestions and facet-value search held the article, and its source may have no other.
    this.entityCounts = undefined;
    this.knownSources = [];
    // Deleted meanwhile by another request: this one deleted no such article.
    if (!deleted.includes(id) && !failures.some((failure) => failure.id === id)) return undefined;
    return { deleted, failures: failures.map(({ id: failed, reason }) => ({ id: failed, reason })) };
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    return this.engine.getDocument<StoredArticle>(this.alias, id);
  }

  /**
   * Article `id`'s title and text with the words `q` matches marked, as a search marks them (HTML-
   * escaped, `<mark>`), whole: a reader opening a hit sees where it says what was asked. Undefined
   * where nothing matches, or `q` is nothing to search; the text only where it is stored as published
   * (an article whose run-on words the index splits is shown as published, unmarked).
   */
  async markedArticle(id: string, q: string): Promise<{ title?: string; body?: string } | undefined> {
    let body: SearchBody;
    try {
      body = this.searchBody({ q, filters: {}, from: 0, size: 1, sort: 'relevance', facetSize: 1 }, this.profiles.get()!);
    } catch {
      // Refused as a search (nothing to search, an unknown site:): nothing to mark.
      return undefined;
    }
    const whole = { number_of_fragments: 0 };
    const highlight = { ...(body.highlight as Record<string, unknown>), fields: { title: whole, 'title.exact': whole, body: whole, 'body.exact': whole } };
    const found = await this.engine.search<Pick<StoredArticle, 'body_original'>>(this.alias, {
      query: { bool: { filter: [{ term: { id } }], should: [body.query] } },
      size: 1,
      track_total_hits: false,
      _source: ['body_original'],
      highlight,
    });
    const hit = found.hits[0];
    if (!hit) return undefined;
    const quoted = quotedPhrases(q).length > 0;
    const title = highlightsOf(hit.highlight.title, hit.highlight['title.exact'], quoted)?.[0];
    const text = hit.source.body_original === undefined ? highlightsOf(hit.highlight.body, hit.highlight['body.exact'], quoted)?.[0] : undefined;
    return title || text ? { ...(title ? { title } : {}), ...(text ? { body: text } : {}) } : undefined;
  }

  /**
   * The articles most like article `id` (see relatedArticlesBody), on the served alias unless `index`
   * names another; `undefined` when no article has that id.
   */
  async relatedArticles(id: string, size: number, options: { index?: string; terms?: RelatedTerms } = {}): Promise<SearchHit<StoredArticle>[] | undefined> {
    return findRelatedArticles(this.engine, options.index ?? this.alias, id, size, options.terms);
  }

  /**
   * Judged queries through the product's own search path, so an evaluation measures what readers get;
   * on the served alias unless `index` names another built from the definition in force.
   */
  async evaluate(
    queries: EvaluationQuery[],
    profile: SearchProfile,
    k: number,
    onProgress?: (done: number, total: number) => void,
    options: { index?: string; gain?: GainKind } = {},
  ): Promise<EvaluationRun> {
    const rank = productSearch(this.engine, options.index ?? this.alias, profile, this.currentTaxonomy, this.queryShape(), this.queryAids());
    return runEvaluation(queries, rank, k, onProgress, options.gain);
  }

  /**
   * A test collection's product and reference indexes, built with the definition, taxonomy and
   * run-on word list in force, or reused while none of them nor the collection's files changed.
   */
  async evaluationIndexes(collection: EvalCollection, onProgress?: (message: string) => void): Promise<EvaluationIndexes> {
    const pipeline = {
      definition: this.currentDefinition,
      taxonomy: this.currentTaxonomy,
      repairer: this.runOnRepairer(),
      pipelineInputs: [join(this.dataRoot, RUN_ON_WORDS)],
    };
    return ensureEvaluationIndexes(this.engine, collection, pipeline, onProgress);
  }

  /** Engine reachable, cluster state, the served version, its build state and document count. */
  async health(): Promise<ServiceHealth> {
    const engine: ServiceHealth['engine'] = {
      reachable: false,
      kind: this.engine.kind,
      version: null,
      cluster: null,
      nodes: null,
      unassignedShards: null,
      refusedBecause: this.engineStatus?.availability().reason ?? null,
      process: this.engineStatus?.process() ?? null,
    };
    const index: ServiceHealth['index'] = { alias: this.alias, present: false, documents: null, searchable: null, version: null, build: null, tags: null };
    try {
      const info: EngineInfo = await this.engine.info();
      const cluster = await this.engine.clusterHealth();
      Object.assign(engine, {
        reachable: true,
        version: info.version,
        cluster: cluster.status,
        nodes: cluster.nodes,
        unassignedShards: cluster.unassignedShards,
      });
      index.documents = await this.engine.count(this.alias);
      index.present = true;
      const listable = { size: 0, track_total_hits: true, query: { bool: { must_not: [A_STORY_COPY] } } };
      index.searchable = (await this.engine.search(this.alias, listable)).total;
      index.version = (await this.engine.aliasTargets(this.alias))[0] ?? null;
      const metadata = index.version ? await this.engine.indexMetadata(index.version) : {};
      index.build = (metadata.build as BuildState | undefined)?.state ?? 'unrecorded';
      index.tags = tagsStateOf(metadata, this.currentTaxonomy.digest);
    } catch (error) {
      if (!isEngineError(error)) throw error;
    }
    const serving = index.present && engine.cluster !== 'red' && index.build !== 'copying';
    return { status: !engine.reachable ? 'unavailable' : serving ? 'ok' : 'degraded', engine, index };
  }

  /**
   * Whether this instance should be sent searches: the engine reachable and the alias serving an
   * index. One light request (none while the engine is known down), for a load balancer's probe.
   */
  async readiness(): Promise<{ ready: boolean; reason: string | null }> {
    const refused = this.engineStatus?.availability().reason;
    if (refused) return { ready: false, reason: refused };
    try {
      const served = await this.engine.aliasTargets(this.alias);
      return served.length > 0 ? { ready: true, reason: null } : { ready: false, reason: `the alias ${this.alias} serves no index yet` };
    } catch (error) {
      if (!isEngineError(error)) throw error;
      return { ready: false, reason: error.message };
    }
  }
}

const ENTITY_COUNTS_TTL_MS = 60_000;
/** More values than the taxonomy has in any one facet (286 regions). */
const MAX_ENTITY_VALUES = 1_000;

/** More sources than any newsroom's feed list; the terms aggregation that lists them stops here. */
const MAX_SOURCES = 10_000;
/** More copies of one story than any outlet files (a story is re-filed a few times): all deleted with it. */
const MAX_STORY_COPIES = 10_000;
/** How long the months the index holds, and whether a word and a month are a phrase, are trusted before asked again. */
const MONTH_READING_MAX_AGE_MS = 60_000;
/** A month holds fewer articles than this share of the fullest month's: a few stray ones, no month of the index's. */
const MIN_MONTH_SHARE = 0.01;
const NO_MONTHS: ReadonlySet<string> = new Set();
const MAX_MONTH_PHRASES = 10_000;
/** A word before a month names something with it (برونو مارس) in this many articles at least, and this share of the word's. */
const MIN_PHRASE_ARTICLES = 3;
const MIN_PHRASE_SHARE = 0.02;
const FOUR_DIGITS = /[0-9٠-٩۰-۹]{4}/u;

/** A link names one article; a few more where an outlet stored one under several ids. */
const MAX_LINKED_ARTICLES = 10;

/** Whether an index version's metadata records its tags as made with `taxonomy` (a digest). */
function tagsStateOf(metadata: Record<string, unknown>, taxonomy: string): TagsState {
  const recorded = metadata[TAGGED_WITH];
  return typeof recorded !== 'string' ? 'unrecorded' : recorded === taxonomy ? 'current' : 'stale';
}

/**
 * The definition with the configured shard and replica counts. Shards cannot change on an index:
 * a count other than the file's names a new version (its digest changes). Replicas can: they are
 * set on new versions, and on the served one by `applyReplicas`, without a new version.
 */
export function withLayout(definition: VersionedIndexDefinition, layout: IndexLayout): VersionedIndexDefinition {
  const fileSettings = (definition.settings.index ?? {}) as Record<string, unknown>;
  const shardsChange = layout.shards !== undefined && layout.shards !== fileSettings.number_of_shards;
  if (!shardsChange && layout.replicas === undefined) return definition;
  const settings = {
    ...definition.settings,
    index: {
      ...fileSettings,
      ...(layout.shards !== undefined ? { number_of_shards: layout.shards } : {}),
      ...(layout.replicas !== undefined ? { number_of_replicas: layout.replicas } : {}),
    },
  };
  const digest = shardsChange ? createHash('sha256').update(`${definition.digest}:shards=${layout.shards}`).digest('hex').slice(0, 10) : definition.digest;
  const meta = (definition.mappings._meta ?? {}) as Record<string, unknown>;
  return { ...definition, settings, mappings: { ...definition.mappings, _meta: { ...meta, definition: digest } }, digest };
}

/** Whether two answers hold the same number of articles and the same page of them, in the same order. */
function findsTheSame(one: ArticleSearchResult, other: ArticleSearchResult): boolean {
  return one.total === other.total && one.hits.map((hit) => hit.id).join() === other.hits.map((hit) => hit.id).join();
}

/** The answer for a text searched in place of the one typed: it says so, and what the typed text found when it found anything. */
function searchedInsteadOf(instead: ArticleSearchResult, searchedText: string, asTyped: ArticleSearchResult): ArticleSearchResult {
  return { ...searchingInstead(instead, searchedText), ...(asTyped.total > 0 ? { totalAsTyped: asTyped.total } : {}) };
}

/** An answer that searched `searchedText` for `q`: its next page is asked with `q` as typed, and the cursor carries the text to go on searching. */
function searchingInstead(result: ArticleSearchResult, searchedText: string): ArticleSearchResult {
  const nextCursor = result.nextCursor ? cursorSearchingInstead(result.nextCursor, searchedText) : result.nextCursor;
  return { ...result, nextCursor, searchedInstead: searchedText };
}

/** A facet's values as value search matches them: a topic also by the words readers type for it, a person or an organization by its names in context too. */
function searchableValuesOf(taxonomy: Taxonomy, facet: FacetOfValueSearch, arabicOfLatin: ReadonlyMap<string, string> = new Map()): FacetValue[] {
  const value = (entry: { slug: string; labels: { ar: string; en: string } }, terms: string[]) => ({ value: entry.slug, labels: entry.labels, terms });
  if (facet === 'topics') return taxonomy.topics.map((topic) => value(topic, [...topic.terms, ...(topic.searchWords ?? [])]));
  if (facet === 'regions') {
    // A place's Latin spellings the synonym lists give (Soudan, dzair, tounes) find it as a search does.
    const latinOf = new Map<string, string[]>();
    for (const [latin, arabic] of arabicOfLatin) latinOf.set(arabic, [...(latinOf.get(arabic) ?? []), latin]);
    const listedSpellings = (region: Taxonomy['regions'][number]) => [region.labels.ar, ...region.terms].flatMap((name) => latinOf.get(name) ?? []);
    return taxonomy.regions.map((region) => ({ ...value(region, [...new Set([...region.terms, ...listedSpellings(region)])]), parents: region.parents }));
  }
  return taxonomy[facet].map((entity) => value(entity, namesOf(entity)));
}

/** The request with its Latin words' accents and transliteration signs left off, as the index folds them (Ḥizballāh, ʿAbbas). */
function withLatinUnmarked(request: SearchRequest): SearchRequest {
  return request.q !== undefined && LATIN_MARKED.test(request.q) ? { ...request, q: withoutLatinMarks(request.q) } : request;
}
/** A Latin letter with a mark, a combining mark, or an ayn or hamza sign: what `withoutLatinMarks` may change. */
const LATIN_MARKED = /[\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F\u02BB-\u02BF]/u;

/**
 * The request with a month and year `q` names searched as its dates (السودان نوفمبر 2018), where it
 * asks for no dates itself, the index holds more than stray articles of that month (else it names an
 * event: حرب أكتوبر 1973), and `q` is no question in either script (كم عدد التجار … منذ فبراير 2015؟
 * asks of that month, not for its articles). `splitQueryDates` says what else stays words.
 */
function withDatesRead(request: SearchRequest, publishedMonths: ReadonlySet<string>, heldAsPhrase: (words: string) => boolean, aids: QueryAids): SearchRequest {
  if (request.q === undefined || request.dateFrom !== undefined || request.dateTo !== undefined) return request;
  const first = request.q.trim().split(/\s+/u)[0]!.replace(EDGE_PUNCTUATION, '').toLowerCase();
  if (startsWithQuestionWord(request.q, aids.questionWords, aids.questionOpeners) || aids.questionWords.has(first)) return request;
  // A next page reads the month as its cursor's first page did, whatever the index has come to hold since.
  const { monthRead } = request;
  if (monthRead === false) return request;
  const { text, dates } = splitQueryDates(request.q, (words) => monthRead !== true && (isListedName(words, aids) || heldAsPhrase(words)));
  if (!dates) return monthRead === undefined && splitQueryDates(request.q, () => false).dates ? { ...request, monthRead: false } : request;
  if (monthRead === undefined && !publishedMonths.has(monthOf(dates))) return { ...request, monthRead: false };
  return { ...withTextLeft(request, text), dateFrom: dates.from, dateTo: dates.to, datesInQuery: dates, monthRead: true };
}

/** Whether a word and the month typed after it are a listed name (تيريزا ماي), or the month, in Arabic, a word of one (ماي). */
function isListedName(words: string, aids: QueryAids): boolean {
  if (aids.listedNameSpellings?.has(nameSpellingKey(words))) return true;
  // An Arabic month that is a listed name's word (ماي of تيريزا ماي) names her after any word: رئيسة الوزراء ماي 2018.
  // A month of two words is none (كانون الثاني, though الثاني is عبد الله الثاني's).
  const month = words.split(' ').slice(1).join(' ');
  return ARABIC_LETTER.test(month) && (aids.listedNameWords?.has(month) ?? false);
}

const ARABIC_LETTER = /\p{Script=Arabic}/u;

const monthOf = (dates: DatesInQuery) => dates.from.slice(0, 'yyyy-mm'.length);

/** The request with `q` reduced to what an operator left of it; none where nothing but punctuation is left. */
function withTextLeft(request: SearchRequest, text: string): SearchRequest {
  const { q: _typed, ...rest } = request;
  return { ...rest, ...(holdsLetterOrDigit(text) ? { q: text } : {}) };
}

/** Letters from which one English word typed alone suggests the titles of its search. */
const MIN_WHOLE_WORD_LETTERS = 5;

/** A search's articles holding every word (none where it was relaxed to any word), as suggested titles. */
function titlesOf(result: ArticleSearchResult): TitleSuggestion[] {
  return result.relaxed ? [] : result.hits.map(({ id, title, titleHighlighted }) => ({ id, title, titleHighlighted }));
}
