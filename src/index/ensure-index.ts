import type { SearchEngine } from '../engine/search-engine.js';
import type { VersionedIndexDefinition } from './index-definition.js';

export interface IndexState {
  alias: string;
  index: string;
  created: boolean;
  previous: string[];
}

/** The concrete index a definition lives in: the alias plus the definition's digest. */
export function versionedIndexName(alias: string, definition: VersionedIndexDefinition): string {
  return `${alias}-${definition.digest}`;
}

/**
 * Makes `alias` serve an index built from `definition`: creates that index version when missing
 * and points the alias at it in one atomic step. Earlier versions are left in place (not deleted)
 * so nothing indexed is lost; readers never see a moment without an index.
 */
export async function ensureIndex(
  engine: SearchEngine,
  alias: string,
  definition: VersionedIndexDefinition,
): Promise<IndexState> {
  const index = versionedIndexName(alias, definition);
  const previous = await engine.aliasTargets(alias);
  let created = false;
  if (!(await engine.indexExists(index))) {
    await engine.createIndex(index, definition);
    created = true;
  }
  const older = previous.filter((name) => name !== index);
  // A new version starts with what the old one held, so switching never hides documents.
  if (created && older.length > 0) await engine.copyDocuments(older, index);
  if (previous.length !== 1 || previous[0] !== index) await engine.pointAlias(alias, index);
  return { alias, index, created, previous: older };
}
