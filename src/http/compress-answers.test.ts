import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressAnswers } from './compress-answers.js';

const LONG = { words: Array.from({ length: 400 }, (_, i) => `كلمة ${i}`) };

function app() {
  const served = new Hono();
  served.use(compressAnswers());
  served.use('/tagged', etag());
  served.get('/long', (c) => c.json(LONG, 200, { 'x-request-id': 'r1' }));
  served.get('/short', (c) => c.json({ ok: true }));
  served.get('/tagged', (c) => c.json(LONG));
  served.get('/image', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'image/png' }));
  served.get('/fails', () => {
    throw new Error('boom');
  });
  served.onError((_error, c) => c.json({ error: { code: 'internal', message: 'x'.repeat(2000) } }, 500));
  return served;
}

describe('compressAnswers', () => {
  it('gzips a long answer for a client that takes gzip, keeping its status and headers', async () => {
    const answer = await app().request('/long', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(answer.headers.get('vary')).toBe('Accept-Encoding');
    expect(answer.headers.get('x-request-id')).toBe('r1');
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const bytes = Buffer.from(await answer.arrayBuffer());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(JSON.stringify(LONG)) / 2);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(LONG);
  });

  it('sends the answer as it is to a client that refuses gzip or takes only other encodings', async () => {
    for (const accepted of ['gzip;q=0', 'br', 'identity', 'gzip;q=0, *', '*;q=0']) {
      const answer = await app().request('/long', { headers: { 'accept-encoding': accepted } });
      expect(answer.headers.get('content-encoding'), accepted).toBeNull();
      expect(answer.headers.get('vary'), accepted).toBe('Accept-Encoding');
      expect(await answer.json(), accepted).toEqual(LONG);
    }
  });

  it('leaves short answers and types that do not compress as they are', async () => {
    const short = await app().request('/short', { headers: { 'accept-encoding': 'gzip' } });
    expect(short.headers.get('content-encoding')).toBeNull();
    expect(await short.json()).toEqual({ ok: true });
    const image = await app().request('/image', { headers: { 'accept-encoding': 'gzip' } });
    expect(image.headers.get('content-encoding')).toBeNull();
    expect((await image.arrayBuffer()).byteLength).toBe(4096);
  });

  it('weakens an ETag it compresses under, and still answers 304 to it', async () => {
    const served = app();
    const plain = await served.request('/tagged');
    const zipped = await served.request('/tagged', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('etag')).toBe(`W/${plain.headers.get('etag')}`);
    const again = await served.request('/tagged', { headers: { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag')! } });
    expect(again.status).toBe(304);
    // The 304 says what its 200 would: the same ETag and Vary.
    expect([again.headers.get('etag'), again.headers.get('vary')]).toEqual([zipped.headers.get('etag'), 'Accept-Encoding']);
  });

  it('answers HEAD with the headers of the GET it stands for', async () => {
    const head = await app().request('/long', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(head.status).toBe(200);
    expect([head.headers.get('content-encoding'), head.headers.get('vary')]).toEqual(['gzip', 'Accept-Encoding']);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('compresses an error answer too', async () => {
    const answer = await app().request('/fails', { headers: { 'accept-encoding': 'gzip' } });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await answer.arrayBuffer())).toString('utf8'))).toMatchObject({ error: { code: 'internal' } });
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['GZIP;Q=0.5', true],
    ['*', true],
    ['br, *;q=0.1', true],
    ['gzip;q=0, *', false],
    ['*;q=0', false],
    ['gzip;q=0.000', false],
    ['br', false],
    ['', false],
    [undefined, false],
  ])('%s: %s', (header, accepted) => expect(acceptsGzip(header)).toBe(accepted));
});
