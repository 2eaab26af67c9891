import { describe, expect, it } from 'vitest';
import { Admission, OverloadedError } from './admission.js';
import { RateLimiter } from './rate-limit.js';

describe('Admission', () => {
  it('keeps answering the cheap lane while the expensive one is full, queued and refusing', async () => {
    const admission = new Admission({ cheap: { concurrency: 2, queue: 2, maxWaitMs: 1_000 }, expensive: { concurrency: 1, queue: 1, maxWaitMs: 1_000 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = admission.run('expensive', () => held);
    const queued = admission.run('expensive', async () => 'queued ran');
    await expect(admission.run('expensive', async () => 'never')).rejects.toBeInstanceOf(OverloadedError);
    expect(admission.load()).toEqual({ cheap: { running: 0, waiting: 0 }, expensive: { running: 1, waiting: 1 } });
    expect(await admission.run('cheap', async () => 'cheap answered')).toBe('cheap answered');
    release();
    await first;
    expect(await queued).toBe('queued ran');
    expect(admission.load().expensive).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a search that waited too long, and gives its place to the next', async () => {
    const admission = new Admission({ only: { concurrency: 1, queue: 5, maxWaitMs: 20 } });
    let release = () => {};
    const first = admission.run('only', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(admission.run('only', async () => {})).rejects.toThrow(/too many only searches/);
    expect(admission.load().only.waiting).toBe(0);
    release();
    await first;
    expect(await admission.run('only', async () => 1)).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('lets a burst through, then one request per interval, per client', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('says how long to wait at a slow rate', () => {
    let now = 0;
    const limiter = new RateLimiter(6, 1, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 10_000;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('tells whether a client has a token without taking it', () => {
    let now = 0;
    const limiter = new RateLimiter(6, 1, () => now);
    expect([limiter.peek('a'), limiter.peek('a')]).toEqual([{ allowed: true }, { allowed: true }]);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.peek('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 10_000;
    expect(limiter.peek('a')).toEqual({ allowed: true });
  });
});
