import { describe, expect, it } from 'vitest';
import { parseListText } from '../data/data-files.js';
import { normalizedWordsOf } from './in-process-analyzer.js';
import {
  foldArabic,
  monthSynonymRules,
  monthTableSchema,
  normalizeArabicWord,
  presentationFormMappings,
  demonymFormsOf,
  protectedNameRules,
  singleWordArabicTerms,
  withoutContainedAlternatives,
} from './arabic-rules.js';

describe('list files', () => {
  it('skip comments and blank lines', () => {
    expect(parseListText('# people\n\nبلينكن, blinken\n  # indented comment\nx, y  \n')).toEqual(['بلينكن, blinken', 'x, y']);
  });

  it('yield their single-word Arabic names only', () => {
    expect(singleWordArabicTerms(['بلينكن, blinken, أنتوني بلينكن', 'a => مالي'])).toEqual(['بلينكن', 'مالي']);
  });
});

describe('protectedNameRules', () => {
  it('maps clitic forms to the name, merging ل with the article', () => {
    expect(protectedNameRules(['مالي', 'الجزائر'], ['و', 'ل'])).toEqual(['مالي, ومالي, لمالي => مالي', 'الجزاءر, والجزاءر, للجزاءر => جزاءر']);
  });

  it('normalizes names and drops too-short or non-Arabic ones', () => {
    expect(protectedNameRules(['أوباما', 'مع', 'Obama'], [])).toEqual(['اوباما => اوباما']);
  });

  it("makes a country's demonym forms the country, after the names, which keep their own token", () => {
    const rules = protectedNameRules(['ليبيا', 'ليبي'], ['و'], ['ليبيا']);
    expect(rules).toContain('ليبي, وليبي => ليبي');
    expect(rules.find((rule) => rule.endsWith('=> ليبيا'))).toContain('والليبيين');
  });

  it('reads a word listed as `word => other` as the other, keeping its article out of the name', () => {
    expect(protectedNameRules(['حماسة', 'الحماس => حماسة', 'حماس'], ['و'])).toEqual(['حماسه, وحماسه, الحماس, والحماس => حماسه', 'حماس, وحماس => حماس']);
  });

  it('keeps the article of a name listed as itself (`الإخوان => الإخوان`), whose bare form the stemmer reaches from other words', () => {
    // إخواني ("my brothers") stems to اخوان: the movement keeps a token of its own.
    expect(protectedNameRules(['الإخوان => الإخوان'], ['ل'])).toEqual(['الاخوان, للاخوان => الاخوان']);
  });

  it('makes plural demonyms of another pattern the country, with their clitics, after names', () => {
    const rules = protectedNameRules(['روسيا', 'تركي'], ['و', 'ل'], [], { روسيا: ['الروس'], تركيا: ['الأتراك', 'تركي'] });
    expect(rules).toContain('روسيا, وروسيا, لروسيا, الروس, والروس, للروس => روسيا');
    expect(rules).toContain('الاتراك, والاتراك, للاتراك => تركيا');
    expect(rules).toContain('تركي, وتركي, لتركي => تركي');
  });
});

describe('demonymFormsOf', () => {
  it('gives the demonym of a country the stemmer cannot reach it from, with and without the article', () => {
    expect(demonymFormsOf('ليبيا')).toEqual(['ليبي', 'الليبي', 'ليبيه', 'الليبيه', 'ليبيون', 'الليبيون', 'ليبيين', 'الليبيين', 'ليبيات', 'الليبيات']);
    expect(demonymFormsOf('فرنسا')).toContain('الفرنسي');
    expect(demonymFormsOf('السعوديه')).toContain('السعودي');
  });

  it('gives none where the stemmer reaches the name (الجزائري → جزاءر) or the name only begins as the article does', () => {
    expect(demonymFormsOf('الجزاءر')).toEqual([]);
    expect(demonymFormsOf('النمسا')).toEqual([]);
  });
});

describe('withoutContainedAlternatives', () => {
  it('drops an alternative holding another word for word, and keeps every form as a trigger', () => {
    expect(withoutContainedAlternatives('الولايات المتحدة, الولايات المتحدة الأمريكية, أمريكا', normalizedWordsOf)).toBe(
      'الولايات المتحدة, الولايات المتحدة الأمريكية, أمريكا => الولايات المتحدة, أمريكا',
    );
    expect(withoutContainedAlternatives('hariri, saad hariri => سعد الحريري, hariri, saad hariri', normalizedWordsOf)).toBe(
      'hariri, saad hariri => سعد الحريري, hariri',
    );
    // Spelled apart after normalization only (أ and ا fold together): still held.
    expect(withoutContainedAlternatives('امريكا, أمريكا الشمالية', normalizedWordsOf)).toBe('امريكا, أمريكا الشمالية => امريكا');
    // Split as the tokenizer splits: el-sisi is the words el and sisi.
    expect(withoutContainedAlternatives('sisi, el-sisi => السيسي, sisi, el-sisi', normalizedWordsOf)).toBe('sisi, el-sisi => السيسي, sisi');
  });

  it('leaves a rule alone when no alternative holds another whole', () => {
    for (const rule of ['بلينكن, بلينكين, blinken', 'عبد الله, عبدالله', 'assad => بشار الأسد, نظام الأسد, assad']) {
      expect(withoutContainedAlternatives(rule, normalizedWordsOf)).toBe(rule);
    }
  });
});

describe('monthSynonymRules', () => {
  const families = [
    { '1': ['يناير'], '8': ['أغسطس'] },
    { '1': ['January', 'Jan'], '8': ['آب'] },
  ];
  it('joins the families month by month, keeping ambiguous names only in "شهر …"', () => {
    const rules = monthSynonymRules(families, { آب: 'father' }, { Jan: 'too short' });
    expect(rules[0]).toBe('يناير, january');
    expect(rules[7]).toBe('أغسطس, شهر آب');
    expect(rules).toHaveLength(12);
  });
});

describe('presentationFormMappings', () => {
  it('maps presentation forms to letters as Unicode NFKC does', () => {
    const rules = presentationFormMappings();
    expect(rules).toContain('\\uFE8D=>\\u0627'); // ﺍ isolated alef
    expect(rules).toContain('\\uFEFB=>\\u0644\\u0627'); // ﻻ lam-alef ligature
    expect(rules.length).toBeGreaterThan(500);
  });
});

describe('normalizeArabicWord', () => {
  it('normalizes like the engine folds letters', () => {
    expect(normalizeArabicWord('الأميركيّة')).toBe('الامريكيه');
  });
});

describe('the month table', () => {
  const twelve = (name: string) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), [`${name}${i + 1}`]]));
  it('refuses a family without a month, and a name given two months', () => {
    const { '5': _may, ...eleven } = twelve('m');
    expect(monthTableSchema.safeParse({ description: 'x', a: eleven }).success).toBe(false);
    expect(monthTableSchema.safeParse({ description: 'x', a: twelve('m'), b: { ...twelve('n'), '2': ['m1'] } }).success).toBe(false);
    expect(monthTableSchema.safeParse({ description: 'x', a: twelve('m'), b: twelve('n') }).success).toBe(true);
    expect(foldArabic('أبريل')).toBe('ابريل');
  });
});
