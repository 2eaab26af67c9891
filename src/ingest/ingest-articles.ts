import type { ArticleTagger } from '../classify/article-tagger.js';
import { outletOfSource } from '../search/site-operator.js';
import { OperationCancelledError } from '../concurrency/cancellation.js';
import { isEngineError } from '../engine/engine-error.js';
import type { BulkDocument, BulkResult, SearchEngine } from '../engine/search-engine.js';
import { prepareArticle, type PreparedArticle } from './prepare-article.js';
import { StoryCopies } from './story-copies.js';
import { TeaserCuts } from './teaser-cuts.js';
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
  /** Where each of those was: the record skipped, and the id it repeated. */
  duplicateRecords: { file: string; line: number; id: string }[];
  /** Stored as copies of a story stored under another id (same outlet, title and time): left out of searches. */
  repeatedStories: number;
  /** Stored with the other stories' leads they ended with cut from the searched text (`cutTeasers`). */
  withTeasers: number;
  rejected: { file: string; line: number; id?: string; reason: string }[];
  /** Stored without a field shown with the article (url, category, abstract, author) whose value was no text. */
  droppedFields: { file: string; line: number; id: string; field: string; reason: string }[];
}

/**
 * Articles a bulk request carries. Three batches are held at once (two in flight, one being read);
 * at 500 the API process peaked at 199–211 MB ingesting the ANT corpus, at 250 at 186–189 MB, as fast.
 */
export const INGEST_BATCH_SIZE = 250;

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

