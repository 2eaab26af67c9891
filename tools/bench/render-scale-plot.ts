import { escapeHtml } from '../../src/escape-html.js';
import type { ScaleRun } from './measure-scale.js';
import { barChart, type Group } from './render-bench-report.js';

const NODE_COLOURS: Record<number, string> = { 1: '#90a4ae', 3: '#1565c0' };

/** One panel: a figure of every run, grouped by factor, a bar per node count. */
function panel(runs: ScaleRun[], figure: (run: ScaleRun) => number, unit: string): string {
  const factors = [...new Set(runs.map((run) => run.factor))].sort((a, b) => a - b);
  const groups: Group[] = factors.map((factor) => {
    const ofFactor = runs.filter((run) => run.factor === factor).sort((a, b) => a.nodes - b.nodes);
    return {
      label: `${factor}× (${ofFactor[0]!.articles.toLocaleString('en')} articles)`,
      bars: ofFactor.map((run) => ({
        name: `${run.nodes} node${run.nodes > 1 ? 's' : ''}`,
        value: Math.round(figure(run)),
        colour: NODE_COLOURS[run.nodes] ?? '#f9a825',
      })),
    };
  });
  return barChart(groups, unit);
}

/**
 * How cost grows with the corpus, as one SVG: ingest rate, search latency at 8 connections, index
 * bytes per article and the engine's memory, each by factor and node count. Panels are the bench's
 * bar charts, stacked.
 */
export function renderScaleSvg(runs: ScaleRun[]): string {
  const panels: [title: string, svg: string][] = [
    ['Ingest rate through the pipeline (higher is better)', panel(runs, (run) => run.articlesPerSecond, 'articles/s')],
    ['Search p50 through the API, 8 connections', panel(runs, (run) => run.search.p50Ms, 'ms')],
    ['Search p99 through the API, 8 connections', panel(runs, (run) => run.search.p99Ms, 'ms')],
    ['Index size per article (primaries)', panel(runs, (run) => run.primaryBytesPerArticle, 'bytes')],
    ['Engine resident memory, all nodes, peak', panel(runs, (run) => run.engine.peakRssMb, 'MB')],
  ];
  let y = 0;
  let width = 0;
  const parts: string[] = [];
  for (const [title, svg] of panels) {
    parts.push(`<text x="0" y="${y + 16}" font-size="14" font-weight="bold">${escapeHtml(title)}</text>`);
    y += 24;
    parts.push(svg.replace('<svg ', `<svg y="${y}" `));
    y += Number(/height="(\d+)"/.exec(svg)![1]) + 12;
    width = Math.max(width, Number(/width="(\d+)"/.exec(svg)![1]));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>\n`;
}
