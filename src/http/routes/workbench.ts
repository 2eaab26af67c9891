import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { ARTICLE_ID } from '../../ingest/prepare-article.js';
import { evaluateRanking, type QueryMetrics } from '../../relevance/rank-metrics.js';
import { JudgmentError } from '../../relevance/judgment-store.js';
import type { SearchRequest } from '../../search/build-search-body.js';
import type { SearchProfile } from '../../search/search-profile.js';
import { ApiError } from '../api-error.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { EXPLAIN_MAX_HITS, type ExplainSlots } from '../explain-slots.js';
import { adminRoute, errorContent, jsonAnswer } from '../schemas.js';

// The relevance workbench's data: judgment sets, profiles side by side on them, one query's
// ranking with grades, explanations and the engine query, and grading in place.

const badRequest = { 400: { description: 'Invalid parameter', ...errorContent } } as const;
const notFound = { 404: { description: 'No such judgment set, query or article', ...errorContent } } as const;

const setName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected a judgment set name')
  .openapi({ description: 'A file of relevance/judgments/, without .json', example: 'seeds' });
const queryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,127}$/, 'expected a query id')
  .openapi({ example: 'blinken-ar' });
const articleId = z.string().regex(ARTICLE_ID, 'expected an article id').openapi({ example: '000_fee63797c487f9cf' });
/** One or two profiles (`?profile=a&profile=b`), the first the baseline. */
const profiles = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected a profile name'))
      .min(1)
      .max(2, 'at most two profiles'),
  )
  .optional()
  .openapi({ description: 'One or two ranking profiles, the first the baseline (default: the default profile)', type: 'string' });
const Metrics = z.record(z.string(), z.number().nullable());
const QueryText = z.object({ id: z.string(), query: z.string(), need: z.string() });

const JudgmentSets = z
  .object({
    sets: z.array(z.object({ name: z.string(), description: z.string(), scale: z.record(z.string(), z.string()), queries: z.array(QueryText) })),
    profiles: z.array(z.object({ name: z.string(), description: z.string(), public: z.boolean(), default: z.boolean() })),
  })
  .openapi('JudgmentSets');

const setsRoute = adminRoute('get', '/admin/judgments', 'listJudgmentSets', {
  summary: 'The judgment sets and the ranking profiles, for the workbench',
  responses: { 200: jsonAnswer('Sets and profiles', JudgmentSets) },
});

const GradeResult = z
  .object({ set: z.string(), queryId: z.string(), articleId: z.string(), grade: z.number().int(), ratings: z.record(z.string(), z.number().int()) })
  .openapi('GradeResult');

const gradeRoute = adminRoute('put', '/admin/judgments/{set}/{queryId}/{articleId}', 'gradeArticle', {
  summary: 'Grade one article for one judged query, written back to the judgment file',
  description:
    'Sets the grade (0 Poor, 1 Fair, 2 Good, 3 Perfect) and writes relevance/judgments/<set>.json whole: a temporary file renamed over it. The article must be in the index.',
  request: {
    params: z.object({ set: setName, queryId, articleId }),
    body: { required: true, content: { 'application/json': { schema: z.object({ grade: z.number().int().min(0).max(3) }).openapi('Grade') } } },
  },
  responses: {
    200: jsonAnswer('The query’s ratings after the change', GradeResult),
    ...badRequest,
    ...notFound,
    409: { description: 'The judgment files cannot be written on this server', ...errorContent },
  },
});

const Comparison = z
  .object({
    set: z.string(),
    k: z.number().int(),
    queries: z.array(QueryText),
    profiles: z.array(z.object({ name: z.string(), mean: z.record(z.string(), z.number()), queries: z.array(z.object({ id: z.string(), metrics: Metrics })) })),
  })
  .openapi('WorkbenchComparison');

const compareRoute = adminRoute('get', '/admin/workbench/{set}', 'compareProfiles', {
  summary: 'Every judged query of a set under one or two profiles: metrics per query and overall',
  request: { params: z.object({ set: setName }), query: z.object({ profile: profiles }) },
  responses: { 200: jsonAnswer('Metrics', Comparison), ...badRequest, ...notFound },
});

const RankedHit = z.object({
  rank: z.number().int(),
  id: z.string(),
  title: z.string(),
  grade: z.number().int().nullable().openapi({ description: 'null: not judged yet' }),
  score: z.number().nullable(),
  explanation: z.object({ score: z.number(), matches: z.array(z.object({ field: z.string(), term: z.string(), score: z.number() })) }).optional(),
});
const QueryRanking = z
  .object({
    set: z.string(),
    k: z.number().int(),
    index: z.string().openapi({ description: 'The alias the body is sent to' }),
    query: QueryText.extend({ notes: z.string().optional() }),
    profiles: z.array(
      z.object({
        name: z.string(),
        metrics: Metrics,
        hits: z.array(RankedHit),
        body: z.record(z.string(), z.unknown()).openapi({ description: 'The exact body sent to the engine’s _search' }),
      }),
    ),
  })
  .openapi('WorkbenchQuery');

