import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { evaluateReference } from '../../src/relevance/collection-index.js';
import {
  COLLECTION_NAMES,
  defaultCollectionPaths,
  inHalf,
  loadCollection,
  meanOfHalf,
  type CollectionName,
  type Half,
} from '../../src/relevance/eval-collections.js';
import { meanMetrics } from '../../src/relevance/rank-metrics.js';
import type { EvaluationQuery, EvaluationRun } from '../../src/relevance/run-evaluation.js';
import { loadSearchProfile, type SearchProfile } from '../../src/search/search-profile.js';
import type { SearchService } from '../../src/service/search-service.js';
import { coordinateAscent, type Scored } from './coordinate-ascent.js';
import { describeChanges, PROFILE_SPACE, positionOf } from './search-space.js';

// Tunes a ranking profile: coordinate ascent from a start profile over field weights, phrase boosts,
// minimum-should-match and the query-understanding switches (search-space.ts), scored on the tuning
// halves only, then read on the held-out halves beside the start profile and the reference row.
// Writes the best profile to relevance/profiles/<out>.json and a report to relevance/runs/tune-*.json.
// Usage: npm run tune -- --collection arcd --collection quran-qa [--collection seeds] [--collection known-item]
//                       [--from default] [--out tuned] [--rounds 3] [--budget-minutes 20] [--min-gain 0.002] [--concurrency 2]
const { values: options } = parseArgs({
  options: {
    collection: { type: 'string', multiple: true },
    from: { type: 'string' },
    out: { type: 'string' },
    rounds: { type: 'string' },
    'budget-minutes': { type: 'string' },
    'min-gain': { type: 'string' },
    concurrency: { type: 'string' },
  },
});
const K = 10;
/** Each collection's metric: the one its targets are stated in (docs/relevance.md). */
const METRIC: Record<CollectionName, string> = { seeds: 'ndcg@10', typos: 'success@1', 'known-item': 'mrr@10', arcd: 'mrr@10', 'quran-qa': 'map@10' };
/** The seeds' floor: a candidate below it on all 25 seed queries is rejected, whatever it gains elsewhere. */
const SEEDS_FLOOR = 0.94;

const names = (options.collection ?? ['arcd', 'quran-qa']) as CollectionName[];
for (const name of names) if (!COLLECTION_NAMES.includes(name)) throw new Error(`--collection: one of ${COLLECTION_NAMES.join(', ')}`);
const startName = options.from ?? 'default';
const outName = options.out ?? 'tuned';
const rounds = Number(options.rounds ?? '3');
const budgetMs = Number(options['budget-minutes'] ?? '20') * 60_000;
const minGain = Number(options['min-gain'] ?? '0.002');
const concurrency = Number(options.concurrency ?? '2');
if (!/^[a-z0-9-]+$/.test(outName) || outName === startName) throw new Error('--out: a new profile name, lower-case letters, digits and dashes');

interface Prepared {
  name: CollectionName;
  metric: string;
  /** In the objective (named by --collection), or only guarding the seeds' floor. */
  scored: boolean;
  index: string;
  queries: EvaluationQuery[];
  reference: EvaluationRun;
}

const f = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(3));

