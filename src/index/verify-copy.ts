import { createHash } from 'node:crypto';
import type { SearchEngine } from '../engine/search-engine.js';

/** What a copy must match: how many articles, and a digest of every (id, content hash and tail keys) pair. */
export interface IndexFingerprint {
  documents: number;
  digest: string;
}

/** Two indices side by side: their fingerprints, and the ids on which they differ. */
export interface IndexComparison {
  source: IndexFingerprint;
  copy: IndexFingerprint;
  /** Ids the source holds and the copy lacks, or holds with other content: what a catch-up copies. */
  stale: string[];
  /** Ids only the copy holds. */
  extra: string[];
  matches: boolean;
}

const PAGE_SIZE = 5_000;
/** Articles fetched and written per request when a copy is caught up. */
const CATCH_UP_CHUNK = 200;

/** An index's (id, content hash and tail keys) pairs, page by page in id order. */
async function* idsAndHashes(engine: SearchEngine, index: string): AsyncGenerator<[string, string]> {
  let after: unknown[] | undefined;
  for (;;) {
    const page = await engine.search<{ content_hash?: string; tail_keys?: string[] }>(index, {
      query: { match_all: {} },
      size: PAGE_SIZE,
      sort: [{ id: 'asc' }],
      _source: ['content_hash', 'tail_keys'],
      track_total_hits: false,
      ...(after ? { search_after: after } : {}),
    });
    // Cutting an article's teasers in place keeps its content hash and changes its tail keys.
    for (const hit of page.hits) yield [hit.id, `${hit.source.content_hash ?? ''} ${(hit.source.tail_keys ?? []).join(',')}`];
    if (page.hits.length < PAGE_SIZE) return;
    after = page.hits.at(-1)!.sort;
  }
}

/** Hashes pairs into a fingerprint as they pass. */
function fingerprinter(): { add(id: string, hash: string): void; result(): IndexFingerprint } {
  const hash = createHash('sha256');
  let documents = 0;
  return {
    add: (id, contentHash) => {
      hash.update(`${id}\t${contentHash}\n`);
      documents++;
    },
    result: () => ({ documents, digest: hash.digest('hex').slice(0, 16) }),
  };
}

/**
 * The fingerprint of an index's articles, read page by page in id order, so two indices holding
 * the same articles with the same content have the same one whatever order they were written in.
 */
export async function fingerprintIndex(engine: SearchEngine, index: string): Promise<IndexFingerprint> {
  const print = fingerprinter();
  for await (const [id, hash] of idsAndHashes(engine, index)) print.add(id, hash);
  return print.result();
}

/**
 * Reads `sources` and `copy` side by side in id order (ids and content hashes only) and says where
 * they differ: what the copy lacks or holds stale, and what only it holds.
 */
export async function compareIndices(engine: SearchEngine, sources: string[], copy: string): Promise<IndexComparison> {
  await engine.refresh(copy);
  const left = idsAndHashes(engine, sources.join(','));
  const right = idsAndHashes(engine, copy);
  const source = fingerprinter();
  const copied = fingerprinter();
  const stale: string[] = [];
  const extra: string[] = [];
  let a = await left.next();
  let b = await right.next();
  while (!a.done || !b.done) {
    // Ids compare as the engine sorts keywords: by UTF-8 bytes, which for strings is code point order.
    const order = a.done ? 1 : b.done ? -1 : compareCodePoints(a.value[0], b.value[0]);
    if (order <= 0) source.add(a.value![0], a.value![1]);
    if (order >= 0) copied.add(b.value![0], b.value![1]);
    if (order < 0) stale.push(a.value![0]);
    else if (order > 0) extra.push(b.value![0]);
    else if (a.value![1] !== b.value![1]) stale.push(a.value![0]);
    if (order <= 0) a = await left.next();
    if (order >= 0) b = await right.next();
  }
  return { source: source.result(), copy: copied.result(), stale, extra, matches: stale.length === 0 && extra.length === 0 };
}

/** Copies the named articles from `sources` into `copy` as they stand now; returns how many were written. */
export async function copyArticles(engine: SearchEngine, sources: string[], copy: string, ids: string[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < ids.length; i += CATCH_UP_CHUNK) {
    const chunk = ids.slice(i, i + CATCH_UP_CHUNK);
    const found = await engine.search<Record<string, unknown>>(sources.join(','), { query: { ids: { values: chunk } }, size: chunk.length });
    const result = await engine.bulkIndex(
      copy,
      found.hits.map((hit) => ({ id: hit.id, source: hit.source })),
    );
    if (result.failures.length > 0) throw new Error(`catching up ${copy} failed for ${result.failures[0]!.id}: ${result.failures[0]!.reason}`);
    written += found.hits.length;
  }
  return written;
}

function compareCodePoints(a: string, b: string): number {
  // UTF-16 order differs from code point order only for characters beyond the BMP against U+E000–U+FFFF.
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return Buffer.compare(left, right);
}
