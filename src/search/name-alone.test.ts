import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { PROJECT_ROOT } from '../project-root.js';
import { nameAloneIn, taggedNamesIn } from './name-alone.js';

const taxonomy = loadTaxonomy(PROJECT_ROOT);

describe('nameAloneIn', () => {
  const hamas = { facet: 'organizations', value: 'hamas' };

  it('reads حماس alone, with spaces around it, and its Latin spellings in any case and with any marks, as Hamas, searched as حماس', () => {
    for (const q of ['حماس', 'hamas', 'Hamas', 'HAMAS', 'Ḥamās', 'Hamâs']) expect(nameAloneIn(q, taxonomy), q).toEqual({ name: hamas, q: 'حماس' });
    expect(nameAloneIn(' حماس ', taxonomy)).toEqual({ name: hamas, q: ' حماس ' });
  });

  it('reads it so with words left out, punctuation or a hashtag sign around it, and و or ل before it, searched as typed', () => {
    for (const q of ['حماس -غزة', 'حماس NOT غزة', '-غزة حماس', 'حماس -"قطاع غزة"', '#حماس', 'حماس؟', 'وحماس', 'لحماس'])
      expect(nameAloneIn(q, taxonomy), q).toEqual({ name: hamas, q });
    expect(nameAloneIn('Hamas -Gaza', taxonomy)).toEqual({ name: hamas, q: 'حماس -Gaza' });
  });

  it("reads its label typed whole (حركة حماس, the facet's own name) as Hamas, searched as حماس", () => {
    for (const q of ['حركة حماس', 'حركة حماس؟']) expect(nameAloneIn(q, taxonomy), q).toEqual({ name: hamas, q: q.replace('حركة حماس', 'حماس') });
  });

  it('reads Fatah in Latin letters alone, or its label, as Fatah, searched as فتح, and leaves فتح ("opened") a word', () => {
    for (const q of ['Fatah', 'fatah', 'Fateh', 'حركة فتح'])
      expect(nameAloneIn(q, taxonomy), q).toEqual({ name: { facet: 'organizations', value: 'fatah' }, q: 'فتح' });
    expect(nameAloneIn('فتح', taxonomy)).toBeUndefined();
  });

  it('reads Kabila and Buhari in Latin letters as the presidents, and leaves كابيلا (a hotel) and بخاري (an imam) words', () => {
    expect(nameAloneIn('Kabila', taxonomy)).toEqual({ name: { facet: 'people', value: 'joseph-kabila' }, q: 'كابيلا' });
    expect(nameAloneIn('Buhari', taxonomy)).toEqual({ name: { facet: 'people', value: 'muhammadu-buhari' }, q: 'بخاري' });
    expect(nameAloneIn('كابيلا', taxonomy)).toBeUndefined();
    expect(nameAloneIn('بخاري', taxonomy)).toBeUndefined();
  });

  it('reads مالي alone, and Mali, as the country (مالي is also "financial"), and leaves دعم مالي words', () => {
    const mali = { facet: 'regions_mentioned', value: 'mali' };
    for (const q of ['مالي', 'Mali', '#مالي']) expect(nameAloneIn(q, taxonomy), q).toEqual({ name: mali, q: q === 'Mali' ? 'مالي' : q });
    expect(nameAloneIn('دعم مالي', taxonomy)).toBeUndefined();
  });

  it('leaves a quoted name, a name among other words, and a name the taxonomy does not read alone as words', () => {
    for (const q of ['"حماس"', '«حماس»', 'حماس الجماهير', 'بحماس', 'أنصار الله', 'المجلس الرئاسي', 'hamas leaders', 'houthis', '"حماس" -غزة', '"attack Mali"'])
      expect(nameAloneIn(q, taxonomy), q).toBeUndefined();
  });

  it('reads one Latin spelling of a place among other words as the place, the words searched as typed, and leaves two such places words', () => {
    expect(nameAloneIn('attack Mali', taxonomy)).toEqual({ name: { facet: 'regions_mentioned', value: 'mali' }, q: 'attack Mali' });
    expect(nameAloneIn('who is the president of Mali?', taxonomy)).toEqual({
      name: { facet: 'regions_mentioned', value: 'mali' },
      q: 'who is the president of Mali?',
    });
    expect(nameAloneIn('Mali Mali', taxonomy)).toBeUndefined();
  });
});

describe('taggedNamesIn', () => {
  const schumer = { facet: 'people', value: 'chuck-schumer' };

  it('finds a tagged person by a full name in either script, among other words, and no one by a surname alone', () => {
    for (const q of ['Chuck Schumer', 'chuck schumer', 'تشاك شومر', 'تصريحات تشاك شومر اليوم']) expect(taggedNamesIn(q, taxonomy), q).toEqual([schumer]);
    expect(taggedNamesIn('شومر', taxonomy)).toEqual([]);
    expect(taggedNamesIn('Schumer', taxonomy)).toEqual([]);
  });

  it('finds each full name once, people and organizations alike', () => {
    const found = taggedNamesIn('Chuck Schumer تشاك شومر صندوق النقد الدولي', taxonomy);
    expect(found).toEqual([schumer, { facet: 'organizations', value: 'international-monetary-fund' }]);
  });
});
