import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_parameter' }),
      message: z.string(),
      requestId: z.string(),
      field: z.string().optional().openapi({ description: 'The request field at fault, for 400 answers' }),
    }),
  })
  .openapi('Error');

/** What the article view and each search hit show of an article: id, title, date and facet keys. */
export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  published: z.string().nullable().openapi({
    description:
      "When it was published, as its source dated it: a day (2021-08-06), or a day and time in UTC, ISO 8601 (2018-10-19T16:00:51Z: a source's offset applied, a time given without one read as UTC); null when undated. Sorting, date filters and the month facet read it in UTC.",
  }),
  source: z.string().nullable().openapi({ description: 'The outlet that published it' }),
  topics: z.array(z.string()),
  regions: z
    .array(z.string())
    .openapi({ description: 'Regions the article is about (named in the title, in the lead and again, or repeatedly), with their parents' }),
  regions_mentioned: z.array(z.string()).openapi({ description: 'Every region the article names, even once in passing, with their parents' }),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
});

/** Every answer's id, also in an error's body: what the logs are searched by. */
const requestIdHeader = { 'X-Request-Id': { description: "This answer's id, as the server's log lines name it", schema: { type: 'string' as const } } };

/** The body of every error answer, for a route's responses: `{ description, ...errorContent }`. */
export const errorContent = { headers: requestIdHeader, content: { 'application/json': { schema: ErrorSchema } } };

/** An error answer that says when to ask again. */
const retriedLater = {
  ...errorContent,
  headers: { ...requestIdHeader, 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' as const, minimum: 1 } } },
};

/** Where a task is followed, on the answer that started it or names the one in the way. */
export const taskLocationHeader = { Location: { description: 'The task: GET /admin/tasks/{id}', schema: { type: 'string' as const } } };

/** What any route answers to a request the server cannot read, before any route sees it. */
export const unreadableRequest = {
  400: { description: 'An unreadable request: raw (unencoded) bytes in the URL, or a malformed request line', ...errorContent },
  431: { description: 'A request line or headers too long to read (a q past its limit, percent-encoded, can be one)', ...errorContent },
} as const;

/** What every admin endpoint can answer besides its own result. */
export const adminErrors = {
  401: { description: 'Missing or wrong admin key', ...errorContent },
  403: { description: 'Admin endpoints disabled', ...errorContent },
  429: { description: 'Too many wrong admin keys from this client: every admin request is refused until Retry-After', ...retriedLater },
  503: { description: 'Search engine unavailable', ...errorContent },
} as const;

/** An admin endpoint's 400 and 431 unless it names its own: every one refuses parameters it does not take. */
const adminRequestErrors = {
  400: { description: 'An invalid or unknown parameter (the field named), or an unreadable request', ...errorContent },
  431: unreadableRequest[431],
} as const;

export const errorResponses = {
  400: { description: 'Invalid parameter', ...errorContent },
  429: {
    description: 'Too many requests from this client (RATE_LIMIT_PER_MINUTE), or explained searches at once; Retry-After says when to retry',
    ...retriedLater,
  },
  503: {
    description: 'Search engine unavailable or restarting, or too many searches waiting (`overloaded`); Retry-After says when to retry',
    ...retriedLater,
  },
} as const;

/** A successful JSON answer of a route: what it means and its schema. */
export function jsonAnswer<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } };
}

type Method = RouteConfig['method'];
type RouteDetails = Omit<RouteConfig, 'method' | 'path' | 'operationId' | 'security'>;
type EmptyQuery = z.ZodObject<Record<string, never>>;
/** The query schema a route declares, or the empty one. */
type QueryOf<R extends RouteDetails> = R extends { request: { query: infer Q extends z.ZodObject } } ? Q : EmptyQuery;

/**
 * A route behind the admin key: its own answers, then 401, 403 and 503. A query parameter it does
 * not take is refused, as on the public routes: `?profle=` would otherwise score the default profile.
 */
export function adminRoute<M extends Method, P extends string, R extends RouteDetails>(method: M, path: P, operationId: string, details: R) {
  const query = details.request?.query instanceof z.ZodObject ? details.request.query.strict() : z.object({}).strict();
  return createRoute({
    method,
    path,
    operationId,
    ...details,
    request: { ...(details.request as NonNullable<R['request']>), query: query as QueryOf<R> },
    security: [{ adminKey: [] }],
    responses: { ...adminRequestErrors, ...details.responses, ...adminErrors },
  });
}

/** A route anyone may call: no key; the 400 for an unreadable request unless the route names its own 400. */
export function publicRoute<M extends Method, P extends string, R extends RouteDetails>(method: M, path: P, operationId: string, details: R) {
  return createRoute({ method, path, operationId, ...details, security: [], responses: { ...unreadableRequest, ...details.responses } });
}

/** A whole number given in a query string: digits only, within `min`..`max`, each bound a 400 that says it. */
export function wholeNumber(min: number, max = Infinity) {
  // Digits only, so a whole number however large: past a bound the route's own limit answers (size: at most 50).
  return z
    .string()
    .regex(/^\d+$/, `expected a whole number, at least ${min}`)
    .transform(Number)
    .pipe(Number.isFinite(max) ? z.number().min(min, `at least ${min}`).max(max, `at most ${max}`) : z.number().min(min, `at least ${min}`));
}
