import { join } from 'node:path';
import { createApp } from './http/app.js';
import { ApiMetrics } from './http/metrics.js';
import { createHttpServer } from './http/node-server.js';
import { readSourceRecords, sourceFiles } from './ingest/source-records.js';
import { DataFileError } from './data/data-files.js';
import { createLogger } from './logger.js';
import { loadConfigOrExit } from './load-config-or-exit.js';
import { PROJECT_ROOT } from './project-root.js';
import { provideEngine } from './provide-engine.js';
import { openConfiguredService } from './service/open-configured-service.js';

// Composition root: config → engine → service (index and seeds) → HTTP API.
const config = loadConfigOrExit();
const logger = createLogger(config.logLevel, { buffered: true });
const metrics = new ApiMetrics();
const provided = await provideEngine(config, logger, { onEngineError: metrics.engineError });
metrics.observeEngine(provided);
/** Stops a start that cannot go on, the engine released; a data file at fault is named with its line, no stack to hide it. */
async function stopStarting(error: unknown, what: string): Promise<never> {
  if (error instanceof DataFileError) logger.fatal(`${what}: ${error.message}`);
  else logger.fatal({ err: error }, what);
  await provided.release();
  process.exit(1);
}
const openService = async () => openConfiguredService(config, provided.engine, logger, { engineStatus: provided });
const service = await openService().catch((error: unknown) => stopStarting(error, 'a data file is wrong'));
try {
  const state = await service.ensureIndex();
  logger.info(state, state.created ? 'index version created' : 'index version in place');
  const tagging = await service.tagsState();
  if (tagging.tags === 'stale')
    logger.warn(tagging, 'the served articles were tagged with another taxonomy: facets follow it until POST /admin/tags/rebuild (npm run tags:rebuild)');
  if (config.ingestSeeds) {
    const report = await service.ingest(readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])));
    logger.info(report, 'seed articles indexed');
  }
} catch (error) {
  await stopStarting(error, 'could not prepare the index');
}

let draining = false;
const app = createApp({ service, limits: config, logger, metrics, lifecycle: { draining: () => draining } });
const server = createHttpServer(
  app.fetch,
  config.host,
  (status) => metrics.refusedRequests.inc({ status }),
  (error) => logger.error({ err: error }, 'request failed outside the app'),
);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}`, engine: provided.redactedUrl }, 'API serving');
});

/**
 * SIGTERM or SIGINT: readiness answers 503, no new connection is taken, the requests in flight are
 * answered (their connections then close), running tasks are cancelled (each says where it
 * stopped), and only then is the engine stopped. A second signal stops at once.
 */
async function shutDown(signal: string): Promise<void> {
  if (draining) {
    logger.warn({ signal }, 'second signal: stopping now');
    process.exit(1);
  }
  draining = true;
  logger.info({ signal }, 'shutting down: finishing the requests in flight');
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => {
    logger.warn({ afterMs: config.shutdownTimeoutMs }, 'requests still in flight at the deadline: closing their connections');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  await drained;
  clearTimeout(deadline);
  // Tasks last: a request answered during the drain may have started one.
  await service.tasks.cancelAll('the service is shutting down');
  await provided.release();
  logger.info('stopped');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutDown(signal));
