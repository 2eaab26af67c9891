/**
 * Runs `work` on every item, at most `limit` at a time, starting them in the items' order; resolves
 * when all are done, and rejects with the first failure.
 */
export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}
