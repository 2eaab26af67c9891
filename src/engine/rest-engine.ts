import { OperationCancelledError, throwIfCancelled } from '../concurrency/cancellation.js';
import { EngineError, isEngineError } from './engine-error.js';
import {
  analyzeFilterPath,
  copyTaskInto,
  engineErrorFromResponse,
  rankEvalBody,
  toAnalyzedTokens,
  toBulkResult,
  toDeleteResult,
  toCopyOutcome,
  toFieldTerms,
  toRankEvalScores,
  toSearchResult,
  type LooseBody,
} from './engine-responses.js';
import type {
  AnalyzeRequest,
  AnalyzedToken,
  BulkDocument,
  BulkResult,
  ClusterHealth,
  CopyOutcome,
  EngineInfo,
  EngineKind,
  FieldTerms,
  IndexDefinition,
  RankEvalRequest,
  SearchBody,
  SearchEngine,
  SearchResult,
  TokenField,
} from './search-engine.js';

export interface EngineConnectionOptions {
  /** One node's URL, or several of one cluster, comma-separated: a request that cannot connect tries the next. */
  url: string;
  requestTimeoutMs: number;
  /** An API key, sent as `Authorization: ApiKey …` (Elasticsearch; OpenSearch behind a gateway that takes one). */
  apiKey?: string;
  /** A CA certificate (PEM) the engine's TLS certificate is checked against. */
  caCertificate?: string;
}

/** The nodes of a connection URL: `https://a:9200,https://b:9200`. */
export function engineNodes(url: string): string[] {
  return url
    .split(',')
    .map((node) => node.trim())
    .filter(Boolean);
}

/** One HTTP request to the engine, as both families' transports take it. */
export interface RestRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  querystring?: Record<string, string | number | boolean>;
  body?: unknown;
  /** NDJSON lines, for `_bulk`. */
  bulkBody?: unknown[];
}

/** How often a followed engine task is asked for its state. */
const TASK_POLL_MS = 500;
/**
 * Polls of a running copy the engine refuses in a row (429: short of memory, its circuit breaker
 * tripped) before the copy is given up: the copy goes on in the engine meanwhile, and the API had
 * stopped starting at the first refusal.
 */
const MAX_REFUSED_POLLS = 60;

/**
 * The SearchEngine protocol, written once: both families speak the same REST API (one ancestor),
 * so each adapter only supplies its client's transport (`send`) and what its nodes lack.
 * Every request has the connection's timeout and is never retried once it timed out (the engine
 * may still be doing the work); a request that is safe to repeat is sent once more when the
 * connection failed before an answer.
 */
export abstract class RestEngine implements SearchEngine {
  abstract readonly kind: EngineKind;

  /** Sends one request through the client's transport: the answer's body, or the client's error. */
  protected abstract send(request: RestRequest): Promise<unknown>;
  abstract close(): Promise<void>;

  /** Sends a request, its failure as an engine-neutral kind. */
  protected async request<T = LooseBody>(request: RestRequest, options: { repeatable?: boolean } = {}): Promise<T> {
    try {
      return (await this.send(request)) as T;
    } catch (first) {
      const error = toEngineError(first);
      // A kept-alive socket the engine closed fails before any answer: once more, on a fresh one.
      if (options.repeatable === false || !isEngineError(error, 'unavailable') || error.statusCode !== undefined) throw error;
      try {
        return (await this.send(request)) as T;
      } catch (second) {
        throw toEngineError(second);
      }
    }
  }

  async info(): Promise<EngineInfo> {
    const root = await this.request({ method: 'GET', path: '/' });
    return { kind: this.kind, version: String(root.version.number), clusterName: String(root.cluster_name) };
  }

  async clusterHealth(): Promise<ClusterHealth> {
    const health = await this.request({ method: 'GET', path: '/_cluster/health' });
    return {
      status: String(health.status).toLowerCase() as ClusterHealth['status'],
      nodes: Number(health.number_of_nodes),
      activeShards: Number(health.active_shards),
      unassignedShards: Number(health.unassigned_shards),
    };
  }

