import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { inject } from 'vitest';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { connectEngine } from '../../src/engine/connect-engine.js';
import type { SearchEngine } from '../../src/engine/search-engine.js';
import { createApp } from '../../src/http/app.js';
import { ensureIndex } from '../../src/index/ensure-index.js';
import { loadIndexDefinition } from '../../src/index/index-definition.js';
import { ingestArticles } from '../../src/ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../../src/ingest/source-records.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { ProfileStore } from '../../src/search/search-profile.js';

export const SEEDS_DIR = join(PROJECT_ROOT, 'seeds');

/** A throwaway copy of the data folders, for a suite that edits them as an engineer or editor would. */
export function copyDataRoot(prefix: string): { dataRoot: string; remove(): void } {
  const dataRoot = mkdtempSync(join(tmpdir(), `${prefix}-`));
  for (const folder of ['mappings', 'analyzers', 'taxonomy']) cpSync(join(PROJECT_ROOT, folder), join(dataRoot, folder), { recursive: true });
  return { dataRoot, remove: () => rmSync(dataRoot, { recursive: true, force: true }) };
}

/** An alias no other suite or run uses, so suites never see each other's documents. */
export function uniqueAlias(suite: string): string {
  return `test-${suite}-${process.pid}-${Date.now().toString(36)}`;
}

export async function connectTestEngine(url = inject('engineUrl')): Promise<SearchEngine> {
  return connectEngine({ url, requestTimeoutMs: 10_000 });
}

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789';

/** The real app, configured as in production but with silent logs and a known admin key. */
export function createTestApp(engine: SearchEngine, alias: string, dataRoot = PROJECT_ROOT) {
  return createApp({
    config: { indexAlias: alias, maxPageSize: 50, maxResultWindow: 1000, maxQueryClauses: 1024, adminApiKey: TEST_ADMIN_KEY },
    dataRoot,
    engine,
    profiles: new ProfileStore(PROJECT_ROOT, 'default'),
    taxonomy: { current: loadTaxonomy(dataRoot) },
    indexDefinition: { current: loadIndexDefinition(dataRoot) },
    logger: pino({ level: 'silent' }),
  });
}

/** Runs the product's ingest pipeline over the seeds. */
export async function ingestSeedsInto(engine: SearchEngine, alias: string, tagger: ArticleTagger) {
  return ingestArticles(engine, alias, tagger, readSourceRecords(await sourceFiles([SEEDS_DIR])));
}

/** The real app over a real engine and a fresh index holding the seeds. */
export async function createSeededService(suite: string, url?: string, dataRoot = PROJECT_ROOT) {
  const engine = await connectTestEngine(url);
  const alias = uniqueAlias(suite);
  const definition = loadIndexDefinition(dataRoot);
  const state = await ensureIndex(engine, alias, definition);
  const tagger = await ArticleTagger.create(engine, alias, definition, loadTaxonomy(dataRoot));
  const ingest = await ingestSeedsInto(engine, alias, tagger);
  const app = createTestApp(engine, alias, dataRoot);
  return {
    engine,
    alias,
    index: state.index,
    ingest,
    tagger,
    app,
    async dispose() {
      for (const index of await engine.listIndices(`${alias}-*`)) await engine.deleteIndex(index);
      await engine.close();
    },
  };
}
