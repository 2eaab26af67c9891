import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { connectEngine, redactUrl } from './engine/connect-engine.js';
import { isEngineError } from './engine/engine-error.js';
import type { SearchEngine } from './engine/search-engine.js';
import { startEmbeddedOpenSearch } from './embedded/opensearch-node.js';
import { PROJECT_ROOT } from './project-root.js';

export interface ProvidedEngine {
  engine: SearchEngine;
  url: string;
  /** Closes the client, and stops the embedded node when this process started it. */
  release(): Promise<void>;
}

/**
 * The engine named by SEARCH_URL, or else the embedded OpenSearch node (provisioned on first use),
 * connected and answering.
 */
export async function provideEngine(config: Config, logger: Logger): Promise<ProvidedEngine> {
  let stopNode = async () => {};
  let url = config.searchUrl;
  const workDir = resolve(PROJECT_ROOT, config.engineWorkDir);
  const urlFile = join(workDir, 'engine-url');
  // A node this project already runs (npm start) serves a second process too (ingest, measures).
  if (!url && existsSync(urlFile)) {
    const running = readFileSync(urlFile, 'utf8').trim();
    if (await answers(running)) url = running;
  }
  if (!url) {
    mkdirSync(workDir, { recursive: true });
    const node = await startEmbeddedOpenSearch({
      workDir,
      heap: config.engineHeap,
      ...(config.enginePort ? { httpPort: config.enginePort } : {}),
      log: (message) => logger.info(message),
    });
    url = node.url;
    writeFileSync(urlFile, `${node.url}\n`);
    stopNode = async () => {
      rmSync(urlFile, { force: true });
      await node.stop();
    };
  }
  try {
    // The configured family applies to SEARCH_URL only: the embedded node is always OpenSearch.
    const kind = config.searchUrl ? config.searchEngine : 'opensearch';
    const engine = await waitForEngine({ url, requestTimeoutMs: config.engineRequestTimeoutMs, ...(kind ? { kind } : {}) }, logger);
    return { engine, url, release: async () => { await engine.close(); await stopNode(); } };
  } catch (error) {
    await stopNode();
    throw error;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** A configured engine may still be starting (a compose file starts both at once): wait a minute for it. */
async function waitForEngine(connection: Parameters<typeof connectEngine>[0], logger: Logger): Promise<SearchEngine> {
  const { url } = connection;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const engine = await connectEngine(connection);
      const info = await engine.info();
      logger.info({ engine: info.kind, version: info.version, url: redactUrl(url) }, 'search engine connected');
      return engine;
    } catch (error) {
      if (!isEngineError(error, 'unavailable') || Date.now() > deadline) throw error;
      logger.warn({ url: redactUrl(url) }, 'search engine not reachable yet; retrying');
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
