import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startEmbeddedNode } from '../../src/embedded/embedded-node.js';
import { startEmbeddedOpenSearchCluster } from '../../src/embedded/opensearch-cluster.js';
import { connectEngine, fetchEngine } from '../../src/engine/connect-engine.js';
import { engineNodes } from '../../src/engine/rest-engine.js';
import type { SearchEngine } from '../../src/engine/search-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { SearchService, type IndexLayout } from '../../src/service/search-service.js';
import { log } from './bench-context.js';
import { corpusRecords } from './bench-corpus.js';
import { waitForMerges } from './bench-engine.js';
import { runLoad, startApi } from './bench-processes.js';
import { corpusVariants } from './corpus-variants.js';
import { buildQueryMix } from './phases/query-mix.js';
import { readResidentMemory, withMemory } from './process-usage.js';
import { renderScaleSvg } from './render-scale-plot.js';

/** What `npm run bench -- --scale [--factors 1,4,10] [--nodes 1,3]` was asked. */
export interface ScaleOptions {
  factors: number[];
  nodes: number[];
  /** Articles of the corpus that make 1×: the first ones. */
  limit: number;
  /** The ANT corpus, NDJSON, gzipped or not. */
  corpus: string;
  /** Seconds of the measured search load. */
  durationSeconds: number;
  /** Each engine node's heap. */
  heap: string;
}

/** What one fresh engine (or cluster) measured with the corpus `factor` times over. */
export interface ScaleRun {
  nodes: number;
  factor: number;
  layout: Required<IndexLayout>;
  articles: number;
  ingestSeconds: number;
  articlesPerSecond: number;
  /** Search through the API at 8 connections. */
  search: { p50Ms: number; p99Ms: number; requestsPerSecond: number; failed: number };
  /** Lucene files of the primaries, and of every copy. */
  primaryBytes: number;
  totalBytes: number;
  primaryBytesPerArticle: number;
  /** Summed over the nodes: heap in use after the load, heap maximum, the JVMs' peak resident memory. */
  engine: { heapUsedMb: number; heapMaxMb: number; peakRssMb: number };
  /** The API process's peak resident memory while it served the load. */
  apiPeakRssMb: number;
  /** The machine's 1-minute load average as the ingest began and as the load ended: the cores were shared. */
  loadAverage: { before: number; after: number };
}

const CONNECTIONS = 8;
const WARMUP_SECONDS = 10;
const SEED = 'scale';

/**
 * For each node count and factor, a fresh embedded engine (or loopback cluster) in a temporary
 * folder: the corpus `factor` times over through the product's ingest pipeline, then searches
 * through the API at 8 connections; figures printed as each run ends, and the table, the JSON and
 * the plot written to `.run/bench/scale.*` after each run, so a run cut short keeps what it measured.
 */
export async function measureScale(options: ScaleOptions): Promise<ScaleRun[]> {
  const runDir = join(PROJECT_ROOT, '.run', 'bench');
  mkdirSync(runDir, { recursive: true });
  const runs: ScaleRun[] = [];
  log(
    `scale: the first ${options.limit} articles ${options.factors.join(', ')} times over, on ${options.nodes.join(' and ')} node(s), ${options.heap} heap a node, corpus ${options.corpus}`,
  );
  for (const factor of options.factors)
    for (const nodes of options.nodes) {
      const run = await measureOne(options, nodes, factor, runDir);
      runs.push(run);
      log(`  ${describeRun(run)}`);
      writeScaleReport(runs, options, runDir);
    }
  console.log(scaleTable(runs, options).join('\n'));
  log(`\nfigures: ${join(runDir, 'scale.md')}, ${join(runDir, 'scale.json')}; plot: ${join(runDir, 'scale.svg')}`);
  return runs;
}

