import { isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, Readable, Transform } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { ARTICLE_ID, SOURCE_NAME, SOURCE_NAME_RULE } from '../ingest/prepare-article.js';
import { jsonDocumentRecords, readNdjson, untilBroken, type SourceRecord } from '../ingest/source-records.js';
import { ApiError } from './api-error.js';

/** Bodies read whole (JSON, a scraped article) stop here. */
const WHOLE_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
/** NDJSON streams, line by line, up to this many bytes once inflated (a 400 KB gzip bomb inflates to gigabytes). */
export const STREAMED_BODY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** The label rejected records carry in the ingest report, where a file's path would be. */
const REQUEST_LABEL = 'request';

const INGEST_MEDIA_TYPES = ['application/x-ndjson', 'application/json', 'text/plain'] as const;

export interface IngestBody {
  contentType: string | undefined;
  contentEncoding: string | undefined;
  /** The length the client announced, if any: a body announced over the limit is refused before it is read. */
  contentLength?: string | undefined;
  /** Required with text/plain: the scraped article's id, as a seed file's stem is. */
  id: string | undefined;
  /** With text/plain: the source the article came from (else `unknown`, as for JSON articles without one). */
  source: string | undefined;
  body: ReadableStream | null;
}

/** An ingest body received: its records, read when the ingest runs, and what to remove after. */
export interface ReceivedIngestBody {
  records: AsyncIterable<SourceRecord>;
  /** Removes the spooled copy of the body, if one was made. */
  dispose(): void;
}

/**
 * The records of an ingest request body, as the CLI reads the same content from files: NDJSON one
 * article a line (streamed), JSON as one article or an array of them, text/plain as one scraped
 * article whose id is given; any of them gzip-compressed (Content-Encoding: gzip).
 *
 * Received so that the ingest can run after the request has been answered: an
 * NDJSON body is written as it comes (compressed as sent, up to 1 GB) to a file in the system's
 * temporary folder, read again when the ingest runs, and removed by `dispose`; a JSON or text body
 * is read and parsed whole now. A body that cannot be read whole is answered 400 or 413 here.
 */
export async function receiveIngestBody(request: IngestBody, streamedLimitBytes = STREAMED_BODY_LIMIT_BYTES): Promise<ReceivedIngestBody> {
  const { mediaType, encoding, body } = checkIngestBody(request);
  const limit = mediaType === 'application/x-ndjson' ? streamedLimitBytes : WHOLE_BODY_LIMIT_BYTES;
  if (Number(request.contentLength) > limit) {
    throw new ApiError(
      413,
      'payload_too_large',
      `body: announced as ${request.contentLength} bytes, over ${formatBytes(limit)}; split it into smaller requests`,
      'body',
    );
  }
  if (mediaType !== 'application/x-ndjson')
    return { records: await recordsOf(mediaType, encoding, request, Readable.fromWeb(body), streamedLimitBytes), dispose: () => {} };
  let folder: string | undefined;
  const dispose = () => folder && rmSync(folder, { recursive: true, force: true });
  // Which side failed decides the answer: the client's body (400, 413) or this server's disk (507).
  let storageFailure: Error | undefined;
  try {
    folder = mkdtempSync(join(tmpdir(), 'arabic-news-search-ingest-'));
    const spool = createWriteStream(join(folder, 'body')).on('error', (error) => (storageFailure ??= error));
    await pipelineAsync(Readable.fromWeb(body), byteLimit(streamedLimitBytes, 'as sent'), spool);
  } catch (error) {
    dispose();
    if (error instanceof BodyTooLargeError) throw new ApiError(413, 'payload_too_large', `body: ${error.message}`, 'body');
    if (storageFailure || !folder) {
      throw new ApiError(
        507,
        'insufficient_storage',
        'The server could not store the body to read it (its disk is full or refused the write); nothing was ingested. Try again later.',
        'body',
        error,
      );
    }
    throw new ApiError(400, 'invalid_parameter', `body: could not be received whole: ${(error as Error).message}`, 'body');
  }
  // Nothing sent (blank lines, an empty gzip) is refused now, as an empty JSON array is, not
  // reported later by a task that "succeeded" having read nothing.
  if (!(await holdsText(join(folder, 'body'), encoding === 'gzip'))) {
    dispose();
    throw new ApiError(400, 'invalid_parameter', 'body: no articles sent', 'body');
  }
  return { records: await recordsOf(mediaType, encoding, request, createReadStream(join(folder, 'body')), streamedLimitBytes), dispose };
}

type IngestMediaType = (typeof INGEST_MEDIA_TYPES)[number];

