import type { ArticleTagger } from '../classify/article-tagger.js';
import { OperationCancelledError } from '../concurrency/cancellation.js';
import { forEachLimited } from '../concurrency/for-each-limited.js';
import { isEngineError } from '../engine/engine-error.js';
import type { BulkDocument, BulkResult, SearchEngine } from '../engine/search-engine.js';
import { prepareArticle, type PreparedArticle } from './prepare-article.js';
import type { RunOnRepairer } from './run-on-repair.js';
import type { SourceRecord } from './source-records.js';
import type { StoredArticle } from '../index/stored-article.js';
import { presentFields } from '../present-fields.js';

export interface IngestReport {
  read: number;
  indexed: number;
  updated: number;
  /** Already stored with the same content: nothing written. */
  unchanged: number;
  /** The same id met again in this run: the first one wins. */
  duplicates: number;
  /** Stored as copies of a story stored under another id (same outlet, title and time): left out of searches. */
  repeatedStories: number;
  rejected: { file: string; line: number; id?: string; reason: string }[];
}

export interface IngestOptions {
  batchSize?: number;
  /** Bulk requests in flight at once. */
  concurrency?: number;
  onProgress?: (report: IngestReport) => void;
  /** Waits between retries of a refused bulk (429/503), doubled each time. */
  retryDelaysMs?: number[];
  /** Aborting stops reading: the batches sent are finished, and an IngestInterruptedError says where to resume. */
  signal?: AbortSignal;
  /** Runs each bulk write (the service passes its write gate, which an alias move waits on). */
  aroundWrite?: <T>(write: () => Promise<T>) => Promise<T>;
}

/**
 * The engine failed mid-ingest (after retries): what was stored until then, and where the articles
 * not known to be stored begin. Running the same ingest again completes it: stored articles are
 * recognised as unchanged and skipped.
 */
