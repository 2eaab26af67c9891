import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfig, lint } from '@redocly/openapi-core';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { OpenSearchEngine } from '../engine/opensearch-engine.js';
import { PROJECT_ROOT } from '../project-root.js';
import { SearchService } from '../service/search-service.js';
import { createApp } from './app.js';

// What the app answers without asking the engine: its description and CORS. The engine given is never called.
const engine = new OpenSearchEngine({ url: 'http://127.0.0.1:9', requestTimeoutMs: 1_000 });
afterAll(() => engine.close());
function appWith(corsOrigins?: string[]) {
  const logger = pino({ level: 'silent' });
  const service = SearchService.open({ engine, alias: 'offline', dataRoot: PROJECT_ROOT, maxQueryClauses: 1024, defaultProfile: 'default', logger });
  return createApp({ service, limits: { maxPageSize: 50, maxResultWindow: 1000, ...(corsOrigins ? { corsOrigins } : {}) }, logger });
}

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended rules, as the app serves it", async () => {
    const app = appWith();
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      const document = (await (await app.request('/openapi.json')).json()) as {
        components: { securitySchemes: Record<string, unknown> };
        paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
      };
      writeFileSync(file, JSON.stringify(document));
      expect(document.components.securitySchemes.adminKey).toMatchObject({ type: 'http', scheme: 'bearer' });
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const operation of Object.values(operations)) expect(operation.security).toEqual(path.startsWith('/admin/') ? [{ adminKey: [] }] : []);
      }
      const problems = await lint({ ref: file, config: await createConfig({ extends: ['recommended'] }) });
      const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`);
      expect(described).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CORS', () => {
  const preflight = { method: 'OPTIONS', headers: { origin: 'https://desk.example', 'access-control-request-method': 'GET' } };

  /** The CORS headers of an answer: none at all where CORS does not apply. */
  const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

  it('is off by default: a preflight gets no CORS headers, only the methods of the path', async () => {
    const response = await appWith().request('/search', preflight);
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(corsHeaders(response)).toEqual([]);
  });

  it('answers a listed origin on every public read', async () => {
    const app = appWith(['https://desk.example']);
    for (const path of [
      '/search',
      '/search/feed',
      '/suggest',
      '/articles/x',
      '/articles/x/related',
      '/facets',
      '/facets/regions',
      '/health/ready',
      '/openapi.json',
    ]) {
      const response = await app.request(path, preflight);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('https://desk.example');
    }
  });

  it('never answers the admin endpoints or /metrics across origins, even with *: a page elsewhere must not wield the key', async () => {
    for (const origins of [['https://desk.example'], ['*']]) {
      const app = appWith(origins);
      for (const [path, method] of [
        ['/admin/tasks', 'GET'],
        ['/admin/ingest', 'POST'],
        ['/admin/judgments/set/q/a', 'PUT'],
        ['/metrics', 'GET'],
      ] as const) {
        const ask = await app.request(path, { ...preflight, headers: { ...preflight.headers, 'access-control-request-method': method } });
        expect(corsHeaders(ask), `${origins} ${method} ${path}`).toEqual([]);
      }
      const read = await app.request('/admin/tasks', { headers: { origin: 'https://desk.example', authorization: 'Bearer x' } });
      expect(corsHeaders(read)).toEqual([]);
    }
  });

  it('answers a listed origin, and only it', async () => {
    const app = appWith(['https://desk.example']);
    const allowed = await app.request('/search', preflight);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('GET');
    const other = await app.request('/search', { ...preflight, headers: { ...preflight.headers, origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await app.request('/facets', { headers: { origin: 'https://desk.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(simple.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('keeps a plain OPTIONS listing the methods of the path', async () => {
    const response = await appWith(['*']).request('/search', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('the log of an answer the engine could not give', () => {
  it('is the request’s one line, naming the code: no error line with a stack a request, which would flood the log in an outage', async () => {
    const lines: { level: number; msg: string; status?: number; code?: string; err?: unknown }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const service = SearchService.open({ engine, alias: 'offline', dataRoot: PROJECT_ROOT, maxQueryClauses: 1024, defaultProfile: 'default', logger });
    const app = createApp({ service, limits: { maxPageSize: 50, maxResultWindow: 1000 }, logger });
    const answer = await app.request('/search?q=x');
    expect(answer.status).toBe(503);
    const requestLines = lines.filter((line) => line.msg === 'request');
    expect(requestLines).toMatchObject([{ level: 30, status: 503, code: 'engine_unavailable' }]);
    expect(lines.filter((line) => line.level >= 50 || line.err !== undefined)).toEqual([]);
  });
});
