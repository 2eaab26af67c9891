import { describe, expect, it } from 'vitest';
import type { FieldTerms } from '../engine/search-engine.js';
import { feedbackProbeBody, selectFeedbackTerms } from './query-feedback.js';

const terms = (entries: [string, number, number][]) => new Map(entries.map(([term, frequency, documentFrequency]) => [term, { frequency, documentFrequency }]));

describe('selectFeedbackTerms', () => {
  const fieldTerms: FieldTerms = {
    documentCount: 100,
    documents: new Map([
      [
        'd1',
        terms([
          ['سد', 2, 3],
          ['نهر', 1, 4],
          ['قال', 1, 50],
        ]),
      ],
      [
        'd2',
        terms([
          ['سد', 1, 3],
          ['اثيوبي', 3, 2],
        ]),
      ],
    ]),
  };

  it('weighs each term by its frequency over the length of each document, times the document’s share of the scores (RM3)', () => {
    // Shares 0.75 and 0.25; سد 0.75 × 2/4 + 0.25 × 1/4 = 0.4375, نهر 0.75 × 1/4 = 0.1875, اثيوبي 0.25 × 3/4 = 0.1875.
    const ranked = [
      { id: 'd1', score: 3 },
      { id: 'gone', score: 5 }, // no terms read: not counted in the shares either
      { id: 'd2', score: 1 },
    ];
    expect(selectFeedbackTerms(ranked, fieldTerms, 3)).toEqual([
      { term: 'سد', weight: 0.4375 / 0.8125 },
      { term: 'اثيوبي', weight: 0.1875 / 0.8125 }, // ties by term, so the choice is stable
      { term: 'نهر', weight: 0.1875 / 0.8125 },
    ]);
    expect(selectFeedbackTerms(ranked, fieldTerms, 1)).toEqual([{ term: 'سد', weight: 1 }]);
  });

  it('leaves out terms held by more than a tenth of the documents, one-letter terms, and documents without a score', () => {
    const chosen = selectFeedbackTerms(
      [
        { id: 'd1', score: 2 },
        { id: 'd2', score: null },
        { id: 'd3', score: 1 },
      ],
      { ...fieldTerms, documents: new Map([...fieldTerms.documents, ['d3', terms([['x', 9, 1]])]]) },
      10,
    );
    expect(chosen.map((t) => t.term)).toEqual(['سد', 'نهر']);
    expect(selectFeedbackTerms([], fieldTerms, 10)).toEqual([]);
  });
});

describe('feedbackProbeBody', () => {
  it('asks only the top ids and scores, under the same query and facet selections', () => {
    const query = { match: { body: 'سد' } };
    const postFilter = { bool: { filter: [{ terms: { topics: ['economy'] } }] } };
    expect(feedbackProbeBody({ query, post_filter: postFilter, aggs: {}, highlight: {}, size: 10 }, 5)).toEqual({
      query,
      post_filter: postFilter,
      size: 5,
      _source: false,
      track_total_hits: false,
    });
    expect(feedbackProbeBody({ query, size: 10 }, 3)).toEqual({ query, size: 3, _source: false, track_total_hits: false });
  });
});
