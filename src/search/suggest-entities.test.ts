import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { PROJECT_ROOT } from '../project-root.js';
import { readNameAnalysis } from '../index/index-definition.js';
import { EntitySuggester, foldForSuggest } from './suggest-entities.js';

const suggester = new EntitySuggester(loadTaxonomy(PROJECT_ROOT), readNameAnalysis(PROJECT_ROOT).cliticPrefixes);
const values = (text: string) => suggester.suggest(text, 5).map((s) => `${s.facet}:${s.value}`);

describe('entity suggestions', () => {
  it('fold the letters the index folds', () => {
    expect(foldForSuggest('أإآ ة ى')).toBe('ااا ه ي');
    expect(foldForSuggest('Élysée-Palace')).toBe('elysee palace');
  });

  it('find a person by the beginning of any spelling, Arabic or Latin', () => {
    expect(values('بلين')).toContain('people:antony-blinken');
    expect(values('blin')).toContain('people:antony-blinken');
    expect(values('انطوني')).toContain('people:antony-blinken');
  });

  it('offer Fatah, not Hamas, for فتح, though Hamas is tagged by فتح وحماس too', () => {
    expect(values('فتح')).toContain('organizations:fatah');
    expect(values('فتح')).not.toContain('organizations:hamas');
    expect(values('حماس')[0]).toBe('organizations:hamas');
  });

  it('find an organization by a name that tags it only in context (أنصار الله, حماس)', () => {
    expect(values('أنصار الله')).toContain('organizations:houthis');
    expect(suggester.suggest('حماس', 1)[0]).toMatchObject({ value: 'hamas', matched: 'حماس' });
  });

  it('find a place whatever hamza, teh marbuta or article the reader types', () => {
    expect(values('الجزائ')).toContain('regions:algeria');
    expect(values('شمال افري')).toContain('regions:north-africa');
    expect(values('الولايات المتحده')).toContain('regions:united-states');
    expect(values('جزائر')).toContain('regions:algeria');
  });

  it('put names that begin with the text before names with a later word that does', () => {
    const suggestions = suggester.suggest('بلينكن', 5);
    expect(suggestions[0]).toMatchObject({ facet: 'people', value: 'antony-blinken' });
  });

  it('put, among names that begin alike, the ones more articles carry first', () => {
    const bySpelling = suggester.suggest('ماك', 5).map((s) => s.value);
    expect(bySpelling.indexOf('macao')).toBeLessThan(bySpelling.indexOf('emmanuel-macron')); // shorter name first
    const byArticles = suggester
      .suggest(
        'ماك',
        5,
        new Map([
          ['people:emmanuel-macron', 1910],
          ['regions:macao', 3],
        ]),
      )
      .map((s) => s.value);
    expect(byArticles.indexOf('emmanuel-macron')).toBeLessThan(byArticles.indexOf('macao'));
  });

  it('offer no name that no article carries, where the counts are known', () => {
    const counted = new Map([['people:emmanuel-macron', 1910]]);
    expect(suggester.suggest('ماك', 5, counted).map((s) => s.value)).toEqual(['emmanuel-macron']);
    expect(suggester.suggest('ماك', 5).map((s) => s.value)).toContain('macao');
  });

  it('put a name typed whole before the longer names it begins, however many articles they carry', () => {
    const carried = new Map([
      ['regions:americas', 3017],
      ['regions:northern-america', 2994],
      ['regions:united-states', 2987],
    ]);
    expect(suggester.suggest('أمريكا', 5, carried)[0]).toMatchObject({ facet: 'regions', value: 'united-states' });
    expect(suggester.suggest('أمري', 5, carried)[0]).toMatchObject({ facet: 'regions', value: 'americas' });
  });

  it('find a name typed with a clitic joined to it when nothing begins with the text as typed', () => {
    expect(values('وأردو')).toContain('people:recep-tayyip-erdogan');
    expect(values('للجزا')).toContain('regions:algeria');
    expect(values('لليبي')).toContain('regions:libya');
    // A name that begins with a clitic's letter is found as typed, first.
    expect(values('بلينكن')[0]).toBe('people:antony-blinken');
  });

  it('find, asked so, a name typed one slip off: a letter wrong, added, left out or two swapped', () => {
    const slipped = (text: string) => suggester.suggest(text, 5, new Map(), { slipped: true }).map((s) => `${s.facet}:${s.value}`);
    // ماكرن is one slip from ماكرون and from ماكري (Macri): the name more articles carry first.
    const tagged = new Map([
      ['people:emmanuel-macron', 420],
      ['people:mauricio-macri', 14],
    ]);
    expect(suggester.suggest('ماكرن', 5, tagged, { slipped: true }).map((s) => s.value)).toEqual(['emmanuel-macron', 'mauricio-macri']);
    expect(slipped('بوتبن')[0]).toBe('people:vladimir-putin');
    expect(slipped('خاشجق')[0]).toBe('people:jamal-khashoggi');
    // Not its first letter, not under four letters; and unasked, no slip.
    expect(slipped('اوتين')).not.toContain('people:vladimir-putin');
    expect(slipped('ماك')).toEqual([]);
    expect(values('ماكرن')).toEqual([]);
  });

  it('suggest nothing for a single letter', () => {
    expect(suggester.suggest('ب', 5)).toEqual([]);
  });
});
