/**
 * Retrieval metrics over one ranked list and graded judgments (docId → grade 0–3; an unjudged
 * document counts as grade 0). Pure functions; conventions follow trec_eval and the engines'
 * `_rank_eval`: a document is relevant at grade ≥ 1, DCG discount is log2(rank + 1), nDCG divides by
 * the DCG of the judged grades in ideal order. The gain of a grade is the grade itself by default
 * (`linear`, as trec_eval's `ndcg_cut`), or 2^grade − 1 (`exponential`, as `_rank_eval`'s `dcg`).
 */
export type Grades = ReadonlyMap<string, number>;

const RELEVANT = 1;

/** Each document once, first occurrence kept: a ranking that repeats a document is not rewarded twice. */
function topK(ranked: readonly string[], k: number): string[] {
  return [...new Set(ranked)].slice(0, k);
}

function relevantCount(grades: Grades): number {
  return [...grades.values()].filter((g) => g >= RELEVANT).length;
}

/** Share of the top k that is relevant (k, not the list length, is the denominator, as in `_rank_eval`). */
export function precisionAt(ranked: readonly string[], grades: Grades, k: number): number {
  return topK(ranked, k).filter((id) => (grades.get(id) ?? 0) >= RELEVANT).length / k;
}

/** Share of the relevant documents found in the top k; undefined when none is relevant. */
export function recallAt(ranked: readonly string[], grades: Grades, k: number): number | undefined {
  const total = relevantCount(grades);
  if (total === 0) return undefined;
  return topK(ranked, k).filter((id) => (grades.get(id) ?? 0) >= RELEVANT).length / total;
}

/** 1 / rank of the first relevant document within the top k, else 0. */
export function reciprocalRank(ranked: readonly string[], grades: Grades, k: number): number {
  const rank = topK(ranked, k).findIndex((id) => (grades.get(id) ?? 0) >= RELEVANT);
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** 1 when the first document is relevant, else 0: "the intended article first", whose mean is the share of queries that get it. */
export function successAt1(ranked: readonly string[], grades: Grades): number {
  return (grades.get(ranked[0] ?? '') ?? 0) >= RELEVANT ? 1 : 0;
}

/** Average precision at k, trec_eval's way: summed precision at each relevant rank, over all relevant documents. */
export function averagePrecision(ranked: readonly string[], grades: Grades, k: number): number | undefined {
  const total = relevantCount(grades);
  if (total === 0) return undefined;
  let found = 0;
  let sum = 0;
  topK(ranked, k).forEach((id, index) => {
    if ((grades.get(id) ?? 0) >= RELEVANT) sum += ++found / (index + 1);
  });
  return sum / total;
}

/** How a grade becomes DCG gain: `linear` (the grade, trec_eval) or `exponential` (2^grade − 1, `_rank_eval`). */
export type GainKind = 'linear' | 'exponential';

function gainOf(grade: number, kind: GainKind): number {
  return kind === 'linear' ? grade : 2 ** grade - 1;
}

export function dcgAt(grades: readonly number[], k: number, gain: GainKind = 'linear'): number {
  return grades.slice(0, k).reduce((sum, grade, index) => sum + gainOf(grade, gain) / Math.log2(index + 2), 0);
}

/**
 * nDCG at k; undefined when no judged document has a positive grade. The ideal ranking is cut at k
 * (trec_eval); `_rank_eval` cuts it at the number of hits returned instead, which `idealDepth` mimics.
 */
export function ndcgAt(ranked: readonly string[], grades: Grades, k: number, idealDepth = k, gain: GainKind = 'linear'): number | undefined {
  const ideal = dcgAt(
    [...grades.values()].sort((a, b) => b - a),
    Math.min(k, idealDepth),
    gain,
  );
  if (ideal === 0) return undefined;
  return dcgAt(
    topK(ranked, k).map((id) => grades.get(id) ?? 0),
    k,
    gain,
  ) / ideal;
}

/** Documents in the top k that nobody has judged: what to rate next. */
export function unratedInTopK(ranked: readonly string[], grades: Grades, k: number): string[] {
  return topK(ranked, k).filter((id) => !grades.has(id));
}

export type QueryMetrics = Record<string, number | undefined>;

/** Every metric for one query, named `ndcg@10`, `p@5`, `recall@10`, `mrr@10`, `map@10`, `success@1`. */
export function evaluateRanking(ranked: readonly string[], grades: Grades, k: number, precisionK = 5, gain: GainKind = 'linear'): QueryMetrics {
  return {
    [`ndcg@${k}`]: ndcgAt(ranked, grades, k, k, gain),
    [`p@${precisionK}`]: precisionAt(ranked, grades, precisionK),
    [`recall@${k}`]: recallAt(ranked, grades, k),
    [`mrr@${k}`]: reciprocalRank(ranked, grades, k),
    [`map@${k}`]: averagePrecision(ranked, grades, k),
    'success@1': successAt1(ranked, grades),
  };
}

/** The mean of each metric over the queries where it is defined. */
export function meanMetrics(perQuery: readonly QueryMetrics[]): Record<string, number> {
  const names = [...new Set(perQuery.flatMap((m) => Object.keys(m)))];
  return Object.fromEntries(
    names.map((name) => {
      const values = perQuery.map((m) => m[name]).filter((v): v is number => v !== undefined);
      return [name, values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0];
    }),
  );
}
