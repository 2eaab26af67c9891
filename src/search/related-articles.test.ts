import { describe, expect, it } from 'vitest';
import { A_STORY_COPY } from '../index/stored-article.js';
import { OTHER_OUTLET_SHARE, otherOutletsFirst, RELATED_TERMS, relatedArticlesBody } from './related-articles.js';

describe('relatedArticlesBody', () => {
  it("asks for the articles like one's title and text, itself, every story copy and a copy's original left out", () => {
    const body = relatedArticlesBody('articles', 'a-1', 7);
    expect(body.size).toBe(7);
    const { must, must_not } = (body.query as { bool: { must: { more_like_this: Record<string, unknown> }[]; must_not: unknown[] } }).bool;
    expect(must[0]!.more_like_this).toMatchObject({
      fields: ['title', 'body'],
      like: [{ _id: 'a-1' }],
      max_query_terms: RELATED_TERMS.maxQueryTerms,
      min_doc_freq: RELATED_TERMS.minDocFreq,
      minimum_should_match: RELATED_TERMS.minimumShouldMatch,
    });
    expect(must_not).toEqual([A_STORY_COPY, { ids: { values: ['a-1'] } }, { terms: { id: { index: 'articles', id: 'a-1', path: 'duplicate_of' } } }]);
  });

  it('takes the terms it is given', () => {
    const body = relatedArticlesBody('articles', 'a-1', 5, { maxQueryTerms: 10, minDocFreq: 3, minimumShouldMatch: '20%' });
    const [clause] = (body.query as { bool: { must: { more_like_this: Record<string, unknown> }[] } }).bool.must;
    expect(clause!.more_like_this).toMatchObject({ max_query_terms: 10, min_doc_freq: 3, minimum_should_match: '20%' });
  });
});

describe('otherOutletsFirst', () => {
  const hit = (id: string, source: string, score: number) => ({ id, score, source: { source }, highlight: {} });
  it("puts other outlets' hits scoring a good share of the best first, each part in score order", () => {
    const low = OTHER_OUTLET_SHARE * 10 - 1;
    const hits = [hit('a1', 'A', 10), hit('a2', 'A', 8), hit('b1', 'B', 6), hit('b2', 'B', low)];
    expect(otherOutletsFirst(hits, 'A').map((h) => h.id)).toEqual(['b1', 'a1', 'a2', 'b2']);
    expect(otherOutletsFirst(hits, undefined).map((h) => h.id)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });
});
