import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { ArticleTagger } from '../../src/classify/article-tagger.js';
import { connectEngine } from '../../src/engine/connect-engine.js';
import type { BulkDocument, SearchBody, SearchEngine } from '../../src/engine/search-engine.js';
import { createApp } from '../../src/http/app.js';
import type { IngestReport } from '../../src/ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../../src/ingest/source-records.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { DEFAULT_ENGLISH_DICTIONARY } from '../../src/search/english-words.js';
import { SearchService, type SearchServiceOptions } from '../../src/service/search-service.js';

export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');

/** A throwaway copy of the data folders, for a suite that edits them as an engineer or editor would. */
export function copyDataRoot(prefix: string): { dataRoot: string; remove(): void } {
  const dataRoot = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const folder of ['mappings', 'analyzers', 'taxonomy', 'relevance']) cpSync(join(PROJECT_ROOT, folder), join(dataRoot, folder), { recursive: true });
  return { dataRoot, remove: () => rmSync(dataRoot, { recursive: true, force: true }) };
}

/** An alias no other suite or run uses, so suites never see each other's documents. */
export function uniqueAlias(suite: string): string {
  return `test-${suite}-${process.pid}-${Date.now().toString(36)}`;
}

export async function connectTestEngine(url = inject('engineUrl'), requestTimeoutMs = 10_000): Promise<SearchEngine> {
  return connectEngine({ url, requestTimeoutMs });
}

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';

/**
 * The service over an alias, configured as in production but with silent logs (the English–Arabic
 * dictionary where Debian installs it, unless `options` names another or, `{}`, none); its default
 * profile is `default` unless SEARCH_PROFILE names another (to try a candidate default under the suites).
 */
export function openTestService(
  engine: SearchEngine,
  alias: string,
  dataRoot = PROJECT_ROOT,
  options: Pick<SearchServiceOptions, 'englishDictionary' | 'timeZone'> = { englishDictionary: DEFAULT_ENGLISH_DICTIONARY },
): SearchService {
  const defaultProfile = process.env.SEARCH_PROFILE ?? 'default';
  return SearchService.open({ engine, alias, dataRoot, maxQueryClauses: 1024, defaultProfile, logger: pino({ level: 'silent' }), ...options });
}

/**
 * The engine with its searches refused wherever `refuses` says of the body, as an engine failing one
 * request of several would: the rest reach the engine. `refused` counts the refusals.
 */
