import { describe, expect, it } from 'vitest';
import { analyzeFilterPath, engineErrorFromResponse, toAnalyzedTokens, toBulkResult, toSearchResult } from './engine-responses.js';

describe('engineErrorFromResponse', () => {
  it('maps status and error type to the engine-neutral kinds, keeping the root cause', () => {
    const missing = engineErrorFromResponse(
      404,
      { error: { root_cause: [{ type: 'index_not_found_exception', reason: 'no such index [x]' }], type: 'index_not_found_exception' } },
      'fallback',
    );
    expect(missing).toMatchObject({ kind: 'index_missing', message: 'no such index [x]', engineType: 'index_not_found_exception', statusCode: 404 });
    expect(engineErrorFromResponse(404, { found: false }, 'Not Found')).toMatchObject({ kind: 'not_found', message: 'Not Found' });
    expect(engineErrorFromResponse(503, {}, 'x').kind).toBe('unavailable');
    expect(engineErrorFromResponse(504, {}, 'x').kind).toBe('timeout');
    expect(engineErrorFromResponse(400, { error: { type: 'parsing_exception', reason: 'unknown query [nope]' } }, 'x')).toMatchObject({
      kind: 'rejected',
      engineType: 'parsing_exception',
      message: 'unknown query [nope]',
    });
  });

  it('reads the plain-text error of a route the node does not have', () => {
    expect(engineErrorFromResponse(400, { error: 'no handler found for uri [/_reindex]' }, 'x')).toMatchObject({
      kind: 'rejected',
      message: 'no handler found for uri [/_reindex]',
    });
  });
});

describe('toBulkResult', () => {
  it('counts created, updated and unchanged, and lists each refused document', () => {
    const result = toBulkResult([
      { index: { _id: 'a', result: 'created' } },
      { index: { _id: 'b', result: 'updated' } },
      { update: { _id: 'c', result: 'noop' } },
      { index: { _id: 'd', error: { type: 'document_parsing_exception', reason: 'bad date' } } },
    ]);
    expect(result).toEqual({ created: 1, updated: 1, unchanged: 1, failures: [{ id: 'd', type: 'document_parsing_exception', reason: 'bad date' }] });
  });
});

describe('toSearchResult', () => {
  it('reads totals in both shapes, and a sorted hit has no score', () => {
    const hits = { hits: [{ _id: 'x', _score: null, _source: { t: 1 } }] };
    expect(toSearchResult({ took: 3, hits: { total: { value: 12, relation: 'eq' }, ...hits } })).toMatchObject({
      total: 12,
      tookMs: 3,
      hits: [{ id: 'x', score: null, source: { t: 1 }, highlight: {} }],
      aggregations: {},
    });
    expect(toSearchResult({ took: 1, hits: { total: 5, hits: [] } }).total).toBe(5);
  });
});

describe('toAnalyzedTokens', () => {
  const response = { tokens: [{ token: 'nato', start_offset: 15, end_offset: 19, type: '<ALPHANUM>', position: 2 }] };

  it('reads every token field by default', () => {
    expect(toAnalyzedTokens(response)).toEqual([{ token: 'nato', start: 15, end: 19, type: '<ALPHANUM>', position: 2 }]);
  });

  it('reads only the fields asked for, which analyzeFilterPath asks the engine for', () => {
    expect(analyzeFilterPath(['token', 'start', 'position'])).toBe('tokens.token,tokens.start_offset,tokens.position');
    expect(toAnalyzedTokens({ tokens: [{ token: 'nato', start_offset: 15, position: 2 }] }, ['token', 'start', 'position'])).toEqual([
      { token: 'nato', start: 15, position: 2 },
    ]);
  });

  it('reads an answer without tokens (text of stopwords only, or filtered to nothing) as none', () => {
    expect(toAnalyzedTokens({}, ['token'])).toEqual([]);
  });
});
