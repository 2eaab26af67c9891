import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { connectEngine, fetchEngine } from '../src/engine/connect-engine.js';
import { versionedIndexName } from '../src/index/ensure-index.js';
import { loadIndexDefinition } from '../src/index/index-definition.js';
import { copyDataRoot, createTestApp, openTestService, runAdminTask, settleTask, TEST_ADMIN_KEY, useSeededService } from './support/test-service.js';

// A copy of the data folders, so the suite can edit a synonym list as a relevance engineer would.
const { dataRoot, remove: removeDataRoot } = copyDataRoot('analysis-reload');
const service = useSeededService('analysis-reload', { dataRoot, after: async () => removeDataRoot() });

const reload = (key?: string) => service.app.request('/admin/analysis/reload', { method: 'POST', headers: key ? { authorization: `Bearer ${key}` } : {} });
interface ReloadResult {
  created: boolean;
  index: string;
  copied: number;
  previous: string[];
  removed: string[];
}
/** A reload run as the admin runs it: a task, followed to its end. */
const reloadTask = async (app = service.app) => {
  const { task, refused } = await runAdminTask<ReloadResult>(app, '/admin/analysis/reload');
  if (refused) throw new Error(`reload refused: ${refused.status} ${await refused.text()}`);
  return task;
};
// As typed: a respelling searched in its place (bukadum sounds like boukadoum) is not the synonym at work.
const totalFor = async (q: string) => {
  const response = await service.app.request(`/search?respell=false&q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { total: number; hits: { id: string }[] };
};

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

/** A copy into `index` as a reload whose request timed out leaves running: throttled to about one article a second. */
const startSlowCopy = async (from: string, index: string) =>
  engineRequest('_reindex?wait_for_completion=false&requests_per_second=1', {
    method: 'POST',
    body: JSON.stringify({ source: { index: from, size: 1 }, dest: { index } }),
  });

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
    expect(response.status).toBe(202);
    const started = (await response.json()) as { id: string; kind: string; state: string };
    expect(started).toMatchObject({ kind: 'analysis-reload', state: 'running' });
    expect(await settleTask(service.app, started.id)).toMatchObject({
      state: 'succeeded',
      result: { created: false, index: service.index, copied: 0 },
      error: null,
    });
  });

  it('makes a new synonym work, with every query answered during the switch', async () => {
    // Two edits from boukadoum in seven letters: too far to be searched as the name, so only a synonym finds it.
    expect((await totalFor('bukadum')).total).toBe(0);

    const peopleFile = join(dataRoot, 'analyzers', 'synonyms', 'people.txt');
    writeFileSync(peopleFile, readFileSync(peopleFile, 'utf8').replace('boukadoum, sabri boukadoum', 'boukadoum, bukadum, sabri boukadoum'));
    // A profile written beside the lists is read by the same reload, as a restart would read it.
    const profiles = join(dataRoot, 'relevance', 'profiles');
    writeFileSync(join(profiles, 'x-reloaded.json'), readFileSync(join(profiles, 'exact-first.json'), 'utf8'));
    expect(service.service.profiles.get('x-reloaded')).toBeUndefined();

    // Readers keep searching while the new version is built and the alias moves.
    let searching = true;
    const statuses: number[] = [];
    const readers = (async () => {
      while (searching) statuses.push((await service.app.request(`/search?q=${encodeURIComponent('الجزائر')}`)).status);
    })();
    const task = await reloadTask();
    searching = false;
    await readers;

    expect(task.state).toBe('succeeded');
    const state = task.result;
    expect(state).toMatchObject({ created: true, copied: 5, previous: [service.index] });
    expect(state.index).not.toBe(service.index);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((status) => status === 200)).toBe(true);

    const found = await totalFor('bukadum');
    expect(found.hits.map((h) => h.id)).toEqual(['002_cae385476cb3fbcb']);
    expect(await service.engine.count(service.alias)).toBe(5);
    // The copy's tags are the old version's: the people list is the taxonomy's too, so they are stale, as a restart would say.
    expect(await service.service.tagsState()).toMatchObject({ tags: 'stale' });
    expect(service.service.profiles.get('x-reloaded')).toBeDefined();
    // A reload with nothing changed keeps the version just replaced: it is still the rollback target.
    expect((await reloadTask()).result).toMatchObject({ created: false, index: state.index, removed: [] });
    expect(await service.engine.listIndices(`${service.alias}-*`)).toEqual(expect.arrayContaining([service.index, state.index]));
  });
});

describe('a list line the engine could not build', () => {
  it('fails the reload naming its file and line, and the served version goes on serving', async () => {
    const [served] = await service.engine.aliasTargets(service.alias);
    const before = readFileSync(peopleFile, 'utf8');
    writeFileSync(peopleFile, `${before}blinken => بلينكن => بلنكن\n`);
    try {
      const task = await reloadTask();
      const line = before.split('\n').length;
      expect(task).toMatchObject({ state: 'failed', error: { message: expect.stringContaining(`analyzers/synonyms/people.txt: line ${line}: the rule`) } });
      expect(await service.engine.aliasTargets(service.alias)).toEqual([served]);
      expect((await service.app.request(`/search?q=${encodeURIComponent('الجزائر')}`)).status).toBe(200);
    } finally {
      writeFileSync(peopleFile, before);
    }
  });
});

describe('a version left half-built', () => {
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

    expect(await reloadTask()).toMatchObject({ state: 'succeeded', result: { index, previous: [served] } });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([index]);
    expect(await service.engine.count(service.alias)).toBe(5);
    expect(await service.engine.indexMetadata(index)).toMatchObject({ build: { state: 'complete', documents: 5 } });
  });

  it('follows a copy still running in the engine, however long it takes, instead of starting another', async () => {
    const { definition, index } = nextVersion('chanegriha, chengriha, changriha', 'chanegriha, chengriha, changriha, chengriha-said');
    const [served] = await service.engine.aliasTargets(service.alias);
    await service.engine.createIndex(index, definition);
    await startSlowCopy(served!, index);
    // A client whose every request times out after a second: the copy outlasts several of them.
    const impatient = await connectEngine({ url: inject('engineUrl'), requestTimeoutMs: 1_000 });
    const app = createTestApp(openTestService(impatient, service.alias, dataRoot));
    const started = Date.now();
    const task = await reloadTask(app);
    await impatient.close();
    expect(task.state).toBe('succeeded');
    expect(Date.now() - started).toBeGreaterThan(2_000);
    expect(await service.engine.aliasTargets(service.alias)).toEqual([index]);
    expect(await service.engine.count(service.alias)).toBe(5);
    // Each article written once: a second copy would have made version 2.
    expect(await versionsOf(index)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('a reload is a task', () => {
  const authorized = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
  const article = (id: string) => JSON.stringify({ id, title: `مقال ${id}`, text: 'بحث وزير الخارجية العلاقات الثنائية في الجزائر.' });

  it('carries the articles written during its copy into the new version, and refuses a second index-wide task meanwhile', async () => {
    const { definition, index } = nextVersion(
      'chanegriha, chengriha, changriha, chengriha-said',
      'chanegriha, chengriha, changriha, chengriha-said, shanegriha',
    );
    const [served] = await service.engine.aliasTargets(service.alias);
    await service.engine.createIndex(index, definition);
    await startSlowCopy(served!, index);
    const started = await reload(TEST_ADMIN_KEY);
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };

    const second = await reload(TEST_ADMIN_KEY);
    expect(second.status).toBe(409);
    expect(second.headers.get('location')).toBe(`/admin/tasks/${id}`);
    expect(await second.json()).toMatchObject({ error: { code: 'task_conflict', message: expect.stringContaining(id) } });
    expect((await service.app.request('/admin/tags/rebuild', { method: 'POST', headers: authorized })).status).toBe(409);

    // An ingest may run beside the reload: its articles go to the served version, after the copy began.
    const ids = Array.from({ length: 20 }, (_, i) => `during-reload-${i}`);
    const ingest = await runAdminTask(service.app, '/admin/ingest', {
      body: ids.map(article).join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(ingest.task).toMatchObject({ state: 'succeeded', result: { indexed: 20 } });
    expect(service.service.tasks.get(id)?.state).toBe('running');
    const expected = await service.engine.count(service.alias);

    expect(await settleTask(service.app, id)).toMatchObject({ state: 'succeeded', result: { index, previous: [served] } });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([index]);
    expect(await service.engine.count(index)).toBe(expected);
    expect((await service.engine.getSources(index, ids, ['id'])).size).toBe(20);
  });

  it('cancelled, stops the copy, deletes the version it was building and leaves the alias where it was', async () => {
    const { definition, index } = nextVersion('chengriha-said, shanegriha', 'chengriha-said, shanegriha, chanegreeha');
    const [served] = await service.engine.aliasTargets(service.alias);
    await service.engine.createIndex(index, definition);
    await startSlowCopy(served!, index);
    const { id } = (await (await reload(TEST_ADMIN_KEY)).json()) as { id: string };
    await new Promise((resolve) => setTimeout(resolve, 300));

    const cancel = await service.app.request(`/admin/tasks/${id}/cancel`, { method: 'POST', headers: authorized });
    expect(cancel.status).toBe(202);
    expect(await settleTask(service.app, id)).toMatchObject({ state: 'cancelled', error: { code: 'task_cancelled' } });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([served]);
    expect(await service.engine.indexExists(index)).toBe(false);
    const copies = (await engineRequest('_tasks?actions=*reindex')) as { nodes: Record<string, { tasks: Record<string, unknown> }> };
    expect(Object.values(copies.nodes).flatMap((node) => Object.keys(node.tasks))).toEqual([]);
    expect((await service.app.request('/admin/tasks/no-such-task', { headers: authorized })).status).toBe(404);
  });
});
