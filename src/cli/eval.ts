import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { evaluateReference } from '../relevance/collection-index.js';
import { compareRuns } from '../relevance/compare-runs.js';
import {
  COLLECTION_NAMES,
  CollectionMissingError,
  defaultCollectionPaths,
  HALVES,
  inHalf,
  loadCollection,
  meanOfHalf,
  withQrels,
  type CollectionName,
  type Half,
} from '../relevance/eval-collections.js';
import { judgedQueries } from '../relevance/judged-search.js';
import { gradesToTrecQrels, toTrecRun } from '../relevance/judgment-files.js';
import { meanMetrics, type GainKind } from '../relevance/rank-metrics.js';
import { renderComparisonHtml } from '../relevance/render-report.js';
import type { EvaluationRun } from '../relevance/run-evaluation.js';
import type { SearchService } from '../service/search-service.js';
import { runWithEngine } from './run-with-engine.js';
import { asksForHelp, exitWithUsage } from './usage.js';

// Evaluates a ranking profile on a test collection, on the real engine, beside the reference row (the
// same documents under the engine's stock `arabic` analyzer, plain multi_match over title^2, body),
// on the tuning and held-out halves of the queries. The collection's indexes are built once and
// reused while their inputs are unchanged. Writes runs as JSON and TREC, and an HTML report when comparing.
const EVAL_USAGE =
  'npm run eval [-- --collection seeds|typos|known-item|arcd|quran-qa] [--profile default] [--compare exact-first | --baseline relevance/runs/seeds-default.json] [--k 10] [--gain linear|exponential] [--judgments FILE (seeds)] [--qrels FILE] [--per-query] [--out relevance/runs]';
