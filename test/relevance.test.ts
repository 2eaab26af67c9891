import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../src/classify/taxonomy.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { judgedQueries, productSearch } from '../src/relevance/judged-search.js';
import { ndcgAt, reciprocalRank } from '../src/relevance/rank-metrics.js';
import { runEvaluation } from '../src/relevance/run-evaluation.js';
import { loadIndexDefinition } from '../src/index/index-definition.js';
import { buildSearchBody, queryShapeOf } from '../src/search/build-search-body.js';
import { loadSearchProfile } from '../src/search/search-profile.js';
import { useSeededService, TEST_ADMIN_KEY } from './support/test-service.js';

const baseline = JSON.parse(readFileSync(join(PROJECT_ROOT, 'relevance', 'baseline.json'), 'utf8')) as {
  profile: string;
  judgments: string;
  metric: string;
  mean: number;
  tolerance: number;
};
const profile = loadSearchProfile(PROJECT_ROOT, baseline.profile);
const taxonomy = loadTaxonomy(PROJECT_ROOT);
const queries = judgedQueries(join(PROJECT_ROOT, baseline.judgments));
const shape = queryShapeOf(loadIndexDefinition(PROJECT_ROOT), 1024);
const service = useSeededService('relevance');

describe('relevance', () => {
  it(`keeps the default profile's mean ${baseline.metric} within ${baseline.tolerance} of the committed baseline`, async () => {
    const run = await runEvaluation(queries, productSearch(service.engine, service.alias, profile, taxonomy, shape), 10);
    expect(run.mean[baseline.metric]).toBeGreaterThanOrEqual(baseline.mean - baseline.tolerance);
  });

  it('answers an evaluation over HTTP for the admin', async () => {
    const response = await service.app.request('/admin/eval?profile=exact-first&k=5', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect(response.status).toBe(200);
    const run = (await response.json()) as { profile: string; k: number; mean: Record<string, number>; queries: unknown[] };
    expect(run).toMatchObject({ profile: 'exact-first', k: 5 });
    expect(run.queries).toHaveLength(queries.length);
    expect(run.mean['ndcg@5']).toBeGreaterThan(0.5);
    const unknown = await service.app.request('/admin/eval?profile=nope', { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(unknown.status).toBe(400);
  });

  it("computes MRR@10 and nDCG@10 as the engine's own _rank_eval does, on the same rankings", async () => {
    const requests = queries.map((q) => ({
      id: q.id,
      body: {
        query: buildSearchBody(
          { q: q.query, filters: { topics: [], regions: [], people: [], organizations: [] }, from: 0, size: 10, sort: 'relevance', facetSize: 1 },
          profile,
          shape,
        ).query as Record<string, unknown>,
      },
      ratings: [...q.grades].map(([id, rating]) => ({ id, rating })),
    }));
    const mrr = await service.engine.rankEval(service.alias, requests, { mean_reciprocal_rank: { k: 10, relevant_rating_threshold: 1 } });
    const ndcg = await service.engine.rankEval(service.alias, requests, { dcg: { k: 10, normalize: true } });
    for (const q of queries) {
      const engineMrr = mrr.get(q.id)!;
      const engineNdcg = ndcg.get(q.id)!;
      expect(engineMrr.ranked.length, q.id).toBeGreaterThan(0);
      expect(reciprocalRank(engineMrr.ranked, q.grades, 10), `${q.id} mrr`).toBeCloseTo(engineMrr.score, 6);
      // _rank_eval's dcg gains 2^grade − 1 and cuts the ideal ranking at the number of hits, not at k.
      expect(ndcgAt(engineNdcg.ranked, q.grades, 10, engineNdcg.ranked.length, 'exponential'), `${q.id} ndcg`).toBeCloseTo(engineNdcg.score, 6);
    }
  });
});
