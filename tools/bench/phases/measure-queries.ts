import { log, out, recordMemory, type BenchContext } from '../bench-context.js';
import { waitForMerges } from '../bench-engine.js';
import { meanLoad, runLoad, runPaired, startPassThroughProxy, type LoadRequest, type LoadResult, type RunningServer } from '../bench-processes.js';
import { readCpuSeconds, withMemory } from '../process-usage.js';
import { buildQueryMix } from './query-mix.js';

/** Seconds of query load per path before any query is measured. */
const WARMUP_QUERY_SECONDS = 10;
const CONNECTIONS = [1, 8, 32];
/** Each path's time at a number of connections is cut into this many runs, interleaved with the others' (the host's speed drifts within a minute). */
const CYCLES = 2;
/**
 * After an ingest the engine answers the mix slowly for a minute or two of queries, at the same CPU
 * (measured at one connection: mean 78 ms in the first 10 s, 16 ms after 70 s; another time 54 ms
 * for 40 s, then 36, 28, 25), in steps with plateaus between. So it is warmed in rounds of 10 s, at
 * least MIN_SETTLING_ROUNDS of them, until its mean latency moves less than SETTLED_SHARE from one
 * round to the next.
 */
const SETTLED_SHARE = 0.05;
const MIN_SETTLING_ROUNDS = 9;
const MAX_SETTLING_ROUNDS = 18;
/** What Chromium sends on a page's fetch. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** Rounds over the mix of the paired one-connection run: 60 × 10 queries, each down the four paths. */
const PAIRED_ROUNDS = 60;

/**
 * Queries at 1, 8 and 32 connections down three paths: the engine itself, a bare Node proxy and the
 * API. Prints the query table; keeps the figures for the picture and the API's memory while serving.
 */
export async function measureQueries(context: BenchContext, api: RunningServer): Promise<void> {
  const { options } = context;
  const { size, apiRequests, engineRequests } = buildQueryMix(context.aliases.api, context.service);
  const apiPid = api.process.pid!;
  const proxy = await startPassThroughProxy(context);
  const proxyPid = proxy.process.pid!;
  // Merges left by the ingest would slow whichever path they overlapped.
  await waitForMerges(context, context.aliases.api);
  const settling = await warmEngineUntilSettled(context.engineUrl, engineRequests);
  log(`warm-up: ${WARMUP_QUERY_SECONDS} s of queries on the proxy and the API, not measured …`);
  await runLoad(proxy.url, 8, engineRequests, WARMUP_QUERY_SECONDS);
  await runLoad(api.url, 8, apiRequests, WARMUP_QUERY_SECONDS);

  const sliceSeconds = options.durationSeconds / CYCLES;
  const load = (url: string, connections: number, requests: LoadRequest[]) => runLoad(url, connections, requests, sliceSeconds);
  /** A load run with the CPU a process spent on it. */
  const loadWithCpu = async (pid: number, url: string, connections: number, requests: LoadRequest[]) => {
    const before = readCpuSeconds(pid);
    const result = await load(url, connections, requests);
    return { ...result, cpuSeconds: readCpuSeconds(pid) - before };
  };
  out(context, `\n## Queries (${size}-query mix: names, phrases, filters, facets; ${2 * options.durationSeconds} s a path at each number of connections)\n`);
  out(
    context,
    'Beside the API, a bare Node proxy (`tools/bench/pass-through-proxy.ts`: forward, parse the JSON, write it back) shows what one Node hop costs on this machine. ',
  );
  out(
    context,
    `At each number of connections the paths ran ${CYCLES} times in the order engine, proxy, API, API, proxy, engine, ${sliceSeconds} s a run, after the engine was warmed until settled (${settling}) and 10 s of queries on the proxy and the API; the figures are the means of each path's runs.\n`,
  );
  out(
    context,
    '| connections | engine p50 / p99 ms | bare proxy p50 / p99 ms | API p50 / p99 ms | added p50 (mean) ms: proxy / API | engine req/s | throughput vs engine: proxy / API | CPU ms / request: proxy / API |',
  );
  out(context, '|---|---|---|---|---|---|---|---|');
  for (const connections of CONNECTIONS) {
    log(`queries: ${connections} connections …`);
    // Mirrored and repeated, so that a drift in the engine's or the host's speed weighs on all three paths alike.
    const directRuns: LoadResult[] = [];
    const proxiedRuns: (LoadResult & { cpuSeconds: number })[] = [];
    const servedRuns: (LoadResult & { cpuSeconds: number })[] = [];
    const { memory } = await withMemory(apiPid, async () => {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        directRuns.push(await load(context.engineUrl, connections, engineRequests));
        proxiedRuns.push(await loadWithCpu(proxyPid, proxy.url, connections, engineRequests));
        servedRuns.push(await loadWithCpu(apiPid, api.url, connections, apiRequests));
        servedRuns.push(await loadWithCpu(apiPid, api.url, connections, apiRequests));
        proxiedRuns.push(await loadWithCpu(proxyPid, proxy.url, connections, engineRequests));
        directRuns.push(await load(context.engineUrl, connections, engineRequests));
      }
    });
    const direct = meanLoad(directRuns);
    const proxied = meanLoad(proxiedRuns);
    const served = meanLoad(servedRuns);
    // CPU per request: on a machine the engine saturates, what each hop takes from the engine's throughput.
    const cpuMsPerRequest = (runs: { cpuSeconds: number; requests: number }[]) =>
      (runs.reduce((sum, run) => sum + run.cpuSeconds, 0) * 1000) /
      Math.max(
        1,
        runs.reduce((sum, run) => sum + run.requests, 0),
      );
    recordMemory(context, `API process, serving ${connections} connection${connections > 1 ? 's' : ''}`, memory);
    context.results.queries.push({
      connections,
      p50Ms: { engine: direct.p50, proxy: proxied.p50, api: served.p50 },
      requestsPerSecond: { engine: direct.rps, proxy: proxied.rps, api: served.rps },
    });
    const share = (run: { rps: number }) => `${((run.rps / direct.rps) * 100).toFixed(0)}%`;
    const ms = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
    out(
      context,
      `| ${connections} | ${ms(direct.p50)} / ${ms(direct.p99)} | ${ms(proxied.p50)} / ${ms(proxied.p99)} | ${ms(served.p50)} / ${ms(served.p99)} | ${ms(proxied.p50 - direct.p50)} (${(proxied.mean - direct.mean).toFixed(1)}) / ${ms(served.p50 - direct.p50)} (${(served.mean - direct.mean).toFixed(1)}) | ${direct.rps.toFixed(0)} | ${share(proxied)} / ${share(served)} | ${cpuMsPerRequest(proxiedRuns).toFixed(2)} / ${cpuMsPerRequest(servedRuns).toFixed(2)} |`,
    );
    if (served.errors + served.non2xx > 0) out(context, `  (API errors ${served.errors}, non-2xx ${served.non2xx})`);
  }
  await measurePairedOneConnection(context, proxy.url, api.url, engineRequests, apiRequests);
  proxy.process.kill('SIGTERM');
  await measureTypeahead(context, api);
  await measureProfileCost(context);
}

