import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { cliticWordRules, loadIndexDefinition } from './index-definition.js';

describe('loadIndexDefinition', () => {
  it('inlines every list and names the version by a digest of the whole definition', () => {
    const definition = loadIndexDefinition(PROJECT_ROOT);
    const analysis = definition.settings.analysis as { filter: Record<string, { synonyms?: string[]; rules?: string[] }> };
    expect(analysis.filter.arabic_synonyms?.synonyms).toEqual(expect.arrayContaining([expect.stringContaining('blinken')]));
    expect(analysis.filter.protected_names?.rules).toEqual(expect.arrayContaining([expect.stringMatching(/ => مالي$/)]));
    expect(analysis.filter.clitic_words?.rules).toContain('لكره, ولكره => كر');
    expect(definition.digest).toMatch(/^[0-9a-f]{10}$/);
    expect(definition.mappings).toMatchObject({ _meta: { definition: definition.digest } });
  });
});

describe('cliticWordRules', () => {
  it('reads a word and its form with و as the stem of the noun after its clitic, normalized as the index normalizes', () => {
    expect(cliticWordRules(['لكأس', 'بحقوقهم'])).toEqual(['لكاس, ولكاس => كاس', 'بحقوقهم, وبحقوقهم => حقوقهم']);
  });
});
