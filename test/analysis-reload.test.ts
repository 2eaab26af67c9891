import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { connectEngine, fetchEngine } from '../src/engine/connect-engine.js';
import { versionedIndexName } from '../src/index/ensure-index.js';
import { loadIndexDefinition } from '../src/index/index-definition.js';
import { copyDataRoot, createTestApp, openTestService, TEST_ADMIN_KEY, useSeededService } from './support/test-service.js';

// A copy of the data folders, so the suite can edit a synonym list as a relevance engineer would.
const { dataRoot, remove: removeDataRoot } = copyDataRoot('analysis-reload');
const service = useSeededService('analysis-reload', { dataRoot, after: async () => removeDataRoot() });

const reload = (key?: string) => service.app.request('/admin/analysis/reload', { method: 'POST', headers: key ? { authorization: `Bearer ${key}` } : {} });
const totalFor = async (q: string) => {
  const response = await service.app.request(`/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { total: number; hits: { id: string }[] };
};

describe('reloading synonyms on the live service', () => {
  it('refuses without the admin key, and is off when no key is configured', async () => {
    expect((await reload()).status).toBe(401);
    const wrong = await reload('not-the-key-0123456789');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const noKeyApp = createTestApp(service.service, { adminApiKey: undefined });
    const off = await noKeyApp.request('/admin/analysis/reload', { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(off.status).toBe(403);
  });

  it('is a no-op when nothing changed', async () => {
    const response = await reload(TEST_ADMIN_KEY);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ created: false, index: service.index, copied: 0 });
  });

  it('makes a new synonym work, with every query answered during the switch', async () => {
    expect((await totalFor('bouqadoum')).total).toBe(0);

    const peopleFile = join(dataRoot, 'analyzers', 'synonyms', 'people.txt');
    writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace('boukadoum, sabri boukadoum', 'boukadoum, bouqadoum, sabri boukadoum'));

    // Readers keep searching while the new version is built and the alias moves.
    let searching = true;
    const statuses: number[] = [];
    const readers = (async () => {
      while (searching) statuses.push((await service.app.request(`/search?q=${encodeURIComponent('الجزائر')}`)).status);
    })();
    const response = await reload(TEST_ADMIN_KEY);
    searching = false;
    await readers;

    expect(response.status).toBe(200);
    const state = (await response.json()) as { created: boolean; index: string; copied: number; previous: string[] };
    expect(state).toMatchObject({ created: true, copied: 5, previous: [service.index] });
    expect(state.index).not.toBe(service.index);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const found = await totalFor('bouqadoum');
    expect(found.hits.map((h) => h.id)).toEqual(['002_cae385476cb3fbcb']);
    expect(await service.engine.count(service.alias)).toBe(5);
  });
});

describe('a version left half-built', () => {
  const peopleFile = join(dataRoot, 'analyzers', 'synonyms', 'people.txt');
  /** Changes a synonym rule, as an engineer would: the next reload builds a new version. */
  const nextVersion = (from: string, to: string) => {
    writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace(from, to));
    const definition = loadIndexDefinition(dataRoot);
    return { definition, index: versionedIndexName(service.alias, definition) };
  };
  const engineRequest = async (path: string, init: RequestInit = {}) => {
    const response = await fetchEngine(inject('engineUrl'), path, { ...init, headers: { 'content-type': 'application/json' } });
    return (await response.json()) as Record<string, unknown>;
  };
  const versionsOf = async (index: string) => {
    const found = (await engineRequest(`${index}/_search?size=100&version=true`)) as { hits: { hits: { _version: number }[] } };
    return found.hits.hits.map((hit) => hit._version);
  };

  it('is finished and verified before it is served, never served as found', async () => {
    const { definition, index } = nextVersion('chanegriha, chengriha', 'chanegriha, chengriha, changriha');
    // What a reload that died after copying two articles leaves behind.
    const [served] = await service.engine.aliasTargets(service.alias);
    await service.engine.createIndex(index, definition);
    const two = await service.engine.search<Record<string, unknown>>(served!, { query: { match_all: {} }, size: 2 });
    await service.engine.bulkIndex(
      index,
      two.hits.map((hit) => ({ id: hit.id, source: hit.source })),
      { refresh: true },
    );

    const response = await reload(TEST_ADMIN_KEY);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ index, previous: [served] });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([index]);
    expect(await service.engine.count(service.alias)).toBe(5);
    expect(await service.engine.indexMetadata(index)).toMatchObject({ build: { state: 'complete', documents: 5 } });
  });

  it('follows a copy still running in the engine, however long it takes, instead of starting another', async () => {
    const { definition, index } = nextVersion('chanegriha, chengriha, changriha', 'chanegriha, chengriha, changriha, chengriha-said');
    const [served] = await service.engine.aliasTargets(service.alias);
    await service.engine.createIndex(index, definition);
    // A copy started by a reload whose request timed out: throttled to about one article a second.
    await engineRequest('_reindex?wait_for_completion=false&requests_per_second=1', {
      method: 'POST',
      body: JSON.stringify({ source: { index: served, size: 1 }, dest: { index } }),
    });
    // A client whose every request times out after a second: the copy outlasts several of them.
    const impatient = await connectEngine({ url: inject('engineUrl'), requestTimeoutMs: 1_000 });
    const app = createTestApp(openTestService(impatient, service.alias, dataRoot));
    const started = Date.now();
    const response = await app.request('/admin/analysis/reload', { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    await impatient.close();
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(await service.engine.aliasTargets(service.alias)).toEqual([index]);
    expect(await service.engine.count(service.alias)).toBe(5);
    // Each article written once: a second copy would have made version 2.
    expect(await versionsOf(index)).toEqual([1, 1, 1, 1, 1]);
  });
});
