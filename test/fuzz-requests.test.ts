import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, inject, it } from 'vitest';
import { facetValues, loadTaxonomy } from '../src/classify/taxonomy.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { ProfileStore } from '../src/search/search-profile.js';
import {
  articleRequest,
  datesRequest,
  feedRequest,
  namesRequest,
  otherRequest,
  pagingRequest,
  rawSearchRequest,
  searchRequest,
  wrongMethodRequest,
  type ApiRequest,
  type ApiWorld,
} from './support/request-arbitraries.js';
import { checkAnswer, expectedAnswer, send } from './support/request-oracle.js';
import { useSeededService } from './support/test-service.js';

/*
 * Property-based fuzzing of the public API, in process through the real app over the seeded index.
 * Whatever is asked: never a 5xx, always a JSON body, every 4xx in the one error shape, every 400
 * naming the parameter at fault, every answer within 5 s, and the status the contract gives.
 *
 * Reproducible: a fixed seed by default. A failure prints its seed and the shrunk request;
 * `FUZZ_SEED=<seed> npx vitest run --project engine test/fuzz-requests.test.ts -t '<property>'` replays
 * it. FUZZ_RUNS sets how many requests are sent in all, shared out between the properties.
 */
const SEED = integerFromEnv('FUZZ_SEED', 20_250_301);
const RUNS = integerFromEnv('FUZZ_RUNS', 2_400);

const service = useSeededService('fuzz-requests');
let world: ApiWorld;

beforeAll(async () => {
  const taxonomy = loadTaxonomy(PROJECT_ROOT);
  const slugs = (facet: Parameters<typeof facetValues>[1]) => [...facetValues(taxonomy, facet).keys()];
  world = {
    slugs: { topic: slugs('topics'), region: slugs('regions'), person: slugs('people'), organization: slugs('organizations') },
    profiles: new ProfileStore(PROJECT_ROOT, 'default').publicNames(),
    articleIds: readdirSync(join(PROJECT_ROOT, 'seeds')).map((f) => f.replace(/\.[^.]+$/, '')),
  };
});

/** Each property's share of the runs, fewer where a request costs the engine more. */
const properties: [title: string, share: number, requests: (world: ApiWorld) => fc.Arbitrary<ApiRequest>][] = [
  ['GET /search with any mix of parameters, valid and not, repeated and unknown ones', 0.2, searchRequest],
  ['GET /search/feed with any mix of the search parameters, valid and not, repeated and unknown ones', 0.04, feedRequest],
  ['GET /search with five to ten names, or one name repeated, explain and pages up to 50', 0.06, namesRequest],
  ['GET /search with real, impossible and malformed dates', 0.14, datesRequest],
  ['GET /search with from and size at and past their limits', 0.12, pagingRequest],
  ['GET /search with raw query strings and broken percent-encoding', 0.1, rawSearchRequest],
  ['GET /articles/:id with seed ids, unknown ids and ids no article can have', 0.12, articleRequest],
  ['GET and HEAD on the other routes, and paths that name no route', 0.12, otherRequest],
  ['existing paths with methods they do not answer', 0.1, wrongMethodRequest],
];

// The properties run side by side: the engine has cores to spare while one request waits on another.
describe.concurrent(`fuzzing the API on ${inject('engineLabel')} (seed ${SEED}, ${RUNS} requests)`, () => {
  for (const [title, share, requests] of properties) {
    const numRuns = Math.max(1, Math.round(RUNS * share));
    // Generous for the runs themselves; a failure's shrinking stops there and reports the smallest case so far.
    const budgetMs = 30_000 + numRuns * 60;
    it(
      `${title} (${numRuns} runs)`,
      async () => {
        await fc.assert(
          fc.asyncProperty(requests(world), async (request) => {
            checkAnswer(request, expectedAnswer(request, world), await send(service.app, request));
          }),
          { seed: SEED, numRuns, plugins: [fc.interruptAfterTimeLimit(budgetMs, { failOnInterrupt: true })] },
        );
      },
      budgetMs + 15_000,
    );
  }
});

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer (got "${raw}")`);
  return value;
}
