import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** One article as read from a source file, before any parsing of its fields. */
export type SourceRecord =
  | { kind: 'json'; file: string; line: number; value: unknown }
  | { kind: 'seed-text'; file: string; line: number; id: string; text: string; source?: string }
  | { kind: 'unreadable'; file: string; line: number; reason: string }
  /** The input ended before its end (a damaged gzip, a dropped connection): nothing from `line` on was read. */
  | { kind: 'broken'; file: string; line: number; reason: string };

export const SOURCE_EXTENSIONS = ['.ndjson', '.jsonl', '.json', '.txt', '.ndjson.gz', '.jsonl.gz', '.json.gz'];

/** Total bytes of the files behind `paths` (folders expanded), for progress and ETA. */
export async function sourceFiles(paths: string[]): Promise<{ path: string; bytes: number }[]> {
  const files: { path: string; bytes: number }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`no such file or folder: ${path}`);
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      files.push(...(await sourceFiles(names.filter(isSourceFile).map((name) => join(path, name)))));
    } else if (isSourceFile(path)) files.push({ path, bytes: info.size });
    else throw new Error(`not an article file (${SOURCE_EXTENSIONS.join(', ')}): ${path}`);
  }
  return files;
}

function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

/**
 * Streams the records of article files: NDJSON line by line (gzip too), a JSON file as one array or
 * object, a `.txt` file as one scraped seed article whose id is the file stem. Memory stays flat
 * for NDJSON however large the file; `onBytes` reports the (compressed) bytes read.
 */
export async function* readSourceRecords(files: { path: string }[], onBytes: (bytes: number) => void = () => {}): AsyncGenerator<SourceRecord> {
  for (const { path } of files) {
    const gzipped = path.endsWith('.gz');
    const plain = gzipped ? path.slice(0, -3) : path;
    if (plain.endsWith('.txt')) {
      const text = await readFile(path, 'utf8');
      onBytes(Buffer.byteLength(text));
      yield { kind: 'seed-text', file: path, line: 1, id: basename(plain, '.txt'), text };
      continue;
    }
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        onBytes(chunk.length);
        done(null, chunk);
      },
    });
    const raw = createReadStream(path).pipe(counter);
    const input = gzipped ? raw.pipe(createGunzip()) : raw;
    if (extname(plain) === '.json') {
      const chunks: Buffer[] = [];
      for await (const chunk of input) chunks.push(chunk as Buffer);
      yield* jsonDocumentRecords(Buffer.concat(chunks).toString('utf8'), path);
      continue;
    }
    yield* untilBroken(readNdjson(input, path));
  }
}

/**
 * NDJSON records until the input breaks (a damaged gzip, a dropped connection); the break becomes a
 * `broken` record, so an ingest ends interrupted and says from which line to send again.
 */
export async function* untilBroken(records: AsyncGenerator<SourceRecord>): AsyncGenerator<SourceRecord> {
  let file = '';
  let line = 0;
  try {
    for await (const record of records) {
      ({ file, line } = record);
      yield record;
    }
  } catch (error) {
    yield { kind: 'broken', file, line: line + 1, reason: `the input broke off at line ${line + 1}: ${(error as Error).message}` };
  }
}

/** The records of one JSON document: an array of articles (line = position in it, from 1), or one article. */
export function* jsonDocumentRecords(text: string, label: string): Generator<SourceRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    yield { kind: 'unreadable', file: label, line: 1, reason: `invalid JSON: ${(error as Error).message}` };
    return;
  }
  const values = Array.isArray(value) ? value : [value];
  for (const [index, item] of values.entries()) yield { kind: 'json', file: label, line: index + 1, value: item };
}

/** No article needs more; a longer line is rejected, not held in memory. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/**
 * NDJSON records from any byte stream (a file, an HTTP request body), one line at a time. Memory
 * stays within `maxLineBytes` whatever the input: the rest of a longer line is read past, and the
 * line is a rejected record with its number.
 */
export async function* readNdjson(input: NodeJS.ReadableStream, label: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<SourceRecord> {
  let line = 0;
  let pieces: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  const endOfLine = (): SourceRecord | undefined => {
    line++;
    const bytes = Buffer.concat(pieces, length);
    pieces = [];
    length = 0;
    if (tooLong) {
      tooLong = false;
      return { kind: 'unreadable', file: label, line, reason: `line longer than ${maxLineBytes / 1024 / 1024} MB: skipped` };
    }
    // Bytes of another encoding would be stored as U+FFFD replacement characters, silently.
    if (!isUtf8(bytes)) return { kind: 'unreadable', file: label, line, reason: 'not UTF-8 text' };
    // An editor's byte order mark before the first line is no part of its JSON.
    const text = line === 1 ? bytes.toString('utf8').replace(/^\ufeff/, '') : bytes.toString('utf8');
    if (!text.trim()) return undefined;
    try {
      return { kind: 'json', file: label, line, value: JSON.parse(text) };
    } catch (error) {
      return { kind: 'unreadable', file: label, line, reason: `invalid JSON: ${(error as Error).message}` };
    }
  };
  for await (const received of input) {
    const chunk = typeof received === 'string' ? Buffer.from(received) : (received as Buffer);
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, newline === -1 ? chunk.length : newline);
      if (!tooLong && length + piece.length > maxLineBytes) {
        tooLong = true;
        pieces = [];
        length = 0;
      }
      if (!tooLong && piece.length > 0) {
        pieces.push(piece);
        length += piece.length;
      }
      if (newline === -1) break;
      const record = endOfLine();
      if (record) yield record;
      start = newline + 1;
    }
  }
  if (length > 0 || tooLong) {
    const record = endOfLine();
    if (record) yield record;
  }
}
