import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_parameter' }),
      message: z.string(),
      requestId: z.string(),
      field: z.string().optional().openapi({ description: 'The request field at fault, for 400 answers' }),
    }),
  })
  .openapi('Error');

/** What the article view and each search hit show of an article: id, title, date and facet keys. */
export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  published: z.string().nullable(),
  topics: z.array(z.string()),
  regions: z
    .array(z.string())
    .openapi({ description: 'Regions the article is about (named in the title, in the lead and again, or repeatedly), with their parents' }),
  regions_mentioned: z.array(z.string()).openapi({ description: 'Every region the article names, even once in passing, with their parents' }),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
});

export const errorResponses = {
  400: { description: 'Invalid parameter', content: { 'application/json': { schema: ErrorSchema } } },
  503: { description: 'Search engine unavailable', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
