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
 * A related article of another outlet scoring at least this share of the best one's comes before the
 * article's own outlet's: more-like-this rewards an outlet's own wording (its boilerplate, its
 * spellings), and a Brunson story had listed eight Sky News articles and none of the BBC's or CNN's
 * reports of the release that day.
 */
export const OTHER_OUTLET_SHARE = 0.5;

/**
 * Candidates read for every size asked: twice the longest list, for other outlets' to be found below
 * the article's own outlet's. Read per article asked, a longer list had found other outlets' reports
 * a shorter one had not, and put them before it: `size=5` was not the start of `size=20`.
 */
const RELATED_CANDIDATES = 2 * MAX_RELATED;

/**
 * The articles related to article `id` on `index` (see relatedArticlesBody), other outlets' first
 * (OTHER_OUTLET_SHARE), and where fewer than `size` share that many words, after them those sharing
 * FEWER_WORDS_SHARED of them: an article page is never left short for want of one word more. The
 * list for a size is the start of the list for MAX_RELATED. `undefined` when no article has that id.
 */
export async function findRelatedArticles(
  engine: SearchEngine,
  index: string,
  id: string,
  size: number,
  terms: RelatedTerms = RELATED_TERMS,
): Promise<SearchHit<StoredArticle>[] | undefined> {
  // Asked together: an unknown id finds no related article, and only the lookup says it is unknown.
  const [article, candidates] = await Promise.all([
    engine.getSources<Pick<StoredArticle, 'source'>>(index, [id], ['source']),
    engine.search<StoredArticle>(index, relatedArticlesBody(index, id, RELATED_CANDIDATES, terms)),
  ]);
  const stored = article.get(id);
  if (stored === undefined) return undefined;
  const related = otherOutletsFirst(candidates.hits, stored.source).slice(0, size);
  if (related.length === size || parseFloat(terms.minimumShouldMatch) <= parseFloat(FEWER_WORDS_SHARED)) return related;
  const listed = related.map((hit) => hit.id);
  const more = await engine.search<StoredArticle>(
    index,
    relatedArticlesBody(index, id, size - listed.length, { ...terms, minimumShouldMatch: FEWER_WORDS_SHARED }, listed),
  );
  return [...related, ...more.hits];
}

/** The hits, those of an outlet other than `source` scoring OTHER_OUTLET_SHARE of the best first, each part in score order. Pure. */
export function otherOutletsFirst<T extends { source?: string }>(hits: SearchHit<T>[], source: string | undefined): SearchHit<T>[] {
  const best = hits[0]?.score ?? 0;
  const first = (hit: SearchHit<T>) => source !== undefined && hit.source.source !== source && (hit.score ?? 0) >= OTHER_OUTLET_SHARE * best;
  return [...hits.filter(first), ...hits.filter((hit) => !first(hit))];
}
