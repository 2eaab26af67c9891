import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import type { Taxonomy } from '../classify/taxonomy.js';
import type { NameAlone } from './build-search-body.js';

/** Per taxonomy: each name a query alone means (see queryAloneNamesIt), by its words' key. */
const namesByKey = new WeakMap<Taxonomy, Map<string, NameAlone>>();

/**
 * The person or organization `q` is the name of, where `q` is nothing but a name that is also a
 * common word (حماس, "enthusiasm") and the taxonomy reads it alone as the name. A quoted text asks
 * for the word as written, so it is left a word.
 */
export function nameAloneIn(q: string, taxonomy: Taxonomy): NameAlone | undefined {
  if (/["«»“”]/u.test(q)) return undefined;
  let names = namesByKey.get(taxonomy);
  if (!names) {
    names = new Map();
    for (const facet of ['people', 'organizations'] as const) {
      for (const entity of taxonomy[facet]) {
        if (!entity.namedInContext?.queryAloneNamesIt) continue;
        for (const term of entity.namedInContext.terms) names.set(wordsKey(term), { facet, value: entity.slug });
      }
    }
    namesByKey.set(taxonomy, names);
  }
  return names.get(wordsKey(q));
}

function wordsKey(text: string): string {
  return text.trim().split(/\s+/u).map(normalizeArabicWord).join(' ');
}
