import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import type { ArticleTags } from '../../src/classify/classify-article.js';
import { loadTaxonomy, regionAncestry } from '../../src/classify/taxonomy.js';
import { loadConfig } from '../../src/config.js';
import { ensureIndex } from '../../src/index/ensure-index.js';
import { loadIndexDefinition } from '../../src/index/index-definition.js';
import { parseSeedArticle } from '../../src/ingest/seed-parser.js';
import { createLogger } from '../../src/logger.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { provideEngine } from '../../src/provide-engine.js';
import { antCorpusPath, readAntCorpusAsIngested } from './ant-corpus.js';
import { cohenKappa, formatRatio, microAverage, scoreMultiLabel, type LabelScore } from './tagging-metrics.js';

// Compares the two region label sets (taxonomy/labels/regions-gold.json and regions-independent.json,
// made by docs/labelling-guide.md) with Cohen's κ, and measures the tagger against each: its
// `regions` (about) against about-level labels, its `regions_mentioned` against mention-level ones.
// Then the same for topics: two labellers' sets (topics-independent-a.json, -b.json), κ per topic,
// and the tagger's topics against each. Last, a second held-out sample labelled for both by two more
// labellers (heldout-2-e.json, -f.json): their agreement and the tagger against each.
// Usage: npm run measure:labels [-- --corpus PATH]   (seeds always; ANT articles when the corpus is there)
const { values: options } = parseArgs({ options: { corpus: { type: 'string' } } });
const corpusPath = resolve(options.corpus ?? antCorpusPath());
const labelsDir = join(PROJECT_ROOT, 'taxonomy', 'labels');

const goldSchema = z.object({ articles: z.array(z.object({ id: z.string(), regions: z.array(z.string()) })) });
const independentSchema = z.object({ articles: z.array(z.object({ id: z.string(), about: z.array(z.string()), mentioned: z.array(z.string()) })) });
const gold = new Map(goldSchema.parse(JSON.parse(readFileSync(join(labelsDir, 'regions-gold.json'), 'utf8'))).articles.map((a) => [a.id, a.regions]));
const independent = new Map(
  independentSchema.parse(JSON.parse(readFileSync(join(labelsDir, 'regions-independent.json'), 'utf8'))).articles.map((a) => [a.id, a]),
);
const topicLabelsSchema = z.object({ articles: z.array(z.object({ id: z.string(), topics: z.array(z.string()) })) });
const readTopicLabels = (file: string) =>
  new Map(topicLabelsSchema.parse(JSON.parse(readFileSync(join(labelsDir, file), 'utf8'))).articles.map((a) => [a.id, a.topics]));
const topicLabellers = { a: readTopicLabels('topics-independent-a.json'), b: readTopicLabels('topics-independent-b.json') };
// A second held-out sample, labelled for regions and topics at once by two more labellers (e, f).
const heldOutSchema = z.object({
  articles: z.array(
    z.object({ id: z.string(), about: z.array(z.string()), mentioned: z.array(z.string()), aboutRegions: z.array(z.string()), topics: z.array(z.string()) }),
  ),
});
type HeldOutLabels = z.infer<typeof heldOutSchema>['articles'][number];
const readHeldOut = (file: string) =>
  new Map(heldOutSchema.parse(JSON.parse(readFileSync(join(labelsDir, file), 'utf8'))).articles.map((a): [string, HeldOutLabels] => [a.id, a]));
const heldOut = { e: readHeldOut('heldout-2-e.json'), f: readHeldOut('heldout-2-f.json') };
// News-section articles the tagger tagged culture, economy-energy or neither, labelled by g.
const newsSectionsSchema = z.object({ articles: z.array(z.object({ id: z.string(), sampledAs: z.string(), topics: z.array(z.string()) })) });
const newsSections = new Map(
  newsSectionsSchema.parse(JSON.parse(readFileSync(join(labelsDir, 'news-sections-g.json'), 'utf8'))).articles.map((a) => [a.id, a.topics]),
);
const isLabelled = (id: string) =>
  gold.has(id) || independent.has(id) || topicLabellers.a.has(id) || topicLabellers.b.has(id) || heldOut.e.has(id) || heldOut.f.has(id) || newsSections.has(id);

const texts = new Map<string, { title: string; body: string }>();
for (const file of readdirSync(join(PROJECT_ROOT, 'seeds'))) {
  const id = file.replace(/\.txt$/, '');
  if (isLabelled(id)) texts.set(id, parseSeedArticle(id, readFileSync(join(PROJECT_ROOT, 'seeds', file), 'utf8')));
}
if (existsSync(corpusPath)) {
  for await (const article of readAntCorpusAsIngested(corpusPath)) {
    if (isLabelled(article.id)) texts.set(article.id, { title: article.title, body: article.text });
  }
} else {
  console.log(`(no ANT corpus at ${corpusPath}: the seeds only)`);
}

