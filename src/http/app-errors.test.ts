import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSearchEngine } from '../../test/support/fake-search-engine.js';
import { createTestApp, openTestService, TEST_ADMIN_KEY } from '../../test/support/test-service.js';
import { createApp } from './app.js';

// Validation and error shapes over a stand-in engine: no engine needed, and a request refused by
// validation must never reach it.
let engine: FakeSearchEngine;
let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  engine = new FakeSearchEngine();
  app = createTestApp(openTestService(engine, 'articles'));
});

async function errorOf(path: string, init?: RequestInit) {
  const response = await app.request(path, init);
  const body = (await response.json()) as { error: { code: string; message: string; requestId: string; field?: string } };
  expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  return { status: response.status, headers: response.headers, ...body.error };
}

describe('validation, before any engine call', () => {
  it.each([
    ['/search?size=51', 'size'],
    ['/search?size=1000000', 'size'],
    ['/facets/regions?size=101', 'size'],
    ['/search?from=-1', 'from'],
    ['/search?date_from=2021-02-30', 'date_from'],
    ['/search?date_to=2021-04-31', 'date_to'],
    ['/search?explain=true&size=11', 'size'],
    ['/search?profile=../default', 'profile'],
    ['/search?topic=Not%20A%20Slug', 'topic'],
    ['/search?region=atlantis', 'region'],
    ['/search?source=%3Cscript%3E', 'source'],
    ['/search?q=%ED%A0%80', 'q'],
    ['/search?q=%D8%A8%00%D9%84', 'q'],
    ['/facets/regions?q=%E2%82', 'q'],
    [`/search?q=${encodeURIComponent(Array.from({ length: 11 }, (_, i) => `"a${i} b"`).join(' '))}`, 'q'],
    ['/search?colour=red', 'colour'],
    ['/search?q=x&=1', '(no name)'],
    ['/health?=1', '(no name)'],
    ['/search?match_all=source&person=donald-trump', 'match_all'],
    ['/articles/..%2Fetc', 'id'],
  ])('%s is a 400 naming %s', async (path, field) => {
    const error = await errorOf(path);
    expect(error).toMatchObject({ status: 400, field });
    expect(engine.calls.filter((call) => call === 'search' || call === 'getDocument')).toEqual([]);
  });
});

describe('limits say themselves', () => {
  it('names the limit a number passes, however many digits it has', async () => {
    expect((await errorOf('/search?size=1000000')).message).toBe('size: at most 50');
    expect((await errorOf('/search?size=99999999999999999999')).message).toBe('size: at most 50');
    expect((await errorOf('/facets/regions?size=1000')).message).toBe('size: at most 100');
    expect((await errorOf('/search?from=-1')).message).toBe('from: expected a whole number, at least 0');
  });
});

describe('mistakes said plainly', () => {
  it.each([
    ['/suggest', 'q: required'],
    [`/search?q=${encodeURIComponent('😀 (((')}`, 'q: nothing to search: give a letter, a digit or a country flag, or leave q out'],
    [`/search?q=${encodeURIComponent('ـــــ')}`, 'q: nothing to search: give a letter, a digit or a country flag, or leave q out'],
    [`/search?q=${encodeURIComponent('🇦🇦 😀')}`, 'q: nothing to search: no country has the flags given; give a letter or a digit'],
    ['/search?size=5&size=6', 'size: given more than once: give it once'],
    // A script's empty variable: no silent search of everything.
    ['/search?q=x&topic=', 'topic: no value given: leave the parameter out to filter nothing'],
    ['/search?q=x&person=,', 'person: no value given: leave the parameter out to filter nothing'],
    ['/search?sort=newest&sort=relevance', 'sort: given more than once: give it once'],
    ['/search?colour=red', 'colour: not a parameter of GET /search (/openapi.json lists them)'],
    ['/facets/regions?colour=red', 'colour: not a parameter of GET /facets/{facet} (/openapi.json lists them)'],
    ['/articles/a1?colour=red', 'colour: not a parameter of GET /articles/{id} (/openapi.json lists them)'],
  ])('%s: %s', async (path, message) => {
    expect(await errorOf(path)).toMatchObject({ status: 400, message });
  });

  it('says of too many values of one facet that they are too many, by a code of its own', async () => {
    const values = Array.from({ length: 21 }, (_, i) => `r${i}`).join(',');
    expect(await errorOf(`/search?region=${values}`)).toMatchObject({
      status: 400,
      code: 'too_many_values',
      field: 'region',
      message: 'region: at most 20 values',
    });
  });
});

describe('admin routes', () => {
  // A typo in an admin call must not pass for a run of the defaults: ?profle= had scored the default profile.
  it.each([
    ['POST', '/admin/eval?profle=exact-first', 'profle: not a parameter of POST /admin/eval (/openapi.json lists them)'],
    ['POST', '/admin/tags/rebuild?x=1', 'x: not a parameter of POST /admin/tags/rebuild (/openapi.json lists them)'],
    ['GET', '/admin/tasks?x=1', 'x: not a parameter of GET /admin/tasks (/openapi.json lists them)'],
  ])('refuse a parameter they do not take: %s %s', async (method, path, message) => {
    expect(await errorOf(path, { method, headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } })).toMatchObject({ status: 400, message });
  });
});

