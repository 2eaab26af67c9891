import { describe, expect, inject, it } from 'vitest';
import { INGEST_BATCH_SIZE } from '../src/ingest/ingest-articles.js';
import { runAdminTask, useSeededService } from './support/test-service.js';
import { TcpProxy } from './support/tcp-proxy.js';

const proxy = new TcpProxy(new URL(inject('engineUrl')));
const service = useSeededService('engine-unavailable', {
  before: () => proxy.open(),
  url: () => proxy.url,
  after: () => proxy.close(),
});

describe('when the engine goes away and comes back', () => {
  it('answers 503 with a clear body while it is gone, and recovers without a restart', async () => {
    const before = await service.app.request('/search?q=Blinken');
    expect(before.status).toBe(200);

    await proxy.close();
    const during = await service.app.request('/search?q=Blinken');
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(await during.json()).toMatchObject({ error: { code: 'engine_unavailable', message: expect.stringContaining('unavailable') } });
    const article = await service.app.request('/articles/000_fee63797c487f9cf');
    expect(article.status).toBe(503);
    const feed = await service.app.request('/search/feed?q=Blinken');
    expect(feed.status).toBe(503);
    expect(await feed.json()).toMatchObject({ error: { code: 'engine_unavailable' } });
    const health = await service.app.request('/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', engine: { reachable: false } });

    await proxy.open();
    const after = await service.app.request('/search?q=Blinken');
    expect(after.status).toBe(200);
    expect(((await after.json()) as { total: number }).total).toBe(2);
    expect((await service.app.request('/health')).status).toBe(200);
  });
});

describe('when the engine goes away in the middle of an ingest', () => {
  // Three batches, so that the engine can be cut off while one is written and another waits.
  const articles = Array.from({ length: 3 * INGEST_BATCH_SIZE }, (_, i) => ({
    id: `cut-off-${String(i).padStart(4, '0')}`,
    title: `مقال رقم ${i}`,
    text: `نص المقال رقم ${i} عن الجزائر.`,
  }));
  const body = articles.map((article) => JSON.stringify(article)).join('\n');
  const ingest = async () => {
    const { task } = await runAdminTask<{ indexed: number; read: number; rejected: unknown[]; notStoredFrom: { line: number } }>(service.app, '/admin/ingest', {
      body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    return task!;
  };

  it('reports what was stored and where to resume; sending it again completes it, nothing lost or doubled', { timeout: 60_000 }, async () => {
    // Cut the engine off when the third batch asks which of its articles are stored.
    let lookups = 0;
    proxy.onClientData = (chunk) => {
      if (chunk.toString('latin1').includes('/_mget') && ++lookups === 3) void proxy.close();
    };
    const cut = await ingest();
    proxy.onClientData = () => {};
    expect(cut).toMatchObject({ state: 'failed', error: { code: 'engine_unavailable' } });
    expect(cut.result.indexed).toBeGreaterThanOrEqual(INGEST_BATCH_SIZE);
    // A batch starts there: the third, or an earlier one still in flight when the engine went (batches overlap).
    expect([1, INGEST_BATCH_SIZE + 1, 2 * INGEST_BATCH_SIZE + 1]).toContain(cut.result.notStoredFrom.line);

    await proxy.open();
    await service.engine.refresh(service.alias); // the interrupted ingest could not refresh
    const stored = await service.engine.count(service.alias);
    // Every article before the line named is stored (plus the five seeds).
    expect(stored - 5).toBeGreaterThanOrEqual(cut.result.notStoredFrom.line - 1);
    expect(await ingest()).toMatchObject({ state: 'succeeded', result: { read: articles.length, rejected: [] } });
    expect(await service.engine.count(service.alias)).toBe(articles.length + 5);
  });
});
