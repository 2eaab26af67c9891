import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { facetValues } from '../../classify/taxonomy.js';
import type { SearchRequest } from '../../search/build-search-body.js';
import { atomFeedOf } from '../../search/search-feed.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { errorResponses, publicRoute, wholeNumber } from '../schemas.js';
import { readSelection, runInLane, searchLane, SelectionQuery, type SearchTraffic } from './search.js';

/** Entries of a feed unless `size` says otherwise (or the page size is smaller): a day's news on a busy subject. */
const FEED_SIZE = 20;
const SITE_TITLE = 'بحث الأخبار';

/** The route as this server runs it: `size` validated and described by the configured page size alike. */
const routeOf = (maxPageSize: number) =>
  publicRoute('get', '/search/feed', 'searchFeed', {
    summary: 'A search as an Atom feed: its newest articles, for a feed reader to follow',
    description:
      'The articles `GET /search` lists with `sort=newest` for the same text, filters and dates, newest first, as Atom 1.0: each entry links the article on the search page, and carries its publication time, its source, the passage that matched (its words in `<mark>`), its topics and its most specific regions. The text is searched as typed (no respelling in its place, nothing loosened: a phrase no article holds yet has no entries); undated articles are left out. Revalidated by its ETag.',
    request: {
      query: SelectionQuery.extend({
        size: wholeNumber(1, maxPageSize)
          .optional()
          .openapi({
            description: `Entries (at most ${maxPageSize}: MAX_PAGE_SIZE)`,
            type: 'integer',
            minimum: 1,
            maximum: maxPageSize,
            default: Math.min(FEED_SIZE, maxPageSize),
          }),
      }).strict(),
    },
    responses: {
      200: { description: 'The feed', content: { 'application/atom+xml': { schema: z.string() } } },
      ...errorResponses,
    },
  });

/** Where the API is reached from outside: as configured, else behind a trusted proxy the scheme and host it was asked for. */
function publicOrigin(c: Context<AppEnv>, url: URL, trustProxy: boolean, publicUrl: string | undefined): string {
  // A feed reader keys entries by these links: a Host header a client chose must not change them.
  if (publicUrl) return publicUrl;
  const proto = trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
  const host = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host || url.host}`;
}

export function registerSearchFeedRoute(app: OpenAPIHono<AppEnv>, deps: AppDependencies, traffic: SearchTraffic): void {
  app.openapi(routeOf(deps.limits.maxPageSize), async (c) => {
    const query = c.req.valid('query');
    const size = query.size ?? Math.min(FEED_SIZE, deps.limits.maxPageSize);
    const request: SearchRequest = { ...(await readSelection(query, deps)), from: 0, size, sort: 'newest', facetSize: 1, explain: false };
    const result = await runInLane(traffic, searchLane(request), () => deps.service.search(request, deps.service.profiles.get()!, { searchRespelling: false }));
    const url = new URL(c.req.url);
    const origin = publicOrigin(c, url, deps.limits.trustProxy ?? false, deps.limits.publicUrl);
    const selection = new URLSearchParams(url.search);
    selection.delete('size');
    // The page lists what the feed follows: newest first, the articles holding every word.
    selection.set('sort', 'newest');
    // A facet's values read as either (أو) or, required together (match_all), both (+); facets are apart (·).
    const named = (['topics', 'regions', 'regions_mentioned', 'people', 'organizations', 'source'] as const).flatMap((facet) => {
      const values = [...new Set(request.filters[facet] ?? [])];
      const labels = facet === 'source' ? values : values.map((value) => facetValues(deps.service.taxonomy, facet).get(value)?.ar ?? value);
      return labels.length > 0 ? [labels.join(request.everyValueOf?.includes(facet) ? ' + ' : ' أو ')] : [];
    });
    const title = [SITE_TITLE, [request.q, ...named].filter(Boolean).join(' · ')].filter(Boolean).join(' — ');
    // A feed follows what the search asks: where nothing matched and the search loosened it, nothing yet.
    const xml = atomFeedOf(
      result.relaxed ? [] : result.hits,
      title,
      {
        self: `${origin}${url.pathname}${url.search}`,
        searchPage: `${origin}/${selection.size > 0 ? `?${selection}` : ''}`,
        article: (id) => `${origin}/?article=${encodeURIComponent(id)}`,
      },
      deps.service.taxonomy,
    );
    // Links that follow the request's Host differ by it: a shared cache must not hand one host's feed to another.
    if (!deps.limits.publicUrl) c.header('Vary', 'Host', { append: true });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
}
