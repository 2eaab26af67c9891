import type { SearchEngine } from '../engine/search-engine.js';
import { buildSearchBody, SEARCH_FACETS, type QueryShape, type SearchFacet, type SearchRequest } from './build-search-body.js';
import type { StoredArticle } from '../index/stored-article.js';
import type { SearchProfile } from './search-profile.js';
import { summarizeExplanation, type ScoreExplanation } from './summarize-explanation.js';
import { facetValues, type Taxonomy } from '../classify/taxonomy.js';
import { escapeHtml } from '../escape-html.js';

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
  regions_mentioned: string[];
  people: string[];
  organizations: string[];
  explanation?: ScoreExplanation;
}

export interface FacetCount {
  value: string;
  count: number;
  label: { ar: string; en: string };
  /** Of a region: the wider regions it belongs to, so a client can nest the list. */
  parents?: string[];
}

export interface MonthCount {
  month: string;
  count: number;
}

export interface ArticleSearchResult {
  total: number;
  from: number;
  size: number;
  tookMs: number;
  hits: ArticleHit[];
  facets: Record<SearchFacet, FacetCount[]> & { published: MonthCount[] };
}

interface FacetAggregation {
  values?: { buckets?: { key: string; doc_count: number }[] };
}

interface MonthAggregation {
  months?: { buckets?: { key_as_string: string; doc_count: number }[] };
}

export async function searchArticles(
  engine: SearchEngine,
  alias: string,
  request: SearchRequest,
  profile: SearchProfile,
  taxonomy: Taxonomy,
  shape: QueryShape,
): Promise<ArticleSearchResult> {
  const result = await engine.search<StoredArticle>(alias, buildSearchBody(request, profile, shape));
  const parentsOf = new Map(taxonomy.regions.map((r) => [r.slug, r.parents]));
  const facets = Object.fromEntries(
    SEARCH_FACETS.map((field) => {
      const aggregation = result.aggregations[field] as FacetAggregation | undefined;
      // Sources have no taxonomy: a source is labelled with its own name.
      const labels = field === 'source' ? new Map<string, { ar: string; en: string }>() : facetValues(taxonomy, field);
      const isRegion = field === 'regions' || field === 'regions_mentioned';
      return [
        field,
        (aggregation?.values?.buckets ?? []).map((b) => ({
          value: String(b.key),
          count: b.doc_count,
          label: labels.get(String(b.key)) ?? { ar: String(b.key), en: String(b.key) },
          ...(isRegion ? { parents: parentsOf.get(String(b.key)) ?? [] } : {}),
        })),
      ];
    }),
  ) as Record<SearchFacet, FacetCount[]>;
  const months = (result.aggregations.published as MonthAggregation | undefined)?.months?.buckets ?? [];
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
      regions_mentioned: hit.source.regions_mentioned ?? [],
      people: hit.source.people ?? [],
      organizations: hit.source.organizations ?? [],
      ...(hit.explanation ? { explanation: summarizeExplanation(hit.explanation) } : {}),
    })),
    facets: { ...facets, published: months.map((b) => ({ month: b.key_as_string, count: b.doc_count })) },
  };
}