const taxonomy = loadTaxonomy(PROJECT_ROOT);
const unknownTopics = [...topicLabellers.a.values(), ...topicLabellers.b.values()].flat().filter((slug) => !taxonomy.topics.some((t) => t.slug === slug));
if (unknownTopics.length > 0) throw new Error(`topic labels that are not topics: ${[...new Set(unknownTopics)].join(', ')}`);
const ancestry = regionAncestry(taxonomy);
/** Labels name countries (and a region only as a subject): measures widen them to parents, as tags are. */
const widen = (slugs: string[]): string[] => [...ancestry(slugs)].sort();

const config = loadConfig();
const provided = await provideEngine(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
const alias = `measure-labels-${process.pid}`;
const definition = loadIndexDefinition(PROJECT_ROOT);
const state = await ensureIndex(provided.engine, alias, definition);
try {
  const tagger = await ArticleTagger.create(provided.engine, alias, definition, taxonomy);
  const ids = [...texts.keys()];
  const tagged = new Map<string, ArticleTags>((await tagger.tagMany(ids.map((id) => texts.get(id)!))).map((tags, i) => [ids[i]!, tags]));

  const both = ids.filter((id) => gold.has(id) && independent.has(id));
  console.log(`\n## Agreement of the two label sets (about level, ${both.length} articles labelled in both, labels widened to parents)\n`);
  const regionsInEither = [...new Set(both.flatMap((id) => [...widen(gold.get(id)!), ...widen(independent.get(id)!.about)]))].sort();
  const decisions = both.flatMap((id) => {
    const first = new Set(widen(gold.get(id)!));
    const second = new Set(widen(independent.get(id)!.about));
    return regionsInEither.map((region) => ({ region, first: first.has(region), second: second.has(region) }));
  });
  const countriesOnly = decisions.filter((d) => taxonomy.regions.find((r) => r.slug === d.region)?.kind === 'country');
  const exact = both.filter((id) => JSON.stringify(widen(gold.get(id)!)) === JSON.stringify(widen(independent.get(id)!.about))).length;
  console.log(`| measure | value |\n|---|---|`);
  console.log(`| Cohen's κ, every (article, region) decision over regions either set used | ${formatRatio(cohenKappa(decisions))} |`);
  console.log(`| Cohen's κ, countries only | ${formatRatio(cohenKappa(countriesOnly))} |`);
  console.log(`| articles with identical label sets | ${exact} of ${both.length} |`);
  for (const id of both.filter((id) => JSON.stringify(widen(gold.get(id)!)) !== JSON.stringify(widen(independent.get(id)!.about)))) {
    console.log(`  differs: ${id}: gold ${gold.get(id)!.join(', ') || '–'}; independent ${independent.get(id)!.about.join(', ') || '–'}`);
  }

  console.log(`\n## The tagger against each label set (micro-averaged over regions, parents included)\n`);
  console.log(`| tagger field | labels | articles | labelled | tagged | correct | precision | recall |`);
  console.log(`|---|---|---|---|---|---|---|---|`);
  const report = (field: 'regions' | 'regions_mentioned', name: string, labelsOf: (id: string) => string[] | undefined) => {
    const scored = ids.filter((id) => labelsOf(id) !== undefined);
    const micro = microAverage(scoreMultiLabel(scored.map((id) => ({ predicted: tagged.get(id)![field], gold: widen(labelsOf(id)!) }))));
    console.log(
      `| ${field} | ${name} | ${scored.length} | ${micro.actual} | ${micro.predicted} | ${micro.truePositives} | ${formatRatio(micro.precision)} | ${formatRatio(micro.recall)} |`,
    );
    return scored;
  };
  report('regions', 'gold (about)', (id) => gold.get(id));
  report('regions', 'independent about', (id) => independent.get(id)?.about);
  const mentionIds = report('regions_mentioned', 'independent mentioned', (id) => independent.get(id)?.mentioned);
  report('regions', 'independent mentioned', (id) => independent.get(id)?.mentioned);

  console.log(`\n### Where the tagger and the independent labels differ\n`);
  for (const id of mentionIds) {
    const labels = independent.get(id)!;
    const about = { missed: diff(widen(labels.about), tagged.get(id)!.regions), extra: diff(tagged.get(id)!.regions, widen(labels.about)) };
    const mentioned = {
      missed: diff(widen(labels.mentioned), tagged.get(id)!.regions_mentioned),
      extra: diff(tagged.get(id)!.regions_mentioned, widen(labels.mentioned)),
    };
    const parts = [
      about.missed.length ? `about missed ${about.missed.join(', ')}` : '',
      about.extra.length ? `about extra ${about.extra.join(', ')}` : '',
      mentioned.missed.length ? `mention missed ${mentioned.missed.join(', ')}` : '',
      mentioned.extra.length ? `mention extra ${mentioned.extra.join(', ')}` : '',
    ].filter(Boolean);
    if (parts.length > 0) console.log(`- ${id}: ${parts.join('; ')}`);
  }
  reportTopics(tagged);
  reportHeldOutSample(tagged);
  reportNewsSections(tagged);
} finally {
  await provided.engine.deleteIndex(state.index);
  await provided.release();
}

function diff(a: string[], b: string[]): string[] {
  const other = new Set(b);
  return a.filter((x) => !other.has(x));
}

/** One topic's precision / recall among a scoring's labels, or dashes where it never occurred. */
function precisionRecall(scores: LabelScore[], slug: string): string {
  const score = scores.find((x) => x.label === slug);
  return score ? `${formatRatio(score.precision)} / ${formatRatio(score.recall)}` : '– / –';
}

/** Topics: the two labellers' agreement per topic, and the tagger against each labeller. */
function reportTopics(tagged: Map<string, ArticleTags>): void {
  const ids = [...topicLabellers.a.keys()].filter((id) => topicLabellers.b.has(id) && tagged.has(id));
  const slugs = taxonomy.topics.map((t) => t.slug);
  const labelsOf = (labeller: 'a' | 'b', id: string) => topicLabellers[labeller].get(id)!;
  const decisions = (slug: string) => ids.map((id) => ({ first: labelsOf('a', id).includes(slug), second: labelsOf('b', id).includes(slug) }));
  const scoreAgainst = (labeller: 'a' | 'b') => scoreMultiLabel(ids.map((id) => ({ predicted: tagged.get(id)!.topics, gold: labelsOf(labeller, id) })));
  const [againstA, againstB] = [scoreAgainst('a'), scoreAgainst('b')];
  const count = (labeller: 'a' | 'b', slug: string) => ids.filter((id) => labelsOf(labeller, id).includes(slug)).length;
  console.log(`\n## Topics: two independent labellers and the tagger (${ids.length} articles labelled by both)\n`);
  console.log(`| topic | labeller a | labeller b | κ (a, b) | tagged | tagger P / R vs a | tagger P / R vs b |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const slug of slugs) {
    const taggedCount = ids.filter((id) => tagged.get(id)!.topics.includes(slug)).length;
    console.log(
      `| ${slug} | ${count('a', slug)} | ${count('b', slug)} | ${formatRatio(cohenKappa(decisions(slug)))} | ${taggedCount} | ${precisionRecall(againstA, slug)} | ${precisionRecall(againstB, slug)} |`,
    );
  }
  const [microA, microB] = [microAverage(againstA), microAverage(againstB)];
  const allDecisions = slugs.flatMap(decisions);
  console.log(
    `| **all (micro)** | ${microA.actual} | ${microB.actual} | ${formatRatio(cohenKappa(allDecisions))} | ${microA.predicted} | ` +
      `${formatRatio(microA.precision)} / ${formatRatio(microA.recall)} | ${formatRatio(microB.precision)} / ${formatRatio(microB.recall)} |`,
  );
  const identical = ids.filter((id) => [...labelsOf('a', id)].sort().join() === [...labelsOf('b', id)].sort().join()).length;
  console.log(`\nArticles with identical topic sets from both labellers: ${identical} of ${ids.length}.`);
}

/** The second held-out sample: the two labellers' agreement, and the tagger's regions and topics against each. */
function reportHeldOutSample(tagged: Map<string, ArticleTags>): void {
  const ids = [...heldOut.e.keys()].filter((id) => heldOut.f.has(id) && tagged.has(id));
  const labels = (labeller: 'e' | 'f', id: string) => heldOut[labeller].get(id)!;
  const aboutOf = (labeller: 'e' | 'f', id: string) => widen([...labels(labeller, id).about, ...labels(labeller, id).aboutRegions]);
  const mentionedOf = (labeller: 'e' | 'f', id: string) => widen([...labels(labeller, id).mentioned, ...labels(labeller, id).aboutRegions]);
  const kappaOver = (labelsOf: (labeller: 'e' | 'f', id: string) => string[], values: string[]) =>
    cohenKappa(ids.flatMap((id) => values.map((v) => ({ first: labelsOf('e', id).includes(v), second: labelsOf('f', id).includes(v) }))));
  const regionsUsed = [...new Set(ids.flatMap((id) => [...mentionedOf('e', id), ...mentionedOf('f', id), ...aboutOf('e', id), ...aboutOf('f', id)]))];
  const slugs = taxonomy.topics.map((t) => t.slug);
  console.log(`\n## A second held-out sample: ${ids.length} ANT articles, two more labellers (e, f), regions and topics\n`);
  console.log(`| measure | value |\n|---|---|`);
  console.log(`| Cohen's κ, regions about (labels widened to parents) | ${formatRatio(kappaOver(aboutOf, regionsUsed))} |`);
  console.log(`| Cohen's κ, regions mentioned | ${formatRatio(kappaOver(mentionedOf, regionsUsed))} |`);
  console.log(`| Cohen's κ, topics | ${formatRatio(kappaOver((labeller, id) => labels(labeller, id).topics, slugs))} |`);
  console.log(`\n| tagger field | labels | labelled | tagged | correct | precision | recall |\n|---|---|---|---|---|---|---|`);
  const row = (field: keyof Pick<ArticleTags, 'regions' | 'regions_mentioned' | 'topics'>, name: string, goldOf: (id: string) => string[]) => {
    const micro = microAverage(scoreMultiLabel(ids.map((id) => ({ predicted: tagged.get(id)![field], gold: goldOf(id) }))));
    console.log(
      `| ${field} | ${name} | ${micro.actual} | ${micro.predicted} | ${micro.truePositives} | ${formatRatio(micro.precision)} | ${formatRatio(micro.recall)} |`,
    );
  };
  for (const labeller of ['e', 'f'] as const) {
    row('regions', `${labeller}, about`, (id) => aboutOf(labeller, id));
    row('regions_mentioned', `${labeller}, mentioned`, (id) => mentionedOf(labeller, id));
    row('topics', `${labeller}, topics (micro)`, (id) => labels(labeller, id).topics);
  }
  console.log(`\n| topic | e | f | κ | tagged | tagger P / R vs e | vs f |\n|---|---|---|---|---|---|---|`);
  const scores = {
    e: scoreMultiLabel(ids.map((id) => ({ predicted: tagged.get(id)!.topics, gold: labels('e', id).topics }))),
    f: scoreMultiLabel(ids.map((id) => ({ predicted: tagged.get(id)!.topics, gold: labels('f', id).topics }))),
  };
  for (const slug of slugs) {
    const count = (labeller: 'e' | 'f') => ids.filter((id) => labels(labeller, id).topics.includes(slug)).length;
    const taggedCount = ids.filter((id) => tagged.get(id)!.topics.includes(slug)).length;
    console.log(
      `| ${slug} | ${count('e')} | ${count('f')} | ${formatRatio(kappaOver((labeller, id) => labels(labeller, id).topics, [slug]))} | ${taggedCount} | ${precisionRecall(scores.e, slug)} | ${precisionRecall(scores.f, slug)} |`,
    );
  }
  for (const id of ids) {
    const about = { missed: diff(aboutOf('e', id), tagged.get(id)!.regions), extra: diff(tagged.get(id)!.regions, aboutOf('e', id)) };
    const parts = [
      about.missed.length ? `about missed ${about.missed.join(', ')}` : '',
      about.extra.length ? `about extra ${about.extra.join(', ')}` : '',
    ].filter(Boolean);
    if (parts.length > 0) console.log(`- ${id} (vs e): ${parts.join('; ')}`);
  }
}

/** How far the culture and economy facets hold in the news sections, where ANT's categories cannot say. */
function reportNewsSections(tagged: Map<string, ArticleTags>): void {
  const ids = [...newsSections.keys()].filter((id) => tagged.has(id));
  console.log(`\n## Culture and economy in the news sections: ${ids.length} articles, labeller g (news-sections-g.json)\n`);
  console.log(`| topic | tagged now | of those, labelled it | precision | labelled it, not tagged |\n|---|---|---|---|---|`);
  for (const slug of ['culture', 'economy-energy']) {
    const taggedIds = ids.filter((id) => tagged.get(id)!.topics.includes(slug));
    const right = taggedIds.filter((id) => newsSections.get(id)!.includes(slug)).length;
    const missed = ids.filter((id) => !taggedIds.includes(id) && newsSections.get(id)!.includes(slug)).length;
    console.log(`| ${slug} | ${taggedIds.length} | ${right} | ${taggedIds.length ? formatRatio(right / taggedIds.length) : '–'} | ${missed} |`);
  }
}
