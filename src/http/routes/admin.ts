import { join } from 'node:path';
import type { ReadableStream } from 'node:stream/web';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { IngestInterruptedError } from '../../ingest/ingest-articles.js';
import { ReloadInProgressError } from '../../service/search-service.js';
import { judgedQueries } from '../../relevance/judged-search.js';
import { ApiError, toErrorResponse } from '../api-error.js';
import { ingestBodyRecords } from '../ingest-body.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { requireAdminKey } from '../require-admin-key.js';
import { adminErrors, errorContent, ErrorSchema } from '../schemas.js';

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

const reloadRoute = createRoute({
  method: 'post',
  path: '/admin/analysis/reload',
  operationId: 'reloadAnalysis',
  summary: 'Apply changed synonym lists and analysis settings without downtime',
  description:
    'Reads mappings/ and analyzers/ again. If anything changed, a new index version is built with it, filled with the served documents, and the alias moves to it in one atomic step; queries keep answering throughout. Unchanged data is a no-op.',
  security: [{ adminKey: [] }],
  responses: {
    200: { description: 'The version now served', content: { 'application/json': { schema: ReloadResult } } },
    409: { description: 'A reload is already running', ...errorContent },
    ...adminErrors,
  },
});

const RetagResult = z
  .object({
    read: z.number().int(),
    changed: z.number().int(),
    failures: z.array(z.object({ id: z.string(), reason: z.string() })),
    taxonomyVersion: z.string(),
  })
  .openapi('RetagResult');

const retagRoute = createRoute({
  method: 'post',
  path: '/admin/tags/rebuild',
  operationId: 'rebuildTags',
  summary: 'Re-read the taxonomy and re-tag every article in place',
  description:
    'Reads taxonomy/ and the people and organization lists again, then updates the topics, regions, people and organizations of every stored article from its stored text. Search keeps answering throughout.',
  security: [{ adminKey: [] }],
  responses: {
    200: { description: 'What changed', content: { 'application/json': { schema: RetagResult } } },
    ...adminErrors,
  },
});

const IngestResult = z
  .object({
    read: z.number().int(),
    indexed: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.array(z.object({ file: z.string(), line: z.number().int(), id: z.string().optional(), reason: z.string() })),
  })
  .openapi('IngestResult');

const ingestRoute = createRoute({
  method: 'post',
  path: '/admin/ingest',
  operationId: 'ingestArticles',
  summary: 'Ingest articles through the same pipeline as the CLI',
  description:
    'NDJSON (one article a line) streams, however long. JSON (one article or an array) and text/plain (one scraped article, its id in ?id=) are read whole, up to 16 MB. Any of them may be gzip-compressed (Content-Encoding: gzip). Articles have an id or a url, a title, text, and optionally published, source and category.',
  security: [{ adminKey: [] }],
  request: {
    query: z.object({
      id: z.string().optional().openapi({ description: 'The id of a text/plain article, as a seed file’s stem is', example: '001_89f3d445d5bfa33a' }),
    }),
    body: {
      required: true,
      content: {
        'application/x-ndjson': { schema: z.string().openapi({ example: '{"id":"a1","title":"…","text":"…","published":"2021-07-27"}' }) },
        // A plain schema, not zod: the route reads the JSON itself, with a size limit, rather than have the validator parse it.
        'application/json': { schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] } },
        'text/plain': { schema: z.string().openapi({ description: 'A scraped article as the seed files hold one' }) },
      },
    },
  },
  responses: {
    200: {
      description: 'The ingest report; rejected records are listed with their line and reason',
      content: { 'application/json': { schema: IngestResult } },
    },
    400: { description: 'An unreadable body, or a text/plain body without a valid id', ...errorContent },
    413: { description: 'A JSON or text body over 16 MB', ...errorContent },
    415: { description: 'A Content-Encoding other than gzip', ...errorContent },
    ...adminErrors,
    503: {
      description:
        'The engine failed mid-ingest: the error, plus in `ingest` the report so far and `notStoredFrom`, the first line that may not be stored. Sending the same body again completes it (stored articles are skipped as unchanged).',
      content: {
        'application/json': {
          schema: ErrorSchema.extend({ ingest: IngestResult.extend({ notStoredFrom: z.object({ file: z.string(), line: z.number().int() }) }).optional() }),
        },
      },
    },
  },
});

