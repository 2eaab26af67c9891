import { Client as Client8, Transport as Transport8, type TransportOptions } from '@elastic/elasticsearch';
import { Client as Client9, Transport as Transport9 } from 'elasticsearch-client-9';
import { EngineError } from './engine-error.js';
import { analyzeFilterPath, engineErrorFromResponse, rankEvalBody, toAnalyzedTokens, toBulkResult, toCopyOutcome, toRankEvalScores, toSearchResult } from './engine-responses.js';
import type { EngineConnectionOptions } from './opensearch-engine.js';
import type {
  AnalyzeRequest,
  AnalyzedToken,
  BulkDocument,
  BulkResult,
  EngineInfo,
  IndexDefinition,
  RankEvalRequest,
  SearchBody,
  SearchEngine,
  SearchResult,
  TokenField,
} from './search-engine.js';

// The client's typed request shapes are wider than ours; the adapter is the one place that bridges them.
type LooseBody = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The clients' transports, retrying a failed connection at once as the OpenSearch client does:
 * their default waits 1–2 s first, which would hold every answer while the engine is down (callers
 * that should back off, such as ingest, do so themselves).
 */
class PromptRetryTransport8 extends Transport8 {
  constructor(options: TransportOptions) {
    super({ ...options, retryBackoff: () => 0 });
  }
}
class PromptRetryTransport9 extends Transport9 {
  constructor(options: ConstructorParameters<typeof Transport9>[0]) {
    super({ ...options, retryBackoff: () => 0 });
  }
}

/**
 * The client major for a server version: each client speaks its own major's REST API, and the
 * 8.x client is also accepted by 9.x servers (REST compatibility), so it serves an unknown version.
 */
export function elasticsearchClientMajor(serverVersion: string | undefined): 8 | 9 {
  const major = Number(serverVersion?.split('.')[0]);
  return Number.isFinite(major) && major >= 9 ? 9 : 8;
}

/** Documents a client-side copy moves per page, when the node has no `_reindex`. */
const COPY_PAGE_SIZE = 500;

/**
 * Elasticsearch 8.x and 9.x through `@elastic/elasticsearch` of the server's major. Unlike the
 * OpenSearch client, these return response bodies directly (no `{ body }` wrapper); that stays
 * inside this class.
 */
export class ElasticsearchEngine implements SearchEngine {
  readonly kind = 'elasticsearch' as const;
  readonly clientMajor: 8 | 9;
  // Typed as the 8.x client: the calls below are the same on both majors.
  private readonly client: Client8;
  /** Cleared once the node answers that it has no `_reindex` (a build without the reindex module). */
  private reindexAvailable = true;

  constructor(options: EngineConnectionOptions & { serverVersion?: string }) {
    this.clientMajor = elasticsearchClientMajor(options.serverVersion);
    const common = { node: options.url, requestTimeout: options.requestTimeoutMs, maxRetries: 1 };
    this.client =
      this.clientMajor === 9
        ? (new Client9({ ...common, Transport: PromptRetryTransport9 }) as unknown as Client8)
        : new Client8({ ...common, Transport: PromptRetryTransport8 });
  }

  async info(): Promise<EngineInfo> {
    try {
      const root = await this.client.info();
      return { kind: 'elasticsearch', version: String(root.version.number), clusterName: String(root.cluster_name) };
    } catch (error) {
      if (!isMissingEndpoint(error)) throw toEngineError(error);
    }
    // A node without the rest-root module (the integ-test distribution) has no `GET /`; the local
    // node's own info carries the same facts.
    const nodes = (await this.call(() =>
      this.client.nodes.info({ node_id: '_local', filter_path: ['cluster_name', 'nodes.*.version'] }),
    )) as LooseBody;
    const node = Object.values((nodes.nodes ?? {}) as Record<string, { version?: string }>)[0];
    return { kind: 'elasticsearch', version: String(node?.version ?? 'unknown'), clusterName: String(nodes.cluster_name) };
  }

