import { isEngineError } from './engine-error.js';

export interface EngineAvailability {
  reachable: boolean;
  /** Why calls are refused now, if they are. */
  reason: string | null;
  /** When reachability last changed. */
  since: string;
  /** Probes sent since the engine was last found unreachable. */
  probes: number;
}

export interface EngineWatchOptions {
  /** One cheap request to the engine, bypassing any guard; resolves when it answers. */
  probe: () => Promise<unknown>;
  /** Waits between probes while the engine is down, the last one repeated. */
  probeDelaysMs?: number[];
  /** How long a probe may take before the engine counts as not answering (a hung node answers nothing). */
  probeTimeoutMs?: number;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

/**
 * Whether the engine can be reached, learnt from the requests themselves: a connection that fails
 * marks it down, and from then on it is probed (1 s, 2 s, … 10 s apart) until it answers, while
 * callers are refused at once instead of each waiting on a dead connection. A request that timed out
 * is followed by one short probe: a heavy search may time out alone, a hung node does not answer the
 * probe either, and is marked down as a dead one is. A process supervisor can also hold it down (the
 * node is restarting) and release it.
 */
export class EngineWatch {
  private down: string | null = null;
  private heldBy: string | null = null;
  private since = new Date().toISOString();
  private probes = 0;
  private probing: Promise<void> | undefined;
  private checkingAfterTimeout = false;
  private stopped = false;
  private readonly delays: number[];

  private readonly probeTimeoutMs: number;

  constructor(private readonly options: EngineWatchOptions) {
    this.delays = options.probeDelaysMs ?? [1_000, 2_000, 5_000, 10_000];
    this.probeTimeoutMs = options.probeTimeoutMs ?? 2_000;
  }

  /** The reason calls are refused now, or undefined when they may go. */
  refuseBecause = (): string | undefined => this.heldBy ?? this.down ?? undefined;

  /** Told of every engine error: a connection that failed marks the engine down. */
  noteError = (error: unknown): void => {
    if (this.down || this.heldBy) return;
    if (isEngineError(error, 'timeout')) void this.checkAfterTimeout();
    if (!isEngineError(error, 'unavailable') || error.statusCode !== undefined) return;
    this.markDown('the search engine cannot be reached; retrying');
  };

  /** The node is known not to run (a supervisor restarts it): refuse calls until `release`. */
  hold(reason: string): void {
    this.heldBy = reason;
    this.since = new Date().toISOString();
  }

  /** The node runs again: probe it now, and let calls through once it answers. */
  release(): void {
    this.heldBy = null;
    this.markDown('the search engine is starting again');
  }

  availability(): EngineAvailability {
    const reason = this.refuseBecause() ?? null;
    return { reachable: reason === null, reason, since: this.since, probes: this.probes };
  }

  stop(): void {
    this.stopped = true;
  }

  private async checkAfterTimeout(): Promise<void> {
    if (this.checkingAfterTimeout) return;
    this.checkingAfterTimeout = true;
    try {
      if (!(await this.probeAnswers()) && !this.down && !this.heldBy) this.markDown('the search engine does not answer in time; retrying');
    } finally {
      this.checkingAfterTimeout = false;
    }
  }

  /** One probe, given `probeTimeoutMs` to answer. */
  private async probeAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), this.probeTimeoutMs).unref()));
    try {
      return await Promise.race([this.options.probe().then(() => true), late]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private markDown(reason: string): void {
    this.down = reason;
    this.since = new Date().toISOString();
    this.probes = 0;
    this.options.log?.('search engine unreachable; probing it until it answers', { reason });
    this.probing ??= this.probeUntilUp().finally(() => (this.probing = undefined));
  }

  private async probeUntilUp(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      if (!this.heldBy) {
        this.probes++;
        if (await this.probeAnswers()) {
          this.down = null;
          this.since = new Date().toISOString();
          this.options.log?.('search engine reachable again', { probes: this.probes });
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.delays[Math.min(attempt, this.delays.length - 1)]).unref());
    }
  }
}
