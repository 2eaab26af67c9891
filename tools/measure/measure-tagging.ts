import { parseArgs } from 'node:util';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import type { ArticleTags } from '../../src/classify/classify-article.js';
import { loadTaxonomy, regionAncestry, type Taxonomy } from '../../src/classify/taxonomy.js';
import { forEachLimited } from '../../src/concurrency/for-each-limited.js';
import { loadConfig } from '../../src/config.js';
import { ensureIndex } from '../../src/index/ensure-index.js';
import { loadIndexDefinition } from '../../src/index/index-definition.js';
import { parseSeedArticle } from '../../src/ingest/seed-parser.js';
import { createLogger } from '../../src/logger.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { provideEngine } from '../../src/provide-engine.js';
import { antCorpusPath, readAntCorpusAsIngested, type AntArticle } from './ant-corpus.js';
import { splitCategory } from './ant-splits.js';
import { formatRatio, microAverage, scoreLabel, scoreMultiLabel, type LabelScore } from './tagging-metrics.js';

// Measures tagging: topics against the ANT corpus's category labels (a sample per category), and
// regions against the hand labels in taxonomy/labels/regions-gold.json.
// Usage: npm run measure:tagging [-- --per-category 300] [--skip 0] [--spread [--other-half]] [--corpus PATH] [--errors]
// Splits: the first 300 of each category (tuning, one outlet per category), the next 300 (held out,
// `--skip 300`), `--skip 600 --spread`: 300 spread evenly over the rest of each category, every
// outlet (the wide tuning split), and `--skip 600 --spread --other-half`: up to 300 spread evenly over
// the articles of the rest the wide tuning split does not take (the wide held-out split).
// `--unsampled` takes instead every article past the first 600 that neither wide split takes (a third
// tuning pool, the largest), `--source S` only those of one outlet (as the corpus names it: BBC, CNN …).
// `--errors` lists each mapped category's false positives and negatives, for tuning (on the tuning split only).
const { values: options } = parseArgs({
  options: {
    'per-category': { type: 'string' },
    skip: { type: 'string' },
    spread: { type: 'boolean' },
    'other-half': { type: 'boolean' },
    corpus: { type: 'string' },
    errors: { type: 'boolean' },
    unsampled: { type: 'boolean' },
    source: { type: 'string' },
  },
});
const option = (name: Exclude<keyof typeof options, 'errors' | 'spread' | 'other-half' | 'unsampled'>, fallback: string) => options[name] ?? fallback;
const perCategory = Number(option('per-category', '300'));
const skip = Number(option('skip', '0'));
const corpusPath = resolve(option('corpus', antCorpusPath()));
// Spread over a whole category, the sample would take held-out articles (300–600) into a tuning split.
if (options.spread && skip < 600) throw new Error('--spread: give --skip 600 or more (the first 600 of each category are the tuning and held-out splits)');
if (options['other-half'] && !options.spread) throw new Error('--other-half: give it with --spread');
if (options.unsampled && (options.spread || skip < 600)) throw new Error('--unsampled: give it with --skip 600 or more, without --spread');
const goldPath = join(PROJECT_ROOT, 'taxonomy', 'labels', 'regions-gold.json');

const goldSchema = z.object({ articles: z.array(z.object({ id: z.string(), source: z.string(), regions: z.array(z.string()) })) });
const gold = existsSync(goldPath) ? goldSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8'))).articles : [];
const goldIds = new Set(gold.map((g) => g.id));

