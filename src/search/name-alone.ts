import type { Taxonomy } from '../classify/taxonomy.js';
import type { NameAlone } from './build-search-body.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';
import { splitExclusions } from './excluded-terms.js';
import { listedMultiwordNames, nameSpellingKey } from './understand-query.js';

interface NameRead {
  name: NameAlone;
  /** The text searched: as typed, but a Latin spelling as the name's Arabic alone (hamas: حماس). */
  q: string;
}

interface ListedName {
  name: NameAlone;
  /** The Arabic written alone, for a Latin spelling; none for an Arabic name, searched as typed. */
  arabic?: string;
}

/** Per taxonomy: each name a query alone means (see NamedEntity.readAlone), by its words' key. */
const namesByKey = new WeakMap<Taxonomy, Map<string, ListedName>>();

/** The conjunction and preposition a name alone may carry (وحماس, لحماس); بحماس is "with enthusiasm" first. */
const NAME_CLITICS = /^(?:و|ل|ول)(?=\p{Script=Arabic}{3})/u;

/**
 * The person or organization `q` is the name of, where `q` is nothing but a name that is also a
 * common word (حماس, "enthusiasm"), one of its Latin spellings (Hamas, Fatah) or its label (حركة حماس), and the taxonomy
 * reads it alone as the name (`namesReadAlone`): with or without words left out (حماس -غزة), punctuation or a hashtag's sign around it
 * (#حماس, حماس؟), or و or ل before it; or a query holding one Latin spelling of such a place among
 * other words (attack Mali). A quoted text asks for the word as written, so it is left a word.
 */
export function nameAloneIn(q: string, taxonomy: Taxonomy): NameRead | undefined {
  const { text } = splitExclusions(q);
  if (/["«»“”]/u.test(text)) return undefined;
  const typed = text.trim().replace(EDGE_PUNCTUATION, '');
  const names = listedNames(taxonomy);
  const listed = names.get(nameSpellingKey(typed)) ?? names.get(nameSpellingKey(typed.replace(NAME_CLITICS, '')));
  if (listed) return { name: listed.name, q: listed.arabic ? q.replace(typed, listed.arabic) : q };
  // Among other words, a place's Latin spelling means it as surely (attack Mali: the country, not مالي,
  // "financial"): its articles alone, the words searched as typed. One such place; two are left words.
  // A movement's Latin spellings need no more: they search only its longer Arabic forms (حركة حماس).
  const latinNames = typed
    .split(/\s+/u)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter((word) => /^\p{Script=Latin}+$/u.test(word))
    .flatMap((word) => names.get(nameSpellingKey(word)) ?? [])
    .filter((listed) => listed.name.facet === 'regions_mentioned');
  return latinNames.length === 1 && typed.includes(' ') ? { name: latinNames[0]!.name, q } : undefined;
}

function listedNames(taxonomy: Taxonomy): Map<string, ListedName> {
  let names = namesByKey.get(taxonomy);
  if (names) return names;
  names = new Map();
  for (const facet of ['people', 'organizations'] as const) {
    for (const entity of taxonomy[facet]) {
      const readAlone = entity.readAlone;
      if (!readAlone) continue;
      const name = { facet, value: entity.slug };
      if (readAlone.arabicAlone) names.set(nameSpellingKey(readAlone.searchedAs), { name });
      // The Latin spellings of the lists search only its longer Arabic forms (حركة حماس), which fewer articles write;
      // so did its label typed whole, the facet's own name for it (233 articles against the 334 tagged).
      const fullNames = [...entity.terms.filter((t) => !/\p{Script=Arabic}/u.test(t)), ...(entity.labels.ar.includes(' ') ? [entity.labels.ar] : [])];
      for (const term of fullNames) names.set(nameSpellingKey(term), { name, arabic: readAlone.searchedAs });
    }
  }
  for (const region of taxonomy.regions) {
    if (!region.readAlone) continue;
    const name = { facet: 'regions_mentioned' as const, value: region.slug };
    if (region.readAlone.arabicAlone) names.set(nameSpellingKey(region.readAlone.searchedAs), { name });
    for (const term of region.readAlone.latin ?? region.terms.filter((t) => !/\p{Script=Arabic}/u.test(t)))
      names.set(nameSpellingKey(term), { name, arabic: region.readAlone.searchedAs });
  }
  namesByKey.set(taxonomy, names);
  return names;
}

/** Per taxonomy: each person and organization by the key of each of its spellings of two words or more; null where two share one. */
const fullNamesByKey = new WeakMap<Taxonomy, Map<string, NameAlone | null>>();

/**
 * The people and organizations whose full name `text` writes, a listed spelling of two words or more
 * (Chuck Schumer, تشاك شومر): the reader means that one, whoever else the synonyms' shorter spellings find.
 */
export function taggedNamesIn(text: string, taxonomy: Taxonomy): NameAlone[] {
  const names = fullNamesOf(taxonomy);
  const found = new Map<string, NameAlone>();
  for (const run of listedMultiwordNames(text, names)) {
    const name = names.get(nameSpellingKey(run));
    if (name) found.set(`${name.facet}:${name.value}`, name);
  }
  return [...found.values()];
}

function fullNamesOf(taxonomy: Taxonomy): Map<string, NameAlone | null> {
  let names = fullNamesByKey.get(taxonomy);
  if (names) return names;
  names = new Map();
  for (const facet of ['people', 'organizations'] as const)
    for (const entity of taxonomy[facet])
      for (const term of entity.terms) {
        const key = nameSpellingKey(term);
        if (!key.includes(' ')) continue;
        const held = names.get(key);
        names.set(key, held === undefined || (held && held.facet === facet && held.value === entity.slug) ? { facet, value: entity.slug } : null);
      }
  fullNamesByKey.set(taxonomy, names);
  return names;
}
