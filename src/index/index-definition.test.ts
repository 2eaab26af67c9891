import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { loadIndexDefinition, wordFormRules } from './index-definition.js';

describe('loadIndexDefinition', () => {
  it('inlines every list and names the version by a digest of the whole definition', () => {
    const definition = loadIndexDefinition(PROJECT_ROOT);
    const analysis = definition.settings.analysis as { filter: Record<string, { synonyms?: string[]; rules?: string[] }> };
    expect(analysis.filter.arabic_synonyms?.synonyms).toEqual(expect.arrayContaining([expect.stringContaining('blinken')]));
    expect(analysis.filter.protected_names?.rules).toEqual(expect.arrayContaining([expect.stringMatching(/ => مالي$/)]));
    expect(analysis.filter.clitic_words?.rules).toContain('لكره, ولكره => كر');
    expect(analysis.filter.tanween_words?.rules).toContain('شخصا, وشخصا => شخص');
    expect(definition.digest).toMatch(/^[0-9a-f]{10}$/);
    expect(definition.mappings).toMatchObject({ _meta: { definition: definition.digest } });
  });
});

describe('wordFormRules', () => {
  it('reads a form and the form with و as the stem of its noun, normalized as the index normalizes', () => {
    expect(wordFormRules(['لكأس', 'بحقوقهم'], (form) => form.slice(1))).toEqual(['لكاس, ولكاس => كاس', 'بحقوقهم, وبحقوقهم => حقوقهم']);
    expect(wordFormRules(['رسميّاً'], (form) => form.slice(0, -1))).toEqual(['رسميا, ورسميا => رسم']);
  });
});
