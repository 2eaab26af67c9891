import { describe, expect, it } from 'vitest';
import { MAX_ALTERNATIVES, QueryLogicError, splitAlternatives, TooManyAlternativesError } from './any-of-operator.js';

const names = new Set(['دونالد ترامب', 'جو بايدن', 'كوريا الشمالية', 'الأمم المتحدة']);
const isName = (words: string) => names.has(words);
const alternativesOf = (q: string) => splitAlternatives(q, isName)?.alternatives;

describe('OR in a query', () => {
  it('joins the word on each side of it; the other words belong to every alternative', () => {
    expect(alternativesOf('ترامب OR بايدن')).toEqual(['ترامب', 'بايدن']);
    expect(alternativesOf('ترامب OR بايدن كوريا')).toEqual(['ترامب كوريا', 'بايدن كوريا']);
    expect(alternativesOf('كوريا ترامب OR بايدن OR بوتين')).toEqual(['كوريا ترامب', 'كوريا بايدن', 'كوريا بوتين']);
    expect(alternativesOf('الجزائر OR المغرب فرنسا OR إسبانيا')).toEqual(['الجزائر فرنسا', 'الجزائر إسبانيا', 'المغرب فرنسا', 'المغرب إسبانيا']);
  });

  it('takes a listed name or a quoted phrase whole', () => {
    expect(alternativesOf('دونالد ترامب OR جو بايدن')).toEqual(['دونالد ترامب', 'جو بايدن']);
    expect(alternativesOf('كوريا الشمالية OR الأمم المتحدة عقوبات')).toEqual(['كوريا الشمالية عقوبات', 'الأمم المتحدة عقوبات']);
    expect(alternativesOf('"كأس العالم" OR «دوري الأبطال» ميسي')).toEqual(['"كأس العالم" ميسي', '«دوري الأبطال» ميسي']);
    // Words of no listed name are joined one by one.
    expect(alternativesOf('كرة القدم OR السلة')).toEqual(['كرة القدم', 'كرة السلة']);
  });

  it('reads words in parentheses as one side of OR, or as the alternatives of their own OR', () => {
    expect(alternativesOf('(ترامب OR بايدن) كوريا')).toEqual(['ترامب كوريا', 'بايدن كوريا']);
    expect(alternativesOf('(دونالد ترامب OR جو بايدن) AND كوريا')).toEqual(['دونالد ترامب كوريا', 'جو بايدن كوريا']);
    expect(alternativesOf('(كيم جونغ أون) OR ترامب قمة')).toEqual(['كيم جونغ أون قمة', 'ترامب قمة']);
    expect(alternativesOf('(ترامب OR بايدن) (كوريا OR الصين)')).toEqual(['ترامب كوريا', 'ترامب الصين', 'بايدن كوريا', 'بايدن الصين']);
    // Left out, each alternative is: neither Trump nor Biden; one of several words as a phrase.
    expect(alternativesOf('كوريا -(ترامب OR بايدن)')).toEqual(['كوريا -ترامب -بايدن']);
    expect(alternativesOf('كوريا NOT (جو بايدن OR "البيت الأبيض")')).toEqual(['كوريا -"جو بايدن" -"البيت الأبيض"']);
  });

  it('keeps words left out in every alternative', () => {
    expect(alternativesOf('ترامب OR بوتين -كوريا')).toEqual(['ترامب -كوريا', 'بوتين -كوريا']);
    expect(alternativesOf('ترامب OR بوتين NOT كوريا')).toEqual(['ترامب -كوريا', 'بوتين -كوريا']);
    // A minus standing alone leaves nothing out.
    expect(alternativesOf('ترامب OR بوتين - كوريا')).toEqual(['ترامب كوريا', 'بوتين كوريا']);
  });

  it('reads no operator in or in small letters, OR with nothing on one side, or OR inside quotes', () => {
    expect(alternativesOf('ترامب or بايدن')).toBeUndefined();
    expect(alternativesOf('OR ترامب')).toBeUndefined();
    expect(alternativesOf('ترامب OR')).toBeUndefined();
    expect(alternativesOf('"ترامب OR بايدن"')).toBeUndefined();
    expect(alternativesOf('ORACLE ترامب')).toBeUndefined();
    // Twice the same alternative is one.
    expect(alternativesOf('ترامب OR ترامب')).toBeUndefined();
    expect(alternativesOf('ترامب OR OR بايدن')).toEqual(['ترامب', 'بايدن']);
  });

  it('reads parentheses within parentheses, and a parenthesis left unmatched as none', () => {
    expect(alternativesOf('((ترامب OR بايدن) كوريا) OR الصين')).toEqual(['ترامب كوريا', 'بايدن كوريا', 'الصين']);
    expect(alternativesOf('(ترامب OR بايدن كوريا')).toEqual(['ترامب كوريا', 'بايدن كوريا']);
    expect(alternativesOf('ترامب) OR بايدن')).toEqual(['ترامب', 'بايدن']);
    expect(alternativesOf('("ترامب (الرئيس)" OR بايدن) كوريا')).toEqual(['"ترامب (الرئيس)" كوريا', 'بايدن كوريا']);
  });

  it('refuses a group left out that leaves out words itself, which no list of words left out says', () => {
    expect(() => alternativesOf('ترامب -(كوريا -الصين) OR بوتين')).toThrow(QueryLogicError);
    expect(() => alternativesOf('ترامب OR بوتين -(-كوريا)')).toThrow(QueryLogicError);
    expect(() => alternativesOf('ترامب OR بوتين NOT (كوريا NOT الصين)')).toThrow(QueryLogicError);
  });

  it('reads | and || as OR', () => {
    expect(alternativesOf('ترامب | بايدن')).toEqual(['ترامب', 'بايدن']);
    expect(alternativesOf('ترامب || بايدن كوريا')).toEqual(['ترامب كوريا', 'بايدن كوريا']);
  });

  it('writes what an article must hold once a word, however many alternatives it spells out', () => {
    expect(splitAlternatives('(ترامب OR بايدن) (كوريا OR الصين)', isName)?.required).toEqual([
      ['ترامب', 'بايدن'],
      ['كوريا', 'الصين'],
    ]);
    expect(splitAlternatives('((ترامب OR بايدن) كوريا) OR الصين', isName)?.required).toEqual([[[['ترامب', 'بايدن'], ['كوريا']], 'الصين']]);
  });

  it(`refuses more than ${MAX_ALTERNATIVES} alternatives, saying how many the text spells out`, () => {
    expect(() => alternativesOf('أ OR ب OR ج OR د OR ه OR و OR ز OR ح OR ط')).toThrow(TooManyAlternativesError);
    expect(() => alternativesOf('(أ OR ب OR ج) (ه OR و OR ز)')).toThrow(/at most 8 alternatives .*spells out 9/u);
    expect(alternativesOf('(أ OR ب) (ه OR و OR ز OR ح)')).toHaveLength(8);
  });
});
