import { escapeHtml } from '../../src/escape-html.js';

/** What one `npm run bench` measured, for the picture beside its tables. */
export interface BenchReport {
  /** How the cores were laid out, in a sentence. */
  layout: string;
  ingest: { articles: number; pipelineSeconds: number; rawSeconds: number; targetRatio: number };
  queries: {
    connections: number;
    p50Ms: { engine: number; proxy: number; api: number };
    requestsPerSecond: { engine: number; proxy: number; api: number };
  }[];
  targetThroughputShare: number;
  memory: { what: string; peakMb: number }[];
  memoryLimitMb: number;
}

export interface Bar {
  name: string;
  value: number;
  colour: string;
}

export interface Group {
  label: string;
  bars: Bar[];
}

const COLOURS = { engine: '#90a4ae', proxy: '#f9a825', api: '#1565c0', raw: '#90a4ae', pipeline: '#1565c0' };
const LABEL_WIDTH = 330;
const PLOT_WIDTH = 420;
const BAR_HEIGHT = 16;

/** Horizontal bars in groups, with a dashed line where the target lies. */
export function barChart(groups: Group[], unit: string, target?: { value: number; label: string }): string {
  const max = Math.max(target?.value ?? 0, ...groups.flatMap((g) => g.bars.map((b) => b.value))) * 1.1 || 1;
  const x = (value: number) => LABEL_WIDTH + (Math.max(0, value) / max) * PLOT_WIDTH;
  let y = 10;
  const parts: string[] = [];
  for (const group of groups) {
    parts.push(`<text x="0" y="${y + 12}" font-size="12" font-weight="bold">${escapeHtml(group.label)}</text>`);
    y += 18;
    for (const bar of group.bars) {
      const shown = `${Number.isInteger(bar.value) ? bar.value : bar.value.toFixed(1)} ${unit}`;
      parts.push(
        `<text x="${LABEL_WIDTH - 6}" y="${y + 12}" text-anchor="end" font-size="11">${escapeHtml(bar.name)}</text>` +
          `<rect x="${LABEL_WIDTH}" y="${y}" width="${(x(bar.value) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT - 3}" fill="${bar.colour}"><title>${escapeHtml(bar.name)}: ${escapeHtml(shown)}</title></rect>` +
          `<text x="${(x(bar.value) + 4).toFixed(1)}" y="${y + 11}" font-size="11">${escapeHtml(shown)}</text>`,
      );
      y += BAR_HEIGHT;
    }
    y += 8;
  }
  if (target) {
    parts.push(
      `<line x1="${x(target.value).toFixed(1)}" x2="${x(target.value).toFixed(1)}" y1="4" y2="${y}" stroke="#c62828" stroke-dasharray="4 3"/>` +
        `<text x="${(x(target.value) - 4).toFixed(1)}" y="${y + 12}" text-anchor="end" font-size="11" fill="#c62828">${escapeHtml(target.label)}</text>`,
    );
    y += 16;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH + PLOT_WIDTH + 90}" height="${y + 6}" font-family="sans-serif">${parts.join('')}</svg>`;
}

/** A self-contained HTML page of the bench's figures: ingest, latency, throughput, memory. */
export function renderBenchHtml(report: BenchReport): string {
  const { ingest } = report;
  const ingestChart = barChart(
    [
      {
        label: `${ingest.articles} articles`,
        bars: [
          { name: 'raw _bulk of prepared documents', value: ingest.rawSeconds, colour: COLOURS.raw },
          { name: 'pipeline (parse, clean, tag, bulk)', value: ingest.pipelineSeconds, colour: COLOURS.pipeline },
        ],
      },
    ],
    's',
    { value: ingest.rawSeconds * ingest.targetRatio, label: `target: ${ingest.targetRatio}× raw` },
  );
  const latencyChart = barChart(
    report.queries.map((q) => ({
      label: `${q.connections} connection${q.connections > 1 ? 's' : ''}`,
      bars: [
        { name: 'engine', value: q.p50Ms.engine, colour: COLOURS.engine },
        { name: 'bare Node proxy', value: q.p50Ms.proxy, colour: COLOURS.proxy },
        { name: 'API', value: q.p50Ms.api, colour: COLOURS.api },
      ],
    })),
    'ms',
  );
  const share = (rps: number, engine: number) => (engine > 0 ? (rps / engine) * 100 : 0);
  const throughputChart = barChart(
    report.queries.map((q) => ({
      label: `${q.connections} connection${q.connections > 1 ? 's' : ''}`,
      bars: [
        { name: 'bare Node proxy', value: share(q.requestsPerSecond.proxy, q.requestsPerSecond.engine), colour: COLOURS.proxy },
        { name: 'API', value: share(q.requestsPerSecond.api, q.requestsPerSecond.engine), colour: COLOURS.api },
      ],
    })),
    '%',
    { value: report.targetThroughputShare * 100, label: `target: ${report.targetThroughputShare * 100}%` },
  );
  const memoryChart = barChart(
    [{ label: 'peak resident memory (VmHWM)', bars: report.memory.map((m) => ({ name: m.what, value: m.peakMb, colour: COLOURS.api })) }],
    'MB',
    { value: report.memoryLimitMb, label: `target: under ${report.memoryLimitMb} MB` },
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Benchmark against the raw engine</title>
<style>body{font-family:sans-serif;margin:2rem;max-width:60rem}</style></head>
<body><h1>Benchmark against the raw engine</h1>
<p>${escapeHtml(report.layout)}</p>
<h2>Ingest time (shorter is better)</h2>${ingestChart}
<h2>Query latency, p50 (shorter is better)</h2>${latencyChart}
<h2>Query throughput as a share of the engine's</h2>${throughputChart}
<h2>Memory</h2>${memoryChart}
</body></html>
`;
}
