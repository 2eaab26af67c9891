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
import { isEngineError } from './engine/engine-error.js';
import { answerWhileStarting } from './http/starting-answers.js';
import { openConfiguredService } from './service/open-configured-service.js';

// Composition root: config → HTTP server (answering "starting") → engine → service (index and seeds) → the API.
const config = loadConfigOrExit();
const logger = createLogger(config.logLevel, { buffered: true });
const metrics = new ApiMetrics();
const startedAt = Date.now();
/** Waits between attempts to prepare the index while the engine does not answer. */
const PREPARE_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];
let startingStep = config.searchUrl ? 'waiting for the search engine' : 'starting the embedded search engine';
let answer: (request: Request) => Response | Promise<Response> = answerWhileStarting(() => startingStep, startedAt);
/** Stops the engine when this process started it; nothing until it is provided. */
let releaseEngine = async (): Promise<void> => {};
let draining = false;
let serving = false;

// Listening first: an engine that is late (or down) leaves an API that says it is starting, not a closed port.
const server = createHttpServer(
  (request) => answer(request),
  config.host,
  (status) => metrics.refusedRequests.inc({ status }),
  (error) => logger.error({ err: error }, 'request failed outside the app'),
);
const url = await new Promise<string>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    resolve(`http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`);
  });
}).catch((error: unknown) => stopStarting(error, `could not listen on ${config.host}:${config.port}`));
logger.info({ url }, 'API answering: starting');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutDown(signal));

/** Stops a start that cannot go on, the engine released; a data file at fault is named with its line, no stack to hide it. */
async function stopStarting(error: unknown, what: string): Promise<never> {
  if (error instanceof DataFileError) logger.fatal(`${what}: ${error.message}`);
  else logger.fatal({ err: error }, what);
  await releaseEngine();
  process.exit(1);
}

const provided = await provideEngine(config, logger, { onEngineError: metrics.engineError, engineWaitMs: Infinity }).catch((error: unknown) =>
  stopStarting(error, 'could not reach the search engine'),
);
releaseEngine = provided.release;
metrics.observeEngine(provided);
const openService = async () => openConfiguredService(config, provided.engine, logger, { engineStatus: provided });
const service = await openService().catch((error: unknown) => stopStarting(error, 'a data file is wrong'));

/** Index version, tagging state and seeds; an engine that goes away meanwhile is waited for, any other failure stops the start. */
async function prepareIndex(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      startingStep = 'preparing the index';
      const state = await service.ensureIndex();
      logger.info(state, state.created ? 'index version created' : 'index version in place');
      const tagging = await service.tagsState();
      if (tagging.tags === 'stale')
        logger.warn(tagging, 'the served articles were tagged with another taxonomy: facets follow it until POST /admin/tags/rebuild (npm run tags:rebuild)');
      if (config.ingestSeeds) {
        startingStep = 'indexing the seed articles';
        const report = await service.ingest(readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])));
        logger.info(report, 'seed articles indexed');
      }
      return;
    } catch (error) {
      if (!isEngineError(error, 'unavailable') && !isEngineError(error, 'timeout')) throw error;
      startingStep = `${startingStep}: the search engine stopped answering; retrying`;
      logger.warn({ err: error, attempt }, 'the search engine stopped answering while the index was prepared; retrying');
      await new Promise((resolve) => setTimeout(resolve, PREPARE_RETRY_DELAYS_MS[Math.min(attempt, PREPARE_RETRY_DELAYS_MS.length - 1)]));
    }
  }
}
await prepareIndex().catch((error: unknown) => stopStarting(error, 'could not prepare the index'));

const app = createApp({ service, limits: config, logger, metrics, lifecycle: { draining: () => draining } });
answer = app.fetch;
serving = true;
logger.info({ url, engine: provided.redactedUrl }, 'API serving');

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
  if (!serving) {
    // Nothing is in flight but the start itself: it stops where it is.
    logger.info({ signal, step: startingStep }, 'stopped while starting');
    server.close();
    await releaseEngine();
    process.exit(0);
  }
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
