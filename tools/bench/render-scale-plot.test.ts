import { describe, expect, it } from 'vitest';
import type { ScaleRun } from './measure-scale.js';
import { renderScaleSvg } from './render-scale-plot.js';

const run = (nodes: number, factor: number, articlesPerSecond: number): ScaleRun => ({
  nodes,
  factor,
  layout: nodes === 1 ? { shards: 1, replicas: 0 } : { shards: 3, replicas: 1 },
  articles: 30_000 * factor,
  ingestSeconds: (30_000 * factor) / articlesPerSecond,
  articlesPerSecond,
  search: { p50Ms: 20 * factor, p99Ms: 90 * factor, requestsPerSecond: 300, failed: 0 },
  primaryBytes: 1e9,
  totalBytes: 2e9,
  primaryBytesPerArticle: 4_100,
  engine: { heapUsedMb: 300, heapMaxMb: 512, peakRssMb: 900 * nodes },
  apiPeakRssMb: 120,
  loadAverage: { before: 2, after: 3 },
});

describe('renderScaleSvg', () => {
  const svg = renderScaleSvg([run(1, 1, 1500), run(3, 1, 900), run(1, 4, 1400), run(3, 4, 850)]);

  it('draws a bar per run in every panel, labelled with its value', () => {
    const titles = [...svg.matchAll(/<title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(4 * 5);
    expect(titles).toEqual(
      expect.arrayContaining(['1 node: 1500 articles/s', '3 nodes: 850 articles/s', '1 node: 80 ms', '3 nodes: 2700 MB', '1 node: 4100 bytes']),
    );
  });

  it('groups the bars by factor, with the number of articles', () => {
    expect(svg).toContain('1× (30,000 articles)');
    expect(svg).toContain('4× (120,000 articles)');
  });

  it('stacks the panels in one picture', () => {
    expect(svg.match(/<svg /g)).toHaveLength(6);
    const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)![1]);
    const lastPanel = Math.max(...[...svg.matchAll(/<svg y="(\d+)"/g)].map((m) => Number(m[1])));
    expect(height).toBeGreaterThan(lastPanel);
  });
});
