import { join } from 'node:path';
import type { Taxonomy } from '../classify/taxonomy.js';
import type { SearchEngine } from '../engine/search-engine.js';
import { PROJECT_ROOT } from '../project-root.js';
import type { QueryShape } from '../search/build-search-body.js';
import { searchArticles } from '../search/search-articles.js';
import type { SearchProfile } from '../search/search-profile.js';
import type { QueryAids } from '../search/understand-query.js';
import { loadJudgments } from './judgment-files.js';
import type { EvaluationQuery } from './run-evaluation.js';

export const SEED_JUDGMENTS = join(PROJECT_ROOT, 'relevance', 'judgments', 'seeds.json');

/** The judged queries of a judgments file, as the evaluation runs them. */
export function judgedQueries(path: string = SEED_JUDGMENTS): EvaluationQuery[] {
  return loadJudgments(path).queries.map((q) => ({ id: q.id, query: q.query, grades: new Map(Object.entries(q.ratings)) }));
}

/** Ranks through the product's own search path, so an evaluation measures what readers get. */
export function productSearch(engine: SearchEngine, alias: string, profile: SearchProfile, taxonomy: Taxonomy, shape: QueryShape, aids?: QueryAids) {
  const filters = { topics: [], regions: [], people: [], organizations: [] };
  return async (q: string, k: number) =>
    (await searchArticles(engine, alias, { q, filters, from: 0, size: k, sort: 'relevance', facetSize: 1 }, profile, taxonomy, shape, aids ? { aids } : {})).hits.map(
      (h) => h.id,
    );
}
