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

/** A text as matching reads it: folded without its articles, and folded as typed, each after a space. */
interface ReadText {
  folded: string;
  typed: string;
}

function read(text: string): ReadText {
  return { folded: ` ${foldWords(text).join(' ')}`, typed: ` ${normalizedWords(text).join(' ')}` };
}

/**
 * One facet's values, their names read once (a facet holds thousands of names and value search is
 * typed a letter at a time). `search` finds the values whose Arabic or English label, or one of
 * whose terms, has a word sequence starting with the query's words (`مال` finds مالي, ماليزيا and
 * مالطا; `mal` too; `الصين` finds China).
 */
export class FacetValueIndex<T extends SearchableValue> {
  private readonly entries: { entry: T; labels: ReadText[]; terms: ReadText[]; wholeNames: Set<string> }[];
  private readonly byValue: ReadonlyMap<string, T>;

  constructor(private readonly values: T[]) {
    this.entries = values.map((entry) => {
      const labels = [entry.labels.ar, entry.labels.en, entry.value].map(read);
      const terms = entry.terms.map(read);
      const wholeNames = new Set([labels[0]!, labels[1]!, ...terms].map((text) => text.folded.slice(1)));
      return { entry, labels, terms, wholeNames };
    });
    this.byValue = new Map(values.map((entry) => [entry.value, entry]));
  }

  /** The value of that slug, as read. */
  get(value: string): T | undefined {
    return this.byValue.get(value);
  }

  /**
   * Nothing typed: every value, by articles. A value the query names whole comes first; then those more served articles carry (`articles`,
   * when counted: `US` is the United States before the US Virgin Islands); then values matched on
   * a label, then on a term; shorter labels first.
   */
  search(query: string, articles: (value: string) => number = () => 0): T[] {
    const wanted = foldWords(query).join(' ');
    // Nothing typed: every value, those more articles carry first (a stable sort keeps the taxonomy's order among equals).
    if (!wanted) return [...this.values].sort((a, b) => articles(b.value) - articles(a.value));
    // As typed too, article and all: a word being typed may stop at its article or just after it (الو, الولايات ال).
    const typed = normalizedWords(query).join(' ');
    const matches = (text: ReadText) => text.folded.includes(` ${wanted}`) || text.typed.includes(` ${typed}`);
    return this.entries
      .map(({ entry, labels, terms, wholeNames }) => ({
        entry,
        rank: labels.some(matches) ? 0 : terms.some(matches) ? 1 : 2,
        // The value a whole name names (UK, أمريكا) before those a longer name begins with (Ukraine, أمريكا الشمالية).
        named: wholeNames.has(wanted),
      }))
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
}
