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
// labellers (heldout-2-e.json, -f.json): their agreement and the tagger against each. Then the
// held-out split's technology category read by two labellers (topics-technology-h.json, -i.json): how
// much of it is technology, science or health, and the tagger's recall of each.
// Last, the topics added on 6 December, which the label sets above were not asked: each held-out
// sample's two labellers (topics-crimes-accidents-o.json and -p.json, topics-religion-r.json and -s.json).
// With --tuning it measures instead the tagger against the tuning labels (topics-tuning-*.json and
// topics-*-tuning-*.json of those topics), which terms may be tuned on, and lists each topic's misses
// and wrong tags there.
// Usage: npm run measure:labels [-- --corpus PATH] [--tuning]   (seeds always; ANT articles when the corpus is there)
const { values: options } = parseArgs({ options: { corpus: { type: 'string' }, tuning: { type: 'boolean' } } });
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
// Held-out samples labelled for regions and topics at once, each by two more labellers: a second (e, f) and a third (l, m).
const heldOutSchema = z.object({
  articles: z.array(
    z.object({ id: z.string(), about: z.array(z.string()), mentioned: z.array(z.string()), aboutRegions: z.array(z.string()), topics: z.array(z.string()) }),
  ),
});
type HeldOutLabels = z.infer<typeof heldOutSchema>['articles'][number];
const readHeldOut = (file: string) =>
  new Map(heldOutSchema.parse(JSON.parse(readFileSync(join(labelsDir, file), 'utf8'))).articles.map((a): [string, HeldOutLabels] => [a.id, a]));
const heldOutSamples = [
  { title: 'A second held-out sample', labellers: ['e', 'f'], labels: [readHeldOut('heldout-2-e.json'), readHeldOut('heldout-2-f.json')] },
  { title: 'A third held-out sample', labellers: ['l', 'm'], labels: [readHeldOut('heldout-3-l.json'), readHeldOut('heldout-3-m.json')] },
] as const;
type HeldOutSample = (typeof heldOutSamples)[number];
// News-section articles the tagger tagged culture, economy-energy or neither, labelled by g.
const newsSectionsSchema = z.object({ articles: z.array(z.object({ id: z.string(), sampledAs: z.string(), topics: z.array(z.string()) })) });
const newsSections = new Map(
  newsSectionsSchema.parse(JSON.parse(readFileSync(join(labelsDir, 'news-sections-g.json'), 'utf8'))).articles.map((a) => [a.id, a.topics]),
);
// Every second article of the held-out split's technology category not labelled before, with a few
// of the other categories' held-out articles among them, labelled for topics by h and i.
const technologyLabellers = { h: readTopicLabels('topics-technology-h.json'), i: readTopicLabels('topics-technology-i.json') };
const tuningLabellers = Object.fromEntries(
  readdirSync(labelsDir)
    .filter((file) => /^topics-tuning-\w+\.json$/.test(file))
    .map((file) => [file.replace(/^topics-tuning-|\.json$/g, ''), readTopicLabels(file)]),
);
// Topics added on 6 December (crime and justice, disasters and accidents, religion) have label sets of
// their own, each saying which topics it was asked (`topicsAsked`): topics-<sample>-<labeller>.json held
// out, topics-<sample>-tuning-<labeller>.json for tuning. The label sets made before were not asked
// those topics: against them they are not counted.
const laterTopicsSchema = z.object({ topicsAsked: z.array(z.string()), articles: z.array(z.object({ id: z.string(), topics: z.array(z.string()) })) });
type LaterTopicLabels = { labeller: string; asked: string[]; labels: Map<string, string[]> };
const laterTopicSets = readdirSync(labelsDir)
  .map((file) => ({ file, match: /^topics-(crimes-accidents|religion)-(tuning-)?(\w+)\.json$/.exec(file) }))
  .flatMap(({ file, match }) => {
    if (!match) return [];
    const parsed = laterTopicsSchema.parse(JSON.parse(readFileSync(join(labelsDir, file), 'utf8')));
    const labels: LaterTopicLabels = { labeller: match[3]!, asked: parsed.topicsAsked, labels: new Map(parsed.articles.map((a) => [a.id, a.topics])) };
    return [{ sample: match[1]!, tuning: match[2] !== undefined, labels }];
  });
