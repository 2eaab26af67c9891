// Measures how far an English query finds what the same query in Arabic finds: for each pair of
// relevance/english-arabic-pairs.tsv (tuning) or --pairs FILE (held out), how many of the Arabic
// query's first ten articles the English query ranks first ten, under the default profile and under
// --compare (default-v8: no English–Arabic dictionary) and the reference row (the English query on the
// stock-analyzer index, a plain multi_match), in one run, on the known-item index (the ANT corpus
// and ARCD's paragraphs). Queries are answered as /search answers them (a respelling offered, and
// searched in place of a text that finds nothing); "offer followed" counts the offered respelling's
// first ten where one is offered, a reader's one click away.
// Usage: npm run measure:cross-script [-- --pairs FILE] [--compare PROFILE]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { referenceQuery } from '../../src/relevance/collection-index.js';
import { defaultCollectionPaths, loadCollection } from '../../src/relevance/eval-collections.js';
import { DEFAULT_FACET_SIZE } from '../../src/search/build-search-body.js';
import type { SearchProfile } from '../../src/search/search-profile.js';

const { values: options } = parseArgs({
  options: {
    pairs: { type: 'string', default: join(PROJECT_ROOT, 'relevance', 'english-arabic-pairs.tsv') },
    compare: { type: 'string', default: 'default-v8' },
  },
});
const pairs = readFileSync(resolve(options.pairs), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [english, arabic] = line.split('\t').map((part) => part.trim());
    if (!english || !arabic) throw new Error(`${options.pairs}: "${line}" is no English query, a tab, and an Arabic one`);
    return { english, arabic };
  });

await runWithEngine(async ({ service }) => {
  const { product, reference } = await service.evaluationIndexes(loadCollection('known-item', defaultCollectionPaths(PROJECT_ROOT)), (message) =>
    process.stderr.write(`${message}\n`),
  );
  const profile = service.profiles.get()!;
  const compared = service.profiles.get(options.compare);
  if (!compared) throw new Error(`--compare: no profile ${options.compare}`);
  const answer = (q: string, under: SearchProfile) =>
    service.search({ q, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE, explain: false }, under, {
      index: product,
      spellcheck: true,
      searchRespelling: true,
    });
  const firstTen = async (q: string, under: SearchProfile) => new Set((await answer(q, under)).hits.map((hit) => hit.id));
  // The reference row: the English query on the stock-analyzer index, as a plain multi_match.
  const referenceTen = async (q: string) => new Set((await service.engine.search(reference, referenceQuery(q, 10))).hits.map((hit) => hit.id));
  const shared = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id)).length;
  const totals = { default: 0, followed: 0, compared: 0, reference: 0 };
  console.log(`| English | Arabic | ${profile.name} | offer followed | ${compared.name} | reference |\n|---|---|---|---|---|---|`);
  for (const { english, arabic } of pairs) {
    const wanted = await firstTen(arabic, profile);
    const answered = await answer(english, profile);
    const now = shared(wanted, new Set(answered.hits.map((hit) => hit.id)));
    const followed = answered.didYouMean ? shared(wanted, await firstTen(answered.didYouMean, profile)) : now;
    const [before, stock] = [shared(wanted, await firstTen(english, compared)), shared(wanted, await referenceTen(english))];
    totals.default += now;
    totals.followed += followed;
    totals.compared += before;
    totals.reference += stock;
    const offer = answered.searchedInstead ? ` (searched ${answered.searchedInstead})` : answered.didYouMean ? ` (offered ${answered.didYouMean})` : '';
    console.log(`| ${english}${offer} | ${arabic} | ${now} | ${followed} | ${before} | ${stock} |`);
  }
  const mean = (total: number) => (total / pairs.length).toFixed(2);
  console.log(
    `\nMean of the Arabic query's first ten the English query also ranks first ten (${pairs.length} pairs): ${profile.name} ${mean(totals.default)} (${mean(totals.followed)} with its offer followed), ${compared.name} ${mean(totals.compared)}, reference ${mean(totals.reference)}`,
  );
  return 0;
});
