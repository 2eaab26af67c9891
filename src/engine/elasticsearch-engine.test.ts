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
  it("talks to the server with the client of its major, as the requests' compatibility header shows", async () => {
    const accepts: string[] = [];
    // Answers every request as an Elasticsearch node would a count.
    const server = createServer((request, response) => {
      accepts.push(String(request.headers.accept));
      response.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
      response.end(JSON.stringify({ count: 7, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const [serverVersion, major] of [['9.1.3', 9], ['8.18.0', 8]] as const) {
        const engine = new ElasticsearchEngine({ url, requestTimeoutMs: 2000, serverVersion });
        expect(engine.clientMajor).toBe(major);
        expect(await engine.count('articles')).toBe(7);
        expect(accepts.at(-1)).toContain(`compatible-with=${major}`);
        await engine.close();
      }
    } finally {
      server.close();
    }
  });
});