// A deterministic sample of each category after its first `skip` articles: the next `perCategory` in
// corpus order, or with `--spread` that many spread evenly over all the rest.
const candidates = new Map<string, AntArticle[]>();
const goldArticles = new Map<string, { title: string; body: string }>();
for await (const article of readAntCorpusAsIngested(corpusPath)) {
  if (goldIds.has(article.id)) goldArticles.set(article.id, { title: article.title, body: article.text });
  const inCategory = candidates.get(article.category) ?? [];
  candidates.set(article.category, inCategory);
  const enough = !options.spread && !options.unsampled && inCategory.length >= skip + perCategory;
  if (!enough) inCategory.push(article);
}
const sample = [...candidates.values()].flatMap((inCategory) => {
  const splits = splitCategory(inCategory, skip, perCategory);
  if (options.unsampled) return splits.unsampled.filter((article) => !options.source || article.source === options.source);
  if (!options.spread) return splits.next;
  return options['other-half'] ? splits.wideHeldOut : splits.wideTuning;
});
for (const file of readdirSync(join(PROJECT_ROOT, 'seeds'))) {
  const id = file.replace(/\.txt$/, '');
  if (goldIds.has(id)) goldArticles.set(id, parseSeedArticle(id, readFileSync(join(PROJECT_ROOT, 'seeds', file), 'utf8')));
}

const config = loadConfig();
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const provided = await provideEngine(config, logger);
const alias = `measure-tagging-${process.pid}`;
const definition = loadIndexDefinition(PROJECT_ROOT);
const state = await ensureIndex(provided.engine, alias, definition);
try {
  const taxonomy = loadTaxonomy(PROJECT_ROOT);
  const tagger = await ArticleTagger.create(provided.engine, alias, definition, taxonomy);
  const started = Date.now();
  const tagsOf = async (articles: { id: string; title: string; body: string }[], label: string) => {
    const tags = new Map<string, ArticleTags>();
    await forEachLimited(articles, 4, async (article) => {
      tags.set(article.id, await tagger.tag(article));
      if (tags.size % 200 === 0 || tags.size === articles.length) {
        const rate = tags.size / ((Date.now() - started) / 1000);
        process.stderr.write(`\r${label}: ${tags.size}/${articles.length} articles, ${rate.toFixed(0)}/s   `);
      }
    });
    process.stderr.write('\n');
    return tags;
  };

  const sampleTags = await tagsOf(
    sample.map((a) => ({ id: a.id, title: a.title, body: a.text })),
    'topics sample',
  );
  printTopicReport(taxonomy, sample, sampleTags);
  if (options.errors) printTopicErrors(taxonomy, sample, sampleTags);
  if (gold.length > 0) {
    const goldTags = await tagsOf(
      [...goldArticles].map(([id, a]) => ({ id, ...a })),
      'region gold',
    );
    printRegionReport(taxonomy, gold, goldTags);
  } else {
    console.log(`\n(no ${goldPath}: region figures skipped)`);
  }
} finally {
  await provided.engine.deleteIndex(state.index);
  await provided.release();
}

