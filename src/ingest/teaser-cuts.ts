import type { ArticleTagger } from '../classify/article-tagger.js';
import type { BulkDocument, BulkResult, SearchEngine } from '../engine/search-engine.js';
import type { StoredArticle } from '../index/stored-article.js';
import { presentFields } from '../present-fields.js';
import type { PreparedArticle } from './prepare-article.js';
import { cutTeasers } from './teasers.js';

/** Lead keys asked of the index at once, and articles read a page. */
const KEYS_PER_SEARCH = 1_000;
const PAGE = 200;

type StoredEnd = Pick<StoredArticle, 'id' | 'title' | 'body' | 'body_original' | 'source' | 'lead_keys' | 'tail_keys' | 'teasers'>;

/**
 * Cuts, for one ingest run, the teasers articles end with (`cutTeasers`): by the leads stored before
 * the run and those read in it. A teaser's story may be read after the article (ANT's file order puts
 * 723 of 2,962 teasers' stories later), so once the run has written everything, the articles stored
 * with paragraphs that turned out to be leads are cut and tagged again (`cutEarlier`).
 */
export class TeaserCuts {
  /** Every lead read in this run, written or not yet: one or two keys of 24 characters an article. */
  private readonly readLeads = new Set<string>();

  /** `startedEmpty`: the index held no article when the run began, so every stored lead is one it read. */
  constructor(
    private readonly engine: SearchEngine,
    private readonly alias: string,
    private readonly startedEmpty: Promise<boolean>,
  ) {}

  noteRead(article: Pick<PreparedArticle, 'leadKeys'>): void {
    for (const key of article.leadKeys ?? []) this.readLeads.add(key);
  }

  /** The articles, those that end with teasers cut; `teaserParagraphs`: a source's block length, where known. */
  async cut(articles: readonly PreparedArticle[], teaserParagraphs: ReadonlyMap<string, number>): Promise<PreparedArticle[]> {
    const isLead = await this.leadTest(articles.flatMap((article) => article.tailKeys ?? []));
    return articles.map((article) => {
      const cut = cutTeasers(article, (key) => !article.leadKeys?.includes(key) && isLead(key), teaserParagraphs.get(article.source));
      return cut ? { ...article, ...cut } : article;
    });
  }

  /**
   * After the run's last write and a refresh: the stored articles ending with leads of stories this
   * run read, cut and tagged again in place. Returns how many were cut for the first time, how many
   * were written, and the articles that could not be (tagging or the engine refused them).
   */
  async cutEarlier(
    tagger: ArticleTagger,
    write: (updates: BulkDocument[]) => Promise<BulkResult>,
  ): Promise<{ cut: number; written: number; failures: { id: string; reason: string }[] }> {
    const leads = [...this.readLeads];
    const seen = new Set<string>();
    const outcome = { cut: 0, written: 0, failures: [] as { id: string; reason: string }[] };
    for (let i = 0; i < leads.length; i += KEYS_PER_SEARCH) {
      const chunk = leads.slice(i, i + KEYS_PER_SEARCH);
      let after: unknown[] | undefined;
      for (;;) {
        const page = await this.engine.search<StoredEnd>(this.alias, {
          size: PAGE,
          sort: [{ id: 'asc' }],
          ...(after ? { search_after: after } : {}),
          _source: ['id', 'title', 'body', 'body_original', 'source', 'lead_keys', 'tail_keys', 'teasers'],
          query: { bool: { filter: [{ terms: { tail_keys: chunk } }] } },
        });
        if (page.hits.length === 0) break;
        after = [page.hits[page.hits.length - 1]!.source.id];
        const fresh = page.hits.map((hit) => hit.source).filter((stored) => !seen.has(stored.id));
        for (const stored of fresh) seen.add(stored.id);
        const cuts = await this.cutStored(fresh, tagger.compiled.taxonomy.teaserParagraphs);
        const { tags: tagged, refused: untagged } = await tagger.tagEach(
          cuts.map(({ stored, cut }) => ({ id: stored.id, title: stored.title, body: cut.body })),
        );
        outcome.failures.push(...untagged);
        const updates: BulkDocument[] = cuts.flatMap(({ stored, cut }) => {
          const tags = tagged.get(stored.id);
          if (!tags) return [];
          return [
            {
              id: stored.id,
              source: { body: cut.body, ...presentFields({ body_original: cut.bodyOriginal }), teasers: cut.teasers, tail_keys: cut.tailKeys, ...tags },
            },
          ];
        });
        if (updates.length === 0) continue;
        const result = await write(updates);
        const refused = new Set(result.failures.map((failure) => failure.id));
        const written = new Set(updates.map((update) => update.id).filter((id) => !refused.has(id)));
        outcome.written += written.size;
        // An article cut before (in this run, or an earlier one) is counted once.
        outcome.cut += cuts.filter(({ stored }) => stored.teasers === undefined && written.has(stored.id)).length;
        outcome.failures.push(...result.failures.map(({ id, reason }) => ({ id, reason })));
      }
    }
    return outcome;
  }

  private async cutStored(articles: StoredEnd[], teaserParagraphs: ReadonlyMap<string, number>) {
    const isLead = await this.leadTest(articles.flatMap((article) => article.tail_keys ?? []));
    return articles.flatMap((stored) => {
      const cut = cutTeasers(
        { source: stored.source ?? '', body: stored.body, ...presentFields({ bodyOriginal: stored.body_original, teasers: stored.teasers }) },
        (key) => !stored.lead_keys?.includes(key) && isLead(key),
        teaserParagraphs.get(stored.source ?? ''),
      );
      return cut ? [{ stored, cut }] : [];
    });
  }

  /** Whether a key is a lead read in this run or stored: the index is asked about the keys given. */
  private async leadTest(keys: readonly string[]): Promise<(key: string) => boolean> {
    const unknown = (await this.startedEmpty) ? [] : [...new Set(keys.filter((key) => !this.readLeads.has(key)))];
    const stored = new Set<string>();
    for (let i = 0; i < unknown.length; i += KEYS_PER_SEARCH) {
      const chunk = unknown.slice(i, i + KEYS_PER_SEARCH);
      const found = await this.engine.search(this.alias, {
        size: 0,
        query: { terms: { lead_keys: chunk } },
        // Only the keys asked: an article found holds its abstract's key beside its lead's.
        aggs: { leads: { terms: { field: 'lead_keys', include: chunk, size: chunk.length, execution_hint: 'map' } } },
      });
      const buckets = (found.aggregations.leads as { buckets: { key: string }[] } | undefined)?.buckets ?? [];
      for (const bucket of buckets) stored.add(bucket.key);
    }
    return (key) => this.readLeads.has(key) || stored.has(key);
  }
}
