import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { parseSourceRecord } from '../../src/ingest/prepare-article.js';
import { cutTeasers } from '../../src/ingest/teasers.js';
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
 * The corpus as the product tags and searches it once all of it is ingested: lines linking other
 * stories taken out, and the other stories' leads an article ends with cut (`parseSourceRecord`,
 * `cutTeasers`). Reads the file twice: the leads first, then the articles.
 */
export async function* readAntCorpusAsIngested(path: string): AsyncGenerator<AntArticle> {
  const { teaserParagraphs } = loadTaxonomy(PROJECT_ROOT);
  const prepare = (article: AntArticle) => {
    const prepared = parseSourceRecord({ kind: 'json', file: path, line: 0, value: article });
    if (!prepared.ok) throw new Error(`${article.id}: ${prepared.reason}`);
    return prepared.article;
  };
  const leads = new Set<string>();
  for await (const article of readAntCorpus(path)) for (const key of prepare(article).leadKeys ?? []) leads.add(key);
  for await (const article of readAntCorpus(path)) {
    const prepared = prepare(article);
    const cut = cutTeasers(prepared, (key) => !prepared.leadKeys?.includes(key) && leads.has(key), teaserParagraphs.get(article.source));
    // An article neither changes keeps its text as the corpus gives it.
    yield cut || prepared.links ? { ...article, text: cut?.body ?? prepared.body } : article;
  }
}
