import { foldArabic, normalizeArabicWord } from '../analysis/arabic-rules.js';

/** A facet value as value search sees it: its labels and the terms that signal it. */
export interface SearchableValue {
  value: string;
  labels: { ar: string; en: string };
  terms: string[];
}

/** Folds as the index does, and drops the article (المغرب → مغرب), so a reader's prefix meets any spelling. */
function foldWords(text: string): string[] {
  return normalizedWords(text).map((word) => word.replace(/^(و?ال)(?=\p{Script=Arabic}{2})/u, ''));
}

function normalizedWords(text: string): string[] {
  return foldArabic(text)
    .split(/[\s\-'’.,()]+/u)
    .filter(Boolean)
    .map((word) => normalizeArabicWord(word));
}

/**
 * The values whose Arabic or English label, or one of whose terms, has a word sequence starting
 * with the query's words (`مال` finds مالي, ماليزيا and مالطا; `mal` too; `الصين` finds China).
 * A value the query names whole comes first; then those more served articles carry (`articles`, when counted: `US` is the United States
 * before the US Virgin Islands); then values matched on a label, then on a term; shorter labels first.
 */
export function searchFacetValues<T extends SearchableValue>(values: T[], query: string, articles: (value: string) => number = () => 0): T[] {
  const wanted = foldWords(query).join(' ');
  if (!wanted) return values;
  // As typed too, article and all: a word being typed may stop at its article or just after it (الو, الولايات ال).
  const typed = normalizedWords(query).join(' ');
  const matches = (text: string) => ` ${foldWords(text).join(' ')}`.includes(` ${wanted}`) || ` ${normalizedWords(text).join(' ')}`.includes(` ${typed}`);
  const rank = (entry: T) => (matches(entry.labels.ar) || matches(entry.labels.en) || matches(entry.value) ? 0 : entry.terms.some(matches) ? 1 : 2);
  // The value a whole name names (UK, أمريكا) before those a longer name begins with (Ukraine, أمريكا الشمالية).
  const named = (entry: T) => [entry.labels.ar, entry.labels.en, ...entry.terms].some((text) => foldWords(text).join(' ') === wanted);
  return values
    .map((entry) => ({ entry, rank: rank(entry), named: named(entry) }))
    .filter(({ rank }) => rank < 2)
    .sort(
      (a, b) =>
        Number(b.named) - Number(a.named) ||
        articles(b.entry.value) - articles(a.entry.value) ||
        a.rank - b.rank ||
        a.entry.labels.ar.length - b.entry.labels.ar.length,
    )
    .map(({ entry }) => entry);
}
