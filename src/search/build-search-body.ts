import type { SearchBody } from '../engine/search-engine.js';
import type { SearchProfile } from './search-profile.js';

export const FACET_FIELDS = ['topics', 'regions', 'people', 'organizations'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface SearchRequest {
  q?: string;
  /** Selected facet values: OR within a facet, AND across facets. */
  filters: Record<FacetField, string[]>;
  dateFrom?: string;
  dateTo?: string;
  from: number;
  size: number;
  sort: 'relevance' | 'newest';
  facetSize: number;
  /** Ask the engine why each hit scored as it did. */
  explain?: boolean;
}

type Clause = Record<string, unknown>;

/**
 * The engine query for a search request under a profile. Pure: the same input gives the same body.
 * The user's text only ever lands in `query` strings of match queries, never parsed as DSL.
 * Facet selections go to `post_filter`, and each facet is counted under every filter but its own,
 * so a reader sees the alternatives to what they picked (multi-select faceting).
 */
export function buildSearchBody(request: SearchRequest, profile: SearchProfile): SearchBody {
  const text = request.q?.trim();
  const query: Clause = { bool: { must: text ? [textQuery(text, profile)] : [{ match_all: {} }], should: text ? phraseQueries(text, profile) : [], filter: dateFilters(request) } };
  const facetFilters = Object.fromEntries(
    FACET_FIELDS.map((field) => [field, request.filters[field].length > 0 ? { terms: { [field]: request.filters[field] } } : undefined]),
  ) as Record<FacetField, Clause | undefined>;
  const allFacetFilters = FACET_FIELDS.flatMap((field) => (facetFilters[field] ? [facetFilters[field]] : []));

  const aggs: Record<string, Clause> = {};
  for (const field of FACET_FIELDS) {
    const others = FACET_FIELDS.filter((other) => other !== field).flatMap((other) => (facetFilters[other] ? [facetFilters[other]] : []));
    aggs[field] = {
      filter: others.length > 0 ? { bool: { filter: others } } : { match_all: {} },
      aggs: { values: { terms: { field, size: request.facetSize } } },
    };
  }

  // The month histogram counts what the reader sees: under every facet selection.
  aggs.published = {
    filter: allFacetFilters.length > 0 ? { bool: { filter: allFacetFilters } } : { match_all: {} },
    aggs: { months: { date_histogram: { field: 'published', calendar_interval: 'month', format: 'yyyy-MM', min_doc_count: 1 } } },
  };

  return {
    query,
    ...(allFacetFilters.length > 0 ? { post_filter: { bool: { filter: allFacetFilters } } } : {}),
    aggs,
    from: request.from,
    size: request.size,
    track_total_hits: true,
    ...(request.explain ? { explain: true } : {}),
    sort: request.sort === 'newest' ? [{ published: { order: 'desc', missing: '_last' } }, '_score'] : ['_score', { published: { order: 'desc', missing: '_last' } }],
    _source: ['id', 'title', 'published', 'source', 'url', 'topics', 'regions', 'people', 'organizations'],
    highlight: {
      encoder: 'html',
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      fields: {
        title: { number_of_fragments: 0 },
        body: { fragment_size: profile.highlight.fragmentSize, number_of_fragments: profile.highlight.fragments, no_match_size: profile.highlight.fragmentSize },
      },
    },
  };
}

function textQuery(text: string, profile: SearchProfile): Clause {
  return {
    multi_match: {
      query: text,
      type: 'best_fields',
      fields: Object.entries(profile.fields).map(([field, weight]) => `${field}^${weight}`),
      tie_breaker: profile.tieBreaker,
      minimum_should_match: profile.minimumShouldMatch,
    },
  };
}

function phraseQueries(text: string, profile: SearchProfile): Clause[] {
  return Object.entries(profile.phrase.fields).map(([field, boost]) => ({
    match_phrase: { [field]: { query: text, slop: profile.phrase.slop, boost } },
  }));
}

function dateFilters(request: SearchRequest): Clause[] {
  if (!request.dateFrom && !request.dateTo) return [];
  return [{ range: { published: { ...(request.dateFrom ? { gte: request.dateFrom } : {}), ...(request.dateTo ? { lte: request.dateTo } : {}) } } }];
}