await runWithEngine(async ({ service }) => {
  const paths = defaultCollectionPaths(PROJECT_ROOT);
  const collections: Prepared[] = [];
  // The seeds always guard the floor; they count in the objective only when named.
  for (const name of names.includes('seeds') ? names : [...names, 'seeds' as const]) {
    const collection = loadCollection(name, paths);
    const indexes = await service.evaluationIndexes(collection, (message) => console.error(message));
    const reference = await evaluateReference(service.engine, indexes.reference, collection.queries, K);
    collections.push({ name, metric: METRIC[name], scored: names.includes(name), index: indexes.product, queries: collection.queries, reference });
  }

  const start = service.profiles.get(startName);
  if (!start) throw new Error(`--from: no profile named "${startName}" in relevance/profiles/`);
  console.log(`tuning ${startName} on the tuning halves of ${names.join(', ')}; objective: mean of each one's metric over its reference row's`);
  console.log(collections.map((c) => `${c.name} ${c.metric} reference ${f(meanOfHalf(c.reference, 'tuning')[c.metric])} (tuning)`).join('; '));

  let spentMs = 0;
  const objective = async (profile: SearchProfile): Promise<Scored> => {
    const began = Date.now();
    const ratios: Record<string, number> = {};
    let rejected: string | undefined;
    for (const c of collections) {
      // The seeds are evaluated whole (25 queries) for their floor; the others on their tuning half only.
      const queries = c.name === 'seeds' ? c.queries : inHalf(c.queries, 'tuning');
      const run = await evaluateConcurrently(service, queries, profile, c.index);
      if (c.scored) ratios[c.name] = meanOfHalf(run, 'tuning')[c.metric]! / meanOfHalf(c.reference, 'tuning')[c.metric]!;
      if (c.name === 'seeds' && run.mean[c.metric]! < SEEDS_FLOOR) rejected = `seeds ${c.metric} ${f(run.mean[c.metric])} < ${SEEDS_FLOOR}`;
    }
    spentMs += Date.now() - began;
    const values = Object.values(ratios);
    return { score: values.reduce((a, b) => a + b, 0) / values.length, parts: ratios, ...(rejected ? { rejected } : {}) };
  };

  const partsOf = (scored: Scored) =>
    Object.entries(scored.parts ?? {})
      .map(([name, ratio]) => `${name} ×${ratio.toFixed(3)}`)
      .join(' ');
  const elapsed = () => `${(spentMs / 60_000).toFixed(1)} min`;
  const result = await coordinateAscent(start, PROFILE_SPACE, objective, {
    rounds,
    minGain,
    outOfBudget: () => spentMs >= budgetMs,
    onStep: (step) =>
      console.log(
        `round ${step.round}  ${`${step.dimension} = ${String(step.value)}`.padEnd(36)} ${step.score.toFixed(4)}  (best ${step.best.toFixed(4)})  ${partsOf(step)}${step.rejected ? `  rejected: ${step.rejected}` : ''}  ${elapsed()}`,
      ),
    onMove: (move) => console.log(`round ${move.round}  kept ${move.dimension} ${String(move.from)}→${String(move.to)}: ${move.score.toFixed(4)}`),
  });
  const changes = describeChanges(result.start, result.best, PROFILE_SPACE);
  console.log(`\nstopped: ${result.stoppedBy}, ${result.evaluations} profiles evaluated in ${elapsed()}`);
  console.log(
    `objective on the tuning halves: ${startName} ${result.startScore.score.toFixed(4)} (${partsOf(result.startScore)}) → ${result.bestScore.score.toFixed(4)} (${partsOf(result.bestScore)})`,
  );
  console.log(`changes: ${changes.length > 0 ? changes.join(', ') : 'none'}`);

  const figures = await readFigures(service, collections, result.start, result.best);
  const headers = ['reference', startName, outName, `${outName} / ref`];
  const width = Math.max(...headers.map((h) => h.length)) + 2;
  const line = (collection: string, half: string, metric: string, cells: string[]) =>
    console.log(`${collection.padEnd(11)}${half.padEnd(10)}${metric.padEnd(9)}${cells.map((c) => c.padStart(width)).join('')}`);
  console.log();
  line('collection', 'half', 'metric', headers);
  for (const row of figures)
    line(row.collection, row.half, row.metric, [f(row.reference), f(row.start), f(row.tuned), `×${(row.tuned / row.reference).toFixed(3)}`]);
  const heldOutLosses = figures.filter((row) => row.half !== 'tuning' && row.tuned < row.start);
  const verdict =
    result.bestScore.score > result.startScore.score && heldOutLosses.length === 0
      ? `${outName} beats ${startName} on the tuning halves and loses on no held-out half`
      : changes.length === 0
        ? `no change to ${startName} gained more than ${minGain}`
        : `${outName} loses to ${startName} on ${heldOutLosses.map((r) => `${r.collection} ${r.half}`).join(', ')}`;
  console.log(`\n${verdict}`);

  const profileFile = writeProfile(result.best, startName, names, changes);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const runsDir = join(PROJECT_ROOT, 'relevance', 'runs');
  mkdirSync(runsDir, { recursive: true });
  const reportFile = join(runsDir, `tune-${stamp}.json`);
  writeFileSync(
    reportFile,
    JSON.stringify(
      {
        from: startName,
        out: outName,
        collections: names,
        options: { rounds, budgetMinutes: budgetMs / 60_000, minGain, seedsFloor: SEEDS_FLOOR, k: K },
        stoppedBy: result.stoppedBy,
        evaluations: result.evaluations,
        minutes: spentMs / 60_000,
        start: { position: positionOf(result.start, PROFILE_SPACE), ...result.startScore },
        best: { position: positionOf(result.best, PROFILE_SPACE), ...result.bestScore },
        changes,
        verdict,
        figures,
        moves: result.moves,
        steps: result.steps,
      },
      null,
      2,
    ),
  );
  console.log(`profile: ${profileFile}\nreport: ${reportFile}`);
  console.log(`must-not-match under it: SEARCH_PROFILE=${outName} npx vitest run --project engine test/arabic-search.test.ts`);
  return 0;
});

