import type { SearchEngine } from '../engine/search-engine.js';
import { A_STORY_COPY, type StoredArticle } from '../index/stored-article.js';
import type { PreparedArticle } from './prepare-article.js';

/** How many of the originals written last are kept in memory: ten batches of 500, several seconds of ingest. */
const RECENT_ORIGINALS = 5_000;

/** A batch's say on its articles' stories, until it is written. */
export interface StoryClaim {
  /** The id of the original each copy copies, by the copy's id (originals are not in it). */
  originals: Promise<ReadonlyMap<string, string>>;
  /**
   * The batch's write ended: the originals it stored (none when it failed). Later batches holding
   * the same stories wait for this. Once is enough; more calls change nothing.
   */
  settle(stored: readonly Pick<StoredArticle, 'id' | 'story_key' | 'duplicate_of'>[]): void;
}

/**
 * Which articles of an ingest copy a story already told under another id (same outlet, title and
 * publication time: `storyKey`). The original is, in this order: the article the index stores as
 * the story's original (even when this run reads its copy first), one an earlier batch of this run
 * stored (the index shows it to a search only after its next refresh; a batch still being written
 * is waited for), or the first of the batch. A story whose original is not known to be stored is
 * listed twice rather than not at all.
 */
export class StoryCopies {
  /**
   * Originals this run has written lately, by story key: a search sees a write after the index's next
   * refresh (a second), so the last few thousand are enough, and a corpus of millions costs no memory.
   */
  private readonly writtenOriginals = new Map<string, string>();
  /** The stories of batches not yet written, by key: the original each will have stored, once it has. */
  private readonly pending = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly alias: string,
  ) {}

  /**
   * Claims the articles' stories at once and decides each one's original; the caller settles the
   * claim once the batch's write has ended, whatever its outcome.
   */
  claim(articles: readonly PreparedArticle[]): StoryClaim {
    const keys = [...new Set(articles.flatMap((article) => article.storyKey ?? []))];
    // Claimed before any wait: a batch that starts later waits for this one's write (two batches in
    // flight at once each kept their copy as an original: 8 ANT stories were listed twice).
    const earlier = keys.flatMap((key) => {
      const claim = this.pending.get(key);
      return claim ? [[key, claim] as const] : [];
    });
    const resolvers = new Map<string, (original: string | undefined) => void>();
    for (const key of keys) if (!this.pending.has(key)) this.pending.set(key, new Promise((resolve) => resolvers.set(key, resolve)));
    const decided = new Map<string, string>();
    const settle = (stored: readonly Pick<StoredArticle, 'id' | 'story_key' | 'duplicate_of'>[]) => {
      this.remember(stored);
      for (const [key, resolve] of resolvers) {
        resolve(decided.get(key) ?? this.writtenOriginals.get(key));
        this.pending.delete(key);
      }
      resolvers.clear();
    };
    const decide = async () => {
      const [stored, ofEarlier] = await Promise.all([
        keys.length > 0 ? this.storedOriginals(keys) : new Map<string, string>(),
        Promise.all(earlier.map(async ([key, claim]) => [key, await claim] as const)),
      ]);
      for (const [key, original] of [...ofEarlier, ...stored]) if (original !== undefined) decided.set(key, original);
      const firstInBatch = new Map<string, string>();
      const originals = new Map<string, string>();
      for (const article of articles) {
        const key = article.storyKey;
        if (key === undefined) continue;
        const original = decided.get(key) ?? this.writtenOriginals.get(key) ?? firstInBatch.get(key);
        if (original === undefined) firstInBatch.set(key, article.id);
        else if (original !== article.id) originals.set(article.id, original);
      }
      return originals;
    };
    const originals = decide();
    // Awaited after the batch's tagging: a failed lookup must not end the process as unhandled meanwhile.
    originals.catch(() => undefined);
    return { originals, settle };
  }

  /** Remembers the originals a batch wrote. */
  private remember(articles: readonly Pick<StoredArticle, 'id' | 'story_key' | 'duplicate_of'>[]): void {
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
