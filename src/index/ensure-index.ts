import { escapeRegExp } from '../escape-reg-exp.js';
import type { SearchEngine } from '../engine/search-engine.js';
import type { VersionedIndexDefinition } from './index-definition.js';

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

/**
 * Makes `alias` serve an index built from `definition`, without a moment when readers find none:
 * a missing version is created and filled with the documents the alias serves now, then the alias
 * moves to it in one atomic step. The version just replaced stays (a rollback is an alias move);
 * older ones are removed.
 */
export async function ensureIndex(
  engine: SearchEngine,
  alias: string,
  definition: VersionedIndexDefinition,
): Promise<IndexState> {
  const served = await engine.aliasTargets(alias);
  // A rebuild of the same definition (`<alias>-<digest>-<stamp>`) is as current as the version itself.
  const rebuilt = served.length === 1 && served[0]!.startsWith(`${versionedIndexName(alias, definition)}-`) ? served[0] : undefined;
  const index = rebuilt ?? versionedIndexName(alias, definition);
  const previous = served.filter((name) => name !== index);
  let created = false;
  let copied = 0;
  if (!(await engine.indexExists(index))) {
    await engine.createIndex(index, definition);
    created = true;
    if (previous.length > 0) {
      const copy = await engine.copyDocuments(previous, index);
      if (copy.failures > 0) {
        await engine.deleteIndex(index);
        throw new Error(`copying into the new index version ${index} failed for ${copy.failures} documents; the alias still serves ${previous.join(', ')}`);
      }
      copied = copy.copied;
    }
  }
  if (served.length !== 1 || served[0] !== index) await engine.pointAlias(alias, index);

  const removed = await removeStaleVersions(engine, alias, [index, ...previous]);
  return { alias, index, created, copied, previous, removed };
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
