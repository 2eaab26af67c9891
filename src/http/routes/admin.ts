import { join } from 'node:path';
import type { ReadableStream } from 'node:stream/web';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { IngestInterruptedError, type IngestOptions, type IngestReport } from '../../ingest/ingest-articles.js';
import type { SourceRecord } from '../../ingest/source-records.js';
import { judgedQueries } from '../../relevance/judged-search.js';
import type { BuildProgress } from '../../index/ensure-index.js';
import { EmptyRebuildError } from '../../index/rebuild-index.js';
import { ApiError } from '../api-error.js';
import { receiveIngestBody } from '../ingest-body.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { requireAdminKey } from '../require-admin-key.js';
import { adminRoute, errorContent, jsonAnswer, taskLocationHeader, wholeNumber } from '../schemas.js';
import { acceptedTask, refuseIfConflicting, registerTaskRoutes, startTask, taskConflict, taskRoute } from './admin-tasks.js';
import { ArticleId } from './articles.js';

const IngestResult = z
  .object({
    read: z.number().int(),
    indexed: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    duplicates: z.number().int(),
    duplicateRecords: z
      .array(z.object({ file: z.string(), line: z.number().int(), id: z.string() }))
      .openapi({ description: 'Each record skipped because its id was met earlier in the same request (the first one is stored): where it was, and the id.' }),
    repeatedStories: z.number().int().openapi({
      description:
        'Stored as copies of a story already stored under another id (the same source, and the same title and publication time, or the same text word for word when it runs to 40 words or more: a shorter text is too likely shared by two stories): kept, left out of searches.',
    }),
    withTeasers: z.number().int().openapi({
      description: 'Stored with the leads of the source\'s other stories they ended with (a "read also" block) cut from the searched text.',
    }),
    rejected: z.array(z.object({ file: z.string(), line: z.number().int(), id: z.string().optional(), reason: z.string() })),
    droppedFields: z.array(z.object({ file: z.string(), line: z.number().int(), id: z.string(), field: z.string(), reason: z.string() })).openapi({
      description:
        'Articles stored without a field only shown with them (`url`, `category`, `abstract`, `author`) whose value was no text (a number, an object, a list): where, which field and why. The article is stored; the field is not.',
    }),
  })
  .openapi('IngestResult');

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

const RetagResult = z
  .object({
    read: z.number().int(),
    changed: z.number().int(),
    failures: z.array(z.object({ id: z.string(), reason: z.string() })),
    taxonomyVersion: z.string(),
  })
  .openapi('RetagResult');

const reloadRoute = taskRoute('/admin/analysis/reload', 'reloadAnalysis', 'Apply changed synonym lists and analysis settings without downtime', {
  does: 'Reads mappings/ and analyzers/ again. If anything changed, a new index version is built with it, filled with the served documents (articles written meanwhile are caught up), and the alias moves to it in one atomic step; queries keep answering throughout. Unchanged data is a no-op.',
  result: ReloadResult,
});

const retagRoute = taskRoute('/admin/tags/rebuild', 'rebuildTags', 'Re-read the taxonomy and re-tag every article in place', {
  does: 'Reads taxonomy/ and the people and organization lists again, then updates the topics, regions, people and organizations of every stored article from its stored text. Search keeps answering throughout.',
  result: RetagResult,
});

