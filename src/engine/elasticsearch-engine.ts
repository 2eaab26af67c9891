import { Client as Client8 } from '@elastic/elasticsearch';
import { Client as Client9 } from 'elasticsearch-client-9';
import { EngineError } from './engine-error.js';
import { engineNodes, RestEngine, toEngineError, type EngineConnectionOptions, type RestRequest } from './rest-engine.js';
import type { EngineInfo } from './search-engine.js';

/**
 * The client major for a server version: each client speaks its own major's REST API, and the
 * 8.x client is also accepted by 9.x servers (REST compatibility), so it serves an unknown version.
 */
export function elasticsearchClientMajor(serverVersion: string | undefined): 8 | 9 {
  const major = Number(serverVersion?.split('.')[0]);
  return Number.isFinite(major) && major >= 9 ? 9 : 8;
}

/**
 * Elasticsearch 8.x and 9.x through the transport of `@elastic/elasticsearch` of the server's major
 * (its compatibility headers included). A node built without the root endpoint or `_reindex` (the
 * integ-test distribution) is served through other means.
 */
export class ElasticsearchEngine extends RestEngine {
  readonly kind = 'elasticsearch' as const;
  readonly clientMajor: 8 | 9;
  // Typed as the 8.x client: the transport is the same on both majors.
  private readonly client: Client8;
  /** Cleared once the node answers that it has no `_reindex` (a build without the reindex module). */
  private reindexAvailable = true;

  constructor(options: EngineConnectionOptions & { serverVersion?: string }) {
    super();
    this.clientMajor = elasticsearchClientMajor(options.serverVersion);
    // No client-side retries: a timed-out request may still run in the engine (RestEngine decides what is repeated).
    const common = {
      nodes: engineNodes(options.url),
      requestTimeout: options.requestTimeoutMs,
      maxRetries: 0,
      ...(options.apiKey ? { auth: { apiKey: options.apiKey } } : {}),
      ...(options.caCertificate ? { tls: { ca: options.caCertificate } } : {}),
    };
    this.client = this.clientMajor === 9 ? (new Client9(common) as unknown as Client8) : new Client8(common);
  }

  protected async send(request: RestRequest): Promise<unknown> {
    return this.client.transport.request(request as Parameters<Client8['transport']['request']>[0]);
  }

  override async info(): Promise<EngineInfo> {
    try {
      return await super.info();
    } catch (error) {
      if (!isMissingEndpoint(error)) throw error;
    }
    // A node without the rest-root module (the integ-test distribution) has no `GET /`; the local
    // node's own info carries the same facts.
    const nodes = await this.request({ method: 'GET', path: '/_nodes/_local', querystring: { filter_path: 'cluster_name,nodes.*.version' } });
    const node = Object.values((nodes.nodes ?? {}) as Record<string, { version?: string }>)[0];
    return { kind: 'elasticsearch', version: String(node?.version ?? 'unknown'), clusterName: String(nodes.cluster_name) };
  }

  protected override async startCopyTask(sources: string[], destination: string): Promise<string | undefined> {
    if (!this.reindexAvailable) return undefined;
    try {
      return await super.startCopyTask(sources, destination);
    } catch (error) {
      if (!isMissingEndpoint(error)) throw error;
      this.reindexAvailable = false;
      return undefined;
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}

/** The node has no handler for the endpoint at all (a module it was built without), as opposed to refusing the request. */
function isMissingEndpoint(error: unknown): boolean {
  const engineError = error instanceof EngineError ? error : toEngineError(error);
  const message = engineError.message;
  return engineError.statusCode === 405 || (engineError.statusCode === 400 && message.startsWith('no handler found'));
}
