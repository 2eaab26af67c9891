/**
 * Writes a labelling packet: ANT articles no label file holds, shown under neutral keys, shuffled,
 * without their category (title and the first 1,200 characters, as ingested), and beside it the key
 * to ids, which the labeller never sees.
 *
 *   npx tsx tools/measure/sample-for-labelling.ts --split tuning --out /tmp/packet-tuning
 *   npx tsx tools/measure/sample-for-labelling.ts --split held-out --out /tmp/packet-held-out
 *
 * `tuning` draws from what neither wide split samples (articles past 600 of their category);
 * `held-out` from the held-out splits (300–600 and the wide held-out one), which no term is tuned on.
 * Both take, evenly spaced, the counts of `perCategory` below: most from the two news sections,
 * where crimes and accidents are reported, a few of every other category, where words such as
 * "crime" in a film review are the risk.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/project-root.js';
import { antCorpusPath, readAntCorpusAsIngested, type AntArticle } from './ant-corpus.js';
import { heldOutOfCategory, splitCategory, spreadEvenly } from './ant-splits.js';

const perCategory: Record<string, number> = { internationalNews: 180, middleEast: 60, economy: 20, sport: 20, culture: 10, technology: 10 };

const { values } = parseArgs({ options: { split: { type: 'string' }, out: { type: 'string' }, corpus: { type: 'string' } } });
if ((values.split !== 'tuning' && values.split !== 'held-out') || !values.out) {
  throw new Error('usage: --split tuning|held-out --out DIR [--corpus FILE]');
}

const labelsDir = join(PROJECT_ROOT, 'taxonomy', 'labels');
const labelled = new Set<string>();
for (const file of readdirSync(labelsDir)) {
  const { articles } = JSON.parse(readFileSync(join(labelsDir, file), 'utf8')) as { articles: { id: string }[] };
  for (const { id } of articles) labelled.add(id);
}

const byCategory = new Map<string, AntArticle[]>();
for await (const article of readAntCorpusAsIngested(values.corpus ?? antCorpusPath())) {
  const inCategory = byCategory.get(article.category) ?? [];
  byCategory.set(article.category, inCategory);
  inCategory.push(article);
}
const sample: AntArticle[] = [];
for (const [category, count] of Object.entries(perCategory)) {
  const inCategory = byCategory.get(category) ?? [];
  const pool = values.split === 'tuning' ? splitCategory(inCategory, 600, 300).unsampled : heldOutOfCategory(inCategory);
  sample.push(
    ...spreadEvenly(
      pool.filter((article) => !labelled.has(article.id)),
      count,
    ),
  );
}

// A fixed shuffle (by a hash of each id and the split), so the packet is the same on every run.
const order = (id: string) => [...`${values.split}:${id}`].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);
sample.sort((a, b) => order(a.id) - order(b.id));

mkdirSync(values.out, { recursive: true });
const keyOf = (index: number) => `K${String(index + 1).padStart(3, '0')}`;
const packet = sample.map((article, index) => `## ${keyOf(index)}\n\n# ${article.title}\n\n${article.text.slice(0, 1200)}\n`).join('\n');
writeFileSync(join(values.out, 'packet.md'), packet);
writeFileSync(join(values.out, 'key-to-id.json'), JSON.stringify(Object.fromEntries(sample.map((article, index) => [keyOf(index), article.id])), null, 1));
console.log(`${sample.length} articles → ${join(values.out, 'packet.md')} (key to ids beside it)`);
