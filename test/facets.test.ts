import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../src/engine/search-engine.js';
import { ensureIndex } from '../src/index/ensure-index.js';
import { loadIndexDefinition } from '../src/index/index-definition.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { connectTestEngine, createTestApp, indexStoredArticles, openTestService, readFixtureArticles, uniqueAlias } from './support/test-service.js';

// Articles whose topics and regions are given, so facet counts can be checked by hand.
const fixture = readFixtureArticles('faceted-articles.ndjson');

let engine: SearchEngine;
let index: string;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  engine = await connectTestEngine();
  const alias = uniqueAlias('facets');
  index = (await ensureIndex(engine, alias, loadIndexDefinition(PROJECT_ROOT))).index;
  await indexStoredArticles(engine, alias, fixture);
  app = createTestApp(openTestService(engine, alias));
});
afterAll(async () => {
  if (index) await engine.deleteIndex(index);
  await engine?.close();
});

interface Result {
  total: number;
  totalAllWords?: number;
  relaxed?: boolean;
  hits: { id: string }[];
  facets: { topics: { value: string; count: number }[]; regions: { value: string; count: number }[] };
}
const counts = (buckets: { value: string; count: number }[]) => Object.fromEntries(buckets.map((b) => [b.value, b.count]));
async function search(query: string): Promise<Result> {
  const response = await app.request(`/search?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Result;
}

describe('facets', () => {
  it('count every topic and region over the whole result', async () => {
    const result = await search('');
    expect(counts(result.facets.topics)).toEqual({ diplomacy: 2, 'security-defense': 2, 'economy-energy': 1, sport: 1 });
    expect(counts(result.facets.regions)).toEqual({ algeria: 3, sahel: 2, libya: 1, mali: 1 });
  });

  it('widen the result with several values of one facet (OR) and keep showing the alternatives', async () => {
    const result = await search('topic=economy-energy&topic=sport');
    expect(result.hits.map((h) => h.id).sort()).toEqual(['f3', 'f5']);
    // The topic facet ignores its own selection, so the other topics keep their counts.
    expect(counts(result.facets.topics)).toEqual({ diplomacy: 2, 'security-defense': 2, 'economy-energy': 1, sport: 1 });
    expect(counts(result.facets.regions)).toEqual({ algeria: 2 });
  });

  it('narrow the result across facets (AND)', async () => {
    const result = await search('topic=security-defense,diplomacy&region=sahel');
    expect(result.hits.map((h) => h.id).sort()).toEqual(['f1', 'f4']);
    expect(counts(result.facets.topics)).toEqual({ diplomacy: 1, 'security-defense': 2 });
    expect(counts(result.facets.regions)).toEqual({ algeria: 1, sahel: 2, libya: 1, mali: 1 });
  });

  it('require every value of a facet named in match_all (AND), counting that facet within its own selection', async () => {
    const either = await search('topic=diplomacy&topic=security-defense');
    expect(either.hits.map((h) => h.id).sort()).toEqual(['f1', 'f2', 'f4']);
    const both = await search('topic=diplomacy&topic=security-defense&match_all=topic');
    expect(both.hits.map((h) => h.id)).toEqual(['f1']);
    // What narrows it further: the topics and regions of f1 alone.
    expect(counts(both.facets.topics)).toEqual({ diplomacy: 1, 'security-defense': 1 });
    expect(counts(both.facets.regions)).toEqual({ algeria: 1, sahel: 1 });
    // Another facet keeps OR, and its alternatives; its ticked value no article left holds is listed at 0.
    const regionsEither = await search('topic=diplomacy&topic=security-defense&match_all=topic&region=libya&region=sahel');
    expect(regionsEither.hits.map((h) => h.id)).toEqual(['f1']);
    expect(counts(regionsEither.facets.regions)).toEqual({ algeria: 1, sahel: 1, libya: 0 });
  });

  it('refuse a match_all naming no facet of several values, naming the field and why', async () => {
    for (const [given, message] of [
      ['source', 'match_all: not source: an article has one source'],
      ['topics', 'match_all: expected topic, region, region_mentioned, person or organization'],
      ['everything', 'match_all: expected topic, region, region_mentioned, person or organization'],
    ]) {
      const response = await app.request(`/search?topic=diplomacy&match_all=${given}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string; message: string } }).error).toMatchObject({ field: 'match_all', message });
    }
  });

  it('read match_all of a facet given one value or none as the same search, cursor and all', async () => {
    const plain = (await (await app.request('/search?topic=diplomacy&size=1')).json()) as Result & { nextCursor: string };
    const named = (await (await app.request('/search?topic=diplomacy&match_all=topic,region&size=1')).json()) as Result & { nextCursor: string };
    expect(named.nextCursor).toBe(plain.nextCursor);
    const next = await app.request(`/search?topic=diplomacy&size=1&cursor=${plain.nextCursor}`);
    const nextNamed = await app.request(`/search?topic=diplomacy&match_all=topic,region&size=1&cursor=${plain.nextCursor}`);
    expect([next.status, nextNamed.status]).toEqual([200, 200]);
  });

  it('count under the text query and the date range', async () => {
    const result = await search(`q=${encodeURIComponent('الجزائر')}&date_to=2022-12-31`);
    expect(result.hits.map((h) => h.id).sort()).toEqual(['f1', 'f3']);
    expect(counts(result.facets.regions)).toEqual({ algeria: 2, sahel: 1 });
    expect(result.totalAllWords).toBeUndefined();
  });

  it('count, when any one of the words finds an article, the articles holding every word', async () => {
    const result = await search(`q=${encodeURIComponent('الجزائر الغاز')}`);
    expect(result.hits.map((h) => h.id).sort()).toEqual(['f1', 'f3', 'f5']);
    expect(result.totalAllWords).toBe(1);
    expect(counts(result.facets.topics)).toEqual({ 'economy-energy': 1 });
    expect(counts(result.facets.regions)).toEqual({ algeria: 1 });
  });

  it('narrowed by a value they counted, list the articles they counted: those holding every word', async () => {
    const q = encodeURIComponent('الجزائر الغاز');
    const counted = counts((await search(`q=${q}`)).facets.regions).algeria;
    const narrowed = await search(`q=${q}&region=algeria`);
    expect([narrowed.total, narrowed.hits.map((h) => h.id)]).toEqual([counted, ['f3']]);
    expect(narrowed.relaxed).toBeUndefined();
    // A value no article holding every word has: any one word is enough then, and the answer says so.
    const sport = await search(`q=${q}&topic=sport`);
    expect([sport.hits.map((h) => h.id), sport.relaxed]).toEqual([['f5'], true]);
  });

  it('count every hit when no article holds every word', async () => {
    const result = await search(`q=${encodeURIComponent('ليبيا الغاز')}`);
    expect(result.hits.map((h) => h.id).sort()).toEqual(['f2', 'f3']);
    expect(result.totalAllWords).toBe(0);
    expect(counts(result.facets.topics)).toEqual({ diplomacy: 1, 'economy-energy': 1 });
    expect(counts(result.facets.regions)).toEqual({ libya: 1, algeria: 1 });
  });
});
