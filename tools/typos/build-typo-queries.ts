import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { normalizeArabicWord } from '../../src/analysis/arabic-rules.js';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { readDataList, readWordFrequencies } from '../../src/data/data-files.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { TYPO_QUERIES } from '../../src/relevance/eval-collections.js';
import { SEED_JUDGMENTS } from '../../src/relevance/judged-search.js';
import { loadJudgments } from '../../src/relevance/judgment-files.js';
import { makeTypo, seededFraction, TYPO_FAMILIES, type TypoFamily } from './typo-rules.js';

// Builds relevance/collections/typos/queries.json, the typo set: each base query (a seed query, or a
// name from the people, organization and region lists whose seed article is clear) misspelled once
// per typo family and once with two words typed together, by rule, with choices fixed by a hash of
// the query id. The intended articles are the base's top-graded seeds. Usage: npm run build:typo-queries
const SEED = 'typos-v1';
/** A base whose top grade is shared by more articles than this has no intended article. */
const MAX_INTENDED = 2;
/** A name's article is clear when it names it this often, and at least twice as often as any other seed. */
const MIN_MENTIONS = 2;

interface Base {
  id: string;
  query: string;
  intended: string[];
}

const normalize = (text: string) => normalizeArabicWord(text).toLowerCase();
const seedFolder = join(PROJECT_ROOT, 'seeds');
const seedTexts = new Map(readdirSync(seedFolder).map((file) => [file.replace(/\.txt$/, ''), normalize(readFileSync(join(seedFolder, file), 'utf8'))]));

// A typo that is another real word is no typo: the ANT vocabulary of run-on repair, the seeds' words, every name.
const taxonomy = loadTaxonomy(PROJECT_ROOT);
const namedThings = [
  ...taxonomy.people.map((e) => ({ slug: e.slug, terms: e.terms })),
  ...taxonomy.organizations.map((e) => ({ slug: e.slug, terms: e.terms })),
  ...taxonomy.regions.map((r) => ({ slug: r.slug, terms: r.terms.filter((t) => !r.ambiguous?.terms.includes(t)) })),
];
const words = (text: string) => text.split(/[^\p{L}]+/u).filter(Boolean);
const realWords = new Set([
  ...[...readWordFrequencies(PROJECT_ROOT, 'analyzers/run-on/words.tsv').keys()].map(normalize),
  ...[...seedTexts.values()].flatMap(words),
  ...namedThings.flatMap((thing) => thing.terms.flatMap(words).map(normalize)),
]);
const stopwords = new Set(readDataList(PROJECT_ROOT, 'analyzers/arabic-stopwords.txt').map(normalize));
// Variant spellings are of transliterated names: the words of people's and organizations' names, and one-word places.
const nameWords = new Set(
  [...taxonomy.people, ...taxonomy.organizations]
    .flatMap((e) => e.terms.flatMap(words))
    .concat(taxonomy.regions.flatMap((r) => r.terms.filter((t) => !t.includes(' '))))
    .map(normalize),
);

function seedBases(): Base[] {
  return loadJudgments(SEED_JUDGMENTS).queries.flatMap((q) => {
    const top = Math.max(...Object.values(q.ratings));
    const intended = Object.keys(q.ratings).filter((id) => q.ratings[id] === top);
    return top >= 2 && intended.length <= MAX_INTENDED ? [{ id: q.id, query: q.query, intended }] : [];
  });
}

