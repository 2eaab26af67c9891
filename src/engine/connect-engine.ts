import { EngineError } from './engine-error.js';
import { OpenSearchEngine, type EngineConnectionOptions } from './opensearch-engine.js';
import type { EngineKind, SearchEngine } from './search-engine.js';

/**
 * The only place that names the engine families: asks the root endpoint which one answers
 * (unless `kind` is given) and returns the matching adapter.
 */
export async function connectEngine(options: EngineConnectionOptions & { kind?: EngineKind }): Promise<SearchEngine> {
  const kind = options.kind ?? (await detectEngineKind(options.url, options.requestTimeoutMs));
  if (kind === 'opensearch') return new OpenSearchEngine(options);
  throw new EngineError('rejected', 'Elasticsearch is detected at SEARCH_URL, but its adapter is not available yet');
}

/** OpenSearch names itself in `version.distribution`; Elasticsearch does not. */
export async function detectEngineKind(url: string, timeoutMs: number): Promise<EngineKind> {
  let root: { version?: { distribution?: string; number?: string }; tagline?: string };
  try {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    // fetch refuses URLs that carry credentials: send them as a header instead.
    if (target.username) {
      headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
      target.username = '';
      target.password = '';
    }
    const response = await fetch(target, { headers, signal: AbortSignal.timeout(timeoutMs) });
    root = (await response.json()) as typeof root;
  } catch (error) {
    throw new EngineError('unavailable', `no search engine answers at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  if (root.version?.distribution === 'opensearch') return 'opensearch';
  if (root.version?.number && root.tagline?.includes('You Know, for Search')) return 'elasticsearch';
  throw new EngineError('rejected', `the service at ${redactUrl(url)} is not an Elasticsearch-family engine`);
}

/** Credentials in a URL never reach a log or an error body. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}
