import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { PROJECT_ROOT } from '../project-root.js';
import { nameAloneIn } from './name-alone.js';

const taxonomy = loadTaxonomy(PROJECT_ROOT);

describe('nameAloneIn', () => {
  it('reads حماس alone, with spaces around it, and its Latin spellings in any case, as Hamas, searched as حماس', () => {
    for (const q of ['حماس', ' حماس ', 'hamas', 'Hamas', 'HAMAS'])
      expect(nameAloneIn(q, taxonomy), q).toEqual({ name: { facet: 'organizations', value: 'hamas' }, q: 'حماس' });
  });

  it('leaves a quoted name, a name among other words, and a name the taxonomy does not read alone as words', () => {
    for (const q of ['"حماس"', '«حماس»', 'حماس الجماهير', 'بحماس', 'أنصار الله', 'المجلس الرئاسي', 'hamas leaders', 'houthis'])
      expect(nameAloneIn(q, taxonomy), q).toBeUndefined();
  });
});