/** The later topics' label sets of one kind, grouped by sample: two labellers of one sample are compared. */
const laterTopicSamples = (tuning: boolean) => {
  const samples = new Map<string, typeof laterTopicSets>();
  for (const set of laterTopicSets.filter((candidate) => candidate.tuning === tuning)) samples.set(set.sample, [...(samples.get(set.sample) ?? []), set]);
  return samples;
};
const topicsAddedLater = [...new Set(laterTopicSets.flatMap((set) => set.labels.asked))];

const isHeldOutLabelled = (id: string) =>
  gold.has(id) ||
  independent.has(id) ||
  topicLabellers.a.has(id) ||
  topicLabellers.b.has(id) ||
  heldOutSamples.some((sample) => sample.labels.some((labels) => labels.has(id))) ||
  newsSections.has(id) ||
  technologyLabellers.h.has(id) ||
  laterTopicSets.some((set) => !set.tuning && set.labels.labels.has(id));
const isTuningLabelled = (id: string) =>
  Object.values(tuningLabellers).some((labels) => labels.has(id)) || laterTopicSets.some((set) => set.tuning && set.labels.labels.has(id));
const isLabelled = (id: string) => (options.tuning ? isTuningLabelled(id) : isHeldOutLabelled(id));
/** ANT's category of each labelled ANT article. */
const categories = new Map<string, string>();

const texts = new Map<string, { title: string; body: string }>();
for (const file of readdirSync(join(PROJECT_ROOT, 'seeds'))) {
  const id = file.replace(/\.txt$/, '');
  if (isLabelled(id)) texts.set(id, parseSeedArticle(id, readFileSync(join(PROJECT_ROOT, 'seeds', file), 'utf8')));
}
if (existsSync(corpusPath)) {
  for await (const article of readAntCorpusAsIngested(corpusPath)) {
    if (!isLabelled(article.id)) continue;
    texts.set(article.id, { title: article.title, body: article.text });
    categories.set(article.id, article.category);
  }
} else {
  console.log(`(no ANT corpus at ${corpusPath}: the seeds only)`);
}

const taxonomy = loadTaxonomy(PROJECT_ROOT);
const unknownTopics = [topicLabellers.a, topicLabellers.b, technologyLabellers.h, technologyLabellers.i, ...Object.values(tuningLabellers)]
  .flatMap((labels) => [...labels.values()].flat())
  .filter((slug) => !taxonomy.topics.some((t) => t.slug === slug))
  .concat(laterTopicSets.flatMap(({ labels: set }) => [...set.labels.values()].flat().filter((slug) => !set.asked.includes(slug))));
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
  const firstGuideTopics = new Map([...tagged].map(([id, tags]) => [id, { ...tags, topics: tags.topics.filter((t) => !topicsAddedLater.includes(t)) }]));
  if (options.tuning) reportTuningLabels(firstGuideTopics);
  else reportHeldOutLabels(firstGuideTopics);
  for (const sets of laterTopicSamples(options.tuning === true).values()) {
    // One labeller of tuning labels, each of its own sample; a held-out sample's two labellers together.
    if (options.tuning) for (const set of sets) reportLaterTopics(tagged, [set.labels], true);
    else
      reportLaterTopics(
        tagged,
        sets.map((set) => set.labels),
        false,
      );
  }
} finally {
  await provided.engine.deleteIndex(state.index);
  await provided.release();
}

