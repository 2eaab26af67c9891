import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { facetValuesOf, storedTagsOf } from '../../index/stored-article.js';
import { ARTICLE_ID } from '../../ingest/prepare-article.js';
import type { Admission } from '../admission.js';
import { inLane, SearchText } from './search.js';
import { ApiError } from '../api-error.js';
import type { ApiMetrics } from '../metrics.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { FEWER_WORDS_SHARED, MAX_RELATED, OTHER_OUTLET_SHARE, RELATED_TERMS } from '../../search/related-articles.js';
import { ArticleSummarySchema, errorContent, errorResponses, jsonAnswer, publicRoute, wholeNumber } from '../schemas.js';

export const ArticleId = z
  .string()
  .regex(ARTICLE_ID, 'expected an article id (letters, digits, _ : . and -, at most 128)')
  .openapi({ example: '000_fee63797c487f9cf' });

const Article = ArticleSummarySchema.extend({
  body: z.string(),
  abstract: z.string().nullable().openapi({ description: 'The summary the source gave with the article, if any (not searched)' }),
  author: z.string().nullable().openapi({ description: 'The byline the source gave, if any: a name, a place, or the outlet itself' }),
  teasers: z.array(z.string()).openapi({
    description:
      'The leads of the source\'s other stories the article ended with (a "read also" block), as published: cut from the searched text, so they bring it no hits and no tags',
  }),
  links: z.array(z.string()).openapi({
    description: 'Lines of the article linking the source\'s other stories ("اقرأ أيضا: …", "للمزيد: …"), as published: not searched',
  }),
  dateline: z.string().nullable().openapi({
    description:
      'Where the newsroom filed the text from, as it opened it without its closing dashes ("دبي، الإمارات العربية المتحدة (CNN)"): shown before `body`, not searched and not tagged',
  }),
  region_salience: z
    .array(
      z.object({
        region: z.string(),
        mentions: z.number().int(),
        title: z.boolean(),
        leader: z
          .boolean()
          .optional()
          .openapi({ description: 'Whether its head of state or government is named in the title (absent on articles tagged before this was recorded)' }),
        lead: z.boolean(),
        inPassing: z
          .literal(true)
          .optional()
          .openapi({ description: 'Named only inside the name of something else (the World Cup in Russia): mentioned, never about' }),
      }),
    )
    .openapi({ description: 'Per region named: distinct mentions, whether in the title, whether its leader is, whether in the lead' }),
  url: z.string().nullable(),
  marked: z
    .object({
      title: z.string().optional(),
      body: z.string().optional(),
    })
    .optional()
    .openapi({
      description:
        'With `q`: the title and the text, whole, with the words the search of `q` matches in `<mark>` and the rest HTML-escaped, as `/search` marks its hits; absent where nothing matches, and the text absent where the index holds it repaired (run-on words split) rather than as published',
    }),
}).openapi('Article');

const route = publicRoute('get', '/articles/{id}', 'getArticle', {
  summary: 'One article by id',
  request: {
    params: z.object({
      id: ArticleId,
    }),
    // Refused like /search's: a misspelt parameter is said, not silently ignored.
    query: z
      .object({
        q: SearchText.optional().openapi({ description: 'A search the article was found by: the words it matches are marked (`marked`)', example: 'بلينكن' }),
      })
      .strict(),
  },
  responses: {
    200: jsonAnswer('The article', Article),
    404: { description: 'No article with that id', ...errorContent },
    ...errorResponses,
  },
});

const RelatedArticles = z
  .object({
    id: z.string().openapi({ description: 'The article the others are related to' }),
    related: z.array(
      ArticleSummarySchema.extend({
        score: z.number().nullable().openapi({
          description:
            "The engine's more-like-this score, how much of the telling words the article shares: the list follows it within each of its three parts (see the route), not across them",
        }),
      }),
    ),
  })
  .openapi('RelatedArticles');

const relatedRoute = publicRoute('get', '/articles/{id}/related', 'getRelatedArticles', {
  summary: 'Articles related to one article',
  description: `The articles sharing the most telling words of its title and text, the article itself and story copies left out, in three parts, each by \`score\`: of the articles sharing ${RELATED_TERMS.minimumShouldMatch} of the words, those of other outlets scoring at least ${OTHER_OUTLET_SHARE * 100} % of the best score (their reports of the same story); then the rest of them; then, where fewer than \`size\` share that many, those sharing ${FEWER_WORDS_SHARED}. Every size ranks the same candidates, so a list is the start of a longer one.`,
  request: {
    params: z.object({ id: ArticleId }),
    query: z
      .object({
        size: wholeNumber(1, MAX_RELATED)
          .optional()
          .openapi({ type: 'integer', minimum: 1, maximum: MAX_RELATED, description: `How many, 5 unless given (at most ${MAX_RELATED})` }),
      })
      .strict(),
  },
  responses: {
    200: jsonAnswer('The related articles, in the order the route describes', RelatedArticles),
    404: { description: 'No article with that id', ...errorContent },
    ...errorResponses,
  },
});

export function registerArticleRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: AppDependencies,
  traffic: { admission: Admission<'cheap' | 'expensive'>; metrics: ApiMetrics },
): void {
  app.openapi(relatedRoute, async (c) => {
    const { id } = c.req.valid('param');
    // A more-like-this costs the engine what a long search does: it waits in the expensive lane.
    const related = await inLane(traffic, 'expensive', () => deps.service.relatedArticles(id, c.req.valid('query').size ?? 5), 'requests');
    if (!related) throw new ApiError(404, 'not_found', `No article with id "${id}"`, 'id');
    return c.json(
      {
        id,
        related: related.map((hit) => ({
          id: hit.id,
          title: hit.source.title,
          published: hit.source.published ?? null,
          source: hit.source.source ?? null,
          score: hit.score,
          ...facetValuesOf(hit.source),
        })),
      },
      200,
    );
  });

  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { q } = c.req.valid('query');
    const [stored, marked] = await Promise.all([
      deps.service.getArticle(id),
      // A courtesy: the article answers without its marks if they fail.
      q?.trim() ? deps.service.markedArticle(id, q).catch(() => undefined) : undefined,
    ]);
    if (!stored) throw new ApiError(404, 'not_found', `No article with id "${id}"`, 'id');
    return c.json(
      {
        id: stored.id,
        title: stored.title,
        // Readers see the text as published; the index holds it with run-on words split.
        body: stored.body_original ?? stored.body,
        abstract: stored.abstract ?? null,
        author: stored.author ?? null,
        teasers: stored.teasers ?? [],
        links: stored.links ?? [],
        dateline: stored.dateline ?? null,
        published: stored.published ?? null,
        source: stored.source ?? null,
        url: stored.url ?? null,
        ...storedTagsOf(stored),
        ...(marked ? { marked } : {}),
      },
      200,
    );
  });
}
