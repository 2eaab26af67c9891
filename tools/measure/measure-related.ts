// Measures GET /articles/{id}/related on stories two outlets reported alike: pairs of ANT articles of
// different sources whose texts share five-word shingles, found by min-hash, a notion of "the same
// story" the engine plays no part in; two bands of Jaccard: copied (the wire's text, 0.3 or more) and
// rewritten (0.1 to 0.3). For each article of a pair,
// where its related articles rank the other: recall@5 and MRR@10, on the known-item index (ANT and
// ARCD) under RELATED_TERMS or the --max-query-terms / --min-doc-freq / --minimum-should-match given,
// beside the reference row (the same more-like-this on the stock-analyzer index) in the same run,
// each on a tuning half and a held-out half (by SHA-256 of the asking article's id).
// Usage: npm run measure:related [-- --max-query-terms N --min-doc-freq N --minimum-should-match S]
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { normalizedWordsOf } from '../../src/analysis/in-process-analyzer.js';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { defaultCollectionPaths, loadCollection } from '../../src/relevance/eval-collections.js';
import { findRelatedArticles, RELATED_TERMS, type RelatedTerms } from '../../src/search/related-articles.js';
import { antCorpusPath, readAntCorpusAsIngested } from './ant-corpus.js';

const { values: options } = parseArgs({
  options: {
    'max-query-terms': { type: 'string' },
    'min-doc-freq': { type: 'string' },
    'minimum-should-match': { type: 'string' },
  },
});
const terms: RelatedTerms = {
  maxQueryTerms: Number(options['max-query-terms'] ?? RELATED_TERMS.maxQueryTerms),
  minDocFreq: Number(options['min-doc-freq'] ?? RELATED_TERMS.minDocFreq),
  minimumShouldMatch: options['minimum-should-match'] ?? RELATED_TERMS.minimumShouldMatch,
};

const SHINGLE_WORDS = 5;
const MIN_HASHES = 12;
/** Jaccard bands: the same story copied from a wire, and rewritten. */
const BANDS = [
  { name: 'copied', from: 0.3, to: 1 },
  { name: 'rewritten', from: 0.1, to: 0.3 },
] as const;

/** FNV-1a, 32 bits: a shingle's hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

process.stderr.write('reading ANT and finding stories two outlets reported alike\n');
const articles: { id: string; source: string; shingles: Set<number> }[] = [];
for await (const article of readAntCorpusAsIngested(antCorpusPath())) {
  const words = normalizedWordsOf(article.text);
  const shingles = new Set<number>();
  for (let at = 0; at + SHINGLE_WORDS <= words.length; at++) shingles.add(hash(words.slice(at, at + SHINGLE_WORDS).join(' ')));
  if (shingles.size >= 20) articles.push({ id: article.id, source: article.source, shingles });
}
const byMinHash = new Map<number, number[]>();
articles.forEach((article, at) => {
  for (const value of [...article.shingles].sort((a, b) => a - b).slice(0, MIN_HASHES)) byMinHash.set(value, [...(byMinHash.get(value) ?? []), at]);
});
const pairs = new Map<string, { ids: [string, string]; band: string }>();
for (const group of byMinHash.values()) {
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const [a, b] = [articles[group[i]!]!, articles[group[j]!]!];
      if (a.source === b.source) continue;
      const shared = [...a.shingles].filter((value) => b.shingles.has(value)).length;
      const jaccard = shared / (a.shingles.size + b.shingles.size - shared);
      const band = BANDS.find((one) => jaccard >= one.from && jaccard < one.to);
      if (band) pairs.set([a.id, b.id].sort().join(' '), { ids: [a.id, b.id], band: band.name });
    }
  }
}

await runWithEngine(async ({ service }) => {
  const { engine } = service;
  const { product, reference } = await service.evaluationIndexes(loadCollection('known-item', defaultCollectionPaths(PROJECT_ROOT)), (message) =>
    process.stderr.write(`${message}\n`),
  );
  // An article ingest stored as a copy of another story is never listed: no pair of it can be found.
  const ids = [...new Set([...pairs.values()].flatMap((pair) => pair.ids))];
  const stored = await engine.getSources<{ duplicate_of?: string }>(product, ids, ['duplicate_of']);
  const asked = [...pairs.values()]
    .filter((pair) => pair.ids.every((id) => stored.has(id) && !stored.get(id)!.duplicate_of))
    .flatMap(({ ids: [a, b], band }) => [
      { from: a, wanted: b, band },
      { from: b, wanted: a, band },
    ]);
  const half = (id: string) => (createHash('sha256').update(id).digest()[0]! % 2 === 0 ? 'tuning' : 'held-out');
  const rows: { band: string; half: string; run: string; recall: number; reciprocal: number }[] = [];
  for (const [run, index] of [
    ['product', product],
    ['reference', reference],
  ] as const) {
    for (const { from, wanted, band } of asked) {
      const related = ((await findRelatedArticles(engine, index, from, 10, terms)) ?? []).map((hit) => hit.id);
      const rank = related.indexOf(wanted) + 1;
      rows.push({ band, half: half(from), run, recall: rank > 0 && rank <= 5 ? 1 : 0, reciprocal: rank > 0 ? 1 / rank : 0 });
    }
  }
  console.log(`${pairs.size} pairs of two outlets' reports of a story (${asked.length / 2} with neither a story copy), each asked both ways`);
  console.log(`terms: ${JSON.stringify(terms)}\n`);
  console.log('| band | half | run | asked | recall@5 | MRR@10 |\n|---|---|---|---:|---:|---:|');
  for (const { name: band } of BANDS) {
    for (const halfName of ['tuning', 'held-out']) {
      for (const run of ['product', 'reference']) {
        const of = rows.filter((row) => row.band === band && row.half === halfName && row.run === run);
        const mean = (field: 'recall' | 'reciprocal') => (of.reduce((sum, row) => sum + row[field], 0) / Math.max(of.length, 1)).toFixed(3);
        console.log(`| ${band} | ${halfName} | ${run} | ${of.length} | ${mean('recall')} | ${mean('reciprocal')} |`);
      }
    }
  }
  return 0;
});
