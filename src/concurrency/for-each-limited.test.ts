import { describe, expect, it } from 'vitest';
import { forEachLimited } from './for-each-limited.js';

describe('forEachLimited', () => {
  it('works on every item, never more than the limit at once, starting them in order', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      started.push(item);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing on no items and rejects with a failure', async () => {
    await forEachLimited([], 2, async () => expect.unreachable());
    await expect(
      forEachLimited([1, 2], 2, async (item) => {
        if (item === 2) throw new Error('two');
      }),
    ).rejects.toThrow('two');
  });
});
