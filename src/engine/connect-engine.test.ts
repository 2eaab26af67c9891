import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { detectEngine, fetchEngine, redactUrl } from './connect-engine.js';

describe('fetchEngine', () => {
  it('sends the URL credentials as a Basic header, never in the URL, below any path prefix', async () => {
    const seen: { url: string; authorization: string | undefined }[] = [];
    const server = createServer((request, response) => {
      seen.push({ url: String(request.url), authorization: request.headers.authorization });
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      await fetchEngine(`http://elastic:s%40cret@127.0.0.1:${port}/engine`, '_analyze', { method: 'POST' });
      await fetchEngine(`http://127.0.0.1:${port}`, '');
      expect(seen).toEqual([
        { url: '/engine/_analyze', authorization: `Basic ${Buffer.from('elastic:s@cret').toString('base64')}` },
        { url: '/', authorization: undefined },
      ]);
    } finally {
      server.close();
    }
  });
});

describe('detectEngine', () => {
  it('says why no engine answers (the connection refused), the password hidden', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const refused = detectEngine(`http://elastic:secret@127.0.0.1:${port}`, 2000);
    await expect(refused).rejects.toThrow(/ECONNREFUSED/);
    await expect(refused).rejects.toThrow(`http://elastic:***@127.0.0.1:${port}`);
  });
});

describe('redactUrl', () => {
  it('hides the password', () => {
    expect(redactUrl('http://elastic:secret@127.0.0.1:9200')).toBe('http://elastic:***@127.0.0.1:9200/');
  });
});

describe('connectEngine', () => {
  it("loads only the answering family's client: an OpenSearch process holds no Elasticsearch client", () => {
    // A fresh process: this test runner's own module cache holds whatever other files loaded.
    const script = `
      import { createRequire } from 'node:module';
      const { connectEngine } = await import(${JSON.stringify(new URL('./connect-engine.ts', import.meta.url).href)});
      await connectEngine({ url: 'http://127.0.0.1:9', requestTimeoutMs: 500, kind: 'opensearch' });
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({
        opensearch: loaded.some((file) => file.includes('@opensearch-project/opensearch')),
        elasticsearch: loaded.some((file) => file.includes('@elastic/elasticsearch') || file.includes('elasticsearch-client-9')),
      }));`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ opensearch: true, elasticsearch: false });
  });
});
