import { describe, expect, it } from 'vitest';
import { MAX_ALTERNATIVES, splitAlternatives, TooManyAlternativesError } from './any-of-operator.js';

const names = new Set(['دونالد ترامب', 'جو بايدن', 'كوريا الشمالية', 'الأمم المتحدة']);
const isName = (words: string) => names.has(words);

describe('OR in a query', () => {
  it('joins the word on each side of it; the other words belong to every alternative', () => {
    expect(splitAlternatives('ترامب OR بايدن', isName)).toEqual(['ترامب', 'بايدن']);
    expect(splitAlternatives('ترامب OR بايدن كوريا', isName)).toEqual(['ترامب كوريا', 'بايدن كوريا']);
    expect(splitAlternatives('كوريا ترامب OR بايدن OR بوتين', isName)).toEqual(['كوريا ترامب', 'كوريا بايدن', 'كوريا بوتين']);
    expect(splitAlternatives('الجزائر OR المغرب فرنسا OR إسبانيا', isName)).toEqual(['الجزائر فرنسا', 'الجزائر إسبانيا', 'المغرب فرنسا', 'المغرب إسبانيا']);
  });

  it('takes a listed name or a quoted phrase whole', () => {
    expect(splitAlternatives('دونالد ترامب OR جو بايدن', isName)).toEqual(['دونالد ترامب', 'جو بايدن']);
    expect(splitAlternatives('كوريا الشمالية OR الأمم المتحدة عقوبات', isName)).toEqual(['كوريا الشمالية عقوبات', 'الأمم المتحدة عقوبات']);
    expect(splitAlternatives('"كأس العالم" OR «دوري الأبطال» ميسي', isName)).toEqual(['"كأس العالم" ميسي', '«دوري الأبطال» ميسي']);
    // Words of no listed name are joined one by one.
    expect(splitAlternatives('كرة القدم OR السلة', isName)).toEqual(['كرة القدم', 'كرة السلة']);
  });

  it('reads words in parentheses as one side of OR, or as the alternatives of their own OR', () => {
    expect(splitAlternatives('(ترامب OR بايدن) كوريا', isName)).toEqual(['ترامب كوريا', 'بايدن كوريا']);
    expect(splitAlternatives('(دونالد ترامب OR جو بايدن) AND كوريا', isName)).toEqual(['دونالد ترامب كوريا', 'جو بايدن كوريا']);
    expect(splitAlternatives('(كيم جونغ أون) OR ترامب قمة', isName)).toEqual(['كيم جونغ أون قمة', 'ترامب قمة']);
    expect(splitAlternatives('(ترامب OR بايدن) (كوريا OR الصين)', isName)).toEqual(['ترامب كوريا', 'ترامب الصين', 'بايدن كوريا', 'بايدن الصين']);
    // Left out, each alternative is: neither Trump nor Biden; one of several words as a phrase.
    expect(splitAlternatives('كوريا -(ترامب OR بايدن)', isName)).toEqual(['كوريا -ترامب -بايدن']);
    expect(splitAlternatives('كوريا NOT (جو بايدن OR "البيت الأبيض")', isName)).toEqual(['كوريا -"جو بايدن" -"البيت الأبيض"']);
  });

  it('keeps words left out in every alternative', () => {
    expect(splitAlternatives('ترامب OR بوتين -كوريا', isName)).toEqual(['ترامب -كوريا', 'بوتين -كوريا']);
    expect(splitAlternatives('ترامب OR بوتين NOT كوريا', isName)).toEqual(['ترامب NOT كوريا', 'بوتين NOT كوريا']);
  });

  it('reads no operator in or in small letters, OR with nothing on one side, or OR inside quotes', () => {
    expect(splitAlternatives('ترامب or بايدن', isName)).toBeUndefined();
    expect(splitAlternatives('OR ترامب', isName)).toBeUndefined();
    expect(splitAlternatives('ترامب OR', isName)).toBeUndefined();
    expect(splitAlternatives('"ترامب OR بايدن"', isName)).toBeUndefined();
    expect(splitAlternatives('ORACLE ترامب', isName)).toBeUndefined();
    // Twice the same alternative is one.
    expect(splitAlternatives('ترامب OR ترامب', isName)).toBeUndefined();
    expect(splitAlternatives('ترامب OR OR بايدن', isName)).toEqual(['ترامب', 'بايدن']);
  });

  it(`refuses more than ${MAX_ALTERNATIVES} alternatives, saying how many the text spells out`, () => {
    expect(() => splitAlternatives('أ OR ب OR ج OR د OR ه', isName)).toThrow(TooManyAlternativesError);
    expect(() => splitAlternatives('أ OR ب OR ج ه OR و', isName)).toThrow(/at most 4 alternatives .*spells out 6/u);
  });
});
