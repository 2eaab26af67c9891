import { describe, expect, it } from 'vitest';
import { cohenKappa, microAverage, scoreLabel, scoreMultiLabel } from './tagging-metrics.js';

describe('tagging metrics', () => {
  it('computes precision, recall and F1 from counts', () => {
    // 3 of 4 predictions right, 3 of 6 gold found: P 0.75, R 0.5, F1 2·0.375/1.25 = 0.6.
    expect(scoreLabel('x', 3, 4, 6)).toMatchObject({ precision: 0.75, recall: 0.5, f1: 0.6 });
    expect(scoreLabel('x', 0, 0, 2)).toMatchObject({ precision: undefined, recall: 0, f1: undefined });
  });

  it('scores each label of multi-label predictions, and their micro average', () => {
    const scores = scoreMultiLabel([
      { predicted: ['a', 'b'], gold: ['a'] },
      { predicted: ['a'], gold: ['a', 'b'] },
      { predicted: [], gold: ['b'] },
    ]);
    expect(scores.map((s) => [s.label, s.truePositives, s.predicted, s.actual])).toEqual([
      ['a', 2, 2, 2],
      ['b', 0, 1, 2],
    ]);
    // micro: tp 2, predicted 3, actual 4.
    expect(microAverage(scores)).toMatchObject({ truePositives: 2, predicted: 3, actual: 4, precision: 2 / 3, recall: 0.5 });
  });

  it("computes Cohen's κ of two labellers' decisions", () => {
    const d = (first: boolean, second: boolean) => ({ first, second });
    // 20 items: 8 both yes, 8 both no, 2 + 2 disagree: observed 0.8, chance 0.5, κ 0.6.
    const decisions = [...Array(8).fill(d(true, true)), ...Array(8).fill(d(false, false)), d(true, false), d(true, false), d(false, true), d(false, true)];
    expect(cohenKappa(decisions)).toBeCloseTo(0.6);
    expect(cohenKappa([d(true, true), d(false, false)])).toBe(1);
    expect(cohenKappa([])).toBeUndefined();
  });
});
