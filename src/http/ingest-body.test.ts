import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { receiveIngestBody } from './ingest-body.js';

const ndjsonBody = (text: string) => ({
  contentType: 'application/x-ndjson',
  contentEncoding: undefined,
  id: undefined,
  source: undefined,
  body: new Blob([text]).stream() as never,
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof ApiError ? { status: error.status, code: error.code, field: error.field, message: error.message } : error),
  );

describe('receiving an NDJSON body', () => {
  const savedTmpdir = process.env.TMPDIR;
  afterEach(() => (savedTmpdir === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = savedTmpdir)));

  it("is the client's 413 when the body passes the limit as sent", async () => {
    const line = JSON.stringify({ id: 'a', title: 'عنوان', text: 'نص' });
    expect(await refusal(receiveIngestBody(ndjsonBody(`${line}\n`.repeat(100)), 1024))).toEqual({
      status: 413,
      code: 'payload_too_large',
      field: 'body',
      message: 'body: passes 1024 bytes as sent; split it into smaller requests',
    });
  });

  it('refuses a body that sends nothing now, as an empty JSON array is, not in a task that read nothing', async () => {
    const nothing = { status: 400, code: 'invalid_parameter', field: 'body', message: 'body: no articles sent' };
    expect(await refusal(receiveIngestBody(ndjsonBody('')))).toEqual(nothing);
    expect(await refusal(receiveIngestBody(ndjsonBody('\n \r\n\t\n')))).toEqual(nothing);
    const emptyGzip = { ...ndjsonBody(''), contentEncoding: 'gzip', body: new Blob([gzipSync('\n')]).stream() as never };
    expect(await refusal(receiveIngestBody(emptyGzip))).toEqual(nothing);
    const emptyArray = { ...ndjsonBody('[]'), contentType: 'application/json' };
    expect(await refusal(receiveIngestBody(emptyArray))).toMatchObject({ status: 400, field: 'body' });
  });

  it('refuses a body announced over the limit before reading any of it', async () => {
    const announced = { ...ndjsonBody('{}'), contentLength: String(2 * 1024 ** 3) };
    expect(await refusal(receiveIngestBody(announced))).toMatchObject({ status: 413, code: 'payload_too_large', field: 'body' });
    const json = { ...ndjsonBody('{}'), contentType: 'application/json', contentLength: String(17 * 1024 ** 2) };
    expect(await refusal(receiveIngestBody(json))).toMatchObject({ status: 413, message: expect.stringMatching(/over 16 MB/) });
  });

  it("is the server's 507, not the client's 400, when it has nowhere to spool the body", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ingest-body-'));
    // A temporary folder that is a file: mkdtemp fails as on a full or read-only disk.
    writeFileSync(join(folder, 'not-a-folder'), '');
    process.env.TMPDIR = join(folder, 'not-a-folder');
    try {
      const failure = await refusal(receiveIngestBody(ndjsonBody('{"id":"a","title":"t","text":"x"}\n')));
      expect(failure).toMatchObject({ status: 507, code: 'insufficient_storage', field: 'body' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('spools a body within the limit and reads its records back', async () => {
    const received = await receiveIngestBody(ndjsonBody('{"id":"a","title":"t","text":"x"}\n{"id":"b","title":"t","text":"y"}\n'));
    const kinds: string[] = [];
    for await (const record of received.records) kinds.push(record.kind);
    received.dispose();
    expect(kinds).toEqual(['json', 'json']);
  });
});
