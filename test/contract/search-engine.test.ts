import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectEngine, detectEngine } from '../../src/engine/connect-engine.js';
import { ElasticsearchEngine } from '../../src/engine/elasticsearch-engine.js';
import { EngineError, type EngineErrorKind } from '../../src/engine/engine-error.js';
import type { BulkDocument, IndexDefinition, SearchEngine } from '../../src/engine/search-engine.js';
import { findFreePort } from '../../src/embedded/engine-process.js';
import { loadIndexDefinition } from '../../src/index/index-definition.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import type { TestEngine } from '../support/engine-global-setup.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// The SearchEngine contract: the same cases on every engine of the run, so the product's one
// interface behaves the same whichever engine family answers.

const neutralDefinition = JSON.parse(readFileSync(new URL('./neutral-index.json', import.meta.url), 'utf8')) as IndexDefinition;

function indexDefinitionFor(engine: TestEngine): IndexDefinition {
  if (engine.indexDefinition === 'neutral') return { settings: neutralDefinition.settings, mappings: neutralDefinition.mappings };
  const { settings, mappings } = loadIndexDefinition(PROJECT_ROOT);
  return { settings, mappings };
}

interface Article {
  title: string;
  body: string;
  published: string;
  topics: string[];
  regions: string[];
}

const articles: BulkDocument[] = [
  {
    id: 'a1',
    source: {
      title: 'بلينكن يزور الجزائر',
      body: 'Blinken visits Algiers to meet NATO partners. زار بلينكن الجزائر',
      published: '2024-01-10T08:00:00Z',
      topics: ['diplomacy'],
      regions: ['algeria', 'maghreb'],
    },
  },
  {
    id: 'a2',
    source: { title: 'Libya talks', body: 'Talks on Libya resume in Geneva.', published: '2024-02-03T10:00:00Z', topics: ['diplomacy'], regions: ['libya'] },
  },
  {
    id: 'a3',
    source: {
      title: 'Sahel security',
      body: 'NATO and the Sahel states.',
      published: '2024-02-20T12:00:00Z',
      topics: ['security-defense'],
      regions: ['sahel'],
    },
  },
];
/** A date field given a word: the engine refuses this document alone. */
const badArticle: BulkDocument = { id: 'bad', source: { title: 'x', body: 'y', published: 'not a date', topics: [], regions: [] } };

async function expectEngineError(promise: Promise<unknown>, kind: EngineErrorKind): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).kind).toBe(kind);
  return error as EngineError;
}