describe('error shapes', () => {
  it('answers 503 with Retry-After and a clear body while the engine is unavailable', async () => {
    engine.failWith = 'unavailable';
    const error = await errorOf('/search?q=x');
    expect(error).toMatchObject({ status: 503, code: 'engine_unavailable' });
    expect(error.headers.get('retry-after')).toBe('5');
  });

  it('answers 503 engine_timeout, not 500, when the engine times out', async () => {
    engine.failWith = 'timeout';
    expect(await errorOf('/articles/a1')).toMatchObject({ status: 503, code: 'engine_timeout' });
  });

  it('answers 503, not 500, when the engine refuses the service itself: its credentials, or a load past capacity', async () => {
    engine.failWith = 'rejected';
    for (const [status, code] of [
      [401, 'engine_unavailable'],
      [403, 'engine_unavailable'],
      [429, 'overloaded'],
    ] as const) {
      engine.failStatus = status;
      for (const path of ['/articles/a1', '/suggest?q=بلين', '/search?q=x'])
        expect(await errorOf(path), `${status} ${path}`).toMatchObject({ status: 503, code });
    }
  });

  it('tells every client, whatever the answer, not to read it as another type than it says', async () => {
    for (const path of ['/search?q=%3Cb%3E', '/search?size=1000', '/nothing', '/', '/web/search.js', '/openapi.json', '/metrics', '/health/live'])
      expect((await app.request(path)).headers.get('x-content-type-options'), path).toBe('nosniff');
  });

  it('answers a search the engine refuses as the query at fault, and tells the operator why', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const logged = createApp({ service: openTestService(engine, 'articles'), limits: { maxPageSize: 50, maxResultWindow: 1000 }, logger });
    engine.failWith = 'rejected';
    engine.failStatus = 400;
    const response = await logged.request('/search?q=x');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code: 'query_rejected', field: 'q' });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'the engine refused a search',
        reason: 'fake engine: rejected',
        requestId: response.headers.get('x-request-id'),
      }),
    );
  });

  it('sends a GET with a trailing slash on to its route, relative to this host, and names the route to any other method', async () => {
    const response = await app.request('/search/?q=%D8%A8&size=2', { headers: { host: 'attacker.example' } });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/search?q=%D8%A8&size=2');
    expect((await app.request('/facets/regions//')).headers.get('location')).toBe('/facets/regions');
    expect(await errorOf('/admin/ingest/', { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } })).toMatchObject({
      status: 404,
      message: expect.stringContaining('did you mean /admin/ingest?'),
    });
    expect(await errorOf('/nothing/')).toMatchObject({ status: 404, code: 'not_found' });
    // Only where the route answers the method: /search takes no POST, /admin/ingest no GET.
    expect(await errorOf('/search/', { method: 'POST' })).toMatchObject({ status: 404, message: 'No route for POST /search/' });
    expect((await app.request('/admin/ingest/', { headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } })).status).toBe(404);
    expect(engine.calls).toHaveLength(0);
  });

  it('answers 404 for an unknown article, naming the id', async () => {
    expect(await errorOf('/articles/a1')).toMatchObject({ status: 404, code: 'not_found', field: 'id' });
  });

  it('needs the admin key: 401 without, and 403 when none is configured', async () => {
    const missing = await errorOf('/admin/analysis/reload', { method: 'POST' });
    expect(missing).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const closed = createTestApp(openTestService(engine, 'articles'), { adminApiKey: undefined });
    const response = await closed.request('/admin/analysis/reload', { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect(response.status).toBe(403);
  });

  it('answers a grade whose body is not JSON 400, and one not sent as JSON 415, naming the field', async () => {
    const grade = (body: string, contentType: string) =>
      errorOf('/admin/judgments/seeds/blinken-ar/001_89f3d445d5bfa33a', {
        method: 'PUT',
        body,
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': contentType },
      });
    expect(await grade('{bad', 'application/json')).toMatchObject({ status: 400, code: 'invalid_parameter', field: 'body' });
    expect(await grade('{"grade":1}', 'text/plain')).toMatchObject({ status: 415, code: 'unsupported_media_type', field: 'content-type' });
  });

  it('refuses a client every admin request once it has sent ten wrong keys, the right key too, and logs who tried but not what', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const guarded = createApp({
      service: openTestService(engine, 'articles'),
      limits: { maxPageSize: 50, maxResultWindow: 1000, adminApiKey: TEST_ADMIN_KEY },
      logger,
    });
    const tasks = (key: string) => guarded.request('/admin/tasks', { headers: { authorization: `Bearer ${key}` } });
    expect((await tasks(TEST_ADMIN_KEY)).status).toBe(200);
    // No key guesses nothing: not counted.
    for (let i = 0; i < 12; i++) expect((await guarded.request('/admin/tasks')).status).toBe(401);
    for (let i = 0; i < 10; i++) expect((await tasks(`guess-${i}`)).status).toBe(401);
    const refused = await tasks(TEST_ADMIN_KEY);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({ code: 'too_many_requests' });
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; client?: string; sent?: string });
    expect(logged.filter((line) => line.msg === 'admin key refused')).toHaveLength(10);
    expect(logged.filter((line) => line.msg === 'admin locked for this client: too many wrong keys')).toEqual([
      expect.objectContaining({ client: 'in-process', retryAfterSeconds: expect.any(Number) }),
    ]);
    expect(logged[0]).toMatchObject({ client: 'in-process', method: 'GET', path: '/admin/tasks' });
    expect(lines.join('\n')).not.toContain('guess-');
  });

  it('reads the Bearer scheme in any case, and no other scheme', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER'])
      expect((await app.request('/admin/tasks', { headers: { authorization: `${scheme} ${TEST_ADMIN_KEY}` } })).status).toBe(200);
    expect(await errorOf('/admin/tasks', { headers: { authorization: `Basic ${TEST_ADMIN_KEY}` } })).toMatchObject({ status: 401 });
  });
});