export class IngestInterruptedError extends Error {
  constructor(
    readonly report: IngestReport,
    /** The first article, in reading order, that may not be stored. */
    readonly notStoredFrom: { file: string; line: number },
    readonly cause: unknown,
  ) {
    super(`ingest interrupted: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'IngestInterruptedError';
  }
}

const HASH_FIELD = 'content_hash' satisfies keyof StoredArticle;
// Articles tagged per `_analyze` call: fewer round trips, requests still small.
const TAG_CHUNK = 25;

/** The stored form of an article: what mappings/articles.json accepts. */
export function toStoredArticle(article: PreparedArticle, tags: Awaited<ReturnType<ArticleTagger['tag']>>, duplicateOf?: string): StoredArticle {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    source: article.source,
    ...presentFields({ body_original: article.bodyOriginal, published: article.published, url: article.url, source_category: article.category }),
    ...tags,
    [HASH_FIELD]: article.contentHash,
    ...presentFields({ story_key: article.storyKey, duplicate_of: duplicateOf }),
  };
}

/**
 * The one ingest pipeline, for seeds and corpora alike: parse and clean each record, skip what is
 * stored unchanged, tag, and bulk-load by id with bounded concurrency and backoff when the engine
 * pushes back. Nothing is dropped silently: every record ends up counted or rejected with its reason.
 */
/** What turns a source record into a stored article: run-on repair, then tagging. */
export interface ArticlePipeline {
  repairer: RunOnRepairer;
  /** A function is asked anew per batch, so a taxonomy changed meanwhile applies from then on. */
  tagger: ArticleTagger | (() => Promise<ArticleTagger>);
}

export async function ingestArticles(
  engine: SearchEngine,
  alias: string,
  { repairer, tagger }: ArticlePipeline,
  records: AsyncIterable<SourceRecord>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const taggerNow = typeof tagger === 'function' ? tagger : async () => tagger;
  const aroundWrite = options.aroundWrite ?? ((write) => write());
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 2;
  const report: IngestReport = { read: 0, indexed: 0, updated: 0, unchanged: 0, duplicates: 0, repeatedStories: 0, rejected: [] };
  const seen = new Set<string>();
  // The first id each story was read under in this run; stories stored before it are asked per batch.
  const firstOfStory = new Map<string, string>();
  const inFlight = new Set<Promise<void>>();
  let batch: { article: PreparedArticle; record: SourceRecord; duplicateOf?: string }[] = [];
  // Batches are numbered in reading order, so the earliest one that failed says where to resume.
  let batchNumber = 0;
  let failed: { batch: number; from: SourceRecord; cause: unknown } | undefined;
  const send = (items: typeof batch) => {
    const number = batchNumber++;
    const task = flush(items)
      .catch((cause: unknown) => {
        if (!failed || number < failed.batch) failed = { batch: number, from: items[0]!.record, cause };
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  const flush = async (items: typeof batch) => {
    const stored = await engine.getSources<{ [HASH_FIELD]?: string }>(
      alias,
      items.map((i) => i.article.id),
      [HASH_FIELD],
    );
    const changed = await withStoredStories(
      engine,
      alias,
      items.filter((i) => stored.get(i.article.id)?.[HASH_FIELD] !== i.article.contentHash),
    );
    report.unchanged += items.length - changed.length;
    const documents: BulkDocument[] = [];
    const tagger = await taggerNow();
    const chunks: (typeof changed)[] = [];
    for (let i = 0; i < changed.length; i += TAG_CHUNK) chunks.push(changed.slice(i, i + TAG_CHUNK));
    await forEachLimited(chunks, 2, async (chunk) => {
      try {
        const tags = await tagger.tagMany(chunk.map((c) => c.article));
        chunk.forEach(({ article, duplicateOf }, i) => documents.push({ id: article.id, source: toStoredArticle(article, tags[i]!, duplicateOf) }));
      } catch (error) {
        if (!isEngineError(error, 'rejected')) throw error;
        // The engine refused the batch: tag one by one, so only the article at fault is rejected.
        for (const { article, record, duplicateOf } of chunk) {
          try {
            documents.push({ id: article.id, source: toStoredArticle(article, await tagger.tag(article), duplicateOf) });
          } catch (single) {
            if (!isEngineError(single, 'rejected')) throw single;
            report.rejected.push({ file: record.file, line: record.line, id: article.id, reason: `tagging: ${single.message}` });
          }
        }
      }
    });
    const result = await bulkWithBackoff(engine, alias, documents, options.retryDelaysMs ?? [500, 1000, 2000, 4000, 8000], aroundWrite);
    report.indexed += result.created;
    report.updated += result.updated + result.unchanged;
    const failedIds = new Set(result.failures.map((failure) => failure.id));
    report.repeatedStories += changed.filter((i) => i.duplicateOf && !failedIds.has(i.article.id)).length;
    const byId = new Map(items.map((i) => [i.article.id, i.record]));
    for (const failure of result.failures) {
      const record = byId.get(failure.id);
      report.rejected.push({ file: record?.file ?? '', line: record?.line ?? 0, id: failure.id, reason: `${failure.type}: ${failure.reason}` });
    }
    options.onProgress?.(report);
  };

  for await (const record of records) {
    if (failed) break;
    if (options.signal?.aborted) {
      // Stopped between two records: what was read and not sent is where to resume.
      const from = batch[0]?.record ?? record;
      failed = { batch: Number.MAX_SAFE_INTEGER, from, cause: new OperationCancelledError('ingest cancelled') };
      batch = [];
      break;
    }
    if (record.kind === 'broken') {
      // What was read before the break is stored; the rest must be sent again, from this line.
      if (batch.length > 0) send(batch);
      batch = [];
      failed = { batch: Number.MAX_SAFE_INTEGER, from: record, cause: new Error(record.reason) };
      break;
    }
    report.read++;
    const prepared = prepareArticle(record, repairer);
    if (!prepared.ok) {
      report.rejected.push({ file: record.file, line: record.line, ...(prepared.id ? { id: prepared.id } : {}), reason: prepared.reason });
      continue;
    }
    if (seen.has(prepared.article.id)) {
      report.duplicates++;
      continue;
    }
    seen.add(prepared.article.id);
    const story = prepared.article.storyKey;
    const first = story === undefined ? undefined : firstOfStory.get(story);
    if (story !== undefined && first === undefined) firstOfStory.set(story, prepared.article.id);
    batch.push({ article: prepared.article, record, ...(first ? { duplicateOf: first } : {}) });
    if (batch.length >= batchSize) {
      send(batch);
      batch = [];
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  }
  if (batch.length > 0 && !failed) send(batch);
  await Promise.all(inFlight);
  if (failed) throw new IngestInterruptedError(report, { file: failed.from.file, line: failed.from.line }, failed.cause);
  await engine.refresh(alias);
  options.onProgress?.(report);
  return report;
}

/**
 * The items with `duplicateOf` set where an article stored under another id (and itself no copy)
 * already tells their story: one search for the batch's story keys.
 */
async function withStoredStories<T extends { article: PreparedArticle; duplicateOf?: string }>(engine: SearchEngine, alias: string, items: T[]): Promise<T[]> {
  const keys = [...new Set(items.flatMap((item) => (item.duplicateOf ? [] : (item.article.storyKey ?? []))))];
  if (keys.length === 0) return items;
  const stored = await engine.search<Pick<StoredArticle, 'story_key'>>(alias, {
    // Articles stored before story keys were compared may share one: room for a few each.
    size: keys.length * 2,
    query: { bool: { filter: [{ terms: { story_key: keys } }], must_not: [{ exists: { field: 'duplicate_of' } }] } },
    _source: ['story_key'],
    sort: [{ id: 'asc' }],
  });
  const storedUnder = new Map<string, string>();
  for (const hit of stored.hits) if (hit.source.story_key && !storedUnder.has(hit.source.story_key)) storedUnder.set(hit.source.story_key, hit.id);
  return items.map((item) => {
    const key = item.duplicateOf ? undefined : item.article.storyKey;
    const original = key === undefined ? undefined : storedUnder.get(key);
    return original && original !== item.article.id ? { ...item, duplicateOf: original } : item;
  });
}

/** A bulk the engine refuses as a whole (unavailable, overloaded) or per document (429) is retried after a wait. */
async function bulkWithBackoff(
  engine: SearchEngine,
  alias: string,
  documents: BulkDocument[],
  delaysMs: number[],
  aroundWrite: NonNullable<IngestOptions['aroundWrite']>,
): Promise<BulkResult> {
  const total: BulkResult = { created: 0, updated: 0, unchanged: 0, failures: [] };
  let pending = documents;
  for (let attempt = 0; pending.length > 0; attempt++) {
    let result: BulkResult;
    try {
      result = await aroundWrite(() => engine.bulkIndex(alias, pending));
    } catch (error) {
      const retryable = isEngineError(error, 'unavailable') || isEngineError(error, 'timeout') || (isEngineError(error) && error.statusCode === 429);
      if (!retryable || attempt >= delaysMs.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
      continue;
    }
    total.created += result.created;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    const overloaded = new Set(result.failures.filter((f) => f.type === 'es_rejected_execution_exception').map((f) => f.id));
    total.failures.push(...result.failures.filter((f) => !overloaded.has(f.id) || attempt >= delaysMs.length));
    pending = attempt < delaysMs.length ? pending.filter((d) => overloaded.has(d.id)) : [];
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
  }
  return total;
}
