import { parseArgs } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArticleTagger } from '../classify/article-tagger.js';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { loadConfig } from '../config.js';
import { queryShapeOf } from '../search/build-search-body.js';
import { ensureIndex } from '../index/ensure-index.js';
import { loadIndexDefinition } from '../index/index-definition.js';
import { ingestArticles } from '../ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../ingest/source-records.js';
import { createLogger } from '../logger.js';
import { PROJECT_ROOT } from '../project-root.js';
import { provideEngine } from '../provide-engine.js';
import { compareRuns } from '../relevance/compare-runs.js';
import { judgedQueries, productSearch, SEED_JUDGMENTS } from '../relevance/judged-search.js';
import { renderComparisonHtml } from '../relevance/render-report.js';
import { runEvaluation, type EvaluationRun } from '../relevance/run-evaluation.js';
import { loadSearchProfile } from '../search/search-profile.js';

// Evaluates a ranking profile on the judgments over the seeds, on the real engine, and compares it
// with another profile or a saved run. Writes the run as JSON, and an HTML report when comparing.
// Usage: npm run eval [-- --profile default] [--compare exact-first | --baseline relevance/runs/default.json]
//                     [--k 10] [--judgments FILE] [--out relevance/runs]
const { values: options } = parseArgs({ options: { 'profile': { type: 'string' }, 'compare': { type: 'string' }, 'baseline': { type: 'string' }, 'k': { type: 'string' }, 'judgments': { type: 'string' }, 'out': { type: 'string' } } });
const option = (name: keyof typeof options, fallback: string) => options[name] ?? fallback;
const profileName = option('profile', 'default');
const compareWith = options.compare;
const baselineFile = options.baseline;
const k = Number(option('k', '10'));
const judgmentsFile = resolve(option('judgments', SEED_JUDGMENTS));
const outDir = resolve(option('out', join(PROJECT_ROOT, 'relevance', 'runs')));

const config = loadConfig();
const provided = await provideEngine(config, createLogger('warn'));
const { engine } = provided;
const taxonomy = loadTaxonomy(PROJECT_ROOT);
const alias = `eval-${process.pid}`;
const queries = judgedQueries(judgmentsFile);

async function evaluate(name: string): Promise<EvaluationRun & { profile: string }> {
  const profile = loadSearchProfile(PROJECT_ROOT, name);
  const run = await runEvaluation(queries, productSearch(engine, alias, profile, taxonomy, queryShapeOf(loadIndexDefinition(PROJECT_ROOT), config.maxQueryClauses)), k, (done, total) =>
    process.stderr.write(`\r${name}: ${done}/${total} queries   `),
  );
  process.stderr.write('\n');
  return { ...run, profile: name };
}

const f = (v: number | undefined) => (v === undefined ? '  –  ' : v.toFixed(3));
try {
  const definition = loadIndexDefinition(PROJECT_ROOT);
  const state = await ensureIndex(engine, alias, definition);
  const tagger = await ArticleTagger.create(engine, alias, definition, taxonomy);
  await ingestArticles(engine, alias, tagger, readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])));
  const run = await evaluate(profileName);
  const metrics = Object.keys(run.mean);
  console.log(`\n${profileName} on ${queries.length} judged queries (${judgmentsFile.replace(PROJECT_ROOT, '')}), k = ${k}\n`);
  console.log(`query                     ${metrics.map((m) => m.padStart(9)).join(' ')}   unrated in top ${k}`);
  for (const q of run.queries) {
    console.log(`${q.id.padEnd(26)}${metrics.map((m) => f(q.metrics[m]).padStart(9)).join(' ')}   ${q.unrated.join(' ')}`);
  }
  console.log(`${'mean'.padEnd(26)}${metrics.map((m) => f(run.mean[m]).padStart(9)).join(' ')}`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${profileName}.json`), JSON.stringify(run, null, 2));
  console.log(`\nrun saved to ${join(outDir, `${profileName}.json`)}`);

  const other = compareWith ? await evaluate(compareWith) : baselineFile ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as EvaluationRun & { profile?: string }) : undefined;
  if (other) {
    const labels: [string, string] = [other.profile ?? baselineFile ?? 'baseline', profileName];
    const comparisons = metrics.map((metric) => compareRuns(other, run, metric));
    console.log(`\n${labels[1]} against ${labels[0]}: mean change, wins/losses/ties, paired t-test p`);
    for (const c of comparisons) console.log(`${c.metric.padEnd(10)} ${f(c.meanA)} → ${f(c.meanB)}  ${c.meanDelta >= 0 ? '+' : ''}${c.meanDelta.toFixed(3)}  ${c.wins}/${c.losses}/${c.ties}  p=${c.pValue.toFixed(3)}`);
    const html = join(outDir, `${labels[0].replace(/\W+/g, '-')}-vs-${profileName}.html`);
    writeFileSync(html, renderComparisonHtml(comparisons, labels, `${profileName} against ${labels[0]}`));
    writeFileSync(html.replace(/\.html$/, '.json'), JSON.stringify(comparisons, null, 2));
    console.log(`report: ${html}`);
  }
  await engine.deleteIndex(state.index);
} finally {
  await provided.release();
}
