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

  it('is Arabic, right to left, and shows each query and the titles each run ranked', () => {
    const a = run([0.2, 0.9, 0.5]);
    const b = run([0.4, 0.8, 0.5]);
    a.queries[0] = { ...a.queries[0]!, query: 'بلينكن <b>', ranked: ['d1', 'd2'] };
    b.queries[0] = { ...b.queries[0]!, ranked: ['d2'] };
    const titles = new Map([
      ['d1', 'زيارة بلينكن'],
      ['d2', 'العمامرة & Blinken'],
    ]);
    const html = renderComparisonHtml([compareRuns(a, b, 'ndcg@10')], ['base', 'new'], 'new vs base', { runs: [a, b], titles });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<bdi>بلينكن &#60;b&#62;</bdi>');
    expect(html).toContain('<li><bdi>زيارة بلينكن</bdi></li><li><bdi>العمامرة &#38; Blinken</bdi></li>');
  });
});
