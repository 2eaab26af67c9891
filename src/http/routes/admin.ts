import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ensureIndex } from '../../index/ensure-index.js';
import { loadIndexDefinition } from '../../index/index-definition.js';
import type { AppDependencies, AppEnv } from '../app.js';
import { requireAdminKey } from '../require-admin-key.js';
import { ErrorSchema } from '../schemas.js';

const ReloadResult = z
  .object({
    alias: z.string(),
    index: z.string(),
    created: z.boolean(),
    copied: z.number().int(),
    previous: z.array(z.string()),
    removed: z.array(z.string()),
  })
  .openapi('AnalysisReload');

const errorContent = { content: { 'application/json': { schema: ErrorSchema } } };

const reloadRoute = createRoute({
  method: 'post',
  path: '/admin/analysis/reload',
  summary: 'Apply changed synonym lists and analysis settings without downtime',
  description:
    'Reads mappings/ and analyzers/ again. If anything changed, a new index version is built with it, filled with the served documents, and the alias moves to it in one atomic step; queries keep answering throughout. Unchanged data is a no-op.',
  security: [{ adminKey: [] }],
  responses: {
    200: { description: 'The version now served', content: { 'application/json': { schema: ReloadResult } } },
    401: { description: 'Missing or wrong admin key', ...errorContent },
    403: { description: 'Admin endpoints disabled', ...errorContent },
    503: { description: 'Search engine unavailable', ...errorContent },
  },
});

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.use('/admin/*', requireAdminKey(deps.config.adminApiKey));
  app.openapi(reloadRoute, async (c) => {
    const state = await ensureIndex(deps.engine, deps.config.indexAlias, loadIndexDefinition(deps.dataRoot));
    deps.logger.info({ requestId: c.get('requestId'), ...state }, 'analysis reloaded');
    return c.json(state, 200);
  });
}
