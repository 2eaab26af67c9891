import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { unreadableRequest } from '../schemas.js';

const Label = z.object({ ar: z.string(), en: z.string() });
const Value = z.object({ value: z.string(), label: Label });
const Facets = z
  .object({
    topics: z.array(Value),
    regions: z.array(Value.extend({ kind: z.enum(['country', 'region']), parents: z.array(z.string()) })),
    people: z.array(Value),
    organizations: z.array(Value),
    taxonomyVersion: z.string(),
  })
  .openapi('Facets');

const route = createRoute({
  method: 'get',
  path: '/facets',
  operationId: 'listFacets',
  security: [],
  summary: 'The taxonomy: every facet value with its slug and Arabic and English labels',
  responses: { 200: { description: 'Facet values', content: { 'application/json': { schema: Facets } } }, ...unreadableRequest },
});

export function registerFacetRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.openapi(route, (c) => {
    const taxonomy = deps.service.taxonomy;
    return c.json(
      {
        topics: taxonomy.topics.map((t) => ({ value: t.slug, label: t.labels })),
        regions: taxonomy.regions.map((r) => ({ value: r.slug, label: r.labels, kind: r.kind, parents: r.parents })),
        people: taxonomy.people.map((p) => ({ value: p.slug, label: p.labels })),
        organizations: taxonomy.organizations.map((o) => ({ value: o.slug, label: o.labels })),
        taxonomyVersion: taxonomy.digest,
      },
      200,
    );
  });
}
