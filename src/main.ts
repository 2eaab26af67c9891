import { join } from 'node:path';
import { loadConfig } from './config.js';
import { createApp } from './http/app.js';
import { createHttpServer } from './http/node-server.js';
import { readSourceRecords, sourceFiles } from './ingest/source-records.js';
import { createLogger } from './logger.js';
import { PROJECT_ROOT } from './project-root.js';
import { provideEngine } from './provide-engine.js';
import { SearchService } from './service/search-service.js';

// Composition root: config → engine → service (index and seeds) → HTTP API.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const provided = await provideEngine(config, logger);
const service = SearchService.open({
  engine: provided.engine,
  alias: config.indexAlias,
  dataRoot: PROJECT_ROOT,
  maxQueryClauses: config.maxQueryClauses,
  defaultProfile: config.searchProfile,
  logger,
  engineStatus: provided,
});
try {
  const state = await service.ensureIndex();
  logger.info(state, state.created ? 'index version created' : 'index version in place');
  if (config.ingestSeeds) {
    const report = await service.ingest(readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])));
    logger.info(report, 'seed articles indexed');
  }
} catch (error) {
  logger.fatal({ err: error }, 'could not prepare the index');
  await provided.release();
  process.exit(1);
}

const app = createApp({ service, limits: config, logger });
const server = createHttpServer(app.fetch, config.host);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}`, engine: provided.redactedUrl }, 'API serving');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    server.close();
    void provided.release().finally(() => process.exit(0));
  });
}
