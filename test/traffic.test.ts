import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.js';
import { runAdminTask, TEST_ADMIN_KEY, useSeededService } from './support/test-service.js';

const service = useSeededService('traffic');
const appWith = (limits: Record<string, number | boolean | string>) =>
  createApp({
    service: service.service,
    limits: { maxPageSize: 50, maxResultWindow: 1000, adminApiKey: TEST_ADMIN_KEY, ...limits },
    logger: pino({ level: 'silent' }),
  });

describe('hostile traffic', () => {
  it('limits public reads per client when configured: 429 with Retry-After, health untouched', async () => {
    const app = appWith({ rateLimitPerMinute: 6, rateLimitBurst: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request('/search?q=Blinken')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await app.request('/search/feed?q=Blinken')).status).toBe(429);
    const refused = await app.request('/articles/000_fee63797c487f9cf');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: 'too_many_requests', message: expect.stringContaining('6 requests a minute') } });
    expect((await app.request('/health/ready')).status).toBe(200);
    // Off by default, for local use.
    const open = appWith({});
    for (let i = 0; i < 20; i++) expect((await open.request('/search?q=Blinken')).status).toBe(200);
  });

  it('gives a feed the scheme and host of a trusted proxy, and no more entries than a page may hold', async () => {
    const app = appWith({ trustProxy: true, maxPageSize: 1 });
    const feed = await app.request('/search/feed?q=Blinken', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'news.example' } });
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain('<link rel="self" href="https://news.example/search/feed?q=Blinken"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });

  it("gives a feed the configured public URL's links and ids, whatever Host a client names", async () => {
    const app = appWith({ publicUrl: 'https://news.example' });
    // The Node server builds a request's URL from its Host header.
    const feed = await app.request('http://attacker.example:8080/search/feed?q=Blinken');
    const xml = await feed.text();
    expect(xml).toContain('<link rel="self" href="https://news.example/search/feed?q=Blinken"/>');
    expect(xml).not.toContain('attacker.example');
  });

  it('keeps answering cheap searches while a burst of expensive ones fills its own lane', async () => {
    const app = appWith({ searchConcurrency: 8, searchExpensiveConcurrency: 1, searchQueueLimit: 1 });
    const deep = Array.from({ length: 12 }, () => app.request('/search?q=الجزائر&from=200&size=50'));
    const cheap = Array.from({ length: 6 }, () => app.request('/search?q=Blinken'));
    const cheapStatuses = await Promise.all(cheap.map(async (r) => (await r).status));
    const deepAnswers = await Promise.all(deep);
    expect(cheapStatuses).toEqual([200, 200, 200, 200, 200, 200]);
    const deepStatuses = deepAnswers.map((r) => r.status);
    expect(deepStatuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    const refused = deepAnswers.find((r) => r.status === 503);
    expect(refused).toBeDefined();
    expect(refused!.headers.get('retry-after')).toBeTruthy();
    // Said in a reader's words, not the lanes' names.
    expect(await refused!.json()).toMatchObject({ error: { code: 'overloaded', message: expect.stringContaining('costly searches (deep pages') } });
  });

  it('exposes Prometheus metrics: latency by route and status, refusals, tasks and ingested articles', async () => {
    const app = appWith({ searchExpensiveConcurrency: 1, searchQueueLimit: 0 });
    await app.request('/search?q=Blinken');
    await app.request('/articles/no-such-article');
    await app.request('/no-such-route');
    await app.request('/search', { method: 'POST' });
    await Promise.all([app.request('/search?q=x&from=500&size=10'), app.request('/search?q=y&from=500&size=10')]);
    const { task } = await runAdminTask(app, '/admin/ingest', {
      body: JSON.stringify({ id: 'metrics-1', title: 'مقال', text: 'نص عن الجزائر.' }),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(task?.state).toBe('succeeded');

    const response = await app.request('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/search_api_http_request_duration_seconds_count\{method="GET",route="\/search",status="200"\} [1-9]/);
    expect(text).toMatch(/search_api_http_request_duration_seconds_count\{method="GET",route="\/articles\/:id",status="404"\} 1/);
    expect(text).toMatch(/search_api_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1/);
    expect(text).toMatch(/search_api_http_request_duration_seconds_count\{method="POST",route="\/search",status="405"\} 1/); // misused, not unknown
    expect(text).toMatch(/search_api_search_overloaded_total\{lane="expensive"\} [1-9]/);
    expect(text).toMatch(/search_api_tasks_total\{kind="ingest",state="succeeded"\} 1/);
    expect(text).toMatch(/search_api_ingest_articles_total\{outcome="indexed"\} 1/);
    expect(text).toMatch(/search_api_process_resident_memory_bytes \d+/);
  });
});
