import { Client, errors } from '@opensearch-project/opensearch';
import { EngineError } from './engine-error.js';
import { analyzeFilterPath, engineErrorFromResponse, rankEvalBody, toAnalyzedTokens, toBulkResult, toCopyOutcome, toRankEvalScores, toSearchResult } from './engine-responses.js';
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

export interface EngineConnectionOptions {
  url: string;
  requestTimeoutMs: number;
}

// The client's typed request shapes are wider than ours; the adapter is the one place that bridges them.
type LooseBody = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** OpenSearch 2.x/3.x through `@opensearch-project/opensearch`. */
export class OpenSearchEngine implements SearchEngine {
  readonly kind = 'opensearch' as const;
  private readonly client: Client;

  constructor(options: EngineConnectionOptions) {
    this.client = new Client({
      node: options.url,
      requestTimeout: options.requestTimeoutMs,
      maxRetries: 1,
    });
  }

  async info(): Promise<EngineInfo> {
    const { body } = await this.call(() => this.client.info());
    return { kind: 'opensearch', version: String(body.version.number), clusterName: String(body.cluster_name) };
  }

  async clusterStatus(): Promise<'green' | 'yellow' | 'red'> {
    const { body } = await this.call(() => this.client.cluster.health());
    return body.status as 'green' | 'yellow' | 'red';
  }

  async indexExists(name: string): Promise<boolean> {
    const { body } = await this.call(() => this.client.indices.exists({ index: name }));
    return body === true;
  }

  async createIndex(name: string, definition: IndexDefinition): Promise<void> {
    const body = { settings: definition.settings, mappings: definition.mappings };
    await this.call(() => this.client.indices.create({ index: name, body: body as LooseBody }));
  }

  async listIndices(pattern: string): Promise<string[]> {
    const { body } = await this.call(() => this.client.indices.get({ index: pattern, allow_no_indices: true, expand_wildcards: 'open' }));
    return Object.keys(body).sort();
  }

  async deleteIndex(name: string): Promise<void> {
    await this.call(() => this.client.indices.delete({ index: name, ignore_unavailable: true }));
  }

  async aliasTargets(alias: string): Promise<string[]> {
    try {
      const { body } = await this.call(() => this.client.indices.getAlias({ name: alias }));
      return Object.keys(body).sort();
    } catch (error) {
      if (error instanceof EngineError && (error.kind === 'not_found' || error.kind === 'index_missing')) return [];
      throw error;
    }
  }

  async pointAlias(alias: string, index: string): Promise<void> {
    const current = await this.aliasTargets(alias);
    const actions: LooseBody[] = [{ add: { index, alias } }];
    for (const old of current.filter((name) => name !== index)) actions.push({ remove: { index: old, alias } });
    await this.call(() => this.client.indices.updateAliases({ body: { actions } as LooseBody }));
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
    const { body } = await this.call(() => this.client.bulk({ body: operations, refresh: options.refresh ? 'wait_for' : false }));
    return toBulkResult(body.items as LooseBody[]);
  }

  async copyDocuments(sources: string[], destination: string): Promise<{ copied: number; failures: number }> {
    const { body } = await this.call(() =>
      this.client.reindex({
        body: { source: { index: sources }, dest: { index: destination } },
        refresh: true,
        wait_for_completion: true,
      }),
    );
    return toCopyOutcome(body as LooseBody);
  }

  async getDocument<T>(index: string, id: string): Promise<T | undefined> {
    try {
      const { body } = await this.call(() => this.client.get({ index, id }));
      return body.found ? (body._source as T) : undefined;
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }

  async getSources<T>(index: string, ids: string[], fields: string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    if (ids.length === 0) return found;
    const { body } = await this.call(() => this.client.mget({ index, body: { ids }, _source_includes: fields }));
    for (const doc of body.docs as LooseBody[]) if (doc.found) found.set(String(doc._id), doc._source as T);
    return found;
  }

  async search<T>(index: string, body: SearchBody): Promise<SearchResult<T>> {
    const { body: response } = await this.call(() => this.client.search({ index, body: body as LooseBody }));
    return toSearchResult<T>(response as LooseBody);
  }

  async rankEval(index: string, requests: RankEvalRequest[], metric: Record<string, unknown>): Promise<Map<string, { score: number; ranked: string[] }>> {
    // Ratings name the concrete index the hits come from, not the alias.
    const concrete = (await this.aliasTargets(index))[0] ?? index;
    const body = rankEvalBody(concrete, requests, metric);
    const { body: response } = await this.call(() => this.client.rankEval({ index, body: body as never }));
    return toRankEvalScores(response as LooseBody);
  }

  async count(index: string): Promise<number> {
    const { body } = await this.call(() => this.client.count({ index }));
    return Number(body.count);
  }

  async analyze<F extends TokenField = TokenField>(index: string, request: AnalyzeRequest, fields?: readonly F[]): Promise<Pick<AnalyzedToken, F>[]> {
    const filter = fields ? { filter_path: analyzeFilterPath(fields) } : {};
    const { body } = await this.call(() => this.client.indices.analyze({ index, body: request as LooseBody, ...filter }));
    return toAnalyzedTokens(body as LooseBody, fields);
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

function toEngineError(error: unknown): EngineError {
  if (error instanceof errors.TimeoutError) return new EngineError('timeout', 'the search engine did not answer in time');
  if (error instanceof errors.ConnectionError || error instanceof errors.NoLivingConnectionsError) {
    return new EngineError('unavailable', 'the search engine cannot be reached');
  }
  if (error instanceof errors.ResponseError) return engineErrorFromResponse(error.meta.statusCode ?? 0, error.meta.body, error.message);
  return new EngineError('unavailable', error instanceof Error ? error.message : String(error));
}
