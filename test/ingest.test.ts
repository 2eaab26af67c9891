import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../src/ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../src/ingest/source-records.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { useSeededService, TEST_ADMIN_KEY } from './support/test-service.js';

const folder = mkdtempSync(join(tmpdir(), 'ingest-'));
const lines = [
  {
    id: 'ant-1',
    title: 'فوز المنتخب الجزائري',
    text: 'فاز المنتخب الجزائري في مباراة كرة القدم على ملعب الجزائر.',
    published: 'Sun, 18 Feb 2018 21:35:43 +0400',
    source: 'skynews',
    category: 'sport',
  },
  { url: 'https://example.org/news/42', title: 'أسعار النفط', text: 'ارتفعت أسعار النفط في الأسواق العالمية.', published: '22 جانفي 2025' },
  { id: 'ant-1', title: 'نسخة مكررة', text: 'المقال نفسه مرة ثانية.' },
  { id: 'ant-3', title: '', text: 'نص بلا عنوان.' },
  { id: 'ant-4', title: 'بلا نص', text: '   ' },
];
const ndjson = [...lines.map((l) => JSON.stringify(l)), '{not json'].join('\n');
const gzFile = join(folder, 'articles.ndjson.gz');
writeFileSync(gzFile, gzipSync(ndjson));

const service = useSeededService('ingest', { after: async () => rmSync(folder, { recursive: true, force: true }) });

const ingestFile = async () =>
  ingestArticles(
    service.engine,
    service.alias,
    { repairer: service.service.runOnRepairer(), tagger: service.tagger },
    readSourceRecords(await sourceFiles([gzFile])),
  );

describe('ingesting a corpus file', () => {
  it('indexes good articles and reports every other line with its reason and line number', async () => {
    const report = await ingestFile();
    expect(report).toMatchObject({ read: 6, indexed: 2, updated: 0, unchanged: 0, duplicates: 1 });
    expect(report.rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [4, 'title'],
      [5, 'text'],
      [6, 'invalid JSON'],
    ]);
    expect(await service.engine.count(service.alias)).toBe(5 + 2);
  });

  it('stores dates as ISO, ids from urls, the source category, and tags', async () => {
    const sport = (await (await service.app.request('/articles/ant-1')).json()) as { published: string; topics: string[]; regions: string[] };
    expect(sport.published).toBe('2018-02-18T17:35:43Z');
    expect(sport.topics).toContain('sport');
    const search = (await (await service.app.request(`/search?q=${encodeURIComponent('النفط')}`)).json()) as { hits: { id: string; published: string }[] };
    expect(search.hits[0]?.id).toMatch(/^url-[0-9a-f]{20}$/);
    expect(search.hits[0]?.published).toBe('2025-01-22');
  });

  it('changes nothing when the same file is ingested again', async () => {
    const again = await ingestFile();
    expect(again).toMatchObject({ read: 6, indexed: 0, updated: 0, unchanged: 2, duplicates: 1 });
    expect(await service.engine.count(service.alias)).toBe(7);
  });
});

