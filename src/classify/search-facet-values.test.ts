import { describe, expect, it } from 'vitest';
import { FacetValueIndex } from './search-facet-values.js';

const value = (slug: string, ar: string, en: string, terms: string[] = []) => ({ value: slug, labels: { ar, en }, terms: [ar, en, ...terms] });
const values = [
  value('mali', 'مالي', 'Mali'),
  value('malaysia', 'ماليزيا', 'Malaysia'),
  value('malta', 'مالطا', 'Malta'),
  value('somalia', 'الصومال', 'Somalia'),
  value('morocco', 'المغرب', 'Morocco', ['المملكة المغربية']),
  value('united-arab-emirates', 'الإمارات', 'United Arab Emirates', ['أبوظبي']),
];
const found = (query: string) => new FacetValueIndex(values).search(query).map((v) => v.value);

describe('FacetValueIndex', () => {
  it('matches a prefix of an Arabic label word, folded as the index folds', () => {
    expect(found('مال')).toEqual(['mali', 'malta', 'malaysia']);
    expect(found('الامارات')).toEqual(['united-arab-emirates']);
    expect(found('مغرب')).toEqual(['morocco']);
  });

  it('matches Latin labels in any case, and terms after labels', () => {
    expect(found('MAL')).toEqual(['mali', 'malta', 'malaysia']);
    expect(found('arab')).toEqual(['united-arab-emirates']);
    expect(found('المملكة')).toEqual(['morocco']);
  });

  it('puts the values more articles carry first, whatever matched', () => {
    const carried = new Map([
      ['united-arab-emirates', 900],
      ['malta', 3],
    ]);
    expect(new FacetValueIndex(values).search('ma', (slug) => carried.get(slug) ?? 0).map((v) => v.value)).toEqual(['malta', 'mali', 'malaysia']);
    expect(new FacetValueIndex(values).search('ا', (slug) => carried.get(slug) ?? 0)[0]!.value).toBe('united-arab-emirates');
  });

  it('reads the last word as one being typed: its article, or the article alone, does not stop the list', () => {
    expect(found('الم')).toEqual(['morocco']);
    expect(found('الص')).toEqual(['somalia']);
    expect(found('المملكة ا')).toEqual(['morocco']);
    expect(found('المملكة الم')).toEqual(['morocco']);
    expect(found('الإ')).toEqual(['united-arab-emirates']);
  });

  it('puts the value a whole name names before those a longer name begins with, however many articles they carry', () => {
    const regions = [value('ukraine', 'أوكرانيا', 'Ukraine'), value('united-kingdom', 'المملكة المتحدة', 'United Kingdom', ['UK'])];
    const carried = new Map([['ukraine', 900]]);
    expect(new FacetValueIndex(regions).search('uk', (slug) => carried.get(slug) ?? 0).map((v) => v.value)).toEqual(['united-kingdom', 'ukraine']);
    expect(new FacetValueIndex(regions).search('ukr', (slug) => carried.get(slug) ?? 0).map((v) => v.value)).toEqual(['ukraine']);
  });

  it('gives every value for an empty query, those more articles carry first, and none for an unknown word', () => {
    expect(found('')).toHaveLength(values.length);
    const carried = new Map([
      ['morocco', 40],
      ['malta', 3],
    ]);
    const listed = new FacetValueIndex(values).search('', (slug) => carried.get(slug) ?? 0).map((v) => v.value);
    expect(listed).toEqual(['morocco', 'malta', 'mali', 'malaysia', 'somalia', 'united-arab-emirates']);
    expect(found('أطلانتس')).toEqual([]);
  });
});
