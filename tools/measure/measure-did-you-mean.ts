import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeArabicWord } from '../../src/analysis/arabic-rules.js';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { defaultCollectionPaths, loadCollection, loadTypoQueries } from '../../src/relevance/eval-collections.js';
import { DEFAULT_FACET_SIZE } from '../../src/search/build-search-body.js';
import { foldForSuggest } from '../../src/search/suggest-entities.js';
import { spellingsOf } from '../../src/analysis/arabic-rules.js';
import { readNameRules } from '../../src/search/understand-query.js';

// Measures "did you mean" on one collection's index: the typo set's misspelled queries (is the
// respelling offered the query misspelled?), the seeds' own words of five letters or more (a real
// word respelled is a false correction), and the Arabic names of the synonym lists (a listed name
// respelled would be a false correction too: none is, since the guard lists them); on the known-item
// index also the word-slip sets (a word slipped into another word articles write).
// Usage: npm run measure:did-you-mean [-- --index-of typos|known-item]   (typos: the seeds; known-item: ANT + ARCD)
const { values: options } = parseArgs({ options: { 'index-of': { type: 'string', default: 'typos' } } });
const indexOf = options['index-of'];
if (indexOf !== 'typos' && indexOf !== 'known-item') throw new Error('--index-of: typos (the seeds) or known-item (the ANT corpus and ARCD)');

const MIN_LETTERS = 5;
const WORD_SLIP_SETS = ['arabic-word-slips.tsv', 'arabic-word-slips-heldout.tsv'];
const seedWords = [
  ...new Map(
    readdirSync(join(PROJECT_ROOT, 'seeds'))
      .flatMap((file) => readFileSync(join(PROJECT_ROOT, 'seeds', file), 'utf8').split(/[^\p{Script=Arabic}]+/u))
      .filter((word) => [...word].length >= MIN_LETTERS)
      .map((word) => [normalizeArabicWord(word), word]),
  ).values(),
];
// Kept by construction (they are what the guard lists): a check that it is in force, not a finding.
const names = [...new Set(readNameRules(PROJECT_ROOT).flatMap(spellingsOf))].filter((name) => /\p{Script=Arabic}/u.test(name));
const typos = loadTypoQueries(PROJECT_ROOT).queries;

await runWithEngine(async ({ service }) => {
  const collection = loadCollection(indexOf, defaultCollectionPaths(PROJECT_ROOT));
  const { product } = await service.evaluationIndexes(collection, (message) => process.stderr.write(`${message}\n`));
  const respell = async (q: string) =>
    (
      await service.search({ q, filters: {}, from: 0, size: 1, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE, explain: false }, undefined, {
        index: product,
        spellcheck: true,
      })
    ).didYouMean;

  // How many slipped queries are offered the query meant, another respelling, or none.
  const offers = async (pairs: { slipped: string; meant: string }[]) => {
    let [right, wrong] = [0, 0];
    for (const { slipped, meant } of pairs) {
      const offered = await respell(slipped);
      if (offered === undefined) continue;
      if (foldForSuggest(offered) === foldForSuggest(meant)) right++;
      else wrong++;
    }
    return { right, wrong, none: pairs.length - right - wrong };
  };
  const { right, wrong } = await offers(typos.map((typo) => ({ slipped: typo.query, meant: typo.base.query })));
  const falseCorrections = async (texts: string[], label: string) => {
    const respelled: string[] = [];
    for (const text of texts) {
      const offered = await respell(text);
      if (offered !== undefined) respelled.push(`${text} → ${offered}`);
    }
    console.log(`\n${label}: ${respelled.length} of ${texts.length} respelled${respelled.length ? ': ' : ''}${respelled.slice(0, 12).join('; ')}`);
    return respelled.length;
  };
  console.log(`\n## Did you mean on the index of ${indexOf} (${product})\n`);
  console.log(
    `Typo set: ${typos.length} misspelled queries; the query misspelled offered for ${right}, another respelling for ${wrong}, none for ${typos.length - right - wrong}.`,
  );
  await falseCorrections(seedWords, `The seeds' words of ${MIN_LETTERS} letters or more`);
  if (indexOf === 'known-item') {
    // A word slipped into another word articles write (صفقة الفرن), written blind to the product: the offers, and the query meant respelled.
    for (const file of WORD_SLIP_SETS) {
      const pairs = readFileSync(join(PROJECT_ROOT, 'relevance', file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('#'))
        .map((line) => line.split('\t').map((part) => part.trim()))
        .map(([slipped, meant]) => ({ slipped: slipped!, meant: meant! }));
      const found = await offers(pairs);
      console.log(
        `\n${file}: ${pairs.length} slipped queries; the query meant offered for ${found.right}, another respelling for ${found.wrong}, none for ${found.none}.`,
      );
      await falseCorrections(
        pairs.map(({ meant }) => meant),
        `${file}, the queries meant`,
      );
    }
  }
  await falseCorrections(names, 'The Arabic names of the synonym lists (kept by the guard that lists them)');
  return 0;
});
