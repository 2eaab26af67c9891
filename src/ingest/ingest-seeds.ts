import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ArticleTagger } from '../classify/article-tagger.js';
import type { ArticleTags } from '../classify/classify-article.js';
import type { BulkResult, SearchEngine } from '../engine/search-engine.js';
import { parseSeedArticle, type ParsedArticle } from './seed-parser.js';

export interface SeedIngestReport extends BulkResult {
  read: number;
  removedBoilerplate: number;
}

/** The stored form of an article: what the index mapping (mappings/articles.json) accepts. */
export function toStoredArticle(article: ParsedArticle, tags: ArticleTags): Record<string, unknown> {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    ...(article.published ? { published: article.published } : {}),
    source: 'seed',
    ...tags,
  };
}

/**
 * Parses every `*.txt` seed in `seedsDir` (id = file stem) and indexes it by id, so running it
 * again overwrites the same documents instead of adding new ones.
 */
export async function ingestSeeds(engine: SearchEngine, alias: string, seedsDir: string, tagger: ArticleTagger): Promise<SeedIngestReport> {
  const files = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  const articles = await Promise.all(
    files.map(async (file) => parseSeedArticle(basename(file, '.txt'), await readFile(join(seedsDir, file), 'utf8'))),
  );
  const result = await engine.bulkIndex(
    alias,
    await Promise.all(articles.map(async (article) => ({ id: article.id, source: toStoredArticle(article, await tagger.tag(article)) }))),
    { refresh: true },
  );
  return { ...result, read: articles.length, removedBoilerplate: articles.reduce((n, a) => n + a.removed.length, 0) };
}
