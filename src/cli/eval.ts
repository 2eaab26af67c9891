import { parseArgs } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSourceRecords, sourceFiles } from '../ingest/source-records.js';
import { PROJECT_ROOT } from '../project-root.js';
import { compareRuns } from '../relevance/compare-runs.js';
import { judgedQueries, SEED_JUDGMENTS } from '../relevance/judged-search.js';
import { renderComparisonHtml } from '../relevance/render-report.js';
import type { EvaluationRun } from '../relevance/run-evaluation.js';
import type { SearchService } from '../service/search-service.js';
import { runWithEngine } from './run-with-engine.js';

// Evaluates a ranking profile on the judgments over the seeds, on the real engine, and compares it
// with another profile or a saved run. Writes the run as JSON, and an HTML report when comparing.
// Usage: npm run eval [-- --profile default] [--compare exact-first | --baseline relevance/runs/default.json]
//                     [--k 10] [--judgments FILE] [--out relevance/runs]
const { values: options } = parseArgs({
  options: {
    profile: { type: 'string' },
    compare: { type: 'string' },
    baseline: { type: 'string' },
    k: { type: 'string' },
    judgments: { type: 'string' },
    out: { type: 'string' },
  },
});
const option = (name: keyof typeof options, fallback: string) => options[name] ?? fallback;
const profileName = option('profile', 'default');
const compareWith = options.compare;
const baselineFile = options.baseline;
const k = Number(option('k', '10'));
const judgmentsFile = resolve(option('judgments', SEED_JUDGMENTS));
const outDir = resolve(option('out', join(PROJECT_ROOT, 'relevance', 'runs')));

const queries = judgedQueries(judgmentsFile);

async function evaluate(service: SearchService, name: string): Promise<EvaluationRun & { profile: string }> {
  const profile = service.profiles.get(name);
  if (!profile) throw new Error(`no profile named "${name}" in relevance/profiles/`);
  const run = await service.evaluate(queries, profile, k, (done, total) => process.stderr.write(`\r${name}: ${done}/${total} queries   `));
  process.stderr.write('\n');
  return { ...run, profile: name };
}

const f = (v: number | undefined) => (v === undefined ? '  –  ' : v.toFixed(3));
// The seeds go into an index of this run's own, beside whatever the service serves.
await runWithEngine(
  async ({ service }) => {
    const state = await service.ensureIndex();
    await service.ingest(readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])));
    const run = await evaluate(service, profileName);
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

    const other = compareWith
      ? await evaluate(service, compareWith)
      : baselineFile
        ? (JSON.parse(readFileSync(baselineFile, 'utf8')) as EvaluationRun & { profile?: string })
        : undefined;
    if (other) {
      const labels: [string, string] = [other.profile ?? baselineFile ?? 'baseline', profileName];
      const comparisons = metrics.map((metric) => compareRuns(other, run, metric));
      console.log(`\n${labels[1]} against ${labels[0]}: mean change, wins/losses/ties, paired t-test p`);
      for (const c of comparisons)
        console.log(
          `${c.metric.padEnd(10)} ${f(c.meanA)} → ${f(c.meanB)}  ${c.meanDelta >= 0 ? '+' : ''}${c.meanDelta.toFixed(3)}  ${c.wins}/${c.losses}/${c.ties}  p=${c.pValue.toFixed(3)}`,
        );
      const html = join(outDir, `${labels[0].replace(/\W+/g, '-')}-vs-${profileName}.html`);
      const ids = [...new Set([...other.queries, ...run.queries].flatMap((q) => q.ranked))];
      const titles = new Map([...(await service.engine.getSources<{ title: string }>(service.alias, ids, ['title']))].map(([id, doc]) => [id, doc.title]));
      writeFileSync(html, renderComparisonHtml(comparisons, labels, `${profileName} against ${labels[0]}`, { runs: [other, run], titles }));
      writeFileSync(html.replace(/\.html$/, '.json'), JSON.stringify(comparisons, null, 2));
      console.log(`report: ${html}`);
    }
    await service.engine.deleteIndex(state.index);
    return 0;
  },
  () => `eval-${process.pid}`,
);