/** The queries evaluated in `concurrency` streams at once; a query's ranking does not depend on the others. */
async function evaluateConcurrently(service: SearchService, queries: EvaluationQuery[], profile: SearchProfile, index: string): Promise<EvaluationRun> {
  const streams = Array.from({ length: concurrency }, (_, stream) => queries.filter((_, i) => i % concurrency === stream));
  const results = (await Promise.all(streams.map((part) => service.evaluate(part, profile, K, undefined, { index })))).flatMap((run) => run.queries);
  return { k: K, queries: results, mean: meanMetrics(results.map((q) => q.metrics)) };
}

interface FigureRow {
  collection: CollectionName;
  half: Half;
  metric: string;
  reference: number;
  start: number;
  tuned: number;
}

/** Start and tuned profiles on every query, read per half beside the reference row (seeds: all 25, the floor's reading). */
async function readFigures(service: SearchService, collections: Prepared[], start: SearchProfile, tuned: SearchProfile): Promise<FigureRow[]> {
  const rows: FigureRow[] = [];
  for (const c of collections) {
    const [startRun, tunedRun] = [
      await evaluateConcurrently(service, c.queries, start, c.index),
      await evaluateConcurrently(service, c.queries, tuned, c.index),
    ];
    const halves: Half[] = c.name === 'seeds' ? ['tuning', 'held-out', 'all'] : ['tuning', 'held-out'];
    for (const half of halves)
      rows.push({
        collection: c.name,
        half,
        metric: c.metric,
        reference: meanOfHalf(c.reference, half)[c.metric]!,
        start: meanOfHalf(startRun, half)[c.metric]!,
        tuned: meanOfHalf(tunedRun, half)[c.metric]!,
      });
  }
  return rows;
}

/** Writes the profile as data beside the others, and reads it back through the validating loader. */
function writeProfile(profile: SearchProfile, from: string, collections: string[], changes: string[]): string {
  const { name: _name, description: _description, public: _public, version, ...knobs } = profile;
  const description =
    `Tuned by \`npm run tune\` from ${from} on the tuning halves of ${collections.join(', ')} (docs/relevance.md#tuning), ${new Date().toISOString().slice(0, 10)}: ` +
    (changes.length > 0 ? changes.join(', ') : `no change to ${from}`) +
    '.';
  const file = join(PROJECT_ROOT, 'relevance', 'profiles', `${outName}.json`);
  writeFileSync(file, `${JSON.stringify({ description, public: false, version: version + 1, ...knobs }, null, 2)}\n`);
  loadSearchProfile(PROJECT_ROOT, outName);
  return file;
}