const queryRoute = adminRoute('get', '/admin/workbench/{set}/{queryId}', 'explainQueryRanking', {
  summary: 'One judged query under one or two profiles: the top results with grades, explanations and the engine query',
  description: `The top ${EXPLAIN_MAX_HITS} of each profile, each hit with its grade and the field/term pairs that scored it. Explained searches share the search route's limit of two at once (429 past it).`,
  request: { params: z.object({ set: setName, queryId }), query: z.object({ profile: profiles }) },
  responses: {
    200: jsonAnswer('The rankings', QueryRanking),
    ...badRequest,
    ...notFound,
    429: { description: 'Two explained searches are already running', ...errorContent },
  },
});

const K = EXPLAIN_MAX_HITS;
const nullable = (metrics: QueryMetrics) => Object.fromEntries(Object.entries(metrics).map(([m, v]) => [m, v ?? null]));

export function registerWorkbenchRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies, explainSlots: ExplainSlots): void {
  const { service } = deps;
  const profilesNamed = (names: string[] = [service.profiles.defaultName]): SearchProfile[] =>
    names.map((name) => {
      const profile = service.profiles.get(name);
      if (!profile) throw new ApiError(400, 'invalid_parameter', `profile: no profile named "${name}" (${service.profiles.names().join(', ')})`, 'profile');
      return profile;
    });
  const judgmentSet = (name: string) => {
    try {
      return service.judgments.load(name);
    } catch (error) {
      if (error instanceof JudgmentError) throw new ApiError(404, 'not_found', error.message, 'set');
      throw error;
    }
  };

  app.openapi(setsRoute, (c) => {
    const sets = service.judgments.names().map((name) => {
      const judgments = service.judgments.load(name);
      return {
        name,
        description: judgments.description,
        scale: judgments.scale,
        queries: judgments.queries.map(({ id, query, need }) => ({ id, query, need })),
      };
    });
    const profileList = service.profiles.names().map((name) => {
      const profile = service.profiles.get(name)!;
      return { name, description: profile.description, public: profile.public, default: name === service.profiles.defaultName };
    });
    return c.json({ sets, profiles: profileList }, 200);
  });

  app.openapi(gradeRoute, async (c) => {
    const { set, queryId, articleId } = c.req.valid('param');
    const { grade } = c.req.valid('json');
    judgmentSet(set);
    if (!(await service.getArticle(articleId))) throw new ApiError(404, 'not_found', `No article with id "${articleId}"`, 'articleId');
    try {
      const judgments = await service.judgments.setGrade(set, queryId, articleId, grade);
      deps.logger.info({ requestId: c.get('requestId'), set, queryId, articleId, grade }, 'article graded');
      return c.json({ set, queryId, articleId, grade, ratings: judgments.queries.find((q) => q.id === queryId)!.ratings }, 200);
    } catch (error) {
      if (error instanceof JudgmentError) throw new ApiError(404, 'not_found', error.message, 'queryId');
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
        throw new ApiError(409, 'judgments_read_only', 'relevance/judgments/ cannot be written on this server (read-only files)');
      }
      throw error;
    }
  });

  app.openapi(compareRoute, async (c) => {
    const { set } = c.req.valid('param');
    const chosen = profilesNamed(c.req.valid('query').profile);
    const judgments = judgmentSet(set);
    const queries = judgments.queries.map((q) => ({ id: q.id, query: q.query, grades: new Map(Object.entries(q.ratings)) }));
    const runs = [];
    for (const profile of chosen) {
      const run = await service.evaluate(queries, profile, K);
      runs.push({ name: profile.name, mean: run.mean, queries: run.queries.map((q) => ({ id: q.id, metrics: nullable(q.metrics) })) });
    }
    return c.json({ set, k: K, queries: judgments.queries.map(({ id, query, need }) => ({ id, query, need })), profiles: runs }, 200);
  });

  app.openapi(queryRoute, async (c) => {
    const { set, queryId: id } = c.req.valid('param');
    const chosen = profilesNamed(c.req.valid('query').profile);
    const judged = judgmentSet(set).queries.find((q) => q.id === id);
    if (!judged) throw new ApiError(404, 'not_found', `no query "${id}" in the set "${set}"`, 'queryId');
    const grades = new Map(Object.entries(judged.ratings));
    const request: SearchRequest = {
      q: judged.query,
      filters: { topics: [], regions: [], people: [], organizations: [] },
      from: 0,
      size: K,
      sort: 'relevance',
      facetSize: 1,
      explain: true,
    };
    const rankings = [];
    for (const profile of chosen) {
      const result = await explainSlots.run(() => service.search(request, profile));
      const ids = result.hits.map((hit) => hit.id);
      rankings.push({
        name: profile.name,
        metrics: nullable(evaluateRanking(ids, grades, K)),
        hits: result.hits.map((hit, index) => ({
          rank: index + 1,
          id: hit.id,
          title: hit.title,
          grade: grades.get(hit.id) ?? null,
          score: hit.score,
          ...(hit.explanation ? { explanation: hit.explanation } : {}),
        })),
        body: service.searchBody(request, profile),
      });
    }
    return c.json(
      {
        set,
        k: K,
        index: service.alias,
        query: { id: judged.id, query: judged.query, need: judged.need, ...(judged.notes ? { notes: judged.notes } : {}) },
        profiles: rankings,
      },
      200,
    );
  });
}
