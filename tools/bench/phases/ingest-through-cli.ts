import { spawn } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { compiledEntryArgs } from '../../compiled-runtime.js';
import { log, recordMemory, type BenchContext } from '../bench-context.js';
import { corpusLines } from '../bench-corpus.js';
import { withMemory } from '../process-usage.js';

/** The ingest CLI in its own process, as `npm run ingest` runs it, over the same articles written out as NDJSON; its memory recorded. */
export async function ingestThroughCli(context: BenchContext): Promise<void> {
  const { options } = context;
  log(`ingest: ${options.limit} articles through an \`npm run ingest\` process …`);
  const corpusFile = join(context.runDir, 'corpus.ndjson');
  await pipeline(Readable.from(corpusLines(options.corpus, options.limit)), createWriteStream(corpusFile));
  const started = performance.now();
  const cli = spawn(process.execPath, [...compiledEntryArgs('src/cli/ingest.js'), corpusFile], {
    env: { ...process.env, SEARCH_URL: context.engineUrl, SEARCH_ENGINE: context.engine.kind, INDEX_ALIAS: context.aliases.cli, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  context.children.push(cli);
  const cliIngest = await withMemory(cli.pid!, () => new Promise<number | null>((resolveExit) => cli.on('exit', resolveExit)));
  rmSync(corpusFile);
  if (cliIngest.result !== 0) throw new Error(`the ingest process exited ${cliIngest.result}`);
  recordMemory(
    context,
    `\`npm run ingest\` process, ${options.limit} articles (${((performance.now() - started) / 1000).toFixed(1)} s, start to exit)`,
    cliIngest.memory,
  );
}
