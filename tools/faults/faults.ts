import { execFile, spawn } from 'node:child_process';
import { cpSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { findFreePort } from '../../src/embedded/engine-process.js';
import { startEmbeddedOpenSearchCluster } from '../../src/embedded/opensearch-cluster.js';
import { connectEngine } from '../../src/engine/connect-engine.js';
import { engineNodes } from '../../src/engine/rest-engine.js';
import { readSourceRecords, sourceFiles } from '../../src/ingest/source-records.js';
import { createApp } from '../../src/http/app.js';
import { ApiMetrics } from '../../src/http/metrics.js';
import { createHttpServer } from '../../src/http/node-server.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { provideEngine, type ProvidedEngine } from '../../src/provide-engine.js';
import { DEFAULT_ENGLISH_DICTIONARY } from '../../src/search/english-words.js';
import { SearchService } from '../../src/service/search-service.js';
import { readResidentMemory } from '../bench/process-usage.js';
import { compiledEntryArgs, nodeFlags } from '../compiled-runtime.js';

// npm run faults [-- --only cluster-kill,engine-kill,ingest-kill,reload,load] [--seconds 60] [--connections 64]
// Fault scenarios on a real embedded OpenSearch of its own (a temporary work dir, killed with -9 on
// purpose), the API served on loopback; every figure printed. Traffic goes to 127.0.0.1 only,
// bounded in count and time. The ANT corpus (ANT_CORPUS, or ../shared/corpora/) feeds the ingests.

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const only = new Set(option('only', 'cluster-kill,engine-kill,ingest-kill,reload,load').split(','));
const loadSeconds = Number(option('seconds', '60'));
const loadConnections = Number(option('connections', '64'));
const corpus = resolve(PROJECT_ROOT, process.env.ANT_CORPUS ?? '../shared/corpora/ant-multisource.ndjson.gz');
const ADMIN_KEY = 'faults-admin-key-0123456789';
const QUERIES = ['الجزائر', 'بلينكن', 'Blinken', 'النفط', 'المغرب', 'وزير الخارجية', 'كرة القدم', 'تونس', 'الرئيس', 'مصر'];

const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  console.log(line);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const workDir = mkdtempSync(join(tmpdir(), 'faults-engine-'));
const dataRoot = mkdtempSync(join(tmpdir(), 'faults-data-'));
for (const folder of ['mappings', 'analyzers', 'taxonomy', 'relevance']) cpSync(join(PROJECT_ROOT, folder), join(dataRoot, folder), { recursive: true });
const alias = `faults-${Date.now().toString(36)}`;
let provided: ProvidedEngine | undefined;
let server: Server | undefined;
let failures = 0;
const verdict = (ok: boolean, what: string) => {
  if (!ok) failures++;
  print(`  ${ok ? 'PASS' : 'FAIL'}: ${what}`);
};

const started = Date.now();
if (only.has('cluster-kill')) await clusterKill();
if ([...only].some((scenario) => scenario !== 'cluster-kill'))
  try {
    const metrics = new ApiMetrics();
    provided = await provideEngine(loadConfig({ ENGINE_WORK_DIR: workDir, ENGINE_HEAP: process.env.ENGINE_HEAP ?? '1g' }), pino({ level: 'warn' }), {
      onEngineError: metrics.engineError,
      restartBackoffMs: [500, 1_000, 2_000, 4_000],
    });
    const service = SearchService.open({
      engine: provided.engine,
      alias,
      dataRoot,
      maxQueryClauses: 1024,
      defaultProfile: 'default',
      englishDictionary: DEFAULT_ENGLISH_DICTIONARY,
      logger: pino({ level: 'warn' }),
      engineStatus: provided,
    });
    await service.ensureIndex();
    const app = createApp({ service, limits: { maxPageSize: 50, maxResultWindow: 1000, adminApiKey: ADMIN_KEY }, logger: pino({ level: 'silent' }), metrics });
    const port = await findFreePort();
    server = createHttpServer(app.fetch, '127.0.0.1');
    await new Promise<void>((ready) => server!.listen(port, '127.0.0.1', () => ready()));
    const api = `http://127.0.0.1:${port}`;
    print(`# Fault scenarios — embedded OpenSearch in ${workDir}, API on ${api}, ready in ${seconds(Date.now() - started)}`);
    print(`corpus: ${corpus}`);

    const admin = { authorization: `Bearer ${ADMIN_KEY}` };
    const task = async (id: string) => (await (await fetch(`${api}/admin/tasks/${id}`, { headers: admin })).json()) as TaskView;
    const settle = async (id: string, onProgress?: (t: TaskView) => void) => {
      for (;;) {
        const t = await task(id);
        if (t.state !== 'running') return t;
        onProgress?.(t);
        await sleep(250);
      }
    };
    const post = async (path: string, body?: BodyInit, headers: Record<string, string> = {}) => {
      const response = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { ...admin, ...headers },
        ...(body ? { body, duplex: 'half' } : {}),
      } as RequestInit);
      if (response.status !== 202) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as TaskView;
    };
    const postCorpus = () =>
      post('/admin/ingest', Readable.toWeb(createReadStream(corpus)) as ReadableStream, {
        'content-type': 'application/x-ndjson',
        ...(corpus.endsWith('.gz') ? { 'content-encoding': 'gzip' } : {}),
      });
    const waitReady = async () => {
      const from = Date.now();
      while ((await fetch(`${api}/health/ready`)).status !== 200) await sleep(200);
      return Date.now() - from;
    };
    const enginePid = () => provided!.process()?.pid ?? undefined;

    if (only.has('engine-kill')) {
      print('\n## The embedded engine killed (-9) during search load');
      const load = searchLoad(api, 16);
      await sleep(3_000);
      const pid = enginePid();
      const killedAt = Date.now();
      process.kill(pid!, 'SIGKILL');
      const downFor = await waitReady().then((ms) => ms);
      await sleep(3_000);
      const result = await load.stop();
      const after = result.log.filter((r) => r.at > killedAt);
      const first503 = after.find((r) => r.status === 503)?.at;
      const last503 = [...after].reverse().find((r) => r.status === 503)?.at;
      const firstOkAfter = after.find((r) => r.status === 200 && r.at > (last503 ?? killedAt))?.at;
      print(`searches: ${result.log.length}, 200: ${result.count(200)}, 503: ${result.count(503)}, other failures: ${result.other}`);
      print(
        `killed pid ${pid}; first 503 after ${first503 ? seconds(first503 - killedAt) : '–'}; 503s for ${first503 && last503 ? seconds(last503 - first503) : '–'}; serving again ${firstOkAfter ? seconds(firstOkAfter - killedAt) : '–'} after the kill (readiness after ${seconds(downFor)}); new pid ${enginePid()}, restarts ${provided.process()?.restarts}`,
      );
      verdict(result.other === 0, 'no answer other than 200 or 503, no failed connection');
      // Refused at once by design; the figure also holds this process's own event loop, which runs the load.
      verdict(!!first503 && first503 - killedAt < 5_000, '503 within seconds of the kill, not after a request timeout');
      verdict(
        after.filter((r) => r.at > (firstOkAfter ?? Infinity) + 1_000).every((r) => r.status === 200),
        'only 200s once it serves again',
      );
      verdict(provided.process()?.restarts === 1 && enginePid() !== pid, 'the engine restarted by its supervisor, the API process the same');
    }

    let uniqueArticles = 0;
    if (only.has('ingest-kill') || only.has('reload')) {
      print('\n## The engine killed (-9) during an ingest of the ANT corpus');
      const first = await postCorpus();
      let killed = false;
      let killedAt = 0;
      const cut = await settle(first.id, (t) => {
        if (!killed && only.has('ingest-kill') && Number(t.progress?.read ?? 0) >= 4_000) {
          killed = true;
          killedAt = Date.now();
          process.kill(enginePid()!, 'SIGKILL');
        }
      });
      const cutResult = cut.result as IngestResult | null;
      print(
        `first run: ${cut.state}${cut.error ? ` (${cut.error.code})` : ''}; read ${cutResult?.read}, indexed ${cutResult?.indexed}, not stored from line ${cutResult?.notStoredFrom?.line ?? '–'}`,
      );
      if (killed) {
        await waitReady();
        print(`engine serving again ${seconds(Date.now() - killedAt)} after the kill`);
      }
      await service.engine.refresh(alias);
      const storedAfterCut = await service.engine.count(alias);
      const again = killed ? await settle((await postCorpus()).id) : cut;
      const report = again.result as IngestResult;
      uniqueArticles = report.read - report.duplicates - report.rejected.length;
      await service.engine.refresh(alias);
      const stored = await service.engine.count(alias);
      print(
        `stored after the cut: ${storedAfterCut}; second run: ${again.state}, read ${report.read}, indexed ${report.indexed}, unchanged ${report.unchanged}, duplicates in the corpus ${report.duplicates}, rejected ${report.rejected.length}`,
      );
      print(`unique valid articles: ${uniqueArticles}; stored: ${stored}; lost: ${uniqueArticles - stored}; stored twice: 0 (ids are document ids)`);
      if (killed) verdict(cut.state === 'failed' && !!cutResult?.notStoredFrom, 'the interrupted ingest says where to resume');
      verdict(again.state === 'succeeded' && stored === uniqueArticles, 'a re-run completes it: stored = unique ids, none lost');
    }

    if (only.has('reload')) {
      print('\n## Analysis reload and re-tagging of the whole corpus, while searching and ingesting');
      const load = searchLoad(api, 8);
      const writes = async (prefix: string, count: number) => {
        const body = Array.from({ length: count }, (_, i) =>
          JSON.stringify({ id: `${prefix}-${i}`, title: `مقال ${prefix} ${i}`, text: `نص المقال ${i} عن وزير الخارجية الجزائري والعلاقات الثنائية.` }),
        ).join('\n');
        return post('/admin/ingest', body, { 'content-type': 'application/x-ndjson' });
      };
      const peopleFile = join(dataRoot, 'analyzers', 'synonyms', 'people.txt');
      writeFileSync(peopleFile, `${readFileSync(peopleFile, 'utf8')}\nfaultsname, faults-name-synonym\n`);
      const reloadStarted = Date.now();
      const reload = await post('/admin/analysis/reload');
      await sleep(200);
      const duringReload = await writes('during-reload', 3_000);
      const [reloaded, written1] = await Promise.all([settle(reload.id), settle(duringReload.id)]);
      const reloadMs = Date.now() - reloadStarted;
      const regionsFile = join(dataRoot, 'taxonomy', 'regions.json');
      const regions = JSON.parse(readFileSync(regionsFile, 'utf8')) as { regions: { slug: string }[] };
      regions.regions = regions.regions.filter((r) => r.slug !== 'libya');
      writeFileSync(regionsFile, JSON.stringify(regions));
      const retagStarted = Date.now();
      const retag = await post('/admin/tags/rebuild');
      const duringRetag = await writes('during-retag', 3_000);
      const [retagged, written2] = await Promise.all([settle(retag.id), settle(duringRetag.id)]);
      const retagMs = Date.now() - retagStarted;
      const result = await load.stop();
      await service.engine.refresh(alias);
      const ids = [...Array.from({ length: 3_000 }, (_, i) => `during-reload-${i}`), ...Array.from({ length: 3_000 }, (_, i) => `during-retag-${i}`)];
      let found = 0;
      for (let i = 0; i < ids.length; i += 1_000) found += (await service.engine.getSources(alias, ids.slice(i, i + 1_000), ['id'])).size;
      const stored = await service.engine.count(alias);
      const reloadResult = reloaded.result as { index: string; copied: number } | null;
      const retagResult = retagged.result as { read: number; changed: number } | null;
      print(
        `reload: ${reloaded.state} in ${seconds(reloadMs)}, copied ${reloadResult?.copied}, now ${reloadResult?.index}; ingest beside it: ${written1.state}`,
      );
      print(
        `re-tag: ${retagged.state} in ${seconds(retagMs)}, read ${retagResult?.read}, changed ${retagResult?.changed}; ingest beside it: ${written2.state}`,
      );
      print(
        `searches meanwhile: ${result.log.length}, failed: ${result.log.length - result.count(200)}; articles written meanwhile: 6000, found after: ${found}`,
      );
      print(`stored: ${stored} (corpus ${uniqueArticles} + 6000 = ${uniqueArticles + 6_000})`);
      verdict(reloaded.state === 'succeeded' && retagged.state === 'succeeded', 'reload and re-tag succeeded');
      verdict(result.log.length > 0 && result.count(200) === result.log.length, 'zero failed queries');
      verdict(found === 6_000 && (uniqueArticles === 0 || stored === uniqueArticles + 6_000), 'zero lost writes');
    }

    if (only.has('load')) {
      print(`\n## ${loadSeconds} s at ${loadConnections} connections, the compiled API in its own process`);
      if ((await service.engine.count(alias)) === 0) {
        const loaded = await settle((await postCorpus()).id);
        print(`the corpus loaded first: ${loaded.state}, ${(loaded.result as IngestResult).read} articles`);
      }
      const apiPort = await findFreePort();
      const apiLog = join(workDir, 'api.log');
      const child = spawn(process.execPath, compiledEntryArgs('src/main.js'), {
        env: {
          ...process.env,
          SEARCH_URL: provided.url,
          SEARCH_ENGINE: 'opensearch',
          INDEX_ALIAS: alias,
          INGEST_SEEDS: 'false',
          PORT: String(apiPort),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', openSync(apiLog, 'w'), openSync(apiLog, 'a')],
      });
      try {
        const url = `http://127.0.0.1:${apiPort}`;
        while ((await fetch(`${url}/health/ready`).catch(() => undefined))?.status !== 200) await sleep(200);
        const rss: number[] = [];
        const sampler = setInterval(() => rss.push(readResidentMemory(child.pid!).rssMb), 1_000);
        const spec = {
          url,
          connections: loadConnections,
          durationSeconds: loadSeconds,
          requests: QUERIES.map((q) => ({ method: 'GET', path: `/search?q=${encodeURIComponent(q)}` })),
        };
        const worker = join(PROJECT_ROOT, 'tools', 'bench', 'load-worker.ts');
        // Asynchronously, so the memory sampler above keeps running during the load.
        const { stdout: output } = await promisify(execFile)(process.execPath, [...nodeFlags(), '--import', 'tsx', worker, JSON.stringify(spec)], {
          encoding: 'utf8',
          maxBuffer: 10_000_000,
        });
        clearInterval(sampler);
        const result = JSON.parse(output) as { requests: number; rps: number; p50: number; p99: number; errors: number; timeouts: number; non2xx: number };
        const mb = (value: number | undefined) => `${Math.round(value ?? 0)} MB`;
        const warm = rss[Math.min(10, rss.length - 1)]!;
        const last = rss.at(-1)!;
        print(
          `requests: ${result.requests} (${Math.round(result.rps)}/s), p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
        );
        print(`API RSS: start ${mb(rss[0])}, after 10 s ${mb(warm)}, end ${mb(last)}, peak ${mb(Math.max(...rss))}`);
        verdict(result.errors === 0 && result.timeouts === 0 && result.non2xx === 0, 'zero errors');
        verdict(last <= warm * 1.15, 'memory flat: the end within 15 % of the RSS after 10 s');
      } finally {
        child.kill('SIGTERM');
      }
    }
  } finally {
    server?.close();
    server?.closeAllConnections();
    if (provided) {
      for (const index of await provided.engine.listIndices(`${alias}-*`).catch(() => [])) await provided.engine.deleteIndex(index).catch(() => {});
      await provided.release();
    }
  }
rmSync(workDir, { recursive: true, force: true });
rmSync(dataRoot, { recursive: true, force: true });
print(`\n${failures === 0 ? 'all scenarios passed' : `${failures} check(s) failed`} in ${seconds(Date.now() - started)}`);
process.exit(failures === 0 ? 0 : 1);

/**
 * Three embedded nodes, the index with one replica; 16 clients search through the API while the node
 * holding the primary gets `kill -9`: no search may fail (the copy on another node answers).
 */
async function clusterKill(): Promise<void> {
  print('\n## 3 nodes, 1 replica, the node holding the primary killed (-9) during search load');
  const clusterDir = mkdtempSync(join(tmpdir(), 'faults-cluster-'));
  const cluster = await startEmbeddedOpenSearchCluster({ count: 3, workDir: clusterDir, heap: '512m' });
  const engine = await connectEngine({ url: cluster.url, requestTimeoutMs: 10_000, kind: 'opensearch' });
  const clusterAlias = `faults-cluster-${Date.now().toString(36)}`;
  let clusterServer: Server | undefined;
  try {
    const service = SearchService.open({
      engine,
      alias: clusterAlias,
      dataRoot,
      maxQueryClauses: 1024,
      defaultProfile: 'default',
      englishDictionary: DEFAULT_ENGLISH_DICTIONARY,
      logger: pino({ level: 'warn' }),
      indexLayout: { replicas: 1 },
    });
    const state = await service.ensureIndex();
    await service.ingest(readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])));
    while ((await engine.clusterHealth()).status !== 'green') await sleep(500);
    const app = createApp({ service, limits: { maxPageSize: 50, maxResultWindow: 1000 }, logger: pino({ level: 'silent' }) });
    const port = await findFreePort();
    clusterServer = createHttpServer(app.fetch, '127.0.0.1');
    await new Promise<void>((ready) => clusterServer!.listen(port, '127.0.0.1', () => ready()));
    const shards = (await (await fetch(`${engineNodes(cluster.url)[0]}/_cat/shards/${state.index}?format=json&h=prirep,node`)).json()) as {
      prirep: string;
      node: string;
    }[];
    const victim = Number(shards.find((shard) => shard.prirep === 'p')!.node.replace('embedded-', ''));
    const load = searchLoad(`http://127.0.0.1:${port}`, 16);
    await sleep(3_000);
    process.kill(cluster.nodes[victim]!.pid, 'SIGKILL');
    await sleep(10_000);
    const result = await load.stop();
    const health = await engine.clusterHealth();
    print(
      `searches: ${result.log.length}, 200: ${result.count(200)}, failed: ${result.log.length - result.count(200)}; killed node ${victim} (primary); cluster now ${health.status}, ${health.nodes} nodes`,
    );
    verdict(result.log.length > 0 && result.count(200) === result.log.length, 'zero failed searches');
  } finally {
    clusterServer?.close();
    clusterServer?.closeAllConnections();
    await engine.close();
    await cluster.stop();
    rmSync(clusterDir, { recursive: true, force: true });
  }
}

interface TaskView {
  id: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: Record<string, unknown> | null;
  result: unknown;
  error: { code: string; message: string } | null;
}

interface IngestResult {
  read: number;
  indexed: number;
  unchanged: number;
  duplicates: number;
  rejected: unknown[];
  notStoredFrom?: { line: number };
}

/** `workers` loops of GET /search on loopback until stopped: every answer's status and time. */
function searchLoad(api: string, workers: number) {
  const log: { at: number; status: number }[] = [];
  let other = 0;
  let running = true;
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; running; i++) {
      try {
        const response = await fetch(`${api}/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`, { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        log.push({ at: Date.now(), status: response.status });
        if (response.status !== 200 && response.status !== 503) other++;
      } catch {
        other++;
        log.push({ at: Date.now(), status: 0 });
      }
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { log, other, count: (status: number) => log.filter((r) => r.status === status).length };
    },
  };
}
