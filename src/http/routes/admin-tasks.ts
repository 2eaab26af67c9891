import { z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isCancellation } from '../../concurrency/cancellation.js';
import type { SearchService } from '../../service/search-service.js';
import { TaskConflictError, type Task, type TaskContext, type TaskKind } from '../../service/task-registry.js';
import { ApiError, describeEngineError, type ErrorCode } from '../api-error.js';
import type { AppDependencies, AppEnv } from '../app-dependencies.js';
import { adminRoute, errorContent, jsonAnswer, taskLocationHeader } from '../schemas.js';

const TASK_KINDS = ['analysis-reload', 'tags-rebuild', 'ingest', 'rebuild'] as const satisfies readonly TaskKind[];

const TaskSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TASK_KINDS),
    alias: z.string(),
    state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
    progress: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The last progress the task reported (phase, done, total …)' }),
    result: z.any().openapi({
      description:
        'Succeeded: the outcome (AnalysisReload, RetagResult or IngestResult). Failed or cancelled: the part done, when the task can say (an ingest: its report and `notStoredFrom`, where sending again must start), else null.',
    }),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Task');

/** What an endpoint that starts a task answers; `result` is what the task holds once it succeeded. */
function taskResponses(result: z.ZodType) {
  return {
    202: {
      description: 'Started: the task, also at the Location header (GET /admin/tasks/{id})',
      headers: taskLocationHeader,
      content: {
        'application/json': {
          schema: TaskSchema.extend({
            // A union, not .nullable(): on a named schema that becomes allOf [schema, null], which no null satisfies.
            result: z
              .union([result, z.null()])
              .openapi({ description: 'Succeeded: this outcome. Failed or cancelled: the part done when the task can say, else null.' }),
          }),
        },
      },
    },
    409: {
      description: 'A task that conflicts with this one runs on the alias (its id is in the message and in Location)',
      ...errorContent,
      headers: { ...errorContent.headers, ...taskLocationHeader },
    },
  };
}

/** An admin POST that starts a task: the description says when the 202 comes (`answered`) and what the task `does`. */
export function taskRoute<P extends string>(
  path: P,
  operationId: string,
  summary: string,
  task: { answered?: string; does: string; result: z.ZodType; request?: RouteConfig['request']; responses?: RouteConfig['responses'] },
) {
  const answered = task.answered ? ` ${task.answered}` : '';
  return adminRoute('post', path, operationId, {
    summary,
    description: `Runs as a task (202${answered}, then GET /admin/tasks/{id}). ${task.does} Once it succeeds, the task's \`result\` has the shape the 202 answer's schema gives it.`,
    ...(task.request ? { request: task.request } : {}),
    responses: { ...taskResponses(task.result), ...task.responses },
  });
}

/** A task as the API shows it: its error as a code and a message. */
export function renderTask(task: Task): z.infer<typeof TaskSchema> {
  return { ...task, error: task.state === 'failed' || task.state === 'cancelled' ? describeTaskError(task.error) : null };
}

function describeTaskError(error: unknown): { code: ErrorCode; message: string } {
  if (isCancellation(error) || isCancellation((error as { cause?: unknown })?.cause)) return { code: 'task_cancelled', message: 'The task was cancelled.' };
  const engine = describeEngineError((error as { cause?: unknown })?.cause) ?? describeEngineError(error);
  if (engine) return engine;
  // Admin callers only: the message helps them more than it tells anyone else.
  return { code: 'task_failed', message: error instanceof Error ? error.message : String(error) };
}

/** Starts a task on the service's alias; a conflicting one running answers 409 naming it. */
export function startTask<T>(
  c: Context<AppEnv>,
  service: SearchService,
  kind: TaskKind,
  run: (context: TaskContext) => Promise<T>,
  partialOf?: (error: unknown) => unknown,
): Task {
  try {
    return service.tasks.start(kind, service.alias, run, partialOf);
  } catch (error) {
    if (!(error instanceof TaskConflictError)) throw error;
    throw taskConflict(c, error.running);
  }
}

/** Answers 409 now if a task of `kind` could not start: before a large body is received for nothing. */
export function refuseIfConflicting(c: Context<AppEnv>, service: SearchService, kind: TaskKind): void {
  const running = service.tasks.conflictFor(kind, service.alias);
  if (running) throw taskConflict(c, running);
}

/** 409 naming the running task (its URL in Location). */
export function taskConflict(c: Context<AppEnv>, running: Task): ApiError {
  c.header('Location', `/admin/tasks/${running.id}`);
  return new ApiError(
    409,
    'task_conflict',
    `${/^[aeiou]/i.test(running.kind) ? 'An' : 'A'} ${running.kind} task (${running.id}) is running on ${running.alias}; wait for it to end, or cancel it.`,
  );
}

/** 202 with the task, and where to follow it. */
export function acceptedTask(c: Context<AppEnv>, task: Task) {
  c.header('Location', `/admin/tasks/${task.id}`);
  return c.json(renderTask(task), 202);
}

const TaskId = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const notFound = { description: 'No such task (finished tasks are kept in memory, the last 100)', ...errorContent };

const listRoute = adminRoute('get', '/admin/tasks', 'listTasks', {
  summary: 'The tasks of this process, newest first',
  responses: { 200: jsonAnswer('Running and recently finished tasks', z.object({ tasks: z.array(TaskSchema) })) },
});

const getRoute = adminRoute('get', '/admin/tasks/{id}', 'getTask', {
  summary: "A task's state, progress and result",
  request: { params: TaskId },
  responses: { 200: jsonAnswer('The task', TaskSchema), 404: notFound },
});

const cancelRoute = adminRoute('post', '/admin/tasks/{id}/cancel', 'cancelTask', {
  summary: 'Ask a running task to stop',
  description:
    'The task stops at its next step and ends `cancelled`: a reload deletes the version it was building (the alias stays), a re-tag keeps the articles it re-tagged, an ingest finishes the batches sent and says where to resume. A task already ended is answered 200, as it is: there was nothing to stop.',
  request: { params: TaskId },
  responses: { 200: jsonAnswer('Already ended: the task as it ended', TaskSchema), 202: jsonAnswer('Asked to stop', TaskSchema), 404: notFound },
});

export function registerTaskRoutes(app: OpenAPIHono<AppEnv>, deps: AppDependencies): void {
  const { tasks } = deps.service;
  const found = (id: string) => {
    const task = tasks.get(id);
    if (!task) throw new ApiError(404, 'not_found', `No task ${id}`);
    return task;
  };
  app.openapi(listRoute, (c) => c.json({ tasks: tasks.list().map(renderTask) }, 200));
  app.openapi(getRoute, (c) => c.json(renderTask(found(c.req.valid('param').id)), 200));
  app.openapi(cancelRoute, (c) => {
    const { id } = c.req.valid('param');
    if (found(id).state !== 'running') return c.json(renderTask(found(id)), 200);
    deps.logger.info({ requestId: c.get('requestId'), task: id }, 'task cancellation asked');
    return c.json(renderTask(tasks.cancel(id)!), 202);
  });
}