/** Every held-out label set: regions, topics, the second held-out sample, the news sections, the technology category. */
function reportHeldOutLabels(tagged: Map<string, ArticleTags>): void {
  const ids = [...tagged.keys()];

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
  for (const sample of heldOutSamples) reportHeldOutSample(tagged, sample);
  reportNewsSections(tagged);
  reportTechnologyCategory(tagged);
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
  const slugs = taxonomy.topics.map((t) => t.slug).filter((slug) => !topicsAddedLater.includes(slug));
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

/** A held-out sample: the two labellers' agreement, and the tagger's regions and topics against each, with what it missed or added against the first. */
function reportHeldOutSample(tagged: Map<string, ArticleTags>, sample: HeldOutSample): void {
  const [first, second] = sample.labellers;
  const byLabeller = new Map<string, Map<string, HeldOutLabels>>(sample.labellers.map((labeller, i) => [labeller, sample.labels[i]!]));
  const ids = [...sample.labels[0].keys()].filter((id) => sample.labels[1].has(id) && tagged.has(id));
  const labels = (labeller: string, id: string) => byLabeller.get(labeller)!.get(id)!;
  const aboutOf = (labeller: string, id: string) => widen([...labels(labeller, id).about, ...labels(labeller, id).aboutRegions]);
  const mentionedOf = (labeller: string, id: string) => widen([...labels(labeller, id).mentioned, ...labels(labeller, id).aboutRegions]);
  const kappaOver = (labelsOf: (labeller: string, id: string) => string[], values: string[]) =>
    cohenKappa(ids.flatMap((id) => values.map((v) => ({ first: labelsOf(first, id).includes(v), second: labelsOf(second, id).includes(v) }))));
  const regionsUsed = [...new Set(ids.flatMap((id) => sample.labellers.flatMap((labeller) => [...mentionedOf(labeller, id), ...aboutOf(labeller, id)])))];
  const slugs = taxonomy.topics.map((t) => t.slug).filter((slug) => !topicsAddedLater.includes(slug));
  console.log(`\n## ${sample.title}: ${ids.length} ANT articles, two more labellers (${first}, ${second}), regions and topics\n`);
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
  for (const labeller of sample.labellers) {
    row('regions', `${labeller}, about`, (id) => aboutOf(labeller, id));
    row('regions_mentioned', `${labeller}, mentioned`, (id) => mentionedOf(labeller, id));
    row('topics', `${labeller}, topics (micro)`, (id) => labels(labeller, id).topics);
  }
  console.log(`\n| topic | ${first} | ${second} | κ | tagged | tagger P / R vs ${first} | vs ${second} |\n|---|---|---|---|---|---|---|`);
  const scoresOf = (labeller: string) => scoreMultiLabel(ids.map((id) => ({ predicted: tagged.get(id)!.topics, gold: labels(labeller, id).topics })));
  const [firstScores, secondScores] = [scoresOf(first), scoresOf(second)];
  for (const slug of slugs) {
    const count = (labeller: string) => ids.filter((id) => labels(labeller, id).topics.includes(slug)).length;
    const taggedCount = ids.filter((id) => tagged.get(id)!.topics.includes(slug)).length;
    console.log(
      `| ${slug} | ${count(first)} | ${count(second)} | ${formatRatio(kappaOver((labeller, id) => labels(labeller, id).topics, [slug]))} | ${taggedCount} | ${precisionRecall(firstScores, slug)} | ${precisionRecall(secondScores, slug)} |`,
    );
  }
  for (const id of ids) {
    const regions = tagged.get(id)!.regions;
    const about = { missed: diff(aboutOf(first, id), regions), extra: diff(regions, aboutOf(first, id)) };
    const mentioned = tagged.get(id)!.regions_mentioned;
    const mention = { missed: diff(mentionedOf(first, id), mentioned), extra: diff(mentioned, mentionedOf(first, id)) };
    const parts = [
      about.missed.length ? `about missed ${about.missed.join(', ')}` : '',
      about.extra.length ? `about extra ${about.extra.join(', ')}` : '',
      mention.missed.length ? `mention missed ${mention.missed.join(', ')}` : '',
      mention.extra.length ? `mention extra ${mention.extra.join(', ')}` : '',
    ].filter(Boolean);
    if (parts.length > 0) console.log(`- ${id} (vs ${first}): ${parts.join('; ')}`);
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

/**
 * ANT's technology category holds health news beside technology and science, so its recall counts
 * correct health tags as misses. Two labellers say what each of its held-out articles is about; the
 * tagger's technology + science recall is then taken over the articles they call technology or science.
 */
function reportTechnologyCategory(tagged: Map<string, ArticleTags>): void {
  const ids = [...technologyLabellers.h.keys()].filter((id) => technologyLabellers.i.has(id) && tagged.has(id));
  if (ids.length === 0) return;
  const labelsOf = (labeller: 'h' | 'i', id: string) => technologyLabellers[labeller].get(id)!;
  const inCategory = ids.filter((id) => categories.get(id) === 'technology');
  const techOrScience = (topics: string[]) => topics.includes('technology') || topics.includes('science');
  console.log(
    `\n## The technology category, read: ${inCategory.length} of its held-out articles and ${ids.length - inCategory.length} of other categories, labellers h and i\n`,
  );
  console.log(`| labeller | technology or science | health, not technology or science | neither |\n|---|---|---|---|`);
  for (const labeller of ['h', 'i'] as const) {
    const ofLabeller = inCategory.map((id) => labelsOf(labeller, id));
    const techScience = ofLabeller.filter(techOrScience).length;
    const healthOnly = ofLabeller.filter((topics) => !techOrScience(topics) && topics.includes('health')).length;
    console.log(`| ${labeller} | ${techScience} | ${healthOnly} | ${ofLabeller.length - techScience - healthOnly} |`);
  }
  const kappaOf = (decide: (topics: string[]) => boolean) =>
    cohenKappa(ids.map((id) => ({ first: decide(labelsOf('h', id)), second: decide(labelsOf('i', id)) })));
  const row = (name: string, decide: (topics: string[]) => boolean) => {
    const labelled = (labeller: 'h' | 'i') => ids.filter((id) => decide(labelsOf(labeller, id)));
    const taggedIds = ids.filter((id) => decide(tagged.get(id)!.topics));
    const against = (labeller: 'h' | 'i') => {
      const right = taggedIds.filter((id) => decide(labelsOf(labeller, id))).length;
      return `${formatRatio(right / taggedIds.length)} / ${formatRatio(right / labelled(labeller).length)}`;
    };
    console.log(
      `| ${name} | ${labelled('h').length} | ${labelled('i').length} | ${formatRatio(kappaOf(decide))} | ${taggedIds.length} | ${against('h')} | ${against('i')} |`,
    );
  };
  console.log(`\n| topic | h | i | κ (h, i) | tagged | tagger P / R vs h | vs i |\n|---|---|---|---|---|---|---|`);
  for (const slug of ['technology', 'science', 'health']) row(slug, (topics) => topics.includes(slug));
  row('technology + science', techOrScience);
  const categoryRecall = formatRatio(inCategory.filter((id) => techOrScience(tagged.get(id)!.topics)).length / inCategory.length);
  console.log(`\nThe same articles of the category counted as ANT counts them (any of its articles tagged technology or science): recall ${categoryRecall}.`);
}

/** The tagger against the tuning labels, per topic, with each topic's misses and wrong tags to tune on. */
function reportTuningLabels(tagged: Map<string, ArticleTags>): void {
  const slugs = taxonomy.topics.map((t) => t.slug).filter((slug) => !topicsAddedLater.includes(slug));
  for (const [labeller, labels] of Object.entries(tuningLabellers)) {
    const ids = [...labels.keys()].filter((id) => tagged.has(id));
    const scores = scoreMultiLabel(ids.map((id) => ({ predicted: tagged.get(id)!.topics, gold: labels.get(id)! })));
    const micro = microAverage(scores);
    console.log(`\n## Tuning labels ${labeller}: ${ids.length} articles\n\n| topic | labelled | tagged | P / R |\n|---|---|---|---|`);
    for (const slug of slugs) {
      const count = ids.filter((id) => labels.get(id)!.includes(slug)).length;
      const taggedCount = ids.filter((id) => tagged.get(id)!.topics.includes(slug)).length;
      console.log(`| ${slug} | ${count} | ${taggedCount} | ${precisionRecall(scores, slug)} |`);
    }
    console.log(`| **all (micro)** | ${micro.actual} | ${micro.predicted} | ${formatRatio(micro.precision)} / ${formatRatio(micro.recall)} |`);
    for (const slug of slugs) {
      const line = (id: string) =>
        ` ${id} ${texts.get(id)!.title} (labels: ${labels.get(id)!.join(', ') || 'none'}; tags: ${tagged.get(id)!.topics.join(', ') || 'none'})`;
      const missed = ids.filter((id) => labels.get(id)!.includes(slug) && !tagged.get(id)!.topics.includes(slug));
      const wrong = ids.filter((id) => !labels.get(id)!.includes(slug) && tagged.get(id)!.topics.includes(slug));
      if (missed.length + wrong.length === 0) continue;
      console.log(`\n${slug}, ${labeller}: missed ${missed.length}, wrong ${wrong.length}`);
      missed.forEach((id) => console.log(`- missed${line(id)}`));
      wrong.forEach((id) => console.log(`- wrong${line(id)}`));
    }
  }
}

/**
 * The topics added on 6 December, against label sets asked only those: per labeller, the tagger's
 * precision and recall; with two labellers, their κ; on tuning labels, each miss and wrong tag.
 */
function reportLaterTopics(tagged: Map<string, ArticleTags>, sets: LaterTopicLabels[], listErrors: boolean): void {
  const labellers = sets.map((set) => set.labeller);
  const ids = [...sets[0]!.labels.keys()].filter((id) => tagged.has(id) && sets.every((set) => set.labels.has(id)));
  const asked = sets[0]!.asked;
  const predicted = (id: string) => tagged.get(id)!.topics.filter((t) => asked.includes(t));
  const scores = sets.map((set) => scoreMultiLabel(ids.map((id) => ({ predicted: predicted(id), gold: set.labels.get(id)! }))));
  const names = labellers.join(', ');
  console.log(`\n## Topics added on 6 December, labels ${names}: ${ids.length} ANT articles\n`);
  const kappaColumn = sets.length === 2 ? ' κ |' : '';
  console.log(`| topic | ${labellers.map((l) => `labelled ${l}`).join(' | ')} |${kappaColumn} tagged | ${labellers.map((l) => `P / R vs ${l}`).join(' | ')} |`);
  console.log(`|---|${labellers.map(() => '---|').join('')}${sets.length === 2 ? '---|' : ''}---|${labellers.map(() => '---|').join('')}`);
  for (const slug of asked) {
    const counts = sets.map((set) => ids.filter((id) => set.labels.get(id)!.includes(slug)).length);
    // Asked, and not made a topic: the labels stay to measure a next try (docs/facets-and-tagging.md says why).
    const isTopic = taxonomy.topics.some((topic) => topic.slug === slug);
    const kappa =
      sets.length === 2
        ? ` ${formatRatio(cohenKappa(ids.map((id) => ({ first: sets[0]!.labels.get(id)!.includes(slug), second: sets[1]!.labels.get(id)!.includes(slug) }))))} |`
        : '';
    const taggedCount = ids.filter((id) => predicted(id).includes(slug)).length;
    const scored = isTopic ? scores.map((s) => precisionRecall(s, slug)) : labellers.map(() => 'not a topic');
    console.log(`| ${slug} | ${counts.join(' | ')} |${kappa} ${taggedCount} | ${scored.join(' | ')} |`);
  }
  if (!listErrors) return;
  const labels = sets[0]!.labels;
  for (const slug of asked.filter((slug) => taxonomy.topics.some((topic) => topic.slug === slug))) {
    const line = (id: string) => ` ${id} ${texts.get(id)!.title} (tags: ${tagged.get(id)!.topics.join(', ') || 'none'})`;
    const missed = ids.filter((id) => labels.get(id)!.includes(slug) && !predicted(id).includes(slug));
    const wrong = ids.filter((id) => !labels.get(id)!.includes(slug) && predicted(id).includes(slug));
    console.log(`\n${slug}, ${labellers[0]}: missed ${missed.length}, wrong ${wrong.length}`);
    missed.forEach((id) => console.log(`- missed${line(id)}`));
    wrong.forEach((id) => console.log(`- wrong${line(id)}`));
  }
}