describe('POST /admin/ingest', () => {
  const post = (body: string | Buffer, headers: Record<string, string>, query = '') =>
    service.app.request(`/admin/ingest${query}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers },
    });
  const article = (id: string) => ({ id, title: `مقال ${id}`, text: 'بحث وزير الخارجية العلاقات الثنائية.' });

  it('ingests NDJSON through the same pipeline', async () => {
    const body = JSON.stringify({ id: 'api-1', title: 'مباحثات في الجزائر', text: 'بحث وزير الخارجية العلاقات الثنائية.' });
    const response = await post(`${body}\n{broken\n`, { 'content-type': 'application/x-ndjson' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ read: 2, indexed: 1, rejected: [{ line: 2 }] });
    expect((await service.app.request('/articles/api-1')).status).toBe(200);
  });

  it('needs the admin key and a body it can read', async () => {
    expect((await post('{}', { 'content-type': 'application/x-ndjson', authorization: 'Bearer wrong' })).status).toBe(401);
    const wrongType = await post('<a/>', { 'content-type': 'application/xml' });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: { field: 'body' } });
    const brotli = await post('{}', { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(brotli.status).toBe(415);
    expect(await brotli.json()).toMatchObject({ error: { field: 'content-encoding' } });
  });

  it('ingests a JSON array, and a single JSON article', async () => {
    const array = await post(JSON.stringify([article('json-1'), article('json-2')]), { 'content-type': 'application/json' });
    expect(await array.json()).toMatchObject({ read: 2, indexed: 2, rejected: [] });
    const single = await post(JSON.stringify(article('json-3')), { 'content-type': 'application/json; charset=utf-8' });
    expect(await single.json()).toMatchObject({ read: 1, indexed: 1 });
    expect((await service.app.request('/articles/json-3')).status).toBe(200);
  });

  it('reads gzip bodies (Content-Encoding: gzip), NDJSON and JSON alike', async () => {
    const ndjsonBody = gzipSync([article('gz-1'), article('gz-2')].map((a) => JSON.stringify(a)).join('\n'));
    expect(await (await post(ndjsonBody, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' })).json()).toMatchObject({ indexed: 2 });
    const jsonBody = gzipSync(JSON.stringify([article('gz-3')]));
    expect(await (await post(jsonBody, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).json()).toMatchObject({ indexed: 1 });
  });

  it('keeps the articles before a break in a gzip NDJSON body, and reports where it broke', async () => {
    const whole = gzipSync(Array.from({ length: 200 }, (_, i) => JSON.stringify(article(`cut-${i}`))).join('\n'));
    const response = await post(whole.subarray(0, Math.floor(whole.length * 0.6)), { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { indexed: number; rejected: { line: number; reason: string }[] };
    expect(report.indexed).toBeGreaterThan(0);
    expect(report.indexed).toBeLessThan(200);
    expect(report.rejected.at(-1)).toMatchObject({ line: report.indexed + 1, reason: expect.stringMatching(/broke off/) });
    expect((await service.app.request('/articles/cut-0')).status).toBe(200);
  });

  it('rejects a line longer than the limit by its number, reads on past it, and holds no more of it in memory', async () => {
    // 80 KB of gzip that inflates to a 96 MB line with no newline, between two articles.
    const longLine = Buffer.alloc(96 * 1024 * 1024, 'x');
    const body = gzipSync(
      Buffer.concat([Buffer.from(`${JSON.stringify(article('around-1'))}\n`), longLine, Buffer.from(`\n${JSON.stringify(article('around-2'))}`)]),
    );
    expect(body.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const response = await post(body, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' });
    const report = (await response.json()) as { indexed: number; rejected: { line: number; reason: string }[] };
    clearInterval(sampler);
    expect(response.status).toBe(200);
    expect(report).toMatchObject({ indexed: 2, rejected: [{ line: 2, reason: expect.stringMatching(/longer than 8 MB/) }] });
    expect((peak - before) / 1024 / 1024).toBeLessThan(48);
  });

  it('answers a damaged gzip JSON body 400 and one over 16 MB 413, indexing nothing of either', async () => {
    const damaged = await post(gzipSync(JSON.stringify([article('bad-1')])).subarray(0, 20), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(damaged.status).toBe(400);
    expect(await damaged.json()).toMatchObject({ error: { field: 'body', message: expect.stringMatching(/gzip/) } });
    const huge = await post(JSON.stringify([{ ...article('huge-1'), text: 'ا'.repeat(9 * 1024 * 1024) }]), { 'content-type': 'application/json' });
    expect(huge.status).toBe(413);
    expect((await service.app.request('/articles/bad-1')).status).toBe(404);
    expect((await service.app.request('/articles/huge-1')).status).toBe(404);
  });

  it('ingests a scraped article sent as text/plain under the id given, parsed as a seed file is', async () => {
    const seedText = readFileSync(join(PROJECT_ROOT, 'seeds', '001_89f3d445d5bfa33a.txt'), 'utf8');
    expect((await post(seedText, { 'content-type': 'text/plain' })).status).toBe(400);
    const sent = await post(seedText, { 'content-type': 'text/plain; charset=utf-8' }, '?id=scraped-1');
    expect(await sent.json()).toMatchObject({ read: 1, indexed: 1 });
    const stored = (await (await service.app.request('/articles/scraped-1')).json()) as { title: string; published: string };
    const seed = (await (await service.app.request('/articles/001_89f3d445d5bfa33a')).json()) as { title: string; published: string };
    expect(stored).toMatchObject({ title: seed.title, published: seed.published });
  });
});