/** The stored form of an article: what mappings/articles.json accepts. */
export function toStoredArticle(article: PreparedArticle, tags: Awaited<ReturnType<ArticleTagger['tag']>>, duplicateOf?: string): StoredArticle {
  return {
    id: article.id,
    title: article.title,
    body: article.body,
    source: article.source,
    ...presentFields({
      body_original: article.bodyOriginal,
      published: article.published,
      url: article.url,
      source_category: article.category,
      abstract: article.abstract,
      author: article.author,
      dateline: article.dateline,
    }),
    ...tags,
    [HASH_FIELD]: article.contentHash,
    ...presentFields({
      story_key: article.storyKey,
      text_key: article.textKey,
      lead_story_key: article.leadStoryKey,
      duplicate_of: duplicateOf,
      teasers: article.teasers,
    }),
    ...(article.leadKeys?.length ? { lead_keys: article.leadKeys } : {}),
    ...(article.links?.length ? { links: article.links } : {}),
    ...(article.tailKeys?.length ? { tail_keys: article.tailKeys } : {}),
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
  const batchSize = options.batchSize ?? INGEST_BATCH_SIZE;
  const concurrency = options.concurrency ?? 2;
  const report: IngestReport = {
    read: 0,
    indexed: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    duplicateRecords: [],
    repeatedStories: 0,
    withTeasers: 0,
    rejected: [],
    droppedFields: [],
  };
  let outletOf: ((source: string) => string) | undefined;
  const seen = new Set<string>();
  // A run into an empty index (a first load, a rebuild) finds stored only what it wrote itself, so
  // it asks the index about nothing else: on the ANT corpus that was 4 lookups a batch. Asked once,
  // in the first batch, whose failure says where to resume.
  const startedEmpty = engine
    .refresh(alias)
    .then(() => engine.count(alias))
    .then((count) => count === 0);
  startedEmpty.catch(() => undefined);
  const storyCopies = new StoryCopies(engine, alias, startedEmpty);
  const teaserCuts = new TeaserCuts(engine, alias, startedEmpty);
  const inFlight = new Set<Promise<void>>();
  type Item = { article: PreparedArticle; record: SourceRecord };
  let batch: Item[] = [];
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

  // Tags first, then each article's original (a batch of the same stories still being written is
  // waited for only then), then the write.
  const tagAndWrite = async (changed: Item[], originalsOf: Promise<ReadonlyMap<string, string>>) => {
    const { tags: tagged, refused } = await (await taggerNow()).tagEach(changed.map((item) => item.article));
    const recordOf = new Map(changed.map((item) => [item.article.id, item.record]));
    for (const { id, reason } of refused) report.rejected.push({ file: recordOf.get(id)!.file, line: recordOf.get(id)!.line, id, reason });
    const originals = await originalsOf;
    const documents: BulkDocument[] = changed.flatMap(({ article }) => {
      const tags = tagged.get(article.id);
      return tags ? [{ id: article.id, source: toStoredArticle(article, tags, originals.get(article.id)) }] : [];
    });
    const delays = options.retryDelaysMs ?? [500, 1000, 2000, 4000, 8000];
    const batchIds = new Set(changed.map((i) => i.article.id));
    return writeBatch(documents, batchIds, (sent) => bulkWithBackoff(engine, alias, sent, delays, aroundWrite));
  };

  const flush = async (items: typeof batch) => {
    // Claimed before any wait, in reading order: the first of a story read is its original.
    const claim = storyCopies.claim(items.map((i) => i.article));
    let written: Awaited<ReturnType<typeof writeBatch>> | undefined;
    try {
      // Ids are read once a run: in an index that began it empty, none is stored yet.
      const storedHashes = (await startedEmpty)
        ? new Map<string, { [HASH_FIELD]?: string }>()
        : await engine.getSources<{ [HASH_FIELD]?: string }>(
            alias,
            items.map((i) => i.article.id),
            [HASH_FIELD],
          );
      const changedItems = items.filter((i) => storedHashes.get(i.article.id)?.[HASH_FIELD] !== i.article.contentHash);
      report.unchanged += items.length - changedItems.length;
      const { teaserParagraphs } = (await taggerNow()).compiled.taxonomy;
      const cut = await teaserCuts.cut(
        changedItems.map((item) => item.article),
        teaserParagraphs,
      );
      written = await tagAndWrite(
        changedItems.map((item, index) => ({ ...item, article: cut[index]! })),
        claim.originals,
      );
    } finally {
      // Whatever became of the write: a later batch of the same stories waits for this.
      claim.settle(written?.stored ?? []);
    }
    const { result, stored } = written;
    report.repeatedStories += stored.filter((article) => article.duplicate_of !== undefined).length;
    report.withTeasers += stored.filter((article) => article.teasers !== undefined).length;
    report.indexed += result.created;
    report.updated += result.updated + result.unchanged;
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
    outletOf ??= outletOfSource((await taggerNow()).compiled.taxonomy.sourceNames);
    const prepared = prepareArticle(record, repairer, outletOf);
    if (!prepared.ok) {
      report.rejected.push({ file: record.file, line: record.line, ...(prepared.id ? { id: prepared.id } : {}), reason: prepared.reason });
      continue;
    }
    if (seen.has(prepared.article.id)) {
      report.duplicates++;
      report.duplicateRecords.push({ file: record.file, line: record.line, id: prepared.article.id });
      continue;
    }
    seen.add(prepared.article.id);
    for (const { field, reason } of prepared.droppedFields ?? [])
      report.droppedFields.push({ file: record.file, line: record.line, id: prepared.article.id, field, reason });
    teaserCuts.noteRead(prepared.article);
    batch.push({ article: prepared.article, record });
    if (batch.length >= batchSize) {
      send(batch);
      batch = [];
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  }
  if (batch.length > 0 && !failed) send(batch);
  await Promise.all(inFlight);
  // Articles stored before the stories their last paragraphs lead: cut now the run has read those.
  const cutEarlierTeasers = async () => {
    await engine.refresh(alias);
    const earlier = await teaserCuts.cutEarlier(await taggerNow(), (updates) => aroundWrite(() => engine.updateDocuments(alias, updates)));
    report.withTeasers += earlier.cut;
    if (earlier.written > 0) await engine.refresh(alias);
    return earlier.failures;
  };
  if (failed) {
    // What was written is cut as far as this run read, unless the engine is what failed; sending
    // the rest again reads only the rest.
    if (!(failed.cause instanceof OperationCancelledError)) await cutEarlierTeasers().catch(() => undefined);
    throw new IngestInterruptedError(report, { file: failed.from.file, line: failed.from.line }, failed.cause);
  }
  const refused = await cutEarlierTeasers().catch((cause: unknown) => {
    throw new Error(
      `every article is stored, but the teasers of articles stored before were not all cut (the same ingest again finishes it): ${(cause as Error)?.message ?? String(cause)}`,
      { cause },
    );
  });
  if (refused.length > 0) {
    // Every article is stored; one tagging or the engine refused to cut is a defect to see.
    const [first] = refused;
    throw new Error(`${refused.length} stored articles keep their teasers, cutting them was refused: ${first!.id}: ${first!.reason}`);
  }
  // A large write is committed now, not left in the translog a restarted node would replay first.
  if (report.indexed + report.updated >= FLUSHED_WRITES) await engine.flush(alias);
  options.onProgress?.(report);
  return report;
}

/** Articles written by one run from which it commits them at its end (see SearchEngine.flush); fewer replay in a moment. */
const FLUSHED_WRITES = 1_000;

/**
 * Writes a batch's documents. A copy whose original is of this batch but not stored (rejected by
 * tagging, or refused by the engine) is written as an original: its story would be listed nowhere.
 */
async function writeBatch(
  documents: BulkDocument[],
  batchIds: ReadonlySet<string>,
  write: (documents: BulkDocument[]) => Promise<BulkResult>,
): Promise<{ result: BulkResult; stored: StoredArticle[] }> {
  const copyOfMissing = (document: BulkDocument, stored: (id: string) => boolean) => {
    const original = (document.source as StoredArticle).duplicate_of;
    return original !== undefined && batchIds.has(original) && !stored(original);
  };
  const tagged = new Set(documents.map((document) => document.id));
  const sent = documents.map((document) => (copyOfMissing(document, (id) => tagged.has(id)) ? withoutOriginal(document) : document));
  const result = await write(sent);
  const refused = new Set(result.failures.map((failure) => failure.id));
  const accepted = sent.filter((document) => !refused.has(document.id));
  const orphans = new Set(accepted.filter((document) => copyOfMissing(document, (id) => !refused.has(id))).map((document) => document.id));
  const stored = accepted.map((document) => (orphans.has(document.id) ? withoutOriginal(document) : document));
  // Written a second time: if the engine refuses that too, the article stays a hidden copy, and is reported.
  const again = orphans.size > 0 ? await write(stored.filter((document) => orphans.has(document.id))) : undefined;
  const hidden = new Set(again?.failures.map((failure) => failure.id));
  for (const failure of again?.failures ?? []) {
    result.failures.push({ ...failure, reason: `stored as a copy of an article the engine refused, so not listed: ${failure.reason}` });
  }
  return { result, stored: stored.filter((document) => !hidden.has(document.id)).map((document) => document.source as StoredArticle) };
}

/** The document as an original: its `duplicate_of` dropped. */
function withoutOriginal(document: BulkDocument): BulkDocument {
  const { duplicate_of: _original, ...source } = document.source as StoredArticle;
  return { ...document, source };
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
