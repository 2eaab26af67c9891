import { positionOf, type Dimension, type Knob } from './search-space.js';

/** What the objective says of a candidate: its score, or the constraint it breaks (then it never wins). */
export interface Scored {
  score: number;
  rejected?: string;
  /** What the score is made of (each collection's ratio), reported with the step. */
  parts?: Record<string, number>;
}

export interface AscentStep extends Scored {
  round: number;
  dimension: string;
  value: Knob;
  /** The best score before this step. */
  best: number;
}

/** The search kept a coordinate's new value. */
export interface AscentMove {
  round: number;
  dimension: string;
  from: Knob;
  to: Knob;
  score: number;
}

export interface AscentOptions {
  /** Passes over every coordinate, at most. */
  rounds: number;
  /** A move must gain more than this: smaller gains are noise on a few hundred queries. */
  minGain: number;
  /** Asked before each evaluation; true stops the search with the best found so far. */
  outOfBudget?: () => boolean;
  onStep?: (step: AscentStep) => void;
  onMove?: (move: AscentMove) => void;
}

export interface AscentResult<P> {
  start: P;
  startScore: Scored;
  best: P;
  bestScore: Scored;
  steps: AscentStep[];
  moves: AscentMove[];
  evaluations: number;
  stoppedBy: 'converged' | 'rounds' | 'budget';
}

/** A rejected candidate ranks below any accepted one. */
const rank = (scored: Scored) => (scored.rejected ? -Infinity : scored.score);

/**
 * Coordinate ascent over a discrete space: in each round, every coordinate in turn is set to each of
 * its other values with the rest held, and the best of them is kept if it gains more than `minGain`.
 * Stops when a round moves nothing, after `rounds`, or when the budget is spent. A candidate seen
 * before is not evaluated again.
 */
export async function coordinateAscent<P>(
  start: P,
  space: readonly Dimension<P>[],
  objective: (candidate: P) => Promise<Scored>,
  options: AscentOptions,
): Promise<AscentResult<P>> {
  const seen = new Map<string, Scored>();
  const evaluate = async (candidate: P): Promise<Scored> => {
    const key = JSON.stringify(positionOf(candidate, space));
    const known = seen.get(key);
    if (known) return known;
    const scored = await objective(candidate);
    seen.set(key, scored);
    return scored;
  };
  const startScore = await evaluate(start);
  let best = start;
  let bestScore = startScore;
  const steps: AscentStep[] = [];
  const moves: AscentMove[] = [];
  let stoppedBy: AscentResult<P>['stoppedBy'] = 'rounds';

  search: for (let round = 1; round <= options.rounds; round++) {
    let moved = false;
    for (const dimension of space) {
      const current = dimension.read(best);
      let winner: { candidate: P; scored: Scored; value: Knob } | undefined;
      for (const value of dimension.values) {
        if (value === current) continue;
        if (options.outOfBudget?.()) {
          stoppedBy = 'budget';
          break search;
        }
        const candidate = dimension.apply(best, value);
        const scored = await evaluate(candidate);
        if (rank(scored) > rank(winner?.scored ?? { score: -Infinity })) winner = { candidate, scored, value };
        const step = { round, dimension: dimension.name, value, ...scored, best: bestScore.score };
        steps.push(step);
        options.onStep?.(step);
      }
      if (winner && rank(winner.scored) > rank(bestScore) + options.minGain) {
        const move = { round, dimension: dimension.name, from: current, to: winner.value, score: winner.scored.score };
        moves.push(move);
        options.onMove?.(move);
        best = winner.candidate;
        bestScore = winner.scored;
        moved = true;
      }
    }
    if (!moved) {
      stoppedBy = 'converged';
      break;
    }
  }
  return { start, startScore, best, bestScore, steps, moves, evaluations: seen.size, stoppedBy };
}
