import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Requests per client, as a token bucket: `perMinute` tokens flow in evenly, up to `burst` are
 * kept, and a request takes one. A client that finds its bucket empty is told when the next token
 * comes. Buckets that have filled up again are dropped, so idle clients cost no memory.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes a token for `client`: allowed, or refused with the seconds until one is there. */
  take(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = { tokens: this.tokensOf(client, now), at: now };
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.dropFull(now);
    const verdict = this.verdict(bucket.tokens);
    if (verdict.allowed) bucket.tokens -= 1;
    return verdict;
  }

  /** Whether `client` has a token now, taking none. */
  peek(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    return this.verdict(this.tokensOf(client, this.now()));
  }

  private verdict(tokens: number): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    if (tokens >= 1) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  private tokensOf(client: string, now: number): number {
    const bucket = this.buckets.get(client);
    return bucket ? Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs) : this.burst;
  }

  /** Clients tracked now (for tests and metrics). */
  get clients(): number {
    return this.buckets.size;
  }

  private dropFull(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(client);
    }
  }
}

/** The client a request comes from: the connection's address, or behind a trusted proxy the last address it appended to X-Forwarded-For. */
export function clientOf(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests: no socket
  }
}
