import { join } from 'node:path';
import type { Logger } from 'pino';
import { ArticleTagger } from '../classify/article-tagger.js';
import { retagArticles, type RetagReport } from '../classify/retag-articles.js';
import { loadTaxonomy, type Taxonomy } from '../classify/taxonomy.js';
import { isEngineError } from '../engine/engine-error.js';
import type { EngineInfo, SearchBody, SearchEngine } from '../engine/search-engine.js';
import { ensureIndex, type BuildProgress, type BuildState, type IndexState } from '../index/ensure-index.js';
import { loadIndexDefinition, type VersionedIndexDefinition } from '../index/index-definition.js';
import { rebuildIndex, type RebuildReport } from '../index/rebuild-index.js';
import type { StoredArticle } from '../index/stored-article.js';
import { ingestArticles, type IngestOptions, type IngestReport } from '../ingest/ingest-articles.js';
import { loadRunOnRepairer, type RunOnRepairer } from '../ingest/run-on-repair.js';
import type { SourceRecord } from '../ingest/source-records.js';
import { productSearch } from '../relevance/judged-search.js';
import { JudgmentStore } from '../relevance/judgment-store.js';
import type { GainKind } from '../relevance/rank-metrics.js';
import { runEvaluation, type EvaluationQuery, type EvaluationRun } from '../relevance/run-evaluation.js';
import { buildSearchBody, queryShapeOf, type QueryShape, type SearchRequest } from '../search/build-search-body.js';
import { searchArticles, type ArticleSearchResult } from '../search/search-articles.js';
import { ProfileStore, type SearchProfile } from '../search/search-profile.js';
import { EntitySuggester, type EntitySuggestion } from '../search/suggest-entities.js';
import { suggestTitles, type TitleSuggestion } from '../search/suggest.js';
import { loadQuestionWords, type QueryAids } from '../search/understand-query.js';

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
}

/** A second analysis reload while one runs. */
export class ReloadInProgressError extends Error {
  constructor() {
    super('An analysis reload is already running; wait for it to finish.');
    this.name = 'ReloadInProgressError';
  }
}

