import { parseArgs } from 'node:util';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { COLLECTION_NAMES, defaultCollectionPaths, loadCollection, type CollectionName } from '../../src/relevance/eval-collections.js';

// The time a search takes under each of two profiles, through the product's search path, on an
// evaluation collection's product index (built or reused as `npm run eval` does). The profiles take
// turns on each query, so a load that comes and goes weighs on both alike.
// Usage: npx tsx tools/eval-analysis/profile-latency.ts --collection known-item --profile feedback --compare default [--queries 300]
const { values: options } = parseArgs({
  options: { collection: { type: 'string' }, profile: { type: 'string' }, compare: { type: 'string' }, queries: { type: 'string' } },
});
const collectionName = (options.collection ?? 'arcd') as CollectionName;
if (!COLLECTION_NAMES.includes(collectionName)) throw new Error(`--collection: one of ${COLLECTION_NAMES.join(', ')}`);
const profileNames = [options.profile ?? 'feedback', options.compare ?? 'default'];
const collection = loadCollection(collectionName, defaultCollectionPaths(PROJECT_ROOT));
const queries = collection.queries.slice(0, Number(options.queries ?? 300));
const WARM_UP_QUERIES = 10;

await runWithEngine(async ({ service }) => {
  const { product } = await service.evaluationIndexes(collection, (message) => process.stderr.write(`${message}\n`));
  const profiles = profileNames.map((name) => {
    const profile = service.profiles.get(name);
    if (!profile) throw new Error(`no profile named "${name}" in relevance/profiles/`);
    return profile;
  });
  const search = (q: string, profile: (typeof profiles)[number]) =>
    service.search({ q, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: 10 }, profile, { index: product });
  for (const query of queries.slice(0, WARM_UP_QUERIES)) for (const profile of profiles) await search(query.query, profile);
  const times = profiles.map(() => [] as number[]);
  for (const query of queries)
    for (const [i, profile] of profiles.entries()) {
      const start = performance.now();
      await search(query.query, profile);
      times[i]!.push(performance.now() - start);
    }
  for (const [i, name] of profileNames.entries()) {
    const sorted = times[i]!.sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!.toFixed(1);
    const mean = sorted.reduce((sum, t) => sum + t, 0) / sorted.length;
    console.log(
      `${collectionName} ${name.padEnd(12)} ${sorted.length} queries: mean ${mean.toFixed(1)} ms, median ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}`,
    );
  }
  return 0;
});
