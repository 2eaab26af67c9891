import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../src/ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../src/ingest/source-records.js';
import { createSeededService, TEST_ADMIN_KEY } from './support/test-service.js';

const folder = mkdtempSync(join(tmpdir(), 'ingest-'));
const lines = [
  { id: 'ant-1', title: 'فوز المنتخب الجزائري', text: 'فاز المنتخب الجزائري في مباراة كرة القدم على ملعب الجزائر.', published: 'Sun, 18 Feb 2018 21:35:43 +0400', source: 'skynews', category: 'sport' },
  { url: 'https://example.org/news/42', title: 'أسعار النفط', text: 'ارتفعت أسعار النفط في الأسواق العالمية.', published: '22 جانفي 2025' },
  { id: 'ant-1', title: 'نسخة مكررة', text: 'المقال نفسه مرة ثانية.' },
  { id: 'ant-3', title: '', text: 'نص بلا عنوان.' },
  { id: 'ant-4', title: 'بلا نص', text: '   ' },
];
const ndjson = [...lines.map((l) => JSON.stringify(l)), '{not json'].join('\n');
const gzFile = join(folder, 'articles.ndjson.gz');
writeFileSync(gzFile, gzipSync(ndjson));

let service: Awaited<ReturnType<typeof createSeededService>>;
beforeAll(async () => {
  service = await createSeededService('ingest');
});
afterAll(async () => {
  await service?.dispose();
  rmSync(folder, { recursive: true, force: true });
});

const ingestFile = async () => ingestArticles(service.engine, service.alias, service.tagger, readSourceRecords(await sourceFiles([gzFile])));

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
  const post = (body: string, headers: Record<string, string>) => service.app.request('/admin/ingest', { method: 'POST', body, headers });

  it('ingests NDJSON through the same pipeline', async () => {
    const body = JSON.stringify({ id: 'api-1', title: 'مباحثات في الجزائر', text: 'بحث وزير الخارجية العلاقات الثنائية.' });
    const response = await post(`${body}\n{broken\n`, { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/x-ndjson' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ read: 2, indexed: 1, rejected: [{ line: 2 }] });
    expect((await service.app.request('/articles/api-1')).status).toBe(200);
  });

  it('needs the admin key and an NDJSON body', async () => {
    expect((await post('{}', { 'content-type': 'application/x-ndjson' })).status).toBe(401);
    const wrongType = await post('{}', { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: { field: 'body' } });
  });
});
