import { randomUUID } from 'node:crypto';
import { isCancellation } from '../concurrency/cancellation.js';

/** The long operations that run as tasks. */
export type TaskKind = 'analysis-reload' | 'tags-rebuild' | 'ingest' | 'rebuild';
export type TaskState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/**
 * Which kinds may not run together on one alias. Index-wide work (a reload, a re-tag, a rebuild)
 * runs one at a time; an ingest may run beside a reload (its writes reach the new version) or a
 * re-tag (it tags with the new taxonomy), but not beside a rebuild, which replaces what it writes to.
 */
const CONFLICTS: Record<TaskKind, TaskKind[]> = {
  'analysis-reload': ['analysis-reload', 'tags-rebuild', 'rebuild'],
  'tags-rebuild': ['analysis-reload', 'tags-rebuild', 'rebuild'],
  rebuild: ['analysis-reload', 'tags-rebuild', 'rebuild', 'ingest'],
  ingest: ['ingest', 'rebuild'],
};

/** What a task is and where it stands; `result` is its outcome, or the part done before it failed or was cancelled. */
export interface Task {
  id: string;
  kind: TaskKind;
  alias: string;
  state: TaskState;
  progress: Record<string, unknown> | null;
  result: unknown;
  /** Why it failed: the error itself, for the caller to describe. */
  error: unknown;
  createdAt: string;
  finishedAt: string | null;
}

export interface TaskContext {
  signal: AbortSignal;
  progress(progress: Record<string, unknown>): void;
}

/** Another task holds the alias: `running` says which. */
export class TaskConflictError extends Error {
  constructor(readonly running: Task) {
    super(`a ${running.kind} task (${running.id}) is running on ${running.alias}; wait for it to finish or cancel it`);
    this.name = 'TaskConflictError';
  }
}

const KEEP_FINISHED = 100;

/**
 * The tasks of this process: each runs in the background from `start`, is read by id while it runs
 * and after it ends (the last 100 finished are kept, in memory only), and can be cancelled through
 * the signal it was given. Conflicting kinds on one alias are refused with a TaskConflictError.
 */
export class TaskRegistry {
  private readonly tasks = new Map<string, { task: Task; controller: AbortController; done: Promise<void> }>();
  private readonly listeners: ((task: Task) => void)[] = [];

  /** Calls `listener` with every task that starts (state `running`) and again when it ends. */
  watch(listener: (task: Task) => void): void {
    this.listeners.push(listener);
  }

  /** The running task `kind` would conflict with on `alias`, if any: to refuse before receiving a large body. */
  conflictFor(kind: TaskKind, alias: string): Task | undefined {
    const running = [...this.tasks.values()].find((t) => t.task.state === 'running' && t.task.alias === alias && CONFLICTS[kind].includes(t.task.kind));
    return running && { ...running.task };
  }

  /**
   * The index-wide task running on `alias` that an article's deletion would undo or break: a reload
   * copies the served version (the copy would keep the article), a re-tag updates every article, a
   * rebuild replaces them all.
   */
  indexWideTaskOn(alias: string): Task | undefined {
    return this.conflictFor('analysis-reload', alias);
  }

  /** Starts `run` in the background; `partialOf` reads the work done out of an error it throws. */
  start<T>(kind: TaskKind, alias: string, run: (context: TaskContext) => Promise<T>, partialOf: (error: unknown) => unknown = () => undefined): Task {
    const running = this.conflictFor(kind, alias);
    if (running) throw new TaskConflictError(running);
    const controller = new AbortController();
    const task: Task = {
      id: randomUUID(),
      kind,
      alias,
      state: 'running',
      progress: null,
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    const finish = (state: TaskState, fields: Partial<Task>) => Object.assign(task, { state, finishedAt: new Date().toISOString(), ...fields });
    const done = (async () => {
      await Promise.resolve(); // the caller has the task before any of its work runs
      try {
        const result = await run({ signal: controller.signal, progress: (progress) => (task.progress = progress) });
        finish('succeeded', { result });
      } catch (error) {
        // An error may carry the work done before it (an interrupted ingest's report).
        const partial = partialOf(error) ?? (isCancellation(error) ? error.partial : undefined) ?? null;
        const cancelled = isCancellation(error) || (controller.signal.aborted && isCancellation((error as { cause?: unknown }).cause));
        finish(cancelled ? 'cancelled' : 'failed', { result: partial, error });
      }
      this.prune();
      this.tell(task);
    })();
    this.tasks.set(task.id, { task, controller, done });
    this.tell(task);
    return { ...task };
  }

  get(id: string): Task | undefined {
    const entry = this.tasks.get(id);
    return entry && { ...entry.task };
  }

  /** Newest first. */
  list(): Task[] {
    return [...this.tasks.values()].map((entry) => ({ ...entry.task })).reverse();
  }

  /** Asks a running task to stop; it ends `cancelled` once its work has stopped (see `settled`). */
  cancel(id: string, reason = 'cancelled by request'): Task | undefined {
    const entry = this.tasks.get(id);
    if (entry?.task.state === 'running') entry.controller.abort(new Error(reason));
    return entry && { ...entry.task };
  }

  /** The task once it has ended. */
  async settled(id: string): Promise<Task | undefined> {
    await this.tasks.get(id)?.done;
    return this.get(id);
  }

  /** Cancels every running task and waits for them to stop: for shutdown. */
  async cancelAll(reason: string): Promise<void> {
    const running = [...this.tasks.values()].filter((entry) => entry.task.state === 'running');
    for (const entry of running) entry.controller.abort(new Error(reason));
    await Promise.all(running.map((entry) => entry.done));
  }

  private tell(task: Task): void {
    for (const listener of this.listeners) listener({ ...task });
  }

  private prune(): void {
    const finished = [...this.tasks.values()].filter((entry) => entry.task.state !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.tasks.delete(entry.task.id);
  }
}
