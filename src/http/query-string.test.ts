import { describe, expect, it } from 'vitest';
import { findMalformedParameter } from './query-string.js';

describe('findMalformedParameter', () => {
  it.each([
    ['q=%D8%A8%D9%84%D9%8A%D9%86%D9%83%D9%86&size=2', undefined],
    ['q=a+b&topic=diplomacy&topic=sport', undefined],
    ['q=%D8%A8%0A%D9%84', undefined], // a line break separates words: allowed
    ['', undefined],
    ['q=%ED%A0%80', 'q'], // a lone surrogate is no UTF-8
    ['size=2&q=%E2%82', 'q'], // a cut sequence
    ['q=%ZZ', 'q'],
    ['q=%D8%A8%00%D9%84', 'q'], // NUL splits a word
    ['region=x%1F', 'region'],
    ['=%%', '(no name)'], // a value without a name: no parameter a route reads
    ['q=x&=1', '(no name)'],
    ['&&q=x&', undefined], // empty pairs are nothing
    ['=&q=x', undefined],
  ])('%s → %s', (raw, field) => {
    expect(findMalformedParameter(raw)?.field).toBe(field);
  });
});
