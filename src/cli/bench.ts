import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ArticleTagger, forEachLimited } from '../classify/article-tagger.js';
import { pinProcess, splitCores, type CoreSplit } from '../bench/core-affinity.js';
import { renderBenchHtml, type BenchReport } from '../bench/render-bench-report.js';
import { readCpuSeconds, readResidentMemory, resetPeakRss, sampleResidentMemory, type ResidentMemory } from '../bench/process-usage.js';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { loadConfig } from '../config.js';
import type { BulkDocument } from '../engine/search-engine.js';
import { compiledEntryArgs } from '../compiled-runtime.js';
import { fetchEngine } from '../engine/connect-engine.js';
import { findFreePort } from '../embedded/engine-process.js';
import { ensureIndex } from '../index/ensure-index.js';
import { loadIndexDefinition } from '../index/index-definition.js';
import { rebuildIndex } from '../index/rebuild-index.js';
import { ingestArticles, toStoredArticle } from '../ingest/ingest-articles.js';
import { prepareArticle } from '../ingest/prepare-article.js';
import { readSourceRecords, sourceFiles, type SourceRecord } from '../ingest/source-records.js';
import { createLogger } from '../logger.js';
import { antCorpusPath } from '../measure/ant-corpus.js';
import { PROJECT_ROOT } from '../project-root.js';
import { provideEngine } from '../provide-engine.js';
import { buildSearchBody, type SearchRequest } from '../search/build-search-body.js';
import { loadSearchProfile } from '../search/search-profile.js';

// Benchmarks against the raw engine, measured in the same run, on the ANT corpus:
// ingest (pipeline vs plain _bulk of the prepared documents), query latency and throughput
// (API vs the same bodies sent to the engine, and vs a bare Node proxy), memory, and a rebuild under load.
// The API under test is the server entry (src/main.ts) in its own process, serving a bench alias;
// memory is that process's VmRSS/VmHWM, and that of an `npm run ingest` process, from /proc.
// With --separate-cores the engine gets core 0 and every Node process (this one, the API, the load
// generator, the ingest CLI) the others, as when the engine has a host of its own.
// Usage: npm run bench [-- --limit 30337] [--duration 10] [--separate-cores]
const { values: options } = parseArgs({
  options: { 'limit': { type: 'string' }, 'duration': { type: 'string' }, 'corpus': { type: 'string' }, 'separate-cores': { type: 'boolean' } },
});
const option = (name: 'limit' | 'duration' | 'corpus', fallback: string) => options[name] ?? fallback;
const limit = Number(option('limit', '30337'));
const durationSeconds = Number(option('duration', '10'));
const corpus = resolve(option('corpus', antCorpusPath()));

const config = loadConfig();
const provided = await provideEngine(config, createLogger('warn'));
const { engine } = provided;
const enginePid = await localEngineProcessId();
const cores = options['separate-cores'] ? await separateCores() : undefined;
const definition = loadIndexDefinition(PROJECT_ROOT);
const taxonomy = loadTaxonomy(PROJECT_ROOT);
const profile = loadSearchProfile(PROJECT_ROOT, config.searchProfile);
const pipelineAlias = `bench-pipeline-${process.pid}`;
const taggingAlias = `bench-tagging-${process.pid}`;
/** Seconds of query load per path before any query is measured. */
const WARMUP_QUERY_SECONDS = 10;
const rawAlias = `bench-raw-${process.pid}`;
const apiAlias = `bench-api-${process.pid}`;
const cliAlias = `bench-cli-${process.pid}`;
const runDir = join(PROJECT_ROOT, '.run', 'bench');
mkdirSync(runDir, { recursive: true });
const log = (message: string) => process.stderr.write(`${message}\n`);

async function* limited(records: AsyncIterable<SourceRecord>, count: number): AsyncGenerator<SourceRecord> {
  let n = 0;
  for await (const record of records) {
    if (n++ >= count) return;
    yield record;
  }
}
const corpusRecords = async (count: number) => limited(readSourceRecords(await sourceFiles([corpus])), count);