  async updateIndexSettings(index: string, settings: Record<string, unknown>): Promise<void> {
    await this.request({ method: 'PUT', path: `/${indexPath(index)}/_settings`, body: { index: settings } });
  }

  async indexExists(name: string): Promise<boolean> {
    return (await this.request<boolean>({ method: 'HEAD', path: `/${indexPath(name)}` })) === true;
  }

  async createIndex(name: string, definition: IndexDefinition): Promise<void> {
    await this.request(
      { method: 'PUT', path: `/${indexPath(name)}`, body: { settings: definition.settings, mappings: definition.mappings } },
      { repeatable: false },
    );
  }

  async listIndices(pattern: string): Promise<string[]> {
    const indices = await this.request({
      method: 'GET',
      path: `/${indexPath(pattern)}`,
      querystring: { allow_no_indices: true, expand_wildcards: 'open', filter_path: '*.settings.index.uuid' },
    });
    return Object.keys(indices ?? {}).sort();
  }

  async deleteIndex(name: string): Promise<void> {
    await this.request({ method: 'DELETE', path: `/${indexPath(name)}`, querystring: { ignore_unavailable: true } });
  }

  async aliasTargets(alias: string): Promise<string[]> {
    try {
      return Object.keys(await this.request({ method: 'GET', path: `/_alias/${encodeURIComponent(alias)}` })).sort();
    } catch (error) {
      if (isEngineError(error, 'not_found') || isEngineError(error, 'index_missing')) return [];
      throw error;
    }
  }

  async pointAlias(alias: string, index: string): Promise<void> {
    const current = await this.aliasTargets(alias);
    const actions: LooseBody[] = [{ add: { index, alias } }];
    for (const old of current.filter((name) => name !== index)) actions.push({ remove: { index: old, alias } });
    await this.request({ method: 'POST', path: '/_aliases', body: { actions } });
  }

  async bulkIndex(index: string, documents: BulkDocument[], options: { refresh?: boolean } = {}): Promise<BulkResult> {
    return this.bulk(
      documents.flatMap((doc) => [{ index: { _index: index, _id: doc.id } }, doc.source]),
      options,
    );
  }

  async updateDocuments(index: string, updates: BulkDocument[], options: { refresh?: boolean } = {}): Promise<BulkResult> {
    return this.bulk(
      updates.flatMap((doc) => [{ update: { _index: index, _id: doc.id } }, { doc: doc.source }]),
      options,
    );
  }

  async deleteDocuments(index: string, ids: string[], options: { refresh?: boolean } = {}): Promise<{ deleted: string[]; failures: BulkResult['failures'] }> {
    if (ids.length === 0) return { deleted: [], failures: [] };
    const response = await this.request({
      method: 'POST',
      path: '/_bulk',
      querystring: { refresh: options.refresh ? 'wait_for' : 'false' },
      bulkBody: ids.map((id) => ({ delete: { _index: index, _id: id } })),
    });
    return toDeleteResult(response.items as LooseBody[]);
  }

  private async bulk(operations: LooseBody[], options: { refresh?: boolean }): Promise<BulkResult> {
    if (operations.length === 0) return { created: 0, updated: 0, unchanged: 0, failures: [] };
    const response = await this.request({
      method: 'POST',
      path: '/_bulk',
      querystring: { refresh: options.refresh ? 'wait_for' : 'false' },
      bulkBody: operations,
    });
    return toBulkResult(response.items as LooseBody[]);
  }

