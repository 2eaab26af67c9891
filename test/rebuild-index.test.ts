import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ensureIndex } from '../src/index/ensure-index.js';
import { loadIndexDefinition } from '../src/index/index-definition.js';
import { rebuildIndex } from '../src/index/rebuild-index.js';
import type { SearchEngine } from '../src/engine/search-engine.js';
import { readSourceRecords, sourceFiles } from '../src/ingest/source-records.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { runAdminTask, useSeededService, SEEDS_DIR } from './support/test-service.js';

const service = useSeededService('rebuild');

describe('a full rebuild', () => {
  it('builds a new version from the sources while every query keeps answering, then swaps', async () => {
    let searching = true;
    const statuses: number[] = [];
    const totals = new Set<number>();
    const readers = (async () => {
      while (searching) {
        const response = await service.app.request('/search?q=Blinken');
        statuses.push(response.status);
        if (response.status === 200) totals.add(((await response.json()) as { total: number }).total);
      }
    })();
    const report = await service.service.rebuild(readSourceRecords(await sourceFiles([SEEDS_DIR])));
    searching = false;
    await readers;

    expect(report).toMatchObject({ read: 5, indexed: 5, rejected: [], previous: [service.index] });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([report.index]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect([...totals]).toEqual([2]);
    // The rebuilt version counts as current: starting the service again keeps it.
    const state = await ensureIndex(service.engine, service.alias, loadIndexDefinition(PROJECT_ROOT));
    expect(state).toMatchObject({ index: report.index, created: false });
  });

  it('runs over HTTP as a task: the articles sent become the served version', async () => {
    const [before] = await service.engine.aliasTargets(service.alias);
    const articles = ['one', 'two', 'three'].map((id) => JSON.stringify({ id: `rebuilt-${id}`, title: `مقال ${id}`, text: 'نص عن الجزائر.' }));
    const { task } = await runAdminTask<{ read: number; index: string; previous: string[] }>(service.app, '/admin/rebuild', {
      body: articles.join('\n'),
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(task).toMatchObject({ kind: 'rebuild', state: 'succeeded', result: { read: 3, indexed: 3, previous: [before] } });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([task!.result.index]);
    expect(await service.engine.count(service.alias)).toBe(3);
    expect(await service.service.tagsState()).toMatchObject({ tags: 'current' }); // tagged as built
  });

  it('never serves a version that stored nothing, nor one cut short: the version served stays', async () => {
    const [before] = await service.engine.aliasTargets(service.alias);
    const served = await service.engine.count(service.alias);
    const unreadable = await runAdminTask(service.app, '/admin/rebuild', { body: '{bad', headers: { 'content-type': 'application/json' } });
    expect(unreadable.refused?.status).toBe(400);
    const nothingStored = await runAdminTask<{ read: number; rejected: unknown[] }>(service.app, '/admin/rebuild', {
      body: '{bad\n{"id":"no-title","text":"نص"}',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(nothingStored.task).toMatchObject({
      state: 'failed',
      error: { code: 'task_failed', message: expect.stringMatching(/^nothing to serve/) },
      result: { read: 2, indexed: 0, rejected: [{ line: 1 }, { line: 2 }] },
    });
    const articles = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `cut-${i}`, title: `مقال ${i}`, text: 'نص عن الجزائر.' }));
    const whole = gzipSync(articles.join('\n'));
    const cut = await runAdminTask(service.app, '/admin/rebuild', {
      body: new Uint8Array(whole.subarray(0, Math.floor(whole.length / 2))),
      headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
    });
    expect(cut.task).toMatchObject({ state: 'failed', error: { message: expect.stringMatching(/broke off at line \d+/) } });
    expect(await service.engine.aliasTargets(service.alias)).toEqual([before]);
    expect(await service.engine.count(service.alias)).toBe(served);
  });

  it('keeps serving the version it moved the alias to, whatever fails after the move', async () => {
    const rebuildThrough = async (engine: SearchEngine) =>
      rebuildIndex(
        engine,
        service.alias,
        loadIndexDefinition(PROJECT_ROOT),
        service.service.taxonomy,
        service.service.runOnRepairer(),
        readSourceRecords(await sourceFiles([SEEDS_DIR])),
      );
    const timedOut = () => Promise.reject(new Error('the engine timed out'));
    // The old version's removal times out: the rebuild is done all the same.
    const [old] = await service.engine.aliasTargets(service.alias);
    const report = await rebuildThrough(Object.assign(Object.create(service.engine) as SearchEngine, { deleteIndex: timedOut }));
    expect(await service.engine.aliasTargets(service.alias)).toEqual([report.index]);
    expect([report.removed, await service.engine.count(service.alias)]).toEqual([[], 5]);
    await service.engine.deleteIndex(old!);
    // The move is applied, then reported as timed out: the version it serves is not deleted.
    const moved = Object.assign(Object.create(service.engine) as SearchEngine, {
      pointAlias: async (alias: string, index: string) => {
        await service.engine.pointAlias(alias, index);
        throw new Error('the engine timed out');
      },
    });
    await expect(rebuildThrough(moved)).rejects.toThrow('timed out');
    const [serving] = await service.engine.aliasTargets(service.alias);
    expect(serving).not.toBe(report.index);
    expect(await service.engine.count(service.alias)).toBe(5);
  });
});
