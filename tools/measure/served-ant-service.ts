import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { connectEngine } from '../../src/engine/connect-engine.js';
import type { SearchEngine } from '../../src/engine/search-engine.js';
import { openConfiguredService } from '../../src/service/open-configured-service.js';
import type { SearchService } from '../../src/service/search-service.js';

/**
 * The search service over the served index SEARCH_URL and INDEX_ALIAS name, which must hold the ANT
 * corpus (as after `npm run ingest`); without SEARCH_URL the process ends, saying so.
 */
export async function openServedAntService(): Promise<{ service: SearchService; engine: SearchEngine; alias: string }> {
  const config = loadConfig();
  if (!process.env.SEARCH_URL) {
    process.stderr.write('give SEARCH_URL (and INDEX_ALIAS): an engine whose index holds the ANT corpus\n');
    process.exit(2);
  }
  const engine = await connectEngine({ url: config.searchUrl!, requestTimeoutMs: config.engineRequestTimeoutMs });
  const service = openConfiguredService(config, engine, pino({ level: 'warn' }));
  return { service, engine, alias: config.indexAlias };
}
