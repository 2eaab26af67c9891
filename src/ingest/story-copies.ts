import type { SearchEngine } from '../engine/search-engine.js';
import { A_STORY_COPY, type StoredArticle } from '../index/stored-article.js';
import type { PreparedArticle } from './prepare-article.js';

/** How many of the originals written last are kept in memory: ten batches of 500, several seconds of ingest. */
const RECENT_ORIGINALS = 5_000;

/**
 * Which articles of an ingest copy a story already told under another id (same outlet, title and
 * publication time: `storyKey`). The original is, in this order: the article the index stores as
 * the story's original (even when this run reads its copy first), one this run has written since
 * (the index shows it to a search only after its next refresh), or the first of the batch. A story
 * whose original is not known to be stored is listed twice rather than not at all.
 */
export class StoryCopies {
  /**
   * Originals this run has written lately, by story key: a search sees a write after the index's next
   * refresh (a second), so the last few thousand are enough, and a corpus of millions costs no memory.
   */
  private readonly writtenOriginals = new Map<string, string>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly alias: string,
  ) {}

  /** For each article, in order, the id of the original it copies, or undefined for an original. */
  async originalsOf(articles: readonly PreparedArticle[]): Promise<(string | undefined)[]> {
    const keys = [...new Set(articles.flatMap((article) => article.storyKey ?? []))];
    const stored = keys.length > 0 ? await this.storedOriginals(keys) : new Map<string, string>();
    const firstInBatch = new Map<string, string>();
    return articles.map((article) => {
      const key = article.storyKey;
      if (key === undefined) return undefined;
      const original = stored.get(key) ?? this.writtenOriginals.get(key) ?? firstInBatch.get(key);
      if (original === undefined) firstInBatch.set(key, article.id);
      return original === article.id ? undefined : original;
    });
  }

  /** Remembers the originals a batch wrote. */
  written(articles: readonly Pick<StoredArticle, 'id' | 'story_key' | 'duplicate_of'>[]): void {
    for (const article of articles) {
      if (article.story_key && !article.duplicate_of && !this.writtenOriginals.has(article.story_key)) this.writtenOriginals.set(article.story_key, article.id);
    }
    for (const key of this.writtenOriginals.keys()) {
      if (this.writtenOriginals.size <= RECENT_ORIGINALS) break;
      this.writtenOriginals.delete(key);
    }
  }

  /** The stored original of each key (the lowest id when several claim one), in one search. */
  private async storedOriginals(keys: string[]): Promise<Map<string, string>> {
    const found = await this.engine.search<Pick<StoredArticle, 'story_key'>>(this.alias, {
      size: keys.length,
      query: { bool: { filter: [{ terms: { story_key: keys } }], must_not: [A_STORY_COPY] } },
      collapse: { field: 'story_key' },
      sort: [{ id: 'asc' }],
      _source: ['story_key'],
    });
    return new Map(found.hits.flatMap((hit) => (hit.source.story_key ? [[hit.source.story_key, hit.id] as const] : [])));
  }
}
