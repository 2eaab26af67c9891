import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { antCorpusPath } from '../measure/ant-corpus.js';
import { createBenchContext, describeCores, out, releaseBenchContext } from './bench-context.js';
import { measureScale } from './measure-scale.js';
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
// With --scale it measures instead how cost grows with the corpus (measure-scale.ts): fresh engines
// of each node count, the corpus 1, 4 and 10 times over.
// Usage: npm run bench [-- --limit 30337] [--duration 10] [--separate-cores]
//        npm run bench -- --scale [--factors 1,4,10] [--nodes 1,3] [--limit 30337] [--duration 10]
const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    duration: { type: 'string' },
    corpus: { type: 'string' },
    'separate-cores': { type: 'boolean' },
    scale: { type: 'boolean' },
    factors: { type: 'string' },
    nodes: { type: 'string' },
  },
});
const corpus = values.corpus ? resolve(values.corpus) : antCorpusPath();
const durationSeconds = Number(values.duration ?? '10');
if (values.scale) {
  const numbers = (list: string) => list.split(',').map(Number);
  await measureScale({
    factors: numbers(values.factors ?? '1,4,10'),
    nodes: numbers(values.nodes ?? '1,3'),
    limit: Number(values.limit ?? '30337'),
    corpus,
    durationSeconds,
    heap: process.env.ENGINE_HEAP ?? '512m',
  });
  process.exit(0);
}
const context = await createBenchContext({ limit: Number(values.limit ?? '30337'), durationSeconds, corpus, separateCores: values['separate-cores'] ?? false });
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
