import { createHash } from 'node:crypto';
import { ArticleTagger } from '../classify/article-tagger.js';
import type { Taxonomy } from '../classify/taxonomy.js';
import type { BulkDocument, IndexDefinition, SearchEngine } from '../engine/search-engine.js';
import { ingestArticles } from '../ingest/ingest-articles.js';
import { parseSourceRecord } from '../ingest/prepare-article.js';
import type { RunOnRepairer } from '../ingest/run-on-repair.js';
import { digestInputs, type EvalCollection } from './eval-collections.js';
import type { GainKind } from './rank-metrics.js';
import { runEvaluation, type EvaluationQuery, type EvaluationRun } from './run-evaluation.js';

/** Marks an evaluation index as completely filled, in its metadata: only such an index is reused. */
const FILLED = 'evaluationFilled';

/**
 * The reference row's index: title and body analyzed by the engine's stock `arabic` analyzer and
 * nothing else. Ratios to it are the figures reported, so they mean the same on any machine.
 */
export const REFERENCE_DEFINITION: IndexDefinition = {
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: { properties: { title: { type: 'text', analyzer: 'arabic' }, body: { type: 'text', analyzer: 'arabic' } } },
};

/** The reference row's query: plain `multi_match` over `title^2, body`. */
export function referenceQuery(text: string, size: number): Record<string, unknown> {
  return { query: { multi_match: { query: text, fields: ['title^2', 'body'] } }, size, _source: false };
}

export interface EvaluationIndexes {
  /** Built with the product's definition and ingest (run-on repair, tagging). */
  product: string;
  /** The same documents, as published, in the stock-analyzer index. */
  reference: string;
  /** Whether each was reused as it stood. */
  reused: { product: boolean; reference: boolean };
}

export interface ProductPipeline {
  definition: IndexDefinition & { digest: string };
  taxonomy: Taxonomy;
  repairer: RunOnRepairer;
  /** Files the pipeline reads besides the index definition (the run-on word list). */
  pipelineInputs: string[];
}

/**
 * The collection's two indexes, built once and reused while their inputs are unchanged: each is named
 * by a digest of the collection's files and what builds it (the index definition, the taxonomy and
 * the run-on word list for the product's; the reference definition for the other). A half-filled
 * index (a run stopped mid-way) is not marked filled, so the next run builds it again.
 */
export async function ensureEvaluationIndexes(
  engine: SearchEngine,
  collection: EvalCollection,
  pipeline: ProductPipeline,
  onProgress: (message: string) => void = () => {},
): Promise<EvaluationIndexes> {
  const inputs = await digestInputs(collection.inputs);
  const pipelineDigest = await digestInputs(pipeline.pipelineInputs);
  const name = (kind: string, ...parts: string[]) =>
    `eval-${collection.name}-${kind}-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 12)}`;
  const product = name('product', inputs, pipeline.definition.digest, pipeline.taxonomy.digest, pipelineDigest);
  const reference = name('reference', inputs, JSON.stringify(REFERENCE_DEFINITION));

  const reusedProduct = await ensureFilled(engine, product, pipeline.definition, async () => {
    onProgress(`building ${product} with the product's ingest`);
    const tagger = await ArticleTagger.create(engine, product, pipeline.definition, pipeline.taxonomy);
    // A line every 5 s: the known-item corpus takes a minute or more.
    let said = Date.now();
    const report = await ingestArticles(engine, product, { repairer: pipeline.repairer, tagger }, collection.records(), {
      onProgress: ({ read, indexed }) => {
        if (Date.now() - said < 5_000) return;
        said = Date.now();
        onProgress(`${product}: ${read} articles read, ${indexed} indexed`);
      },
    });
    if (report.rejected.length > 0) onProgress(`${report.rejected.length} records rejected by ingest, first: ${report.rejected[0]!.reason}`);
  });
  const reusedReference = await ensureFilled(engine, reference, REFERENCE_DEFINITION, async () => {
    onProgress(`building ${reference} (stock arabic analyzer)`);
    let batch: BulkDocument[] = [];
    const flush = async () => {
      const result = await engine.bulkIndex(reference, batch);
      if (result.failures.length > 0) throw new Error(`reference index rejected ${result.failures[0]!.id}: ${result.failures[0]!.reason}`);
      batch = [];
    };
    for await (const record of collection.records()) {
      const parsed = parseSourceRecord(record);
      if (!parsed.ok) continue; // the product's ingest rejects it too
      batch.push({ id: parsed.article.id, source: { title: parsed.article.title, body: parsed.article.body } });
      if (batch.length >= 500) await flush();
    }
    if (batch.length > 0) await flush();
  });
  return { product, reference, reused: { product: reusedProduct, reference: reusedReference } };
}

/** Creates and fills the index unless a filled one is there; true when it was reused. */
async function ensureFilled(engine: SearchEngine, index: string, definition: IndexDefinition, fill: () => Promise<void>): Promise<boolean> {
  if (await engine.indexExists(index)) {
    if ((await engine.indexMetadata(index))[FILLED] === true) return true;
    await engine.deleteIndex(index);
  }
  await engine.createIndex(index, definition);
  await fill();
  await engine.refresh(index);
  await engine.updateIndexMetadata(index, { [FILLED]: true });
  return false;
}

/** Ranks through the reference index and query. */
export function referenceSearch(engine: SearchEngine, index: string) {
  return async (q: string, k: number) => (await engine.search(index, referenceQuery(q, k))).hits.map((h) => h.id);
}

/** The reference row: the queries ranked through the reference index and query, and scored. */
export function evaluateReference(
  engine: SearchEngine,
  index: string,
  queries: EvaluationQuery[],
  k: number,
  onProgress?: (done: number, total: number) => void,
  gain?: GainKind,
): Promise<EvaluationRun> {
  return runEvaluation(queries, referenceSearch(engine, index), k, onProgress, gain);
}