  /**
   * Copies as an engine task followed to its end, so no request timeout bounds the copy; a copy
   * already running into `destination` (started by a request that timed out, or by a process that
   * died) is followed instead of starting a second one.
   */
  async copyDocuments(sources: string[], destination: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<CopyOutcome> {
    throwIfCancelled(signal);
    const tasks = await this.request({ method: 'GET', path: '/_tasks', querystring: { actions: '*reindex', detailed: true } });
    const taskId = copyTaskInto(tasks, destination) ?? (await this.startCopyTask(sources, destination));
    if (taskId === undefined) return this.copyThroughClient(sources, destination, signal);
    let refusedPolls = 0;
    for (;;) {
      if (signal?.aborted) {
        // Waited for: a copy still writing into a version about to be deleted would create it again, unmapped.
        await this.request({ method: 'POST', path: `/_tasks/${encodeURIComponent(taskId)}/_cancel`, querystring: { wait_for_completion: true } }).catch(
          () => {},
        );
        throw new OperationCancelledError(`copying into ${destination} cancelled`);
      }
      let task: LooseBody;
      try {
        task = await this.request({ method: 'GET', path: `/_tasks/${encodeURIComponent(taskId)}` });
        refusedPolls = 0;
      } catch (error) {
        if (!isEngineError(error, 'unavailable') || error.statusCode !== 429 || ++refusedPolls > MAX_REFUSED_POLLS) throw error;
        await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
        continue;
      }
      if (task.completed) {
        if (task.error)
          throw new EngineError('rejected', `copying into ${destination} failed: ${String(task.error.reason ?? task.error.type)}`, String(task.error.type));
        return toCopyOutcome(task.response as LooseBody);
      }
      const status = (task.task?.status ?? {}) as LooseBody;
      onProgress?.(Number(status.created ?? 0) + Number(status.updated ?? 0), Number(status.total ?? 0));
      await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
    }
  }

  /** Starts `_reindex` as a task; undefined where the node has no `_reindex` (then the copy runs through this process). */
  protected async startCopyTask(sources: string[], destination: string): Promise<string | undefined> {
    const started = await this.request(
      {
        method: 'POST',
        path: '/_reindex',
        querystring: { wait_for_completion: false, refresh: true },
        body: { source: { index: sources }, dest: { index: destination } },
      },
      { repeatable: false },
    );
    return String(started.task);
  }

  /** The same copy as `_reindex`, page by page through this process: for nodes built without it. */
  protected async copyThroughClient(sources: string[], destination: string, signal?: AbortSignal): Promise<CopyOutcome> {
    const pageSize = 500;
    let copied = 0;
    let failures = 0;
    let page = await this.request({
      method: 'POST',
      path: `/${indexPath(sources.join(','))}/_search`,
      querystring: { scroll: '1m' },
      body: { size: pageSize, sort: ['_doc'], query: { match_all: {} } },
    });
    try {
      for (;;) {
        const hits = page.hits.hits as LooseBody[];
        if (hits.length === 0) break;
        throwIfCancelled(signal);
        const result = await this.bulkIndex(
          destination,
          hits.map((hit) => ({ id: String(hit._id), source: hit._source as Record<string, unknown> })),
        );
        copied += result.created + result.updated + result.unchanged;
        failures += result.failures.length;
        page = await this.request({ method: 'POST', path: '/_search/scroll', body: { scroll: '1m', scroll_id: String(page._scroll_id) } });
      }
    } finally {
      if (page._scroll_id) await this.request({ method: 'DELETE', path: '/_search/scroll', body: { scroll_id: String(page._scroll_id) } }).catch(() => {});
    }
    await this.refresh(destination);
    return { copied, failures };
  }

  async getDocument<T>(index: string, id: string): Promise<T | undefined> {
    try {
      const doc = await this.request({ method: 'GET', path: `/${indexPath(index)}/_doc/${encodeURIComponent(id)}` });
      return doc.found ? (doc._source as T) : undefined;
    } catch (error) {
      if (isEngineError(error, 'not_found')) return undefined;
      throw error;
    }
  }

  async getSources<T>(index: string, ids: string[], fields: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (ids.length === 0) return found;
    const response = await this.request({
      method: 'POST',
      path: `/${indexPath(index)}/_mget`,
      querystring: { _source_includes: fields.join(',') },
      body: { ids },
    });
    for (const doc of response.docs as LooseBody[]) if (doc.found) found.set(String(doc._id), doc._source as T);
    return found;
  }

  async search<T>(index: string, body: SearchBody): Promise<SearchResult<T>> {
    return toSearchResult<T>(await this.request({ method: 'POST', path: `/${indexPath(index)}/_search`, body }));
  }

  async rankEval(index: string, requests: RankEvalRequest[], metric: Record<string, unknown>): Promise<Map<string, { score: number; ranked: string[] }>> {
    // Ratings name the concrete index the hits come from, not the alias.
    const concrete = (await this.aliasTargets(index))[0] ?? index;
    return toRankEvalScores(await this.request({ method: 'POST', path: `/${indexPath(index)}/_rank_eval`, body: rankEvalBody(concrete, requests, metric) }));
  }

  async count(index: string): Promise<number> {
    return Number((await this.request({ method: 'GET', path: `/${indexPath(index)}/_count` })).count);
  }

  async analyze<F extends TokenField = TokenField>(index: string, request: AnalyzeRequest, fields?: readonly F[]): Promise<Pick<AnalyzedToken, F>[]> {
    const response = await this.request({
      method: 'POST',
      path: `/${indexPath(index)}/_analyze`,
      ...(fields ? { querystring: { filter_path: analyzeFilterPath(fields) } } : {}),
      body: request,
    });
    return toAnalyzedTokens(response, fields);
  }

  async fieldTerms(index: string, ids: string[], field: string): Promise<FieldTerms> {
    if (ids.length === 0) return { documentCount: 0, documents: new Map() };
    const response = await this.request({
      method: 'POST',
      path: `/${indexPath(index)}/_mtermvectors`,
      body: {
        ids,
        parameters: { fields: [field], term_statistics: true, field_statistics: true, positions: false, offsets: false, payloads: false },
      },
    });
    return toFieldTerms(response, field);
  }

  async indexMetadata(index: string): Promise<Record<string, unknown>> {
    const mappings = await this.request({ method: 'GET', path: `/${indexPath(index)}/_mapping` });
    const [only] = Object.values(mappings as Record<string, { mappings?: { _meta?: Record<string, unknown> } }>);
    return only?.mappings?._meta ?? {};
  }

  async updateIndexMetadata(index: string, changes: Record<string, unknown>): Promise<void> {
    // The engine replaces `_meta` whole: merge into what is there.
    const metadata = { ...(await this.indexMetadata(index)), ...changes };
    await this.request({ method: 'PUT', path: `/${indexPath(index)}/_mapping`, body: { _meta: metadata } });
  }

  async refresh(index: string): Promise<void> {
    await this.request({ method: 'POST', path: `/${indexPath(index)}/_refresh` });
  }

  async flush(index: string): Promise<void> {
    await this.request({ method: 'POST', path: `/${indexPath(index)}/_flush` });
  }
}

/** An index name, a pattern or a comma-separated list of them, as a path segment. */
function indexPath(names: string): string {
  return names.split(',').map(encodeURIComponent).join(',');
}

/** The two families' clients share their error classes' names (and the ES majors each have their own classes). */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const name = error instanceof Error ? error.name : '';
  // The client's own words kept (ECONNREFUSED, a certificate refused, a name not found): what an operator needs.
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  if (name === 'TimeoutError') return new EngineError('timeout', `the search engine did not answer in time${detail}`);
  if (name === 'ConnectionError' || name === 'NoLivingConnectionsError') return new EngineError('unavailable', `the search engine cannot be reached${detail}`);
  if (name === 'ProductNotSupportedError') return new EngineError('rejected', 'the service answering is not Elasticsearch (no x-elastic-product header)');
  if (name === 'ResponseError') {
    const meta = (error as Error & { meta: { statusCode?: number; body?: unknown } }).meta;
    return engineErrorFromResponse(meta.statusCode ?? 0, meta.body, (error as Error).message);
  }
  return new EngineError('unavailable', error instanceof Error ? error.message : String(error));
}
