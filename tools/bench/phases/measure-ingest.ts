import { ArticleTagger } from '../../../src/classify/article-tagger.js';
import { forEachLimited } from '../../../src/concurrency/for-each-limited.js';
import type { BulkDocument } from '../../../src/engine/search-engine.js';
import { ensureIndex } from '../../../src/index/ensure-index.js';
import { INGEST_BATCH_SIZE, ingestArticles, toStoredArticle, type IngestReport } from '../../../src/ingest/ingest-articles.js';
import { prepareArticle, type PreparedArticle } from '../../../src/ingest/prepare-article.js';
import { log, out, type BenchContext } from '../bench-context.js';
import { corpusRecords } from '../bench-corpus.js';
import { dropAlias, waitForQuietEngine, withCpu, type CpuRun } from '../bench-engine.js';

/** The corpus as the raw path sends it: tagged stored documents in `_bulk` batches, and what each stage took. */
interface PreparedCorpus {
  batches: BulkDocument[][];
  documents: number;
  prepareSeconds: number;
  tagSeconds: number;
}

/**
 * Ingest: the whole pipeline against a raw `_bulk` of the same prepared documents, each timed twice
 * after an unmeasured pipeline pass. Prints the ingest table and keeps its figures for the picture.
 */
export async function measureIngest(context: BenchContext): Promise<void> {
  const { engine, definition, taxonomy, aliases, options } = context;
  // The measured indices come and go; where analysis cannot run in process, the tagger sends it here.
  await ensureIndex(engine, aliases.tagging, definition);
  const tagger = await ArticleTagger.create(engine, aliases.tagging, definition, taxonomy);

  // A freshly started engine spent twice the CPU on its first pass over the corpus that a warm one
  // did (its JIT compiling; still a fifth more after 10,000 articles), and this process compiles its
  // pipeline code: whichever path ran first would pay for both. One unmeasured pass of each path was
  // still not enough: after it, the first measured pipeline run took 28 % longer than the second
  // (39.2 s against 30.7 s), and later 14 % (31.7 s against 27.8 s, with more CPU in the engine and
  // in this process alike). So the pipeline runs twice unmeasured and the raw path once, then each twice.
  log('ingest: the documents prepared in memory, timed by stage …');
  const prepared = await prepareCorpus(context, tagger);
  log(`warm-up: the pipeline twice and a raw _bulk over ${options.limit} articles, not measured …`);
  await measurePipeline(context, tagger);
  await measureRaw(context, prepared.batches);
  await measurePipeline(context, tagger);
  // In the order pipeline, raw, raw, pipeline: the engine still speeds up a little from run to run,
  // and this order lets that drift weigh on both paths alike.
  log(`ingest: pipeline over ${options.limit} ANT articles (1 of 2) …`);
  const pipelineFirst = await measurePipeline(context, tagger);
  log('ingest: raw _bulk of the prepared documents (1 of 2) …');
  const rawFirst = await measureRaw(context, prepared.batches);
  log('ingest: raw _bulk of the prepared documents (2 of 2) …');
  const rawSecond = await measureRaw(context, prepared.batches);
  log(`ingest: pipeline over ${options.limit} ANT articles (2 of 2) …`);
  const pipelineSecond = await measurePipeline(context, tagger);

  const meanOf = (a: CpuRun, b: CpuRun): CpuRun => ({
    seconds: (a.seconds + b.seconds) / 2,
    engineCpu: (a.engineCpu + b.engineCpu) / 2,
    benchCpu: (a.benchCpu + b.benchCpu) / 2,
    otherCpu: (a.otherCpu + b.otherCpu) / 2,
    ioWaitSeconds: (a.ioWaitSeconds + b.ioWaitSeconds) / 2,
  });
  const fastest = (a: CpuRun, b: CpuRun) => Math.min(a.seconds, b.seconds);
  const runCell = (run: CpuRun) =>
    `${run.seconds.toFixed(1)} s (CPU: engine ${run.engineCpu.toFixed(1)} s, this process ${run.benchCpu.toFixed(1)} s, others ${run.otherCpu.toFixed(1)} s; iowait ${run.ioWaitSeconds.toFixed(1)} s)`;
  const pipeline = meanOf(pipelineFirst, pipelineSecond);
  const raw = meanOf(rawFirst, rawSecond);
  const articles = pipelineSecond.result.read;
  out(context, `\n## Ingest (${articles} ANT articles)\n`);
  const cpuCells = (run: CpuRun) => `${run.engineCpu.toFixed(1)} (${(run.engineCpu / run.seconds).toFixed(2)} cores) | ${run.benchCpu.toFixed(1)}`;
  out(
    context,
    'Each path ran twice, in the order pipeline, raw, raw, pipeline, after passes that were not measured (pipeline, raw, pipeline), each run once the engine had used under 5 % of a core for 3 s; the rows give the means.\n',
  );
  out(context, '| path | seconds | docs/s | engine CPU s | ingesting process CPU s |');
  out(context, '|---|---|---|---|---|');
  out(context, `| pipeline (parse, clean, tag, bulk) | ${pipeline.seconds.toFixed(1)} | ${(articles / pipeline.seconds).toFixed(0)} | ${cpuCells(pipeline)} |`);
  out(context, `| raw \`_bulk\` of the prepared documents | ${raw.seconds.toFixed(1)} | ${(prepared.documents / raw.seconds).toFixed(0)} | ${cpuCells(raw)} |`);
  out(
    context,
    `\npipeline / raw time: **${(pipeline.seconds / raw.seconds).toFixed(2)}×** on the means, ${(fastest(pipelineFirst, pipelineSecond) / fastest(rawFirst, rawSecond)).toFixed(2)}× on each path's faster run (runs, with the CPU the rest of the machine used meanwhile: pipeline ${runCell(pipelineFirst)} and ${runCell(pipelineSecond)}, raw ${runCell(rawFirst)} and ${runCell(rawSecond)}). Stages measured alone: read+parse+clean ${prepared.prepareSeconds.toFixed(1)} s, tagging (analysis ${tagger.analysis.runsIn === 'process' ? 'in process' : "by the engine's `_analyze`"}) ${prepared.tagSeconds.toFixed(1)} s.`,
  );
  context.results.ingest = { articles, pipelineSeconds: pipeline.seconds, rawSeconds: raw.seconds };

  await dropAlias(context, aliases.tagging);
}

