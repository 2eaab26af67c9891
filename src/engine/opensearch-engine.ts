import { Client } from '@opensearch-project/opensearch';
import { engineNodes, RestEngine, type EngineConnectionOptions, type RestRequest } from './rest-engine.js';

/** OpenSearch 2.x/3.x through the transport of `@opensearch-project/opensearch`. */
export class OpenSearchEngine extends RestEngine {
  readonly kind = 'opensearch' as const;
  private readonly client: Client;

  constructor(options: EngineConnectionOptions) {
    super();
    // No client-side retries: a timed-out request may still run in the engine (RestEngine decides what is repeated).
    this.client = new Client({
      nodes: engineNodes(options.url),
      requestTimeout: options.requestTimeoutMs,
      maxRetries: 0,
      ...(options.apiKey ? { headers: { authorization: `ApiKey ${options.apiKey}` } } : {}),
      ...(options.caCertificate ? { ssl: { ca: options.caCertificate } } : {}),
    });
  }

  protected async send(request: RestRequest): Promise<unknown> {
    const { body } = await this.client.transport.request(request as Parameters<Client['transport']['request']>[0]);
    return body;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
