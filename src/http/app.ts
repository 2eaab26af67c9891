import { randomUUID } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { matchedRoutes } from 'hono/route';
import { loadConfig } from '../config.js';
import { escapeRegExp } from '../escape-reg-exp.js';
import { Admission } from './admission.js';
import { ApiError, errorBody, toErrorResponse } from './api-error.js';
import { compressAnswers } from './compress-answers.js';
import { unreadableRequest } from './schemas.js';
import { ExplainSlots } from './explain-slots.js';
import type { AppDependencies, AppEnv } from './app-dependencies.js';
import { ApiMetrics } from './metrics.js';
import { findMalformedParameter, UNNAMED } from './query-string.js';
import { clientOf, RateLimiter } from './rate-limit.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerArticleRoutes } from './routes/articles.js';
import { registerFacetRoutes } from './routes/facets.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerSearchFeedRoute } from './routes/search-feed.js';
import { registerSuggestRoutes } from './routes/suggest.js';
import { PAGE_PATHS, registerWebRoutes } from './routes/web.js';
import { registerWorkbenchRoutes } from './routes/workbench.js';
import '../zod-messages.js';

/** A client's own request id is kept for the logs if it is plain printable text; ours is always generated. */
const CLIENT_REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/** Builds the HTTP API; no network or engine work happens until a request arrives. */
export function createApp(deps: AppDependencies): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Every validation failure answers the same 400 shape, naming the first offending field.
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const field = issue ? String(issue.path[0] ?? ('keys' in issue ? (issue.keys as string[])[0] : '')) : '';
      const said =
        issue?.code === 'unrecognized_keys' ? `not a parameter of ${c.req.method} ${openApiPath(c.req.routePath)} (/openapi.json lists them)` : issue?.message;
      const message = said ? `${field ? `${field}: ` : ''}${said}` : 'invalid request';
      // Values each right but too many of them: a code of its own, so a page can say what to do.
      const tooMany = issue?.code === 'too_big' && 'origin' in issue && issue.origin === 'array';
      return c.json(errorBody(c, tooMany ? 'too_many_values' : 'invalid_parameter', message, field || undefined), 400);
    },
  });

  app.use(async (c, next) => {
    // Never adopted: a client could otherwise forge or collide with the ids our logs are searched by.
    const id = randomUUID();
    c.set('requestId', id);
    const clientId = c.req.header('x-request-id');
    if (clientId && CLIENT_REQUEST_ID.test(clientId)) c.set('clientRequestId', clientId);
    c.header('X-Request-Id', id);
    // Every answer is what its Content-Type says: an error echoing a query is never sniffed into a page.
    c.header('X-Content-Type-Options', 'nosniff');
    // Any answer may come gzipped to a client that asks: a shared cache keys it by Accept-Encoding, asked or not.
    c.header('Vary', 'Accept-Encoding');
    await next();
    // Shutting down: this answer is the connection's last, so a kept-alive client reconnects elsewhere.
    if (deps.lifecycle?.draining()) c.header('Connection', 'close');
  });
  const limits = { ...loadConfig({}), ...deps.limits };
  const metrics = deps.metrics ?? new ApiMetrics();
  deps.service.tasks.watch(metrics.taskChanged);
  const lane = { queue: limits.searchQueueLimit, maxWaitMs: limits.searchQueueTimeoutMs };
  const admission = new Admission({
    cheap: { concurrency: limits.searchConcurrency, ...lane },
    expensive: { concurrency: limits.searchExpensiveConcurrency, ...lane },
  });
  metrics.observeLanes(() => admission.load());

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const last = matchedRoutes(c).at(-1);
    const route = last && last.method !== 'ALL' ? last.path : (c.get('refusedRoute') ?? 'unmatched');
    metrics.requestDuration.observe({ method: c.req.method, route, status: c.res.status }, (performance.now() - started) / 1000);
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        ...(c.get('clientRequestId') ? { clientRequestId: c.get('clientRequestId') } : {}),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ...(c.get('refusalCode') ? { code: c.get('refusalCode') } : {}),
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });

  app.use(async (c, next) => {
    const start = c.req.url.indexOf('?');
    const malformed = start < 0 ? undefined : findMalformedParameter(c.req.url.slice(start + 1));
    // A page reads the parameters of its link it knows: a value without a name is no error of the page's.
    if (malformed && !(malformed.field === UNNAMED && PAGE_PATHS.has(c.req.path)))
      return c.json(errorBody(c, 'invalid_parameter', malformed.message, malformed.field), 400);
    await next();
  });

  if (deps.limits.corsOrigins) {
    const allowed = allowOrigins(deps.limits.corsOrigins);
    for (const path of CROSS_ORIGIN_PATHS) app.use(path, allowed);
  }
  // A client that accepts gzip gets it: a search's answer of 24 KB travels as about 7. The others pass
  // by untouched: reading the answer's headers would cost the fast path of the Node adapter.
  const compressing = compressAnswers();
  app.use((c, next) => (c.req.header('accept-encoding') ? compressing(c, next) : next()));
  // What changes seldom is revalidated by its ETag (304, no body): the pages, the facet lists, an article, the API description, a feed a reader polls.
  // A 304 keeps its request id and nosniff, as every other answer does.
  const revalidated = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'x-request-id', 'x-content-type-options'] });
  for (const path of REVALIDATED_PATHS) app.use(path, revalidated);
  if (limits.rateLimitPerMinute > 0) {
    const limit = rateLimit(new RateLimiter(limits.rateLimitPerMinute, limits.rateLimitBurst), limits, metrics);
    app.use('/search', limit);
    app.use('/search/feed', limit);
    app.use('/suggest', limit);
    app.use('/articles/*', limit);
  }
  app.get('/metrics', async (c) => c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    summary: 'Prometheus metrics: request latency by route and status, engine errors by kind, search lanes, ingest and tasks',
    security: [],
    responses: { 200: { description: "Prometheus' text format", content: { 'text/plain': { schema: z.string() } } }, ...unreadableRequest },
  });

  const explainSlots = new ExplainSlots();
  registerSearchRoutes(app, deps, { explainSlots, admission, metrics });
  registerSearchFeedRoute(app, deps, { explainSlots, admission, metrics });
  registerSuggestRoutes(app, deps);
  registerArticleRoutes(app, deps, { admission, metrics });
  registerFacetRoutes(app, deps);
  registerHealthRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerWorkbenchRoutes(app, deps, explainSlots);
  registerWebRoutes(app);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Arabic news search',
      version: '0.1.0',
      description:
        'Ranked, highlighted, faceted search over Arabic news. Pages on the origins the server lists in CORS_ORIGINS (none unless configured) may call its public reads from a browser: search, feed, suggestions, articles, facets, health and this document; the admin endpoints never.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminKey', { type: 'http', scheme: 'bearer', description: 'ADMIN_API_KEY' });

  const routeMethods = methodsByRoute(app);
  app.notFound((c) => {
    const { route, methods: allowed } = routeMethods(c.req.path);
    const trimmed = c.req.path.replace(/\/+$/, '');
    // `/search/` is `/search` where that route answers the method: a GET is sent on, relative to this host (never to a client's Host header).
    if (!route && trimmed && trimmed !== c.req.path && routeMethods(trimmed).methods.includes(c.req.method)) {
      const query = c.req.url.indexOf('?');
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect(trimmed + (query < 0 ? '' : c.req.url.slice(query)), 301);
      return c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}; did you mean ${trimmed}?`), 404);
    }
    if (!route) return c.json(errorBody(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
    c.set('refusedRoute', route);
    c.header('Allow', allowed.join(', '));
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    return c.json(errorBody(c, 'method_not_allowed', `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}`), 405);
  });
  app.onError((error, c) => {
    const { status, body } = toErrorResponse(error, c);
    // A fault (500, a full disk's 507) is logged with its stack; the engine down or at capacity (503) is
    // no fault of the service, and a line of its own a request would flood the log in an outage: the
    // request's line names the code.
    if (status === 503) c.set('refusalCode', body.error.code);
    else if (status >= 500) deps.logger.error({ requestId: c.get('requestId'), err: error }, 'request failed');
    // Built within the engine's limits, a refused search may be the index's doing (a stored text too long to highlight): the operator is told why.
    else if (body.error.code === 'query_rejected') {
      const { cause } = error as Error;
      deps.logger.warn({ requestId: c.get('requestId'), reason: cause instanceof Error ? cause.message.slice(0, 300) : '' }, 'the engine refused a search');
    }
    if (status === 503) c.header('Retry-After', '5');
    if (status === 429 && !c.res.headers.has('Retry-After')) c.header('Retry-After', '1');
    return c.json(body, status);
  });
  return app;
}

const REVALIDATED_PATHS = ['/', '/workbench', '/docs', '/docs/*', '/web/*', '/facets', '/facets/*', '/articles/*', '/openapi.json', '/search/feed'];
/** The public reads a page on another origin may call; never /admin/* (a page elsewhere must not wield the key) nor /metrics. */
const CROSS_ORIGIN_PATHS = ['/search', '/search/feed', '/suggest', '/articles/*', '/facets', '/facets/*', '/health', '/health/*', '/openapi.json'];

/**
 * CORS for the listed origins (`*`: any), on the public reads alone. Only a real preflight (with
 * Access-Control-Request-Method) is answered here; a plain OPTIONS still lists the path's methods in
 * Allow. No credentials mode: no public read takes a cookie or a key.
 */
function allowOrigins(origins: string[]): MiddlewareHandler {
  const handler = cors({
    origin: origins.includes('*') ? '*' : origins,
    allowMethods: ['GET', 'HEAD'],
    allowHeaders: ['X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  return (c, next) => (c.req.method === 'OPTIONS' && !c.req.header('access-control-request-method') ? next() : handler(c, next));
}

/**
 * Public reads per client (`clientOf`): a 429 with Retry-After once its bucket is empty.
 */
function rateLimit(limiter: RateLimiter, limits: { rateLimitPerMinute: number; trustProxy: boolean }, metrics: ApiMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const verdict = limiter.take(clientOf(c, limits.trustProxy));
    if (!verdict.allowed) {
      metrics.rateLimited.inc();
      c.header('Retry-After', String(verdict.retryAfterSeconds));
      throw new ApiError(
        429,
        'too_many_requests',
        `At most ${limits.rateLimitPerMinute} requests a minute per client; retry in ${verdict.retryAfterSeconds} s.`,
      );
    }
    await next();
  };
}

/** For a path, the route it belongs to and the methods its routes answer (HEAD with GET, OPTIONS always), from the app's own route table. */
function methodsByRoute(app: OpenAPIHono<AppEnv>): (path: string) => { route?: string; methods: string[] } {
  const routes = app.routes
    .filter((route) => route.method !== 'ALL')
    .map((route) => ({
      method: route.method,
      path: route.path,
      pattern: new RegExp(
        `^${route.path
          .split('/')
          .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : escapeRegExp(part)))
          .join('/')}$`,
      ),
    }));
  return (path) => {
    const matching = routes.filter((route) => route.pattern.test(path));
    if (matching.length === 0) return { methods: [] };
    const methods = new Set(matching.map((route) => route.method));
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return { route: matching[0]!.path, methods: [...methods].sort() };
  };
}

/** A route's path as /openapi.json writes it: /articles/{id}, not /articles/:id. */
function openApiPath(routePath: string): string {
  return routePath.replace(/:(\w+)/g, '{$1}');
}
