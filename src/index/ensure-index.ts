import { escapeRegExp } from '../escape-reg-exp.js';
import type { SearchEngine } from '../engine/search-engine.js';
import type { VersionedIndexDefinition } from './index-definition.js';
import { copyMatchesSources, fingerprintIndex } from './verify-copy.js';

export interface IndexState {
  alias: string;
  index: string;
  /** True when this call built a new index version. */
  created: boolean;
  /** Documents copied from the version served before. */
  copied: number;
  /** The version(s) the alias pointed at before, if any other. */
  previous: string[];
  /** Versions older than `previous`, removed. */
  removed: string[];
}

/** The concrete index a definition lives in: the alias plus the definition's digest. */
export function versionedIndexName(alias: string, definition: VersionedIndexDefinition): string {
  return `${alias}-${definition.digest}`;
}

/** A version's build state, kept in its own metadata: only a complete one is ever served. */
export interface BuildState {
  state: 'copying' | 'complete';
  /** What it was filled from: the versions copied, or `ingest`. */
  from: string[] | 'ingest';
  documents?: number;
  digest?: string;
}

/** Where an alias's version stands while an analysis reload builds it. */
export type BuildProgress = { phase: 'copying'; done: number; total: number } | { phase: 'verifying' };

/**
 * Makes `alias` serve an index built from `definition`, without a moment when readers find none:
 * a missing version is created and filled with the documents the alias serves now, then the alias
 * moves to it in one atomic step. The alias only ever moves to a version whose copy was verified
 * against its source (same articles, same content): a version left half-built by a reload that
 * timed out or a process that died is finished or rebuilt, never served as it is. The version just
 * replaced stays (a rollback is an alias move); older ones are removed.
 */
export async function ensureIndex(
  engine: SearchEngine,
  alias: string,
  definition: VersionedIndexDefinition,
  onProgress: (progress: BuildProgress) => void = () => {},
): Promise<IndexState> {
  const served = await engine.aliasTargets(alias);
  // A rebuild of the same definition (`<alias>-<digest>-<stamp>`) is as current as the version itself.
  const rebuilt = served.length === 1 && served[0]!.startsWith(`${versionedIndexName(alias, definition)}-`) ? served[0] : undefined;
  const index = rebuilt ?? versionedIndexName(alias, definition);
  const previous = served.filter((name) => name !== index);
  let created = false;
  let copied = 0;
  if (!served.includes(index)) {
    const outcome = await buildVersion(engine, index, definition, previous, onProgress);
    created = outcome.created;
    copied = outcome.copied;
  }
  if (served.length !== 1 || served[0] !== index) await engine.pointAlias(alias, index);

  const removed = await removeStaleVersions(engine, alias, [index, ...previous]);
  return { alias, index, created, copied, previous, removed };
}

/**
 * Brings the unserved version `index` to a verified copy of `sources`. One already there (a
 * rollback target, or a half-built one) is kept if it matches; else its copy is finished (a copy
 * still running in the engine is followed, not doubled) and, failing that, it is built afresh.
 */
async function buildVersion(
  engine: SearchEngine,
  index: string,
  definition: VersionedIndexDefinition,
  sources: string[],
  onProgress: (progress: BuildProgress) => void,
): Promise<{ created: boolean; copied: number }> {
  const copyAndVerify = async () => {
    if (sources.length === 0) return { copied: 0, matches: true, ...(await fingerprintIndex(engine, index)) };
    const copy = await engine.copyDocuments(sources, index, (done, total) => onProgress({ phase: 'copying', done, total }));
    onProgress({ phase: 'verifying' });
    const check = await copyMatchesSources(engine, sources, index);
    return { copied: copy.copied, matches: copy.failures === 0 && check.matches, documents: check.copy.documents, digest: check.copy.digest };
  };
  const markComplete = (outcome: { documents: number; digest: string }) =>
    engine.updateIndexMetadata(index, {
      build: { state: 'complete', from: sources, documents: outcome.documents, digest: outcome.digest } satisfies BuildState,
    });

  if (await engine.indexExists(index)) {
    if (sources.length > 0) {
      const check = await copyMatchesSources(engine, sources, index);
      if (check.matches) {
        await markComplete(check.copy);
        return { created: false, copied: 0 };
      }
    }
    const finished = await copyAndVerify();
    if (finished.matches) {
      await markComplete(finished);
      return { created: false, copied: finished.copied };
    }
    await engine.deleteIndex(index);
  }

  await engine.createIndex(index, definition);
  await engine.updateIndexMetadata(index, { build: { state: 'copying', from: sources } satisfies BuildState });
  const outcome = await copyAndVerify();
  if (!outcome.matches) {
    await engine.deleteIndex(index);
    throw new Error(
      `the copy into the new index version ${index} does not match ${sources.join(', ')} (documents written during the copy?); the alias still serves ${sources.join(', ')}`,
    );
  }
  await markComplete(outcome);
  return { created: true, copied: outcome.copied };
}

/** Deletes the alias's index versions other than `keep`; returns their names. */
export async function removeStaleVersions(engine: SearchEngine, alias: string, keep: string[]): Promise<string[]> {
  const kept = new Set(keep);
  const removed = (await engine.listIndices(`${alias}-*`)).filter((name) => !kept.has(name) && isVersionOf(alias, name));
  for (const name of removed) await engine.deleteIndex(name);
  return removed;
}

/** `articles-0a1b2c3d4e` (and a rebuild of it, `articles-0a1b2c3d4e-lx2k9a`) is a version of `articles`; `articles-archive` is not. */
function isVersionOf(alias: string, name: string): boolean {
  return new RegExp(`^${escapeRegExp(alias)}-[0-9a-f]{10}(-[0-9a-z]+)?$`).test(name);
}
