import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ElasticsearchEngine, elasticsearchClientMajor } from './elasticsearch-engine.js';

describe('elasticsearchClientMajor', () => {
  it("matches the server's major", () => {
    expect(elasticsearchClientMajor('8.19.21')).toBe(8);
    expect(elasticsearchClientMajor('9.2.0')).toBe(9);
    expect(elasticsearchClientMajor('10.0.0')).toBe(9);
  });

  it('takes the 8.x client, which 9.x servers also accept, when the version is unknown', () => {
    expect(elasticsearchClientMajor(undefined)).toBe(8);
    expect(elasticsearchClientMajor('unknown')).toBe(8);
  });
});

describe('ElasticsearchEngine', () => {
  /** A stand-in node that records each request and answers with the body its path calls for. */
  async function recordingNode(answers: Record<string, unknown>) {
    const requests: { method: string; path: string; accept: string; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const path = String(request.url).split('?')[0]!;
        requests.push({ method: String(request.method), path, accept: String(request.headers.accept), body });
        const answer = Object.entries(answers).find(([suffix]) => path.endsWith(suffix))?.[1] ?? {};
        response.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
        response.end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close: () => server.close() };
  }

  it('talks to the server with the client of its major, request bodies intact, as the compatibility header shows', async () => {
    const node = await recordingNode({
      '/_count': { count: 7 },
      '/_search': { took: 2, hits: { total: { value: 1, relation: 'eq' }, hits: [{ _id: 'a1', _score: 1.5, _source: { title: 't' } }] } },
      '/_analyze': { tokens: [{ token: 'nato', start_offset: 0, end_offset: 4, position: 0, type: '<ALPHANUM>' }] },
    });
    try {
      for (const [serverVersion, major] of [
        ['9.1.3', 9],
        ['8.18.0', 8],
      ] as const) {
        const engine = new ElasticsearchEngine({ url: node.url, requestTimeoutMs: 2000, serverVersion });
        expect(engine.clientMajor).toBe(major);
        expect(await engine.count('articles')).toBe(7);
        const query = { query: { match: { body: 'NATO' } }, size: 3, highlight: { fields: { body: {} } } };
        expect((await engine.search('articles', query)).hits).toMatchObject([{ id: 'a1', score: 1.5 }]);
        expect(await engine.analyze('articles', { analyzer: 'standard', text: 'NATO' }, ['token'])).toEqual([{ token: 'nato' }]);
        const [count, search, analyze] = node.requests.splice(0);
        expect(count!.accept).toContain(`compatible-with=${major}`);
        expect(JSON.parse(search!.body)).toEqual(query);
        expect(JSON.parse(analyze!.body)).toEqual({ analyzer: 'standard', text: 'NATO' });
        await engine.close();
      }
    } finally {
      node.close();
    }
  });
});
