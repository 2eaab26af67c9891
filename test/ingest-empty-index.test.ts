import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchBody, SearchEngine } from '../src/engine/search-engine.js';
import { ingestArticles } from '../src/ingest/ingest-articles.js';
import { prepareArticle, type PreparedArticle } from '../src/ingest/prepare-article.js';
import type { SourceRecord } from '../src/ingest/source-records.js';
import { StoryCopies } from '../src/ingest/story-copies.js';
import type { StoredArticle } from '../src/index/stored-article.js';
import type { SearchService } from '../src/service/search-service.js';
import { CNN_DATELINE, cnnArticle, LITHIUM_LEAD, WHALE_LEAD } from './support/cnn-teasers.js';
import { connectTestEngine, openTestService, uniqueAlias } from './support/test-service.js';

// A first load or a rebuild writes into an empty index: the pipeline then asks the index nothing it
// can only know from this run (stored hashes, story originals, leads). What it stores must be what
// the same run stores into an index that already holds articles, where it asks.

const [dateline, whaleLead, lithiumLead, cnn] = [CNN_DATELINE, WHALE_LEAD, LITHIUM_LEAD, cnnArticle];
const tram = { title: 'تدشين خط الترامواي الجديد في قسنطينة', source: 'وكالة الأنباء', published: '2025-04-01T08:00:00Z' };
const corpus = [
  // Ends with the leads of two stories read after it: cut once the run has read them.
  cnn(
    'cnn-airline',
    'خطة لتوسيع أسطول الطيران',
    `${dateline}أعلنت شركة الطيران الوطنية عن خطة لتوسيع أسطولها.`,
    'وقال مدير الشركة إن الطائرات ستصل تباعا.',
    whaleLead,
    lithiumLead,
  ),
  { ...tram, id: 'tram-a', text: 'دشنت قسنطينة خط الترامواي الجديد (أ).' },
  cnn('cnn-whale', 'حوت أزرق على شاطئ نواكشوط', `${dateline}${whaleLead}`, 'وتجمع السكان حول الحوت طوال اليوم.'),
  // A copy of tram-a, in a batch written after tram-a's.
  { ...tram, id: 'tram-b', text: 'دشنت قسنطينة خط الترامواي الجديد (ب).' },
  cnn('cnn-lithium', 'تشيلي ترفع إنتاج الليثيوم', `${dateline}${lithiumLead}`, 'ويعد الليثيوم مادة أساسية في صناعة البطاريات.'),
  // Read after the stories it ends with: cut before it is written.
  cnn('cnn-rail', 'قطار سريع جديد', `${dateline}افتتحت السلطات خط قطار سريع يربط بين مدينتين كبيرتين.`, lithiumLead, whaleLead),
  { ...tram, id: 'tram-c', text: 'دشنت قسنطينة خط الترامواي الجديد (ج).' },
];
const records = async function* (articles: object[]): AsyncGenerator<SourceRecord> {
  for (const [line, value] of articles.entries()) yield { kind: 'json', file: 'corpus.ndjson', line: line + 1, value };
};

