import { ArticleTagger } from '../classify/article-tagger.js';
import type { Taxonomy } from '../classify/taxonomy.js';
import type { SearchEngine } from '../engine/search-engine.js';
import { ingestArticles, type IngestOptions, type IngestReport } from '../ingest/ingest-articles.js';
import type { RunOnRepairer } from '../ingest/run-on-repair.js';
import type { SourceRecord } from '../ingest/source-records.js';
import { removeStaleVersions, TAGGED_WITH, versionedIndexName, type BuildState } from './ensure-index.js';
import { fingerprintIndex } from './verify-copy.js';
import type { VersionedIndexDefinition } from './index-definition.js';

export interface RebuildReport extends IngestReport {
  index: string;
  previous: string[];
  removed: string[];
}

/** A rebuild that stored no article: serving its version would empty the search. */
export class EmptyRebuildError extends Error {
  constructor(readonly report: IngestReport) {
    super(`nothing to serve: none of the ${report.read} articles read was stored (${report.rejected.length} rejected); the version served stays`);
    this.name = 'EmptyRebuildError';
  }
}

/**
 * Builds a fresh index version from the sources and moves the alias to it in one atomic step.
 * Until then every query answers from the version served now; if the build fails, the new
 * version is deleted and nothing changes for readers.
 */
export async function rebuildIndex(
  engine: SearchEngine,
  alias: string,
  definition: VersionedIndexDefinition,
  taxonomy: Taxonomy,
  repairer: RunOnRepairer,
  records: AsyncIterable<SourceRecord>,
  options: IngestOptions = {},
): Promise<RebuildReport> {
  const index = `${versionedIndexName(alias, definition)}-${Date.now().toString(36)}`;
  await engine.createIndex(index, definition);
  try {
    const tagger = await ArticleTagger.create(engine, index, definition, taxonomy);
    const report = await ingestArticles(engine, index, { repairer, tagger }, records, options);
    if (report.indexed === 0) throw new EmptyRebuildError(report);
    const built = await fingerprintIndex(engine, index);
    await engine.updateIndexMetadata(index, { build: { state: 'complete', from: 'ingest', ...built } satisfies BuildState, [TAGGED_WITH]: taxonomy.digest });
    const previous = (await engine.aliasTargets(alias)).filter((name) => name !== index);
    await engine.pointAlias(alias, index);
    // The new version serves from here on: an old one left by a failed removal goes at the next start or rebuild.
    const removed = await removeStaleVersions(engine, alias, [index, ...previous]).catch(() => []);
    return { ...report, index, previous, removed };
  } catch (error) {
    // The unfinished version goes, unless the alias may serve it (a move the engine applied, then
    // timed out on). Its removal failing must not hide why the rebuild failed.
    const served = await engine.aliasTargets(alias).then(
      (targets) => targets.includes(index),
      () => true,
    );
    if (!served) await engine.deleteIndex(index).catch(() => undefined);
    throw error;
  }
}