export interface ServiceHealth {
  status: 'ok' | 'degraded' | 'unavailable';
  engine: { reachable: boolean; kind: string; version: string | null; cluster: string | null };
  index: { alias: string; present: boolean; documents: number | null; version: string | null; build: 'complete' | 'copying' | 'unrecorded' | null };
}

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
  private currentDefinition: VersionedIndexDefinition;
  private currentTaxonomy: Taxonomy;
  private currentTagger: Promise<ArticleTagger> | undefined;
  private currentRepairer: RunOnRepairer | undefined;
  private currentQuestionWords: Set<string>;
  private reloading = false;
  private entitySuggester: { taxonomy: Taxonomy; suggester: EntitySuggester } | undefined;

  private constructor(options: SearchServiceOptions) {
    this.engine = options.engine;
    this.alias = options.alias;
    this.dataRoot = options.dataRoot;
    this.logger = options.logger;
    this.maxQueryClauses = options.maxQueryClauses;
    this.profiles = new ProfileStore(options.dataRoot, options.defaultProfile);
    this.judgments = new JudgmentStore(join(options.dataRoot, 'relevance', 'judgments'));
    this.currentDefinition = loadIndexDefinition(options.dataRoot);
    this.currentTaxonomy = loadTaxonomy(options.dataRoot);
    this.currentQuestionWords = loadQuestionWords(options.dataRoot);
  }

  /** What query understanding uses besides the profile: the question words and the run-on repairer. */
  queryAids(): QueryAids {
    return { questionWords: this.currentQuestionWords, repairer: this.runOnRepairer() };
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
  async ensureIndex(onProgress?: (progress: BuildProgress) => void): Promise<IndexState> {
    return ensureIndex(this.engine, this.alias, this.currentDefinition, onProgress);
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

  /** Runs the ingest pipeline into the served index. */
  async ingest(records: AsyncIterable<SourceRecord>, options: IngestOptions = {}): Promise<IngestReport> {
    return ingestArticles(this.engine, this.alias, { repairer: this.runOnRepairer(), tagger: await this.tagger() }, records, options);
  }

  /** Builds a fresh version from the sources and moves the alias to it (see `rebuildIndex`). */
  async rebuild(records: AsyncIterable<SourceRecord>, options: IngestOptions = {}): Promise<RebuildReport> {
    return rebuildIndex(this.engine, this.alias, this.currentDefinition, this.currentTaxonomy, this.runOnRepairer(), records, options);
  }

  /** Reads the analysis files again and serves a version built from them; one reload at a time. */
  async reloadAnalysis(onProgress?: (progress: BuildProgress) => void): Promise<IndexState> {
    if (this.reloading) throw new ReloadInProgressError();
    this.reloading = true;
    try {
      const definition = loadIndexDefinition(this.dataRoot);
      const state = await ensureIndex(this.engine, this.alias, definition, onProgress);
      this.currentDefinition = definition;
      this.currentTagger = undefined;
      this.currentRepairer = undefined; // the word list is analysis data too
      this.currentQuestionWords = loadQuestionWords(this.dataRoot);
      return state;
    } finally {
      this.reloading = false;
    }
  }

  /** Reads the taxonomy again and re-tags every stored article in place. */
  async retag(): Promise<RetagReport & { taxonomyVersion: string }> {
    const taxonomy = loadTaxonomy(this.dataRoot);
    const tagger = await ArticleTagger.create(this.engine, this.alias, this.currentDefinition, taxonomy);
    const report = await retagArticles(this.engine, this.alias, tagger);
    this.currentTaxonomy = taxonomy;
    this.currentTagger = Promise.resolve(tagger);
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
    options: { spellcheck?: boolean; index?: string } = {},
  ): Promise<ArticleSearchResult> {
    return searchArticles(this.engine, options.index ?? this.alias, request, profile, this.currentTaxonomy, this.queryShape(), {
      aids: this.queryAids(),
      spellcheck: options.spellcheck ?? false,
      onSpellingError: (error) => this.logger.warn({ err: error }, 'spelling suggestion failed; search answered without one'),
    });
  }

  /** The exact body `search` sends the engine for this request and profile. */
  searchBody(request: SearchRequest, profile: SearchProfile): SearchBody {
    return buildSearchBody(request, profile, this.queryShape());
  }

  /** Titles that complete the text, and the people, places and organizations whose names begin with it. */
  async suggest(text: string, size: number): Promise<{ titles: TitleSuggestion[]; entities: EntitySuggestion[] }> {
    if (this.entitySuggester?.taxonomy !== this.currentTaxonomy) {
      this.entitySuggester = { taxonomy: this.currentTaxonomy, suggester: new EntitySuggester(this.currentTaxonomy) };
    }
    return { titles: await suggestTitles(this.engine, this.alias, text, size), entities: this.entitySuggester.suggester.suggest(text, size) };
  }

  private queryShape(): QueryShape {
    return queryShapeOf(this.currentDefinition, this.maxQueryClauses);
  }

  async getArticle(id: string): Promise<StoredArticle | undefined> {
    return this.engine.getDocument<StoredArticle>(this.alias, id);
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

  /** Engine reachable, cluster state, the served version, its build state and document count. */
  async health(): Promise<ServiceHealth> {
    const engine: ServiceHealth['engine'] = { reachable: false, kind: this.engine.kind, version: null, cluster: null };
    const index: ServiceHealth['index'] = { alias: this.alias, present: false, documents: null, version: null, build: null };
    try {
      const info: EngineInfo = await this.engine.info();
      Object.assign(engine, { reachable: true, version: info.version, cluster: await this.engine.clusterStatus() });
      index.documents = await this.engine.count(this.alias);
      index.present = true;
      index.version = (await this.engine.aliasTargets(this.alias))[0] ?? null;
      const build = index.version ? ((await this.engine.indexMetadata(index.version)).build as BuildState | undefined) : undefined;
      index.build = build?.state ?? 'unrecorded';
    } catch (error) {
      if (!isEngineError(error)) throw error;
    }
    const serving = index.present && engine.cluster !== 'red' && index.build !== 'copying';
    return { status: !engine.reachable ? 'unavailable' : serving ? 'ok' : 'degraded', engine, index };
  }
}
