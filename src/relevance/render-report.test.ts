import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare-runs.js';
import { renderComparisonHtml } from './render-report.js';
import type { EvaluationRun } from './run-evaluation.js';

const run = (values: number[]): EvaluationRun => ({
  k: 10,
  mean: {},
  queries: values.map((v, i) => ({ id: `q<${i}>`, query: '', ranked: [], unrated: [], metrics: { 'ndcg@10': v } })),
});

describe('renderComparisonHtml', () => {
  it('draws one bar a query and a distribution, escaping names', () => {
    const html = renderComparisonHtml([compareRuns(run([0.2, 0.9, 0.5]), run([0.4, 0.8, 0.5]), 'ndcg@10')], ['base', 'new'], 'new vs base');
    expect(html.match(/<rect [^>]*><title>q&#60;/g)).toHaveLength(3);
    expect(html).toContain('<svg');
    expect(html).toContain('1 / 1 / 1'); // wins / losses / ties
    expect(html).not.toContain('q<0>');
  });
});