function printTopicReport(taxonomy: Taxonomy, articles: AntArticle[], tags: Map<string, ArticleTags>): void {
  const categories = [...new Set(articles.map((a) => a.category))].sort();
  const topics = taxonomy.topics.map((t) => t.slug);
  console.log(
    options.unsampled
      ? `\n## Topics on ${articles.length} ANT articles (past the first ${skip} of each category, those neither wide split takes${options.source ? `, ${options.source} only` : ''})\n`
      : `\n## Topics on ${articles.length} ANT articles (up to ${perCategory} of each category, after the first ${skip}${options.spread ? `, spread over the rest${options['other-half'] ? ' the wide tuning split does not take' : ''}` : ''})\n`,
  );
  console.log('Rows: ANT category; columns: articles tagged with each topic (an article can have several, or none).\n');
  console.log(`| category | n | ${topics.join(' | ')} | none |`);
  console.log(`|---|---|${topics.map(() => '---').join('|')}|---|`);
  for (const category of categories) {
    const inCategory = articles.filter((a) => a.category === category);
    const counts = topics.map((topic) => inCategory.filter((a) => tags.get(a.id)?.topics.includes(topic)).length);
    const none = inCategory.filter((a) => (tags.get(a.id)?.topics.length ?? 0) === 0).length;
    console.log(`| ${category} | ${inCategory.length} | ${counts.join(' | ')} | ${none} |`);
  }
  const mapped = taxonomy.topics.filter((t) => t.antCategory);
  const scores: LabelScore[] = mapped.map((topic) => {
    const predicted = articles.filter((a) => tags.get(a.id)?.topics.includes(topic.slug));
    const actual = articles.filter((a) => a.category === topic.antCategory);
    return scoreLabel(topic.slug, predicted.filter((a) => a.category === topic.antCategory).length, predicted.length, actual.length);
  });
  console.log(`\n| topic | ANT category | precision | recall | F1 |`);
  console.log(`|---|---|---|---|---|`);
  for (const [i, s] of scores.entries()) {
    console.log(`| ${s.label} | ${mapped[i]!.antCategory} | ${formatRatio(s.precision)} | ${formatRatio(s.recall)} | ${formatRatio(s.f1)} |`);
  }
  // Where several topics share a category (technology and science both in ANT's technology), an
  // article tagged with any of them counts for the category.
  const shared = [...new Set(mapped.map((t) => t.antCategory!))].filter((category) => mapped.filter((t) => t.antCategory === category).length > 1);
  for (const category of shared) {
    const slugs = mapped.filter((t) => t.antCategory === category).map((t) => t.slug);
    const predicted = articles.filter((a) => slugs.some((slug) => tags.get(a.id)?.topics.includes(slug)));
    const actual = articles.filter((a) => a.category === category);
    const s = scoreLabel(slugs.join(' + '), predicted.filter((a) => a.category === category).length, predicted.length, actual.length);
    console.log(`| ${s.label} | ${category} | ${formatRatio(s.precision)} | ${formatRatio(s.recall)} | ${formatRatio(s.f1)} |`);
  }
}

/** Per ANT category a topic maps to: articles tagged but of another category, and of it but untagged. */
function printTopicErrors(taxonomy: Taxonomy, articles: AntArticle[], tags: Map<string, ArticleTags>): void {
  for (const category of [...new Set(taxonomy.topics.flatMap((t) => t.antCategory ?? []))]) {
    const slugs = taxonomy.topics.filter((t) => t.antCategory === category).map((t) => t.slug);
    const tagged = (a: AntArticle) => slugs.some((slug) => tags.get(a.id)?.topics.includes(slug));
    const line = (a: AntArticle) => `- [${a.category}] ${a.id} ${a.title} (topics: ${tags.get(a.id)?.topics.join(', ') || 'none'})`;
    console.log(`\n### ${slugs.join(' + ')}: false positives\n`);
    articles.filter((a) => a.category !== category && tagged(a)).forEach((a) => console.log(line(a)));
    console.log(`\n### ${slugs.join(' + ')}: false negatives\n`);
    articles.filter((a) => a.category === category && !tagged(a)).forEach((a) => console.log(line(a)));
  }
}

function printRegionReport(taxonomy: Taxonomy, labels: { id: string; regions: string[] }[], tags: Map<string, ArticleTags>): void {
  const withParents = regionAncestry(taxonomy);
  const items = labels.filter((l) => tags.has(l.id)).map((l) => ({ predicted: tags.get(l.id)!.regions, gold: [...withParents(l.regions)] }));
  const scores = scoreMultiLabel(items).filter((s) => s.actual >= 2 || s.predicted >= 2);
  const micro = microAverage(scoreMultiLabel(items));
  console.log(`\n## Regions on ${items.length} hand-labelled articles (gold labels widened to parent regions)\n`);
  console.log(`| region | gold | tagged | correct | precision | recall |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const s of scores)
    console.log(`| ${s.label} | ${s.actual} | ${s.predicted} | ${s.truePositives} | ${formatRatio(s.precision)} | ${formatRatio(s.recall)} |`);
  console.log(
    `| **all (micro)** | ${micro.actual} | ${micro.predicted} | ${micro.truePositives} | ${formatRatio(micro.precision)} | ${formatRatio(micro.recall)} |`,
  );
  console.log('\n(regions with at least 2 gold or 2 tagged articles listed)');
}
