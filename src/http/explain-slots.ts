import { ApiError } from './api-error.js';

/** Explaining a hit costs the engine far more than scoring it: few hits a page, few such requests at once. */
export const EXPLAIN_MAX_HITS = 10;
export const EXPLAIN_MAX_IN_FLIGHT = 2;

/**
 * The explained searches running at once, shared by every route that asks the engine to explain:
 * past the limit a request is answered 429 at once rather than queued.
 */
export class ExplainSlots {
  private inFlight = 0;

  constructor(readonly max = EXPLAIN_MAX_IN_FLIGHT) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.max) {
      throw new ApiError(429, 'too_many_requests', `explain: at most ${this.max} explained searches at once; retry shortly`, 'explain');
    }
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
    }
  }
}
