import { INDEX_ANALYZER } from '../index/index-definition.js';
import {
  createInProcessAnalyzer,
  forEachStandardToken,
  UnsupportedAnalysisError,
  type AnalysisSettings,
  type PositionedToken,
} from '../analysis/in-process-analyzer.js';
import type { IndexDefinition, SearchEngine } from '../engine/search-engine.js';
import { buildPositionIndex, classifyArticle, taxonomyTerms, type ArticleTags, type CompiledTaxonomy, type TokenPattern } from './classify-article.js';
import type { Taxonomy } from './taxonomy.js';
import { forEachLimited } from '../concurrency/for-each-limited.js';
import { isEngineError } from '../engine/engine-error.js';
import { withoutDateline } from '../ingest/dateline.js';

/** Articles tagged per `_analyze` call: fewer round trips, requests still small. */
const TAG_CHUNK = 25;

/** The analyzer that indexes `title` and `body`: tags see words exactly as search does. */
/** What classifying needs of each token: the engine sends nothing more, which matters at a corpus's volume. */
const TAGGING_TOKEN_FIELDS = ['token', 'start', 'position'] as const;

/** Analyzes texts with the index analyzer, each text's tokens apart; given `only`, just those tokens (positions kept). */
type AnalyzeTexts = (texts: string[], only?: ReadonlySet<string>) => Promise<PositionedToken[][]>;

/** Where tagging's analysis runs, and why there. */
export type TaggingAnalysis = { runsIn: 'process' } | { runsIn: 'engine'; reason: string };

/**
 * Tags articles with topics, regions, people and organizations. Taxonomy terms and article text
 * both go through the index's own analyzer, so spelling variants, clitics and protected names
 * behave for tagging as they do for search. That analyzer runs in this process when the index
 * definition uses only components the in-process interpreter implements (the shipped one does);
 * otherwise each batch is analyzed by the engine's `_analyze`, which costs about as much again as
 * indexing.
 */
export class ArticleTagger {
  private constructor(
    private readonly analyzeTexts: AnalyzeTexts,
    readonly compiled: CompiledTaxonomy,
    private readonly patternTokens: ReadonlySet<string>,
    readonly analysis: TaggingAnalysis,
  ) {}

  /**
   * `index` is built from `definition`; terms made only of stopwords are reported, not silently dropped.
   */
  static async create(engine: SearchEngine, index: string, definition: IndexDefinition, taxonomy: Taxonomy): Promise<ArticleTagger> {
    let analyzeTexts: AnalyzeTexts;
    let analysis: TaggingAnalysis;
    try {
      const analyzer = createInProcessAnalyzer(definition.settings.analysis as AnalysisSettings, INDEX_ANALYZER);
      analyzeTexts = async (texts, only) => texts.map((text) => analyzer(text, only));
      analysis = { runsIn: 'process' };
    } catch (error) {
      if (!(error instanceof UnsupportedAnalysisError)) throw error;
      analyzeTexts = (texts, only) => analyzeInEngine(engine, index, texts, only);
      analysis = { runsIn: 'engine', reason: error.message };
    }
    const terms = taxonomyTerms(taxonomy);
    const patterns = new Map<string, TokenPattern>();
    const empty: string[] = [];
    const analyzed = await analyzeTexts(terms);
    terms.forEach((term, i) => {
      const tokens = analyzed[i]!;
      const first = tokens[0];
      if (!first) return void empty.push(term);
      patterns.set(term, { tokens: tokens.map((t) => ({ token: t.token, offset: t.position - first.position })) });
    });
    if (empty.length > 0) throw new Error(`taxonomy terms that analyze to nothing (stopwords only?): ${empty.join(', ')}`);
    const patternTokens = new Set([...patterns.values()].flatMap((pattern) => pattern.tokens.map((t) => t.token)));
    return new ArticleTagger(analyzeTexts, { taxonomy, patterns }, patternTokens, analysis);
  }

  async tag(article: { title: string; body: string }): Promise<ArticleTags> {
    const [tags] = await this.tagMany([article]);
    return tags!;
  }