  async clusterStatus(): Promise<'green' | 'yellow' | 'red'> {
    const health = await this.call(() => this.client.cluster.health());
    return String(health.status).toLowerCase() as 'green' | 'yellow' | 'red';
  }

  async indexExists(name: string): Promise<boolean> {
    return this.call(() => this.client.indices.exists({ index: name }));
  }

  async createIndex(name: string, definition: IndexDefinition): Promise<void> {
    const body = { settings: definition.settings, mappings: definition.mappings };
    await this.call(() => this.client.indices.create({ index: name, body: body as LooseBody }));
  }

  async listIndices(pattern: string): Promise<string[]> {
    const indices = await this.call(() => this.client.indices.get({ index: pattern, allow_no_indices: true, expand_wildcards: 'open' }));
    return Object.keys(indices).sort();
  }

  async deleteIndex(name: string): Promise<void> {
    await this.call(() => this.client.indices.delete({ index: name, ignore_unavailable: true }));
  }

  async aliasTargets(alias: string): Promise<string[]> {
    try {
      const aliases = await this.call(() => this.client.indices.getAlias({ name: alias }));
      return Object.keys(aliases).sort();
    } catch (error) {
      if (error instanceof EngineError && (error.kind === 'not_found' || error.kind === 'index_missing')) return [];
      throw error;
    }
  }

  async pointAlias(alias: string, index: string): Promise<void> {
    const current = await this.aliasTargets(alias);
    const actions: LooseBody[] = [{ add: { index, alias } }];
    for (const old of current.filter((name) => name !== index)) actions.push({ remove: { index: old, alias } });
    await this.call(() => this.client.indices.updateAliases({ actions }));
  }

  async bulkIndex(index: string, documents: BulkDocument[], options: { refresh?: boolean } = {}): Promise<BulkResult> {
    const operations = documents.flatMap((doc) => [{ index: { _index: index, _id: doc.id } }, doc.source]);
    return this.bulk(operations, options);
  }

  async updateDocuments(index: string, updates: BulkDocument[], options: { refresh?: boolean } = {}): Promise<BulkResult> {
    const operations = updates.flatMap((doc) => [{ update: { _index: index, _id: doc.id } }, { doc: doc.source }]);
    return this.bulk(operations, options);
  }

  private async bulk(operations: LooseBody[], options: { refresh?: boolean }): Promise<BulkResult> {
    if (operations.length === 0) return { created: 0, updated: 0, unchanged: 0, failures: [] };
    const response = await this.call(() => this.client.bulk({ operations, refresh: options.refresh ? 'wait_for' : false }));
    return toBulkResult(response.items as LooseBody[]);
  }

  async copyDocuments(sources: string[], destination: string): Promise<{ copied: number; failures: number }> {
    if (this.reindexAvailable) {
      try {
        const outcome = (await this.client.reindex({
          source: { index: sources },
          dest: { index: destination },
          refresh: true,
          wait_for_completion: true,
        })) as LooseBody;
        return toCopyOutcome(outcome);
      } catch (error) {
        if (!isMissingEndpoint(error)) throw toEngineError(error);
        this.reindexAvailable = false;
      }
    }
    return this.copyThroughClient(sources, destination);
  }

  /** The same copy as `_reindex`, page by page through this process: for nodes built without it. */
  private async copyThroughClient(sources: string[], destination: string): Promise<{ copied: number; failures: number }> {
    let copied = 0;
    let failures = 0;
    let page = (await this.call(() =>
      this.client.search({ index: sources, scroll: '1m', size: COPY_PAGE_SIZE, sort: ['_doc'], query: { match_all: {} } }),
    )) as LooseBody;
    try {
      for (;;) {
        const hits = page.hits.hits as LooseBody[];
        if (hits.length === 0) break;
        const result = await this.bulkIndex(
          destination,
          hits.map((hit) => ({ id: String(hit._id), source: hit._source as Record<string, unknown> })),
        );
        copied += result.created + result.updated + result.unchanged;
        failures += result.failures.length;
        const scrollId = String(page._scroll_id);
        page = (await this.call(() => this.client.scroll({ scroll_id: scrollId, scroll: '1m' }))) as LooseBody;
      }
    } finally {
      const scrollId = page._scroll_id;
      if (scrollId) await this.client.clearScroll({ scroll_id: String(scrollId) }).catch(() => {});
    }
    await this.refresh(destination);
    return { copied, failures };
  }