/** A task over the articles in the request's body: NDJSON, JSON or one scraped text. */
const articlesBodyRoute = <P extends string>(path: P, operationId: string, summary: string, task: { does: string; result: z.ZodType }) =>
  taskRoute(path, operationId, summary, {
    answered: 'once the body is received',
    does: `${task.does} NDJSON (one article a line) is received into a temporary file, up to 1 GB, then read by the task. JSON (one article or an array) and text/plain (one scraped article, its id in ?id=) are read whole, up to 16 MB. Any of them may be gzip-compressed (Content-Encoding: gzip). Articles have an id (a string, or a number read as its digits) or a url, a title, text, and optionally published, source and category.`,
    result: task.result,
    request: {
      query: z.object({
        id: z.string().optional().openapi({ description: 'The id of a text/plain article, as a seed file’s stem is', example: '001_89f3d445d5bfa33a' }),
        source: z.string().optional().openapi({ description: 'The source of a text/plain article, as its feed names it (else `unknown`)', example: 'BBC' }),
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
      400: { description: 'An unreadable body, or a text/plain body without a valid id', ...errorContent },
      413: { description: 'A JSON or text body over 16 MB, or an NDJSON body over 1 GB as sent', ...errorContent },
      415: { description: 'A Content-Type other than these three, or a Content-Encoding other than gzip', ...errorContent },
      507: { description: 'The server could not store an NDJSON body to read it (a full disk); nothing was ingested', ...errorContent },
    },
  });

const ingestRoute = articlesBodyRoute('/admin/ingest', 'ingestArticles', 'Ingest articles through the same pipeline as the CLI', {
  does: 'Each article is stored through the ingest pipeline; one already stored under its id is replaced only if it changed.',
  result: IngestResult,
});

const rebuildRoute = articlesBodyRoute('/admin/rebuild', 'rebuildIndex', 'Build a fresh index version from the articles sent, and serve it', {
  does: "A new version is filled with the body's articles alone, through the ingest pipeline, and the alias moves to it in one step; until then, and if it fails or is cancelled, the version served stays.",
  result: IngestResult.extend({ index: z.string(), previous: z.array(z.string()), removed: z.array(z.string()) }),
});

const deleteArticleRoute = adminRoute('delete', '/admin/articles/{id}', 'deleteArticle', {
  summary: 'Delete an article, and the copies of its story stored under other ids',
  description:
    'Searches, facets and the article view no longer find it once answered. The copies of its story (the same source re-filing it under another id) go with it: searches reach them only through it. Refused with 409 while an analysis reload, a re-tag or a rebuild runs on the index (their copy or update would keep or miss it).',
  request: { params: z.object({ id: ArticleId }) },
  responses: {
    200: jsonAnswer(
      'What was deleted',
      z
        .object({
          id: z.string(),
          deleted: z.array(z.string()).openapi({ description: 'The article and its story copies, as deleted' }),
          failures: z.array(z.object({ id: z.string(), reason: z.string() })).openapi({ description: 'Those the engine refused to delete' }),
        })
        .openapi('DeletedArticle'),
    ),
    404: { description: 'No article with that id', ...errorContent },
    409: {
      description: 'An index-wide task is running on the index; its Location names it',
      ...errorContent,
      headers: { ...errorContent.headers, ...taskLocationHeader },
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

const evalRoute = adminRoute('post', '/admin/eval', 'evaluateProfile', {
  summary: 'Run the judged queries through a profile on the live index and score them',
  description:
    'Uses relevance/judgments/seeds.json against the articles the service serves: per-query and mean nDCG@k, P@5, recall@k, MRR@k, MAP@k, and the unrated documents in each top k.',
  request: {
    query: z.object({
      profile: z
        .string()
        .regex(/^[a-z0-9-]{1,64}$/)
        .optional(),
      k: wholeNumber(1, 100).optional(),
    }),
  },
  responses: {
    200: jsonAnswer('The run', EvalRun),
    400: { description: 'Unknown profile or bad k', ...errorContent },
  },
});

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  const { service, logger } = deps;
  app.use('/admin/*', requireAdminKey(deps.limits.adminApiKey, { logger, trustProxy: deps.limits.trustProxy ?? false }));
  registerTaskRoutes(app, deps);
  // A finished task's result, by kind: in the document for clients, though a task's `result` is loosely typed.
  for (const [name, schema] of [
    ['AnalysisReload', ReloadResult],
    ['RetagResult', RetagResult],
    ['IngestResult', IngestResult],
  ] as const)
    app.openAPIRegistry.register(name, schema);

  app.openapi(deleteArticleRoute, async (c) => {
    const { id } = c.req.valid('param');
    const running = service.tasks.indexWideTaskOn(service.alias);
    if (running) throw taskConflict(c, running);
    const outcome = await service.deleteArticle(id);
    if (!outcome) throw new ApiError(404, 'not_found', `No article with id "${id}"`, 'id');
    logger.info({ requestId: c.get('requestId'), id, deleted: outcome.deleted.length, failures: outcome.failures.length }, 'article deleted');
    return c.json({ id, ...outcome }, 200);
  });

  app.openapi(reloadRoute, async (c) => {
    const task = startTask(c, service, 'analysis-reload', ({ signal, progress }) => {
      let lastLog = 0;
      return service.reloadAnalysis({
        signal,
        onProgress: (step: BuildProgress) => {
          progress(step);
          if (step.phase === 'copying' && Date.now() - lastLog < 5_000) return;
          lastLog = Date.now();
          logger.info({ requestId: c.get('requestId'), ...step }, 'analysis reload in progress');
        },
      });
    });
    return acceptedTask(c, task);
  });

  app.openapi(retagRoute, async (c) => {
    const task = startTask(c, service, 'tags-rebuild', ({ signal, progress }) =>
      service.retag({ signal, onProgress: (done, total) => progress({ done, total }) }),
    );
    return acceptedTask(c, task);
  });

  /** Receives the body, then runs `work` over its articles as a task of `kind`. */
  const articlesTask =
    (kind: 'ingest' | 'rebuild', work: (records: AsyncIterable<SourceRecord>, options: IngestOptions) => Promise<unknown>) => async (c: Context<AppEnv>) => {
      refuseIfConflicting(c, service, kind);
      const received = await receiveIngestBody({
        contentType: c.req.header('content-type'),
        contentEncoding: c.req.header('content-encoding'),
        contentLength: c.req.header('content-length'),
        id: c.req.query('id'),
        source: c.req.query('source'),
        body: c.req.raw.body as ReadableStream | null,
      });
      const progressOf = (report: IngestReport) => ({ ...report, rejected: report.rejected.length });
      try {
        const task = startTask(
          c,
          service,
          kind,
          async ({ signal, progress }) => {
            try {
              return await work(received.records, { signal, onProgress: (report) => progress(progressOf(report)) });
            } finally {
              received.dispose();
            }
          },
          // What is stored stays stored: the task says how much, and where sending again should start.
          // A rebuild that failed leaves nothing (its version is deleted); one that stored nothing says why.
          (error) => {
            if (kind === 'ingest' && error instanceof IngestInterruptedError) return { ...error.report, notStoredFrom: error.notStoredFrom };
            return error instanceof EmptyRebuildError ? error.report : undefined;
          },
        );
        return acceptedTask(c, task);
      } catch (error) {
        received.dispose();
        throw error;
      }
    };
  app.openapi(
    ingestRoute,
    articlesTask('ingest', (records, options) => service.ingest(records, options)),
  );
  app.openapi(
    rebuildRoute,
    articlesTask('rebuild', (records, options) => service.rebuild(records, options)),
  );

  app.openapi(evalRoute, async (c) => {
    const { profile: name, k = 10 } = c.req.valid('query');
    const profile = service.profiles.get(name);
    if (!profile) throw new ApiError(400, 'invalid_parameter', `profile: no profile named "${name}"`, 'profile');
    const run = await service.evaluate(judgedQueries(join(service.dataRoot, 'relevance', 'judgments', 'seeds.json')), profile, k);
    const nullable = (metrics: Record<string, number | undefined>) => Object.fromEntries(Object.entries(metrics).map(([m, v]) => [m, v ?? null]));
    return c.json({ profile: profile.name, k, mean: run.mean, queries: run.queries.map((q) => ({ ...q, metrics: nullable(q.metrics) })) }, 200);
  });
}
