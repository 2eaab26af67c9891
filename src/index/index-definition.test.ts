import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import {
  loadIndexDefinition,
  monthSynonymRules,
  normalizeArabicWord,
  parseListFile,
  presentationFormMappings,
  protectedNameRules,
  singleWordArabicTerms,
} from './index-definition.js';

describe('list files', () => {
  it('skip comments and blank lines', () => {
    expect(parseListFile('# people\n\nبلينكن, blinken\n  # indented comment\nx, y  \n')).toEqual(['بلينكن, blinken', 'x, y']);
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
});

describe('monthSynonymRules', () => {
  const table = {
    description: 'test',
    a: { '1': ['يناير'], '8': ['أغسطس'] },
    b: { '1': ['January', 'Jan'], '8': ['آب'] },
  };
  it('joins the families month by month, keeping ambiguous names only in "شهر …"', () => {
    const rules = monthSynonymRules(table, { آب: 'father' }, { Jan: 'too short' });
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

describe('loadIndexDefinition', () => {
  it('inlines every list and names the version by a digest of the whole definition', () => {
    const definition = loadIndexDefinition(PROJECT_ROOT);
    const analysis = definition.settings.analysis as { filter: Record<string, { synonyms?: string[]; rules?: string[] }> };
    expect(analysis.filter.arabic_synonyms?.synonyms).toEqual(expect.arrayContaining([expect.stringContaining('blinken')]));
    expect(analysis.filter.protected_names?.rules).toEqual(expect.arrayContaining([expect.stringMatching(/ => مالي$/)]));
    expect(definition.digest).toMatch(/^[0-9a-f]{10}$/);
    expect(definition.mappings).toMatchObject({ _meta: { definition: definition.digest } });
  });

  it('normalizes like the engine folds letters', () => {
    expect(normalizeArabicWord('الأميركيّة')).toBe('الامريكيه');
  });
});
