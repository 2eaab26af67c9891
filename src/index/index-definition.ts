import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { IndexDefinition } from '../engine/search-engine.js';

const mappingFileSchema = z.object({
  description: z.string(),
  settings: z.record(z.string(), z.unknown()),
  mappings: z.object({ properties: z.record(z.string(), z.unknown()) }).passthrough(),
});

const analysisFileSchema = z.object({
  description: z.string(),
  analysis: z.object({
    char_filter: z.record(z.string(), z.unknown()).optional(),
    filter: z.record(z.string(), z.record(z.string(), z.unknown())),
    analyzer: z.record(z.string(), z.unknown()),
  }),
  /** Synonym filter name → synonym list files (in analyzers/synonyms/) whose rules it carries. */
  synonymFilters: z.record(z.string(), z.array(z.string())),
});

export interface VersionedIndexDefinition extends IndexDefinition {
  /** Changes whenever mappings, analysis or a synonym list changes: names the index version. */
  digest: string;
}

/** Reads one synonym list: one rule a line, `#` comments and blank lines skipped. */
export function parseSynonymList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Builds the index definition from the data files under `rootDir`: `mappings/articles.json`,
 * `analyzers/arabic.json`, and the synonym lists inlined into their filters (so a remote cluster
 * needs no files mounted).
 */
export function loadIndexDefinition(rootDir: string): VersionedIndexDefinition {
  const mappingFile = mappingFileSchema.parse(readJson(join(rootDir, 'mappings', 'articles.json')));
  const analysisFile = analysisFileSchema.parse(readJson(join(rootDir, 'analyzers', 'arabic.json')));
  const filters = structuredClone(analysisFile.analysis.filter);
  for (const [filterName, files] of Object.entries(analysisFile.synonymFilters)) {
    const filter = filters[filterName];
    if (!filter) throw new Error(`analyzers/arabic.json: synonymFilters names "${filterName}", which is not a filter`);
    filter.synonyms = files.flatMap((file) =>
      parseSynonymList(readFileSync(join(rootDir, 'analyzers', 'synonyms', file), 'utf8')),
    );
  }
  const settings = { index: mappingFile.settings, analysis: { ...analysisFile.analysis, filter: filters } };
  const mappings = mappingFile.mappings;
  const digest = createHash('sha256').update(JSON.stringify({ settings, mappings })).digest('hex').slice(0, 10);
  return { settings, mappings: { ...mappings, _meta: { definition: digest } }, digest };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}
