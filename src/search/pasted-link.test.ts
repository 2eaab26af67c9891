import { describe, expect, it } from 'vitest';
import { linkFormsOf } from './pasted-link.js';

describe('linkFormsOf', () => {
  it('reads one link, and nothing else, as a link', () => {
    for (const text of ['ترامب', 'bbc.com', 'https://', 'see https://www.bbc.com/arabic', 'https://www.bbc.com/a b', 'ftp://example.com/x', 'www.', 'wwwx'])
      expect(linkFormsOf(text), text).toBeUndefined();
    expect(linkFormsOf('  https://www.bbc.com/arabic  ')).toBeDefined();
    expect(linkFormsOf('www.bbc.com/arabic')).toBeDefined();
    // A host and a path as an address bar shows them, without a scheme; a host alone, or a word with a slash, is text.
    expect(linkFormsOf('arabic.cnn.com/middle-east/2018/05/10/israel-bahrain-iran')).toContain(
      'https://arabic.cnn.com/middle-east/2018/05/10/israel-bahrain-iran',
    );
    for (const text of ['bbc.com/', 'و/أو', 'covid-19/2020', '1.5/2'] as const) expect(linkFormsOf(text), text).toBeUndefined();
  });

  it('covers the forms a browser copies and a feed stores: scheme, www., encoding, trailing slash, query', () => {
    const stored = 'http://www.france24.com/ar/20180515-غزة-إسرائيل';
    const pasted = 'https://france24.com/ar/20180515-%D8%BA%D8%B2%D8%A9-%D8%A5%D8%B3%D8%B1%D8%A7%D8%A6%D9%8A%D9%84/?utm_source=x#comments';
    const forms = linkFormsOf(pasted)!;
    expect(forms).toContain(stored);
    expect(forms).toContain('https://www.france24.com/ar/20180515-%D8%BA%D8%B2%D8%A9-%D8%A5%D8%B3%D8%B1%D8%A7%D8%A6%D9%8A%D9%84');
    expect(forms).toContain('https://france24.com/ar/20180515-غزة-إسرائيل/?utm_source=x');
    expect(forms.every((form) => !form.includes('#'))).toBe(true);
    expect(forms).toHaveLength(32);
    // And the other way round: a stored encoded link from its letters as typed.
    expect(linkFormsOf(stored)).toContain('https://www.france24.com/ar/20180515-%D8%BA%D8%B2%D8%A9-%D8%A5%D8%B3%D8%B1%D8%A7%D8%A6%D9%8A%D9%84');
  });

  it('keeps a path that does not decode as it is, and an outlet’s home page whole', () => {
    expect(linkFormsOf('https://example.com/100%-sure')).toContain('https://example.com/100%-sure');
    expect(linkFormsOf('https://www.alarabiya.net')).toEqual(
      expect.arrayContaining(['https://www.alarabiya.net/', 'http://alarabiya.net', 'https://alarabiya.net/']),
    );
  });

  it('refuses a link carrying credentials', () => {
    expect(linkFormsOf('https://user:secret@example.com/a')).toBeUndefined();
  });
});
