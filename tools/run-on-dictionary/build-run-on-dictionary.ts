import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { antCorpusPath, readAntCorpus } from '../measure/ant-corpus.js';
import { PROJECT_ROOT } from '../../src/project-root.js';

// Rebuilds analyzers/run-on/words.tsv, the word frequencies run-on repair splits by: every Arabic
// token of the ANT corpus (titles and texts, correctly spaced almost everywhere) and of the seeds,
// kept when seen at least MIN_COUNT times. Usage: npm run build:run-on-dictionary [-- CORPUS]
const MIN_COUNT = 3;
const corpus = resolve(process.argv[2] ?? antCorpusPath());
const counts = new Map<string, number>();
const count = (text: string) => {
  for (const [token] of text.matchAll(/[\u0621-\u064A\u0671-\u06D3]+/g)) counts.set(token, (counts.get(token) ?? 0) + 1);
};
let articles = 0;
for await (const article of readAntCorpus(corpus)) {
  count(`${article.title} ${article.text}`);
  if (++articles % 5000 === 0) process.stderr.write(`\r${articles} articles, ${counts.size} distinct tokens`);
}
for (const file of readdirSync(join(PROJECT_ROOT, 'seeds'))) count(readFileSync(join(PROJECT_ROOT, 'seeds', file), 'utf8'));
process.stderr.write(`\r${articles} articles, ${counts.size} distinct tokens\n`);
const kept = [...counts].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const header = `# Arabic word frequencies for run-on repair: tokens of the ANT corpus (${articles} articles) and the seeds seen at least ${MIN_COUNT} times.\n# Rebuild: npm run build:run-on-dictionary\n`;
writeFileSync(join(PROJECT_ROOT, 'analyzers', 'run-on', 'words.tsv'), header + kept.map(([w, n]) => `${w}\t${n}`).join('\n') + '\n');
console.log(`${kept.length} words written to analyzers/run-on/words.tsv`);
