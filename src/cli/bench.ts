import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { ArticleTagger, forEachLimited } from '../classify/article-tagger.js';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { loadConfig } from '../config.js';
import type { BulkDocument } from '../engine/search-engine.js';
import { findFreePort } from '../embedded/opensearch-node.js';
import { createApp } from '../http/app.js';
import { ensureIndex } from '../index/ensure-index.js';
import { loadIndexDefinition } from '../index/index-definition.js';
import { rebuildIndex } from '../index/rebuild-index.js';
import { ingestArticles, toStoredArticle } from '../ingest/ingest-articles.js';
import { prepareArticle } from '../ingest/prepare-article.js';
import { readSourceRecords, sourceFiles, type SourceRecord } from '../ingest/source-records.js';
import { createLogger } from '../logger.js';
import { PROJECT_ROOT } from '../project-root.js';
import { provideEngine } from '../provide-engine.js';
import { buildSearchBody, type SearchRequest } from '../search/build-search-body.js';
import { loadSearchProfile, ProfileStore } from '../search/search-profile.js';

// Benchmarks against the raw engine, measured in the same run, on the ANT corpus:
// ingest (pipeline vs plain _bulk of the prepared documents), query latency and throughput
// (API vs the same bodies sent to the engine), API memory, and a rebuild under query load.
// Usage: npm run bench [-- --limit 30337] [--duration 10]
const { values: options } = parseArgs({ options: { 'limit': { type: 'string' }, 'duration': { type: 'string' }, 'corpus': { type: 'string' } } });
const option = (name: keyof typeof options, fallback: string) => options[name] ?? fallback;
const limit = Number(option('limit', '30337'));
const durationSeconds = Number(option('duration', '10'));
const corpus = resolve(option('corpus', join(PROJECT_ROOT, '..', 'shared', 'corpora', 'ant-multisource.ndjson.gz')));

const config = loadConfig();
const provided = await provideEngine(config, createLogger('warn'));
const { engine } = provided;
const definition = loadIndexDefinition(PROJECT_ROOT);
const taxonomy = loadTaxonomy(PROJECT_ROOT);
const profile = loadSearchProfile(PROJECT_ROOT, config.searchProfile);
const pipelineAlias = `bench-pipeline-${process.pid}`;
const rawAlias = `bench-raw-${process.pid}`;
const log = (message: string) => process.stderr.write(`${message}\n`);
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

async function* limited(records: AsyncIterable<SourceRecord>, count: number): AsyncGenerator<SourceRecord> {
  let n = 0;
  for await (const record of records) {
    if (n++ >= count) return;
    yield record;
  }
}
const corpusRecords = async (count: number) => limited(readSourceRecords(await sourceFiles([corpus])), count);

function sampleRss(): { stop(): number } {
  let max = rssMb();
  const timer = setInterval(() => (max = Math.max(max, rssMb())), 100);
  return { stop: () => (clearInterval(timer), Math.max(max, rssMb())) };
}