  /**
   * Tags articles by id, `TAG_CHUNK` a call with two calls in flight. Where the engine refuses a
   * chunk, its articles are tagged one by one, so only the one at fault is refused, with the reason.
   */
  async tagEach(
    articles: readonly { id: string; title: string; body: string }[],
  ): Promise<{ tags: Map<string, ArticleTags>; refused: { id: string; reason: string }[] }> {
    const tags = new Map<string, ArticleTags>();
    const refused: { id: string; reason: string }[] = [];
    const chunks: (typeof articles)[] = [];
    for (let i = 0; i < articles.length; i += TAG_CHUNK) chunks.push(articles.slice(i, i + TAG_CHUNK));
    await forEachLimited(chunks, 2, async (chunk) => {
      try {
        const tagged = await this.tagMany([...chunk]);
        chunk.forEach((article, i) => tags.set(article.id, tagged[i]!));
      } catch (error) {
        if (!isEngineError(error, 'rejected')) throw error;
        for (const article of chunk) {
          try {
            tags.set(article.id, await this.tag(article));
          } catch (single) {
            if (!isEngineError(single, 'rejected')) throw single;
            refused.push({ id: article.id, reason: `tagging: ${single.message}` });
          }
        }
      }
    });
    return { tags, refused };
  }

  async tagMany(articles: { title: string; body: string }[]): Promise<ArticleTags[]> {
    if (articles.length === 0) return [];
    // Classifying looks up taxonomy tokens only: the other words are left out. A dateline names where
    // the newsroom sits, neither what the story is about nor a place it mentions.
    const tokens = await this.analyzeTexts(
      articles.flatMap((a) => [a.title, withoutDateline(a.body)]),
      this.patternTokens,
    );
    const positions = (i: number) => buildPositionIndex(tokens[i]!);
    return articles.map((_, i) => classifyArticle({ title: positions(2 * i), body: positions(2 * i + 1) }, this.compiled));
  }
}

/**
 * The engine's `_analyze`, several texts a call: they go as one array, and each token is given
 * back to its text by its offset (the engine puts one character between values). One call stays
 * under the index's analyze.max_token_count (50,000): long batches are split, and a text's tokens
 * come from its first MAX_TAGGED_CHARS characters.
 */
async function analyzeInEngine(engine: SearchEngine, index: string, allTexts: string[], only?: ReadonlySet<string>): Promise<PositionedToken[][]> {
  const texts = allTexts.map((text) => text.slice(0, MAX_TAGGED_CHARS));
  const size = texts.reduce((sum, t) => sum + t.length, 0);
  if (texts.length > 1 && size > MAX_CHARS_PER_CALL) {
    const half = Math.ceil(texts.length / 2);
    return [...(await analyzeInEngine(engine, index, texts.slice(0, half), only)), ...(await analyzeInEngine(engine, index, texts.slice(half), only))];
  }
  const tokens = await engine.analyze(index, { analyzer: INDEX_ANALYZER, text: texts }, TAGGING_TOKEN_FIELDS);
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length + VALUE_OFFSET_GAP;
  }
  const perText: PositionedToken[][] = texts.map(() => []);
  const bases: (number | undefined)[] = texts.map(() => undefined);
  let current = 0;
  for (const token of tokens) {
    while (current + 1 < starts.length && token.start >= starts[current + 1]!) current++;
    // Positions run on across the values of one call: each text's are rebased to start at its first
    // word, as the in-process analysis numbers them, so the lead (first positions) means the same.
    const base = (bases[current] ??= token.position - wordsBefore(texts[current]!, token.start - starts[current]!));
    if (!only || only.has(token.token)) perText[current]!.push({ token: token.token, position: token.position - base });
  }
  return perText;
}

/** Words the standard tokenizer finds before a character offset: the position of the word there. */
function wordsBefore(text: string, offset: number): number {
  let words = 0;
  forEachStandardToken(text.slice(0, offset), () => words++);
  return words;
}

// About six characters a token in Arabic news: these keep a call well under 50,000 tokens.
const MAX_CHARS_PER_CALL = 120_000;
const MAX_TAGGED_CHARS = 120_000;

/** Characters the engine counts between the values of an array given to `_analyze`. */
const VALUE_OFFSET_GAP = 1;
