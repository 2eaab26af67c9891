/** Precision, recall and F1 of one label, from counts. Undefined where the denominator is 0. */
export interface LabelScore {
  label: string;
  truePositives: number;
  predicted: number;
  actual: number;
  precision: number | undefined;
  recall: number | undefined;
  f1: number | undefined;
}

export function scoreLabel(label: string, truePositives: number, predicted: number, actual: number): LabelScore {
  const precision = predicted > 0 ? truePositives / predicted : undefined;
  const recall = actual > 0 ? truePositives / actual : undefined;
  const f1 = precision !== undefined && recall !== undefined && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : undefined;
  return { label, truePositives, predicted, actual, precision, recall, f1 };
}

/** Per-label scores for multi-label predictions against gold sets over the same items. */
export function scoreMultiLabel(items: { predicted: string[]; gold: string[] }[]): LabelScore[] {
  const labels = new Set(items.flatMap((item) => [...item.predicted, ...item.gold]));
  return [...labels].sort().map((label) => {
    let tp = 0;
    let predicted = 0;
    let actual = 0;
    for (const item of items) {
      const p = item.predicted.includes(label);
      const g = item.gold.includes(label);
      if (p) predicted++;
      if (g) actual++;
      if (p && g) tp++;
    }
    return scoreLabel(label, tp, predicted, actual);
  });
}

/** Micro-averaged scores over every label. */
export function microAverage(scores: LabelScore[]): LabelScore {
  const sum = (key: 'truePositives' | 'predicted' | 'actual') => scores.reduce((total, s) => total + s[key], 0);
  return scoreLabel('micro', sum('truePositives'), sum('predicted'), sum('actual'));
}

export function formatRatio(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(2);
}

/**
 * Cohen's κ of two labellers' yes/no decisions on the same items: agreement beyond what their
 * label rates alone would give by chance. 1 is full agreement, 0 chance level.
 */
export function cohenKappa(decisions: { first: boolean; second: boolean }[]): number | undefined {
  const n = decisions.length;
  if (n === 0) return undefined;
  const both = decisions.filter((d) => d.first && d.second).length;
  const neither = decisions.filter((d) => !d.first && !d.second).length;
  const firstYes = decisions.filter((d) => d.first).length / n;
  const secondYes = decisions.filter((d) => d.second).length / n;
  const observed = (both + neither) / n;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  return chance === 1 ? undefined : (observed - chance) / (1 - chance);
}
