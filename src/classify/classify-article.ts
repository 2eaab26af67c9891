import { regionAncestry, type NamedEntity, type Region, type Taxonomy, type Topic } from './taxonomy.js';

/** A term as the index analysis sees it: tokens at positions relative to the first. */
export interface TokenPattern {
  tokens: { token: string; offset: number }[];
}

/** The analyzed text of one field: token → the positions it occurs at. */
export type PositionIndex = Map<string, number[]>;

export interface AnalyzedArticle {
  title: PositionIndex;
  body: PositionIndex;
}

/** Every taxonomy term, analyzed: compiled once per taxonomy and analysis version. */
export interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  patterns: Map<string, TokenPattern>;
}

/** How central a region is to an article: counted on the region's own terms, parents not included. */
export interface RegionSalience {
  region: string;
  /** Distinct mentions in title and body. */
  mentions: number;
  /** Named in the title. */
  title: boolean;
  /** One of its `leaders` named in the title: its government acts in the story. */
  leader: boolean;
  /** Named in the lead: the body's first `leadTokens` positions. */
  lead: boolean;
  /** Named only inside the name of something else (`mentionedWithin`: مونديال روسيا): mentioned, never about. */
  inPassing?: true;
}

/** An article's tags, keyed as the index stores them. */
export interface ArticleTags {
  topics: string[];
  /** The regions the article is about, with their parents. */
  regions: string[];
  /** Every region the article names, even once in passing, with their parents; includes `regions`. */
  regions_mentioned: string[];
  /** Per region named, how often and where: what decided between about and mentioned. */
  region_salience: RegionSalience[];
  people: string[];
  organizations: string[];
}

export function buildPositionIndex(tokens: { token: string; position: number }[]): PositionIndex {
  const index: PositionIndex = new Map();
  for (const { token, position } of tokens) {
    const positions = index.get(token);
    if (positions) positions.push(position);
    else index.set(token, [position]);
  }
  return index;
}

const NO_SPANS: readonly [number, number][] = Object.freeze([]);

/** Where a pattern occurs, as [start, end] position spans. */
export function findOccurrences(pattern: TokenPattern | undefined, text: PositionIndex): readonly [number, number][] {
  const first = pattern?.tokens[0];
  const starts = first && text.get(first.token);
  if (!pattern || !first || !starts) return NO_SPANS;
  const spans: [number, number][] = [];
  const { tokens } = pattern;
  const last = tokens[tokens.length - 1]!.offset;
  for (const start of starts) {
    const base = start - first.offset;
    let whole = true;
    for (let k = 1; k < tokens.length && whole; k++) whole = holdsPosition(text.get(tokens[k]!.token), base + tokens[k]!.offset);
    if (whole) spans.push([base, base + last]);
  }
  return spans;
}

