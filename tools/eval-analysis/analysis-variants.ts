import { createHash } from 'node:crypto';
import type { VersionedIndexDefinition } from '../../src/index/index-definition.js';

/** Stemmers compared by `npm run eval:stemmers`, each a replacement of the chain's `arabic_stemmer` filter. */
export const STEMMER_VARIANTS = {
  light: { type: 'arabic_stem' },
  snowball: { type: 'snowball', language: 'Arabic' },
  hunspell: { type: 'hunspell', locale: 'ar', dedup: true },
  none: undefined,
} as const;

export type StemmerVariant = keyof typeof STEMMER_VARIANTS;
export type AnalysisVariant = StemmerVariant | 'stock-arabic';

type Analysis = { filter: Record<string, unknown>; analyzer: Record<string, { filter?: string[] }> };

/**
 * The product's index definition with another stemmer in place of the light one ('none' drops it),
 * or, for 'stock-arabic', title and body analyzed by the engine's built-in `arabic` analyzer alone.
 */
export function definitionWithVariant(base: VersionedIndexDefinition, variant: AnalysisVariant): VersionedIndexDefinition {
  const definition = structuredClone(base);
  if (variant === 'stock-arabic') {
    const properties = (definition.mappings as { properties: Record<string, unknown> }).properties;
    properties.title = { type: 'text', analyzer: 'arabic' };
    properties.body = { type: 'text', analyzer: 'arabic' };
  } else {
    const analysis = (definition.settings as { analysis: Analysis }).analysis;
    const stemmer = STEMMER_VARIANTS[variant];
    if (stemmer) analysis.filter.arabic_stemmer = stemmer;
    else {
      delete analysis.filter.arabic_stemmer;
      for (const analyzer of Object.values(analysis.analyzer)) analyzer.filter = analyzer.filter?.filter((f) => f !== 'arabic_stemmer');
    }
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([definition.settings, definition.mappings]))
    .digest('hex')
    .slice(0, 10);
  return { ...definition, mappings: { ...definition.mappings, _meta: { definition: digest } }, digest };
}
