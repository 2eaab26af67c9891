import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { jsonAnswer, publicRoute } from '../schemas.js';

const ProcessStatus = z
  .object({
    state: z.enum(['running', 'restarting', 'stopped']),
    pid: z.number().int().nullable(),
    restarts: z.number().int(),
    lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), at: z.string() }).nullable(),
    since: z.string(),
  })
  .openapi('EngineProcess', { description: 'The embedded node, when this service supervises it: restarted when it ends unasked' });

const Health = z
  .object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    engine: z.object({
      reachable: z.boolean(),
      kind: z.string(),
      version: z.string().nullable(),
      cluster: z.string().nullable().openapi({ description: "The cluster's colour: green, yellow (a replica unassigned), red (a primary missing)" }),
      nodes: z.number().int().nullable(),
      unassignedShards: z.number().int().nullable(),
      refusedBecause: z.string().nullable().openapi({ description: 'Why engine calls are refused at once now (the node restarts, connections fail)' }),
      process: ProcessStatus.nullable(),
    }),
    index: z.object({
      alias: z.string(),
      present: z.boolean(),
      documents: z.number().int().nullable().openapi({ description: 'Articles stored, the copies of other stories among them' }),
      searchable: z.number().int().nullable().openapi({ description: 'Articles a search can list: those stored, without the copies of other stories' }),
      version: z.string().nullable().openapi({ description: 'The index version the alias serves' }),
      build: z
        .enum(['complete', 'copying', 'unrecorded'])
        .nullable()
        .openapi({ description: "The served version's build state; a version built before states were recorded is `unrecorded`" }),
      tags: z.enum(['current', 'stale', 'unrecorded']).nullable().openapi({
        description:
          'Whether the served articles were tagged with the taxonomy in force: `stale` after a change to taxonomy/ or the people and organization lists, until `POST /admin/tags/rebuild`; `unrecorded` for a version tagged before this was recorded',
      }),
    }),
  })
  .openapi('Health');

const Probe = z.object({ status: z.string(), reason: z.string().nullable().optional(), uptimeSeconds: z.number().optional() }).openapi('Probe');

const route = publicRoute('get', '/health', 'getHealth', {
  summary: 'Engine reachable, its process, index present, document count',
  responses: {
    200: jsonAnswer('Serving', Health),
    503: jsonAnswer('Engine unreachable or index missing', Health),
  },
});

const liveRoute = publicRoute('get', '/health/live', 'getLiveness', {
  summary: 'Liveness: the process answers (whatever the engine does)',
  description: 'Restart the process only when this fails: an engine that is down is waited for, not a reason to restart the API.',
  responses: { 200: jsonAnswer('Alive', Probe) },
});

const readyRoute = publicRoute('get', '/health/ready', 'getReadiness', {
  summary: 'Readiness: the engine reachable and the alias serving an index',
  description: 'Send traffic only while this answers 200. It answers 503 while the engine is down or restarting, and once shutdown has begun.',
  responses: {
    200: jsonAnswer('Ready for searches', Probe),
    503: jsonAnswer('Not ready, and why', Probe),
  },
});

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  const started = Date.now();
  app.openapi(route, async (c) => {
    const health = await deps.service.health();
    return c.json(health, health.status === 'ok' ? 200 : 503);
  });
  app.openapi(liveRoute, (c) => c.json({ status: 'alive', uptimeSeconds: Math.round((Date.now() - started) / 1000) }, 200));
  app.openapi(readyRoute, async (c) => {
    if (deps.lifecycle?.draining()) return c.json({ status: 'draining', reason: 'the service is shutting down' }, 503);
    const { ready, reason } = await deps.service.readiness();
    return c.json({ status: ready ? 'ready' : 'not_ready', reason }, ready ? 200 : 503);
  });
}
