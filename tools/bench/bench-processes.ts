import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '../../src/embedded/engine-process.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { compiledEntryArgs, nodeFlags } from '../compiled-runtime.js';
import type { BenchContext } from './bench-context.js';

/** A process serving HTTP that this bench started. */
export interface RunningServer {
  process: ChildProcess;
  url: string;
}

/** What starting a process of the bench needs: the engine it serves, where its log goes, who stops it. */
export type ProcessHost = Pick<BenchContext, 'engine' | 'engineUrl' | 'runDir' | 'children'>;

/**
 * The server entry in its own process, serving `alias` of this engine: no seeds, nothing else
 * provisioned. `env` adds to its environment (the index layout, when not the mapping file's).
 */
export async function startApi(context: ProcessHost, alias: string, adminKey: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await findFreePort();
  const logFile = join(context.runDir, 'api.log');
  const output = openSync(logFile, 'w');
  const child = spawn(process.execPath, compiledEntryArgs('src/main.js'), {
    env: {
      ...process.env,
      SEARCH_URL: context.engineUrl,
      SEARCH_ENGINE: context.engine.kind,
      INDEX_ALIAS: alias,
      INGEST_SEEDS: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_API_KEY: adminKey,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', output, output],
  });
  context.children.push(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (child.exitCode === null && Date.now() < deadline) {
    const health = await fetch(`${url}/health`).catch(() => undefined);
    if (health?.ok) return { process: child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API process did not come up (see ${logFile})`);
}

/** The bare Node proxy in its own process, in front of this engine. */
export async function startPassThroughProxy(context: BenchContext): Promise<RunningServer> {
  const port = await findFreePort();
  // The product's node flags, its TypeScript compiled on load: a tool is not part of dist/.
  const entry = join(PROJECT_ROOT, 'tools', 'bench', 'pass-through-proxy.ts');
  const child = spawn(process.execPath, [...nodeFlags(), '--import', 'tsx', entry, JSON.stringify({ engineUrl: context.engineUrl, port })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  context.children.push(child);
  await new Promise<void>((ready, fail) => {
    child.stdout!.once('data', () => ready());
    child.once('exit', (code) => fail(new Error(`the pass-through proxy exited ${code}`)));
  });
  return { process: child, url: `http://127.0.0.1:${port}` };
}

/** A request of a load run: the API's GETs, or the search bodies POSTed to the engine. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Sent as they are (the paired run's browser-like `accept-encoding`). */
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  rps: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** One load run by autocannon in a process of its own, so the process under test has its cores to itself. */
export function runLoad(url: string, connections: number, requests: LoadRequest[], seconds: number): Promise<LoadResult> {
  return new Promise<LoadResult>((resolveLoad, reject) => {
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'bench', 'load-worker.ts'), JSON.stringify({ url, connections, durationSeconds: seconds, requests })],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let printed = '';
    worker.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    worker.on('exit', (code) => (code === 0 ? resolveLoad(JSON.parse(printed)) : reject(new Error(`load worker exited ${code}`))));
  });
}

/**
 * One connection, paired (`paired-worker.ts`): every query of the mix down each path in turn, `rounds`
 * times over the mix; each path's latencies in ms, index i of every path being the same query at about the same moment.
 */
export function runPaired(paths: { url: string; requests: LoadRequest[] }[], rounds: number): Promise<number[][]> {
  return new Promise<number[][]>((resolvePaired, reject) => {
    const worker = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'tools', 'bench', 'paired-worker.ts'), JSON.stringify({ paths, rounds })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let printed = '';
    worker.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    worker.on('exit', (code) => (code === 0 ? resolvePaired(JSON.parse(printed)) : reject(new Error(`paired worker exited ${code}`))));
  });
}

/** Load runs of one path as one: rates and latencies averaged, counts added. */
export function meanLoad(runs: readonly LoadResult[]): LoadResult {
  if (runs.length === 0) throw new Error('meanLoad: no runs');
  const mean = (pick: (run: LoadResult) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  const total = (pick: (run: LoadResult) => number) => runs.reduce((sum, run) => sum + pick(run), 0);
  return {
    requests: total((r) => r.requests),
    rps: mean((r) => r.rps),
    mean: mean((r) => r.mean),
    p50: mean((r) => r.p50),
    p90: mean((r) => r.p90),
    p99: mean((r) => r.p99),
    errors: total((r) => r.errors),
    timeouts: total((r) => r.timeouts),
    non2xx: total((r) => r.non2xx),
  };
}
