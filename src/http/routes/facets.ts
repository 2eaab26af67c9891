import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Taxonomy } from '../../classify/taxonomy.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { errorContent, jsonAnswer, publicRoute, wholeNumber } from '../schemas.js';

const Label = z.object({ ar: z.string(), en: z.string() });
const Value = z.object({ value: z.string(), label: Label });
const RegionValue = Value.extend({
  kind: z.enum(['country', 'region']),
  iso: z.string().optional().openapi({ description: 'ISO 3166-1 alpha-2 code of a country or territory' }),
  parents: z.array(z.string()).openapi({ description: 'The wider regions it belongs to' }),
  children: z.array(z.string()).openapi({ description: 'The regions and countries that name it as a parent' }),
});
const Facets = z
  .object({
    topics: z.array(Value),
    regions: z.array(RegionValue),
    people: z.array(Value),
    organizations: z.array(Value),
    sources: z
      .array(Value.extend({ names: z.array(z.string()).openapi({ description: 'What else `source=` and `site:` take for it: its labels and other names' }) }))
      .openapi({ description: 'The outlets taxonomy/sources.json labels; a source not listed is labelled with its own name' }),
    filters: z
      .array(z.object({ parameter: z.string(), facet: z.string(), values: z.string(), meaning: z.string() }))
      .openapi({ description: 'Which /search parameter filters by which facet, and what a match means' }),
    taxonomyVersion: z.string(),
    timeZone: z.string().openapi({
      description:
        'The IANA time zone (`TIME_ZONE`) whose days `date_from` and `date_to` keep and whose months the `published` facet counts: a page shows publication times in it',
      example: 'Asia/Riyadh',
    }),
  })
  .openapi('Facets');

const FACET_NAMES = ['topics', 'regions', 'people', 'organizations'] as const;
const FacetValueMatches = z
  .object({ facet: z.enum(FACET_NAMES), q: z.string(), values: z.array(Value.extend({ parents: z.array(z.string()).optional() })) })
  .openapi('FacetValueMatches');

/** What each /search filter means: `region=` is about, `region_mentioned=` names. */
const FILTERS = [
  { parameter: 'topic', facet: 'topics', values: 'topics', meaning: 'articles on one of the topics' },
  {
    parameter: 'region',
    facet: 'regions',
    values: 'regions',
    meaning: 'articles about one of the regions: named in the title, in the lead and again, or repeatedly',
  },
  { parameter: 'region_mentioned', facet: 'regions_mentioned', values: 'regions', meaning: 'articles that name one of the regions, even once in passing' },
  { parameter: 'person', facet: 'people', values: 'people', meaning: 'articles naming one of the people' },
  { parameter: 'organization', facet: 'organizations', values: 'organizations', meaning: 'articles naming one of the organizations' },
  { parameter: 'source', facet: 'source', values: 'facets.source of /search', meaning: 'articles from one of the sources' },
];

const route = publicRoute('get', '/facets', 'listFacets', {
  summary: 'The taxonomy: every facet value with its slug and Arabic and English labels, regions with parents and children',
  // No parameter: /facets?q= had answered the whole taxonomy, as if it had looked (/facets/{facet}?q= does).
  request: { query: z.object({}).strict() },
  responses: { 200: jsonAnswer('Facet values', Facets) },
});

const valueSearchRoute = publicRoute('get', '/facets/{facet}', 'searchFacetValues', {
  summary: "One facet's values whose Arabic or English label or spelling starts with the words typed (for long lists)",
  request: {
    params: z.object({ facet: z.enum(FACET_NAMES) }),
    query: z
      .object({
        q: z.string().max(100, 'at most 100 characters').optional().openapi({ description: 'Start of a name, in Arabic or Latin script', example: 'مال' }),
        size: wholeNumber(1, 100)
          .optional()
          .openapi({ description: 'At most this many values (default 20, at most 100)', type: 'integer', minimum: 1, maximum: 100, default: 20 }),
      })
      .strict(),
  },
  responses: {
    200: jsonAnswer('Matching values, those more served articles carry first, then those matched on a label', FacetValueMatches),
    400: { description: 'An unknown facet, or an invalid parameter', ...errorContent },
  },
});

export function registerFacetRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  app.openapi(route, (c) => {
    const taxonomy = deps.service.taxonomy;
    const children = childrenOf(taxonomy);
    return c.json(
      {
        topics: taxonomy.topics.map((t) => ({ value: t.slug, label: t.labels })),
        regions: taxonomy.regions.map((r) => ({
          value: r.slug,
          label: r.labels,
          kind: r.kind,
          ...(r.iso ? { iso: r.iso } : {}),
          parents: r.parents,
          children: children.get(r.slug) ?? [],
        })),
        people: taxonomy.people.map((p) => ({ value: p.slug, label: p.labels })),
        organizations: taxonomy.organizations.map((o) => ({ value: o.slug, label: o.labels })),
        sources: [...taxonomy.sourceLabels].map(([value, label]) => ({ value, label, names: [...(taxonomy.sourceNames.get(value) ?? [])] })),
        filters: FILTERS,
        taxonomyVersion: taxonomy.digest,
        timeZone: deps.service.timeZone,
      },
      200,
    );
  });

  app.openapi(valueSearchRoute, async (c) => {
    const { facet } = c.req.valid('param');
    const { q = '', size = 20 } = c.req.valid('query');
    const values = (await deps.service.searchFacetValues(facet, q))
      .slice(0, size)
      .map((entry) => ({ value: entry.value, label: entry.labels, ...(entry.parents ? { parents: entry.parents } : {}) }));
    return c.json({ facet, q, values }, 200);
  });
}

function childrenOf(taxonomy: Taxonomy): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const region of taxonomy.regions) {
    for (const parent of region.parents) children.set(parent, [...(children.get(parent) ?? []), region.slug]);
  }
  return children;
}
