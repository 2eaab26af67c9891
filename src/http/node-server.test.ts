import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './node-server.js';

const refused: number[] = [];
const server = createHttpServer(
  () => new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }),
  '127.0.0.1',
  (status) => refused.push(status),
);
let port: number;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes, as a client that does not speak HTTP the usual way would, and reads the answer. */
function rawRequest(text: string): Promise<{ head: string; body: string }> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
      // Keep-alive answers do not close the socket: stop once the declared body is in.
      const [head, body = ''] = answer.split('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(head!)?.[1]);
      if (Number.isFinite(length) && Buffer.byteLength(body) >= length) socket.end();
    });
    socket.on('close', () => {
      const [head, body = ''] = answer.split('\r\n\r\n');
      resolve({ head: head!, body });
    });
    socket.on('error', reject);
  });
}

/** The answer's X-Request-Id header, which must name the id its body gives. */
const headerId = (head: string) => /^x-request-id: (\S+)$/im.exec(head)?.[1];

describe('the HTTP server', () => {
  it('answers a request target that is no path (GET *) with a JSON 400', async () => {
    const { head, body } = await rawRequest('GET * HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/^x-content-type-options: nosniff$/im);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'bad_request', requestId: expect.any(String) } });
    expect(headerId(head)).toBe((JSON.parse(body) as { error: { requestId: string } }).error.requestId);
  });

  it('answers CONNECT with a JSON 405 instead of closing the socket', async () => {
    const { head, body } = await rawRequest('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 405 /);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'method_not_allowed' } });
    expect(headerId(head)).toBe((JSON.parse(body) as { error: { requestId: string } }).error.requestId);
  });

  it('answers raw bytes in the URL with a JSON 400, and tells who counts what the app never sees', async () => {
    const before = refused.length;
    const { head, body } = await rawRequest('GET /search?q=\u0628 HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/^x-content-type-options: nosniff$/im);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'invalid_url' } });
    expect(headerId(head)).toBe((JSON.parse(body) as { error: { requestId: string } }).error.requestId);
    expect(refused.slice(before)).toEqual([400]);
  });

  it('passes ordinary requests to the app', async () => {
    const { head, body } = await rawRequest('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(body)).toEqual({ ok: true });
    // HTTP/1.0 has no Host to require.
    expect((await rawRequest('GET /health HTTP/1.0\r\n\r\n')).head).toMatch(/^HTTP\/1\.1 200 /);
  });

  it.each([
    ['an HTTP/1.1 request without Host', 'GET /search HTTP/1.1\r\n\r\n', /must name its Host/],
    ['a request line without its version', 'GET /health/live\r\n\r\n', /must end with its HTTP version/],
  ])('answers %s with a JSON 400 and closes', async (_what, request, message) => {
    const before = refused.length;
    const { head, body } = await rawRequest(request);
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/^x-content-type-options: nosniff$/im);
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(message) } });
    expect(headerId(head)).toBe((JSON.parse(body) as { error: { requestId: string } }).error.requestId);
    expect(refused.slice(before)).toEqual([400]);
  });

  it('answers a failure the app did not answer itself with a JSON 500, and says so to whoever logs it', async () => {
    const failures: unknown[] = [];
    const failing = createHttpServer(
      () => Promise.reject('not an Error'),
      '127.0.0.1',
      () => {},
      (error) => failures.push(error),
    );
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(failing.address() as AddressInfo).port}/search?q=x`);
      expect(answer.status).toBe(500);
      expect(await answer.json()).toMatchObject({ error: { code: 'internal_error' } });
      expect(failures).toEqual(['not an Error']);
    } finally {
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });
});
