/** A search too many for the lane it belongs to: its queue is full, or it waited too long. */
export class OverloadedError extends Error {
  constructor(readonly lane: string) {
    super(`too many ${lane} searches at once; retry shortly`);
    this.name = 'OverloadedError';
  }
}

export interface LaneLimits {
  /** Searches of the lane running at once. */
  concurrency: number;
  /** Searches waiting for a place; more are refused at once. */
  queue: number;
  /** How long one may wait before it is refused. */
  maxWaitMs: number;
}

/**
 * Admission to the engine by lanes, each with its own places and its own bounded queue: a burst in
 * one lane (expensive searches) waits or is refused in that lane, and never takes the places of
 * another (cheap searches), which keeps answering.
 */
export class Admission<Lane extends string> {
  private readonly lanes: Map<Lane, { limits: LaneLimits; running: number; waiting: (() => void)[] }>;

  constructor(limits: Record<Lane, LaneLimits>) {
    this.lanes = new Map(Object.entries<LaneLimits>(limits).map(([lane, l]) => [lane as Lane, { limits: l, running: 0, waiting: [] }]));
  }

  /** Runs `work` once the lane has a place; throws OverloadedError when its queue is full or the wait too long. */
  async run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
    const state = this.lanes.get(lane)!;
    if (state.running >= state.limits.concurrency) {
      if (state.waiting.length >= state.limits.queue) throw new OverloadedError(lane);
      await new Promise<void>((resolve, reject) => {
        const admit = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          state.waiting.splice(state.waiting.indexOf(admit), 1);
          reject(new OverloadedError(lane));
        }, state.limits.maxWaitMs);
        state.waiting.push(admit);
      });
    }
    state.running++;
    try {
      return await work();
    } finally {
      state.running--;
      state.waiting.shift()?.();
    }
  }

  /** Running and waiting, per lane. */
  load(): Record<Lane, { running: number; waiting: number }> {
    return Object.fromEntries([...this.lanes].map(([lane, s]) => [lane, { running: s.running, waiting: s.waiting.length }])) as Record<
      Lane,
      { running: number; waiting: number }
    >;
  }
}
