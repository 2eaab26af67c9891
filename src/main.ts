import { join } from 'node:path';
import { ArticleTagger } from './classify/article-tagger.js';
import { loadTaxonomy } from './classify/taxonomy.js';
import { loadConfig } from './config.js';
import { createApp } from './http/app.js';
import { createHttpServer } from './http/node-server.js';
import { loadIndexDefinition } from './index/index-definition.js';
import { ensureIndex } from './index/ensure-index.js';
import { ingestArticles } from './ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from './ingest/source-records.js';
import { createLogger } from './logger.js';
import { PROJECT_ROOT } from './project-root.js';
import { provideEngine } from './provide-engine.js';
import { ProfileStore } from './search/search-profile.js';

// Composition root: config → engine → index and seeds → HTTP API.
const config = loadConfig();
const logger = createLogger(config.logLevel);
const profiles = new ProfileStore(PROJECT_ROOT, config.searchProfile);
const definition = loadIndexDefinition(PROJECT_ROOT);

const taxonomy = loadTaxonomy(PROJECT_ROOT);

const provided = await provideEngine(config, logger);
try {
  const state = await ensureIndex(provided.engine, config.indexAlias, definition);
  logger.info(state, state.created ? 'index version created' : 'index version in place');
  if (config.ingestSeeds) {
    const tagger = await ArticleTagger.create(provided.engine, config.indexAlias, definition, taxonomy);
    if (tagger.analysis.runsIn === 'engine') logger.warn({ reason: tagger.analysis.reason }, "tagging analyzes through the engine's _analyze: slower");
    const seeds = await sourceFiles([join(PROJECT_ROOT, 'seeds')]);
    const report = await ingestArticles(provided.engine, config.indexAlias, tagger, readSourceRecords(seeds));
    logger.info(report, 'seed articles indexed');
  }
} catch (error) {
  logger.fatal({ err: error }, 'could not prepare the index');
  await provided.release();
  process.exit(1);
}

const app = createApp({ config, dataRoot: PROJECT_ROOT, engine: provided.engine, profiles, taxonomy: { current: taxonomy }, indexDefinition: { current: definition }, logger });
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
