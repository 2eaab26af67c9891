import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { ensureIndex } from '../../../src/index/ensure-index.js';
import { log, recordMemory, type BenchContext } from '../bench-context.js';
import { corpusLines } from '../bench-corpus.js';
import { startApi, type RunningServer } from '../bench-processes.js';
import { readResidentMemory, withMemory } from '../process-usage.js';

/**
 * The corpus through `POST /admin/ingest` of an API process, its memory recorded; then a fresh API
 * process over the same alias, returned to serve the query and rebuild phases.
 */
export async function ingestThroughApi(context: BenchContext): Promise<RunningServer> {
  const { engine, definition, aliases, options } = context;
  await ensureIndex(engine, aliases.api, definition);
  const adminKey = randomBytes(24).toString('hex');
  const ingestingApi = await startApi(context, aliases.api, adminKey);
  recordMemory(context, 'API process, started, idle', readResidentMemory(ingestingApi.process.pid!));
  log(`ingest: ${options.limit} articles through the API process's POST /admin/ingest …`);
  const started = performance.now();
  const apiIngest = await withMemory(ingestingApi.process.pid!, async () => {
    const response = await fetch(`${ingestingApi.url}/admin/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${adminKey}` },
      body: Readable.toWeb(Readable.from(corpusLines(options.corpus, options.limit))) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    if (response.status !== 202) throw new Error(`POST /admin/ingest answered ${response.status}: ${await response.text()}`);
    // The ingest runs as a task once the body is received: followed to its end.
    let task = (await response.json()) as { id: string; state: string; result: { read: number; indexed: number }; error: unknown };
    while (task.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      task = (await (await fetch(`${ingestingApi.url}/admin/tasks/${task.id}`, { headers: { authorization: `Bearer ${adminKey}` } })).json()) as typeof task;
    }
    if (task.state !== 'succeeded') throw new Error(`the ingest task ended ${task.state}: ${JSON.stringify(task.error)}`);
    return task.result;
  });
  const apiIngestSeconds = (performance.now() - started) / 1000;
  recordMemory(context, `API process, \`POST /admin/ingest\` of ${apiIngest.result.read} articles (${apiIngestSeconds.toFixed(1)} s)`, apiIngest.memory);
  // V8 keeps the heap an ingest grew: a fresh process shows what serving alone takes.
  ingestingApi.process.kill('SIGTERM');
  const api = await startApi(context, aliases.api, adminKey);
  recordMemory(context, 'API process, restarted, idle', readResidentMemory(api.process.pid!));
  return api;
}
