import type { FieldTerms, SearchBody } from '../engine/search-engine.js';

/** The stemmed field whose terms feedback reads: the article's text, as the index analyzed it. */
export const FEEDBACK_FIELD = 'body';

/**
 * Terms held by more than this share of the index's documents are left out: they tell documents
 * apart too little to add anything but cost. (On an index of a handful of documents every term is;
 * feedback then changes nothing.)
 */
export const MAX_FEEDBACK_DOCUMENT_SHARE = 0.1;

/** A term of the index chosen by feedback, with its weight in the relevance model (the weights sum to 1). */
export interface FeedbackTerm {
  term: string;
  weight: number;
}

/**
 * The first search of feedback: only the top documents' ids and scores, under the same query and
 * facet selections as the search it serves (no facets, highlights or total to compute).
 */
export function feedbackProbeBody(body: SearchBody, documents: number): SearchBody {
  return {
    query: body.query,
    ...(body.post_filter ? { post_filter: body.post_filter } : {}),
    size: documents,
    _source: false,
    track_total_hits: false,
  };
}

/**
 * RM3's relevance model over the feedback documents: a term weighs the sum, over the documents, of
 * its frequency in the document over the document's length, times the document's share of their
 * scores. The `count` heaviest are kept (ties by term, so the choice is stable), their weights
 * scaled to sum 1. Only terms of the index are chosen, never words of the query as typed.
 */
export function selectFeedbackTerms(ranked: { id: string; score: number | null }[], fieldTerms: FieldTerms, count: number): FeedbackTerm[] {
  const scored = ranked.filter((hit) => (hit.score ?? 0) > 0 && fieldTerms.documents.has(hit.id));
  const totalScore = scored.reduce((sum, hit) => sum + hit.score!, 0);
  const weights = new Map<string, number>();
  for (const hit of scored) {
    const terms = fieldTerms.documents.get(hit.id)!;
    const length = [...terms.values()].reduce((sum, t) => sum + t.frequency, 0);
    for (const [term, { frequency, documentFrequency }] of terms) {
      if (documentFrequency > MAX_FEEDBACK_DOCUMENT_SHARE * fieldTerms.documentCount || [...term].length < 2) continue;
      weights.set(term, (weights.get(term) ?? 0) + (frequency / length) * (hit.score! / totalScore));
    }
  }
  const chosen = [...weights].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, count);
  const total = chosen.reduce((sum, [, weight]) => sum + weight, 0);
  return chosen.map(([term, weight]) => ({ term, weight: weight / total }));
}
