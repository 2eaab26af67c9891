import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ArticleTagger } from '../../src/classify/article-tagger.js';
import { loadTaxonomy, type Taxonomy } from '../../src/classify/taxonomy.js';
import { loadIndexDefinition, type VersionedIndexDefinition } from '../../src/index/index-definition.js';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { antCorpusPath, readAntCorpusAsIngested, type AntArticle } from './ant-corpus.js';

// What a change to the regions or the analysis does to the whole ANT corpus, before it is committed:
// every article tagged with the taxonomy, analysis and mappings of a git revision and with the
// working tree's, in process (no engine), the countries' about and mentioned counts compared, and
// each article whose countries changed written out, to be read or handed to a labeller. Both sides
// are tagged by the working tree's code: a change of code (the dateline) shows only in a re-tag.
// `--facet groupings` compares the wider regions (Sahel, Gulf, Maghreb …: their own names and their
// countries'); `--facet people` or `organizations` compares those tags instead (one level: every name tagged).
// Usage: npm run measure:region-changes -- [--before HEAD] [--facet regions] [--out changed.jsonl] [--corpus PATH]
const { values: options } = parseArgs({
  options: { before: { type: 'string', default: 'HEAD' }, facet: { type: 'string', default: 'regions' }, out: { type: 'string' }, corpus: { type: 'string' } },
});
const FACETS = ['regions', 'groupings', 'people', 'organizations'] as const;
const facet = FACETS.find((name) => name === options.facet) ?? unknownFacet(options.facet);

const now = { taxonomy: loadTaxonomy(PROJECT_ROOT), definition: loadIndexDefinition(PROJECT_ROOT) };
const before = dataAtRevision(options.before);
const corpusPath = resolve(options.corpus ?? antCorpusPath());
if (!existsSync(corpusPath)) {
  console.error(`no ANT corpus at ${corpusPath}: give --corpus PATH or set ANT_CORPUS (the corpus is not redistributable, so not in the repository)`);
  process.exit(2);
}
const articles: AntArticle[] = [];
for await (const article of readAntCorpusAsIngested(corpusPath)) articles.push(article);

// A country the change adds or takes away is compared too.
const countries = new Set([...before.taxonomy.regions, ...now.taxonomy.regions].filter((region) => region.kind === 'country').map((region) => region.slug));

type CountryTags = { about: string[]; mentioned: string[] };
const [was, is] = [await tagAll(before.taxonomy, before.definition), await tagAll(now.taxonomy, now.definition)];

const counts = new Map<string, { about: [number, number]; mentioned: [number, number] }>();
const changed: object[] = [];
articles.forEach((article, i) => {
  const [old, current] = [was[i]!, is[i]!];
  for (const level of ['about', 'mentioned'] as const) {
    for (const slug of old[level]) countOf(slug)[level][0]++;
    for (const slug of current[level]) countOf(slug)[level][1]++;
  }
  const difference = (level: keyof CountryTags) => ({
    gained: current[level].filter((slug) => !old[level].includes(slug)),
    lost: old[level].filter((slug) => !current[level].includes(slug)),
  });
  const [about, mentioned] = [difference('about'), difference('mentioned')];
  if (about.gained.length + about.lost.length + mentioned.gained.length + mentioned.lost.length > 0) {
    changed.push({ id: article.id, category: article.category, title: article.title, about, mentioned, before: old, after: current });
  }
});

const compared = facet === 'regions' ? "countries' tags" : facet === 'groupings' ? "wider regions' tags" : `${facet} tags`;
console.log(`${articles.length} ANT articles; ${compared}, ${options.before} → the working tree: ${changed.length} articles changed\n`);
console.log(`| ${facet === 'regions' ? 'country' : facet === 'groupings' ? 'region' : 'value'} | about | mentioned |\n|---|---|---|`);
const moved = [...counts].filter(([, c]) => c.about[0] !== c.about[1] || c.mentioned[0] !== c.mentioned[1]);
for (const [slug, c] of moved.sort(([, a], [, b]) => Math.abs(b.mentioned[1] - b.mentioned[0]) - Math.abs(a.mentioned[1] - a.mentioned[0]))) {
  console.log(`| ${slug} | ${c.about[0]} → ${c.about[1]} | ${c.mentioned[0]} → ${c.mentioned[1]} |`);
}
if (options.out) {
  writeFileSync(options.out, changed.map((line) => JSON.stringify(line)).join('\n') + '\n');
  console.log(`\nThe ${changed.length} changed articles: ${options.out}`);
}

function unknownFacet(name: string | undefined): never {
  console.error(`--facet ${name}: one of ${FACETS.join(', ')}`);
  process.exit(2);
}

function countOf(slug: string) {
  let entry = counts.get(slug);
  if (!entry) counts.set(slug, (entry = { about: [0, 0], mentioned: [0, 0] }));
  return entry;
}

/** The taxonomy and index definition from the data files `revision` held. */
function dataAtRevision(revision: string): { taxonomy: Taxonomy; definition: VersionedIndexDefinition } {
  const root = mkdtempSync(join(tmpdir(), 'region-tags-'));
  try {
    let archive: Buffer;
    try {
      archive = execFileSync('git', ['archive', revision, 'taxonomy', 'analyzers', 'mappings'], {
        cwd: PROJECT_ROOT,
        maxBuffer: 256 << 20,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      console.error(`--before ${revision}: not a revision of this repository`);
      process.exit(2);
    }
    execFileSync('tar', ['-x', '-C', root], { input: archive });
    return { taxonomy: loadTaxonomy(root), definition: loadIndexDefinition(root) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A region of the compared kind: a country, or (`--facet groupings`) a wider region. */
function isCompared(slug: string): boolean {
  return countries.has(slug) === (facet === 'regions');
}

/** Each article's countries (or wider regions), about and mentioned (the wider regions follow from them); or its people or organizations, as about. */
async function tagAll(taxonomy: Taxonomy, definition: VersionedIndexDefinition): Promise<CountryTags[]> {
  // The shipped analysis runs in process: no engine is asked for anything.
  const tagger = await ArticleTagger.create(undefined as never, 'unused', definition, taxonomy);
  if (tagger.analysis.runsIn !== 'process')
    throw new Error(`the index definition cannot be analyzed in process (${tagger.analysis.reason}): this tool asks no engine`);
  const tags: CountryTags[] = [];
  for (let i = 0; i < articles.length; i += 250) {
    const batch = await tagger.tagMany(articles.slice(i, i + 250).map((article) => ({ title: article.title, body: article.text })));
    for (const tagged of batch) {
      tags.push(
        facet === 'regions' || facet === 'groupings'
          ? { about: tagged.regions.filter(isCompared), mentioned: tagged.regions_mentioned.filter(isCompared) }
          : { about: tagged[facet], mentioned: [] },
      );
    }
    // A line redrawn in place on a terminal; one every 10,000 articles in a log.
    const done = Math.min(i + 250, articles.length);
    if (process.stderr.isTTY) process.stderr.write(`\rtagged ${done} of ${articles.length}`);
    else if (done % 10_000 === 0 || done === articles.length) process.stderr.write(`tagged ${done} of ${articles.length}\n`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  return tags;
}
