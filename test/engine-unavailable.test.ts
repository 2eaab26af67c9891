import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSeededService } from './support/test-service.js';
import { TcpProxy } from './support/tcp-proxy.js';

const proxy = new TcpProxy(new URL(inject('engineUrl')));
let service: Awaited<ReturnType<typeof createSeededService>>;

beforeAll(async () => {
  await proxy.open();
  service = await createSeededService('engine-unavailable', proxy.url);
});
afterAll(async () => {
  await proxy.open().catch(() => {}); // dispose needs the engine
  await service?.dispose();
  await proxy.close();
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
