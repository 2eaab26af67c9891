import { namesOf, type NamedEntity, type Taxonomy } from '../classify/taxonomy.js';
import { normalizeArabicWord } from '../analysis/arabic-rules.js';
import { lettersAndDigits } from '../analysis/letters-and-digits.js';
import { toAsciiDigits } from '../ingest/article-dates.js';
import { editDistance } from './understand-query.js';
import { MIN_SLIPPED_LETTERS } from './build-suggest-body.js';

/** The facets whose values are suggested by name: people, places and organizations. */
export type EntityFacet = 'people' | 'regions' | 'organizations';

export interface EntitySuggestion {
  facet: EntityFacet;
  /** The facet value (slug) to filter on. */
  value: string;
  label: { ar: string; en: string };
  /** The spelling the typed text matched, as written in the taxonomy. */
  matched: string;
}

interface Entry {
  facet: EntityFacet;
  value: string;
  label: { ar: string; en: string };
  spelling: string;
  /** The spelling folded, and again without the article on each word, space-led for word-start tests. */
  forms: string[];
}

/**
 * Folds text for prefix matching as the index folds it (alef forms, teh marbuta, alef maksura,
 * diacritics, case), Latin accents dropped, anything not a letter or digit a single space.
 */
export function foldForSuggest(text: string): string {
  // Digits as the index reads them: ١٢ is 12.
  return lettersAndDigits(toAsciiDigits(normalizeArabicWord(text)).normalize('NFKD'));
}

/** `الجزائر` is also typed `جزائر`: each word also without its article. */
function withoutArticle(folded: string): string {
  return folded
    .split(' ')
    .map((word) => (word.startsWith('ال') && word.length >= 4 ? word.slice(2) : word))
    .join(' ');
}

/**
 * Names of the taxonomy's people, places and organizations that begin with what is typed, in any
 * spelling the taxonomy knows (Arabic or Latin script), matched in process. Made once per taxonomy.
 */
export class EntitySuggester {
  private readonly entries: Entry[];

  /** `cliticPrefixes`: what a sentence joins to a name (و, ب, ل …), taken off when nothing matches as typed. */
  constructor(
    taxonomy: Taxonomy,
    private readonly cliticPrefixes: readonly string[] = [],
  ) {
    const named = (entity: NamedEntity) => ({ ...entity, terms: namesOf(entity) });
    const sources: [EntityFacet, { slug: string; labels: { ar: string; en: string }; terms: string[] }[]][] = [
      ['people', taxonomy.people.map(named)],
      ['regions', taxonomy.regions],
      ['organizations', taxonomy.organizations.map(named)],
    ];
    this.entries = sources.flatMap(([facet, entities]) =>
      entities.flatMap((entity) =>
        [...new Set([entity.labels.ar, entity.labels.en, ...entity.terms])].map((spelling) => {
          const folded = foldForSuggest(spelling);
          return { facet, value: entity.slug, label: entity.labels, spelling, forms: [...new Set([folded, withoutArticle(folded)])].map((f) => ` ${f}`) };
        }),
      ),
    );
  }

  /**
   * At most `size` entities, those the text names whole first, then those whose name begins with it,
   * then those with a word that does; within each, the ones more articles carry first (`articles`, by `facet:value`), then
   * the shorter names: ماك is Macron before Macao. Where the counts are known, one no article carries
   * is not offered: picked, it would find nothing (a later year's minister, on 2018's news).
   */
  suggest(text: string, size: number, articles: ReadonlyMap<string, number> = new Map(), { slipped = false } = {}): EntitySuggestion[] {
    const typed = foldForSuggest(text);
    if ([...typed].length < 2) return [];
    // ماكرن, بوتبن: a word one slip from a name's beginning, its first letter as typed (asked where nothing begins with the text).
    if (slipped) return [...typed].length >= MIN_SLIPPED_LETTERS && !typed.includes(' ') ? this.beginningWith(typed, size, articles, { slipped }) : [];
    const found = this.beginningWith(typed, size, articles);
    if (found.length > 0) return found;
    // وأردو, للجزا: the name after a clitic, the longest clitic first.
    for (const rest of withoutClitic(typed, this.cliticPrefixes)) {
      const behindClitic = this.beginningWith(rest, size, articles);
      if (behindClitic.length > 0) return behindClitic;
    }
    return [];
  }

  private beginningWith(typed: string, size: number, articles: ReadonlyMap<string, number>, { slipped = false } = {}): EntitySuggestion[] {
    const best = new Map<string, { entry: Entry; rank: number }>();
    for (const entry of this.entries) {
      const key = `${entry.facet}:${entry.value}`;
      if (articles.size > 0 && !articles.get(key)) continue;
      const rank = slipped ? slippedRank(entry.forms, typed) : rankAsTyped(entry.forms, typed);
      if (rank < 0) continue;
      const seen = best.get(key);
      if (!seen || rank < seen.rank || (rank === seen.rank && entry.spelling.length < seen.entry.spelling.length)) best.set(key, { entry, rank });
    }
    return [...best.values()]
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          (articles.get(`${b.entry.facet}:${b.entry.value}`) ?? 0) - (articles.get(`${a.entry.facet}:${a.entry.value}`) ?? 0) ||
          a.entry.spelling.length - b.entry.spelling.length,
      )
      .slice(0, size)
      .map(({ entry }) => ({ facet: entry.facet, value: entry.value, label: entry.label, matched: entry.spelling }));
  }
}

/** A name typed whole (أمريكا: the United States, 0) before the longer names it begins (أمريكا الشمالية, 1), then those with a later word that does (2); -1 for none. */
function rankAsTyped(forms: string[], typed: string): number {
  if (forms.includes(` ${typed}`)) return 0;
  if (forms.some((form) => form.startsWith(` ${typed}`))) return 1;
  return forms.some((form) => form.includes(` ${typed}`)) ? 2 : -1;
}

/** After every name begun as typed (3): one with a word `typed` begins but for one slip; -1 for none. */
function slippedRank(forms: string[], typed: string): number {
  return forms.some((form) => form.split(' ').some((word) => beginsOneSlipAway(word, typed))) ? 3 : -1;
}

/** Whether `word` begins with `typed` but for one slip (a letter wrong, missing, added or two swapped), the first letter as typed. */
function beginsOneSlipAway(word: string, typed: string): boolean {
  if (word[0] !== typed[0]) return false;
  // The beginning as long as the text typed, a letter shorter (one added) or a letter longer (one left out).
  return [-1, 0, 1].some((extra) => typed.length + extra <= word.length && editDistance(word.slice(0, typed.length + extra), typed, 1) <= 1);
}

/** The text without each clitic it may begin with, longest first: للجزائر is ل + الجزائر, لليبيا ل + ليبيا. */
function withoutClitic(typed: string, cliticPrefixes: readonly string[]): string[] {
  return [...cliticPrefixes]
    .sort((a, b) => b.length - a.length)
    .filter((prefix) => typed.startsWith(prefix))
    .flatMap((prefix) => {
      const rest = typed.slice(prefix.length);
      return prefix.endsWith('ل') && rest.startsWith('ل') ? [`ا${rest}`, rest] : [rest];
    })
    .filter((rest) => [...rest].length >= 2);
}
