import { describe, expect, it } from 'vitest';
import type { EngineProcess, NodeExit } from './engine-process.js';
import { superviseEngine, type SupervisedStatus } from './engine-supervisor.js';

/** A stand-in for an engine process: it ends when the test says so. */
function fakeProcess(pid: number): EngineProcess & { end(exit: NodeExit): void; stopped: boolean } {
  let end: (exit: NodeExit) => void = () => {};
  const exited = new Promise<NodeExit>((resolve) => (end = resolve));
  const process = {
    pid,
    exited,
    stopped: false,
    end: (exit: NodeExit) => end(exit),
    stop: async () => {
      process.stopped = true;
      end({ code: 143, signal: null });
    },
  };
  return process;
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('superviseEngine', () => {
  it('starts the engine again when it ends unasked, after a wait that grows with each failed start', async () => {
    const first = fakeProcess(1);
    const second = fakeProcess(2);
    const attempts: number[] = [];
    const states: SupervisedStatus['state'][] = [];
    const supervisor = superviseEngine(
      first,
      async () => {
        attempts.push(Date.now());
        if (attempts.length < 3) throw new Error('port still held');
        return second;
      },
      { backoffMs: [10, 40], onChange: (status) => states.push(status.state) },
    );
    expect(supervisor.status()).toMatchObject({ state: 'running', pid: 1, restarts: 0 });

    first.end({ code: null, signal: 'SIGKILL' });
    await until(() => supervisor.status().state === 'restarting');
    expect(supervisor.status()).toMatchObject({ pid: null, lastExit: { signal: 'SIGKILL' } });
    await until(() => supervisor.status().state === 'running');
    expect(supervisor.status()).toMatchObject({ pid: 2, restarts: 1 });
    expect(attempts).toHaveLength(3);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(35);
    expect(states).toEqual(['restarting', 'running']);

    await supervisor.stop();
    expect(second.stopped).toBe(true);
    expect(supervisor.status().state).toBe('stopped');
  });

  it('stopped while a restart waits for its node, ends that process at once instead of waiting for it to serve', async () => {
    const first = fakeProcess(1);
    let failStart: (error: Error) => void = () => {};
    const aborted: number[] = [];
    const supervisor = superviseEngine(
      first,
      (spawned) =>
        new Promise<EngineProcess>((_resolve, reject) => {
          spawned(7);
          failStart = reject;
        }),
      {
        backoffMs: [1],
        abortStart: (pid) => {
          aborted.push(pid);
          failStart(new Error('the node ended before it served'));
        },
      },
    );
    first.end({ code: null, signal: 'SIGKILL' });
    await until(() => supervisor.status().pid === 7);
    const stopping = Date.now();
    await supervisor.stop();
    expect(Date.now() - stopping).toBeLessThan(1_000);
    expect(aborted).toEqual([7]);
    expect(supervisor.status().state).toBe('stopped');
  });

  it('names the process it is starting as soon as it exists, and none again when that start fails', async () => {
    const first = fakeProcess(1);
    const third = fakeProcess(3);
    let release: () => void = () => {};
    let starts = 0;
    const supervisor = superviseEngine(
      first,
      async (spawned) => {
        starts++;
        spawned(starts + 1);
        if (starts === 1) throw new Error('did not answer in time');
        await new Promise<void>((resolve) => (release = resolve));
        return third;
      },
      { backoffMs: [10] },
    );
    first.end({ code: null, signal: 'SIGKILL' });
    await until(() => starts === 2 && supervisor.status().pid === 3);
    expect(supervisor.status().state).toBe('restarting');
    release();
    await until(() => supervisor.status().state === 'running');
    expect(supervisor.status()).toMatchObject({ pid: 3, restarts: 1 });
    await supervisor.stop();
  });

  it('does not restart an engine its owner stopped, even during a wait', async () => {
    const first = fakeProcess(1);
    let starts = 0;
    const supervisor = superviseEngine(
      first,
      async () => {
        starts++;
        return fakeProcess(2);
      },
      { backoffMs: [60_000] },
    );
    first.end({ code: 1, signal: null });
    await until(() => supervisor.status().state === 'restarting');
    await supervisor.stop();
    expect(starts).toBe(0);
    expect(supervisor.status().state).toBe('stopped');
  });
});
