/**
 * The one narrow door to the search engine. Everything outside `src/engine/` speaks these
 * engine-neutral types; each engine family has one adapter class behind this interface.
 */

export type EngineKind = 'opensearch' | 'elasticsearch';

export interface EngineInfo {
  kind: EngineKind;
  version: string;
  clusterName: string;
}

export interface ClusterHealth {
  status: 'green' | 'yellow' | 'red';
  nodes: number;
  activeShards: number;
  unassignedShards: number;
}

/** Index settings and mappings, as the data files in `mappings/` and `analyzers/` produce them. */
export interface IndexDefinition {
  settings: Record<string, unknown>;
  mappings: Record<string, unknown>;
}

/** A query body in the Elasticsearch-family DSL, built only by our own pure query builders. */
export type SearchBody = Record<string, unknown>;

export interface BulkDocument {
  id: string;
  /** The document (or, for an update, the fields to set), sent as JSON. */
  source: object;
}

export interface BulkResult {
  created: number;
  updated: number;
  unchanged: number;
  failures: { id: string; type: string; reason: string }[];
}

export interface CopyOutcome {
  copied: number;
  failures: number;
}

export interface SearchHit<T> {
  id: string;
  score: number | null;
  source: T;
  highlight: Record<string, string[]>;
  explanation?: unknown;
  /** The hit's sort values, for `search_after`. */
  sort?: unknown[];
}

export interface SearchResult<T> {
  total: number;
  tookMs: number;
  hits: SearchHit<T>[];
  aggregations: Record<string, unknown>;
  /** The suggesters' answers, by the names the body gave them. */
  suggest?: Record<string, unknown>;
}

export interface AnalyzedToken {
  token: string;
  start: number;
  end: number;
  position: number;
  type: string;
}

export type TokenField = keyof AnalyzedToken;

/** One text, or several analyzed as the values of one field (offsets and positions continue across them). */
export type AnalyzeRequest = { text: string | string[] } & ({ analyzer: string } | { field: string });

/** One query of a `_rank_eval` request: its body and graded ratings. */
export interface RankEvalRequest {
  id: string;
  body: SearchBody;
  ratings: { id: string; rating: number }[];
}

/** Terms of one field of some documents, as the field's index analyzer makes them. */
export interface FieldTerms {
  /** Documents of the index holding the field: what a term's document frequency is read against. */
  documentCount: number;
  /** Per document found: each term's frequency in it and how many documents of the index hold it. */
  documents: Map<string, Map<string, { frequency: number; documentFrequency: number }>>;
}

export interface SearchEngine {
  readonly kind: EngineKind;
  info(): Promise<EngineInfo>;
  /** The cluster's state: colour, nodes, and shards not assigned to any node. */
  clusterHealth(): Promise<ClusterHealth>;
  /** Sets dynamic settings of an index (its replicas). */
  updateIndexSettings(index: string, settings: Record<string, unknown>): Promise<void>;
  indexExists(name: string): Promise<boolean>;
  createIndex(name: string, definition: IndexDefinition): Promise<void>;
  /** Names of the indices matching a wildcard pattern such as `articles-*`. */
  listIndices(pattern: string): Promise<string[]>;
  /** Deletes an index; a missing one is not an error. */
  deleteIndex(name: string): Promise<void>;
  /** The concrete indices an alias points at (empty when the alias does not exist). */
  aliasTargets(alias: string): Promise<string[]>;
  /** Points the alias at `index` and away from every other index, in one atomic step. */
  pointAlias(alias: string, index: string): Promise<void>;
  /** Indexes documents by id; per-document failures are reported, not thrown. */
  bulkIndex(index: string, documents: BulkDocument[], options?: { refresh?: boolean }): Promise<BulkResult>;
  /**
   * Copies every document of `sources` into `destination` (server-side where the node can), waiting
   * for the end however long it takes; a copy into `destination` already running is followed, never doubled.
   * Aborting `signal` cancels the copy in the engine and rejects with an OperationCancelledError.
   */
  copyDocuments(sources: string[], destination: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<CopyOutcome>;
  /** The index's own metadata (its mapping's `_meta`). */
  indexMetadata(index: string): Promise<Record<string, unknown>>;
  /** Sets keys of the index's metadata, keeping the others. */
  updateIndexMetadata(index: string, changes: Record<string, unknown>): Promise<void>;
  /** Deletes documents by id: the ids deleted (one not there is none); per-document failures are reported. */
  deleteDocuments(index: string, ids: string[], options?: { refresh?: boolean }): Promise<{ deleted: string[]; failures: BulkResult['failures'] }>;
  /** Sets fields on existing documents (partial update); per-document failures are reported. */
  updateDocuments(index: string, updates: BulkDocument[], options?: { refresh?: boolean }): Promise<BulkResult>;
  getDocument<T>(index: string, id: string): Promise<T | undefined>;
  /** The given source fields of the documents that exist among `ids`. */
  getSources<T>(index: string, ids: string[], fields: string[]): Promise<Map<string, T>>;
  search<T>(index: string, body: SearchBody): Promise<SearchResult<T>>;
  count(index: string): Promise<number>;
  /** The engine's own ranking evaluation: per query id, the metric's score and the ids it ranked. */
  rankEval(index: string, requests: RankEvalRequest[], metric: Record<string, unknown>): Promise<Map<string, { score: number; ranked: string[] }>>;
  /** Given `fields`, the engine sends only those token fields: a smaller answer when many texts are analyzed. */
  analyze<F extends TokenField = TokenField>(index: string, request: AnalyzeRequest, fields?: readonly F[]): Promise<Pick<AnalyzedToken, F>[]>;
  /** The terms of `field` in the documents among `ids` that exist (term vectors, computed from the source when not stored). */
  fieldTerms(index: string, ids: string[], field: string): Promise<FieldTerms>;
  refresh(index: string): Promise<void>;
  /**
   * Commits what the engine holds only in its translog to the index's segments. After a large write,
   * a node killed and started again comes back in seconds instead of replaying every operation
   * (the ANT corpus just ingested: searchable 87 s after a kill -9, 15 s once flushed).
   */
  flush(index: string): Promise<void>;
  close(): Promise<void>;
}
