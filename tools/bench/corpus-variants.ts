import { createHash } from 'node:crypto';
import type { SourceRecord } from '../../src/ingest/source-records.js';

/** The fields of an ANT article a variant changes; the others are kept as they are. */
export interface CorpusArticle {
  id?: string;
  url?: string;
  title: string;
  text: string;
  published?: string;
  [field: string]: unknown;
}

/** Days each copy moves its articles back in time: copy k lands k windows earlier, somewhere in its window. */
const DAYS_PER_COPY = 61;

/**
 * Copy `copy` (1 and up) of an article: another id and url, its paragraphs in another order, a
 * sentence dropped and two swapped here and there, the first half of its title joined to the second
 * half of `donorTitle`, and its date moved back by copy × 61 days and some. Every word comes from the
 * corpus, so term statistics stay those of Arabic news; the text differs enough not to be a duplicate.
 * Pure: the same article, copy, seed and donor give the same variant.
 */
export function varyArticle(article: CorpusArticle, copy: number, seed: string, donorTitle?: string): CorpusArticle {
  const random = seededRandom(`${seed}:${article.id ?? article.url}:${copy}`);
  const paragraphs = article.text
    .split('\n')
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => varySentences(paragraph, random));
  shuffle(paragraphs, random);
  const variant: CorpusArticle = { ...article, title: mixTitles(article.title, donorTitle), text: paragraphs.join('\n') };
  if (article.id !== undefined) variant.id = `${article.id}.v${copy}`;
  if (article.url !== undefined) variant.url = `${article.url}#v${copy}`;
  const published = article.published ? Date.parse(article.published) : NaN;
  if (!Number.isNaN(published)) {
    const days = copy * DAYS_PER_COPY + Math.floor(random() * DAYS_PER_COPY);
    variant.published = new Date(published - days * 86_400_000).toISOString();
  }
  return variant;
}

/**
 * The corpus `factor` times: the records as they are, then copies 1 to factor − 1 of each article
 * (`varyArticle`), one pass over the source per copy. Each variant's title borrows from one of the
 * 64 articles read before it, picked by the seed. Records that are not articles are passed on once.
 */
export async function* corpusVariants(
  readRecords: () => AsyncIterable<SourceRecord> | Promise<AsyncIterable<SourceRecord>>,
  factor: number,
  seed: string,
): AsyncGenerator<SourceRecord> {
  for await (const record of await readRecords()) yield record;
  for (let copy = 1; copy < factor; copy++) {
    const recentTitles: string[] = [];
    const pick = seededRandom(`${seed}:titles:${copy}`);
    for await (const record of await readRecords()) {
      if (record.kind !== 'json' || !isCorpusArticle(record.value)) continue;
      const donor = recentTitles.length > 0 ? recentTitles[Math.floor(pick() * recentTitles.length)] : undefined;
      yield { ...record, file: `${record.file}#v${copy}`, value: varyArticle(record.value, copy, seed, donor) };
      recentTitles.push(record.value.title);
      if (recentTitles.length > 64) recentTitles.shift();
    }
  }
}

function isCorpusArticle(value: unknown): value is CorpusArticle {
  const article = value as Partial<CorpusArticle> | null;
  return typeof article?.title === 'string' && typeof article.text === 'string';
}

/** Half of one title's words, then the other half of the donor's: a headline of the same register. */
function mixTitles(title: string, donorTitle: string | undefined): string {
  if (!donorTitle) return title;
  const own = title.split(/\s+/).filter(Boolean);
  const donor = donorTitle.split(/\s+/).filter(Boolean);
  return [...own.slice(0, Math.ceil(own.length / 2)), ...donor.slice(Math.ceil(donor.length / 2))].join(' ');
}

/** A paragraph with, by chance, one sentence dropped (if it has three or more) and two neighbours swapped. */
function varySentences(paragraph: string, random: () => number): string {
  const sentences = paragraph.split(/(?<=[.!?؟])\s+/);
  if (sentences.length >= 3 && random() < 0.5) sentences.splice(Math.floor(random() * sentences.length), 1);
  if (sentences.length >= 2 && random() < 0.5) {
    const at = Math.floor(random() * (sentences.length - 1));
    [sentences[at], sentences[at + 1]] = [sentences[at + 1]!, sentences[at]!];
  }
  return sentences.join(' ');
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** A small generator of numbers in [0, 1) from a string (mulberry32 seeded by the string's SHA-1). */
function seededRandom(seed: string): () => number {
  let state = createHash('sha1').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
