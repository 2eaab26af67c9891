import { DEFAULT_FACET_SIZE, type SearchRequest } from '../../../src/search/build-search-body.js';
import type { SearchService } from '../../../src/service/search-service.js';
import type { LoadRequest } from '../bench-processes.js';

/** The queries of the load runs: names, phrases, filters, facets. */
const MIX: [q: string, params: Record<string, string>][] = [
  ['ترامب', {}],
  ['الاتحاد الأوروبي', {}],
  ['كرة القدم', { topic: 'sport' }],
  ['النفط', { region: 'saudi-arabia' }],
  ['الأمم المتحدة', { sort: 'newest' }],
  ['Trump', {}],
  ['بوتين روسيا', {}],
  ['', { region: 'egypt', topic: 'politics' }],
  ['الهاتف الذكي', { topic: 'technology' }],
  ['"البيت الأبيض"', {}],
];

/**
 * The mix as GETs to the API, and as the bodies the API sends the engine first for them under
 * `profile` (the service's own `searchBody`, with the respelling a page's search asks for), POSTed to `alias`.
 */
export function buildQueryMix(
  alias: string,
  service: SearchService,
  profile = service.profiles.get()!,
): { size: number; apiRequests: LoadRequest[]; engineRequests: LoadRequest[] } {
  const mix = MIX.map(([q, extra]) => {
    const params: Record<string, string> = { ...(q ? { q } : {}), ...extra };
    const filters = {
      topics: params.topic ? [params.topic] : [],
      regions: params.region ? [params.region] : [],
      regions_mentioned: [],
      people: [],
      organizations: [],
      source: [],
    };
    const request: SearchRequest = {
      ...(q ? { q } : {}),
      filters,
      from: 0,
      size: 10,
      sort: (params.sort as 'newest') ?? 'relevance',
      facetSize: DEFAULT_FACET_SIZE,
      explain: false,
    };
    return { params, request };
  });
  return {
    size: mix.length,
    apiRequests: mix.map((m) => ({ method: 'GET', path: `/search?${new URLSearchParams(m.params)}` })),
    engineRequests: mix.map((m) => ({
      method: 'POST',
      path: `/${alias}/_search`,
      body: JSON.stringify(service.searchBody(m.request, profile, { spellcheck: true })),
    })),
  };
}