/** Accepts connections and never answers: a request to it can only time out. Counts the connections made. */
async function openSilentServer(): Promise<{ url: string; connections(): number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

for (const testEngine of inject('engines')) {
  describe(`${testEngine.label} ${testEngine.version}`, () => {
    const prefix = `contract-${testEngine.kind}-${process.pid}-${Date.now().toString(36)}`;
    const index = `${prefix}-v1`;
    const copy = `${prefix}-v2`;
    const alias = `${prefix}-alias`;
    let engine: SearchEngine;

    beforeAll(async () => {
      engine = await connectEngine({ url: testEngine.url, requestTimeoutMs: 10_000 });
    });
    afterAll(async () => {
      for (const name of await engine.listIndices(`${prefix}-*`)) await engine.deleteIndex(name);
      await engine.close();
    });

    it('is detected as its kind and reports its version', async () => {
      const detected = await detectEngine(testEngine.url, 10_000);
      expect(detected.kind).toBe(testEngine.kind);
      // A node without a root endpoint (the integ-test Elasticsearch) leaves the version to info().
      if (detected.version) expect(detected.version).toBe(testEngine.version);
      expect(engine.kind).toBe(testEngine.kind);
      // The Elasticsearch client's major is the server's.
      if (engine instanceof ElasticsearchEngine) expect(engine.clientMajor).toBe(Number(testEngine.version.split('.')[0]));
      expect(await engine.info()).toMatchObject({ kind: testEngine.kind, version: testEngine.version, clusterName: expect.any(String) });
      expect(['green', 'yellow']).toContain((await engine.clusterHealth()).status);
    });

    it(`creates an index from the ${testEngine.indexDefinition} definition`, async () => {
      expect(await engine.indexExists(index)).toBe(false);
      await engine.createIndex(index, indexDefinitionFor(testEngine));
      expect(await engine.indexExists(index)).toBe(true);
      // Creating it twice is refused, not ignored.
      const again = await expectEngineError(engine.createIndex(index, indexDefinitionFor(testEngine)), 'rejected');
      expect(again.engineType).toMatch(/already_exists_exception$/);
    });

    it('bulk-indexes documents and reports a refused document by id, the others indexed', async () => {
      const result = await engine.bulkIndex(index, [...articles, badArticle], { refresh: true });
      expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
      expect(result.failures).toEqual([{ id: 'bad', type: expect.stringMatching(/parsing_exception$/), reason: expect.stringContaining('published') }]);
      expect(await engine.count(index)).toBe(3);

      const again = await engine.bulkIndex(index, articles.slice(0, 1), { refresh: true });
      expect(again).toEqual({ created: 0, updated: 1, unchanged: 0, failures: [] });
    });

    it('updates fields in place: changed, unchanged, and a missing document reported', async () => {
      const result = await engine.updateDocuments(
        index,
        [
          { id: 'a2', source: { regions: ['libya', 'maghreb'] } },
          { id: 'a3', source: { topics: ['security-defense'] } },
          { id: 'nope', source: { topics: [] } },
        ],
        { refresh: true },
      );
      expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
      expect(result.failures).toEqual([{ id: 'nope', type: 'document_missing_exception', reason: expect.any(String) }]);
    });

    it('reads documents by id; a missing one is undefined (not_found)', async () => {
      expect(await engine.getDocument<Article>(index, 'a1')).toMatchObject({ title: 'بلينكن يزور الجزائر', topics: ['diplomacy'] });
      expect(await engine.getDocument(index, 'missing')).toBeUndefined();
      const sources = await engine.getSources<Partial<Article>>(index, ['a2', 'missing', 'a3'], ['regions']);
      expect([...sources.entries()].sort()).toEqual([
        ['a2', { regions: ['libya', 'maghreb'] }],
        ['a3', { regions: ['sahel'] }],
      ]);
      expect((await engine.getSources(index, [], ['regions'])).size).toBe(0);
    });

    it('searches with aggregations and highlighting, in engine-neutral shapes', async () => {
      const result = await engine.search<Article>(index, {
        query: { match: { body: 'NATO' } },
        aggs: {
          topics: { terms: { field: 'topics' } },
          months: { date_histogram: { field: 'published', calendar_interval: 'month', format: 'yyyy-MM' } },
        },
        highlight: { pre_tags: ['<mark>'], post_tags: ['</mark>'], fields: { body: { number_of_fragments: 1 } } },
        track_total_hits: true,
      });
      expect(result.total).toBe(2);
      expect(result.tookMs).toEqual(expect.any(Number));
      expect(result.hits.map((hit) => hit.id).sort()).toEqual(['a1', 'a3']);
      for (const hit of result.hits) {
        expect(hit.score).toEqual(expect.any(Number));
        expect(hit.source.topics).toBeDefined();
        expect(hit.highlight.body?.[0]).toContain('<mark>NATO</mark>');
        expect(hit.explanation).toBeUndefined();
      }
      expect(result.aggregations).toMatchObject({
        topics: {
          buckets: expect.arrayContaining([
            { key: 'diplomacy', doc_count: 1 },
            { key: 'security-defense', doc_count: 1 },
          ]),
        },
        months: {
          buckets: [
            { key_as_string: '2024-01', key: expect.any(Number), doc_count: 1 },
            { key_as_string: '2024-02', key: expect.any(Number), doc_count: 1 },
          ],
        },
      });

      const none = await engine.search<Article>(index, { query: { term: { topics: 'sport' } }, sort: [{ published: 'desc' }] });
      expect(none).toMatchObject({ total: 0, hits: [], aggregations: {} });
      const sorted = await engine.search<Article>(index, { query: { match_all: {} }, sort: [{ published: 'desc' }], explain: false });
      expect(sorted.hits.map((hit) => [hit.id, hit.score])).toEqual([
        ['a3', null],
        ['a2', null],
        ['a1', null],
      ]);
    });

    it("analyzes text with a field's analyzer: tokens, offsets, positions", async () => {
      const tokens = await engine.analyze(index, { field: 'title', text: 'Blinken Visits NATO' });
      expect(tokens.map(({ token, start, end, position }) => ({ token, start, end, position }))).toEqual([
        { token: 'blinken', start: 0, end: 7, position: 0 },
        { token: 'visits', start: 8, end: 14, position: 1 },
        { token: 'nato', start: 15, end: 19, position: 2 },
      ]);
      expect(tokens.every((t) => typeof t.type === 'string')).toBe(true);
      // Asked for some fields only, the engine sends only those.
      const lean = await engine.analyze(index, { field: 'title', text: ['Blinken Visits', 'NATO'] }, ['token', 'position']);
      expect(lean).toEqual([
        { token: 'blinken', position: 0 },
        { token: 'visits', position: 1 },
        { token: 'nato', position: expect.any(Number) },
      ]);
    });

    it("reads documents' terms of a field as its index analyzer makes them, with document frequencies", async () => {
      const terms = await engine.fieldTerms(index, ['a1', 'missing', 'a3'], 'body');
      // Statistics count a replaced document until its segment merges: a1 was indexed twice.
      expect(terms.documentCount).toBeGreaterThanOrEqual(3);
      expect([...terms.documents.keys()].sort()).toEqual(['a1', 'a3']);
      expect(terms.documents.get('a3')?.get('nato')).toEqual({ frequency: 1, documentFrequency: expect.toSatisfy((n: number) => n >= 2) });
      expect(terms.documents.get('a3')?.get('sahel')).toEqual({ frequency: 1, documentFrequency: 1 });
      expect(terms.documents.get('a1')?.has('libya')).toBe(false);
      expect((await engine.fieldTerms(index, [], 'body')).documents.size).toBe(0);
    });

    it('copies documents into another index, waiting for the end (server-side where the node has _reindex)', async () => {
      await engine.createIndex(copy, indexDefinitionFor(testEngine));
      expect(await engine.copyDocuments([index], copy)).toEqual({ copied: 3, failures: 0 });
      expect(await engine.count(copy)).toBe(3);
      expect(await engine.getDocument<Article>(copy, 'a2')).toMatchObject({ regions: ['libya', 'maghreb'] });
    });

    it('swaps an alias from one index to another in one step', async () => {
      expect(await engine.aliasTargets(alias)).toEqual([]);
      await engine.pointAlias(alias, index);
      expect(await engine.aliasTargets(alias)).toEqual([index]);
      await engine.pointAlias(alias, copy);
      expect(await engine.aliasTargets(alias)).toEqual([copy]);
      // Pointing it where it already is changes nothing.
      await engine.pointAlias(alias, copy);
      expect(await engine.aliasTargets(alias)).toEqual([copy]);
      expect((await engine.search(alias, { query: { match_all: {} } })).total).toBe(3);
      expect(await engine.getDocument<Article>(alias, 'a1')).toMatchObject({ topics: ['diplomacy'] });
    });

    it('deletes documents by id through an alias, answering those deleted; a missing one is neither deleted nor a failure', async () => {
      await engine.bulkIndex(copy, [{ id: 'a4', source: { ...articles[0]!.source, id: 'a4' } }], { refresh: true });
      expect(await engine.deleteDocuments(alias, ['a4', 'missing'], { refresh: true })).toEqual({ deleted: ['a4'], failures: [] });
      expect(await engine.getDocument(copy, 'a4')).toBeUndefined();
      expect(await engine.count(copy)).toBe(3);
      expect(await engine.deleteDocuments(alias, [])).toEqual({ deleted: [], failures: [] });
    });

    it('lists indices by pattern and deletes them; deleting a missing index is no error', async () => {
      expect(await engine.listIndices(`${prefix}-*`)).toEqual([index, copy]);
      expect(await engine.listIndices(`${prefix}-nothing-*`)).toEqual([]);
      await engine.deleteIndex(`${prefix}-never-created`);
      await engine.deleteIndex(index);
      expect(await engine.listIndices(`${prefix}-*`)).toEqual([copy]);
      expect(await engine.indexExists(index)).toBe(false);
    });

    describe('errors, as engine-neutral kinds', () => {
      it('index_missing: a search or a count on an index that does not exist', async () => {
        const error = await expectEngineError(engine.search(`${prefix}-missing`, { query: { match_all: {} } }), 'index_missing');
        expect(error.engineType).toBe('index_not_found_exception');
        expect(error.statusCode).toBe(404);
        await expectEngineError(engine.count(`${prefix}-missing`), 'index_missing');
        expect(await engine.aliasTargets(`${prefix}-missing`)).toEqual([]);
      });

      it("rejected: a malformed query, with the engine's reason", async () => {
        const error = await expectEngineError(engine.search(copy, { query: { no_such_query: {} } }), 'rejected');
        expect(error.statusCode).toBe(400);
        expect(error.engineType).toBe('parsing_exception');
        expect(error.message).toContain('no_such_query');
      });

      it('unavailable: nothing listens on the port', async () => {
        const url = `http://127.0.0.1:${await findFreePort()}`;
        await expectEngineError(detectEngine(url, 2000), 'unavailable');
        const closed = await connectEngine({ url, requestTimeoutMs: 2000, kind: testEngine.kind });
        try {
          await expectEngineError(closed.search(copy, { query: { match_all: {} } }), 'unavailable');
          await expectEngineError(closed.info(), 'unavailable');
        } finally {
          await closed.close();
        }
      });

      it('unavailable while the engine is cut off, answering again at once when it is back', async () => {
        const proxy = new TcpProxy(new URL(testEngine.url));
        await proxy.open();
        const client = await connectEngine({ url: proxy.url, requestTimeoutMs: 2000, kind: testEngine.kind });
        try {
          expect(await client.count(copy)).toBe(3);
          await proxy.close();
          const started = Date.now();
          await expectEngineError(client.count(copy), 'unavailable');
          expect(Date.now() - started).toBeLessThan(1000);
          await proxy.open();
          expect(await client.count(copy)).toBe(3);
        } finally {
          await client.close();
          await proxy.close();
        }
      });

      it('timeout: the engine does not answer within the request timeout, and the request is not sent again', async () => {
        const silent = await openSilentServer();
        const slow = await connectEngine({ url: silent.url, requestTimeoutMs: 300, kind: testEngine.kind });
        try {
          await expectEngineError(slow.count(copy), 'timeout');
          // A request that timed out may still be running in the engine: sending it again would run it twice.
          expect(silent.connections()).toBe(1);
        } finally {
          await slow.close();
          await silent.close();
        }
      });

      it('not_found: getDocument of a missing id answers undefined', async () => {
        expect(await engine.getDocument(copy, 'no-such-id')).toBeUndefined();
      });
    });
  });
}