/** Whether ascending `positions` hold `position`: halving, since a text can name one word thousands of times. */
function holdsPosition(positions: number[] | undefined, position: number): boolean {
  if (!positions) return false;
  let low = 0;
  let high = positions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = positions[middle]!;
    if (at === position) return true;
    if (at < position) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Distinct mentions, by start position: spellings that analyze alike (الكويت, الكويتي) find one word once, not twice. */
function mentionStarts(terms: string[], compiled: CompiledTaxonomy, text: PositionIndex, excluded: [number, number][]): Set<number> {
  const found = new Set<number>();
  const overlapsExcluded = overlapTest(excluded);
  for (const term of terms) {
    for (const [start, end] of findOccurrences(compiled.patterns.get(term), text)) {
      // A mention inside a longer name of another place (جنوب السودان) is not a mention.
      if (!overlapsExcluded(start, end)) found.add(start);
    }
  }
  return found;
}

/** Whether a span overlaps one of `spans`; through a set of their positions once they are many (a text can name a place thousands of times). */
function overlapTest(spans: readonly (readonly [number, number])[]): (start: number, end: number) => boolean {
  if (spans.length <= 16) return (start, end) => spans.some(([from, to]) => start <= to && end >= from);
  const covered = new Set<number>();
  for (const [from, to] of spans) for (let position = from; position <= to; position++) covered.add(position);
  return (start, end) => {
    for (let position = start; position <= end; position++) if (covered.has(position)) return true;
    return false;
  };
}

function occursAnywhere(terms: string[], compiled: CompiledTaxonomy, article: AnalyzedArticle): boolean {
  return terms.some(
    (term) => findOccurrences(compiled.patterns.get(term), article.title).length + findOccurrences(compiled.patterns.get(term), article.body).length > 0,
  );
}

/** Where any of `phrases` occurs in `text`: an entry's `excludeWithin`, longer names that are not its own (جنوب السودان, كيم كارداشيان). */
function spansOf(phrases: string[], compiled: CompiledTaxonomy, text: PositionIndex): [number, number][] {
  return phrases.flatMap((phrase) => findOccurrences(compiled.patterns.get(phrase), text));
}

function regionMentions(region: Region, compiled: CompiledTaxonomy, article: AnalyzedArticle, field: 'title' | 'body'): Set<number> {
  const text = article[field];
  // Names of other things, and those that name the region in passing: neither is a mention of its own.
  const excluded = spansOf([...region.excludeWithin, ...region.mentionedWithin], compiled, text);
  const ambiguous = new Set(region.ambiguous?.terms ?? []);
  const contextFound = region.ambiguous ? occursAnywhere(region.ambiguous.requireAnyOf, compiled, article) : true;
  const counted = region.terms.filter((term) => contextFound || !ambiguous.has(term));
  return mentionStarts(counted, compiled, text, excluded);
}

/** Whether the title names one of `leaders`; one of one word (كيم) only where the article names the country too: Kim is many Koreans. */
function leaderInTitle(leaders: string[] | undefined, named: boolean, region: Region, compiled: CompiledTaxonomy, article: AnalyzedArticle): boolean {
  const counted = (leaders ?? []).filter((leader) => named || (compiled.patterns.get(leader)?.tokens.length ?? 0) > 1);
  return counted.length > 0 && mentionStarts(counted, compiled, article.title, spansOf(region.excludeWithin, compiled, article.title)).size > 0;
}

/** How often and where the article names a region; undefined when it does not. */
function regionSalience(region: Region, compiled: CompiledTaxonomy, article: AnalyzedArticle): RegionSalience | undefined {
  const title = regionMentions(region, compiled, article, 'title');
  const body = regionMentions(region, compiled, article, 'body');
  const named = title.size + body.size > 0;
  const inPassing = !named && region.mentionedWithin.length > 0 && occursAnywhere(region.mentionedWithin, compiled, article);
  // Named in passing is named for a leader of one word: بوتين يفتتح مونديال روسيا is about Russia.
  const leader = leaderInTitle(region.leaders, named || inPassing, region, compiled, article);
  if (!named && !leader && !inPassing) return undefined;
  const { leadTokens } = compiled.taxonomy.regionRules;
  return {
    region: region.slug,
    mentions: title.size + body.size,
    title: title.size > 0,
    leader,
    lead: [...body].some((start) => start < leadTokens),
    ...(inPassing ? { inPassing } : {}),
  };
}

/**
 * Whether an article is about a region rather than naming it in passing: named in the title, or its
 * leader is; or in the lead and at least `leadMinMentions` times; or at least `minMentions` times anywhere.
 */
export function isAbout(salience: RegionSalience, rules: Taxonomy['regionRules']): boolean {
  return salience.title || salience.leader || (salience.lead && salience.mentions >= rules.leadMinMentions) || salience.mentions >= rules.minMentions;
}

/**
 * Weighted count of distinct signal words: inflections of one word (الاقتصاد, الاقتصادية) analyze
 * alike and count once; repeats add a little, capped. The topic's ambiguous terms count only beside
 * one of its other terms: a headline and a body naming الفريق (a team of investigators) are no sport.
 * A title holding one of `notWhereTitleHas` gives the topic nothing.
 */
function topicScore(topic: Topic, compiled: CompiledTaxonomy, article: AnalyzedArticle): number {
  const { bodyWeight, repeatWeight, maxPerTerm, titleWeight } = compiled.taxonomy.topicRules;
  const inTitle = (term: string) => {
    const pattern = compiled.patterns.get(term);
    return pattern !== undefined && findOccurrences(pattern, article.title).length > 0;
  };
  if (topic.notWhereTitleHas?.some(inTitle)) return 0;
  const ambiguous = new Set(topic.ambiguous?.terms ?? []);
  const weights = new Map<string, number>();
  let unambiguousFound = false;
  for (const term of topic.terms) {
    const pattern = compiled.patterns.get(term);
    const first = pattern?.tokens[0]?.token;
    // Most of a topic's terms are absent: one lookup each spares the rest.
    if (first === undefined || !(article.body.has(first) || article.title.has(first))) continue;
    const inBody = findOccurrences(pattern, article.body).length;
    const bodyScore = inBody > 0 ? Math.min(maxPerTerm, bodyWeight + repeatWeight * (inBody - 1)) : 0;
    // A headline's word the body goes on to use is the article's subject: the two add up.
    const weight = (findOccurrences(pattern, article.title).length > 0 ? titleWeight : 0) + bodyScore;
    if (weight === 0) continue;
    if (!ambiguous.has(term)) unambiguousFound = true;
    const key = patternKey(pattern);
    weights.set(key, Math.max(weights.get(key) ?? 0, weight));
  }
  if (!unambiguousFound) return 0;
  let score = 0;
  for (const weight of weights.values()) score += weight;
  return score;
}

// Patterns live as long as their compiled taxonomy; their keys are worked out once, not per article.
const patternKeys = new WeakMap<TokenPattern, string>();

/** Terms that analyze alike share a key: one word, counted once. */
function patternKey(pattern: TokenPattern | undefined): string {
  if (!pattern) return '';
  let key = patternKeys.get(pattern);
  if (key === undefined) patternKeys.set(pattern, (key = JSON.stringify(pattern.tokens)));
  return key;
}

function namedIn(entities: NamedEntity[], present: ReadonlySet<object>, compiled: CompiledTaxonomy, article: AnalyzedArticle): string[] {
  return entities.filter((entity) => present.has(entity) && isNamed(entity, compiled, article)).map((entity) => entity.slug);
}

/** Named once anywhere, outside the longer names of others that hold its own; by a name that is also a word, only beside its context. */
function isNamed(entity: NamedEntity, compiled: CompiledTaxonomy, article: AnalyzedArticle): boolean {
  const inContext = entity.namedInContext && occursAnywhere(entity.namedInContext.requireAnyOf, compiled, article) ? entity.namedInContext.terms : [];
  const terms = [...entity.terms, ...inContext];
  if (entity.excludeWithin.length === 0) return occursAnywhere(terms, compiled, article);
  return (['title', 'body'] as const).some((field) => {
    return mentionStarts(terms, compiled, article[field], spansOf(entity.excludeWithin, compiled, article[field])).size > 0;
  });
}

/** Per compiled taxonomy: each token → the regions, topics and entities one of whose terms begins with it. */
const entriesByFirstToken = new WeakMap<CompiledTaxonomy, Map<string, object[]>>();

/**
 * The taxonomy's entries that can occur in the article: those with a term whose first token the
 * article holds. The article's tokens are the taxonomy's only, so this looks up a few dozen tokens
 * instead of every entry's (about 600 regions, topics, people and organizations).
 */
function entriesThatMayOccur(compiled: CompiledTaxonomy, article: AnalyzedArticle): Set<object> {
  let byToken = entriesByFirstToken.get(compiled);
  if (!byToken) {
    byToken = new Map();
    const { regions, topics, people, organizations } = compiled.taxonomy;
    const termsOf = (entry: {
      terms: string[];
      leaders?: string[];
      leadersAtHome?: string[];
      mentionedWithin?: string[];
      namedInContext?: { terms: string[] };
    }) => [...entry.terms, ...(entry.leaders ?? []), ...(entry.leadersAtHome ?? []), ...(entry.mentionedWithin ?? []), ...(entry.namedInContext?.terms ?? [])];
    for (const entry of [...regions, ...topics, ...people, ...organizations]) {
      for (const term of termsOf(entry)) {
        const first = compiled.patterns.get(term)?.tokens[0]?.token;
        if (first === undefined) continue;
        const entries = byToken.get(first);
        if (!entries) byToken.set(first, [entry]);
        else if (!entries.includes(entry)) entries.push(entry);
      }
    }
    entriesByFirstToken.set(compiled, byToken);
  }
  const present = new Set<object>();
  for (const field of [article.title, article.body]) {
    for (const token of field.keys()) for (const entry of byToken.get(token) ?? []) present.add(entry);
  }
  return present;
}

function topicsOf(compiled: CompiledTaxonomy, present: ReadonlySet<object>, article: AnalyzedArticle): string[] {
  const { topics, topicRules } = compiled.taxonomy;
  const scores = topics.map((topic) => (present.has(topic) ? topicScore(topic, compiled, article) : 0));
  const crowds = (other: Topic, topic: Topic) => other === topic || (!other.crowdsNoOther && !topic.companions?.includes(other.slug));
  // Most topics have no companion: the best of the topics that crowd others serves them all, worked out once.
  const crowdingBest = Math.max(0, ...scores.filter((_, i) => !topics[i]!.crowdsNoOther));
  const best = (topic: Topic, i: number) =>
    topic.companions ? Math.max(...scores.filter((_, j) => crowds(topics[j]!, topic))) : Math.max(crowdingBest, scores[i]!);
  const isTagged = topics.map((topic, i) => scores[i]! >= Math.max(topicRules.minScore, topicRules.minShareOfBest * best(topic, i)));
  const yields = (topic: Topic, i: number) => topics.some((other, j) => isTagged[j] && topic.yieldsTo?.includes(other.slug) && scores[j]! >= scores[i]!);
  return topics.filter((topic, i) => isTagged[i] && !yields(topic, i)).map((topic) => topic.slug);
}

/**
 * Tags one analyzed article. Pure: the same tokens and taxonomy give the same tags.
 * Regions: every region named is mentioned; those it is about (`isAbout`) are its regions; parents
 * of either follow.
 * Topics: the weighted count of distinct signal terms reaches `minScore` and `minShareOfBest` of the
 * best topic's count (of the best but for the topic's companions), and no topic it yields to is tagged with as high a score.
 */
export function classifyArticle(article: AnalyzedArticle, compiled: CompiledTaxonomy): ArticleTags {
  const { taxonomy } = compiled;
  const present = entriesThatMayOccur(compiled, article);
  const salience: RegionSalience[] = [];
  for (const region of taxonomy.regions) {
    const named = present.has(region) ? regionSalience(region, compiled, article) : undefined;
    if (named) salience.push(named);
  }
  // A leader at home (the US president) counts where the title names no other country: his
  // headlines on Japan or North Korea are theirs, one on a Montana congressman his country's.
  for (const region of leadersAtHomeOf(compiled)) {
    if (!present.has(region)) continue;
    const at = salience.findIndex((s) => s.region === region.slug);
    if (at >= 0 && salience[at]!.leader) continue;
    const abroad = salience.some((s) => s.region !== region.slug && (s.title || s.leader) && countriesOf(compiled).has(s.region));
    // Named (a salience without a leader), or its leader would not count: a one-word leader needs the country named too.
    if (abroad || !leaderInTitle(region.leadersAtHome, at >= 0, region, compiled, article)) continue;
    if (at >= 0) salience[at] = { ...salience[at]!, leader: true };
    else salience.push({ region: region.slug, mentions: 0, title: false, leader: true, lead: false });
  }
  const withParents = ancestryOf(compiled);
  const regions = withParents(salience.filter((s) => isAbout(s, taxonomy.regionRules)).map((s) => s.region));
  const mentioned = withParents(salience.map((s) => s.region));
  const order = regionOrder(compiled);
  const inTaxonomyOrder = (set: Set<string>) => [...set].sort((a, b) => order.get(a)! - order.get(b)!);

  return {
    topics: topicsOf(compiled, present, article),
    regions: inTaxonomyOrder(regions),
    regions_mentioned: inTaxonomyOrder(mentioned),
    region_salience: salience,
    people: namedIn(taxonomy.people, present, compiled, article),
    organizations: namedIn(taxonomy.organizations, present, compiled, article),
  };
}

const regionOrders = new WeakMap<CompiledTaxonomy, Map<string, number>>();

/** Each region slug's place in the taxonomy: tags list regions in that order. */
function regionOrder(compiled: CompiledTaxonomy): Map<string, number> {
  let order = regionOrders.get(compiled);
  if (!order) regionOrders.set(compiled, (order = new Map(compiled.taxonomy.regions.map((region, i) => [region.slug, i]))));
  return order;
}

const regionsWithLeadersAtHome = new WeakMap<CompiledTaxonomy, Region[]>();

function leadersAtHomeOf(compiled: CompiledTaxonomy): Region[] {
  let regions = regionsWithLeadersAtHome.get(compiled);
  if (!regions) regionsWithLeadersAtHome.set(compiled, (regions = compiled.taxonomy.regions.filter((r) => r.leadersAtHome)));
  return regions;
}

const countrySlugs = new WeakMap<CompiledTaxonomy, Set<string>>();

/** The slugs of the taxonomy's countries (not its groupings). */
function countriesOf(compiled: CompiledTaxonomy): Set<string> {
  let countries = countrySlugs.get(compiled);
  if (!countries) countrySlugs.set(compiled, (countries = new Set(compiled.taxonomy.regions.filter((r) => r.kind === 'country').map((r) => r.slug))));
  return countries;
}

const ancestryByCompiled = new WeakMap<CompiledTaxonomy, (slugs: Iterable<string>) => Set<string>>();

function ancestryOf(compiled: CompiledTaxonomy): (slugs: Iterable<string>) => Set<string> {
  let ancestry = ancestryByCompiled.get(compiled);
  if (!ancestry) ancestryByCompiled.set(compiled, (ancestry = regionAncestry(compiled.taxonomy)));
  return ancestry;
}

/** Every distinct term a taxonomy uses, for compiling. */
export function taxonomyTerms(taxonomy: Taxonomy): string[] {
  const terms = new Set<string>();
  for (const region of taxonomy.regions) {
    [
      ...region.terms,
      ...region.excludeWithin,
      ...region.mentionedWithin,
      ...(region.ambiguous?.requireAnyOf ?? []),
      ...(region.leaders ?? []),
      ...(region.leadersAtHome ?? []),
    ].forEach((t) => terms.add(t));
  }
  for (const topic of taxonomy.topics) [...topic.terms, ...(topic.notWhereTitleHas ?? [])].forEach((t) => terms.add(t));
  for (const entity of [...taxonomy.people, ...taxonomy.organizations]) {
    [...entity.terms, ...entity.excludeWithin, ...(entity.namedInContext?.terms ?? []), ...(entity.namedInContext?.requireAnyOf ?? [])].forEach((t) =>
      terms.add(t),
    );
  }
  return [...terms];
}
