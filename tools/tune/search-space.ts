import type { SearchProfile } from '../../src/search/search-profile.js';

/** One value a knob may take: a weight, a setting, or a switch. */
export type Knob = number | string | boolean;

/**
 * One coordinate of the search: the values it may take, and how to read it from and set it in a
 * candidate. Pure, so the ascent can be tested on any candidate type.
 */
export interface Dimension<P> {
  name: string;
  values: readonly Knob[];
  read(candidate: P): Knob;
  apply(candidate: P, value: Knob): P;
}

type SearchField = 'title' | 'title.exact' | 'body' | 'body.exact';

/** Typo tolerance as docs/relevance.md measured it: title 1, body 0.3, words under five letters exact. */
export const MEASURED_FUZZY = { fields: { title: 1, body: 0.3 }, fuzziness: 'AUTO:5,9', prefixLength: 1, maxExpansions: 10 };

/** A record's entry set to a weight, in its place, or left out at 0 (a profile's weights are all positive). */
function withWeight(weights: Record<string, number>, field: string, weight: number): Record<string, number> {
  const { [field]: _dropped, ...others } = weights;
  return weight > 0 ? { ...weights, [field]: weight } : others;
}

function fieldWeight(field: SearchField, values: number[]): Dimension<SearchProfile> {
  return {
    name: `fields.${field}`,
    values,
    read: (p) => p.fields[field] ?? 0,
    apply: (p, value) => ({ ...p, fields: withWeight(p.fields, field, value as number) }),
  };
}

function phraseWeight(field: SearchField, values: number[]): Dimension<SearchProfile> {
  return {
    name: `phrase.${field}`,
    values,
    read: (p) => p.phrase.fields[field] ?? 0,
    apply: (p, value) => ({ ...p, phrase: { ...p.phrase, fields: withWeight(p.phrase.fields, field, value as number) } }),
  };
}

function querySwitch(name: 'questionWords' | 'runOnRepair'): Dimension<SearchProfile> {
  return {
    name: `query.${name}`,
    values: [false, true],
    read: (p) => p.query[name],
    apply: (p, value) => ({ ...p, query: { ...p.query, [name]: value as boolean } }),
  };
}

/**
 * What `npm run tune` searches over, in the order it tries the coordinates: the stemmed fields
 * (never left out: they carry the synonyms), the exact fields and phrase boosts (0 leaves them out),
 * how the fields combine, how many words must match, then the query-understanding switches.
 */
export const PROFILE_SPACE: Dimension<SearchProfile>[] = [
  fieldWeight('title', [1, 2, 3, 4, 6]),
  fieldWeight('body', [0.5, 1, 1.5, 2, 3]),
  fieldWeight('title.exact', [0, 0.5, 1, 2, 4]),
  fieldWeight('body.exact', [0, 0.25, 0.5, 1, 1.5]),
  { name: 'tieBreaker', values: [0, 0.1, 0.3, 0.5, 1], read: (p) => p.tieBreaker, apply: (p, value) => ({ ...p, tieBreaker: value as number }) },
  phraseWeight('title.exact', [0, 1, 2, 4, 8]),
  phraseWeight('body.exact', [0, 1, 2, 4, 8]),
  { name: 'phrase.slop', values: [0, 1, 2, 4, 8], read: (p) => p.phrase.slop, apply: (p, value) => ({ ...p, phrase: { ...p.phrase, slop: value as number } }) },
  {
    name: 'minimumShouldMatch',
    values: ['1', '2<-1 4<30%', '2<-1 4<50%', '2<75%'],
    read: (p) => p.minimumShouldMatch,
    apply: (p, value) => ({ ...p, minimumShouldMatch: value as string }),
  },
  querySwitch('questionWords'),
  {
    name: 'query.fuzzy',
    values: [false, true],
    read: (p) => p.query.fuzzy !== undefined,
    apply: (p, value) => {
      const { fuzzy: _dropped, ...query } = p.query;
      return { ...p, query: value ? { ...query, fuzzy: p.query.fuzzy ?? MEASURED_FUZZY } : query };
    },
  },
  querySwitch('runOnRepair'),
];

/** The candidate's value on every coordinate, in order: equal for candidates the search cannot tell apart. */
export function positionOf<P>(candidate: P, space: readonly Dimension<P>[]): Record<string, Knob> {
  return Object.fromEntries(space.map((d) => [d.name, d.read(candidate)]));
}

/** The coordinates where two candidates differ, as `name a→b`. */
export function describeChanges<P>(from: P, to: P, space: readonly Dimension<P>[]): string[] {
  return space.filter((d) => d.read(from) !== d.read(to)).map((d) => `${d.name} ${String(d.read(from))}→${String(d.read(to))}`);
}