/** The value below which a share `q` of the sorted values lies (nearest rank). */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * The latency each hop adds at one connection, from pairs: each query down the engine, the proxy and
 * the API, plain and gzipped, in turn (the order rotating), the difference taken within the pair. Runs of several seconds
 * a path see the engine's speed drift by more than the hop costs; within a pair it hardly moves.
 */
async function measurePairedOneConnection(context: BenchContext, proxyUrl: string, apiUrl: string, engineRequests: LoadRequest[], apiRequests: LoadRequest[]) {
  log(`queries: 1 connection, paired, ${PAIRED_ROUNDS} rounds over the mix …`);
  // A browser asks for compressed answers: what gzip adds is measured beside the plain API path.
  const browserRequests = apiRequests.map((request) => ({ ...request, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } }));
  const [engine, proxied, served, compressed] = await runPaired(
    [
      { url: context.engineUrl, requests: engineRequests },
      { url: proxyUrl, requests: engineRequests },
      { url: apiUrl, requests: apiRequests },
      { url: apiUrl, requests: browserRequests },
    ],
    PAIRED_ROUNDS,
  );
  const added = (path: number[]) => path.map((latency, i) => latency - engine![i]!).sort((a, b) => a - b);
  const describe = (differences: number[]) =>
    `${quantile(differences, 0.5).toFixed(2)} ms (middle half ${quantile(differences, 0.25).toFixed(2)} to ${quantile(differences, 0.75).toFixed(2)})`;
  const sortedEngine = [...engine!].sort((a, b) => a - b);
  out(
    context,
    `\nOne connection, paired: ${engine!.length} queries, each down the engine, the proxy, the API and the API asked for gzip as a browser asks, in turn (the order rotating); engine p50 ${quantile(sortedEngine, 0.5).toFixed(1)} ms. ` +
      `Latency added, the median of the pairs' differences: proxy ${describe(added(proxied!))}, API ${describe(added(served!))}, API with gzip ${describe(added(compressed!))}.\n`,
  );
}

