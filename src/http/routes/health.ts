import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { isEngineError } from '../../engine/engine-error.js';
import type { BuildState } from '../../index/ensure-index.js';
import type { AppDependencies, AppEnv } from '../app.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    engine: z.object({ reachable: z.boolean(), kind: z.string(), version: z.string().nullable(), cluster: z.string().nullable() }),
    index: z.object({
      alias: z.string(),
      present: z.boolean(),
      documents: z.number().int().nullable(),
      version: z.string().nullable().openapi({ description: 'The index version the alias serves' }),
      build: z.enum(['complete', 'copying', 'unrecorded']).nullable().openapi({ description: "The served version's build state; a version built before states were recorded is `unrecorded`" }),
    }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Engine reachable, index present, document count',
  responses: {
    200: { description: 'Serving', content: { 'application/json': { schema: Health } } },
    503: { description: 'Engine unreachable or index missing', content: { 'application/json': { schema: Health } } },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.openapi(route, async (c) => {
    const alias = deps.config.indexAlias;
    const engine = { reachable: false, kind: deps.engine.kind as string, version: null as string | null, cluster: null as string | null };
    const index = { alias, present: false, documents: null as number | null, version: null as string | null, build: null as 'complete' | 'copying' | 'unrecorded' | null };
    try {
      const info = await deps.engine.info();
      Object.assign(engine, { reachable: true, version: info.version, cluster: await deps.engine.clusterStatus() });
      index.documents = await deps.engine.count(alias);
      index.present = true;
      index.version = (await deps.engine.aliasTargets(alias))[0] ?? null;
      const build = index.version ? ((await deps.engine.indexMetadata(index.version)).build as BuildState | undefined) : undefined;
      index.build = build?.state ?? 'unrecorded';
    } catch (error) {
      if (!isEngineError(error)) throw error;
    }
    const serving = index.present && engine.cluster !== 'red' && index.build !== 'copying';
    const status = !engine.reachable ? 'unavailable' : serving ? 'ok' : 'degraded';
    return c.json({ status, engine, index } as const, status === 'ok' ? 200 : 503);
  });
}
