import type { SearchEngine } from '../engine/search-engine.js';
import { buildSearchBody, FACET_FIELDS, type FacetField, type SearchRequest } from './build-search-body.js';
import type { SearchProfile } from './search-profile.js';

export interface ArticleHit {
  id: string;
  title: string;
  /** The title with matched words in <mark>, HTML-escaped. */
  titleHighlighted: string;
  published: string | null;
  score: number | null;
  /** Body passages with matched words in <mark>, HTML-escaped. */
  snippets: string[];
  topics: string[];
  regions: string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface ArticleSearchResult {
  total: number;
  from: number;
  size: number;
  tookMs: number;
  hits: ArticleHit[];
  facets: Record<FacetField, FacetCount[]>;
}

interface StoredArticle {
  id: string;
  title: string;
  published?: string;
  topics?: string[];
  regions?: string[];
}

interface FacetAggregation {
  values?: { buckets?: { key: string; doc_count: number }[] };
}

export async function searchArticles(
  engine: SearchEngine,
  alias: string,
  request: SearchRequest,
  profile: SearchProfile,
): Promise<ArticleSearchResult> {
  const result = await engine.search<StoredArticle>(alias, buildSearchBody(request, profile));
  const facets = Object.fromEntries(
    FACET_FIELDS.map((field) => {
      const aggregation = result.aggregations[field] as FacetAggregation | undefined;
      return [field, (aggregation?.values?.buckets ?? []).map((b) => ({ value: String(b.key), count: b.doc_count }))];
    }),
  ) as Record<FacetField, FacetCount[]>;
  return {
    total: result.total,
    from: request.from,
    size: request.size,
    tookMs: result.tookMs,
    hits: result.hits.map((hit) => ({
      id: hit.id,
      title: hit.source.title,
      titleHighlighted: hit.highlight.title?.[0] ?? escapeHtml(hit.source.title),
      published: hit.source.published ?? null,
      score: hit.score,
      snippets: hit.highlight.body ?? [],
      topics: hit.source.topics ?? [],
      regions: hit.source.regions ?? [],
    })),
    facets,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
