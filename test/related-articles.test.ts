import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RELATED } from '../src/search/related-articles.js';
import { indexStoredArticles, useSeededService } from './support/test-service.js';

// Three stories of made-up words, no seed's: "asked" shares 20 words with "close" and 6 with "far".
// Asked of its more-like-this, the 26 shared words are the telling ones (a word of one article tells
// nothing), and 30 % of them is 8: "far" (6) falls short of that share and clears the 10 % one.
const word = (n: number) => `zq${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}x`;
const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => word(from + i)).join(' ');
const stories = [
  { id: 'r-asked', title: `${word(0)} ${word(1)}`, body: `${words(0, 20)} ${words(20, 6)} ${words(100, 30)}`, topics: [], regions: [] },
  { id: 'r-close', title: `${word(0)} ${word(1)}`, body: `${words(0, 20)} ${words(200, 30)}`, topics: [], regions: [] },
  { id: 'r-far', title: word(20), body: `${words(20, 6)} ${words(300, 30)}`, topics: [], regions: [] },
  // The same outlet's second filing of r-close, stored as its copy.
  { id: 'r-close-copy', title: `${word(0)} ${word(1)}`, body: `${words(0, 20)} ${words(200, 30)}`, topics: [], regions: [], duplicate_of: 'r-close' },
  // One outlet's story, its own two other stories sharing 24 and 22 of its words, and another outlet's sharing 18.
  { id: 'o-asked', source: 'وكالة الشرق', title: word(400), body: `${words(400, 24)} ${words(500, 30)}`, topics: [], regions: [] },
  { id: 'o-same', source: 'وكالة الشرق', title: word(400), body: `${words(400, 24)} ${words(560, 30)}`, topics: [], regions: [] },
  { id: 'o-same-2', source: 'وكالة الشرق', title: word(400), body: `${words(400, 22)} ${words(680, 30)}`, topics: [], regions: [] },
  { id: 'o-other', source: 'وكالة الغرب', title: word(401), body: `${words(400, 18)} ${words(620, 30)}`, topics: [], regions: [] },
];

const service = useSeededService('related-articles');
beforeAll(() => indexStoredArticles(service.engine, service.alias, stories));

describe('related articles', () => {
  it('lists those sharing many of the telling words first, then, for a list not yet full, those sharing fewer', async () => {
    const response = await service.app.request('/articles/r-asked/related?size=5');
    const { related } = (await response.json()) as { related: { id: string }[] };
    expect(related.map((hit) => hit.id)).toEqual(['r-close', 'r-far']);
  });

  it("leaves out, for a story's copy, its original: the same story, not a related one", async () => {
    const response = await service.app.request('/articles/r-close-copy/related?size=5');
    const { related } = (await response.json()) as { related: { id: string }[] };
    expect(related.map((hit) => hit.id)).toEqual(['r-asked']);
  });

  it('asks no further when the list is full of the closest', async () => {
    const response = await service.app.request('/articles/r-asked/related?size=1');
    const { related } = (await response.json()) as { related: { id: string }[] };
    expect(related.map((hit) => hit.id)).toEqual(['r-close']);
  });

  it("lists another outlet's report before the article's own outlet's where it shares a good part of as many words", async () => {
    const response = await service.app.request('/articles/o-asked/related?size=5');
    const { related } = (await response.json()) as { related: { id: string }[] };
    expect(related.map((hit) => hit.id)).toEqual(['o-other', 'o-same', 'o-same-2']);
  });

  it("lists for a size the start of the longest list: a shorter list finds the other outlet below its own outlet's two", async () => {
    const listed = async (size: number) => {
      const response = await service.app.request(`/articles/o-asked/related?size=${size}`);
      return ((await response.json()) as { related: { id: string }[] }).related.map((hit) => hit.id);
    };
    const longest = await listed(MAX_RELATED);
    for (const size of [1, 2]) expect(await listed(size)).toEqual(longest.slice(0, size));
  });
});