/** Mentions of any of the terms in a normalized text, with or without a clitic or the article before them. */
function mentions(text: string, terms: string[]): number {
  const escaped = terms.map((t) => normalize(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.match(new RegExp(`(?<!\\p{L})(?:[وفبلك]|ال|وال|بال|لل)?(?:${escaped.join('|')})(?!\\p{L})`, 'gu'))?.length ?? 0;
}

/** Each named thing whose seed article is clear, asked by its first Arabic and its first Latin term. */
function nameBases(asked: Set<string>): Base[] {
  return namedThings.flatMap(({ slug, terms }) => {
    const counts = [...seedTexts].map(([id, text]) => ({ id, count: mentions(text, terms) })).sort((a, b) => b.count - a.count);
    const [first, second] = counts;
    if (!first || first.count < MIN_MENTIONS || first.count < 2 * (second?.count ?? 0)) return [];
    const arabic = terms.find((t) => /\p{Script=Arabic}/u.test(t));
    const latin = terms.find((t) => /^[\p{Script=Latin}\s'-]+$/u.test(t));
    return [
      ...(arabic ? [{ id: `name-${slug}-ar`, query: arabic, intended: [first.id] }] : []),
      ...(latin ? [{ id: `name-${slug}-latin`, query: latin, intended: [first.id] }] : []),
    ].filter((base) => !asked.has(normalize(base.query)));
  });
}

/** The base misspelled by one family: one word chosen by the hash, changed by the rule, or undefined when no word can be. */
function misspell(base: Base, family: TypoFamily) {
  const key = `${SEED}:${base.id}:${family}`;
  const candidates = base.query
    .split(/\s+/u)
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => !stopwords.has(normalize(word)))
    .filter(({ word }) => family !== 'variant' || nameWords.has(normalize(word)))
    .flatMap(({ word, index }) => {
      const typo = makeTypo(word, family, key, realWords);
      return typo ? [{ word, index, typo }] : [];
    });
  if (candidates.length === 0) return undefined;
  const chosen = candidates[Math.floor(seededFraction(`${key}:word`) * candidates.length)]!;
  const query = base.query
    .split(/\s+/u)
    .map((word, index) => (index === chosen.index ? chosen.typo : word))
    .join(' ');
  return { id: `${base.id}~${family}`, query, family, word: chosen.word, typo: chosen.typo, base: { id: base.id, query: base.query }, intended: base.intended };
}

/**
 * The base with two neighbouring words typed without the space between them (a pair chosen by the
 * hash), or undefined for a one-word base or where every pair makes a real word.
 */
function glue(base: Base) {
  const key = `${SEED}:${base.id}:glued`;
  const words = base.query.split(/\s+/u);
  const pairs = words.slice(1).flatMap((second, i) => {
    const first = words[i]!;
    return realWords.has(normalize(first + second)) ? [] : [{ index: i, word: `${first} ${second}`, typo: first + second }];
  });
  if (pairs.length === 0) return undefined;
  const chosen = pairs[Math.floor(seededFraction(`${key}:pair`) * pairs.length)]!;
  const query = [...words.slice(0, chosen.index), chosen.typo, ...words.slice(chosen.index + 2)].join(' ');
  return {
    id: `${base.id}~glued`,
    query,
    family: 'glued',
    word: chosen.word,
    typo: chosen.typo,
    base: { id: base.id, query: base.query },
    intended: base.intended,
  };
}

const seeds = seedBases();
const bases = [...seeds, ...nameBases(new Set(loadJudgments(SEED_JUDGMENTS).queries.map((q) => normalize(q.query))))];
const queries = bases.flatMap((base) => [...TYPO_FAMILIES.flatMap((family) => misspell(base, family) ?? []), ...[glue(base) ?? []].flat()]);
const out = join(PROJECT_ROOT, TYPO_QUERIES);
mkdirSync(dirname(out), { recursive: true });
const byFamily = Object.fromEntries([...TYPO_FAMILIES, 'glued'].map((family) => [family, queries.filter((q) => q.family === family).length]));
writeFileSync(
  out,
  JSON.stringify(
    {
      description: `Typo set built by rule (npm run build:typo-queries, seed "${SEED}"): ${bases.length} base queries (${seeds.length} seed queries with at most ${MAX_INTENDED} top-graded articles, the rest names from analyzers/synonyms and taxonomy/regions.json whose seed article names them most, at least ${MIN_MENTIONS} times and twice as often as any other), each misspelled once per typo family that applies, and once with two neighbouring words typed together (glued). Words under 5 letters and changes that make another real word are left out. A query's intended articles are its base's top-graded seeds.`,
      families: byFamily,
      queries,
    },
    null,
    1,
  ) + '\n',
);
console.log(`${queries.length} typo queries from ${bases.length} bases written to ${TYPO_QUERIES}: ${JSON.stringify(byFamily)}`);
