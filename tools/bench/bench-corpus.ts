import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { readSourceRecords, sourceFiles, type SourceRecord } from '../../src/ingest/source-records.js';

async function* limited(records: AsyncIterable<SourceRecord>, count: number): AsyncGenerator<SourceRecord> {
  let n = 0;
  for await (const record of records) {
    if (n++ >= count) return;
    yield record;
  }
}

/** The first `count` articles of the corpus, read as the ingest reads them. */
export async function corpusRecords(corpus: string, count: number): Promise<AsyncGenerator<SourceRecord>> {
  return limited(readSourceRecords(await sourceFiles([corpus])), count);
}

/** The first `count` articles as NDJSON text, decompressed: what a client sends to `POST /admin/ingest`. */
export async function* corpusLines(corpus: string, count: number): AsyncGenerator<string> {
  const file = createReadStream(corpus);
  let n = 0;
  for await (const line of createInterface({ input: corpus.endsWith('.gz') ? file.pipe(createGunzip()) : file, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    if (n++ >= count) break;
    yield `${line}\n`;
  }
  file.destroy();
}
