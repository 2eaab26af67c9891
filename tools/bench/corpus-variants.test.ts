import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../src/ingest/source-records.js';
import { corpusVariants, varyArticle, type CorpusArticle } from './corpus-variants.js';

const ARTICLES: CorpusArticle[] = [
  {
    id: 'AL-politics-1-20180218',
    url: 'http://example.org/a1',
    title: 'وزير الخارجية الجزائري يلتقي نظيره المغربي في الرباط',
    published: 'Sun, 18 Feb 2018 21:35:43 +0400',
    text: 'التقى وزير الخارجية الجزائري نظيره المغربي. وبحث الجانبان العلاقات الثنائية. واتفقا على لقاء آخر.\nوقال الوزير إن المحادثات كانت مثمرة. وأضاف أن البلدين يتطلعان إلى التعاون.\nوتأتي الزيارة بعد قطيعة طويلة.',
  },
  {
    id: 'AL-sport-2-20180217',
    url: 'http://example.org/a2',
    title: 'المنتخب المصري يفوز على تونس في مباراة ودية',
    published: 'Sat, 17 Feb 2018 10:00:00 +0400',
    text: 'فاز المنتخب المصري لكرة القدم على نظيره التونسي. وسجل محمد صلاح هدفين.\nوقال المدرب إن الفريق جاهز لكأس العالم.',
  },
  {
    id: 'AL-economy-3-20180216',
    title: 'ارتفاع أسعار النفط',
    published: '2018-02-16T08:00:00Z',
    text: 'ارتفعت أسعار النفط اليوم.',
  },
];

const records = (): AsyncIterable<SourceRecord> =>
  (async function* () {
    for (const [i, value] of ARTICLES.entries()) yield { kind: 'json', file: 'ant.ndjson', line: i + 1, value } as SourceRecord;
  })();

async function collect(factor: number, seed: string): Promise<CorpusArticle[]> {
  const out: CorpusArticle[] = [];
  for await (const record of corpusVariants(records, factor, seed)) if (record.kind === 'json') out.push(record.value as CorpusArticle);
  return out;
}

/** What makes two articles duplicates to a reader: the same title, text and date, whatever the id. */
const contentHash = (a: CorpusArticle) =>
  createHash('sha1')
    .update(JSON.stringify([a.title, a.text, a.published]))
    .digest('hex');
const words = (text: string) => text.split(/[\s.!?؟]+/).filter(Boolean);

describe('corpusVariants', () => {
  it('gives the corpus as it is, then factor − 1 copies of each article', async () => {
    const out = await collect(4, 'scale');
    expect(out).toHaveLength(ARTICLES.length * 4);
    expect(out.slice(0, ARTICLES.length)).toEqual(ARTICLES);
  });

  it('gives every article a distinct id and distinct content', async () => {
    const out = await collect(10, 'scale');
    expect(new Set(out.map((a) => a.id)).size).toBe(out.length);
    expect(new Set(out.map(contentHash)).size).toBe(out.length);
  });

  it('gives the same output for the same seed, and another for another seed', async () => {
    expect(await collect(4, 'scale')).toEqual(await collect(4, 'scale'));
    expect((await collect(4, 'other')).map(contentHash)).not.toEqual((await collect(4, 'scale')).map(contentHash));
  });
});

describe('varyArticle', () => {
  const [article] = ARTICLES as [CorpusArticle];
  const variant = varyArticle(article, 3, 'scale', 'المنتخب المصري يفوز على تونس في مباراة ودية');

  it('keeps to the words of the corpus: no word is made up', () => {
    const known = new Set([...words(article.text), ...words(article.title), ...words(ARTICLES[1]!.title)]);
    expect(words(variant.text).every((word) => known.has(word))).toBe(true);
    expect(words(variant.title).every((word) => known.has(word))).toBe(true);
    expect(variant.text).not.toBe(article.text);
  });

  it('takes the first half of its title and the second half of the donor', () => {
    expect(variant.title).toBe('وزير الخارجية الجزائري يلتقي تونس في مباراة ودية');
  });

  it('moves the date back by copy × 61 days and less than 61 more, and the ids and urls along', () => {
    const days = (Date.parse(article.published!) - Date.parse(variant.published!)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3 * 61);
    expect(days).toBeLessThan(4 * 61);
    expect(variant.id).toBe('AL-politics-1-20180218.v3');
    expect(variant.url).toBe('http://example.org/a1#v3');
  });
});
