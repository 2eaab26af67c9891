import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { createApp } from '../../src/http/app.js';
import { readSourceRecords, sourceFiles, type SourceRecord } from '../../src/ingest/source-records.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { launchChromium, serveApp } from '../../test/support/browser.js';
import { antCorpusPath } from '../measure/ant-corpus.js';

// The web budgets, printed (not asserted): the JavaScript each page ships, /suggest latency over
// HTTP, and in Chromium the time from a keystroke to the suggestions drawn and from submit to the
// results drawn. On the ANT corpus when present (else the seeds), in an index of its own.
// Usage: npm run budgets [-- --corpus FILE] [--limit N] [--samples N] [--alias NAME]
// --alias measures an alias already loaded (left as it is) instead of indexing the corpus.
const { values: options } = parseArgs({
  options: { corpus: { type: 'string' }, limit: { type: 'string' }, samples: { type: 'string' }, alias: { type: 'string' } },
});
const corpus = resolve(options.corpus ?? antCorpusPath());
const limit = options.limit ? Number(options.limit) : Infinity;
const samples = Number(options.samples ?? 200);
const JS_BUDGET = 100 * 1024;

const bytes = (files: string[]) => {
  const text = files.map((file) => readFileSync(join(PROJECT_ROOT, 'web', file)));
  return { raw: text.reduce((n, t) => n + t.length, 0), gzip: text.reduce((n, t) => n + gzipSync(t).length, 0) };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (n = ${values.length})`;

async function* limited(records: AsyncIterable<SourceRecord>): AsyncGenerator<SourceRecord> {
  let n = 0;
  for await (const record of records) {
    if (n++ >= limit) return;
    yield record;
  }
}

await runWithEngine(
  async ({ service }) => {
    const useAnt = existsSync(corpus);
    const state = options.alias ? undefined : await service.ensureIndex();
    try {
      if (state) {
        const source = useAnt ? corpus : join(PROJECT_ROOT, 'seeds');
        process.stderr.write(`indexing ${useAnt ? 'the ANT corpus' : 'the seeds (no ANT corpus found)'}…\n`);
        const report = await service.ingest(limited(readSourceRecords(await sourceFiles([source]))));
        if (report.rejected.length > 0) process.stderr.write(`${report.rejected.length} records rejected\n`);
        await service.engine.refresh(state.index);
      }
      const documents = await service.engine.count(service.alias);
      const app = createApp({ service, limits: { maxPageSize: 50, maxResultWindow: 1000 }, logger: pino({ level: 'silent' }) });
      const server = await serveApp(app.fetch);

      // Prefixes as readers type them: a title's first word and the start of its second.
      const titles = (await service.engine.search<{ title: string }>(service.alias, { size: samples, _source: ['title'], query: { match_all: {} } })).hits.map(
        (h) => h.source.title,
      );
      const prefixes = titles
        .map((title) => title.split(/\s+/).filter((w) => /\p{L}{3}/u.test(w)))
        .filter((words) => words.length >= 2)
        .map((words) => `${words[0]} ${[...words[1]!].slice(0, 3).join('')}`);
      const suggestMs: number[] = [];
      for (const prefix of prefixes) {
        const started = performance.now();
        await (await fetch(`${server.url}/suggest?${new URLSearchParams({ q: prefix })}`)).json();
        suggestMs.push(performance.now() - started);
      }

      const browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(server.url);
      const keystrokeMs: number[] = [];
      const submitMs: number[] = [];
      for (const prefix of prefixes.slice(0, 30)) {
        await page.fill('#q', prefix.slice(0, -1));
        await page.focus('#q');
        const started = performance.now();
        await page.keyboard.type(prefix.slice(-1));
        await page.waitForFunction((text) => document.getElementById('suggestions')?.dataset.for === text, prefix.trim());
        keystrokeMs.push(performance.now() - started);
        const submitted = performance.now();
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          (q) => new URLSearchParams(location.search).get('q') === q && document.body.dataset.rendered?.startsWith(`${new URLSearchParams({ q })}|`),
          prefix.trim(),
        );
        submitMs.push(performance.now() - submitted);
      }
      await browser.close();
      await server.close();

      const page_ = bytes(['common.js', 'search.js']);
      const bench = bytes(['common.js', 'workbench.js']);
      console.log(`\nweb budgets on ${options.alias ? `the alias ${options.alias}` : useAnt ? 'the ANT corpus' : 'the seeds'} (${documents} articles)\n`);
      console.log(
        `JavaScript, search page   ${kb(page_.raw)} (${kb(page_.gzip)} gzip)   budget ${kb(JS_BUDGET)}: ${page_.raw < JS_BUDGET ? 'within' : 'OVER'}`,
      );
      console.log(
        `JavaScript, workbench     ${kb(bench.raw)} (${kb(bench.gzip)} gzip)   budget ${kb(JS_BUDGET)}: ${bench.raw < JS_BUDGET ? 'within' : 'OVER'}`,
      );
      console.log(`GET /suggest over HTTP    ${ms(suggestMs)}   budget p50 30 ms: ${percentile(suggestMs, 50) < 30 ? 'within' : 'OVER'}`);
      console.log(`keystroke → suggestions   ${ms(keystrokeMs)}   (includes the page's 60 ms typing pause)`);
      console.log(`submit → results drawn   ${ms(submitMs)}`);
      return 0;
    } finally {
      if (state) await service.engine.deleteIndex(state.index);
    }
  },
  () => options.alias ?? `budgets-${process.pid}`,
);
