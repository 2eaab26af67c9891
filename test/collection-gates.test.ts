import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../src/engine/search-engine.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { evaluateReference, type EvaluationIndexes } from '../src/relevance/collection-index.js';
import { collectionAvailable, defaultCollectionPaths, loadCollection, type CollectionName } from '../src/relevance/eval-collections.js';
import type { SearchService } from '../src/service/search-service.js';
import { connectTestEngine, openTestService, uniqueAlias } from './support/test-service.js';

interface CollectionGate {
  collection: CollectionName;
  profile: string;
  metric: string;
  mean: number;
  reference: number;
  tolerance: number;
  /** Every n-th query only (in the collection's order), to keep the gate within CI's time. */
  every?: number;
}

const gates = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'relevance', 'baseline-collections.json'), 'utf8')) as { gates: CollectionGate[] }).gates;
const paths = defaultCollectionPaths(PROJECT_ROOT);
let engine: SearchEngine;
let service: SearchService;
const built = new Map<CollectionName, EvaluationIndexes>();

beforeAll(async () => {
  engine = await connectTestEngine();
  service = openTestService(engine, uniqueAlias('collection-gates'));
});
afterAll(async () => {
  for (const indexes of built.values()) await Promise.all([engine.deleteIndex(indexes.product), engine.deleteIndex(indexes.reference)]);
  await engine.close();
});

async function indexesOf(name: CollectionName): Promise<EvaluationIndexes> {
  if (!built.has(name)) {
    built.set(name, await service.evaluationIndexes(loadCollection(name, paths)));
  }
  return built.get(name)!;
}

describe('collection regression gates', () => {
  for (const gate of gates) {
    const available = collectionAvailable(gate.collection, paths);
    const title = `keeps ${gate.profile}'s ${gate.metric} on ${gate.collection}${gate.every ? ` (one query in ${gate.every})` : ''} within ${gate.tolerance} of ${gate.mean}, and the reference row at ${gate.reference}`;
    it.skipIf(!available)(
      available ? title : `${title} (skipped: the collection's files are not on this machine)`,
      async () => {
        const all = loadCollection(gate.collection, paths);
        const collection = { ...all, queries: all.queries.filter((_, i) => i % (gate.every ?? 1) === 0) };
        const indexes = await indexesOf(gate.collection);
        const profile = service.profiles.get(gate.profile)!;
        const run = await service.evaluate(collection.queries, profile, 10, undefined, { index: indexes.product });
        const reference = await evaluateReference(engine, indexes.reference, collection.queries, 10);
        expect(reference.mean[gate.metric]).toBeCloseTo(gate.reference, 2);
        expect(run.mean[gate.metric]).toBeGreaterThanOrEqual(gate.mean - gate.tolerance);
      },
      180_000,
    ); // the index is built and ~1,400 searches run: 10–30 s, more on a loaded machine
  }

  it('relaxes a query that finds nothing, and says so', async () => {
    const indexes = await indexesOf('arcd');
    const profile = { ...service.profiles.get('default')!, minimumShouldMatch: '100%' };
    const search = (relaxOnZero: boolean) =>
      service.search(
        { q: 'خاشقجي زقزقزقزق', filters: { topics: [], regions: [], people: [], organizations: [] }, from: 0, size: 5, sort: 'relevance', facetSize: 1 },
        { ...profile, query: { ...profile.query, relaxOnZero } },
        { index: indexes.product },
      );
    const strict = await search(false);
    expect(strict.total).toBe(0);
    expect(strict.relaxed).toBeUndefined();
    const relaxed = await search(true);
    expect(relaxed.relaxed).toBe(true);
    expect(relaxed.total).toBeGreaterThan(0);
  });
});
