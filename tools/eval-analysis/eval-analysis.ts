import { loadRunOnRepairer } from '../../src/ingest/run-on-repair.js';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import { loadTaxonomy } from '../../src/classify/taxonomy.js';
import { loadConfig } from '../../src/config.js';
import { queryShapeOf } from '../../src/search/build-search-body.js';
import type { IndexDefinition, SearchEngine } from '../../src/engine/search-engine.js';
import { loadIndexDefinition, type VersionedIndexDefinition } from '../../src/index/index-definition.js';
import { ingestArticles } from '../../src/ingest/ingest-articles.js';
import { readSourceRecords, sourceFiles } from '../../src/ingest/source-records.js';
import { createLogger } from '../../src/logger.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { provideEngine } from '../../src/provide-engine.js';
import { judgedQueries, productSearch } from '../../src/relevance/judged-search.js';
import { parseTrecQrels } from '../../src/relevance/judgment-files.js';
import { runEvaluation, type EvaluationQuery, type EvaluationRun } from '../../src/relevance/run-evaluation.js';
import { loadSearchProfile } from '../../src/search/search-profile.js';
import { definitionWithVariant, type AnalysisVariant } from './analysis-variants.js';

// Compares analysis chains with the default profile: Lucene's light stemmer (the product's), Snowball's
// Arabic stemmer, dictionary stemming with hunspell-ar, no stemmer, and the engine's stock `arabic`
// analyzer; on the seed judgments and on Qur'an QA 2023 (passage retrieval, 174 training questions).
// Usage: npm run eval:analysis [-- --k 10 --variants light,snowball]
const { values: options } = parseArgs({ options: { k: { type: 'string' }, variants: { type: 'string' }, quran: { type: 'string' } } });
const option = (name: keyof typeof options, fallback: string) => options[name] ?? fallback;
const k = Number(option('k', '10'));
const variants = option('variants', 'light,snowball,hunspell,none,stock-arabic').split(',') as AnalysisVariant[];
const quranDir = resolve(option('quran', join(PROJECT_ROOT, '..', 'shared', 'eval', 'quran-qa-2023')));

const config = loadConfig();
const provided = await provideEngine(config, createLogger('warn'));
const { engine } = provided;
const base = loadIndexDefinition(PROJECT_ROOT);
const taxonomy = loadTaxonomy(PROJECT_ROOT);
const profile = loadSearchProfile(PROJECT_ROOT, config.searchProfile);
const search = (index: string, definition: VersionedIndexDefinition) =>
  productSearch(engine, index, profile, taxonomy, queryShapeOf(definition, config.maxQueryClauses));
const seedQueries = judgedQueries();
const passages = readFileSync(join(quranDir, 'passages.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t') as [string, string]);
const qrels = parseTrecQrels(readFileSync(join(quranDir, 'qrels-train.txt'), 'utf8'));
const questions = readFileSync(join(quranDir, 'queries-train.tsv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t') as [string, string]);
const answerable: EvaluationQuery[] = questions
  .filter(([id]) => !qrels.get(id)?.noAnswer)
  .map(([id, query]) => ({ id, query, grades: qrels.get(id)?.grades ?? new Map() }));
const unanswerable = questions.length - answerable.length;

async function withIndex<T>(
  variant: AnalysisVariant,
  name: string,
  fill: (index: string, definition: IndexDefinition) => Promise<void>,
  use: (index: string, definition: VersionedIndexDefinition) => Promise<T>,
): Promise<T> {
  const index = `eval-${name}-${variant}-${process.pid}`;
  const definition = definitionWithVariant(base, variant);
  await engine.createIndex(index, definition);
  try {
    await fill(index, definition);
    return await use(index, definition);
  } finally {
    await engine.deleteIndex(index);
  }
}

async function fillSeeds(index: string, definition: IndexDefinition): Promise<void> {
  const tagger = await ArticleTagger.create(engine, index, definition, taxonomy);
  await ingestArticles(
    engine,
    index,
    { repairer: loadRunOnRepairer(PROJECT_ROOT), tagger },
    readSourceRecords(await sourceFiles([join(PROJECT_ROOT, 'seeds')])),
  );
}

async function fillPassages(target: SearchEngine, index: string): Promise<void> {
  for (let i = 0; i < passages.length; i += 500) {
    const batch = passages.slice(i, i + 500).map(([id, text]) => ({ id, source: { id, title: '', body: text } }));
    const result = await target.bulkIndex(index, batch);
    if (result.failures.length > 0) throw new Error(`passages rejected: ${result.failures[0]!.reason}`);
  }
  await target.refresh(index);
}

const rows: { variant: AnalysisVariant; seeds: EvaluationRun; quran: EvaluationRun }[] = [];
for (const variant of variants) {
  process.stderr.write(`${variant}: seeds …`);
  const seeds = await withIndex(variant, 'seeds', fillSeeds, (index, definition) => runEvaluation(seedQueries, search(index, definition), k));
  process.stderr.write(` Qur'an QA …`);
  const quran = await withIndex(
    variant,
    'quran',
    (index) => fillPassages(engine, index),
    (index, definition) =>
      runEvaluation(answerable, search(index, definition), k, (done, total) => process.stderr.write(`\r${variant}: Qur'an QA ${done}/${total}   `)),
  );
  process.stderr.write('\n');
  rows.push({ variant, seeds, quran });
}
await provided.release();

const f = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(3));
console.log(`\n## Analysis chains compared (default profile, k = ${k})\n`);
console.log(
  `Seeds: ${seedQueries.length} judged queries over the 5 seed articles. Qur'an QA 2023: ${answerable.length} answerable training questions over ${passages.length} passages; the ${unanswerable} questions with no answer are left out of these means (the task expects an empty answer for them, and every chain here returns passages, so each would score 0 under the task's rule; over all ${questions.length} questions multiply by ${(answerable.length / questions.length).toFixed(3)}).\n`,
);
console.log(`| analysis | seeds nDCG@${k} | seeds MAP@${k} | Qur'an QA MAP@${k} | Qur'an QA MRR@${k} | Qur'an QA nDCG@${k} |`);
console.log('|---|---|---|---|---|---|');
for (const { variant, seeds, quran } of rows) {
  console.log(
    `| ${variant} | ${f(seeds.mean[`ndcg@${k}`])} | ${f(seeds.mean[`map@${k}`])} | ${f(quran.mean[`map@${k}`])} | ${f(quran.mean[`mrr@${k}`])} | ${f(quran.mean[`ndcg@${k}`])} |`,
  );
}