try {
  // 1. Ingest.
  log(`ingest: pipeline over ${limit} ANT articles …`);
  await ensureIndex(engine, pipelineAlias, definition);
  const tagger = await ArticleTagger.create(engine, pipelineAlias, taxonomy);
  const ingestRss = sampleRss();
  let started = performance.now();
  const pipelineReport = await ingestArticles(engine, pipelineAlias, tagger, await corpusRecords(limit), {
    onProgress: (r) => process.stderr.write(`\r  ${r.read} read`),
  });
  const pipelineSeconds = (performance.now() - started) / 1000;
  const ingestPeakRss = ingestRss.stop();
  process.stderr.write('\n');

  log('ingest: the same documents prepared in memory, timed by stage …');
  started = performance.now();
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

  log('ingest: raw _bulk of the prepared documents …');
  await ensureIndex(engine, rawAlias, definition);
  started = performance.now();
  const batches: BulkDocument[][] = [];
  for (let i = 0; i < documents.length; i += 500) batches.push(documents.slice(i, i + 500));
  await forEachLimited(batches, 2, async (batch) => void (await engine.bulkIndex(rawAlias, batch)));
  await engine.refresh(rawAlias);
  const rawSeconds = (performance.now() - started) / 1000;

  console.log(`\n## Ingest (${pipelineReport.read} ANT articles)\n`);
  console.log('| path | seconds | docs/s |');
  console.log('|---|---|---|');
  console.log(`| pipeline (parse, clean, tag, bulk) | ${pipelineSeconds.toFixed(1)} | ${(pipelineReport.read / pipelineSeconds).toFixed(0)} |`);
  console.log(`| raw \`_bulk\` of the prepared documents | ${rawSeconds.toFixed(1)} | ${(documents.length / rawSeconds).toFixed(0)} |`);
  console.log(`\npipeline / raw time: **${(pipelineSeconds / rawSeconds).toFixed(2)}×**. Stages measured alone: read+parse+clean ${prepareSeconds.toFixed(1)} s, tagging (one \`_analyze\` call per 25 articles) ${tagSeconds.toFixed(1)} s, bulk ${rawSeconds.toFixed(1)} s.`);
  console.log(`API-side process RSS while ingesting: peak ${ingestPeakRss.toFixed(0)} MB.`);

  // 2. Queries.
  const app = createApp({
    config: { ...config, indexAlias: pipelineAlias },
    dataRoot: PROJECT_ROOT,
    engine,
    profiles: new ProfileStore(PROJECT_ROOT, config.searchProfile),
    taxonomy: { current: taxonomy },
    logger: pino({ level: 'silent' }),
  });
  const port = await findFreePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
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
  const engineRequests = mix.map((m) => ({ method: 'POST' as const, path: `/${pipelineAlias}/_search`, body: JSON.stringify(buildSearchBody(m.request, profile)) }));
  const load = (url: string, connections: number, requests: { method: 'GET' | 'POST'; path: string; body?: string }[], seconds = durationSeconds) =>
    new Promise<{ requests: number; rps: number; p50: number; p90: number; p99: number; errors: number; timeouts: number; non2xx: number }>((resolveLoad, reject) => {
      const worker = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'bench', 'load-worker.ts'), JSON.stringify({ url, connections, durationSeconds: seconds, requests })], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      worker.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      worker.on('exit', (code) => (code === 0 ? resolveLoad(JSON.parse(out)) : reject(new Error(`load worker exited ${code}`))));
    });
  console.log(`\n## Queries (${mix.length}-query mix: names, phrases, filters, facets; ${durationSeconds} s a run)\n`);
  console.log('| connections | engine p50 / p99 ms | API p50 / p99 ms | added p50 ms | engine req/s | API req/s | API / engine throughput | API RSS peak MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const connections of [1, 8, 32]) {
    log(`queries: ${connections} connections …`);
    const direct = await load(provided.url, connections, engineRequests);
    const rss = sampleRss();
    const api = await load(`http://127.0.0.1:${port}`, connections, apiRequests);
    const peak = rss.stop();
    console.log(
      `| ${connections} | ${direct.p50} / ${direct.p99} | ${api.p50} / ${api.p99} | ${(api.p50 - direct.p50).toFixed(1)} | ${direct.rps.toFixed(0)} | ${api.rps.toFixed(0)} | ${((api.rps / direct.rps) * 100).toFixed(0)}% | ${peak.toFixed(0)} |`,
    );
    if (api.errors + api.non2xx > 0) console.log(`  (API errors ${api.errors}, non-2xx ${api.non2xx})`);
  }

  // 3. Rebuild under load.
  const rebuildCount = Math.min(limit, 5000);
  log(`rebuild of ${rebuildCount} articles under query load …`);
  const underLoad = load(`http://127.0.0.1:${port}`, 8, apiRequests, Math.max(durationSeconds, 15));
  started = performance.now();
  const rebuilt = await rebuildIndex(engine, pipelineAlias, definition, taxonomy, await corpusRecords(rebuildCount));
  const rebuildSeconds = (performance.now() - started) / 1000;
  const during = await underLoad;
  console.log(`\n## Rebuild under load\n`);
  console.log(`A rebuild of ${rebuilt.read} articles took ${rebuildSeconds.toFixed(1)} s while 8 connections searched: ${during.requests} queries, ${during.errors} errors, ${during.timeouts} timeouts, ${during.non2xx} non-2xx answers.`);
  server.close();
} finally {
  for (const alias of [pipelineAlias, rawAlias]) for (const index of await engine.listIndices(`${alias}-*`)) await engine.deleteIndex(index);
  await provided.release();
}
