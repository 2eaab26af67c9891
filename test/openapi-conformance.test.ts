import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { settleTask, TEST_ADMIN_KEY, useSeededService } from './support/test-service.js';

// Real answers against the service's own OpenAPI document: each status must be one the route
// lists, and each JSON body must satisfy the schema given for it, as a generated client checks.
const seeded = useSeededService('openapi-conformance');
const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` };

interface Operation {
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let document: OpenApiDocument;
let ajv: Ajv2020;
const validators = new Map<string, ValidateFunction>();

beforeAll(async () => {
  document = (await (await seeded.app.request('/openapi.json')).json()) as OpenApiDocument;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components });
});

/** The schema's references, read against the document's components. */
function pointedAtDocument(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"openapi#/components/'));
}

/** Checks one answer of `route` (as the document spells its path) against the document. */
async function conforms(route: string, method: string, response: Response): Promise<void> {
  const operation = document.paths[route]?.[method];
  expect(operation, `${method} ${route} is documented`).toBeDefined();
  const status = String(response.status);
  expect(Object.keys(operation!.responses), `${method} ${route} lists ${status}`).toContain(status);
  for (const header of Object.keys(operation!.responses[status]!.headers ?? {}))
    expect(response.headers.get(header), `${method} ${route} ${status}: ${header}`).not.toBeNull();
  const schema = operation!.responses[status]!.content?.['application/json']?.schema;
  if (!schema || !response.headers.get('content-type')?.startsWith('application/json')) return;
  const key = `${method} ${route} ${status}`;
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(pointedAtDocument(schema) as object)));
  const body: unknown = await response.json();
  expect(validate(body) ? [] : validate.errors, `${key}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
}

describe('answers conform to /openapi.json', () => {
  it.each([
    ['/search', '/search?q=%D8%A8%D9%84%D9%8A%D9%86%D9%83%D9%86'],
    ['/search', '/search?q=Blinken&region=algeria&sort=newest&size=2'],
    ['/search', '/search?size=999'],
    ['/search', '/search?colour=red'],
    ['/suggest', '/suggest?q=%D8%A8%D9%84%D9%8A'],
    ['/articles/{id}', '/articles/001_89f3d445d5bfa33a'],
    ['/articles/{id}', '/articles/no_such_article'],
    ['/articles/{id}/related', '/articles/001_89f3d445d5bfa33a/related'],
    ['/facets', '/facets'],
    ['/facets/{facet}', '/facets/regions?q=al'],
    ['/facets/{facet}', '/facets/colours'],
    ['/health', '/health'],
    ['/health/live', '/health/live'],
    ['/health/ready', '/health/ready'],
  ])('GET %s (%s)', async (route, path) => {
    await conforms(route, 'get', await seeded.app.request(path));
  });

  it.each([
    ['/admin/tasks', '/admin/tasks', {}],
    ['/admin/tasks', '/admin/tasks?colour=red', admin],
    ['/admin/tasks', '/admin/tasks', admin],
    ['/admin/tasks/{id}', '/admin/tasks/no-such-task', admin],
  ])('GET %s (%s) as an admin client', async (route, path, headers) => {
    await conforms(route, 'get', await seeded.app.request(path, { headers }));
  });

  it('an ingest as a task, from its 202 to its end, and the article deleted again', async () => {
    const article = { id: 'conformance-1', title: 'خبر عن الجزائر', text: 'نص الخبر عن الجزائر والتعاون.', source: 'test' };
    const started = await seeded.app.request('/admin/ingest', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify([article]),
    });
    const { id } = (await started.clone().json()) as { id: string };
    // The document names the headers a client follows: where the task is, and each answer's id.
    expect(Object.keys(document.paths['/admin/ingest']!.post!.responses['202']!.headers ?? {})).toContain('Location');
    expect(Object.keys(document.paths['/search']!.get!.responses['400']!.headers ?? {})).toContain('X-Request-Id');
    expect(Object.keys(document.paths['/search']!.get!.responses['503']!.headers ?? {})).toContain('Retry-After');
    await conforms('/admin/ingest', 'post', started);
    await settleTask(seeded.app, id);
    await conforms('/admin/tasks/{id}', 'get', await seeded.app.request(`/admin/tasks/${id}`, { headers: admin }));
    await conforms('/admin/articles/{id}', 'delete', await seeded.app.request('/admin/articles/not%20an%20id', { method: 'DELETE', headers: admin }));
    await conforms('/admin/articles/{id}', 'delete', await seeded.app.request(`/admin/articles/${article.id}`, { method: 'DELETE', headers: admin }));
    await conforms('/admin/articles/{id}', 'delete', await seeded.app.request(`/admin/articles/${article.id}`, { method: 'DELETE', headers: admin }));
  });
});
