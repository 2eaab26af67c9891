import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { connectEngine, redactUrl } from './engine/connect-engine.js';
import { isEngineError } from './engine/engine-error.js';
import type { SearchEngine } from './engine/search-engine.js';
import { adoptEngineProcess, isProcessAlive } from './embedded/engine-process.js';
import { startEmbeddedOpenSearch } from './embedded/opensearch-node.js';
import { PROJECT_ROOT } from './project-root.js';

export interface ProvidedEngine {
  engine: SearchEngine;
  /** The engine's URL, credentials included: for connecting only; log `redactedUrl`. */
  url: string;
  /** The URL with its password masked, for logs and messages. */
  redactedUrl: string;
  /** Closes the client, and stops the embedded node when this process started it. */
  release(): Promise<void>;
}

/** Who runs the embedded engine of a work dir: written by its owner, read by every later process. */
interface EngineRecord {
  url: string;
  enginePid: number;
  ownerPid: number;
}

/**
 * The engine named by SEARCH_URL, or else the embedded OpenSearch node (provisioned on first use),
 * connected and answering. An embedded node another live process owns (npm start) is used as a
 * guest; one whose owner died (killed, out of memory) is adopted: this process owns it from then
 * on and stops it when it ends, so an engine never runs on with nobody to stop it.
 */
export async function provideEngine(config: Config, logger: Logger): Promise<ProvidedEngine> {
  let stopNode = async () => {};
  let url = config.searchUrl;
  const workDir = resolve(PROJECT_ROOT, config.engineWorkDir);
  const recordFile = join(workDir, 'engine.json');
  const ownEngine = (record: EngineRecord, stop: () => Promise<void>) => {
    writeFileSync(recordFile, `${JSON.stringify(record)}\n`);
    stopNode = async () => {
      // Another process may have replaced the engine meanwhile: its record is not ours to delete.
      if (readEngineRecord(recordFile)?.enginePid === record.enginePid) rmSync(recordFile, { force: true });
      await stop();
    };
  };
  if (!url) {
    const recorded = readEngineRecord(recordFile);
    if (recorded && isProcessAlive(recorded.enginePid) && isEngineOf(recorded.enginePid, workDir) && (await answers(recorded.url))) {
      url = recorded.url;
      if (!isProcessAlive(recorded.ownerPid)) {
        logger.warn({ enginePid: recorded.enginePid, deadOwnerPid: recorded.ownerPid }, 'adopting the embedded engine its previous owner left running');
        ownEngine({ ...recorded, ownerPid: process.pid }, adoptEngineProcess(recorded.enginePid).stop);
      }
    } else if (recorded && isProcessAlive(recorded.enginePid) && isEngineOf(recorded.enginePid, workDir)) {
      // Running but not answering: it holds the data folder, so it goes before a new one starts.
      logger.warn({ enginePid: recorded.enginePid }, 'stopping an embedded engine that no longer answers');
      await adoptEngineProcess(recorded.enginePid).stop();
    }
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
    ownEngine({ url: node.url, enginePid: node.pid, ownerPid: process.pid }, node.stop);
  }
  try {
    // The configured family applies to SEARCH_URL only: the embedded node is always OpenSearch.
    const kind = config.searchUrl ? config.searchEngine : 'opensearch';
    const engine = await waitForEngine({ url, requestTimeoutMs: config.engineRequestTimeoutMs, ...(kind ? { kind } : {}) }, logger);
    return {
      engine,
      url,
      redactedUrl: redactUrl(url),
      release: async () => {
        await engine.close();
        await stopNode();
      },
    };
  } catch (error) {
    await stopNode();
    throw error;
  }
}

function readEngineRecord(file: string): EngineRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<EngineRecord>;
    return typeof record.url === 'string' && Number.isInteger(record.enginePid) && Number.isInteger(record.ownerPid) ? (record as EngineRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The process is the engine of this work dir (its data path is on its command line), not an unrelated process that reused the id. */
function isEngineOf(pid: number, workDir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`path.data=${join(workDir, 'data')}`);
  } catch {
    return false;
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