/** What a reader types a letter at a time: suggestions and facet-value search, Arabic and Latin prefixes. */
const TYPEAHEAD_PATHS: [what: string, paths: string[]][] = [
  ['a request that does nothing (`/health/live`)', ['/health/live']],
  ['suggestions (`/suggest`)', ['بلي', 'ترا', 'الاتحاد ال', 'tru', 'merk'].map((q) => `/suggest?${new URLSearchParams({ q })}`)],
  ...(['regions', 'people', 'organizations', 'topics'] as const).map((facet): [string, string[]] => [
    `facet-value search (\`/facets/${facet}\`)`,
    ['م', 'ال', 'مص', 'حم', 'tr', 'uk', 'sp'].map((q) => `/facets/${facet}?${new URLSearchParams({ q })}`),
  ]),
];
/** Seconds of one-connection load on each typeahead path. */
const TYPEAHEAD_SECONDS = 3;

/** The API's CPU and latency a request on what is typed a letter at a time, beside a request that does nothing. */
async function measureTypeahead(context: BenchContext, api: RunningServer): Promise<void> {
  log('typeahead: suggestions and facet-value search, 1 connection …');
  out(context, `\n## Typeahead (1 connection, ${TYPEAHEAD_SECONDS} s a path)\n`);
  out(context, '| path | requests | p50 ms | API CPU ms / request |');
  out(context, '|---|---|---|---|');
  for (const [what, paths] of TYPEAHEAD_PATHS) {
    const before = readCpuSeconds(api.process.pid!);
    const result = await runLoad(
      api.url,
      1,
      paths.map((path) => ({ method: 'GET', path })),
      TYPEAHEAD_SECONDS,
    );
    const cpuMs = ((readCpuSeconds(api.process.pid!) - before) * 1000) / Math.max(1, result.requests);
    out(context, `| ${what} | ${result.requests} | ${result.p50.toFixed(1)} | ${cpuMs.toFixed(2)} |`);
    if (result.errors + result.non2xx > 0) out(context, `  (errors ${result.errors}, non-2xx ${result.non2xx})`);
  }
}

/** The ranking profile in force before query understanding and typo tolerance, kept to measure what they cost. */
const PROFILE_BEFORE_QUERY_UNDERSTANDING = 'default-v1';

/**
 * What the default profile costs against the one before query understanding: the same mix, each
 * profile's own bodies, straight to the engine at one connection, in the order A B B A.
 */
async function measureProfileCost(context: BenchContext): Promise<void> {
  const before = context.service.profiles.get(PROFILE_BEFORE_QUERY_UNDERSTANDING);
  if (!before) return void out(context, `\nRanking profile cost: not measured (no profile named ${PROFILE_BEFORE_QUERY_UNDERSTANDING}).`);
  const current = context.service.profiles.get()!;
  const bodies = [current, before].map((profile) => buildQueryMix(context.aliases.api, context.service, profile).engineRequests);
  log(`ranking profile cost: ${current.name} against ${before.name}, 1 connection …`);
  const load = (requests: LoadRequest[]) => runLoad(context.engineUrl, 1, requests, context.options.durationSeconds);
  const currentFirst = await load(bodies[0]!);
  const beforeRuns = [await load(bodies[1]!), await load(bodies[1]!)];
  const currentRuns = [currentFirst, await load(bodies[0]!)];
  const [now, then] = [meanLoad(currentRuns), meanLoad(beforeRuns)];
  out(context, `\n## Ranking profile cost (the same mix, engine only, 1 connection)\n`);
  out(
    context,
    `${current.name}: p50 ${now.p50.toFixed(1)} ms, p99 ${now.p99.toFixed(1)} ms; ${before.name} (before query understanding and typo tolerance): p50 ${then.p50.toFixed(1)} ms, p99 ${then.p99.toFixed(1)} ms; ratio p50 **×${(now.p50 / then.p50).toFixed(2)}** (target ≤ ×1.5).`,
  );
}

/** Queries the engine in rounds of 10 s at one connection, the first level measured, until its mean latency settles; says how it went. */
async function warmEngineUntilSettled(engineUrl: string, requests: LoadRequest[]): Promise<string> {
  const means: number[] = [];
  let settled = false;
  while (!settled && means.length < MAX_SETTLING_ROUNDS) {
    const { mean } = await runLoad(engineUrl, 1, requests, WARMUP_QUERY_SECONDS);
    log(`warm-up: engine round ${means.length + 1}, mean ${mean.toFixed(1)} ms`);
    const previous = means.at(-1);
    means.push(mean);
    settled = means.length >= MIN_SETTLING_ROUNDS && previous !== undefined && Math.abs(mean - previous) / previous < SETTLED_SHARE;
  }
  return `${means.length} rounds of ${WARMUP_QUERY_SECONDS} s at one connection, mean ${means.map((m) => m.toFixed(0)).join(' → ')} ms${settled ? '' : ', still moving'}`;
}
