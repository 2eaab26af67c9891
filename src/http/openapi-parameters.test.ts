import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { FakeSearchEngine } from '../../test/support/fake-search-engine.js';
import { openTestService } from '../../test/support/test-service.js';
import { facetValues } from '../classify/taxonomy.js';
import { createApp } from './app.js';

// What /openapi.json says a parameter takes must be what the server takes: a client generated from
// it sends only what the document allows. A page size other than the default shows it is the one configured.
const MAX_PAGE_SIZE = 30;
const REPEATABLE = ['topic', 'region', 'region_mentioned', 'person', 'organization', 'source', 'match_all'];

interface Parameter {
  name: string;
  in: string;
  style?: string;
  explode?: boolean;
  description?: string;
  schema: { type: string; items?: { type: string }; maxItems?: number; minimum?: number; maximum?: number };
}

async function served() {
  const service = openTestService(new FakeSearchEngine(), 'articles');
  const app = createApp({ service, limits: { maxPageSize: MAX_PAGE_SIZE, maxResultWindow: 1000 }, logger: pino({ level: 'silent' }) });
  const document = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: Parameter[] } }> };
  const parameter = (path: string, name: string) => document.paths[path]!.get.parameters.find((p) => p.name === name)!;
  return { app, service, parameter };
}

describe.each(['/search', '/search/feed'])('the parameters of %s', (path) => {
  it('declare each repeatable filter an array of exploded form, at most as many values as the server takes, the comma form said', async () => {
    const { app, service, parameter } = await served();
    for (const name of REPEATABLE) {
      expect(parameter(path, name), name).toMatchObject({ in: 'query', style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } });
      expect(parameter(path, name).description, name).toContain(`${name}=a,b`);
    }
    const maxItems = parameter(path, 'topic').schema.maxItems!;
    expect(REPEATABLE.map((name) => parameter(path, name).schema.maxItems)).toEqual(REPEATABLE.map(() => maxItems));
    const topic = [...facetValues(service.taxonomy, 'topics').keys()][0]!;
    const repeated = (count: number) => Array.from({ length: count }, () => `topic=${topic}`).join('&');
    const listed = (count: number) => `topic=${Array.from({ length: count }, () => topic).join(',')}`;
    expect((await app.request(`${path}?${repeated(maxItems)}`)).status).toBe(200);
    expect((await app.request(`${path}?${listed(maxItems)}`)).status).toBe(200);
    for (const query of [repeated(maxItems + 1), listed(maxItems + 1)]) {
      const refused = await app.request(`${path}?${query}`);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'too_many_values', field: 'topic' } });
    }
  });

  it('declare size within the bounds the server holds it to, as configured', async () => {
    const { app, parameter } = await served();
    const { minimum, maximum } = parameter(path, 'size').schema;
    expect(maximum).toBe(MAX_PAGE_SIZE);
    expect((await app.request(`${path}?size=${minimum}`)).status).toBe(200);
    expect((await app.request(`${path}?size=${maximum}`)).status).toBe(200);
    expect((await app.request(`${path}?size=${minimum! - 1}`)).status).toBe(400);
    const tooLarge = await app.request(`${path}?size=${maximum! + 1}`);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'invalid_parameter', field: 'size', message: `size: at most ${MAX_PAGE_SIZE}` } });
  });
});
