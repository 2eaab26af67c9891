import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runWithEngine } from '../../src/cli/run-with-engine.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { DEFAULT_FACET_SIZE } from '../../src/search/build-search-body.js';

// What `/suggest` offers an English-typing reader, on the served index: each English query of two
// words or more of the pair sets, typed whole and typed to the middle of its last word (a word of
// four letters or more), beside the Arabic query of its pair. Counts the texts offered any title,
// those whose first title is among the Arabic query's first ten search hits, and those with any
// title there. Run on two versions of the code to compare them.
// Usage: npm run measure:english-suggestions [-- FILE ...]
const DEFAULT_SETS = [
  'english-news-pairs.tsv',
  'english-news-pairs-heldout.tsv',
  'english-news-pairs-heldout-2.tsv',
  'english-arabic-pairs.tsv',
  'english-arabic-pairs-heldout.tsv',
];
const files = process.argv.slice(2).filter((arg) => arg !== '--');
const sets = files.length > 0 ? files.map((file) => resolve(file)) : DEFAULT_SETS.map((name) => join(PROJECT_ROOT, 'relevance', name));

await runWithEngine(async ({ service }) => {
  console.log('| pairs | typed | texts | offered | first title in the ten | any title in the ten |\n|---|---|---|---|---|---|');
  for (const file of sets) {
    const pairs = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t').map((part) => part.trim()) as [string, string]);
    const tally = { whole: [0, 0, 0, 0], half: [0, 0, 0, 0] };
    for (const [english, arabic] of pairs) {
      const words = english.split(/\s+/u);
      if (words.length < 2) continue;
      const searched = await service.search({ q: arabic, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE });
      const wanted = new Set(searched.hits.map((hit) => hit.id));
      const last = words.at(-1)!;
      const forms: [keyof typeof tally, string][] = [['whole', english]];
      if (last.length >= 4) forms.push(['half', [...words.slice(0, -1), last.slice(0, Math.ceil(last.length / 2))].join(' ')]);
      for (const [kind, typed] of forms) {
        const { titles } = await service.suggest(typed, 5);
        const counts = tally[kind];
        counts[0]! += 1;
        if (titles.length > 0) counts[1]! += 1;
        if (titles[0] && wanted.has(titles[0].id)) counts[2]! += 1;
        if (titles.some((title) => wanted.has(title.id))) counts[3]! += 1;
      }
    }
    for (const [kind, counts] of Object.entries(tally)) console.log(`| ${file.split('/').at(-1)} | ${kind} | ${counts.join(' | ')} |`);
  }
  return 0;
});
