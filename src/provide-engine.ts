import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { connectEngine, redactUrl } from './engine/connect-engine.js';
import type { EngineError } from './engine/engine-error.js';
import { isEngineError } from './engine/engine-error.js';
import { EngineWatch, type EngineAvailability } from './engine/engine-watch.js';
import { guardEngine } from './engine/guard-engine.js';
import type { SearchEngine } from './engine/search-engine.js';
import { adoptEngineProcess, findFreePort, isProcessAlive, type EngineProcess } from './embedded/engine-process.js';
import { superviseEngine, type SupervisedStatus } from './embedded/engine-supervisor.js';
import { startEmbeddedNode } from './embedded/embedded-node.js';
import { PROJECT_ROOT } from './project-root.js';

export interface ProvidedEngine {
  /** The engine, refusing calls at once while it is known to be down. */
  engine: SearchEngine;
  /** The engine's URL, credentials included: for connecting only; log `redactedUrl`. */
  url: string;
  /** The URL with its password masked, for logs and messages. */
  redactedUrl: string;
  /** Reachable or not, and why calls are refused. */
  availability(): EngineAvailability;
  /** The embedded node's process, when this process supervises it (started or adopted it). */
  process(): SupervisedStatus | undefined;
  /** Closes the client, and stops the embedded node when this process started it. */
  release(): Promise<void>;
}

export interface ProvideEngineOptions {
  /** Sees every engine error (metrics). */
  onEngineError?: (error: EngineError, method: string) => void;
  /** Waits of the supervisor before restarting an embedded node that ended (tests shorten them). */
  restartBackoffMs?: number[];
  /** How long to wait for SEARCH_URL's engine to answer (a minute; the API, which answers while it waits, waits for ever). */
  engineWaitMs?: number;
}

/** Who runs the embedded engine of a work dir: written by its owner, read by every later process. */
interface EngineRecord {
  url: string;
  enginePid: number;
  ownerPid: number;
  /** The owner is starting the engine again (it ended unasked): `enginePid` is the new process, not serving yet. */
  starting?: true;
}

/** How long a second process waits for an embedded engine its owner is starting again: a start after a kill took up to 101 s. */
const OWNER_RESTART_WAIT_MS = 150_000;

/**
 * The engine named by SEARCH_URL, or else the embedded OpenSearch node (provisioned on first use),
 * connected and answering. An embedded node another live process owns (npm start) is used as a
 * guest; one whose owner died (killed, out of memory) is adopted: this process owns it from then
 * on and stops it when it ends, so an engine never runs on with nobody to stop it. A node this
 * process owns is supervised: if it ends unasked it is started again on the same port and data.
 */
