import { readFileSync } from 'node:fs';
import { fetchEngine } from '../../src/engine/connect-engine.js';
import type { BenchContext } from './bench-context.js';
import { readCpuSeconds, readMachineCpuSeconds } from './process-usage.js';

/**
 * The engine's process id when that process runs on this machine: it answers on loopback, and the
 * process of that id is its JVM (a container's ids are not this machine's).
 */
export async function localEngineProcessId(engineUrl: string): Promise<number | undefined> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(engineUrl).hostname)) return undefined;
  const response = await fetchEngine(engineUrl, '/_nodes/_local/process');
  const info = (await response.json()) as { nodes: Record<string, { process: { id: number } }> };
  const pid = Object.values(info.nodes)[0]?.process.id;
  if (!pid) return undefined;
  try {
    return /org\.(opensearch|elasticsearch)\.bootstrap/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds the engine's node has used: from /proc when it runs here, else from its own process
 * statistics, which it refreshes only once a second.
 */
async function engineCpuSeconds(context: BenchContext): Promise<number> {
  if (context.enginePid) return readCpuSeconds(context.enginePid);
  const response = await fetchEngine(context.engineUrl, '/_nodes/_local/stats/process');
  const stats = (await response.json()) as { nodes: Record<string, { process: { cpu: { total_in_millis: number } } }> };
  return Object.values(stats.nodes)[0]!.process.cpu.total_in_millis / 1000;
}

/** Waits until no merge runs on the indices behind `alias`. */
export async function waitForMerges(context: Pick<BenchContext, 'engineUrl'>, alias: string): Promise<void> {
  for (;;) {
    const response = await fetchEngine(context.engineUrl, `/${alias}/_stats/merge`);
    const stats = (await response.json()) as { _all: { total: { merges: { current: number } } } };
    if (stats._all.total.merges.current === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const QUIET_SHARE_OF_A_CORE = 0.05;
const QUIET_SECONDS = 3;
const MAX_QUIET_WAIT_SECONDS = 60;

/**
 * Waits until the engine has used under 5 % of a core for 3 s in a row (at most a minute): what an
 * earlier run left behind (merges, deleting its index, collecting its garbage) is then not charged to
 * the next. Says how long it waited, and whether the engine went quiet.
 */
export async function waitForQuietEngine(context: BenchContext): Promise<{ seconds: number; quiet: boolean }> {
  const started = performance.now();
  let quietFor = 0;
  let previous = await engineCpuSeconds(context);
  while (quietFor < QUIET_SECONDS && performance.now() - started < MAX_QUIET_WAIT_SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await engineCpuSeconds(context);
    quietFor = now - previous < QUIET_SHARE_OF_A_CORE ? quietFor + 1 : 0;
    previous = now;
  }
  return { seconds: (performance.now() - started) / 1000, quiet: quietFor >= QUIET_SECONDS };
}

/** Drops every index version behind `alias`. */
export async function dropAlias(context: BenchContext, alias: string): Promise<void> {
  for (const index of await context.engine.listIndices(`${alias}-*`)) await context.engine.deleteIndex(index);
}

/** Wall time, the engine's CPU and this process's CPU over one piece of work. */
export interface CpuRun {
  seconds: number;
  engineCpu: number;
  benchCpu: number;
  /** CPU seconds the rest of the machine used meanwhile: load no path of the bench made. */
  otherCpu: number;
  ioWaitSeconds: number;
}

/** Runs `work`, measuring its wall time, the engine's CPU and this process's CPU. */
export async function withCpu<T>(context: BenchContext, work: () => Promise<T>): Promise<CpuRun & { result: T }> {
  const engineBefore = await engineCpuSeconds(context);
  const machineBefore = readMachineCpuSeconds();
  const benchBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const bench = process.cpuUsage(benchBefore);
  const machine = readMachineCpuSeconds();
  const engineCpu = (await engineCpuSeconds(context)) - engineBefore;
  const benchCpu = (bench.user + bench.system) / 1e6;
  const otherCpu = Math.max(0, machine.busy - machineBefore.busy - engineCpu - benchCpu);
  return { result, seconds, engineCpu, benchCpu, otherCpu, ioWaitSeconds: machine.ioWait - machineBefore.ioWait };
}
