import { rebuildIndex } from '../../../src/index/rebuild-index.js';
import { log, out, type BenchContext } from '../bench-context.js';
import { corpusRecords } from '../bench-corpus.js';
import { runLoad, type RunningServer } from '../bench-processes.js';
import { buildQueryMix } from './query-mix.js';

/** Articles the rebuild reads, at most. */
const REBUILD_ARTICLES = 5000;

/** A rebuild of the API's alias while 8 connections search through the API: how long, and whether any query failed. */
export async function rebuildUnderLoad(context: BenchContext, api: RunningServer): Promise<void> {
  const { engine, definition, taxonomy, aliases, options } = context;
  const { apiRequests } = buildQueryMix(aliases.api, context.service);
  const rebuildCount = Math.min(options.limit, REBUILD_ARTICLES);
  log(`rebuild of ${rebuildCount} articles under query load …`);
  const underLoad = runLoad(api.url, 8, apiRequests, Math.max(options.durationSeconds, 15));
  const started = performance.now();
  const rebuilt = await rebuildIndex(engine, aliases.api, definition, taxonomy, context.repairer, await corpusRecords(options.corpus, rebuildCount));
  const rebuildSeconds = (performance.now() - started) / 1000;
  const during = await underLoad;
  out(context, `\n## Rebuild under load\n`);
  out(
    context,
    `A rebuild of ${rebuilt.read} articles took ${rebuildSeconds.toFixed(1)} s while 8 connections searched: ${during.requests} queries, ${during.errors} errors, ${during.timeouts} timeouts, ${during.non2xx} non-2xx answers.`,
  );
}
