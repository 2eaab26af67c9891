import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWordFrequencies } from '../../src/data/data-files.js';
import { RUN_ON_WORDS, RunOnRepairer } from '../../src/ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { antCorpusPath, readAntCorpus } from './ant-corpus.js';

// Precision and recall of run-on repair on the labelled list relevance/run-ons.tsv, and how often it
// splits tokens of the ANT corpus. Usage: npm run measure:run-ons
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
for await (const article of readAntCorpus(antCorpusPath())) {
  for (const [token] of `${article.title} ${article.text}`.matchAll(/[\u0621-\u063F\u0641-\u064A]+/g)) {
    tokenOccurrences++;
    if (seenTokens.has(token)) continue;
    seenTokens.add(token);
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
