import { parseArgs } from 'node:util';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { COLLECTION_NAMES, defaultCollectionPaths, loadCollection, type CollectionName } from '../../src/relevance/eval-collections.js';
import { DEFAULT_FACET_SIZE } from '../../src/search/build-search-body.js';
import type { SearchProfile } from '../../src/search/search-profile.js';

// What a ranking profile costs against another, in one run on one collection's index: every query
// searched under both, one at a time (one connection), the order alternating so neither profile
// always meets a warmer cache; the engine's own `took` and the time through the product, p50 and p99.
// Usage: npm run measure:profile-cost -- [--collection known-item] [--profile default] [--against default-v2] [--rounds 2]
const { values: options } = parseArgs({
  options: {
    collection: { type: 'string', default: 'known-item' },
    profile: { type: 'string', default: 'default' },
    against: { type: 'string', default: 'default-v2' },
    rounds: { type: 'string', default: '2' },
  },
});
const collectionName = options.collection as CollectionName;
if (!COLLECTION_NAMES.includes(collectionName)) throw new Error(`--collection: one of ${COLLECTION_NAMES.join(', ')}`);
const rounds = Number(options.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a whole number, 1 or more');

await runWithEngine(async ({ service }) => {
  const profiles = [options.profile, options.against].map((name) => {
    const profile = service.profiles.get(name);
    if (!profile) throw new Error(`no profile named ${name}`);
    return profile;
  });
  const collection = loadCollection(collectionName, defaultCollectionPaths(PROJECT_ROOT));
  const { product } = await service.evaluationIndexes(collection, (message) => process.stderr.write(`${message}\n`));
  const timings = profiles.map(() => ({ tookMs: [] as number[], wallMs: [] as number[] }));
  const search = async (profile: SearchProfile, q: string) => {
    const started = performance.now();
    const result = await service.search({ q, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE, explain: false }, profile, {
      index: product,
    });
    return { tookMs: result.tookMs, wallMs: performance.now() - started };
  };
  // Unmeasured first pass: the engine's caches warm for both.
  for (const query of collection.queries) for (const profile of profiles) await search(profile, query.query);
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of collection.queries.entries()) {
      const order = (i + round) % 2 === 0 ? [0, 1] : [1, 0];
      for (const p of order) {
        const timing = await search(profiles[p]!, query.query);
        timings[p]!.tookMs.push(timing.tookMs);
        timings[p]!.wallMs.push(timing.wallMs);
      }
    }
    process.stderr.write(`round ${round + 1} of ${rounds} done\n`);
  }
  const [mine, theirs] = timings.map((t) => ({ took: percentiles(t.tookMs), wall: percentiles(t.wallMs) }));
  const ratio = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
  console.log(`\n${collection.name}: ${collection.queries.length} queries × ${rounds} rounds, one at a time, index ${product}\n`);
  console.log('| | engine took p50 / p99 ms | through the product p50 / p99 ms |');
  console.log('|---|---|---|');
  for (const [name, figures] of [
    [options.profile, mine!],
    [options.against, theirs!],
  ] as const) {
    console.log(`| ${name} | ${figures.took.p50} / ${figures.took.p99} | ${figures.wall.p50.toFixed(1)} / ${figures.wall.p99.toFixed(1)} |`);
  }
  console.log(
    `| ${options.profile} / ${options.against} | ${ratio(mine!.took.p50, theirs!.took.p50)} / ${ratio(mine!.took.p99, theirs!.took.p99)} | ${ratio(mine!.wall.p50, theirs!.wall.p50)} / ${ratio(mine!.wall.p99, theirs!.wall.p99)} |`,
  );
  return 0;
});

function percentiles(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}
