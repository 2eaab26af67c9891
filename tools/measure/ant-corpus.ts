import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
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
