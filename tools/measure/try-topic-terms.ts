import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { loadConfig } from '../../src/config.js';
import { ensureIndex } from '../../src/index/ensure-index.js';
import { loadIndexDefinition } from '../../src/index/index-definition.js';
import { createLogger } from '../../src/logger.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { provideEngine } from '../../src/provide-engine.js';
import { antCorpusPath, readAntCorpusAsIngested, type AntArticle } from './ant-corpus.js';
import { heldOutOfCategory } from './ant-splits.js';
import { formatRatio, microAverage, scoreMultiLabel } from './tagging-metrics.js';
import { applyTopicTermChanges, parseTopicTermChanges } from './topic-term-changes.js';

// Tries changes to topics.json before they are made, on what terms may be tuned on only: the tuning
// labels (topics-tuning-*.json), scored per label set, and every ANT article outside the held-out
// splits and the held-out label files, where it counts the topics each change adds and takes away
// per ANT category (a politics term that tags sport news shows there, where no label set looks).
// Usage: npm run measure:try-terms -- 'politics+الكنيست' 'diplomacy+المبعوث; diplomacy-العلاقات' [--examples 5] [--corpus PATH]
// Each argument is one trial (changes separated by `;` are tried together), measured against topics.json as it is.
const { values: options, positionals: trials } = parseArgs({
  allowPositionals: true,
  options: { corpus: { type: 'string' }, examples: { type: 'string', default: '3' } },
});
if (trials.length === 0) throw new Error("give one or more trials, such as 'politics+الكنيست' (see the usage line)");
const examplesShown = Number(options.examples);
const labelsDir = join(PROJECT_ROOT, 'taxonomy', 'labels');
const topicLabelsSchema = z.object({ articles: z.array(z.object({ id: z.string(), topics: z.array(z.string()) })) });
const labelFiles = readdirSync(labelsDir);
const tuningLabels = Object.fromEntries(
  labelFiles
    .filter((file) => /^topics-tuning-\w+\.json$/.test(file))
    .map((file) => [
      file.replace(/^topics-tuning-|\.json$/g, ''),
      new Map(topicLabelsSchema.parse(JSON.parse(readFileSync(join(labelsDir, file), 'utf8'))).articles.map((a) => [a.id, a.topics])),
    ]),
);
const idsSchema = z.object({ articles: z.array(z.object({ id: z.string() })) });
const heldOutLabelled = new Set(
  labelFiles
    .filter((file) => file.endsWith('.json') && !file.startsWith('topics-tuning-'))
    .flatMap((file) => idsSchema.parse(JSON.parse(readFileSync(join(labelsDir, file), 'utf8'))).articles.map((a) => a.id)),
);

const byCategory = new Map<string, AntArticle[]>();
for await (const article of readAntCorpusAsIngested(resolve(options.corpus ?? antCorpusPath()))) {
  const inCategory = byCategory.get(article.category) ?? [];
  byCategory.set(article.category, inCategory);
  inCategory.push(article);
}
const heldOut = new Set([...byCategory.values()].flatMap((inCategory) => heldOutOfCategory(inCategory).map((a) => a.id)));
const tuningPool = [...byCategory.values()].flat().filter((a) => !heldOut.has(a.id) && !heldOutLabelled.has(a.id));
const labelledIds = new Set(Object.values(tuningLabels).flatMap((labels) => [...labels.keys()]));
console.log(`Tuning labels: ${Object.keys(tuningLabels).join(', ')} (${labelledIds.size} articles); ANT tuning pool: ${tuningPool.length} articles.`);
// Some tuning labels predate a held-out split or label file that later took their articles too.
for (const [name, labels] of Object.entries(tuningLabels)) {
  const alsoHeldOut = [...labels.keys()].filter((id) => heldOut.has(id) || heldOutLabelled.has(id));
  if (alsoHeldOut.length > 0) console.log(`(tuning labels ${name}: ${alsoHeldOut.length} of their articles are also held out, so those are not blind)`);
}

const config = loadConfig();
const provided = await provideEngine(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
const alias = `try-topic-terms-${process.pid}`;
const definition = loadIndexDefinition(PROJECT_ROOT);
const state = await ensureIndex(provided.engine, alias, definition);
try {
  const tagged = [...tuningPool, ...[...byCategory.values()].flat().filter((a) => labelledIds.has(a.id) && heldOut.has(a.id))];
  const tagPool = async (taxonomy: Taxonomy) => {
    const tagger = await ArticleTagger.create(provided.engine, alias, definition, taxonomy);
    const tags = await tagger.tagMany(tagged.map((a) => ({ title: a.title, body: a.text })));
    return new Map(tagged.map((a, i) => [a.id, tags[i]!.topics]));
  };
  const taxonomy = loadTaxonomy(PROJECT_ROOT);
  const before = await tagPool(taxonomy);
  for (const trial of trials) {
    const after = await tagPool(applyTopicTermChanges(taxonomy, parseTopicTermChanges(trial)));
    console.log(`\n## ${trial}\n`);
    reportTuningLabels(before, after);
    reportPool(before, after);
  }
} finally {
  await provided.engine.deleteIndex(state.index);
  await provided.release();
}

/** Micro P/R per label set before → after, and per topic the true and false positives gained or lost. */
function reportTuningLabels(before: Map<string, string[]>, after: Map<string, string[]>): void {
  console.log('| tuning labels | micro P / R before | after | topics that moved (true, false positives) |\n|---|---|---|---|');
  for (const [name, labels] of Object.entries(tuningLabels)) {
    const score = (tags: Map<string, string[]>) => scoreMultiLabel([...labels].map(([id, gold]) => ({ predicted: tags.get(id) ?? [], gold })));
    const [was, now] = [score(before), score(after)];
    const moved = now.flatMap((s) => {
      const old = was.find((w) => w.label === s.label) ?? { truePositives: 0, predicted: 0 };
      const [truePositives, falsePositives] = [s.truePositives - old.truePositives, s.predicted - s.truePositives - (old.predicted - old.truePositives)];
      return truePositives === 0 && falsePositives === 0 ? [] : [`${s.label} ${signed(truePositives)}, ${signed(falsePositives)}`];
    });
    const [microWas, microNow] = [microAverage(was), microAverage(now)];
    console.log(
      `| ${name} | ${formatRatio(microWas.precision)} / ${formatRatio(microWas.recall)} | ${formatRatio(microNow.precision)} / ${formatRatio(microNow.recall)} | ${moved.join('; ') || '–'} |`,
    );
  }
}

/** Per ANT category, the topics added and taken away, with a few of the articles. */
function reportPool(before: Map<string, string[]>, after: Map<string, string[]>): void {
  const changes = new Map<string, AntArticle[]>();
  for (const article of tuningPool) {
    const [was, now] = [before.get(article.id)!, after.get(article.id)!];
    const keys = [...now.filter((t) => !was.includes(t)).map((t) => `+${t}`), ...was.filter((t) => !now.includes(t)).map((t) => `-${t}`)];
    for (const key of keys.map((k) => `${article.category} ${k}`)) changes.set(key, [...(changes.get(key) ?? []), article]);
  }
  console.log(`\nANT tuning pool, topics added (+) and taken away (-) by category: ${changes.size === 0 ? 'none' : ''}\n`);
  for (const [key, articles] of [...changes].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`- ${key}: ${articles.length}`);
    for (const article of articles.slice(0, examplesShown)) console.log(`  - ${article.id} ${article.title}`);
  }
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}
