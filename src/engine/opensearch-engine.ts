import { Client, errors } from '@opensearch-project/opensearch';
import { EngineError } from './engine-error.js';
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
    const result: BulkResult = { created: 0, updated: 0, unchanged: 0, failures: [] };
    if (operations.length === 0) return result;
    const { body } = await this.call(() => this.client.bulk({ body: operations, refresh: options.refresh ? 'wait_for' : false }));
    for (const item of body.items as LooseBody[]) {
      const outcome = (item.index ?? item.update) as LooseBody;
      if (outcome.error) {
        result.failures.push({ id: String(outcome._id), type: String(outcome.error.type), reason: String(outcome.error.reason) });
      } else if (outcome.result === 'created') result.created++;
      else if (outcome.result === 'noop') result.unchanged++;
      else result.updated++;
    }
    return result;
  }

  async copyDocuments(sources: string[], destination: string): Promise<{ copied: number; failures: number }> {
    const { body } = await this.call(() =>
      this.client.reindex({
        body: { source: { index: sources }, dest: { index: destination } },
        refresh: true,
        wait_for_completion: true,
      }),
    );
    const outcome = body as LooseBody;
    return { copied: Number(outcome.created ?? 0) + Number(outcome.updated ?? 0), failures: (outcome.failures ?? []).length };
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
    const total = response.hits.total;
    return {
      total: typeof total === 'number' ? total : Number(total?.value ?? 0),
      tookMs: Number(response.took),
      hits: (response.hits.hits as LooseBody[]).map((hit) => ({
        id: String(hit._id),
        score: typeof hit._score === 'number' ? hit._score : null,
        source: hit._source as T,
        highlight: (hit.highlight ?? {}) as Record<string, string[]>,
        ...(hit._explanation ? { explanation: hit._explanation } : {}),
      })),
      aggregations: (response.aggregations ?? {}) as Record<string, unknown>,
    };
  }

  async rankEval(index: string, requests: RankEvalRequest[], metric: Record<string, unknown>): Promise<Map<string, { score: number; ranked: string[] }>> {
    // Ratings name the concrete index the hits come from, not the alias.
    const concrete = (await this.aliasTargets(index))[0] ?? index;
    const body = {
      requests: requests.map((r) => ({ id: r.id, request: r.body, ratings: r.ratings.map((x) => ({ _index: concrete, _id: x.id, rating: x.rating })) })),
      metric,
    };
    const { body: response } = await this.call(() => this.client.rankEval({ index, body: body as never }));
    const details = (response as LooseBody).details as Record<string, { metric_score: number; hits: { hit: { _id: string } }[] }>;
    return new Map(
      Object.entries(details).map(([id, detail]) => [id, { score: Number(detail.metric_score), ranked: detail.hits.map((h) => String(h.hit._id)) }]),
    );
  }

  async count(index: string): Promise<number> {
    const { body } = await this.call(() => this.client.count({ index }));
    return Number(body.count);
  }

  async analyze(index: string, request: AnalyzeRequest): Promise<AnalyzedToken[]> {
    const { body } = await this.call(() => this.client.indices.analyze({ index, body: request as LooseBody }));
    return ((body.tokens ?? []) as LooseBody[]).map((t) => ({
      token: String(t.token),
      start: Number(t.start_offset),
      end: Number(t.end_offset),
      position: Number(t.position),
      type: String(t.type),
    }));
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
  if (error instanceof errors.ResponseError) {
    const status = error.meta.statusCode ?? 0;
    const body = error.meta.body as LooseBody | undefined;
    const cause = body?.error?.root_cause?.[0] ?? body?.error;
    const type = typeof cause?.type === 'string' ? cause.type : undefined;
    const reason = typeof cause?.reason === 'string' ? cause.reason : error.message;
    if (type === 'index_not_found_exception') return new EngineError('index_missing', reason, type, status);
    if (status === 404) return new EngineError('not_found', reason, type, status);
    if (status === 503 || status === 502) return new EngineError('unavailable', reason, type, status);
    if (status === 408 || status === 504) return new EngineError('timeout', reason, type, status);
    return new EngineError('rejected', reason, type, status);
  }
  return new EngineError('unavailable', error instanceof Error ? error.message : String(error));
}
