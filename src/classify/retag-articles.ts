import { isDeepStrictEqual } from 'node:util';
import { throwIfCancelled } from '../concurrency/cancellation.js';
import { forEachLimited } from '../concurrency/for-each-limited.js';
import type { SearchEngine } from '../engine/search-engine.js';
import type { ArticleTagger } from './article-tagger.js';
import { storedTagsOf, type FacetField, type StoredArticle } from '../index/stored-article.js';
import type { ArticleTags } from './classify-article.js';

export interface RetagReport {
  read: number;
  changed: number;
  failures: { id: string; reason: string }[];
}

type StoredText = Pick<StoredArticle, 'id' | 'title' | 'body' | 'region_salience' | FacetField>;

const PAGE = 200;

/**
 * Re-tags every article the alias serves from its stored text, in place (partial updates), so a
 * taxonomy change needs neither the sources nor a new index; readers keep searching throughout.
 * Cancelled, it stops between pages with an OperationCancelledError carrying the report so far.
 */
export async function retagArticles(
  engine: SearchEngine,
  alias: string,
  tagger: ArticleTagger,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<RetagReport> {
  const total = await engine.count(alias);
  const report: RetagReport = { read: 0, changed: 0, failures: [] };
  let after: unknown[] | undefined;
  for (;;) {
    // Stopped between pages: what was re-tagged stays, the report says how far it went.
    throwIfCancelled(options.signal, report);
    const page = await engine.search<StoredText>(alias, {
      size: PAGE,
      sort: [{ id: 'asc' }],
      ...(after ? { search_after: after } : {}),
      _source: ['id', 'title', 'body', 'topics', 'regions', 'regions_mentioned', 'region_salience', 'people', 'organizations'],
      query: { match_all: {} },
    });
    if (page.hits.length === 0) break;
    const updates: { id: string; source: Record<string, unknown> }[] = [];
    const chunks: (typeof page.hits)[] = [];
    for (let i = 0; i < page.hits.length; i += 25) chunks.push(page.hits.slice(i, i + 25));
    await forEachLimited(chunks, 2, async (chunk) => {
      const tagged = await tagger.tagMany(chunk.map((hit) => ({ title: hit.source.title ?? '', body: hit.source.body ?? '' })));
      chunk.forEach((hit, i) => {
        const tags = tagged[i]!;
        const stored = storedTagsOf(hit.source);
        // Compared as values: the engine may hand back a stored object's keys in another order.
        const changed = (Object.keys(tags) as (keyof ArticleTags)[]).some((key) => !isDeepStrictEqual(stored[key], tags[key]));
        if (changed) updates.push({ id: hit.id, source: { ...tags } });
      });
    });
    const result = await engine.updateDocuments(alias, updates);
    report.read += page.hits.length;
    report.changed += updates.length - result.failures.length;
    report.failures.push(...result.failures.map((f) => ({ id: f.id, reason: f.reason })));
    // Articles ingested meanwhile are read too: the total counted at the start rises with them, never under 100 %.
    options.onProgress?.(report.read, Math.max(total, report.read));
    after = [page.hits[page.hits.length - 1]!.source.id];
  }
  await engine.refresh(alias);
  if (report.changed > 0) await engine.flush(alias);
  return report;
}
