import type { ArticleTags, RegionSalience } from '../classify/classify-article.js';

/**
 * The facet keys every article carries, filled by classification: topic, region, person and
 * organization slugs. `regions` holds the regions an article is about, `regions_mentioned` every
 * region it names.
 */
export const FACET_FIELDS = ['topics', 'regions', 'regions_mentioned', 'people', 'organizations'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** An article's facet values as stored; a field it lacks (stored before the field existed) is []. */
export function facetValuesOf(stored: Partial<Record<FacetField, string[]>>): Record<FacetField, string[]> {
  return Object.fromEntries(FACET_FIELDS.map((field) => [field, stored[field] ?? []])) as Record<FacetField, string[]>;
}

/** An article's tags as stored, in the tagger's shape; a field it lacks is empty. */
export function storedTagsOf(stored: Partial<Record<FacetField, string[]>> & { region_salience?: RegionSalience[] }): ArticleTags {
  return { ...facetValuesOf(stored), region_salience: stored.region_salience ?? [] };
}

/** An article ingest found to copy a story stored under another id (`duplicate_of`): never listed, counted, faceted or suggested. */
export const A_STORY_COPY = { exists: { field: 'duplicate_of' } } as const;

/** An article as the index stores it: what `mappings/articles.json` accepts. */
export interface StoredArticle extends Partial<Record<FacetField, string[]>> {
  /** How often and where each region is named (stored, not indexed). */
  region_salience?: RegionSalience[];
  id: string;
  title: string;
  /** The text as indexed: run-on words split. */
  body: string;
  /** The text as published, when run-on repair changed it. */
  body_original?: string;
  published?: string;
  source?: string;
  url?: string;
  /** The summary and the byline the source gave, stored for display, not searched. */
  abstract?: string;
  author?: string;
  /** The category the source gave (ANT's, for instance). */
  source_category?: string;
  /** Lets a re-run of ingest skip an unchanged article. */
  content_hash?: string;
  /** The story by its outlet, title and publication time (`storyKeyOf`); none without a publication time. */
  story_key?: string;
  /** The story by its outlet and text word for word (`textKeyOf`); none for a short text. */
  text_key?: string;
  /** The story by its outlet, first paragraph and publication time (`leadStoryKeyOf`); none without a publication time. */
  lead_story_key?: string;
  /** The article stored first with this story_key, text_key or lead_story_key: this one is a copy of it, left out of searches. */
  duplicate_of?: string;
  /** How another article of its outlet would end with this one as a teaser: its first paragraph's key and its abstract's (`leadKeysOf`). */
  lead_keys?: string[];
  /** The keys of the last paragraphs still in `body`: a lead stored later may make them teasers. */
  tail_keys?: string[];
  /** Other stories' leads the article ended with, as published: cut from `body`, stored, not searched. */
  teasers?: string[];
  /** Lines linking other stories of the outlet, as published: taken out of `body`, stored, not searched. */
  links?: string[];
  /** Where the newsroom filed from (`cutDateline`), without its closing dashes: taken out of `body`, stored, not searched. */
  dateline?: string;
}
