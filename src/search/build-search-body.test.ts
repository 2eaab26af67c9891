import { describe, expect, it } from 'vitest';
import { buildSearchBody, type SearchRequest } from './build-search-body.js';
import type { SearchProfile } from './search-profile.js';

const profile: SearchProfile = {
  name: 'test',
  description: 'test profile',
  version: 1,
  fields: { title: 2, body: 1 },
  tieBreaker: 0.2,
  minimumShouldMatch: '100%',
  phrase: { fields: { 'body.exact': 3 }, slop: 1 },
  highlight: { fragmentSize: 100, fragments: 1 },
};
const request: SearchRequest = { filters: { topics: [], regions: [], people: [], organizations: [] }, from: 0, size: 10, sort: 'relevance', facetSize: 5 };

describe('buildSearchBody', () => {
  it('puts the text into match queries weighted by the profile', () => {
    const body = buildSearchBody({ ...request, q: ' بلينكن ' }, profile);
    expect(body.query).toEqual({
      bool: {
        must: [{ multi_match: { query: 'بلينكن', type: 'best_fields', fields: ['title^2', 'body^1'], tie_breaker: 0.2, minimum_should_match: '100%' } }],
        should: [{ match_phrase: { 'body.exact': { query: 'بلينكن', slop: 1, boost: 3 } } }],
        filter: [],
      },
    });
    expect(body.post_filter).toBeUndefined();
  });

  it('keeps query syntax in the user text as a plain string', () => {
    const q = '{"query":{"match_all":{}}}';
    const body = buildSearchBody({ ...request, q }, profile);
    const strings = JSON.stringify(body).match(/"query":"[^"\\]*(\\.[^"\\]*)*"/g) ?? [];
    expect(strings.every((s) => s === `"query":${JSON.stringify(q)}`)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('"match_all":{}}}"');
  });

  it('matches everything without text and sorts newest first on request', () => {
    const body = buildSearchBody({ ...request, sort: 'newest' }, profile);
    expect(body.query).toEqual({ bool: { must: [{ match_all: {} }], should: [], filter: [] } });
    expect(body.sort).toEqual([{ published: { order: 'desc', missing: '_last' } }, '_score']);
  });

  it('filters facets after counting, each facet counted under the other facets only', () => {
    const body = buildSearchBody({ ...request, filters: { ...request.filters, topics: ['economy', 'sport'], regions: ['algeria'] } }, profile);
    const topics = { terms: { topics: ['economy', 'sport'] } };
    const regions = { terms: { regions: ['algeria'] } };
    expect(body.post_filter).toEqual({ bool: { filter: [topics, regions] } });
    expect(body.aggs).toEqual({
      topics: { filter: { bool: { filter: [regions] } }, aggs: { values: { terms: { field: 'topics', size: 5 } } } },
      regions: { filter: { bool: { filter: [topics] } }, aggs: { values: { terms: { field: 'regions', size: 5 } } } },
      people: { filter: { bool: { filter: [topics, regions] } }, aggs: { values: { terms: { field: 'people', size: 5 } } } },
      organizations: { filter: { bool: { filter: [topics, regions] } }, aggs: { values: { terms: { field: 'organizations', size: 5 } } } },
      published: {
        filter: { bool: { filter: [topics, regions] } },
        aggs: { months: { date_histogram: { field: 'published', calendar_interval: 'month', format: 'yyyy-MM', min_doc_count: 1 } } },
      },
    });
  });

  it('narrows by publication date in the query, so facets count within the range', () => {
    const body = buildSearchBody({ ...request, dateFrom: '2021-01-01', dateTo: '2021-12-31' }, profile);
    expect((body.query as { bool: { filter: unknown[] } }).bool.filter).toEqual([{ range: { published: { gte: '2021-01-01', lte: '2021-12-31' } } }]);
  });
});
