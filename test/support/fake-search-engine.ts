import { EngineError, type EngineErrorKind } from '../../src/engine/engine-error.js';
import type { SearchEngine, SearchResult } from '../../src/engine/search-engine.js';

/**
 * A stand-in engine for HTTP unit tests of validation and error shapes: it holds no documents,
 * finds nothing, and fails every call with `failWith` when set. Search behaviour is tested on the
 * real engine, never on this.
 */
export class FakeSearchEngine implements SearchEngine {
  readonly kind = 'opensearch' as const;
  /** Every call fails with this kind while set, as a dead or overloaded engine would. */
  failWith: EngineErrorKind | undefined;
  /** The engine's HTTP status on those failures (a refusal's 401, 403 or 429). */
  failStatus: number | undefined;
  /** What the fake was asked, by method name: a test can check a request never reached it. */
  readonly calls: string[] = [];

  private async answer<T>(method: string, value: T): Promise<T> {
    this.calls.push(method);
    if (this.failWith) throw new EngineError(this.failWith, `fake engine: ${this.failWith}`, 'opensearch', this.failStatus);
    return value;
  }

  info = () => this.answer('info', { kind: this.kind, version: '2.19.4', clusterName: 'fake' });
  clusterHealth = () => this.answer('clusterHealth', { status: 'green' as const, nodes: 1, activeShards: 1, unassignedShards: 0 });
  updateIndexSettings = () => this.answer('updateIndexSettings', undefined);
  indexExists = () => this.answer('indexExists', true);
  createIndex = () => this.answer('createIndex', undefined);
  listIndices = () => this.answer('listIndices', [] as string[]);
  deleteIndex = () => this.answer('deleteIndex', undefined);
  aliasTargets = () => this.answer('aliasTargets', ['articles-fake']);
  pointAlias = () => this.answer('pointAlias', undefined);
  bulkIndex = () => this.answer('bulkIndex', { created: 0, updated: 0, unchanged: 0, failures: [] });
  copyDocuments = () => this.answer('copyDocuments', { copied: 0, failures: 0 });
  indexMetadata = () => this.answer('indexMetadata', { build: { state: 'complete' } } as Record<string, unknown>);
  updateIndexMetadata = () => this.answer('updateIndexMetadata', undefined);
  deleteDocuments = () => this.answer('deleteDocuments', { deleted: [] as string[], failures: [] });
  updateDocuments = () => this.answer('updateDocuments', { created: 0, updated: 0, unchanged: 0, failures: [] });
  getDocument = <T>() => this.answer('getDocument', undefined as T | undefined);
  getSources = <T>() => this.answer('getSources', new Map<string, T>());
  search = <T>() => this.answer('search', { total: 0, tookMs: 1, hits: [], aggregations: {} } as SearchResult<T>);
  count = () => this.answer('count', 0);
  rankEval = () => this.answer('rankEval', new Map<string, { score: number; ranked: string[] }>());
  analyze = () => this.answer('analyze', []);
  fieldTerms = () => this.answer('fieldTerms', { documentCount: 0, documents: new Map() });
  refresh = () => this.answer('refresh', undefined);
  flush = () => this.answer('flush', undefined);
  close = async () => {};
}