/** The body's media type and encoding, checked before any of it is read. */
function checkIngestBody(request: IngestBody): { mediaType: IngestMediaType; encoding: string | undefined; body: ReadableStream } {
  const mediaType = request.contentType?.split(';')[0]!.trim().toLowerCase();
  if (!INGEST_MEDIA_TYPES.includes(mediaType as IngestMediaType)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'content-type: send application/x-ndjson (one article a line), application/json (an article or an array of them) or text/plain (a scraped article, with ?id=)',
      'content-type',
    );
  }
  if (!request.body) throw new ApiError(400, 'invalid_parameter', 'body: no articles sent', 'body');
  const encoding = request.contentEncoding?.trim().toLowerCase();
  if (encoding && encoding !== 'gzip' && encoding !== 'identity') {
    throw new ApiError(415, 'unsupported_encoding', `content-encoding: "${encoding}" is not read; send gzip or no encoding`, 'content-encoding');
  }
  if (mediaType === 'text/plain' && !(request.id && ARTICLE_ID.test(request.id))) {
    throw new ApiError(400, 'invalid_parameter', 'id: a scraped article (text/plain) needs ?id= (letters, digits, _ : . and -, at most 128)', 'id');
  }
  // JSON and NDJSON articles carry their own id and source.
  for (const [field, value] of [
    ['id', request.id],
    ['source', request.source],
  ] as const) {
    if (value !== undefined && mediaType !== 'text/plain')
      throw new ApiError(400, 'invalid_parameter', `${field}: only a text/plain article takes ?${field}=`, field);
  }
  if (request.source !== undefined && !SOURCE_NAME.test(request.source)) {
    throw new ApiError(400, 'invalid_parameter', `source: ${SOURCE_NAME_RULE}`, 'source');
  }
  return { mediaType: mediaType as IngestMediaType, encoding, body: request.body };
}

async function recordsOf(
  mediaType: IngestMediaType,
  encoding: string | undefined,
  { id, source }: Pick<IngestBody, 'id' | 'source'>,
  received: Readable,
  streamedLimitBytes: number,
): Promise<AsyncIterable<SourceRecord>> {
  const content = encoding === 'gzip' ? pipeline(received, createGunzip(), () => {}) : received;
  if (mediaType === 'application/x-ndjson')
    return untilBroken(
      readNdjson(
        pipeline(content, byteLimit(streamedLimitBytes, 'once inflated'), () => {}),
        REQUEST_LABEL,
      ),
    );
  const text = await readWhole(content, encoding === 'gzip');
  // Read whole, a body that holds no article is refused now, not reported later by a task that "succeeded".
  if (mediaType === 'application/json') {
    const records = [...jsonDocumentRecords(text, REQUEST_LABEL)];
    const first = records[0];
    if (first?.kind === 'unreadable') throw new ApiError(400, 'invalid_parameter', `body: ${first.reason}`, 'body');
    if (!first) throw new ApiError(400, 'invalid_parameter', 'body: an empty array holds no article', 'body');
    const isArticle = (record: SourceRecord) =>
      record.kind === 'json' && typeof record.value === 'object' && record.value !== null && !Array.isArray(record.value);
    if (!records.some(isArticle)) throw new ApiError(400, 'invalid_parameter', 'body: holds no article: send a JSON object, or an array of them', 'body');
    return eachOf(records);
  }
  if (!text.trim()) throw new ApiError(400, 'invalid_parameter', 'body: the text is empty', 'body');
  return eachOf([{ kind: 'seed-text', file: REQUEST_LABEL, line: 1, id: id!, text, source: source ?? 'unknown' }]);
}

class BodyTooLargeError extends Error {}

const formatBytes = (bytes: number) => (bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : bytes >= 1024 ** 2 ? `${bytes / 1024 ** 2} MB` : `${bytes} bytes`);

/** Passes bytes through until `limit`, then fails the stream: what came before is still read. */
function byteLimit(limit: number, measured: 'as sent' | 'once inflated'): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        done(
          new BodyTooLargeError(
            `passes ${formatBytes(limit)} ${measured}; ${measured === 'as sent' ? 'split it into smaller requests' : 'send the rest in another request'}`,
          ),
        );
      else done(null, chunk);
    },
  });
}

async function* eachOf<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/** A body read whole, up to the limit; a body that cannot be decompressed is the client's error. */
async function readWhole(content: Readable, gzipped: boolean): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of content) {
      size += (chunk as Buffer).length;
      if (size > WHOLE_BODY_LIMIT_BYTES) {
        content.destroy();
        throw new ApiError(
          413,
          'payload_too_large',
          `body: at most ${WHOLE_BODY_LIMIT_BYTES / 1024 / 1024} MB as JSON or text; send NDJSON, which streams, for more`,
          'body',
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, 'invalid_parameter', `body: could not be read${gzipped ? ' as gzip' : ''}: ${(error as Error).message}`, 'body');
  }
  const bytes = Buffer.concat(chunks);
  if (!isUtf8(bytes)) throw new ApiError(400, 'invalid_parameter', 'body: not UTF-8 text', 'body');
  return bytes.toString('utf8');
}

/**
 * Whether a spooled body holds anything but white space, read only as far as its first such byte
 * (and its first megabyte: past that, and for a body that does not inflate, the task reads and reports).
 */
async function holdsText(path: string, gzipped: boolean): Promise<boolean> {
  const file = createReadStream(path);
  const content = gzipped ? file.pipe(createGunzip()) : file;
  let read = 0;
  try {
    for await (const chunk of content as AsyncIterable<Buffer>) {
      if (chunk.some((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09)) return true;
      read += chunk.length;
      if (read > 1024 * 1024) return true;
    }
    return false;
  } catch {
    return true;
  } finally {
    file.destroy();
  }
}
