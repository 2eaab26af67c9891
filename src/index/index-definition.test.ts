import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { loadIndexDefinition } from './index-definition.js';

describe('loadIndexDefinition', () => {
  it('inlines every list and names the version by a digest of the whole definition', () => {
    const definition = loadIndexDefinition(PROJECT_ROOT);
    const analysis = definition.settings.analysis as { filter: Record<string, { synonyms?: string[]; rules?: string[] }> };
    expect(analysis.filter.arabic_synonyms?.synonyms).toEqual(expect.arrayContaining([expect.stringContaining('blinken')]));
    expect(analysis.filter.protected_names?.rules).toEqual(expect.arrayContaining([expect.stringMatching(/ => مالي$/)]));
    expect(definition.digest).toMatch(/^[0-9a-f]{10}$/);
    expect(definition.mappings).toMatchObject({ _meta: { definition: definition.digest } });
  });
});
