import type { SearchBody, SearchEngine, SearchHit } from '../engine/search-engine.js';
import { A_STORY_COPY, type StoredArticle } from '../index/stored-article.js';

/** Related articles a request may ask for at most. */
export const MAX_RELATED = 20;

/** What an article's words must be to pick its related articles (see relatedArticlesBody). */
export interface RelatedTerms {
  /** The article's words asked at most, its most telling by tf-idf. */
  maxQueryTerms: number;
  /** A word the index holds in fewer articles says nothing of a story (a typo, a rare name's slip). */
  minDocFreq: number;
  /** Of the words asked, how many an article must hold. */
  minimumShouldMatch: string;
}

/** Chosen on the tuning half of `npm run measure:related` (docs/relevance.md#related-articles). */
export const RELATED_TERMS: RelatedTerms = { maxQueryTerms: 50, minDocFreq: 2, minimumShouldMatch: '30%' };

/** Where too few articles share that many words, the rest of a list is asked with this share: an article page is never left empty for want of one word more. */
export const FEWER_WORDS_SHARED = '10%';

/**
 * The articles whose title and text share the most telling words of article `id` (the engine's
 * more-like-this over the stemmed fields, so بالانتخابات meets الانتخابات), on `index`, itself,
 * every story copy and, for a copy, its original left out: other outlets' reports of the same story
 * first, then its background.
 */
export function relatedArticlesBody(
  index: string,
  id: string,
  size: number,
  terms: RelatedTerms = RELATED_TERMS,
  alreadyListed: readonly string[] = [],
): SearchBody {
  return {
    size,
    track_total_hits: false,
    query: {
      bool: {
        must: [
          {
            more_like_this: {
              fields: ['title', 'body'],
              like: [{ _id: id }],
              min_term_freq: 1,
              min_doc_freq: terms.minDocFreq,
              max_query_terms: terms.maxQueryTerms,
              minimum_should_match: terms.minimumShouldMatch,
            },
          },
        ],
        must_not: [
          A_STORY_COPY,
          { ids: { values: [id, ...alreadyListed] } },
          // The original a copy was filed as (its duplicate_of, looked up by the engine): the same story.
          { terms: { id: { index, id, path: 'duplicate_of' } } },
        ],
      },
    },
    _source: ['id', 'title', 'published', 'source', 'topics', 'regions', 'regions_mentioned', 'people', 'organizations'],
  };
}

/**
 * The articles related to article `id` on `index` (see relatedArticlesBody), and where fewer than
 * `size` share that many words, after them those sharing FEWER_WORDS_SHARED of them: an article
 * page is never left short for want of one word more.
 */
export async function findRelatedArticles(
  engine: SearchEngine,
  index: string,
  id: string,
  size: number,
  terms: RelatedTerms = RELATED_TERMS,
): Promise<SearchHit<StoredArticle>[]> {
  const related = (await engine.search<StoredArticle>(index, relatedArticlesBody(index, id, size, terms))).hits;
  if (related.length === size || parseFloat(terms.minimumShouldMatch) <= parseFloat(FEWER_WORDS_SHARED)) return related;
  const listed = related.map((hit) => hit.id);
  const more = await engine.search<StoredArticle>(
    index,
    relatedArticlesBody(index, id, size - listed.length, { ...terms, minimumShouldMatch: FEWER_WORDS_SHARED }, listed),
  );
  return [...related, ...more.hits];
}
