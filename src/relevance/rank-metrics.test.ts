import { describe, expect, it } from 'vitest';
import { averagePrecision, dcgAt, evaluateRanking, meanMetrics, ndcgAt, precisionAt, recallAt, reciprocalRank, successAt1, unratedInTopK } from './rank-metrics.js';

// Ranking d1..d5 graded [3, 0, 2, 0, 1]; d6 (grade 2) is relevant but not retrieved.
const ranked = ['d1', 'd2', 'd3', 'd4', 'd5'];
const grades = new Map([['d1', 3], ['d2', 0], ['d3', 2], ['d4', 0], ['d5', 1], ['d6', 2]]);

describe('rank metrics, computed by hand', () => {
  it('DCG with linear gain (trec_eval): gains 3, 0, 2, 0, 1 over log2(2..6)', () => {
    // 3/1 + 0/1.585 + 2/2 + 0/2.322 + 1/2.585 = 3 + 1 + 0.38685 = 4.38685
    expect(dcgAt([3, 0, 2, 0, 1], 5)).toBeCloseTo(4.38685, 4);
    expect(dcgAt([3, 0, 2, 0, 1], 5, 'linear')).toBeCloseTo(4.38685, 4);
  });

  it('DCG with exponential gain (_rank_eval): gains 7, 0, 3, 0, 1 over log2(2..6)', () => {
    // 7/1 + 0/1.585 + 3/2 + 0/2.322 + 1/2.585 = 7 + 1.5 + 0.38685 = 8.88685
    expect(dcgAt([3, 0, 2, 0, 1], 5, 'exponential')).toBeCloseTo(8.88685, 4);
  });

  it('nDCG@5 against the ideal order 3, 2, 2, 1, 0, under either gain', () => {
    // linear ideal: 3 + 2/1.585 + 2/2 + 1/2.322 = 3 + 1.26186 + 1 + 0.43068 = 5.69254
    expect(ndcgAt(ranked, grades, 5)).toBeCloseTo(4.38685 / 5.69254, 4);
    // exponential ideal: 7 + 3/1.585 + 3/2 + 1/2.322 = 7 + 1.89279 + 1.5 + 0.43068 = 10.82347
    expect(ndcgAt(ranked, grades, 5, 5, 'exponential')).toBeCloseTo(8.88685 / 10.82347, 4);
    expect(evaluateRanking(ranked, grades, 5, 5, 'exponential')['ndcg@5']).toBeCloseTo(8.88685 / 10.82347, 4);
  });

  it('P@k, recall@k, MRR and AP', () => {
    expect(precisionAt(ranked, grades, 5)).toBe(3 / 5);
    expect(precisionAt(ranked, grades, 10)).toBe(3 / 10); // k is the denominator
    expect(recallAt(ranked, grades, 5)).toBe(3 / 4);
    expect(reciprocalRank(['d2', 'd3'], grades, 10)).toBe(1 / 2);
    // relevant at ranks 1, 3, 5: (1/1 + 2/3 + 3/5) / 4 relevant = 2.26667 / 4
    expect(averagePrecision(ranked, grades, 10)).toBeCloseTo(2.266667 / 4, 5);
  });

  it('success@1: the first document relevant or not, whatever follows', () => {
    expect(successAt1(ranked, grades)).toBe(1);
    expect(successAt1(['d2', 'd1'], grades)).toBe(0);
    expect(successAt1(['d5'], grades)).toBe(1); // grade 1 is relevant
    expect(successAt1([], grades)).toBe(0);
    expect(meanMetrics([evaluateRanking(ranked, grades, 10), evaluateRanking(['d2', 'd1'], grades, 10)])['success@1']).toBe(1 / 2);
  });

  it('counts a repeated document once, and lists unrated ones', () => {
    expect(precisionAt(['d1', 'd1', 'd1'], grades, 3)).toBe(1 / 3);
    expect(unratedInTopK(['d1', 'x', 'd3', 'y'], grades, 3)).toEqual(['x']);
  });

  it('leaves recall, AP and nDCG undefined when nothing is relevant, and averages only defined values', () => {
    const none = new Map([['a', 0]]);
    expect(recallAt(['a'], none, 10)).toBeUndefined();
    expect(averagePrecision(['a'], none, 10)).toBeUndefined();
    expect(ndcgAt(['a'], none, 10)).toBeUndefined();
    expect(meanMetrics([evaluateRanking(ranked, grades, 10), evaluateRanking(['a'], none, 10)])['ndcg@10']).toBeCloseTo(
      ndcgAt(ranked, grades, 10)!,
      10,
    );
  });
});
