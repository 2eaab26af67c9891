import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNdjson, type SourceRecord } from './source-records.js';

async function recordsOf(chunks: string[], maxLineBytes: number): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readNdjson(Readable.from(chunks.map((c) => Buffer.from(c))), 'test', maxLineBytes)) records.push(record);
  return records;
}

describe('readNdjson', () => {
  it('reads lines split across chunks, CRLF and blank lines included, numbering every line', async () => {
    const records = await recordsOf(['{"a":', '1}\r\n\n{"b"', ':2}\n', '{"c":3}'], 100);
    expect(records).toEqual([
      { kind: 'json', file: 'test', line: 1, value: { a: 1 } },
      { kind: 'json', file: 'test', line: 3, value: { b: 2 } },
      { kind: 'json', file: 'test', line: 4, value: { c: 3 } },
    ]);
  });

  it('reads a first line behind a byte order mark, as editors save UTF-8, and no later line so', async () => {
    const records = await recordsOf(['\ufeff{"a":1}\n\ufeff{"b":2}\n'], 100);
    expect(records.map((r) => r.kind)).toEqual(['json', 'unreadable']);
    expect(records[0]).toMatchObject({ value: { a: 1 } });
  });

  it('rejects a line past the byte limit by its number and goes on with the next', async () => {
    const records = await recordsOf(['{"a":1}\n{"long":"', 'x'.repeat(50), 'y'.repeat(50), '"}\n{"b":2}\n', 'z'.repeat(120)], 40);
    expect(records.map((r) => [r.line, r.kind])).toEqual([
      [1, 'json'],
      [2, 'unreadable'],
      [3, 'json'],
      [4, 'unreadable'],
    ]);
  });

  it('counts multi-byte characters as bytes and keeps them whole across chunks', async () => {
    const text = JSON.stringify({ t: 'بلينكن' });
    const bytes = Buffer.from(text);
    const records: SourceRecord[] = [];
    for await (const record of readNdjson(Readable.from([bytes.subarray(0, 9), bytes.subarray(9)]), 'test', bytes.length)) records.push(record);
    expect(records).toEqual([{ kind: 'json', file: 'test', line: 1, value: { t: 'بلينكن' } }]);
  });
});
