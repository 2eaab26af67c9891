import { describe, expect, it } from 'vitest';
import { throwIfCancelled } from '../concurrency/cancellation.js';
import { TaskConflictError, TaskRegistry } from './task-registry.js';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TaskRegistry', () => {
  it('runs a task in the background, with its progress while it runs and its result after', async () => {
    const tasks = new TaskRegistry();
    let finish = () => {};
    const task = tasks.start('tags-rebuild', 'articles', async ({ progress }) => {
      progress({ done: 1, total: 2 });
      await new Promise<void>((resolve) => (finish = resolve));
      return { changed: 2 };
    });
    expect(task).toMatchObject({ kind: 'tags-rebuild', alias: 'articles', state: 'running', finishedAt: null });
    await tick();
    expect(tasks.get(task.id)).toMatchObject({ state: 'running', progress: { done: 1, total: 2 } });
    finish();
    expect(await tasks.settled(task.id)).toMatchObject({ state: 'succeeded', result: { changed: 2 }, finishedAt: expect.any(String) });
    expect(tasks.list().map((t) => t.id)).toEqual([task.id]);
  });

  it('refuses a conflicting task on the same alias, naming the one running; an ingest may run beside a reload', async () => {
    const tasks = new TaskRegistry();
    let finish = () => {};
    const reload = tasks.start('analysis-reload', 'articles', () => new Promise<void>((resolve) => (finish = resolve)));
    expect(() => tasks.start('tags-rebuild', 'articles', async () => {})).toThrow(TaskConflictError);
    expect(() => tasks.start('analysis-reload', 'articles', async () => {})).toThrow(
      expect.objectContaining({ running: expect.objectContaining({ id: reload.id }) }),
    );
    const other = tasks.start('analysis-reload', 'other-alias', async () => {});
    const ingest = tasks.start('ingest', 'articles', async () => {});
    expect(() => tasks.start('rebuild', 'articles', async () => {})).toThrow(TaskConflictError);
    await tick();
    finish();
    await Promise.all([reload, other, ingest].map((t) => tasks.settled(t.id)));
    expect(tasks.start('rebuild', 'articles', async () => {}).state).toBe('running');
  });

  it('cancels through the signal: the task ends cancelled with the part done; a failure keeps its error', async () => {
    const tasks = new TaskRegistry();
    const task = tasks.start('ingest', 'articles', async ({ signal }) => {
      for (let page = 1; ; page++) {
        throwIfCancelled(signal, { pages: page - 1 });
        await tick(2);
      }
    });
    await tick(10);
    expect(tasks.cancel(task.id)?.state).toBe('running');
    expect(await tasks.settled(task.id)).toMatchObject({ state: 'cancelled', result: { pages: expect.any(Number) } });

    const failing = tasks.start('ingest', 'articles', async () => Promise.reject(new Error('engine gone')));
    const failed = await tasks.settled(failing.id);
    expect(failed).toMatchObject({ state: 'failed', result: null });
    expect((failed!.error as Error).message).toBe('engine gone');
    expect(tasks.get('no-such-task')).toBeUndefined();
  });

  it('cancels every running task at shutdown and waits for them to stop', async () => {
    const tasks = new TaskRegistry();
    const task = tasks.start('ingest', 'articles', async ({ signal }) => {
      while (!signal.aborted) await tick(2);
      throwIfCancelled(signal);
    });
    await tasks.cancelAll('shutting down');
    expect(tasks.get(task.id)).toMatchObject({ state: 'cancelled' });
  });
});