async function measureOne(options: ScaleOptions, nodes: number, factor: number, runDir: string): Promise<ScaleRun> {
  const label = `${nodes} node${nodes > 1 ? 's' : ''}, ${factor}×`;
  const workDir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const children: ChildProcess[] = [];
  log(`\n${label}: starting the engine …`);
  const cluster =
    nodes === 1
      ? await startEmbeddedNode('opensearch', { workDir, heap: options.heap })
      : await startEmbeddedOpenSearchCluster({ count: nodes, workDir, heap: options.heap });
  let engine: SearchEngine | undefined;
  try {
    engine = await connectEngine({ url: cluster.url, requestTimeoutMs: 60_000, kind: 'opensearch' });
    const firstNode = engineNodes(cluster.url)[0]!;
    // On several nodes, a shard per node and a copy of each elsewhere: the layout a cluster serves with.
    const layout = nodes === 1 ? { shards: 1, replicas: 0 } : { shards: nodes, replicas: 1 };
    const alias = `scale-${factor}x`;
    const service = SearchService.open({
      engine,
      alias,
      dataRoot: PROJECT_ROOT,
      maxQueryClauses: loadConfig().maxQueryClauses,
      defaultProfile: 'default',
      englishDictionary: loadConfig().englishDictionary,
      logger: pino({ level: 'warn' }),
      indexLayout: layout,
    });
    await service.ensureIndex();
    while ((await engine.clusterHealth()).status !== 'green') await new Promise((r) => setTimeout(r, 500));

    const loadBefore = loadavg()[0]!;
    const started = performance.now();
    let lastProgress = started;
    const report = await service.ingest(
      corpusVariants(() => corpusRecords(options.corpus, options.limit), factor, SEED),
      {
        onProgress: (progress) => {
          const now = performance.now();
          if (now - lastProgress < 10_000) return;
          lastProgress = now;
          log(`  ${label}: ${progress.read} read, ${(progress.read / ((now - started) / 1000)).toFixed(0)}/s`);
        },
      },
    );
    const ingestSeconds = (performance.now() - started) / 1000;
    log(
      `  ${label}: ${report.indexed} indexed in ${ingestSeconds.toFixed(1)} s (duplicates ${report.duplicates}, rejected ${report.rejected.length}); waiting for merges …`,
    );
    await waitForMerges({ engineUrl: firstNode }, alias);
    const store = await storeSize(firstNode, alias);

    const adminKey = randomBytes(24).toString('hex');
    const host = { engine, engineUrl: cluster.url, runDir, children };
    const api = await startApi(host, alias, adminKey, { INDEX_SHARDS: String(layout.shards), INDEX_REPLICAS: String(layout.replicas) });
    const { apiRequests } = buildQueryMix(alias, service);
    log(`  ${label}: ${WARMUP_SECONDS} s of searches, not measured, then ${options.durationSeconds} s at ${CONNECTIONS} connections …`);
    await runLoad(api.url, CONNECTIONS, apiRequests, WARMUP_SECONDS);
    const { result: search, memory: apiMemory } = await withMemory(api.process.pid!, () => runLoad(api.url, CONNECTIONS, apiRequests, options.durationSeconds));
    const loadAfter = loadavg()[0]!;
    api.process.kill('SIGTERM');

    return {
      nodes,
      factor,
      layout,
      articles: report.indexed,
      ingestSeconds,
      articlesPerSecond: report.indexed / ingestSeconds,
      search: { p50Ms: search.p50, p99Ms: search.p99, requestsPerSecond: search.rps, failed: search.errors + search.timeouts + search.non2xx },
      primaryBytes: store.primaryBytes,
      totalBytes: store.totalBytes,
      primaryBytesPerArticle: store.primaryBytes / Math.max(1, store.documents),
      engine: await engineMemory(firstNode),
      apiPeakRssMb: apiMemory.peakRssMb,
      loadAverage: { before: loadBefore, after: loadAfter },
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await engine?.close();
    await cluster.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The Lucene files behind `alias`: primaries, every copy, and the documents they hold. */
async function storeSize(nodeUrl: string, alias: string): Promise<{ primaryBytes: number; totalBytes: number; documents: number }> {
  const response = await fetchEngine(nodeUrl, `/_cat/indices/${alias}-*?format=json&bytes=b&h=docs.count,pri.store.size,store.size`);
  const rows = (await response.json()) as Record<'docs.count' | 'pri.store.size' | 'store.size', string>[];
  const sum = (field: keyof (typeof rows)[number]) => rows.reduce((total, row) => total + Number(row[field]), 0);
  return { primaryBytes: sum('pri.store.size'), totalBytes: sum('store.size'), documents: sum('docs.count') };
}

/** Heap in use and its maximum from the nodes' statistics; resident memory from /proc (the nodes run here). */
async function engineMemory(nodeUrl: string): Promise<ScaleRun['engine']> {
  const info = (await (await fetchEngine(nodeUrl, '/_nodes/process')).json()) as { nodes: Record<string, { process: { id: number } }> };
  const stats = (await (await fetchEngine(nodeUrl, '/_nodes/stats/jvm')).json()) as {
    nodes: Record<string, { jvm: { mem: { heap_used_in_bytes: number; heap_max_in_bytes: number } } }>;
  };
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const heaps = Object.values(stats.nodes).map((node) => node.jvm.mem);
  return {
    heapUsedMb: mb(heaps.reduce((sum, heap) => sum + heap.heap_used_in_bytes, 0)),
    heapMaxMb: mb(heaps.reduce((sum, heap) => sum + heap.heap_max_in_bytes, 0)),
    peakRssMb: Object.values(info.nodes).reduce((sum, node) => sum + readResidentMemory(node.process.id).peakRssMb, 0),
  };
}

function describeRun(run: ScaleRun): string {
  return `${run.nodes} node(s), ${run.factor}×: ${run.articles} articles in ${run.ingestSeconds.toFixed(1)} s (${run.articlesPerSecond.toFixed(0)}/s); search p50 ${run.search.p50Ms} ms, p99 ${run.search.p99Ms} ms, ${run.search.requestsPerSecond.toFixed(0)} req/s, ${run.search.failed} failed; ${run.primaryBytesPerArticle.toFixed(0)} bytes an article; load average ${run.loadAverage.before.toFixed(1)} → ${run.loadAverage.after.toFixed(1)}`;
}

/** The figures as a markdown table, one row per run. */
export function scaleTable(runs: ScaleRun[], options: Pick<ScaleOptions, 'durationSeconds' | 'heap'>): string[] {
  const mb = (value: number) => value.toFixed(0);
  return [
    `\n## How cost grows (${options.heap} heap a node; search: ${options.durationSeconds} s at ${CONNECTIONS} connections through the API)\n`,
    '| nodes (shards × copies) | factor | articles | ingest s | articles/s | p50 / p99 ms | req/s | failed | primary bytes / article | store, all copies, MB | engine heap used / max MB | engine RSS peak MB | API RSS peak MB | load avg before → after |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (run) =>
        `| ${run.nodes} (${run.layout.shards} × ${run.layout.replicas + 1}) | ${run.factor}× | ${run.articles} | ${run.ingestSeconds.toFixed(0)} | ${run.articlesPerSecond.toFixed(0)} | ${run.search.p50Ms} / ${run.search.p99Ms} | ${run.search.requestsPerSecond.toFixed(0)} | ${run.search.failed} | ${run.primaryBytesPerArticle.toFixed(0)} | ${mb(run.totalBytes / 1024 / 1024)} | ${mb(run.engine.heapUsedMb)} / ${mb(run.engine.heapMaxMb)} | ${mb(run.engine.peakRssMb)} | ${mb(run.apiPeakRssMb)} | ${run.loadAverage.before.toFixed(1)} → ${run.loadAverage.after.toFixed(1)} |`,
    ),
  ];
}

function writeScaleReport(runs: ScaleRun[], options: ScaleOptions, runDir: string): void {
  writeFileSync(join(runDir, 'scale.json'), `${JSON.stringify({ options, runs }, null, 2)}\n`);
  writeFileSync(join(runDir, 'scale.md'), `${scaleTable(runs, options).join('\n')}\n`);
  writeFileSync(join(runDir, 'scale.svg'), renderScaleSvg(runs));
}
