import { describe, expect, it } from 'vitest';
import { EngineError } from './engine-error.js';
import { EngineWatch } from './engine-watch.js';
import { guardEngine } from './guard-engine.js';
import type { SearchEngine } from './search-engine.js';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('EngineWatch behind guardEngine', () => {
  it('refuses calls at once after a connection failed, probes until the engine answers, then lets them through', async () => {
    let up = true;
    let calls = 0;
    const engine = {
      kind: 'opensearch',
      count: async () => {
        calls++;
        if (!up) throw new EngineError('unavailable', 'connection refused');
        return 7;
      },
    } as unknown as SearchEngine;
    const watch = new EngineWatch({ probe: () => (up ? Promise.resolve() : Promise.reject(new Error('down'))), probeDelaysMs: [10] });
    const errors: string[] = [];
    const guarded = guardEngine(engine, {
      refuseBecause: watch.refuseBecause,
      onError: (error, method) => {
        watch.noteError(error);
        errors.push(`${method}:${error.kind}`);
      },
    });
    expect(guarded.kind).toBe('opensearch');
    expect(await guarded.count('a')).toBe(7);

    up = false;
    await expect(guarded.count('a')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(watch.availability()).toMatchObject({ reachable: false, reason: expect.stringContaining('cannot be reached') });
    const before = calls;
    await expect(guarded.count('a')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(calls).toBe(before); // refused without reaching the engine

    up = true;
    await until(() => watch.availability().reachable);
    expect(await guarded.count('a')).toBe(7);
    expect(errors).toEqual(['count:unavailable', 'count:unavailable']);
    watch.stop();
  });

  it('marks a hung node down when a request timed out and a short probe gets no answer either, and not a node that answers', async () => {
    let hung = false;
    const watch = new EngineWatch({
      probe: () => (hung ? new Promise(() => {}) : Promise.resolve()),
      probeDelaysMs: [10],
      probeTimeoutMs: 20,
    });
    // A heavy search that timed out alone: the probe answers, the engine stays reachable.
    watch.noteError(new EngineError('timeout', 'request timed out'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(watch.availability().reachable).toBe(true);

    hung = true;
    watch.noteError(new EngineError('timeout', 'request timed out'));
    await until(() => !watch.availability().reachable);
    expect(watch.refuseBecause()).toContain('does not answer in time');

    hung = false;
    await until(() => watch.availability().reachable);
    watch.stop();
  });

  it('is held down while a supervisor restarts the node, and probes once released', async () => {
    const watch = new EngineWatch({ probe: async () => {}, probeDelaysMs: [10] });
    watch.hold('the embedded engine is restarting');
    expect(watch.refuseBecause()).toBe('the embedded engine is restarting');
    watch.release();
    await until(() => watch.availability().reachable);
    watch.stop();
  });

  it('does not take an answer the engine refused for an engine that is down', () => {
    const watch = new EngineWatch({ probe: async () => {} });
    watch.noteError(new EngineError('unavailable', 'cluster block', 'cluster_block_exception', 503));
    watch.noteError(new EngineError('timeout', 'slow'));
    expect(watch.availability().reachable).toBe(true);
  });
});
