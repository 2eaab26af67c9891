import { EngineError } from './engine-error.js';
import { engineNodes, type EngineConnectionOptions } from './rest-engine.js';
import type { EngineKind, SearchEngine } from './search-engine.js';

/**
 * The only place that names the engine families: asks the root endpoint which one answers and
 * its version (unless `kind` is given, e.g. from config) and returns the matching adapter. Each
 * adapter is loaded only when its family answers: the Elasticsearch clients alone add about
 * 30 MB to a process's memory.
 */
export async function connectEngine(options: EngineConnectionOptions & { kind?: EngineKind }): Promise<SearchEngine> {
  const detected = options.kind ? { kind: options.kind } : await detectEngine(options.url, options.requestTimeoutMs, options.apiKey);
  const { kind: _kind, ...connection } = options;
  if (detected.kind === 'opensearch') {
    const { OpenSearchEngine } = await import('./opensearch-engine.js');
    return new OpenSearchEngine(connection);
  }
  const { ElasticsearchEngine } = await import('./elasticsearch-engine.js');
  return new ElasticsearchEngine({ ...connection, ...(detected.version ? { serverVersion: detected.version } : {}) });
}

export interface DetectedEngine {
  kind: EngineKind;
  /** From the root endpoint; unknown on a node without one. */
  version?: string;
}

/**
 * OpenSearch names itself in `version.distribution`; Elasticsearch does not, but marks every
 * response with `X-Elastic-Product: Elasticsearch`, which also identifies a node without the
 * root endpoint (the integ-test distribution answers `GET /` with 405).
 */
export async function detectEngine(url: string, timeoutMs: number, apiKey?: string): Promise<DetectedEngine> {
  let root: { version?: { distribution?: string; number?: string }; tagline?: string };
  let product: string | null;
  try {
    const response = await fetchEngine(engineNodes(url)[0]!, '', {
      signal: AbortSignal.timeout(timeoutMs),
      ...(apiKey ? { headers: { authorization: `ApiKey ${apiKey}` } } : {}),
    });
    product = response.headers.get('x-elastic-product');
    root = ((await response.json().catch(() => ({}))) ?? {}) as typeof root;
  } catch (error) {
    // Node's fetch says "fetch failed" and keeps the reason (ECONNREFUSED, a certificate refused) as its cause.
    const cause = (error as Error & { cause?: unknown }).cause;
    const reason = cause instanceof Error ? `${(error as Error).message}: ${cause.message}` : (error as Error).message;
    throw new EngineError('unavailable', `no search engine answers at ${redactUrl(url)}: ${reason}`);
  }
  const version = root.version?.number ? { version: String(root.version.number) } : {};
  if (root.version?.distribution === 'opensearch') return { kind: 'opensearch', ...version };
  if (root.version?.number && root.tagline?.includes('You Know, for Search')) return { kind: 'elasticsearch', ...version };
  if (product === 'Elasticsearch') return { kind: 'elasticsearch', ...version };
  throw new EngineError('rejected', `the service at ${redactUrl(url)} is not an Elasticsearch-family engine`);
}

/**
 * A plain HTTP request to an engine, for the few calls made before an adapter exists. fetch
 * refuses URLs that carry credentials: they go as a Basic authorization header instead.
 */
export async function fetchEngine(url: string, path: string, init: RequestInit = {}): Promise<Response> {
  const target = new URL(path, url.endsWith('/') ? url : `${url}/`);
  const headers = new Headers(init.headers);
  if (target.username) {
    headers.set('authorization', `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`);
    target.username = '';
    target.password = '';
  }
  return fetch(target, { ...init, headers });
}

/** Credentials in a URL (or in each of a comma-separated list) never reach a log or an error body. */
export function redactUrl(url: string): string {
  return engineNodes(url)
    .map((node) => {
      try {
        const parsed = new URL(node);
        if (parsed.password) parsed.password = '***';
        return parsed.toString();
      } catch {
        return '(invalid url)';
      }
    })
    .join(',');
}