const EvalRun = z
  .object({
    profile: z.string(),
    k: z.number().int(),
    mean: z.record(z.string(), z.number()),
    queries: z.array(
      z.object({
        id: z.string(),
        query: z.string(),
        metrics: z.record(z.string(), z.number().nullable()),
        ranked: z.array(z.string()),
        unrated: z.array(z.string()),
      }),
    ),
  })
  .openapi('EvaluationRun');

const evalRoute = createRoute({
  method: 'post',
  path: '/admin/eval',
  operationId: 'evaluateProfile',
  summary: 'Run the judged queries through a profile on the live index and score them',
  description:
    'Uses relevance/judgments/seeds.json against the articles the service serves: per-query and mean nDCG@k, P@5, recall@k, MRR@k, MAP@k, and the unrated documents in each top k.',
  security: [{ adminKey: [] }],
  request: {
    query: z.object({
      profile: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/)
        .optional(),
      k: z
        .string()
        .regex(/^\d{1,3}$/, 'expected a whole number')
        .transform(Number)
        .pipe(z.number().int().min(1).max(100))
        .optional(),
    }),
  },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: EvalRun } } },
    400: { description: 'Unknown profile or bad k', ...errorContent },
    401: adminErrors[401],
    403: adminErrors[403],
  },
});

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  const { service, logger } = deps;
  app.use('/admin/*', requireAdminKey(deps.limits.adminApiKey));
  app.openapi(reloadRoute, async (c) => {
    const requestId = c.get('requestId');
    let lastLog = 0;
    try {
      const state = await service.reloadAnalysis((progress) => {
        if (progress.phase === 'copying' && Date.now() - lastLog < 5_000) return;
        lastLog = Date.now();
        logger.info({ requestId, ...progress }, 'analysis reload in progress');
      });
      logger.info({ requestId, ...state }, 'analysis reloaded');
      return c.json(state, 200);
    } catch (error) {
      if (error instanceof ReloadInProgressError) throw new ApiError(409, 'reload_in_progress', error.message);
      throw error;
    }
  });

  app.openapi(ingestRoute, async (c) => {
    const records = await ingestBodyRecords({
      contentType: c.req.header('content-type'),
      contentEncoding: c.req.header('content-encoding'),
      id: c.req.valid('query').id,
      body: c.req.raw.body as ReadableStream | null,
    });
    try {
      const report = await service.ingest(records);
      logger.info({ requestId: c.get('requestId'), ...report, rejected: report.rejected.length }, 'articles ingested');
      return c.json(report, 200);
    } catch (error) {
      if (!(error instanceof IngestInterruptedError)) throw error;
      // What is stored stays stored: say how much, and where sending again should start.
      const { status, body } = toErrorResponse(error.cause, c);
      logger.warn(
        { requestId: c.get('requestId'), ...error.report, rejected: error.report.rejected.length, notStoredFrom: error.notStoredFrom },
        'ingest interrupted',
      );
      c.header('Retry-After', '5');
      return c.json({ ...body, ingest: { ...error.report, notStoredFrom: error.notStoredFrom } }, status as 503);
    }
  });

  app.openapi(evalRoute, async (c) => {
    const { profile: name, k = 10 } = c.req.valid('query');
    const profile = service.profiles.get(name);
    if (!profile) throw new ApiError(400, 'invalid_parameter', `profile: no profile named "${name}"`, 'profile');
    const run = await service.evaluate(judgedQueries(join(service.dataRoot, 'relevance', 'judgments', 'seeds.json')), profile, k);
    const nullable = (metrics: Record<string, number | undefined>) => Object.fromEntries(Object.entries(metrics).map(([m, v]) => [m, v ?? null]));
    return c.json({ profile: profile.name, k, mean: run.mean, queries: run.queries.map((q) => ({ ...q, metrics: nullable(q.metrics) })) }, 200);
  });

  app.openapi(retagRoute, async (c) => {
    const report = await service.retag();
    logger.info({ requestId: c.get('requestId'), read: report.read, changed: report.changed, taxonomy: report.taxonomyVersion }, 'articles re-tagged');
    return c.json(report, 200);
  });
}
