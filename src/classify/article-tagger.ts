import type { SearchEngine } from '../engine/search-engine.js';
import { buildPositionIndex, classifyArticle, taxonomyTerms, type ArticleTags, type CompiledTaxonomy, type TokenPattern } from './classify-article.js';
import type { Taxonomy } from './taxonomy.js';

/** The analyzer that indexes `title` and `body`: tags see words exactly as search does. */
const INDEX_ANALYZER = 'arabic_index';
/** What classifying needs of each token: the engine sends nothing more, which matters at a corpus's volume. */
const TAGGING_TOKEN_FIELDS = ['token', 'start', 'position'] as const;

/**
 * Tags articles with topics, regions, people and organizations. Taxonomy terms and article text
 * both go through the index's own analyzer, so spelling variants, clitics and protected names
 * behave for tagging as they do for search.
 */
export class ArticleTagger {
  private constructor(
    private readonly engine: SearchEngine,
    private readonly index: string,
    readonly compiled: CompiledTaxonomy,
  ) {}

  /** Analyzes every taxonomy term once; terms made only of stopwords are reported, not silently dropped. */
  static async create(engine: SearchEngine, index: string, taxonomy: Taxonomy): Promise<ArticleTagger> {
    const patterns = new Map<string, TokenPattern>();
    const empty: string[] = [];
    await forEachLimited(taxonomyTerms(taxonomy), 8, async (term) => {
      const tokens = await engine.analyze(index, { analyzer: INDEX_ANALYZER, text: term }, TAGGING_TOKEN_FIELDS);
      const first = tokens[0];
      if (!first) return void empty.push(term);
      patterns.set(term, { tokens: tokens.map((t) => ({ token: t.token, offset: t.position - first.position })) });
    });
    if (empty.length > 0) throw new Error(`taxonomy terms that analyze to nothing (stopwords only?): ${empty.join(', ')}`);
    return new ArticleTagger(engine, index, { taxonomy, patterns });
  }

  async tag(article: { title: string; body: string }): Promise<ArticleTags> {
    const [tags] = await this.tagMany([article]);
    return tags!;
  }

  /**
   * Tags several articles with one `_analyze` call: the texts go as one array, and each token is
   * given back to its text by its offset (the engine puts one character between values).
   */
  async tagMany(articles: { title: string; body: string }[]): Promise<ArticleTags[]> {
    if (articles.length === 0) return [];
    // One call stays under the index's analyze.max_token_count (50,000): long batches are split,
    // and an article's tags come from its first MAX_TAGGED_CHARS characters.
    const texts = articles.flatMap((a) => [a.title.slice(0, MAX_TAGGED_CHARS), a.body.slice(0, MAX_TAGGED_CHARS)]);
    const size = texts.reduce((sum, t) => sum + t.length, 0);
    if (articles.length > 1 && size > MAX_CHARS_PER_CALL) {
      const half = Math.ceil(articles.length / 2);
      return [...(await this.tagMany(articles.slice(0, half))), ...(await this.tagMany(articles.slice(half)))];
    }
    const tokens = await this.engine.analyze(this.index, { analyzer: INDEX_ANALYZER, text: texts }, TAGGING_TOKEN_FIELDS);
    const starts: number[] = [];
    let offset = 0;
    for (const text of texts) {
      starts.push(offset);
      offset += text.length + VALUE_OFFSET_GAP;
    }
    const perText: { token: string; position: number }[][] = texts.map(() => []);
    let current = 0;
    for (const token of tokens) {
      while (current + 1 < starts.length && token.start >= starts[current + 1]!) current++;
      perText[current]!.push({ token: token.token, position: token.position });
    }
    return articles.map((_, i) =>
      classifyArticle({ title: buildPositionIndex(perText[2 * i]!), body: buildPositionIndex(perText[2 * i + 1]!) }, this.compiled),
    );
  }
}

// About six characters a token in Arabic news: these keep a call well under 50,000 tokens.
const MAX_CHARS_PER_CALL = 120_000;
const MAX_TAGGED_CHARS = 120_000;

/** Characters the engine counts between the values of an array given to `_analyze`. */
const VALUE_OFFSET_GAP = 1;

export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}
