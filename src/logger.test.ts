import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactCredentials } from './logger.js';

describe('redactCredentials', () => {
  it('masks the password of every URL in a text, and leaves the rest alone', () => {
    expect(redactCredentials('engine at https://elastic:s3cr%40t@search.example:9243/ and http://u:p@h')).toBe(
      'engine at https://elastic:***@search.example:9243/ and http://u:***@h',
    );
    expect(redactCredentials('http://127.0.0.1:9200 has no credentials; a@b:c is no URL')).toBe('http://127.0.0.1:9200 has no credentials; a@b:c is no URL');
  });
});

describe('createLogger', () => {
  it('logs an error with its type, message and stack, the password of a URL in it masked', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', { destination: sink });
    logger.error({ err: new TypeError('engine at http://admin:s3cret@search:9200 refused') }, 'could not prepare the index');
    const line = JSON.parse(lines[0]!) as { err: { type: string; message: string; stack: string }; msg: string };
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'engine at http://admin:***@search:9200 refused' });
    expect(line.err.stack).toContain('logger.test.ts');
    expect(lines.join('')).not.toContain('s3cret');
  });

  it('keeps ten items of a long list, however deep it lies, and says how many more there were', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', { destination: sink });
    const rejected = Array.from({ length: 2_500 }, (_, line) => ({ line, reason: 'title: missing' }));
    const failure = Object.assign(new Error('ingest interrupted'), { report: { rejected } });
    logger.warn({ err: failure, tags: ['a', 'b'] }, 'task failed');
    const line = JSON.parse(lines[0]!) as { err: { report: { rejected: unknown[] } }; tags: string[] };
    expect(line.err.report.rejected).toHaveLength(11);
    expect(line.err.report.rejected.at(-1)).toBe('… 2490 more');
    expect(line.tags).toEqual(['a', 'b']);
    expect(lines[0]!.length).toBeLessThan(3_000);
  });
});