if (asksForHelp(process.argv.slice(2))) exitWithUsage(EVAL_USAGE);
const { values: options } = (() => {
  try {
    return parseArgs({
      options: {
        collection: { type: 'string' },
        profile: { type: 'string' },
        compare: { type: 'string' },
        baseline: { type: 'string' },
        k: { type: 'string' },
        gain: { type: 'string' },
        judgments: { type: 'string' },
        qrels: { type: 'string' },
        'per-query': { type: 'boolean' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    return exitWithUsage(EVAL_USAGE, (error as Error).message);
  }
})();
const option = (name: Exclude<keyof typeof options, 'per-query'>, fallback: string) => options[name] ?? fallback;
// Every argument is checked before any index is built: a first known-item run ingests the ANT corpus first.
const refuse = (problem: string): never => exitWithUsage(EVAL_USAGE, problem);
const collectionName = option('collection', 'seeds') as CollectionName;
if (!COLLECTION_NAMES.includes(collectionName)) refuse(`--collection: one of ${COLLECTION_NAMES.join(', ')}, not "${collectionName}"`);
const profileName = option('profile', 'default');
const compareWith = options.compare;
const profilesDir = join(PROJECT_ROOT, 'relevance', 'profiles');
for (const [flag, name] of [
  ['--profile', profileName],
  ['--compare', compareWith],
] as const)
  if (name !== undefined && !existsSync(join(profilesDir, `${name}.json`)))
    refuse(
      `${flag}: no profile named "${name}" in relevance/profiles/ (${readdirSync(profilesDir)
        .map((file) => file.replace(/\.json$/, ''))
        .join(', ')})`,
    );
const k = Number(option('k', '10'));
if (!Number.isInteger(k) || k < 1 || k > 100) refuse(`--k: a whole number from 1 to 100, not "${options.k}"`);
const gain = option('gain', 'linear') as GainKind;
if (gain !== 'linear' && gain !== 'exponential') refuse(`--gain: linear or exponential, not "${gain}"`);
for (const flag of ['judgments', 'qrels', 'baseline'] as const)
  if (options[flag] !== undefined && !existsSync(resolve(options[flag]))) refuse(`--${flag}: no file ${options[flag]}`);
if (options.judgments && collectionName !== 'seeds') refuse('--judgments: judged seed queries, for --collection seeds only');
if (compareWith && options.baseline) refuse('--compare or --baseline, not both');
const outDir = resolve(option('out', join(PROJECT_ROOT, 'relevance', 'runs')));

const collection = (() => {
  try {
    const loaded = loadCollection(collectionName, defaultCollectionPaths(PROJECT_ROOT));
    if (options.judgments) {
      const judged = judgedQueries(resolve(options.judgments));
      return { ...loaded, description: `${judged.length} judged seed queries (${options.judgments})`, queries: judged };
    }
    return options.qrels ? withQrels(loaded, readFileSync(resolve(options.qrels), 'utf8')) : loaded;
  } catch (error) {
    const where = collectionName === 'quran-qa' ? 'QURAN_QA' : 'ANT_CORPUS';
    return refuse(error instanceof CollectionMissingError ? `${error.message} (${where} names another place)` : (error as Error).message);
  }
})();
const queries = collection.queries;

/** A run as saved: with what it was measured, so a baseline measured otherwise is refused, not compared. */
type NamedRun = EvaluationRun & { profile: string; collection?: string; gain?: GainKind };
const baseline = options.baseline ? readBaseline(options.baseline) : undefined;

function readBaseline(file: string): NamedRun {
  const run = (() => {
    try {
      return JSON.parse(readFileSync(resolve(file), 'utf8')) as NamedRun;
    } catch (error) {
      return refuse(`--baseline: ${file} is no run: ${(error as Error).message}`);
    }
  })();
  if (!Array.isArray(run.queries)) return refuse(`--baseline: ${file} is no run (no queries)`);
  if (run.collection === undefined || run.gain === undefined)
    refuse(`--baseline: ${file} does not say with which collection and gain it was measured (written before runs did): evaluate it again`);
  const differs = [
    run.collection !== collection.name && `collection ${run.collection}, not ${collection.name}`,
    run.gain !== gain && `nDCG gain ${run.gain}, not ${gain} (add --gain ${run.gain})`,
    run.k !== k && `k ${run.k}, not ${k} (add --k ${run.k})`,
  ].filter(Boolean);
  if (differs.length > 0) refuse(`--baseline: ${file} was measured with ${differs.join('; ')}`);
  const ids = new Set(queries.map((query) => query.id));
  if (!run.queries.some((query) => ids.has(query.id))) refuse(`--baseline: ${file} scored none of these queries`);
  // Its own row: a baseline of the same profile would otherwise read "default against default".
  return { ...run, profile: `${run.profile} (${basename(file)})` };
}
const progress = (name: string) => (done: number, total: number) => {
  if (done % 50 === 0 || done === total) process.stderr.write(`\r${name}: ${done}/${total} queries   `);
};

async function evaluate(service: SearchService, name: string, index: string): Promise<NamedRun> {
  const profile = service.profiles.get(name);
  if (!profile) throw new Error(`no profile named "${name}" in relevance/profiles/`);
  const run = await service.evaluate(queries, profile, k, progress(name), { index, gain });
  process.stderr.write('\n');
  return { ...run, profile: name };
}

const f = (v: number | undefined) => (v === undefined ? '  –  ' : v.toFixed(3));
// A collection whose queries have families (the typo set) is also reported family by family.
const familyOf = new Map(queries.flatMap((q) => (q.family ? [[q.id, q.family] as const] : [])));
const families = [...new Set(familyOf.values())];

await runWithEngine(async ({ service }) => {
  const indexes = await service.evaluationIndexes(collection, (message) => process.stderr.write(`${message}\n`));
  const reused = Object.entries(indexes.reused).filter(([, was]) => was);
  if (reused.length > 0) process.stderr.write(`reused: ${reused.map(([kind]) => kind).join(', ')} index\n`);

  const run = await evaluate(service, profileName, indexes.product);
  const other = compareWith ? await evaluate(service, compareWith, indexes.product) : baseline;
  const reference: NamedRun = {
    ...(await evaluateReference(service.engine, indexes.reference, queries, k, progress('reference'), gain)),
    profile: 'reference',
  };
  process.stderr.write('\n');

  const metrics = Object.keys(run.mean);
  const counts = Object.fromEntries(HALVES.map((half) => [half, inHalf(queries, half).length]));
  console.log(`\n${collection.name}: ${collection.description}; k = ${k}, nDCG gain ${gain}`);
  console.log(`halves by SHA-256 of the query id: tuning ${counts.tuning}, held-out ${counts['held-out']} queries\n`);
  const rows = [run, ...(other ? [other] : []), reference];
  const labelWidth = Math.max(22, ...rows.map((row) => row.profile.length + 1), `${profileName} / reference`.length + 1);
  console.log(`${'half'.padEnd(9)} ${'run'.padEnd(labelWidth)}${metrics.map((m) => m.padStart(10)).join('')}`);
  for (const half of HALVES) {
    const referenceMean = meanOfHalf(reference, half);
    for (const row of rows) {
      const mean = meanOfHalf(row, half);
      console.log(`${half.padEnd(9)} ${row.profile.padEnd(labelWidth)}${metrics.map((m) => f(mean[m]).padStart(10)).join('')}`);
    }
    const ratio = meanOfHalf(run, half);
    console.log(
      `${half.padEnd(9)} ${`${profileName} / reference`.padEnd(labelWidth)}${metrics.map((m) => (referenceMean[m] ? `×${(ratio[m]! / referenceMean[m]).toFixed(3)}` : '–').padStart(10)).join('')}`,
    );
  }
  if (families.length > 0) {
    const metric = 'success@1';
    console.log(`\n${metric} by family, tuning / held-out (queries in each half)`);
    console.log(`${'family'.padEnd(18)}${'queries'.padStart(9)}${rows.map((row) => row.profile.padStart(16)).join('')}`);
    for (const family of families) {
      const ofFamily = <T extends { id: string }>(items: T[], half: Half) => inHalf(items, half).filter((item) => familyOf.get(item.id) === family);
      const count = (half: Half) => ofFamily(queries, half).length;
      const meanIn = (row: EvaluationRun, half: Half) => f(meanMetrics(ofFamily(row.queries, half).map((q) => q.metrics))[metric]);
      const cell = (row: EvaluationRun) => `${meanIn(row, 'tuning')} / ${meanIn(row, 'held-out')}`;
      console.log(`${family.padEnd(18)}${`${count('tuning')} / ${count('held-out')}`.padStart(9)}${rows.map((row) => cell(row).padStart(16)).join('')}`);
    }
  }
  if (options['per-query']) {
    // The id column as wide as the longest id; each row's half, and the query's text last.
    const width = Math.max(5, ...run.queries.map((q) => q.id.length)) + 2;
    const halfOf = new Map(HALVES.filter((half) => half !== 'all').flatMap((half) => inHalf(run.queries, half).map((q) => [q.id, half] as const)));
    console.log(`\n${'query'.padEnd(width)}${'half'.padEnd(9)}${metrics.map((m) => m.padStart(10)).join('')}   unrated in top ${k}; text`);
    for (const q of run.queries)
      console.log(
        `${q.id.padEnd(width)}${(halfOf.get(q.id) ?? '').padEnd(9)}${metrics.map((m) => f(q.metrics[m]).padStart(10)).join('')}   ${[q.unrated.join(' '), q.query].filter(Boolean).join('; ')}`,
      );
  }

  mkdirSync(outDir, { recursive: true });
  const stem = join(outDir, `${collection.name}-${profileName}`);
  writeFileSync(`${stem}.json`, JSON.stringify({ ...run, collection: collection.name, gain } satisfies NamedRun, null, 2));
  writeFileSync(`${stem}.run`, toTrecRun(run.queries, profileName));
  writeFileSync(join(outDir, `${collection.name}-reference.run`), toTrecRun(reference.queries, 'reference'));
  writeFileSync(join(outDir, `${collection.name}.qrels`), gradesToTrecQrels(queries));
  console.log(`\nruns saved to ${stem}.json and .run (TREC), qrels to ${join(outDir, `${collection.name}.qrels`)}`);

  if (other) {
    const labels: [string, string] = [other.profile, profileName];
    const comparisons = metrics.map((metric) => compareRuns(other, run, metric));
    // Chosen on the tuning half, judged on the held-out one: each half apart, and all queries.
    const ofHalf = (row: EvaluationRun, half: Half) => ({ ...row, queries: inHalf(row.queries, half) });
    console.log(`\n${labels[1]} against ${labels[0]}: mean change, wins/losses/ties, paired t-test p`);
    for (const half of HALVES)
      for (const c of metrics.map((metric) => compareRuns(ofHalf(other, half), ofHalf(run, half), metric)))
        console.log(
          `${half.padEnd(9)} ${c.metric.padEnd(10)} ${f(c.meanA)} → ${f(c.meanB)}  ${c.meanDelta >= 0 ? '+' : ''}${c.meanDelta.toFixed(3)}  ${c.wins}/${c.losses}/${c.ties}  p=${c.pValue.toFixed(3)}`,
        );
    const html = join(outDir, `${collection.name}-${labels[0].replace(/\W+/g, '-')}-vs-${profileName}.html`);
    // The report shows each query's text and the titles ranked first, not bare ids.
    const ids = [...new Set([...other.queries, ...run.queries].flatMap((q) => q.ranked))];
    const titles = new Map([...(await service.engine.getSources<{ title: string }>(indexes.product, ids, ['title']))].map(([id, doc]) => [id, doc.title]));
    writeFileSync(html, renderComparisonHtml(comparisons, labels, `${profileName} against ${labels[0]} on ${collection.name}`, { runs: [other, run], titles }));
    writeFileSync(html.replace(/\.html$/, '.json'), JSON.stringify(comparisons, null, 2));
    console.log(`report: ${html}`);
  }
  return 0;
});
