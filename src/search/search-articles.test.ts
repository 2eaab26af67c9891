import { describe, expect, it } from 'vitest';
import { foldedSpellings } from './search-articles.js';

describe('foldedSpellings', () => {
  it('gives the spellings the index folds together: ة/ه and ى/ي at the end, the alef at the start', () => {
    expect(foldedSpellings('الدوحه')).toEqual(['الدوحه', 'الدوحة']);
    expect(foldedSpellings('السيسى')).toEqual(['السيسي', 'السيسى']);
    expect(foldedSpellings('الامارات')).toEqual(['الامارات', 'الأمارات', 'الإمارات', 'الآمارات']);
    expect(foldedSpellings('بايدن')).toEqual(['بايدن']);
  });
});
