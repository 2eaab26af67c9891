import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { PROJECT_ROOT } from '../project-root.js';
import { nameAloneIn } from './name-alone.js';

const taxonomy = loadTaxonomy(PROJECT_ROOT);

describe('nameAloneIn', () => {
  it('reads حماس alone, with spaces around it, as Hamas', () => {
    for (const q of ['حماس', ' حماس ']) expect(nameAloneIn(q, taxonomy), q).toEqual({ facet: 'organizations', value: 'hamas' });
  });

  it('leaves a quoted name, a name among other words, and a name the taxonomy does not read alone as words', () => {
    for (const q of ['"حماس"', '«حماس»', 'حماس الجماهير', 'بحماس', 'أنصار الله', 'المجلس الرئاسي']) expect(nameAloneIn(q, taxonomy), q).toBeUndefined();
  });
});
