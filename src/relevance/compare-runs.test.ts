import { describe, expect, it } from 'vitest';
import { compareRuns, studentTwoSidedP } from './compare-runs.js';
import type { EvaluationRun } from './run-evaluation.js';

const run = (values: number[]): EvaluationRun => ({
  k: 10,
  mean: {},
  queries: values.map((v, i) => ({ id: `q${i}`, query: '', ranked: [], unrated: [], metrics: { 'ndcg@10': v } })),
});

describe('paired comparison', () => {
  it('matches Student t tables', () => {
    // Two-sided critical values: t = 2.228 at df 10 and t = 2.042 at df 30 give p = 0.05.
    expect(studentTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(2.042, 30)).toBeCloseTo(0.05, 3);
    expect(studentTwoSidedP(0, 5)).toBeCloseTo(1, 6);
  });

  it('computes the paired t statistic, wins, losses and ties', () => {
    // deltas 0.1, 0.2, 0.3, 0, -0.1: mean 0.1, sd sqrt(0.025) = 0.15811, t = 0.1 / (0.15811/√5) = 1.41421
    const result = compareRuns(run([0.5, 0.5, 0.5, 0.5, 0.5]), run([0.6, 0.7, 0.8, 0.5, 0.4]), 'ndcg@10');
    expect(result.meanDelta).toBeCloseTo(0.1, 10);
    expect(result.t).toBeCloseTo(1.41421, 4);
    expect(result.df).toBe(4);
    expect([result.wins, result.losses, result.ties]).toEqual([3, 1, 1]);
    // t = 1.414 at df 4: two-sided p = 0.2302
    expect(result.pValue).toBeCloseTo(0.2302, 3);
  });

  it('reports p = 1 when the runs do not differ', () => {
    expect(compareRuns(run([0.3, 0.4]), run([0.3, 0.4]), 'ndcg@10')).toMatchObject({ meanDelta: 0, pValue: 1, ties: 2 });
  });
});
