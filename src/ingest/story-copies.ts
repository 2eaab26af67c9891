import type { SearchEngine } from '../engine/search-engine.js';
import { A_STORY_COPY, type StoredArticle } from '../index/stored-article.js';
import type { PreparedArticle } from './prepare-article.js';

/** How many of the originals written last are kept in memory: ten batches of 500, several seconds of ingest. */
const RECENT_ORIGINALS = 5_000;

/**
 * Bits of a key remembered for every original a run into an empty index writes: a small number,
 * so 30,000 articles cost about a megabyte. Another key sharing them is only asked of the index.
 */
const KEY_PREFIX_HEX = 7;
const prefixOf = (key: string) => Number.parseInt(key.slice(0, KEY_PREFIX_HEX), 16);

/** What a batch's write tells of an article it stored. */
type WrittenArticle = Pick<StoredArticle, 'id' | 'story_key' | 'text_key' | 'lead_story_key' | 'duplicate_of'>;

/** The fields that key a story, and an article's keys among them. */
const KEY_FIELDS = ['story_key', 'text_key', 'lead_story_key'] as const;
const keysOf = (article: PreparedArticle) => [article.storyKey, article.textKey, article.leadStoryKey].filter((key) => key !== undefined);

/** A batch's say on its articles' stories, until it is written. */
export interface StoryClaim {
  /** The id of the original each copy copies, by the copy's id (originals are not in it). */
  originals: Promise<ReadonlyMap<string, string>>;
  /**
   * The batch's write ended: the originals it stored (none when it failed). Later batches holding
   * the same stories wait for this. Once is enough; more calls change nothing.
   */
  settle(stored: readonly WrittenArticle[]): void;
}

/**
 * Which articles of an ingest copy a story already told under another id: the same outlet, title
 * and publication time (`storyKey`), the same outlet and text (`textKey`), or the same outlet, first
 * paragraph and publication time (`leadStoryKey`). The original is, in
 * this order: the article the index stores as the story's original (even when this run reads its
 * copy first), one an earlier batch of this run stored (the index shows it to a search only after
 * its next refresh; a batch still being written is waited for), or the first of the batch. A story whose original is not known to be stored is
 * listed twice rather than not at all. Into an index that began the run empty, only keys this run
 * wrote are asked about: most batches need no lookup.
 */
export class StoryCopies {
  /**
   * Originals this run has written lately, by each of their keys: a search sees a write after the
   * index's next refresh (a second), so the last few thousand are enough, and a corpus of millions
   * costs no memory.
   */
  private readonly writtenOriginals = new Map<string, string>();
  /** The stories of batches not yet written, by key: the original each will have stored, once it has. */
  private readonly pending = new Map<string, Promise<string | undefined>>();

  /** Every original this run wrote, by key prefix: in an empty index, the only keys a lookup can find. */
  private readonly writtenThisRun = new Set<number>();

  /**
   * `startedEmpty`: whether the index held no article when the run began (a first load, a rebuild):
   * then only keys this run wrote are asked of the index.
   */
  constructor(
    private readonly engine: SearchEngine,
    private readonly alias: string,
    private readonly startedEmpty: Promise<boolean>,
    private readonly recentOriginals = RECENT_ORIGINALS,
  ) {}

  /**
   * Claims the articles' stories at once and decides each one's original; the caller settles the
   * claim once the batch's write has ended, whatever its outcome.
   */
  claim(articles: readonly PreparedArticle[]): StoryClaim {
    const keys = [...new Set(articles.flatMap(keysOf))];
    // Claimed before any wait: a batch that starts later waits for this one's write (two batches in
    // flight at once each kept their copy as an original: 8 ANT stories were listed twice).
    const earlier = keys.flatMap((key) => {
      const claim = this.pending.get(key);
      return claim ? [[key, claim] as const] : [];
    });
    const resolvers = new Map<string, (original: string | undefined) => void>();
    for (const key of keys) if (!this.pending.has(key)) this.pending.set(key, new Promise((resolve) => resolvers.set(key, resolve)));
    const decided = new Map<string, string>();
    const settle = (stored: readonly WrittenArticle[]) => {
      this.remember(stored);
      for (const [key, resolve] of resolvers) {
        resolve(decided.get(key) ?? this.writtenOriginals.get(key));
        this.pending.delete(key);
      }
      resolvers.clear();
    };
    const decide = async () => {
      const [stored, ofEarlier] = await Promise.all([
        this.storedOriginals(keys),
        Promise.all(earlier.map(async ([key, claim]) => [key, await claim] as const)),
      ]);
      for (const [key, original] of [...ofEarlier, ...stored]) if (original !== undefined) decided.set(key, original);
      const firstInBatch = new Map<string, string>();
      const originals = new Map<string, string>();
      for (const article of articles) {
        const known = keysOf(article).map((key) => decided.get(key) ?? this.writtenOriginals.get(key) ?? firstInBatch.get(key));
        // An original of its title that copies another's text is a copy: the story is listed once.
        const original = known.find((id) => id !== undefined && id !== article.id);
        if (original !== undefined) originals.set(article.id, original);
        else for (const key of keysOf(article)) if (!firstInBatch.has(key)) firstInBatch.set(key, article.id);
      }
      return originals;
    };
    const originals = decide();
    // Awaited after the batch's tagging: a failed lookup must not end the process as unhandled meanwhile.
    originals.catch(() => undefined);
    return { originals, settle };
  }

  /** Remembers the originals a batch wrote. */
  private remember(articles: readonly WrittenArticle[]): void {
    for (const article of articles) {
      if (article.duplicate_of) continue;
      for (const field of KEY_FIELDS) {
        const key = article[field];
        if (!key) continue;
        this.writtenThisRun.add(prefixOf(key));
        if (!this.writtenOriginals.has(key)) this.writtenOriginals.set(key, article.id);
      }
    }
    for (const key of this.writtenOriginals.keys()) {
      if (this.writtenOriginals.size <= this.recentOriginals) break;
      this.writtenOriginals.delete(key);
    }
  }

  /**
   * The stored original of each key. Into an index that began the run empty, the originals the run
   * remembers are the index's, and a key it never wrote is stored nowhere: only the rest is searched.
   */
  private async storedOriginals(claimed: string[]): Promise<Map<string, string>> {
    if (!(await this.startedEmpty)) return this.searchOriginals(claimed);
    const remembered = new Map(claimed.flatMap((key) => (this.writtenOriginals.has(key) ? [[key, this.writtenOriginals.get(key)!] as const] : [])));
    const forgotten = claimed.filter((key) => !remembered.has(key) && this.writtenThisRun.has(prefixOf(key)));
    return new Map([...(forgotten.length > 0 ? await this.searchOriginals(forgotten) : []), ...remembered]);
  }

  /** The stored original of each key (the lowest id when several claim one), in a search per key field. */
  private async searchOriginals(keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const byField = await Promise.all(
      KEY_FIELDS.map(async (field) => {
        const found = await this.engine.search<WrittenArticle>(this.alias, {
          size: keys.length,
          query: { bool: { filter: [{ terms: { [field]: keys } }], must_not: [A_STORY_COPY] } },
          collapse: { field },
          sort: [{ id: 'asc' }],
          _source: [field],
        });
        return found.hits.flatMap((hit) => {
          const key = hit.source[field];
          return key ? [[key, hit.id] as const] : [];
        });
      }),
    );
    return new Map(byField.flat());
  }
}
