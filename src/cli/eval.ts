import { parseArgs } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
import { evaluateReference } from '../relevance/collection-index.js';
import { compareRuns } from '../relevance/compare-runs.js';
import {
  COLLECTION_NAMES,
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
const collectionName = option('collection', 'seeds') as CollectionName;
if (!COLLECTION_NAMES.includes(collectionName)) throw new Error(`--collection: one of ${COLLECTION_NAMES.join(', ')}`);
const profileName = option('profile', 'default');
const compareWith = options.compare;
const baselineFile = options.baseline;
const k = Number(option('k', '10'));
const gain = option('gain', 'linear') as GainKind;
if (gain !== 'linear' && gain !== 'exponential') throw new Error('--gain: linear or exponential');
const outDir = resolve(option('out', join(PROJECT_ROOT, 'relevance', 'runs')));

let collection = loadCollection(collectionName, defaultCollectionPaths(PROJECT_ROOT));
if (options.judgments) collection = { ...collection, queries: judgedQueries(resolve(options.judgments)) };
if (options.qrels) collection = withQrels(collection, readFileSync(resolve(options.qrels), 'utf8'));
const queries = collection.queries;

type NamedRun = EvaluationRun & { profile: string };
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
  const other = compareWith
    ? await evaluate(service, compareWith, indexes.product)
    : baselineFile
      ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as NamedRun)
      : undefined;
  const reference: NamedRun = {
    ...(await evaluateReference(service.engine, indexes.reference, queries, k, progress('reference'), gain)),
    profile: 'reference',
  };
  process.stderr.write('\n');

  const metrics = Object.keys(run.mean);
  const counts = Object.fromEntries(HALVES.map((half) => [half, inHalf(queries, half).length]));
  console.log(`\n${collection.name}: ${collection.description}; k = ${k}, nDCG gain ${gain}`);
  console.log(`halves by SHA-256 of the query id: tuning ${counts.tuning}, held-out ${counts['held-out']} queries\n`);
  console.log(`${'half'.padEnd(9)} ${'run'.padEnd(22)}${metrics.map((m) => m.padStart(10)).join('')}`);
  const rows = [run, ...(other ? [other] : []), reference];
  for (const half of HALVES) {
    const referenceMean = meanOfHalf(reference, half);
    for (const row of rows) {
      const mean = meanOfHalf(row, half);
      console.log(`${half.padEnd(9)} ${row.profile.padEnd(22)}${metrics.map((m) => f(mean[m]).padStart(10)).join('')}`);
    }
    const ratio = meanOfHalf(run, half);
    console.log(
      `${half.padEnd(9)} ${`${profileName} / reference`.padEnd(22)}${metrics.map((m) => (referenceMean[m] ? `×${(ratio[m]! / referenceMean[m]).toFixed(3)}` : '–').padStart(10)).join('')}`,
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
    console.log(`\nquery                     ${metrics.map((m) => m.padStart(9)).join(' ')}   unrated in top ${k}`);
    for (const q of run.queries) console.log(`${q.id.padEnd(26)}${metrics.map((m) => f(q.metrics[m]).padStart(9)).join(' ')}   ${q.unrated.join(' ')}`);
  }

  mkdirSync(outDir, { recursive: true });
  const stem = join(outDir, `${collection.name}-${profileName}`);
  writeFileSync(`${stem}.json`, JSON.stringify(run, null, 2));
  writeFileSync(`${stem}.run`, toTrecRun(run.queries, profileName));
  writeFileSync(join(outDir, `${collection.name}-reference.run`), toTrecRun(reference.queries, 'reference'));
  writeFileSync(join(outDir, `${collection.name}.qrels`), gradesToTrecQrels(queries));
  console.log(`\nruns saved to ${stem}.json and .run (TREC), qrels to ${join(outDir, `${collection.name}.qrels`)}`);

  if (other) {
    const labels: [string, string] = [other.profile ?? baselineFile ?? 'baseline', profileName];
    const comparisons = metrics.map((metric) => compareRuns(other, run, metric));
    console.log(`\n${labels[1]} against ${labels[0]}, all queries: mean change, wins/losses/ties, paired t-test p`);
    for (const c of comparisons)
      console.log(
        `${c.metric.padEnd(10)} ${f(c.meanA)} → ${f(c.meanB)}  ${c.meanDelta >= 0 ? '+' : ''}${c.meanDelta.toFixed(3)}  ${c.wins}/${c.losses}/${c.ties}  p=${c.pValue.toFixed(3)}`,
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
