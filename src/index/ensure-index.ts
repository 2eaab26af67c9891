import { escapeRegExp } from '../escape-reg-exp.js';
import type { SearchEngine } from '../engine/search-engine.js';
import type { VersionedIndexDefinition } from './index-definition.js';
import { isCancellation, throwIfCancelled } from '../concurrency/cancellation.js';
import { compareIndices, copyArticles, fingerprintIndex, type IndexComparison } from './verify-copy.js';

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
export type BuildProgress =
  { phase: 'copying'; done: number; total: number } | { phase: 'catching-up'; round: number; articles: number } | { phase: 'verifying' };

/** The index metadata key naming the taxonomy (its digest) the stored articles' tags were made with. */
export const TAGGED_WITH = 'taxonomy';

export interface EnsureIndexOptions {
  onProgress?: (progress: BuildProgress) => void;
  /** The digest of the taxonomy in force: recorded on a new version that starts empty, as its articles will be tagged with it. */
  taxonomy?: string;
  /** Aborting stops the build (the engine's copy is cancelled, the new version deleted); the alias stays. */
  signal?: AbortSignal;
  /**
   * Runs the last catch-up and the alias move with no write of this process in flight (see
   * WriteGate): what was written to the old version until then is in the new one.
   */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Catch-up rounds before the last one: each copies what was written during the one before. */
const CATCH_UP_ROUNDS = 5;

/**
 * Makes `alias` serve an index built from `definition`, without a moment when readers find none:
 * a missing version is created and filled with the documents the alias serves now, then the alias
 * moves to it in one atomic step. Articles written to the served version during the copy are
 * caught up: the two are compared (ids and content hashes) and what differs is copied again, the
 * last round with this process's writes held back, so the alias moves only to a version that
 * matches its source. A version left half-built by a reload that timed out or a process that died
 * is finished or rebuilt, never served as it is. The version just replaced stays (a rollback is an
 * alias move); older ones are removed.
 */
export async function ensureIndex(
  engine: SearchEngine,
  alias: string,
  definition: VersionedIndexDefinition,
  options: EnsureIndexOptions = {},
): Promise<IndexState> {
  const onProgress = options.onProgress ?? (() => {});
  const exclusive = options.exclusive ?? ((work) => work());
  const served = await engine.aliasTargets(alias);
  // A rebuild of the same definition (`<alias>-<digest>-<stamp>`) is as current as the version itself.
  const rebuilt = served.length === 1 && served[0]!.startsWith(`${versionedIndexName(alias, definition)}-`) ? served[0] : undefined;
  const index = rebuilt ?? versionedIndexName(alias, definition);
  const previous = served.filter((name) => name !== index);
  let created = false;
  let copied = 0;
  if (!served.includes(index)) {
    const outcome = await buildVersion(engine, index, definition, previous, onProgress, options.signal);
    created = outcome.created;
    copied = outcome.copied;
    if (copied > 0) await engine.flush(index);
    // The last catch-up and the move, with this process's writes held: none can land in the old version unseen.
    await exclusive(async () => {
      onProgress({ phase: 'verifying' });
      const built = previous.length > 0 ? (await catchUp(engine, previous, index, 1, onProgress, options.signal)).copy : await fingerprintIndex(engine, index);
      // A copy's tags are its source's: made with whatever taxonomy tagged them there.
      const taggedWith = previous.length === 1 ? (await engine.indexMetadata(previous[0]!))[TAGGED_WITH] : copied === 0 ? options.taxonomy : undefined;
      await engine.updateIndexMetadata(index, {
        build: { state: 'complete', from: previous, ...built } satisfies BuildState,
        ...(typeof taggedWith === 'string' ? { [TAGGED_WITH]: taggedWith } : {}),
      });
      await engine.pointAlias(alias, index);
    });
  } else if (served.length !== 1) await engine.pointAlias(alias, index);

  // Nothing replaced now: the version this one was built from is still the rollback target.
  const rollback = previous.length > 0 ? previous : await versionsBuiltFrom(engine, index);
  const removed = await removeStaleVersions(engine, alias, [index, ...rollback]);
  return { alias, index, created, copied, previous, removed };
}

/**
 * Brings the unserved version `index` close to `sources`: copied (a copy still running in the engine
 * is followed, not doubled), then caught up on what was written meanwhile. One already there (a
 * rollback target, a half-built one) is finished the same way, unless it holds articles its source
 * has not, when it is built afresh.
 */
async function buildVersion(
  engine: SearchEngine,
  index: string,
  definition: VersionedIndexDefinition,
  sources: string[],
  onProgress: (progress: BuildProgress) => void,
  signal: AbortSignal | undefined,
): Promise<{ created: boolean; copied: number }> {
  const fill = async (found?: IndexComparison) => {
    if (sources.length === 0 || found?.stale.length === 0) return 0;
    const copy = await engine.copyDocuments(sources, index, (done, total) => onProgress({ phase: 'copying', done, total }), signal);
    if (copy.failures > 0) throw new Error(`copying into ${index} refused ${copy.failures} articles; the alias still serves ${sources.join(', ')}`);
    await catchUp(engine, sources, index, CATCH_UP_ROUNDS, onProgress, signal);
    return copy.copied;
  };
  const existed = await engine.indexExists(index);
  if (existed) {
    const found = sources.length > 0 ? await compareIndices(engine, sources, index) : undefined;
    if (!found || found.extra.length === 0) {
      try {
        return { created: false, copied: await fill(found) };
      } catch (error) {
        if (isCancellation(error)) {
          await engine.deleteIndex(index).catch(() => {});
          throw error;
        }
        // Not to be finished: built afresh below.
      }
    }
  }
  if (existed) await engine.deleteIndex(index);
  await engine.createIndex(index, definition);
  await engine.updateIndexMetadata(index, { build: { state: 'copying', from: sources } satisfies BuildState });
  try {
    return { created: true, copied: await fill() };
  } catch (error) {
    await engine.deleteIndex(index).catch(() => {});
    throw error;
  }
}

/**
 * Copies into `index` what `sources` hold that it lacks or holds stale, round after round while
 * writes go on, until a round finds nothing; the comparison of the last round is returned. Articles
 * only the copy holds mean it was filled from something else: an error.
 */
async function catchUp(
  engine: SearchEngine,
  sources: string[],
  index: string,
  rounds: number,
  onProgress: (progress: BuildProgress) => void,
  signal: AbortSignal | undefined,
): Promise<IndexComparison> {
  for (let round = 1; ; round++) {
    throwIfCancelled(signal);
    const check = await compareIndices(engine, sources, index);
    if (check.extra.length > 0) throw new Error(`${index} holds ${check.extra.length} articles ${sources.join(', ')} has not (first: ${check.extra[0]})`);
    if (check.stale.length === 0) return check;
    if (round > rounds) throw new Error(`${index} still differs from ${sources.join(', ')} after ${rounds} catch-up rounds (${check.stale.length} articles)`);
    onProgress({ phase: 'catching-up', round, articles: check.stale.length });
    await copyArticles(engine, sources, index, check.stale);
  }
}

/** The versions `index` was copied from, as its build state records them (none for one filled by ingest). */
async function versionsBuiltFrom(engine: SearchEngine, index: string): Promise<string[]> {
  const from = ((await engine.indexMetadata(index)).build as BuildState | undefined)?.from;
  return Array.isArray(from) ? from : [];
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
