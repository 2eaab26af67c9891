import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import type { Taxonomy } from '../classify/taxonomy.js';
import type { NameAlone } from './build-search-body.js';

interface NameRead {
  name: NameAlone;
  /** The text searched: the name as Arabic writes it alone, for a Latin spelling (hamas: حماس). */
  q: string;
}

/** Per taxonomy: each name a query alone means (see queryAloneNamesIt), by its words' key. */
const namesByKey = new WeakMap<Taxonomy, Map<string, NameRead>>();

/**
 * The person or organization `q` is the name of, where `q` is nothing but a name that is also a
 * common word (حماس, "enthusiasm"), or one of its Latin spellings, and the taxonomy reads it alone as
 * the name. A quoted text asks for the word as written, so it is left a word.
 */
export function nameAloneIn(q: string, taxonomy: Taxonomy): NameRead | undefined {
  if (/["«»“”]/u.test(q)) return undefined;
  let names = namesByKey.get(taxonomy);
  if (!names) {
    names = new Map();
    for (const facet of ['people', 'organizations'] as const) {
      for (const entity of taxonomy[facet]) {
        const inContext = entity.namedInContext;
        if (!inContext?.queryAloneNamesIt) continue;
        const name = { facet, value: entity.slug };
        for (const term of inContext.terms) names.set(wordsKey(term), { name, q: term });
        // The Latin spellings of the lists search only its longer Arabic forms (حركة حماس), which fewer articles write.
        for (const term of entity.terms.filter((t) => !/\p{Script=Arabic}/u.test(t))) names.set(wordsKey(term), { name, q: inContext.terms[0]! });
      }
    }
    namesByKey.set(taxonomy, names);
  }
  return names.get(wordsKey(q));
}

function wordsKey(text: string): string {
  return text.trim().toLowerCase().split(/\s+/u).map(normalizeArabicWord).join(' ');
}
