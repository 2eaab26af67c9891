import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BulkResult, SearchEngine } from '../engine/search-engine.js';
import { parseSeedArticle, type ParsedArticle } from './seed-parser.js';

export interface SeedIngestReport extends BulkResult {
  read: number;
  removedBoilerplate: number;
}

/** The stored form of an article: what the index mapping (mappings/articles.json) accepts. */
export function toStoredArticle(article: ParsedArticle): Record<string, unknown> {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    ...(article.published ? { published: article.published } : {}),
    source: 'seed',
    topics: [],
    regions: [],
    people: [],
    organizations: [],
  };
}

/**
 * Parses every `*.txt` seed in `seedsDir` (id = file stem) and indexes it by id, so running it
 * again overwrites the same documents instead of adding new ones.
 */
export async function ingestSeeds(engine: SearchEngine, alias: string, seedsDir: string): Promise<SeedIngestReport> {
  const files = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  const articles = await Promise.all(
    files.map(async (file) => parseSeedArticle(basename(file, '.txt'), await readFile(join(seedsDir, file), 'utf8'))),
  );
  const result = await engine.bulkIndex(
    alias,
    articles.map((article) => ({ id: article.id, source: toStoredArticle(article) })),
    { refresh: true },
  );
  return { ...result, read: articles.length, removedBoilerplate: articles.reduce((n, a) => n + a.removed.length, 0) };
}
