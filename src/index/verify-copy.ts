import { createHash } from 'node:crypto';
import type { SearchEngine } from '../engine/search-engine.js';

/** What a copy must match: how many articles, and a digest of every (id, content hash) pair. */
export interface IndexFingerprint {
  documents: number;
  digest: string;
}

const PAGE_SIZE = 5_000;

/**
 * The fingerprint of an index's articles, read page by page in id order, so two indices holding
 * the same articles with the same content have the same one whatever order they were written in.
 */
export async function fingerprintIndex(engine: SearchEngine, index: string): Promise<IndexFingerprint> {
  const hash = createHash('sha256');
  let documents = 0;
  let after: unknown[] | undefined;
  for (;;) {
    const page = await engine.search<{ content_hash?: string }>(index, {
      query: { match_all: {} },
      size: PAGE_SIZE,
      sort: [{ id: 'asc' }],
      _source: ['content_hash'],
      track_total_hits: false,
      ...(after ? { search_after: after } : {}),
    });
    for (const hit of page.hits) hash.update(`${hit.id}\t${hit.source.content_hash ?? ''}\n`);
    documents += page.hits.length;
    if (page.hits.length < PAGE_SIZE) break;
    after = page.hits.at(-1)!.sort;
  }
  return { documents, digest: hash.digest('hex').slice(0, 16) };
}

/** True when `copy` holds exactly the articles of `sources`, with the same content. */
export async function copyMatchesSources(
  engine: SearchEngine,
  sources: string[],
  copy: string,
): Promise<{ matches: boolean; source: IndexFingerprint; copy: IndexFingerprint }> {
  await engine.refresh(copy);
  const [source, copied] = await Promise.all([fingerprintIndex(engine, sources.join(',')), fingerprintIndex(engine, copy)]);
  return { matches: source.documents === copied.documents && source.digest === copied.digest, source, copy: copied };
}
