import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { unreadableRequest } from '../schemas.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    engine: z.object({ reachable: z.boolean(), kind: z.string(), version: z.string().nullable(), cluster: z.string().nullable() }),
    index: z.object({
      alias: z.string(),
      present: z.boolean(),
      documents: z.number().int().nullable(),
      version: z.string().nullable().openapi({ description: 'The index version the alias serves' }),
      build: z
        .enum(['complete', 'copying', 'unrecorded'])
        .nullable()
        .openapi({ description: "The served version's build state; a version built before states were recorded is `unrecorded`" }),
    }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  security: [],
  summary: 'Engine reachable, index present, document count',
  responses: {
    200: { description: 'Serving', content: { 'application/json': { schema: Health } } },
    503: { description: 'Engine unreachable or index missing', content: { 'application/json': { schema: Health } } },
    ...unreadableRequest,
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.openapi(route, async (c) => {
    const health = await deps.service.health();
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });
}
