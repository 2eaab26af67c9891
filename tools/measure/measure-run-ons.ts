import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWordFrequencies } from '../../src/data/data-files.js';
import { RUN_ON_WORDS, RunOnRepairer } from '../../src/ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { DEFAULT_ENGLISH_DICTIONARY } from '../../src/search/english-words.js';
import { gluedKey, loadGluedNames, splitGluedNames } from '../../src/search/understand-query.js';
import { antCorpusPath, readAntCorpus } from './ant-corpus.js';

// Precision and recall of run-on repair on the labelled list relevance/run-ons.tsv, and how often it
// splits tokens of the ANT corpus; then how a query's names typed as one word are split, and what
// else that split would touch. Usage: npm run measure:run-ons
const frequencies = readWordFrequencies(PROJECT_ROOT, RUN_ON_WORDS);
const repairer = new RunOnRepairer(frequencies);
const labelled = readFileSync(join(PROJECT_ROOT, 'relevance', 'run-ons.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

let correct = 0;
let splitsMade = 0;
let runOns = 0;
let ordinary = 0;
let falseSplits = 0;
const mistakes: string[] = [];
for (const [token, expected] of labelled) {
  // As ingest applies it: over the text, where tatweel and punctuation already separate tokens.
  const repaired = repairer.repairText(token).text;
  const split = repaired !== token ? repaired : undefined;
  if (split) splitsMade++;
  if (expected === '-') {
    ordinary++;
    if (split) {
      falseSplits++;
      mistakes.push(`false split: ${token} → ${split}`);
    }
  } else {
    runOns++;
    if (split === expected) correct++;
    else mistakes.push(split ? `wrong split: ${token} → ${split} (expected ${expected})` : `missed: ${token} (expected ${expected})`);
  }
}

const seenTokens = new Set<string>();
let splitTokens = 0;
let tokenOccurrences = 0;
// Tokens in either script that are no corpus word: what a query's names-as-one split could touch.
const otherTokens = new Set<string>();
for await (const article of readAntCorpus(antCorpusPath())) {
  for (const [token] of `${article.title} ${article.text}`.matchAll(/[\u0621-\u063F\u0641-\u064A]+|[A-Za-z]+/g)) {
    if (/^[A-Za-z]/.test(token)) {
      otherTokens.add(token);
      continue;
    }
    tokenOccurrences++;
    if (seenTokens.has(token)) continue;
    seenTokens.add(token);
    if (!repairer.isWord(token)) otherTokens.add(token);
    if (repairer.splitToken(token)) splitTokens++;
  }
}
const topWords = [...frequencies].sort((a, b) => b[1] - a[1]).slice(0, 5000);
const topSplit = topWords.filter(([word]) => repairer.splitToken(word)).length;

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
console.log(`| measure | figure |`);
console.log(`|---|---|`);
console.log(`| labelled run-ons split exactly right (recall) | ${correct} / ${runOns} = ${pct(correct, runOns)} |`);
console.log(`| splits made on the labelled list that were right (precision) | ${correct} / ${splitsMade} = ${pct(correct, splitsMade)} |`);
console.log(`| labelled ordinary words split (false-split rate) | ${falseSplits} / ${ordinary} = ${pct(falseSplits, ordinary)} |`);
console.log(`| the 5,000 most frequent corpus words split | ${topSplit} / 5000 |`);
console.log(
  `| distinct ANT tokens split | ${splitTokens} / ${seenTokens.size} = ${pct(splitTokens, seenTokens.size)} (of ${tokenOccurrences} token occurrences) |`,
);
if (mistakes.length > 0) console.log(`\n${mistakes.join('\n')}`);

// A query's names typed as one word. The rule alone: a listed name's own words run together (جونكيري)
// were split before it; what it adds is two or three names in one word.
const glued = loadGluedNames(PROJECT_ROOT);
const runsOnly = { runs: glued.runs, words: new Map<string, string>(), nameWords: glued.nameWords };
// Every token taken as one the corpus does not write, as before it was asked how often it does.
const namesSplit = (tokens: Iterable<string>, isWord: (token: string) => boolean) =>
  [...tokens].flatMap((token) => {
    const split = splitGluedNames(token, glued, isWord, () => 0);
    return split !== splitGluedNames(token, runsOnly, isWord, () => 0) ? [`${token} → ${split}`] : [];
  });
const corpusWordsSplit = namesSplit(frequencies.keys(), () => false);
const otherTokensSplit = namesSplit(otherTokens, (token) => repairer.isWord(token));
const dictionaryIndex = `${DEFAULT_ENGLISH_DICTIONARY}.index`;
const englishEntries = existsSync(dictionaryIndex)
  ? new Set(
      readFileSync(dictionaryIndex, 'utf8')
        .split('\n')
        .map((line) => line.split('\t')[0]!)
        .filter((entry) => /^[a-z]+$/.test(entry)),
    )
  : undefined;
const englishSplit = englishEntries ? namesSplit(englishEntries, () => false) : [];

// Two names drawn at random (a fixed seed), typed as one: split where one ends and the other begins?
let seed = 7;
const draw = <T>(items: T[]) => items[(seed = (seed * 48271) % 2147483647) % items.length]!;
const pairRows = [
  ['Arabic', /\p{Script=Arabic}/u],
  ['Latin', /\p{Script=Latin}/u],
].map(([script, letters]) => {
  const names = [...glued.words.values()].filter((name) => (letters as RegExp).test(name) && !/[.\d]/.test(name) && gluedKey(name).length >= 3);
  let apart = 0;
  const pairs = 2000;
  for (let i = 0; i < pairs; i++) {
    const [first, second] = [draw(names), draw(names)];
    const words = splitGluedNames(
      gluedKey(first + second),
      glued,
      () => false,
      () => 0,
    ).split(' ');
    // Apart where the first name ends: some run of the words spells it (سنابشات as سناب شات counts).
    if (words.length >= 2 && words.some((_, at) => gluedKey(words.slice(0, at + 1).join('')) === gluedKey(first))) apart++;
  }
  return `| ${pairs} pairs of ${script} one-word names (of ${names.length}) typed as one, split between the two | ${apart} / ${pairs} = ${pct(apart, pairs)} |`;
});

console.log(`\n| names typed as one word (query side) | figure |`);
console.log(`|---|---|`);
for (const row of pairRows) console.log(row);
console.log(`| corpus words it would split were they not words | ${corpusWordsSplit.length} / ${frequencies.size} |`);
console.log(`| distinct ANT tokens, no corpus word, either script, it splits | ${otherTokensSplit.length} / ${otherTokens.size} |`);
console.log(
  `| one-word English dictionary entries it would split | ${englishEntries ? `${englishSplit.length} / ${englishEntries.size}` : 'no dictionary installed'} |`,
);
const touched = [...corpusWordsSplit, ...otherTokensSplit, ...englishSplit];
if (touched.length > 0) console.log(`\n${touched.join('\n')}`);
