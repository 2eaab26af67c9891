import { describe, expect, it } from 'vitest';
import { buildTitleSuggestBody, readSpelling, readSurfaceForm, respellsName, SUGGEST_MAX_WORDS, suggestText } from './build-suggest-body.js';
import { markTypedWords } from './suggest.js';

describe('suggestion bodies', () => {
  it('search the last words typed, each once, as query strings only', () => {
    const typed = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(suggestText(typed).split(' ')).toHaveLength(SUGGEST_MAX_WORDS);
    expect(suggestText('وزير وزير الخار')).toBe('وزير الخار');
    const body = buildTitleSuggestBody('{"match_all":{}} بلين', 5);
    expect(body.query).toEqual({ match: { 'title.prefix': { query: '{"match_all":{}} بلين', operator: 'and' } } });
    expect(body.rescore).toEqual({
      window_size: 15,
      query: { rescore_query: { match: { 'title.exact': { query: '{"match_all":{}} بلين', analyzer: 'arabic_exact' } } } },
    });
  });

  it('read the respelling and the words an article writes it with', () => {
    expect(readSpelling({ spelling: [{ options: [{ text: 'الجزاءر' }] }] })).toBe('الجزاءر');
    expect(readSpelling({ spelling: [{ options: [] }] })).toBeUndefined();
    const text = 'مع <mark>الولايات</mark> قال <mark>الولايات</mark> <mark>المتحدة</mark> و';
    expect(readSurfaceForm({ 'body.exact': [text] }, 2)).toBe('الولايات المتحدة');
    expect(readSurfaceForm({ 'body.exact': ['<mark>a</mark> x <mark>b</mark>'] }, 2)).toBeUndefined();
    expect(readSurfaceForm({ 'body.exact': ['عن #<mark>الولايات_المتحدة</mark> اليوم'] }, 1)).toBe('الولايات المتحدة');
  });
});

describe('respellings of known names', () => {
  const nameWords = new Set(['رمطان', 'لعمامره', 'blinken']);

  it('are refused when they change a word of a listed name, as typed with any alef, taa marbuta or punctuation', () => {
    expect(respellsName('رمطان لعمامرة', 'رمضان لمعامله', nameWords)).toBe(true);
    expect(respellsName('«رمطان» وزير', 'رمضان وزير', nameWords)).toBe(true);
    expect(respellsName('Blinken', 'blinkin', nameWords)).toBe(true);
  });

  it('are kept when every listed name stays as typed', () => {
    expect(respellsName('رمطان لعمامرة الجزاير', 'رمطان لعمامره الجزاءر', nameWords)).toBe(false);
    expect(respellsName('الجزاير', 'الجزاءر', nameWords)).toBe(false);
  });
});

describe('marking the typed words in a title', () => {
  it('marks each word begun by a typed word, whatever its alef or hamza, and escapes the rest', () => {
    expect(markTypedWords('لقاء أنطوني بلينكين <مع> الجزائريين', 'انطوني بلين الجزائ')).toBe(
      'لقاء <mark>أنطوني</mark> <mark>بلينكين</mark> &#60;مع&#62; <mark>الجزائريين</mark>',
    );
  });
});
