import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { cutTeasers, leadKeysOf } from '../../src/ingest/teasers.js';
import { normalizeLines } from '../../src/ingest/seed-parser.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

/**
 * Where the ANT corpus is read from: `ANT_CORPUS`, else `../shared/corpora/` beside the clone. The corpus
 * belongs to its outlets and is never copied into the repository.
 */
export function antCorpusPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.ANT_CORPUS ? resolve(env.ANT_CORPUS) : join(PROJECT_ROOT, '..', 'shared', 'corpora', 'ant-multisource.ndjson.gz');
}

/** One article of the ANT corpus (Chouigui et al., AICCSA 2017): gzipped NDJSON, one article a line. */
export const antArticleSchema = z.object({
  id: z.string(),
  url: z.string().optional(),
  source: z.string(),
  category: z.string(),
  title: z.string(),
  published: z.string().optional(),
  author: z.string().nullable().optional(),
  abstract: z.string().nullable().optional(),
  text: z.string(),
});
export type AntArticle = z.infer<typeof antArticleSchema>;

/** Streams the gzipped NDJSON corpus one article at a time: memory stays flat. */
export async function* readAntCorpus(path: string): AsyncGenerator<AntArticle> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) yield antArticleSchema.parse(JSON.parse(line));
  }
}

/**
 * The corpus as the product tags and searches it once all of it is ingested: the other stories'
 * leads an article ends with cut from its text (`cutTeasers`). Reads the file twice: the leads
 * first, then the articles.
 */
export async function* readAntCorpusAsIngested(path: string): AsyncGenerator<AntArticle> {
  const blocks = loadTaxonomy(PROJECT_ROOT).teaserParagraphs;
  const bodyOf = (article: AntArticle) => normalizeLines(article.text).join('\n\n');
  const leads = new Set<string>();
  for await (const article of readAntCorpus(path)) {
    for (const key of leadKeysOf(article.source, bodyOf(article), article.abstract ?? undefined).leadKeys) leads.add(key);
  }
  for await (const article of readAntCorpus(path)) {
    const body = bodyOf(article);
    const own = leadKeysOf(article.source, body, article.abstract ?? undefined).leadKeys;
    const cut = cutTeasers({ source: article.source, body }, (key) => !own.includes(key) && leads.has(key), blocks.get(article.source));
    yield cut ? { ...article, text: cut.body } : article;
  }
}