export async function provideEngine(config: Config, logger: Logger, options: ProvideEngineOptions = {}): Promise<ProvidedEngine> {
  let stopNode = async () => {};
  let supervised: (() => SupervisedStatus) | undefined;
  let watch: EngineWatch | undefined;
  let url = config.searchUrl;
  const workDir = resolve(PROJECT_ROOT, config.engineWorkDir);
  const recordFile = join(workDir, 'engine.json');
  const startNode =
    (httpPort: number) =>
    (spawned: (pid: number) => void = () => {}) =>
      startEmbeddedNode('opensearch', { workDir, heap: config.engineHeap, httpPort, log: (message) => logger.info(message), onSpawn: spawned });
  /** Records this process as the owner and keeps the node running: restarted on the same port if it ends. */
  const ownEngine = (nodeUrl: string, first: EngineProcess) => {
    let recordedPid = first.pid;
    const record = (enginePid: number, starting = false) => {
      recordedPid = enginePid;
      const written: EngineRecord = { url: nodeUrl, enginePid, ownerPid: process.pid, ...(starting ? { starting: true as const } : {}) };
      writeFileSync(recordFile, `${JSON.stringify(written)}\n`);
    };
    record(first.pid);
    const supervisor = superviseEngine(first, startNode(Number(new URL(nodeUrl).port)), {
      ...(options.restartBackoffMs ? { backoffMs: options.restartBackoffMs } : {}),
      log: (message, details) => logger.warn(details ?? {}, message),
      onChange: (status, running) => {
        if (status.state === 'restarting') {
          watch?.hold(`the embedded engine is restarting (it ended with ${status.lastExit?.signal ?? `code ${status.lastExit?.code}`})`);
          // Other processes read that it is starting again (and, once spawned, which process), not that it died.
          record(status.pid ?? recordedPid, true);
        }
        if (status.state === 'running' && running) {
          record(running.pid);
          watch?.release();
        }
      },
    });
    supervised = supervisor.status;
    stopNode = async () => {
      // Another process may have replaced the engine meanwhile: its record is not ours to delete.
      if (readEngineRecord(recordFile)?.enginePid === recordedPid) rmSync(recordFile, { force: true });
      await supervisor.stop();
    };
  };
  if (!url) {
    const recorded = readEngineRecord(recordFile);
    if (recorded && isProcessAlive(recorded.enginePid) && isEngineOf(recorded.enginePid, workDir) && (await answers(recorded.url))) {
      url = recorded.url;
      if (!isProcessAlive(recorded.ownerPid)) {
        logger.warn({ enginePid: recorded.enginePid, deadOwnerPid: recorded.ownerPid }, 'adopting the embedded engine its previous owner left running');
        ownEngine(recorded.url, adoptEngineProcess(recorded.enginePid));
      }
    } else if (recorded?.starting && isProcessAlive(recorded.ownerPid) && writtenSinceBoot(recordFile)) {
      // Its owner is starting it again: a second node on the same data folder would fight it for the lock.
      logger.warn({ ownerPid: recorded.ownerPid, url: recorded.url }, 'the embedded engine is restarting under its owner; waiting for it');
      if (!(await answersWithin(recorded.url, OWNER_RESTART_WAIT_MS)))
        throw new Error(
          `the embedded engine at ${recorded.url}, which process ${recorded.ownerPid} is starting again, did not answer within ${OWNER_RESTART_WAIT_MS / 1000} s; try again later, or set SEARCH_URL`,
        );
      url = recorded.url;
    } else if (recorded && isProcessAlive(recorded.enginePid) && isEngineOf(recorded.enginePid, workDir)) {
      // Running but not answering: it holds the data folder, so it goes before a new one starts.
      logger.warn({ enginePid: recorded.enginePid }, 'stopping an embedded engine that no longer answers');
      await adoptEngineProcess(recorded.enginePid).stop();
    }
  }
  if (!url) {
    mkdirSync(workDir, { recursive: true });
    // The port is chosen once: a restarted node comes back on it, so the URL every client holds stays valid.
    const node = await startNode(config.enginePort ?? (await findFreePort()))();
    url = node.url;
    ownEngine(node.url, node);
  }
  try {
    // The configured family applies to SEARCH_URL only: the embedded node is always OpenSearch.
    const kind = config.searchUrl ? config.searchEngine : 'opensearch';
    const credentials = config.searchUrl
      ? {
          ...(config.searchApiKey ? { apiKey: config.searchApiKey } : {}),
          ...(config.searchCaCertificate ? { caCertificate: config.searchCaCertificate } : {}),
        }
      : {};
    const engine = await waitForEngine(
      { url, requestTimeoutMs: config.engineRequestTimeoutMs, ...credentials, ...(kind ? { kind } : {}) },
      logger,
      options.engineWaitMs ?? 60_000,
    );
    const engineWatch = new EngineWatch({ probe: () => engine.info(), log: (message, details) => logger.warn({ ...details, url: redactUrl(url) }, message) });
    watch = engineWatch;
    const guarded = guardEngine(engine, {
      refuseBecause: engineWatch.refuseBecause,
      onError: (error, method) => {
        engineWatch.noteError(error);
        options.onEngineError?.(error, method);
      },
    });
    return {
      engine: guarded,
      url,
      redactedUrl: redactUrl(url),
      availability: () => engineWatch.availability(),
      process: () => supervised?.(),
      release: async () => {
        engineWatch.stop();
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

/** The file was written since the machine started: a record from before a reboot names processes that are gone, whatever now has their ids. */
function writtenSinceBoot(file: string): boolean {
  try {
    const bootSeconds = Number(/^btime (\d+)$/mu.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    return !Number.isFinite(bootSeconds) || statSync(file).mtimeMs >= bootSeconds * 1000;
  } catch {
    return true;
  }
}

async function answersWithin(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await answers(url)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** How often a wait for the engine says it still waits. */
const WAITING_LOG_EVERY_MS = 30_000;

/** A configured engine may still be starting (a compose file starts both at once): wait for it, saying so now and then. */
async function waitForEngine(connection: Parameters<typeof connectEngine>[0], logger: Logger, waitMs: number): Promise<SearchEngine> {
  const { url } = connection;
  const started = Date.now();
  let loggedAt = -Infinity;
  for (;;) {
    try {
      const engine = await connectEngine(connection);
      const info = await engine.info();
      logger.info({ engine: info.kind, version: info.version, url: redactUrl(url) }, 'search engine connected');
      return engine;
    } catch (error) {
      if (!isEngineError(error, 'unavailable') || Date.now() - started > waitMs) throw error;
      if (Date.now() - loggedAt >= WAITING_LOG_EVERY_MS) {
        loggedAt = Date.now();
        logger.warn({ url: redactUrl(url), waitedSeconds: Math.round((loggedAt - started) / 1000) }, 'search engine not reachable yet; retrying');
      }
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