/** The first `count` articles as NDJSON text, decompressed: what a client sends to `POST /admin/ingest`. */
async function* corpusLines(count: number): AsyncGenerator<string> {
  const file = createReadStream(corpus);
  let n = 0;
  for await (const line of createInterface({ input: corpus.endsWith('.gz') ? file.pipe(createGunzip()) : file, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    if (n++ >= count) break;
    yield `${line}\n`;
  }
  file.destroy();
}

/** The server entry in its own process, serving `alias` of this engine: no seeds, nothing else provisioned. */
async function startApi(alias: string, adminKey: string): Promise<{ process: ChildProcess; url: string }> {
  const port = await findFreePort();
  const logFile = join(runDir, 'api.log');
  const output = openSync(logFile, 'w');
  const child = spawn(process.execPath, compiledEntryArgs('src/main.js'), {
    env: {
      ...process.env,
      SEARCH_URL: provided.url,
      SEARCH_ENGINE: engine.kind,
      INDEX_ALIAS: alias,
      INGEST_SEEDS: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_API_KEY: adminKey,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', output, output],
  });
  children.push(child);
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
async function startPassThroughProxy(): Promise<ChildProcess & { url: string }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [...compiledEntryArgs('src/bench/pass-through-proxy.js'), JSON.stringify({ engineUrl: provided.url, port })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((ready, fail) => {
    child.stdout!.once('data', () => ready());
    child.once('exit', (code) => fail(new Error(`the pass-through proxy exited ${code}`)));
  });
  return Object.assign(child, { url: `http://127.0.0.1:${port}` });
}

/**
 * The engine's process id when that process runs on this machine: it answers on loopback, and the
 * process of that id is its JVM (a container's ids are not this machine's).
 */
async function localEngineProcessId(): Promise<number | undefined> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(provided.url).hostname)) return undefined;
  const response = await fetchEngine(provided.url, '/_nodes/_local/process');
  const info = (await response.json()) as { nodes: Record<string, { process: { id: number } }> };
  const pid = Object.values(info.nodes)[0]?.process.id;
  if (!pid) return undefined;
  try {
    return /org\.(opensearch|elasticsearch)\.bootstrap/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Pins the engine to its cores and this process (with every process it starts) to the others. */
async function separateCores(): Promise<{ enginePid: number; split: CoreSplit }> {
  const split = splitCores();
  if (!split) throw new Error('--separate-cores needs a machine with at least two cores');
  if (!enginePid) throw new Error('--separate-cores needs the engine running on this machine (the embedded node, or a loopback SEARCH_URL)');
  await pinProcess(enginePid, split.engine);
  await pinProcess(process.pid, split.node);
  process.once('SIGINT', () => void pinProcess(enginePid, split.all).finally(() => process.exit(130)));
  return { enginePid, split };
}

/**
 * CPU seconds the engine's node has used: from /proc when it runs here, else from its own process
 * statistics, which it refreshes only once a second.
 */
async function engineCpuSeconds(): Promise<number> {
  if (enginePid) return readCpuSeconds(enginePid);
  const response = await fetchEngine(provided.url, '/_nodes/_local/stats/process');
  const stats = (await response.json()) as { nodes: Record<string, { process: { cpu: { total_in_millis: number } } }> };
  return Object.values(stats.nodes)[0]!.process.cpu.total_in_millis / 1000;
}

interface LoadResult {
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

/** Two load runs of one path as one: rates and latencies averaged, counts added. */
function meanLoad(a: LoadResult, b: LoadResult): LoadResult {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    requests: a.requests + b.requests,
    rps: mean(a.rps, b.rps),
    mean: mean(a.mean, b.mean),
    p50: mean(a.p50, b.p50),
    p90: mean(a.p90, b.p90),
    p99: mean(a.p99, b.p99),
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    non2xx: a.non2xx + b.non2xx,
  };
}

/** Waits until no merge runs on the indices behind `alias`. */
async function waitForMerges(alias: string): Promise<void> {
  for (;;) {
    const response = await fetchEngine(provided.url, `/${alias}/_stats/merge`);
    const stats = (await response.json()) as { _all: { total: { merges: { current: number } } } };
    if (stats._all.total.merges.current === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Drops every index version behind `alias`. */
async function dropAlias(alias: string): Promise<void> {
  for (const index of await engine.listIndices(`${alias}-*`)) await engine.deleteIndex(index);
}

interface CpuRun {
  seconds: number;
  engineCpu: number;
  benchCpu: number;
}

/** Wall time, the engine's CPU and this process's CPU over `work`. */
async function withCpu<T>(work: () => Promise<T>): Promise<CpuRun & { result: T }> {
  const engineBefore = await engineCpuSeconds();
  const benchBefore = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const bench = process.cpuUsage(benchBefore);
  return { result, seconds, engineCpu: (await engineCpuSeconds()) - engineBefore, benchCpu: (bench.user + bench.system) / 1e6 };
}

/** Runs `work` while sampling a process's memory, its peak reset first so the figures are this phase's. */
async function withMemory<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; memory: ResidentMemory }> {
  resetPeakRss(pid);
  const sampler = sampleResidentMemory(pid);
  const result = await work();
  return { result, memory: sampler.stop() };
}

/** Processes this bench started, stopped at the end whatever happens. */
const children: ChildProcess[] = [];
const memoryRows: { what: string; memory: ResidentMemory }[] = [];
const recordMemory = (what: string, memory: ResidentMemory) => memoryRows.push({ what, memory });
/** The figures as printed (markdown), kept to be written beside the picture. */
const markdown: string[] = [];
const out = (text: string) => {
  console.log(text);
  markdown.push(text);
};
const queryRows: BenchReport['queries'] = [];

try {
  out(
    cores
      ? `Cores: separate. The engine runs on CPU ${cores.split.engine}, the Node processes on CPU ${cores.split.node}.`
      : `Cores: shared. The engine and the Node processes share all ${availableParallelism()} cores.`,
  );
  // 1. Ingest.
  // The measured indices come and go; where analysis cannot run in process, the tagger sends it here.
  await ensureIndex(engine, taggingAlias, definition);
  const tagger = await ArticleTagger.create(engine, taggingAlias, definition, taxonomy);
  const progress = { onProgress: (r: { read: number }) => process.stderr.write(`\r  ${r.read} read`) };

  /** One measured pipeline run into a fresh index, dropped after. */
  const measurePipeline = async () => {
    await ensureIndex(engine, pipelineAlias, definition);
    const run = await withCpu(async () => ingestArticles(engine, pipelineAlias, tagger, await corpusRecords(limit), progress));
    process.stderr.write('\n');
    await dropAlias(pipelineAlias);
    return run;
  };
  /** One measured raw `_bulk` of the prepared documents into a fresh index, dropped after. */
  const measureRaw = async (batches: BulkDocument[][]) => {
    await ensureIndex(engine, rawAlias, definition);
    const run = await withCpu(async () => {
      await forEachLimited(batches, 2, async (batch) => void (await engine.bulkIndex(rawAlias, batch)));
      await engine.refresh(rawAlias);
    });
    await dropAlias(rawAlias);
    return run;
  };

  // A freshly started engine spent twice the CPU on its first pass over the corpus that a warm one
  // did (its JIT compiling; still a fifth more after 10,000 articles), and this process compiles its
  // pipeline code: whichever path ran first would pay for both. So the whole pipeline runs once first.
  log(`warm-up: the pipeline over ${limit} articles, not measured …`);
  await measurePipeline();
  // In the order pipeline, raw, raw, pipeline: the engine still speeds up a little from run to run,
  // and this order lets that drift weigh on both paths alike.
  log(`ingest: pipeline over ${limit} ANT articles (1 of 2) …`);
  const pipelineFirst = await measurePipeline();

  log('ingest: the same documents prepared in memory, timed by stage …');
  let started = performance.now();
  const prepared = [];
  for await (const record of await corpusRecords(limit)) {
    const result = prepareArticle(record);
    if (result.ok) prepared.push(result.article);
  }
  const prepareSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const documents: BulkDocument[] = [];
  const chunks: (typeof prepared)[] = [];
  for (let i = 0; i < prepared.length; i += 25) chunks.push(prepared.slice(i, i + 25));
  await forEachLimited(chunks, 2, async (chunk) => {
    const tags = await tagger.tagMany(chunk);
    chunk.forEach((article, i) => documents.push({ id: article.id, source: toStoredArticle(article, tags[i]!) }));
  });
  const tagSeconds = (performance.now() - started) / 1000;
  const batches: BulkDocument[][] = [];
  for (let i = 0; i < documents.length; i += 500) batches.push(documents.slice(i, i + 500));

  log('ingest: raw _bulk of the prepared documents (1 of 2) …');
  const rawFirst = await measureRaw(batches);
  log('ingest: raw _bulk of the prepared documents (2 of 2) …');
  const rawSecond = await measureRaw(batches);
  log(`ingest: pipeline over ${limit} ANT articles (2 of 2) …`);
  const pipelineSecond = await measurePipeline();

  const meanOf = (a: CpuRun, b: CpuRun): CpuRun => ({ seconds: (a.seconds + b.seconds) / 2, engineCpu: (a.engineCpu + b.engineCpu) / 2, benchCpu: (a.benchCpu + b.benchCpu) / 2 });
  const pipelineRun = meanOf(pipelineFirst, pipelineSecond);
  const raw = meanOf(rawFirst, rawSecond);
  const pipelineReport = pipelineSecond.result;
  const pipelineSeconds = pipelineRun.seconds;
  const rawSeconds = raw.seconds;

  out(`\n## Ingest (${pipelineReport.read} ANT articles)\n`);
  const cpuCells = (run: CpuRun) => `${run.engineCpu.toFixed(1)} (${(run.engineCpu / run.seconds).toFixed(2)} cores) | ${run.benchCpu.toFixed(1)}`;
  out('Each path ran twice, in the order pipeline, raw, raw, pipeline, after a pass of the pipeline that was not measured; the rows give the means.\n');
  out('| path | seconds | docs/s | engine CPU s | ingesting process CPU s |');
  out('|---|---|---|---|---|');
  out(`| pipeline (parse, clean, tag, bulk) | ${pipelineSeconds.toFixed(1)} | ${(pipelineReport.read / pipelineSeconds).toFixed(0)} | ${cpuCells(pipelineRun)} |`);
  out(`| raw \`_bulk\` of the prepared documents | ${rawSeconds.toFixed(1)} | ${(documents.length / rawSeconds).toFixed(0)} | ${cpuCells(raw)} |`);
  out(`\npipeline / raw time: **${(pipelineSeconds / rawSeconds).toFixed(2)}×** (runs: pipeline ${pipelineFirst.seconds.toFixed(1)} s and ${pipelineSecond.seconds.toFixed(1)} s, raw ${rawFirst.seconds.toFixed(1)} s and ${rawSecond.seconds.toFixed(1)} s). Stages measured alone: read+parse+clean ${prepareSeconds.toFixed(1)} s, tagging (analysis ${tagger.analysis.runsIn === 'process' ? 'in process' : 'by the engine\'s `_analyze`'}) ${tagSeconds.toFixed(1)} s.`);

  await dropAlias(taggingAlias);

  // 2. The API in its own process: ingest through it, then query it.
  await ensureIndex(engine, apiAlias, definition);
  const adminKey = randomBytes(24).toString('hex');
  const ingestingApi = await startApi(apiAlias, adminKey);
  recordMemory('API process, started, idle', readResidentMemory(ingestingApi.process.pid!));
  log(`ingest: ${limit} articles through the API process's POST /admin/ingest …`);
  started = performance.now();
  const apiIngest = await withMemory(ingestingApi.process.pid!, async () => {
    const response = await fetch(`${ingestingApi.url}/admin/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${adminKey}` },
      body: Readable.toWeb(Readable.from(corpusLines(limit))) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    if (!response.ok) throw new Error(`POST /admin/ingest answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { read: number; indexed: number };
  });
  const apiIngestSeconds = (performance.now() - started) / 1000;
  recordMemory(`API process, \`POST /admin/ingest\` of ${apiIngest.result.read} articles (${apiIngestSeconds.toFixed(1)} s)`, apiIngest.memory);
  // V8 keeps the heap an ingest grew: a fresh process shows what serving alone takes.
  ingestingApi.process.kill('SIGTERM');
  const api = await startApi(apiAlias, adminKey);
  const apiPid = api.process.pid!;
  recordMemory('API process, restarted, idle', readResidentMemory(apiPid));
  const mix: { params: Record<string, string>; request: SearchRequest }[] = [
    ['ترامب', {}], ['الاتحاد الأوروبي', {}], ['كرة القدم', { topic: 'sport' }], ['النفط', { region: 'saudi-arabia' }],
    ['الأمم المتحدة', { sort: 'newest' }], ['Trump', {}], ['بوتين روسيا', {}], ['', { region: 'egypt', topic: 'politics' }],
    ['الهاتف الذكي', { topic: 'technology' }], ['"البيت الأبيض"', {}],
  ].map(([q, extra]) => {
    const params: Record<string, string> = { ...(q ? { q: q as string } : {}), ...(extra as Record<string, string>) };
    const filters = { topics: params.topic ? [params.topic] : [], regions: params.region ? [params.region] : [], people: [], organizations: [] };
    return { params, request: { ...(q ? { q: q as string } : {}), filters, from: 0, size: 10, sort: (params.sort as 'newest') ?? 'relevance', facetSize: 30 } };
  });
  const apiRequests = mix.map((m) => ({ method: 'GET' as const, path: `/search?${new URLSearchParams(m.params)}` }));
  const engineRequests = mix.map((m) => ({ method: 'POST' as const, path: `/${apiAlias}/_search`, body: JSON.stringify(buildSearchBody(m.request, profile)) }));
  const load = (url: string, connections: number, requests: { method: 'GET' | 'POST'; path: string; body?: string }[], seconds = durationSeconds) =>
    new Promise<LoadResult>((resolveLoad, reject) => {
      const worker = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'bench', 'load-worker.ts'), JSON.stringify({ url, connections, durationSeconds: seconds, requests })], { stdio: ['ignore', 'pipe', 'inherit'] });
      let printed = '';
      worker.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      worker.on('exit', (code) => (code === 0 ? resolveLoad(JSON.parse(printed)) : reject(new Error(`load worker exited ${code}`))));
    });
  const proxy = await startPassThroughProxy();
  // Merges left by the ingest would slow whichever path they overlapped.
  await waitForMerges(apiAlias);
  log(`warm-up: ${WARMUP_QUERY_SECONDS} s of queries on each path, not measured …`);
  await load(provided.url, 8, engineRequests, WARMUP_QUERY_SECONDS);
  await load(proxy.url, 8, engineRequests, WARMUP_QUERY_SECONDS);
  await load(api.url, 8, apiRequests, WARMUP_QUERY_SECONDS);
  /** A load run with the CPU a process spent on it. */
  const loadWithCpu = async (pid: number, url: string, connections: number, requests: typeof engineRequests | typeof apiRequests) => {
    const before = readCpuSeconds(pid);
    const result = await load(url, connections, requests);
    return { ...result, cpuSeconds: readCpuSeconds(pid) - before };
  };
  out(`\n## Queries (${mix.length}-query mix: names, phrases, filters, facets; ${durationSeconds} s a run)\n`);
  out('Beside the API, a bare Node proxy (`src/bench/pass-through-proxy.ts`: forward, parse the JSON, write it back) shows what one Node hop costs on this machine. ');
  out('At each number of connections the paths ran in the order engine, proxy, API, API, proxy, engine, after 10 s of queries on each; the figures are the means of the two runs.\n');
  out('| connections | engine p50 / p99 ms | bare proxy p50 / p99 ms | API p50 / p99 ms | added p50 (mean) ms: proxy / API | engine req/s | throughput vs engine: proxy / API | CPU ms / request: proxy / API |');
  out('|---|---|---|---|---|---|---|---|');
  for (const connections of [1, 8, 32]) {
    log(`queries: ${connections} connections …`);
    // The engine still speeds up a little from run to run: this order lets that weigh on all three paths alike.
    const directFirst = await load(provided.url, connections, engineRequests);
    const proxiedFirst = await loadWithCpu(proxy.pid!, proxy.url, connections, engineRequests);
    const { result: servedRuns, memory } = await withMemory(apiPid, async () => [
      await loadWithCpu(apiPid, api.url, connections, apiRequests),
      await loadWithCpu(apiPid, api.url, connections, apiRequests),
    ]);
    const proxiedSecond = await loadWithCpu(proxy.pid!, proxy.url, connections, engineRequests);
    const directSecond = await load(provided.url, connections, engineRequests);
    const direct = meanLoad(directFirst, directSecond);
    const proxied = meanLoad(proxiedFirst, proxiedSecond);
    const served = meanLoad(servedRuns[0]!, servedRuns[1]!);
    // CPU per request: on a machine the engine saturates, what each hop takes from the engine's throughput.
    const cpuMsPerRequest = (runs: { cpuSeconds: number; requests: number }[]) =>
      (runs.reduce((sum, run) => sum + run.cpuSeconds, 0) * 1000) / Math.max(1, runs.reduce((sum, run) => sum + run.requests, 0));
    recordMemory(`API process, serving ${connections} connection${connections > 1 ? 's' : ''}`, memory);
    queryRows.push({
      connections,
      p50Ms: { engine: direct.p50, proxy: proxied.p50, api: served.p50 },
      requestsPerSecond: { engine: direct.rps, proxy: proxied.rps, api: served.rps },
    });
    const share = (run: { rps: number }) => `${((run.rps / direct.rps) * 100).toFixed(0)}%`;
    const ms = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
    out(
      `| ${connections} | ${ms(direct.p50)} / ${ms(direct.p99)} | ${ms(proxied.p50)} / ${ms(proxied.p99)} | ${ms(served.p50)} / ${ms(served.p99)} | ${ms(proxied.p50 - direct.p50)} (${(proxied.mean - direct.mean).toFixed(1)}) / ${ms(served.p50 - direct.p50)} (${(served.mean - direct.mean).toFixed(1)}) | ${direct.rps.toFixed(0)} | ${share(proxied)} / ${share(served)} | ${cpuMsPerRequest([proxiedFirst, proxiedSecond]).toFixed(2)} / ${cpuMsPerRequest(servedRuns).toFixed(2)} |`,
    );
    if (served.errors + served.non2xx > 0) out(`  (API errors ${served.errors}, non-2xx ${served.non2xx})`);
  }
  proxy.kill('SIGTERM');

  // 3. Rebuild under load.
  const rebuildCount = Math.min(limit, 5000);
  log(`rebuild of ${rebuildCount} articles under query load …`);
  const underLoad = load(api.url, 8, apiRequests, Math.max(durationSeconds, 15));
  started = performance.now();
  const rebuilt = await rebuildIndex(engine, apiAlias, definition, taxonomy, await corpusRecords(rebuildCount));
  const rebuildSeconds = (performance.now() - started) / 1000;
  const during = await underLoad;
  out(`\n## Rebuild under load\n`);
  out(`A rebuild of ${rebuilt.read} articles took ${rebuildSeconds.toFixed(1)} s while 8 connections searched: ${during.requests} queries, ${during.errors} errors, ${during.timeouts} timeouts, ${during.non2xx} non-2xx answers.`);
  api.process.kill('SIGTERM');

  // 4. The ingest CLI in its own process, over the same articles written out as NDJSON.
  log(`ingest: ${limit} articles through an \`npm run ingest\` process …`);
  const corpusFile = join(runDir, 'corpus.ndjson');
  await pipeline(Readable.from(corpusLines(limit)), createWriteStream(corpusFile));
  started = performance.now();
  const cli = spawn(process.execPath, [...compiledEntryArgs('src/cli/ingest.js'), corpusFile], {
    env: { ...process.env, SEARCH_URL: provided.url, SEARCH_ENGINE: engine.kind, INDEX_ALIAS: cliAlias, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(cli);
  const cliIngest = await withMemory(cli.pid!, () => new Promise<number | null>((resolveExit) => cli.on('exit', resolveExit)));
  rmSync(corpusFile);
  if (cliIngest.result !== 0) throw new Error(`the ingest process exited ${cliIngest.result}`);
  recordMemory(`\`npm run ingest\` process, ${limit} articles (${((performance.now() - started) / 1000).toFixed(1)} s, start to exit)`, cliIngest.memory);

  out(`\n## Memory (separate processes; /proc/<pid>/status sampled every 100 ms, peak reset at each phase)\n`);
  out('| process, phase | VmRSS, highest sampled, MB | VmHWM (peak), MB |');
  out('|---|---|---|');
  for (const { what, memory } of memoryRows) out(`| ${what} | ${memory.rssMb.toFixed(0)} | ${memory.peakRssMb.toFixed(0)} |`);

  const reportName = `bench-${cores ? 'separate' : 'shared'}-cores`;
  writeFileSync(join(runDir, `${reportName}.md`), `${markdown.join('\n')}\n`);
  writeFileSync(
    join(runDir, `${reportName}.html`),
    renderBenchHtml({
      layout: markdown[0]!,
      ingest: { articles: pipelineReport.read, pipelineSeconds, rawSeconds, targetRatio: 1.15 },
      queries: queryRows,
      targetThroughputShare: 0.9,
      // Chart labels without markdown and timings.
      memory: memoryRows.map(({ what, memory }) => ({ what: what.replace(/`/g, '').replace(/ \([^)]*\)$/, ''), peakMb: Math.round(memory.peakRssMb) })),
      memoryLimitMb: 200,
    }),
  );
  log(`\nfigures: ${join(runDir, `${reportName}.md`)}; picture: ${join(runDir, `${reportName}.html`)}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  for (const alias of [taggingAlias, pipelineAlias, rawAlias, apiAlias, cliAlias]) await dropAlias(alias);
  // A node this bench did not start goes back to all the cores.
  if (cores) await pinProcess(cores.enginePid, cores.split.all).catch(() => undefined);
  await provided.release();
}
