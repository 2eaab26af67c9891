import { parseArgs } from 'node:util';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { loadIndexDefinition } from '../../src/index/index-definition.js';
import { prepareArticle, type PreparedArticle } from '../../src/ingest/prepare-article.js';
import { loadRunOnRepairer } from '../../src/ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { corpusRecords } from '../bench/bench-corpus.js';
import { antCorpusPath } from './ant-corpus.js';

// The tagger alone, in process, no engine: the first N ANT articles read and cleaned as ingest
// does, then tagged in batches of 25 (as ingest tags them) several times; the best round is the
// figure, since on a shared machine a round can only be slowed, never sped up.
// Usage: npm run measure:tagging-speed [-- --limit 8000] [--rounds 4]
const { values: options } = parseArgs({ options: { limit: { type: 'string', default: '8000' }, rounds: { type: 'string', default: '4' } } });
const limit = Number(options.limit);
const rounds = Number(options.rounds);
if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(rounds) || rounds < 1) throw new Error('--limit and --rounds: whole numbers, 1 or more');

const repairer = loadRunOnRepairer(PROJECT_ROOT);
const articles: PreparedArticle[] = [];
for await (const record of await corpusRecords(antCorpusPath(), limit)) {
  const prepared = prepareArticle(record, repairer);
  if (prepared.ok) articles.push(prepared.article);
}
const taxonomy = loadTaxonomy(PROJECT_ROOT);
// The shipped analysis runs in process: no engine is asked for anything (an index definition that
// needs the engine's _analyze cannot be measured here).
const tagger = await ArticleTagger.create(undefined as never, 'unused', loadIndexDefinition(PROJECT_ROOT), taxonomy);
const roundsMs: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const started = performance.now();
  for (let i = 0; i < articles.length; i += 25) await tagger.tagMany(articles.slice(i, i + 25));
  roundsMs.push(performance.now() - started);
  process.stderr.write(`round ${round} of ${rounds}: ${(roundsMs.at(-1)! / 1000).toFixed(2)} s\n`);
}
const best = Math.min(...roundsMs);
console.log(
  `${articles.length} ANT articles, ${taxonomy.regions.length} regions, ${taxonomy.topics.length} topics: best of ${rounds} rounds ${(best / 1000).toFixed(2)} s, ${Math.round(articles.length / (best / 1000))} articles/s`,
);
