import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

/** One article of the ANT corpus (Chouigui et al., AICCSA 2017), as shipped in ../shared/corpora/. */
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
