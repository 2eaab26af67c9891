import type { EngineProcess, NodeExit } from './engine-process.js';

/** Where a supervised engine stands: serving, being started again after it ended, or stopped by its owner. */
export type SupervisedState = 'running' | 'restarting' | 'stopped';

export interface SupervisedStatus {
  state: SupervisedState;
  /** The engine process now running, or starting again (`restarting`), if any. */
  pid: number | null;
  /** Restarts since the supervisor began. */
  restarts: number;
  /** How the last process ended, and when. */
  lastExit: (NodeExit & { at: string }) | null;
  /** When the state last changed. */
  since: string;
}

export interface SupervisorOptions {
  /** Waits before each start attempt after an exit, the last one repeated; reset once a node has run `stableMs`. */
  backoffMs?: number[];
  stableMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
  /** Told every change of state (a new process started, one ended). */
  onChange?: (status: SupervisedStatus, process: EngineProcess | undefined) => void;
  /** Ends a process still starting when the supervisor is stopped (SIGTERM); its start then fails. */
  abortStart?: (pid: number) => void;
}

export interface EngineSupervisor {
  status(): SupervisedStatus;
  /** Stops watching, then stops the engine now running: no restart follows. */
  stop(): Promise<void>;
}

const DEFAULT_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * Keeps an engine process running: when it ends without being asked to (killed, out of memory,
 * crashed), `start` is called again after a wait that grows with each failed attempt, until a node
 * is up; `start` must bring it back where it was (same data folder and port), so its URL stays valid,
 * and says the new process's id through `spawned` as soon as it exists.
 */
export function superviseEngine(
  first: EngineProcess,
  start: (spawned: (pid: number) => void) => Promise<EngineProcess>,
  options: SupervisorOptions = {},
): EngineSupervisor {
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const stableMs = options.stableMs ?? 60_000;
  const log = options.log ?? (() => {});
  let current: EngineProcess | undefined = first;
  let status: SupervisedStatus = { state: 'running', pid: first.pid, restarts: 0, lastExit: null, since: new Date().toISOString() };
  let stopping = false;
  let wake: (() => void) | undefined;
  /** The process a restart has spawned and is waiting on: a stop ends it rather than wait for it to serve (a node takes 90 s). */
  let spawning: number | undefined;
  const abortStart =
    options.abortStart ??
    ((pid: number) => {
      // The node is spawned in a group of its own (its launcher and the JVM): the group goes.
      for (const target of [-pid, pid])
        try {
          process.kill(target, 'SIGTERM');
          return;
        } catch {
          // Not a group, or already gone.
        }
    });
  const change = (update: Partial<SupervisedStatus>) => {
    status = { ...status, ...update, since: new Date().toISOString() };
    options.onChange?.(status, current);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const watch = async (node: EngineProcess) => {
    let attempt = 0;
    for (;;) {
      const startedAt = Date.now();
      const exit = await node.exited;
      if (stopping) return;
      current = undefined;
      if (Date.now() - startedAt >= stableMs) attempt = 0;
      change({ state: 'restarting', pid: null, lastExit: { ...exit, at: new Date().toISOString() } });
      log('the embedded engine ended unasked; restarting it', { code: exit.code, signal: exit.signal });
      for (;;) {
        await sleep(backoff[Math.min(attempt, backoff.length - 1)]!);
        attempt++;
        if (stopping) return;
        try {
          node = await start((pid) => {
            spawning = pid;
            if (!stopping) change({ pid });
          });
        } catch (error) {
          spawning = undefined;
          if (stopping) return;
          if (status.pid !== null) change({ pid: null });
          log('the embedded engine did not start again; retrying', { attempt, error: (error as Error).message.split('\n')[0] });
          continue;
        }
        spawning = undefined;
        if (stopping) {
          await node.stop();
          return;
        }
        current = node;
        change({ state: 'running', pid: node.pid, restarts: status.restarts + 1 });
        log('the embedded engine is serving again', { pid: node.pid, restarts: status.restarts });
        break;
      }
    }
  };
  const watching = watch(first);

  return {
    status: () => status,
    stop: async () => {
      stopping = true;
      wake?.();
      if (spawning !== undefined) abortStart(spawning);
      const running = current;
      current = undefined;
      change({ state: 'stopped', pid: null });
      await running?.stop();
      await watching;
    },
  };
}
