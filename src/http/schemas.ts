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

export const errorResponses = {
  400: { description: 'Invalid parameter', content: { 'application/json': { schema: ErrorSchema } } },
  503: { description: 'Search engine unavailable', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
