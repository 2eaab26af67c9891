import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { storedTagsOf } from '../../index/stored-article.js';
import { ARTICLE_ID } from '../../ingest/prepare-article.js';
import { ApiError } from '../api-error.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { ArticleSummarySchema, errorContent, errorResponses, jsonAnswer, publicRoute } from '../schemas.js';

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
      }),
    )
    .openapi({ description: 'Per region named: distinct mentions, whether in the title, whether its leader is, whether in the lead' }),
  url: z.string().nullable(),
}).openapi('Article');

const route = publicRoute('get', '/articles/{id}', 'getArticle', {
  summary: 'One article by id',
  request: {
    params: z.object({
      id: z.string().regex(ARTICLE_ID, 'expected an article id (letters, digits, _ : . and -, at most 128)').openapi({ example: '000_fee63797c487f9cf' }),
    }),
    // Refused like /search's: a misspelt parameter is said, not silently ignored.
    query: z.object({}).strict(),
  },
  responses: {
    200: jsonAnswer('The article', Article),
    404: { description: 'No article with that id', ...errorContent },
    ...errorResponses,
  },
});

export function registerArticleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const stored = await deps.service.getArticle(id);
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
        published: stored.published ?? null,
        source: stored.source ?? null,
        url: stored.url ?? null,
        ...storedTagsOf(stored),
      },
      200,
    );
  });
}