/** One measured pipeline run into a fresh index, dropped after. */
async function measurePipeline(context: BenchContext, tagger: ArticleTagger): Promise<CpuRun & { result: IngestReport }> {
  const { engine, definition, aliases, options } = context;
  const progress = { onProgress: (r: { read: number }) => process.stderr.write(`\r  ${r.read} read`) };
  await ensureIndex(engine, aliases.pipeline, definition);
  await untilEngineQuiet(context);
  const run = await withCpu(context, async () =>
    ingestArticles(engine, aliases.pipeline, { repairer: context.repairer, tagger }, await corpusRecords(options.corpus, options.limit), progress),
  );
  process.stderr.write('\n');
  await dropAlias(context, aliases.pipeline);
  return run;
}

/** One measured raw `_bulk` of the prepared documents into a fresh index, dropped after. */
async function measureRaw(context: BenchContext, batches: BulkDocument[][]): Promise<CpuRun> {
  const { engine, definition, aliases } = context;
  await ensureIndex(engine, aliases.raw, definition);
  await untilEngineQuiet(context);
  const run = await withCpu(context, async () => {
    await forEachLimited(batches, 2, async (batch) => void (await engine.bulkIndex(aliases.raw, batch)));
    await engine.refresh(aliases.raw);
  });
  await dropAlias(context, aliases.raw);
  return run;
}

/** Starts a run only once the engine is idle, so that no run pays for the one before it. */
async function untilEngineQuiet(context: BenchContext): Promise<void> {
  const wait = await waitForQuietEngine(context);
  log(`  engine ${wait.quiet ? 'quiet' : 'still busy'} after ${wait.seconds.toFixed(0)} s`);
}

/** The corpus read, parsed, cleaned and tagged in memory, each stage timed alone. */
async function prepareCorpus(context: BenchContext, tagger: ArticleTagger): Promise<PreparedCorpus> {
  let started = performance.now();
  const prepared: PreparedArticle[] = [];
  for await (const record of await corpusRecords(context.options.corpus, context.options.limit)) {
    const result = prepareArticle(record, context.repairer);
    if (result.ok) prepared.push(result.article);
  }
  const prepareSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const documents: BulkDocument[] = [];
  const chunks: PreparedArticle[][] = [];
  for (let i = 0; i < prepared.length; i += 25) chunks.push(prepared.slice(i, i + 25));
  await forEachLimited(chunks, 2, async (chunk) => {
    const tags = await tagger.tagMany(chunk);
    chunk.forEach((article, i) => documents.push({ id: article.id, source: toStoredArticle(article, tags[i]!) }));
  });
  const tagSeconds = (performance.now() - started) / 1000;
  const batches: BulkDocument[][] = [];
  for (let i = 0; i < documents.length; i += INGEST_BATCH_SIZE) batches.push(documents.slice(i, i + INGEST_BATCH_SIZE));
  return { batches, documents: documents.length, prepareSeconds, tagSeconds };
}
