import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { PROJECT_ROOT } from '../project-root.js';
import type { SearchEngine } from '../engine/search-engine.js';
import { SearchService, type SearchServiceOptions } from './search-service.js';

/** The service as configured, over `engine`: the API's and every command's one way to open it. */
export function openConfiguredService(
  config: Config,
  engine: SearchEngine,
  logger: Logger,
  options: Pick<SearchServiceOptions, 'engineStatus'> & { alias?: string } = {},
): SearchService {
  return SearchService.open({
    engine,
    alias: options.alias ?? config.indexAlias,
    dataRoot: PROJECT_ROOT,
    maxQueryClauses: config.maxQueryClauses,
    defaultProfile: config.searchProfile,
    englishDictionary: config.englishDictionary,
    timeZone: config.timeZone,
    logger,
    ...(options.engineStatus ? { engineStatus: options.engineStatus } : {}),
    indexLayout: {
      ...(config.indexShards ? { shards: config.indexShards } : {}),
      ...(config.indexReplicas !== undefined ? { replicas: config.indexReplicas } : {}),
    },
  });
}
