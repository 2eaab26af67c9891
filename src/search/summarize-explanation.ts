/** One term's contribution to a hit's score. */
export interface TermContribution {
  field: string;
  term: string;
  score: number;
}

export interface ScoreExplanation {
  score: number;
  /** The matched field/term pairs, largest contribution first. */
  matches: TermContribution[];
}

interface ExplanationNode {
  value?: number;
  description?: string;
  details?: ExplanationNode[];
}

// Lucene describes each scored term as `weight(body:بلينكن in 3) [PerFieldSimilarity], result of:`;
// synonyms and phrases appear as `weight(body:"a b" in 3)` or `weight(Synonym(body:x body:y) in 3)`.
const WEIGHT = /^weight\((.+) in \d+\)/;

/**
 * Turns the engine's score explanation into the terms that matched, per field, with their share of
 * the score, so a tuner sees which field and word carried a hit. Pure.
 */
export function summarizeExplanation(explanation: unknown): ScoreExplanation {
  const root = explanation as ExplanationNode;
  const matches: TermContribution[] = [];
  const walk = (node: ExplanationNode) => {
    const weight = node.description?.match(WEIGHT);
    if (weight?.[1]) {
      const clause = weight[1].replace(/^Synonym\((.*)\)$/, '$1');
      const field = clause.match(/^([\w.]+):/)?.[1] ?? '';
      const terms = [...clause.matchAll(/[\w.]+:("[^"]*"|\S+)/g)].map((m) => m[1]!.replace(/^"|"$/g, ''));
      matches.push({ field, term: terms.join(' | '), score: round(node.value ?? 0) });
      return;
    }
    node.details?.forEach(walk);
  };
  walk(root);
  return { score: round(root.value ?? 0), matches: matches.sort((a, b) => b.score - a.score) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
