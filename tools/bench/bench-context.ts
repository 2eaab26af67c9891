import { loadRunOnRepairer, type RunOnRepairer } from '../../src/ingest/run-on-repair.js';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Taxonomy } from '../../src/classify/taxonomy.js';
import { loadConfig } from '../../src/config.js';
import type { SearchEngine } from '../../src/engine/search-engine.js';
import type { VersionedIndexDefinition } from '../../src/index/index-definition.js';
import { createLogger } from '../../src/logger.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { provideEngine } from '../../src/provide-engine.js';
import { openConfiguredService } from '../../src/service/open-configured-service.js';
import type { SearchService } from '../../src/service/search-service.js';
import { dropAlias, localEngineProcessId } from './bench-engine.js';
import { pinProcess, splitCores, type CoreSplit } from './core-affinity.js';
import type { ResidentMemory } from './process-usage.js';
import type { BenchReport } from './render-bench-report.js';

/** What `npm run bench [-- --limit N] [--duration S] [--corpus FILE] [--separate-cores]` was asked. */
export interface BenchOptions {
  /** Articles of the corpus each ingest reads. */
  limit: number;
  /** Seconds of each measured load run. */
  durationSeconds: number;
  /** The ANT corpus, NDJSON, gzipped or not. */
  corpus: string;
  /** The engine on core 0 and every Node process on the others, as when the engine has a host of its own. */
  separateCores: boolean;
}

/** What the phases measured, gathered for the closing tables and the picture. */
export interface BenchResults {
  /** The figures as printed (markdown), kept to be written beside the picture. */
  markdown: string[];
  ingest?: { articles: number; pipelineSeconds: number; rawSeconds: number };
  queries: BenchReport['queries'];
  memory: { what: string; memory: ResidentMemory }[];
}

/** Everything a bench phase works with: the engine, the data files, the aliases and folders, the results so far. */
export interface BenchContext {
  options: BenchOptions;
  engine: SearchEngine;
  engineUrl: string;
  /** The engine's JVM when it runs on this machine: its CPU is then read from /proc. */
  enginePid: number | undefined;
  /** How the cores are split when `--separate-cores` asked for it. */
  cores: { enginePid: number; split: CoreSplit } | undefined;
  definition: VersionedIndexDefinition;
  taxonomy: Taxonomy;
  /** The service as the API under test opens it (on the API's alias): its profile, and the bodies its searches send. */
  service: SearchService;
  /** Run-on repair over the committed word list, as ingest runs it. */
  repairer: RunOnRepairer;
  /** One alias per phase, named after this process, dropped at the end whatever happens. */
  aliases: { pipeline: string; tagging: string; raw: string; api: string; cli: string };
  /** `.run/bench/`: the API's log, the corpus file for the ingest CLI, the tables and the picture. */
  runDir: string;
  /** Processes this bench started, stopped at the end whatever happens. */
  children: ChildProcess[];
  results: BenchResults;
  releaseEngine(): Promise<void>;
}

/** Provisions (or reaches) the engine, pins the cores if asked, and loads the index definition, taxonomy and profile. */
export async function createBenchContext(options: BenchOptions): Promise<BenchContext> {
  const config = loadConfig();
  const provided = await provideEngine(config, createLogger('warn'));
  try {
    const enginePid = await localEngineProcessId(provided.url);
    const cores = options.separateCores ? await separateCores(enginePid) : undefined;
    const runDir = join(PROJECT_ROOT, '.run', 'bench');
    mkdirSync(runDir, { recursive: true });
    const id = process.pid;
    const aliases = {
      pipeline: `bench-pipeline-${id}`,
      tagging: `bench-tagging-${id}`,
      raw: `bench-raw-${id}`,
      api: `bench-api-${id}`,
      cli: `bench-cli-${id}`,
    };
    // The data files are read once, by the service; the phases take its definition and taxonomy.
    const service = openConfiguredService(config, provided.engine, createLogger('warn'), { alias: aliases.api });
    return {
      options,
      engine: provided.engine,
      engineUrl: provided.url,
      enginePid,
      cores,
      definition: service.definition,
      repairer: loadRunOnRepairer(PROJECT_ROOT),
      taxonomy: service.taxonomy,
      service,
      aliases,
      runDir,
      children: [],
      results: { markdown: [], queries: [], memory: [] },
      releaseEngine: () => provided.release(),
    };
  } catch (error) {
    await provided.release();
    throw error;
  }
}

/** Stops what the bench started, drops its indices, gives the engine back all the cores, and lets the engine go. */
export async function releaseBenchContext(context: BenchContext): Promise<void> {
  for (const child of context.children) if (child.exitCode === null) child.kill('SIGTERM');
  for (const alias of Object.values(context.aliases)) await dropAlias(context, alias);
  // A node this bench did not start goes back to all the cores.
  if (context.cores) await pinProcess(context.cores.enginePid, context.cores.split.all).catch(() => undefined);
  await context.releaseEngine();
}

/** Prints a line of the figures and keeps it for the markdown file. */
export function out(context: BenchContext, text: string): void {
  console.log(text);
  context.results.markdown.push(text);
}

/** Progress, on stderr: not part of the figures. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function recordMemory(context: BenchContext, what: string, memory: ResidentMemory): void {
  context.results.memory.push({ what, memory });
}

/** How the cores were laid out, in a sentence: the first line of the figures. */
export function describeCores(context: BenchContext): string {
  return context.cores
    ? `Cores: separate. The engine runs on CPU ${context.cores.split.engine}, the Node processes on CPU ${context.cores.split.node}.`
    : `Cores: shared. The engine and the Node processes share all ${availableParallelism()} cores.`;
}

/** Pins the engine to its cores and this process (with every process it starts) to the others. */
async function separateCores(enginePid: number | undefined): Promise<{ enginePid: number; split: CoreSplit }> {
  const split = splitCores();
  if (!split) throw new Error('--separate-cores needs a machine with at least two cores');
  if (!enginePid) throw new Error('--separate-cores needs the engine running on this machine (the embedded node, or a loopback SEARCH_URL)');
  await pinProcess(enginePid, split.engine);
  await pinProcess(process.pid, split.node);
  process.once('SIGINT', () => void pinProcess(enginePid, split.all).finally(() => process.exit(130)));
  return { enginePid, split };
}
