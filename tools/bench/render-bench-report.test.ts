import { describe, expect, it } from 'vitest';
import { renderBenchHtml, type BenchReport } from './render-bench-report.js';

const report: BenchReport = {
  layout: 'Cores: shared <both>.',
  ingest: { articles: 30337, pipelineSeconds: 16.9, rawSeconds: 12, targetRatio: 1.15 },
  queries: [
    { connections: 1, p50Ms: { engine: 9, proxy: 10, api: 11 }, requestsPerSecond: { engine: 100, proxy: 91, api: 81 } },
    { connections: 32, p50Ms: { engine: 155, proxy: 166, api: 181 }, requestsPerSecond: { engine: 200, proxy: 186, api: 172 } },
  ],
  targetThroughputShare: 0.9,
  memory: [{ what: 'API process, serving 32 connections', peakMb: 115 }],
  memoryLimitMb: 200,
};

/** The bars' widths by their tooltip, and the target lines' x positions. */
const bars = (html: string) => new Map([...html.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*><title>([^<]+)<\/title>/g)].map((m) => [m[2]!, Number(m[1])]));

describe('renderBenchHtml', () => {
  const html = renderBenchHtml(report);

  it('draws a bar for every figure, labelled with its value', () => {
    const drawn = bars(html);
    expect(drawn.get('pipeline (parse, clean, tag, bulk): 16.9 s')).toBeGreaterThan(drawn.get('raw _bulk of prepared documents: 12 s')!);
    expect(drawn.get('API: 181 ms')).toBeGreaterThan(drawn.get('engine: 155 ms')!);
    // Throughput as a share of the engine's, per connection count.
    expect([...drawn.keys()]).toEqual(expect.arrayContaining(['bare Node proxy: 91 %', 'API: 81 %', 'bare Node proxy: 93 %', 'API: 86 %']));
    expect(drawn.get('API process, serving 32 connections: 115 MB')).toBeGreaterThan(0);
  });

  it('marks each target with a dashed line and says what it is', () => {
    expect(html).toContain('target: 1.15× raw');
    expect(html).toContain('target: 90%');
    expect(html).toContain('target: under 200 MB');
    expect(html.match(/stroke-dasharray/g)).toHaveLength(3);
  });

  it('escapes text it did not write', () => {
    expect(html).toContain('Cores: shared &#60;both&#62;.');
    expect(html).not.toContain('<both>');
  });
});
