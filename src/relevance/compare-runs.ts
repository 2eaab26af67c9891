import type { EvaluationRun } from './run-evaluation.js';

export interface PairedComparison {
  metric: string;
  meanA: number;
  meanB: number;
  meanDelta: number;
  wins: number;
  losses: number;
  ties: number;
  t: number;
  df: number;
  /** Two-sided p-value of the paired t-test; 1 when the deltas do not vary. */
  pValue: number;
  perQuery: { id: string; a: number; b: number; delta: number }[];
}

/** Regularized incomplete beta I_x(a, b) (Numerical Recipes 6.4: continued fraction by Lentz's method). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const guard = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

function logGamma(z: number): number {
  // Lanczos approximation, g = 7.
  // Lanczos coefficients as published (g = 7): the digits past double precision are the source's.
  // eslint-disable-next-line no-loss-of-precision
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let x = g[0]!;
  for (let i = 1; i < 9; i++) x += g[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function studentTwoSidedP(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Paired t-test of B against A on one metric, over the queries both runs scored. */
export function compareRuns(a: EvaluationRun, b: EvaluationRun, metric: string): PairedComparison {
  const bById = new Map(b.queries.map((q) => [q.id, q.metrics[metric]]));
  const perQuery = a.queries.flatMap((q) => {
    const va = q.metrics[metric];
    const vb = bById.get(q.id);
    return va === undefined || vb === undefined ? [] : [{ id: q.id, a: va, b: vb, delta: vb - va }];
  });
  const n = perQuery.length;
  const deltas = perQuery.map((p) => p.delta);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(xs.length, 1);
  const meanDelta = mean(deltas);
  const variance = n > 1 ? deltas.reduce((s, d) => s + (d - meanDelta) ** 2, 0) / (n - 1) : 0;
  const t = variance > 0 ? meanDelta / Math.sqrt(variance / n) : 0;
  const eps = 1e-9;
  return {
    metric,
    meanA: mean(perQuery.map((p) => p.a)),
    meanB: mean(perQuery.map((p) => p.b)),
    meanDelta,
    wins: deltas.filter((d) => d > eps).length,
    losses: deltas.filter((d) => d < -eps).length,
    ties: deltas.filter((d) => Math.abs(d) <= eps).length,
    t,
    df: Math.max(n - 1, 0),
    pValue: variance > 0 ? studentTwoSidedP(t, n - 1) : 1,
    perQuery,
  };
}
