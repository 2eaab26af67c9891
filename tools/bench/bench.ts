import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { createBenchContext, describeCores, out, releaseBenchContext } from './bench-context.js';
import { ingestThroughApi } from './phases/ingest-through-api.js';
import { ingestThroughCli } from './phases/ingest-through-cli.js';
import { measureIngest } from './phases/measure-ingest.js';
import { measureQueries } from './phases/measure-queries.js';
import { rebuildUnderLoad } from './phases/rebuild-under-load.js';
import { printMemory, writeReport } from './phases/report.js';

// Benchmarks against the raw engine, measured in the same run, on the ANT corpus:
// ingest (pipeline vs plain _bulk of the prepared documents), query latency and throughput
// (API vs the same bodies sent to the engine, and vs a bare Node proxy), memory, and a rebuild under load.
// The API under test is the server entry (src/main.ts, compiled) in its own process, serving a bench alias;
// memory is that process's VmRSS/VmHWM, and that of an `npm run ingest` process, from /proc.
// With --separate-cores the engine gets core 0 and every Node process (this one, the API, the load
// generator, the ingest CLI) the others, as when the engine has a host of its own.
// Usage: npm run bench [-- --limit 30337] [--duration 10] [--separate-cores]
const { values } = parseArgs({
  options: { limit: { type: 'string' }, duration: { type: 'string' }, corpus: { type: 'string' }, 'separate-cores': { type: 'boolean' } },
});
const context = await createBenchContext({
  limit: Number(values.limit ?? '30337'),
  durationSeconds: Number(values.duration ?? '10'),
  corpus: resolve(values.corpus ?? join(PROJECT_ROOT, '..', 'shared', 'corpora', 'ant-multisource.ndjson.gz')),
  separateCores: values['separate-cores'] ?? false,
});
try {
  out(context, describeCores(context));
  await measureIngest(context);
  const api = await ingestThroughApi(context);
  await measureQueries(context, api);
  await rebuildUnderLoad(context, api);
  api.process.kill('SIGTERM');
  await ingestThroughCli(context);
  printMemory(context);
  writeReport(context);
} finally {
  await releaseBenchContext(context);
}
