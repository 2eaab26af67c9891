import { evaluateRanking, meanMetrics, unratedInTopK, type GainKind, type Grades, type QueryMetrics } from './rank-metrics.js';

export interface EvaluationQuery {
  id: string;
  query: string;
  grades: Grades;
  /** What kind of query it is, when a collection reports by kind (the typo family of a typo query). */
  family?: string;
}

export interface QueryResult {
  id: string;
  query: string;
  metrics: QueryMetrics;
  ranked: string[];
  /** Documents in the top k that no judge has rated. */
  unrated: string[];
}

export interface EvaluationRun {
  k: number;
  queries: QueryResult[];
  mean: Record<string, number>;
}

/** Runs every judged query through `search` (which returns ranked ids) and scores it. */
export async function runEvaluation(
  queries: EvaluationQuery[],
  search: (query: string, k: number) => Promise<string[]>,
  k: number,
  onProgress: (done: number, total: number) => void = () => {},
  gain: GainKind = 'linear',
): Promise<EvaluationRun> {
  const results: QueryResult[] = [];
  for (const query of queries) {
    const ranked = await search(query.query, k);
    results.push({ id: query.id, query: query.query, metrics: evaluateRanking(ranked, query.grades, k, 5, gain), ranked, unrated: unratedInTopK(ranked, query.grades, k) });
    onProgress(results.length, queries.length);
  }
  return { k, queries: results, mean: meanMetrics(results.map((r) => r.metrics)) };
}