  async getDocument<T>(index: string, id: string): Promise<T | undefined> {
    try {
      const doc = await this.call(() => this.client.get({ index, id }));
      return doc.found ? (doc._source as T) : undefined;
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }

  async getSources<T>(index: string, ids: string[], fields: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (ids.length === 0) return found;
    const response = await this.call(() => this.client.mget({ index, ids, _source_includes: fields }));
    for (const doc of response.docs as LooseBody[]) if (doc.found) found.set(String(doc._id), doc._source as T);
    return found;
  }

  async search<T>(index: string, body: SearchBody): Promise<SearchResult<T>> {
    // `body` keeps the query exactly as our builders made it (no split into body and URL parameters).
    const response = (await this.call(() => this.client.search({ index, body: body as LooseBody }))) as LooseBody;
    return toSearchResult<T>(response as LooseBody);
  }

  async rankEval(index: string, requests: RankEvalRequest[], metric: Record<string, unknown>): Promise<Map<string, { score: number; ranked: string[] }>> {
    // Ratings name the concrete index the hits come from, not the alias.
    const concrete = (await this.aliasTargets(index))[0] ?? index;
    const body = rankEvalBody(concrete, requests, metric);
    const response = (await this.call(() => this.client.rankEval({ index, body: body as never }))) as LooseBody;
    return toRankEvalScores(response as LooseBody);
  }

  async count(index: string): Promise<number> {
    const response = await this.call(() => this.client.count({ index }));
    return Number(response.count);
  }

  async analyze<F extends TokenField = TokenField>(index: string, request: AnalyzeRequest, fields?: readonly F[]): Promise<Pick<AnalyzedToken, F>[]> {
    const filter = fields ? { filter_path: analyzeFilterPath(fields) } : {};
    const response = await this.call(() => this.client.indices.analyze({ index, body: request as LooseBody, ...filter }));
    return toAnalyzedTokens(response as LooseBody, fields);
  }

  async refresh(index: string): Promise<void> {
    await this.call(() => this.client.indices.refresh({ index }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Runs a client call, turning the client's errors into the engine-neutral kinds. */
  private async call<R>(request: () => Promise<R>): Promise<R> {
    try {
      return await request();
    } catch (error) {
      throw toEngineError(error);
    }
  }
}

/** The node has no handler for the endpoint at all (a module it was built without), as opposed to refusing the request. */
function isMissingEndpoint(error: unknown): boolean {
  if (!isClientError(error, 'ResponseError')) return false;
  const body = error.meta.body as LooseBody | undefined;
  const message = typeof body?.error === 'string' ? body.error : '';
  return error.meta.statusCode === 405 || (error.meta.statusCode === 400 && message.startsWith('no handler found'));
}

/** The two client majors have their own error classes with the same names. */
type ClientErrorName = 'ResponseError' | 'TimeoutError' | 'ConnectionError' | 'NoLivingConnectionsError' | 'ProductNotSupportedError';

function isClientError(error: unknown, name: ClientErrorName): error is Error & { meta: { statusCode?: number; body?: unknown } } {
  return error instanceof Error && error.name === name;
}

function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (isClientError(error, 'TimeoutError')) return new EngineError('timeout', 'the search engine did not answer in time');
  if (isClientError(error, 'ConnectionError') || isClientError(error, 'NoLivingConnectionsError')) {
    return new EngineError('unavailable', 'the search engine cannot be reached');
  }
  if (isClientError(error, 'ProductNotSupportedError')) {
    return new EngineError('rejected', 'the service answering is not Elasticsearch (no x-elastic-product header)');
  }
  if (isClientError(error, 'ResponseError')) return engineErrorFromResponse(error.meta.statusCode ?? 0, error.meta.body, error.message);
  return new EngineError('unavailable', error instanceof Error ? error.message : String(error));
}