/** The engine, counting the requests an ingest sends to read what is stored. */
function countingLookups(engine: SearchEngine) {
  const counts = { storedHashes: 0, storyOriginals: 0, storedLeads: 0, otherSearches: 0 };
  const kindOf = (body: SearchBody): keyof typeof counts => (body.collapse ? 'storyOriginals' : body.aggs ? 'storedLeads' : 'otherSearches');
  const counted = new Proxy(engine, {
    get(target, key) {
      if (key === 'getSources')
        return (...args: Parameters<SearchEngine['getSources']>) => {
          counts.storedHashes++;
          return target.getSources(...args);
        };
      if (key === 'search')
        return (index: string, body: SearchBody) => {
          counts[kindOf(body)]++;
          return target.search(index, body);
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { engine: counted, counts };
}

let engine: SearchEngine;
const services: SearchService[] = [];
const aliases: string[] = [];
beforeAll(async () => {
  engine = await connectTestEngine();
});
afterAll(async () => {
  for (const alias of aliases) for (const index of await engine.listIndices(`${alias}-*`)) await engine.deleteIndex(index);
  await engine.close();
});

/** A served index of its own, holding `before` (stored with no pipeline) when given. */
async function freshService(suite: string, before: object[] = []): Promise<SearchService> {
  const alias = uniqueAlias(suite);
  aliases.push(alias);
  const service = openTestService(engine, alias);
  services.push(service);
  await service.ensureIndex();
  if (before.length > 0) await ingestArticles(engine, alias, { repairer: service.runOnRepairer(), tagger: await service.tagger() }, records(before));
  return service;
}

async function ingestCounting(service: SearchService) {
  const counting = countingLookups(engine);
  const pipeline = { repairer: service.runOnRepairer(), tagger: await service.tagger() };
  // One article a batch, two in flight: the story's copies meet batches still being written.
  const report = await ingestArticles(counting.engine, service.alias, pipeline, records(corpus), { batchSize: 1, concurrency: 2 });
  return { report, counts: counting.counts };
}

const storedForm = async (service: SearchService) => {
  const stored = await engine.getSources<StoredArticle>(
    service.alias,
    corpus.map((article) => article.id),
    ['id', 'body', 'teasers', 'duplicate_of', 'tail_keys', 'lead_keys', 'story_key', 'text_key'],
  );
  return corpus.map((article) => stored.get(article.id));
};

describe('an ingest into an empty index', () => {
  it('stores what it would store into an index already holding articles, asking the index nothing', async () => {
    const empty = await freshService('empty-first-load');
    const holding = await freshService('holding-first-load', [
      { id: 'other-1', title: 'خبر سابق', text: 'خبر لا علاقة له بالقصص الأخرى.', source: 'BBC', published: '2018-04-01T09:30:00Z' },
    ]);
    const intoEmpty = await ingestCounting(empty);
    const intoHolding = await ingestCounting(holding);

    for (const { report } of [intoEmpty, intoHolding]) expect(report).toMatchObject({ read: 7, indexed: 7, repeatedStories: 2, withTeasers: 2, rejected: [] });
    const stored = await storedForm(empty);
    expect(stored).toEqual(await storedForm(holding));
    expect(stored.map((article) => article?.duplicate_of ?? null)).toEqual([null, null, null, 'tram-a', null, null, 'tram-a']);
    expect(stored[0]!.teasers).toEqual([whaleLead, lithiumLead]);
    expect(stored[5]!.teasers).toEqual([lithiumLead, whaleLead]);

    // Seven batches: the index holding articles is asked about each; the empty one about none,
    // since the copies' original is one this run wrote and still remembers.
    // One search a batch for each of a story's three keys (title, text, first paragraph).
    expect(intoHolding.counts).toMatchObject({ storedHashes: 7, storyOriginals: 7 * 3, storedLeads: expect.any(Number) });
    expect(intoHolding.counts.storedLeads).toBeGreaterThan(0);
    expect(intoEmpty.counts.storedHashes).toBe(0);
    expect(intoEmpty.counts.storedLeads).toBe(0);
    expect(intoEmpty.counts.storyOriginals).toBe(0);
  });

  it('finds the original of a story written long before its copy, past what the run keeps in memory', async () => {
    const service = await freshService('empty-far-copy');
    const repairer = service.runOnRepairer();
    const prepared = (value: object) => {
      const result = prepareArticle({ kind: 'json', file: 'corpus.ndjson', line: 1, value }, repairer);
      if (!result.ok) throw new Error(result.reason);
      return result.article;
    };
    const counting = countingLookups(engine);
    // Keeps one original in memory, as a long run keeps only its last few thousand.
    const copies = new StoryCopies(counting.engine, service.alias, Promise.resolve(true), 1);
    const write = async (articles: PreparedArticle[]) => {
      const claim = copies.claim(articles);
      const originals = await claim.originals;
      const documents = articles.map((article) => ({
        id: article.id,
        source: {
          id: article.id,
          title: article.title,
          body: article.body,
          source: article.source,
          story_key: article.storyKey,
          text_key: article.textKey,
          duplicate_of: originals.get(article.id),
        },
      }));
      await engine.bulkIndex(service.alias, documents);
      claim.settle(documents.map((document) => document.source));
      return originals;
    };
    await write([prepared({ ...tram, id: 'tram-a', text: 'دشنت قسنطينة خط الترامواي الجديد.' })]);
    for (const n of [1, 2, 3])
      await write([prepared({ id: `other-${n}`, title: `خبر آخر رقم ${n}`, text: `نص الخبر رقم ${n}.`, source: 'BBC', published: `2025-04-0${n}T09:00:00Z` })]);
    expect(counting.counts.storyOriginals).toBe(0);
    await engine.refresh(service.alias);

    const originals = await write([prepared({ ...tram, id: 'tram-b', text: 'دشنت قسنطينة خط الترامواي الجديد مرة أخرى.' })]);
    expect(originals.get('tram-b')).toBe('tram-a');
    expect(counting.counts.storyOriginals).toBe(3); // a search for each of its keys
  });
});
