import { createHash } from 'node:crypto';
import { TAIL_PARAGRAPHS } from '../ingest/teasers.js';
import { z } from 'zod';
import { spellingsOf } from '../analysis/arabic-rules.js';
import { readDataJson, readDataList } from '../data/data-files.js';
import { PEOPLE_LIST } from '../index/index-definition.js';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const labels = z.object({ ar: z.string().min(1), en: z.string().min(1) });

const regionSchema = z.object({
  slug,
  /** ISO 3166-1 alpha-2 code of a country or territory (XK for Kosovo). */
  iso: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  kind: z.enum(['country', 'region']),
  labels,
  parents: z.array(slug).default([]),
  terms: z.array(z.string().min(1)).min(1),
  excludeWithin: z.array(z.string().min(1)).default([]),
  /** Names of other things that hold the region's name (مونديال روسيا, the World Cup in Russia): a mention of it, never what makes an article about it. */
  mentionedWithin: z.array(z.string().min(1)).default([]),
  ambiguous: z.object({ terms: z.array(z.string().min(1)).min(1), requireAnyOf: z.array(z.string().min(1)).min(1), reason: z.string() }).optional(),
  /** Heads of state or government: named in a title, the article is about the country (its government acts); not mentions of it. */
  leaders: z.array(z.string().min(1)).optional(),
  /** Leaders whose names title stories abroad too (the US president): as `leaders`, where the title names no other country. */
  leadersAtHome: z.array(z.string().min(1)).optional(),
  /**
   * A name that is also a common word (مالي, "financial"): typed alone, a search lists the articles naming the place, searched as
   * `searchedAs`. Without `arabicAlone`, only its Latin names are read so: عمان alone is Amman as often as Oman, Oman never.
   * `latin` names the Latin spellings read so where they are not the place's own terms (Amman: Jordan's capital, عمان).
   */
  readAlone: z
    .object({
      searchedAs: z.string().min(1),
      arabicAlone: z.boolean().default(true),
      latin: z
        .array(z.string().regex(/^[\p{Script=Latin} '-]+$/u, 'Latin letters only'))
        .min(1)
        .optional(),
      reason: z.string(),
    })
    .optional(),
  notes: z.string().optional(),
});

const topicSchema = z.object({
  slug,
  labels,
  antCategory: z.string().optional(),
  terms: z.array(z.string().min(1)).min(1),
  /** Terms of the topic that are also other words (الفريق, a team of investigators): they count only beside one that is not. */
  ambiguous: z.object({ terms: z.array(z.string().min(1)).min(1), reason: z.string() }).optional(),
  /**
   * Topics that do not crowd this one out: its share of the best score is taken against the best of
   * the others (a study of a diet is health and science, however much more it says of health).
   */
  companions: z.array(slug).optional(),
  /** Words that, in the title, say the story is another topic's: an attack's (هجوم, غارة, برصاص) is no disaster, whatever fires and rescuers its body names. */
  notWhereTitleHas: z.array(z.string().min(1)).optional(),
  /** What a reader types to find the topic among the facet values, never used to tag (حرب, war: الحرب alone is in most news). */
  searchWords: z.array(z.string().min(1)).optional(),
  /**
   * Its score is left out of the other topics' best: a topic added after the others were measured
   * takes none of their articles (a hurricane that shuts oil rigs stays economy as well as a disaster).
   */
  crowdsNoOther: z.boolean().optional(),
  /** Topics that take this one's place: an article tagged with one of them, scoring at least as high, is not given this one (a shelling's dead are a war's, not a disaster's). */
  yieldsTo: z.array(slug).optional(),
  notes: z.string().optional(),
});

const regionsFileSchema = z.object({
  description: z.string(),
  rules: z.object({
    /** About a region: named this many times anywhere (title and body). */
    minMentions: z.number().int().min(1),
    /** About a region: named in the lead and this many times anywhere. */
    leadMinMentions: z.number().int().min(1),
    /** The lead: the body's first this many token positions (about a sentence or two). */
    leadTokens: z.number().int().min(1),
    description: z.string().optional(),
  }),
  regions: z.array(regionSchema),
});

const topicsFileSchema = z.object({
  description: z.string(),
  rules: z.object({
    minScore: z.number().positive(),
    bodyWeight: z.number().positive(),
    repeatWeight: z.number().min(0),
    maxPerTerm: z.number().positive(),
    titleWeight: z.number().positive(),
    /** A topic also needs this share of the article's best topic score: a passing mention of a second subject is no topic. */
    minShareOfBest: z.number().min(0).max(1),
  }),
  topics: z.array(topicSchema),
});

const sourcesFileSchema = z.object({
  description: z.string(),
  sources: z.array(
    z.object({
      value: z.string().min(1),
      labels: z.object({ ar: z.string().min(1), en: z.string().min(1) }),
      teaserParagraphs: z.number().int().min(1).max(TAIL_PARAGRAPHS).optional(),
      names: z.array(z.string().min(1)).optional(),
    }),
  ),
});

/** Per person or organization (by slug), phrases inside which its name is another's, and names that are it only beside others. */
const entityExclusionsSchema = z.object({
  description: z.string(),
  excludeWithin: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  namedInContext: z
    .record(
      z.string(),
      z.object({
        terms: z.array(z.string().min(1)).min(1),
        requireAnyOf: z.array(z.string().min(1)).min(1),
        reason: z.string(),
      }),
    )
    .default({}),
  namesReadAlone: z.record(z.string(), z.object({ searchedAs: z.string().min(1), arabicAlone: z.boolean(), reason: z.string() })).default({}),
});

export type Region = z.infer<typeof regionSchema>;
export type Topic = z.infer<typeof topicSchema>;

/** A person or organization from the synonym lists: one line, one entity. */
export interface NamedEntity {
  slug: string;
  labels: { ar: string; en: string };
  terms: string[];
  /** Longer names of others that begin or hold this one's (the African football confederation's holds the African Union's). */
  excludeWithin: string[];
  /** Names that are also common words or another's (حماس, "enthusiasm"), which tag it only where one of `requireAnyOf` occurs too; not in `terms`. */
  namedInContext?: { terms: string[]; requireAnyOf: string[] };
  /**
   * A query of its Latin name alone (Hamas, Fatah) means it: it finds the articles tagged with it,
   * searched as `searchedAs`; with `arabicAlone`, so does `searchedAs` typed alone (حماس, not فتح, "opened").
   */
  readAlone?: { searchedAs: string; arabicAlone: boolean };
}

export interface Taxonomy {
  topics: Topic[];
  topicRules: z.infer<typeof topicsFileSchema>['rules'];
  regions: Region[];
  regionRules: z.infer<typeof regionsFileSchema>['rules'];
  people: NamedEntity[];
  organizations: NamedEntity[];
  /** Labels of the sources (`taxonomy/sources.json`), by the value ingest stores. */
  sourceLabels: ReadonlyMap<string, { ar: string; en: string }>;
  /** Each source's labels and the other names readers give it (بي بي سي, سكاي نيوز): what `site:` and ingest recognize it by. */
  sourceNames: ReadonlyMap<string, readonly string[]>;
  /** How many paragraphs of other stories' leads a source closes an article with, where it is known (`cutTeasers`). */
  teaserParagraphs: ReadonlyMap<string, number>;
  /** Changes with any taxonomy or list change: tells whether stored tags are current. */
  digest: string;
}

export type FacetName = 'topics' | 'regions' | 'regions_mentioned' | 'people' | 'organizations';

/**
 * Reads `taxonomy/topics.json`, `taxonomy/regions.json`, `taxonomy/sources.json`, and the people and organizations of
 * `analyzers/synonyms/` (one entity a line), validating references between entries.
 */
export function loadTaxonomy(rootDir: string): Taxonomy {
  const topicsFile = readDataJson(rootDir, 'taxonomy/topics.json', topicsFileSchema);
  const regionsFile = readDataJson(rootDir, 'taxonomy/regions.json', regionsFileSchema);
  const regionSlugs = new Set(regionsFile.regions.map((r) => r.slug));
  const parentsOf = new Map(regionsFile.regions.map((r) => [r.slug, r.parents]));
  for (const region of regionsFile.regions) {
    for (const parent of region.parents) {
      if (!regionSlugs.has(parent)) throw new Error(`taxonomy/regions.json: ${region.slug} names unknown parent "${parent}"`);
    }
    const [lying] = parentsAboveOthers(region.parents, parentsOf);
    if (lying) throw new Error(`taxonomy/regions.json: ${region.slug}: parent "${lying}" is already above another of its parents: name the nearest only`);
    for (const term of region.ambiguous?.terms ?? []) {
      if (!region.terms.includes(term)) throw new Error(`taxonomy/regions.json: ${region.slug}: ambiguous term "${term}" is not one of its terms`);
    }
  }
  const topicSlugs = new Set(topicsFile.topics.map((t) => t.slug));
  for (const topic of topicsFile.topics) {
    for (const companion of topic.companions ?? []) {
      if (!topicSlugs.has(companion) || companion === topic.slug)
        throw new Error(`taxonomy/topics.json: ${topic.slug}: companion "${companion}" is no other topic`);
    }
    for (const other of topic.yieldsTo ?? []) {
      if (!topicSlugs.has(other) || other === topic.slug) throw new Error(`taxonomy/topics.json: ${topic.slug}: yieldsTo "${other}" is no other topic`);
    }
    for (const term of topic.ambiguous?.terms ?? []) {
      if (!topic.terms.includes(term)) throw new Error(`taxonomy/topics.json: ${topic.slug}: ambiguous term "${term}" is not one of its terms`);
    }
  }
  assertUnique(
    'taxonomy/regions.json',
    regionsFile.regions.map((r) => r.slug),
  );
  assertUnique(
    'taxonomy/topics.json',
    topicsFile.topics.map((t) => t.slug),
  );
  const { excludeWithin, namedInContext, namesReadAlone } = readDataJson(rootDir, 'taxonomy/entity-exclusions.json', entityExclusionsSchema);
  const withExclusions = (entity: NamedEntity): NamedEntity => {
    const inContext = namedInContext[entity.slug];
    const readAlone = namesReadAlone[entity.slug];
    return {
      ...entity,
      // A name the search lists hold (أنصار الله) still finds the entity; it tags only in context.
      terms: inContext ? entity.terms.filter((term) => !inContext.terms.includes(term)) : entity.terms,
      excludeWithin: excludeWithin[entity.slug] ?? [],
      ...(inContext ? { namedInContext: { terms: inContext.terms, requireAnyOf: inContext.requireAnyOf } } : {}),
      ...(readAlone ? { readAlone: { searchedAs: readAlone.searchedAs, arabicAlone: readAlone.arabicAlone } } : {}),
    };
  };
  const people = entitiesFromSynonyms(readDataList(rootDir, PEOPLE_LIST)).map(withExclusions);
  const organizations = entitiesFromSynonyms(readDataList(rootDir, 'analyzers/synonyms/organizations.txt')).map(withExclusions);
  const entitySlugs = new Set([...people, ...organizations].map((entity) => entity.slug));
  for (const slug of [...Object.keys(excludeWithin), ...Object.keys(namedInContext), ...Object.keys(namesReadAlone)]) {
    if (!entitySlugs.has(slug)) throw new Error(`taxonomy/entity-exclusions.json: no person or organization "${slug}" in analyzers/synonyms/`);
  }
  const taxonomy = {
    topics: topicsFile.topics,
    topicRules: topicsFile.rules,
    regions: regionsFile.regions,
    regionRules: regionsFile.rules,
    people,
    organizations,
  };
  const sourcesFile = readDataJson(rootDir, 'taxonomy/sources.json', sourcesFileSchema);
  // Labels decide no tag: outside the digest, so renaming a source asks for no re-tagging.
  const sourceLabels = new Map(sourcesFile.sources.map((source) => [source.value, source.labels]));
  const sourceNames = new Map(sourcesFile.sources.map((source) => [source.value, [source.labels.ar, source.labels.en, ...(source.names ?? [])]]));
  // Nor does a teaser block: ingest cuts by it; articles stored before a change keep their cut until written again.
  const teaserParagraphs = new Map(
    sourcesFile.sources.flatMap((source) => (source.teaserParagraphs ? [[source.value, source.teaserParagraphs] as const] : [])),
  );
  // Nor do notes, the words that find a topic among the facet values, and how a name typed alone is searched.
  const decidesTags = (key: string, value: unknown) => (['notes', 'searchWords', 'readAlone'].includes(key) ? undefined : value);
  const digest = createHash('sha256').update(JSON.stringify(taxonomy, decidesTags)).digest('hex').slice(0, 10);
  return { ...taxonomy, sourceLabels, sourceNames, teaserParagraphs, digest };
}

/**
 * Each synonym rule with a full (multi-word) name is one entity; a rule of single words only is a
 * first-name or spelling line (أنتوني, أنطوني, antony), not a person. Slug and English label come
 * from the first multi-word Latin name, the Arabic label from the first multi-word Arabic one (of a
 * one-way rule's right side: as the news writes the name).
 */
export function entitiesFromSynonyms(rules: string[]): NamedEntity[] {
  return rules.flatMap((rule) => {
    const terms = [...new Set(spellingsOf(rule))];
    const isLatin = (t: string) => /^[\p{Script=Latin}\s'.-]+$/u.test(t);
    const fullNames = terms.filter((t) => t.includes(' '));
    const latin = fullNames.find(isLatin) ?? terms.find(isLatin);
    // A one-way rule's right side is how the news writes the name (محمد بن سلمان, not a reader's محمد ابن سلمان).
    const written = rule.includes('=>') ? [...new Set(spellingsOf(rule.slice(rule.indexOf('=>') + 2)))] : terms;
    const isArabic = (t: string) => /\p{Script=Arabic}/u.test(t);
    const arabic = written.find((t) => t.includes(' ') && isArabic(t)) ?? written.find(isArabic);
    if (fullNames.length === 0 || !latin || !arabic) return [];
    const slugText = latin
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    // Each word capitalized, a regnal number at the end whole (Mohammed VI, not Vi; Xi Jinping stays).
    const english = latin.replace(/(?<![\p{L}'’])\p{L}/gu, (c) => c.toUpperCase()).replace(/ ([ivx]{1,4})$/iu, (_, n: string) => ` ${n.toUpperCase()}`);
    return [{ slug: slugText, labels: { ar: arabic, en: english }, terms, excludeWithin: [] }];
  });
}

/** A facet's entries in taxonomy order: the regions for both region facets. */
export function facetEntries(taxonomy: Taxonomy, facet: FacetName): readonly (Topic | Region | NamedEntity)[] {
  if (facet === 'topics') return taxonomy.topics;
  if (facet === 'regions' || facet === 'regions_mentioned') return taxonomy.regions;
  return facet === 'people' ? taxonomy.people : taxonomy.organizations;
}

/**
 * Every name of a person or organization, those that tag it only in context too, but a tagging
 * phrase that names another first (فتح وحماس, of Hamas's: it would offer Hamas to a reader typing
 * فتح): what suggestions and value search match.
 */
export function namesOf(entity: NamedEntity): string[] {
  const own = new Set(entity.labels.ar.split(' '));
  const namesAnotherFirst = (name: string) => name.split(' ').some((word, i) => i > 0 && word.startsWith('و') && own.has(word.slice(1)));
  return [...entity.terms, ...(entity.namedInContext?.terms ?? [])].filter((name) => !namesAnotherFirst(name));
}

/** The values a facet may take, for validating a reader's selection. */
export function facetValues(taxonomy: Taxonomy, facet: FacetName): ReadonlyMap<string, { ar: string; en: string }> {
  // Asked on every search (validation, labels): made once per taxonomy and facet.
  let byFacet = facetValuesByTaxonomy.get(taxonomy);
  if (!byFacet) facetValuesByTaxonomy.set(taxonomy, (byFacet = new Map()));
  let values = byFacet.get(facet);
  if (!values) {
    byFacet.set(facet, (values = new Map(facetEntries(taxonomy, facet).map((entry) => [entry.slug, entry.labels]))));
  }
  return values;
}

const facetValuesByTaxonomy = new WeakMap<Taxonomy, Map<FacetName, ReadonlyMap<string, { ar: string; en: string }>>>();

/** Each region's parents by slug, made once per taxonomy. */
export function regionParents(taxonomy: Taxonomy): ReadonlyMap<string, string[]> {
  let parents = regionParentsByTaxonomy.get(taxonomy);
  if (!parents) regionParentsByTaxonomy.set(taxonomy, (parents = new Map(taxonomy.regions.map((r) => [r.slug, r.parents]))));
  return parents;
}

const regionParentsByTaxonomy = new WeakMap<Taxonomy, ReadonlyMap<string, string[]>>();

function assertUnique(file: string, slugs: string[]): void {
  const seen = new Set<string>();
  for (const s of slugs) {
    if (seen.has(s)) throw new Error(`${file}: slug "${s}" appears twice`);
    seen.add(s);
  }
}

/** Of a region's `parents`, those another of them lies under (the Americas beside South America): a region names its nearest only. */
export function parentsAboveOthers(parents: readonly string[], parentsOf: ReadonlyMap<string, readonly string[]>): string[] {
  const liesUnder = (slug: string, ancestor: string, seen: Set<string>): boolean => {
    if (seen.has(slug)) return false;
    seen.add(slug);
    return (parentsOf.get(slug) ?? []).some((parent) => parent === ancestor || liesUnder(parent, ancestor, seen));
  };
  return parents.filter((parent) => parents.some((other) => other !== parent && liesUnder(other, parent, new Set())));
}

/** A function that widens region slugs to themselves and all their parents, up the taxonomy's tree. */
export function regionAncestry(taxonomy: Taxonomy): (slugs: Iterable<string>) => Set<string> {
  const parentsOf = regionParents(taxonomy);
  return (slugs) => {
    const all = new Set<string>();
    const add = (slug: string) => {
      if (all.has(slug)) return;
      all.add(slug);
      for (const parent of parentsOf.get(slug) ?? []) add(parent);
    };
    for (const slug of slugs) add(slug);
    return all;
  };
}
