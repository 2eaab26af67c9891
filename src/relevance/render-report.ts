import { escapeHtml } from '../escape-html.js';
import type { PairedComparison } from './compare-runs.js';
import type { EvaluationRun } from './run-evaluation.js';

/** What a report shows beside the numbers: each query's text and the titles of what each run ranked. */
export interface ReportContext {
  runs: [EvaluationRun, EvaluationRun];
  titles: ReadonlyMap<string, string>;
}

const fixed = (value: number) => value.toFixed(3);

/** Per-query deltas as horizontal bars: green where B wins, red where it loses. */
function deltaBars(comparison: PairedComparison): string {
  const rows = [...comparison.perQuery].sort((x, y) => y.delta - x.delta);
  const width = 640;
  const row = 18;
  const mid = 320;
  const scale = 300 / Math.max(0.05, ...rows.map((r) => Math.abs(r.delta)));
  const bars = rows
    .map((r, i) => {
      const y = 20 + i * row;
      const w = Math.abs(r.delta) * scale;
      const x = r.delta >= 0 ? mid : mid - w;
      const colour = r.delta > 1e-9 ? '#2e7d32' : r.delta < -1e-9 ? '#c62828' : '#9e9e9e';
      return `<text x="${mid - 6}" y="${y + 12}" text-anchor="end" font-size="11">${r.delta < 0 ? '' : escapeHtml(r.id)}</text>` +
        `<rect x="${x.toFixed(1)}" y="${y}" width="${Math.max(w, 1).toFixed(1)}" height="${row - 4}" fill="${colour}"><title>${escapeHtml(r.id)}: ${fixed(r.a)} → ${fixed(r.b)}</title></rect>` +
        (r.delta < 0 ? `<text x="${mid + 6}" y="${y + 12}" font-size="11">${escapeHtml(r.id)}</text>` : '');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${30 + rows.length * row}" font-family="sans-serif"><line x1="${mid}" x2="${mid}" y1="10" y2="${20 + rows.length * row}" stroke="#333"/>${bars}</svg>`;
}

/** Distribution of the per-query metric for both runs, in ten bins from 0 to 1. */
function distribution(comparison: PairedComparison, labels: [string, string]): string {
  const bins = (values: number[]) => {
    const counts = Array<number>(10).fill(0);
    for (const v of values) counts[Math.min(9, Math.floor(v * 10))]!++;
    return counts;
  };
  const a = bins(comparison.perQuery.map((q) => q.a));
  const b = bins(comparison.perQuery.map((q) => q.b));
  const max = Math.max(1, ...a, ...b);
  const bar = (count: number, i: number, offset: number, colour: string) =>
    `<rect x="${40 + i * 56 + offset}" y="${200 - (count / max) * 170}" width="24" height="${(count / max) * 170}" fill="${colour}"><title>${count}</title></rect>`;
  const axis = Array.from({ length: 10 }, (_, i) => `<text x="${40 + i * 56 + 24}" y="216" text-anchor="middle" font-size="10">${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="620" height="240" font-family="sans-serif">${a.map((c, i) => bar(c, i, 0, '#90a4ae')).join('')}${b
    .map((c, i) => bar(c, i, 26, '#1565c0'))
    .join('')}${axis}<text x="40" y="236" font-size="11" fill="#90a4ae">■ ${escapeHtml(labels[0])}</text><text x="200" y="236" font-size="11" fill="#1565c0">■ ${escapeHtml(labels[1])}</text></svg>`;
}

/** The top ranked articles of a run for one query, by title, right to left. */
function rankedTitles(run: EvaluationRun | undefined, id: string, titles: ReadonlyMap<string, string>): string {
  const ranked = run?.queries.find((q) => q.id === id)?.ranked.slice(0, 5) ?? [];
  return `<ol>${ranked.map((doc) => `<li><bdi>${escapeHtml(titles.get(doc) ?? doc)}</bdi></li>`).join('')}</ol>`;
}

/**
 * A self-contained HTML page comparing two runs, in Arabic and right to left: summary, per-query
 * bars, distributions, and per query its text and the titles each run ranked first.
 */
export function renderComparisonHtml(comparisons: PairedComparison[], labels: [string, string], headline: string, context?: ReportContext): string {
  const main = comparisons[0]!;
  const summary = comparisons
    .map((c) => `<tr><td>${escapeHtml(c.metric)}</td><td>${fixed(c.meanA)}</td><td>${fixed(c.meanB)}</td><td>${c.meanDelta >= 0 ? '+' : ''}${fixed(c.meanDelta)}</td><td>${c.wins} / ${c.losses} / ${c.ties}</td><td>${c.pValue.toFixed(3)}</td></tr>`)
    .join('');
  const queryText = new Map(context?.runs[0].queries.map((q) => [q.id, q.query]) ?? []);
  const perQuery = main.perQuery
    .map(
      (q) =>
        `<tr><td><bdi>${escapeHtml(queryText.get(q.id) ?? q.id)}</bdi> <small dir="ltr">${escapeHtml(q.id)}</small></td><td>${fixed(q.a)}</td><td>${fixed(q.b)}</td><td dir="ltr">${q.delta >= 0 ? '+' : ''}${fixed(q.delta)}</td>` +
        (context ? `<td>${rankedTitles(context.runs[0], q.id, context.titles)}</td><td>${rankedTitles(context.runs[1], q.id, context.titles)}</td>` : '') +
        '</tr>',
    )
    .join('');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(headline)}</title>
<style>body{font-family:system-ui,'Noto Sans Arabic','DejaVu Sans',sans-serif;margin:2rem;max-width:72rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:start;vertical-align:top}ol{margin:0;padding-inline-start:1.2rem}svg{direction:ltr}small{color:#555}</style></head>
<body><h1><bdi>${escapeHtml(headline)}</bdi></h1>
<p>أ = <b><bdi>${escapeHtml(labels[0])}</bdi></b>، ب = <b><bdi>${escapeHtml(labels[1])}</bdi></b>. اختبار t المزدوج على الاستعلامات المحكَّمة؛ الفوز / الخسارة / التعادل: عدد الاستعلامات التي يتفوق فيها ب / يتأخر / يتساوى.</p>
<table><tr><th>المقياس</th><th>أ</th><th>ب</th><th>ب − أ</th><th>فوز / خسارة / تعادل</th><th>p</th></tr>${summary}</table>
<h2>${escapeHtml(main.metric)} لكل استعلام (ب − أ)</h2>${deltaBars(main)}
<h2>توزيع ${escapeHtml(main.metric)}</h2>${distribution(main, labels)}
<h2>لكل استعلام</h2><table><tr><th>الاستعلام</th><th>أ</th><th>ب</th><th>ب − أ</th>${context ? '<th>أولى نتائج أ</th><th>أولى نتائج ب</th>' : ''}</tr>${perQuery}</table>
</body></html>`;
}