export function engineRefusingSearches(engine: SearchEngine, refuses: (body: SearchBody) => boolean): { engine: SearchEngine; refused: () => number } {
  let refused = 0;
  const wrapped = new Proxy(engine, {
    get(target, key) {
      if (key === 'search')
        return (index: string, body: SearchBody) => (refuses(body) ? Promise.reject(new Error(`refused (${++refused})`)) : target.search(index, body));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { engine: wrapped, refused: () => refused };
}

/**
 * The engine with some documents altered on their way to it, past every check of the product's: the
 * engine's own refusal of an article that passed them (a term past its limit, say) is then real.
 */
export function engineAlteringDocuments(engine: SearchEngine, alter: (document: BulkDocument) => BulkDocument): SearchEngine {
  return new Proxy(engine, {
    get(target, key) {
      if (key === 'bulkIndex')
        return (index: string, documents: BulkDocument[], options?: { refresh?: boolean }) => target.bulkIndex(index, documents.map(alter), options);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The real app over a service, with the production limits and a known admin key (none given `adminApiKey: undefined`). */
export function createTestApp(service: SearchService, limits: { adminApiKey?: string } = { adminApiKey: TEST_ADMIN_KEY }) {
  return createApp({ service, limits: { maxPageSize: 50, maxResultWindow: 1000, ...limits }, logger: pino({ level: 'silent' }) });
}

/** A task as the admin endpoints show it. */
export interface TaskView<T = Record<string, unknown>> {
  id: string;
  kind: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: Record<string, unknown> | null;
  result: T;
  error: { code: string; message: string } | null;
}

type RequestingApp = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** Follows a task to its end through GET /admin/tasks/{id}. */
export async function settleTask<T>(app: RequestingApp, id: string, key = TEST_ADMIN_KEY): Promise<TaskView<T>> {
  for (;;) {
    const task = (await (await app.request(`/admin/tasks/${id}`, { headers: { authorization: `Bearer ${key}` } })).json()) as TaskView<T>;
    if (task.state !== 'running') return task;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * POSTs to an admin endpoint that starts a task and follows the task to its end; an answer other
 * than 202 comes back as `refused`.
 */
export async function runAdminTask<T = Record<string, unknown>>(
  app: RequestingApp,
  path: string,
  init: { body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<{ task: TaskView<T>; refused?: undefined } | { task?: undefined; refused: Response }> {
  const response = await app.request(path, { method: 'POST', ...init, headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...init.headers } });
  if (response.status !== 202) return { refused: response };
  const started = (await response.json()) as TaskView<T>;
  expect(response.headers.get('location')).toBe(`/admin/tasks/${started.id}`);
  return { task: await settleTask<T>(app, started.id) };
}

/** A fixture of articles in their stored form, one JSON object a line: `test/fixtures/<file>`. */
export function readFixtureArticles(file: string): (Record<string, unknown> & { id: string })[] {
  return readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown> & { id: string });
}

/** Indexes articles already in their stored form, searchable at once; a refused one fails the suite. */
export async function indexStoredArticles(engine: SearchEngine, alias: string, articles: { id: string }[]): Promise<void> {
  const result = await engine.bulkIndex(
    alias,
    articles.map((article) => ({ id: article.id, source: article })),
    { refresh: true },
  );
  expect(result.failures).toEqual([]);
}

/** Runs the product's ingest pipeline over the seeds. */
export async function ingestSeeds(service: SearchService): Promise<IngestReport> {
  return service.ingest(readSourceRecords(await sourceFiles([SEEDS_DIR])));
}

export interface SeededService {
  service: SearchService;
  engine: SearchEngine;
  alias: string;
  /** The index version the alias served once the seeds were in. */
  index: string;
  ingest: IngestReport;
  tagger: ArticleTagger;
  app: ReturnType<typeof createTestApp>;
  dispose(): Promise<void>;
}

/** The real app over a real engine and a fresh index holding the seeds. */
export async function createSeededService(suite: string, options: { url?: string; dataRoot?: string } = {}): Promise<SeededService> {
  const engine = await connectTestEngine(options.url);
  const alias = uniqueAlias(suite);
  const service = openTestService(engine, alias, options.dataRoot);
  const state = await service.ensureIndex();
  const ingest = await ingestSeeds(service);
  return {
    service,
    engine,
    alias,
    index: state.index,
    ingest,
    tagger: await service.tagger(),
    app: createTestApp(service),
    async dispose() {
      await engine.close();
      // Straight to the engine: the suite may have cut its own connection off.
      const direct = await connectTestEngine();
      for (const index of await direct.listIndices(`${alias}-*`)) await direct.deleteIndex(index);
      await direct.close();
    },
  };
}

/** The ids `GET /search` ranks for `q`, up to `size`; the answer must be a 200. */
export async function rankedIds(seeded: Pick<SeededService, 'app'>, q: string, size = 50): Promise<string[]> {
  const response = await seeded.app.request(`/search?size=${size}&q=${encodeURIComponent(q)}`);
  if (response.status !== 200) throw new Error(`GET /search?q=${q}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
}

/**
 * A seeded service for the whole suite: made before its first test (after `before`), its indices
 * dropped after the last (after `after`). Its fields are there from the first test on.
 */
export function useSeededService(
  suite: string,
  options: { url?: () => string; dataRoot?: string; before?: () => Promise<void>; after?: () => Promise<void> } = {},
): SeededService {
  const seeded = {} as SeededService;
  beforeAll(async () => {
    await options.before?.();
    Object.assign(
      seeded,
      await createSeededService(suite, { ...(options.url ? { url: options.url() } : {}), ...(options.dataRoot ? { dataRoot: options.dataRoot } : {}) }),
    );
  });
  afterAll(async () => {
    await seeded.dispose?.();
    await options.after?.();
  });
  return seeded;
}
