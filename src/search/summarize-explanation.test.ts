import { describe, expect, it } from 'vitest';
import { summarizeExplanation } from './summarize-explanation.js';

describe('summarizeExplanation', () => {
  it('lists the scored field/term pairs, largest first', () => {
    const explanation = {
      value: 7.5,
      description: 'sum of:',
      details: [
        {
          value: 5,
          description: 'max plus 0.3 times others of:',
          details: [
            {
              value: 4,
              description: 'weight(title.exact:بلينكن in 3) [PerFieldSimilarity], result of:',
              details: [{ value: 4, description: 'score(freq=1.0)' }],
            },
            { value: 1, description: 'weight(Synonym(body:بلينكن body:بلينكين) in 3) [PerFieldSimilarity], result of:' },
          ],
        },
        { value: 2.5, description: 'weight(body.exact:"انتوني بلينكن" in 3) [PerFieldSimilarity], result of:' },
      ],
    };
    expect(summarizeExplanation(explanation)).toEqual({
      score: 7.5,
      matches: [
        { field: 'title.exact', term: 'بلينكن', score: 4 },
        { field: 'body.exact', term: 'انتوني بلينكن', score: 2.5 },
        { field: 'body', term: 'بلينكن | بلينكين', score: 1 },
      ],
    });
  });
});
