import type { SearchEngine } from '../engine/search-engine.js';
import { escapeHtml } from '../escape-html.js';
import type { StoredArticle } from '../index/stored-article.js';
import { buildSpellingCheckBody, buildTitleSuggestBody, isLatinOnly, readSurfaceForm, suggestText } from './build-suggest-body.js';
import { foldForSuggest, type EntitySuggestion } from './suggest-entities.js';
import { NEWS_WORD_FREQUENCY, type EnglishWords, type NewsFrequency } from './english-words.js';
import type { SpokenFrequency } from './spoken-english.js';

export interface TitleSuggestion {
  id: string;
  title: string;
  /** The title with the words that begin with what was typed in <mark>, HTML-escaped. */
  titleHighlighted: string;
}

/**
 * Titles completing the text, the same title once (several sources often run one story); for Latin
 * text, also those holding `nameBegun`, the Arabic name of the entity its spelling begins.
 */
export async function suggestTitles(
  engine: SearchEngine,
  alias: string,
  text: string,
  size: number,
  nameBegun?: string,
  options: { slipped?: boolean } = {},
): Promise<TitleSuggestion[]> {
  const result = await engine.search<Pick<StoredArticle, 'id' | 'title'>>(alias, buildTitleSuggestBody(text, size * 2, nameBegun, options));
  const seen = new Set<string>();
  return result.hits
    .filter((hit) => {
      const key = foldForSuggest(hit.source.title);
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, size)
    .map((hit) => ({ id: hit.id, title: hit.source.title, titleHighlighted: hit.highlight?.title?.[0] ?? markTypedWords(hit.source.title, text) }));
}

/** The title HTML-escaped, each word that begins with a typed word (folded as the index folds) in <mark>. */
export function markTypedWords(title: string, typed: string): string {
  const beginnings = foldForSuggest(suggestText(typed)).split(' ').filter(Boolean);
  return (
    title
      // Words (letters, marks, digits) alternate with what lies between them, punctuation included.
      .split(/([\p{L}\p{M}\p{N}]+)/u)
      .map((part) => {
        const folded = foldForSuggest(part);
        const begun = folded !== '' && beginnings.some((beginning) => folded.startsWith(beginning));
        return begun ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
      })
      .join('')
  );
}

/** The engine's correction of `text` as articles write it, if it is one (differs from the text, and an article holds it). */
export async function confirmSpelling(engine: SearchEngine, alias: string, text: string, spelling: string | undefined): Promise<string | undefined> {
  if (!spelling || foldForSuggest(spelling) === foldForSuggest(text)) return undefined;
  const check = await engine.search(alias, buildSpellingCheckBody(spelling));
  if (check.hits.length === 0) return undefined;
  // Found no run of the words as written: the suggester's normalized letters (الجزاءر) are not offered.
  return readSurfaceForm(check.hits[0]!.highlight, spelling.split(' ').length);
}

const folded = new WeakMap<ReadonlyMap<string, string>, [string, string][]>();

/** The lists' Latin spellings folded as typed text is, once a list (some 900 of them, asked at each keystroke). */
function foldedOnce(arabicOfLatin: ReadonlyMap<string, string>): [string, string][] {
  let entries = folded.get(arabicOfLatin);
  if (!entries) folded.set(arabicOfLatin, (entries = [...arabicOfLatin].map(([latin, arabic]) => [foldForSuggest(latin), arabic])));
  return entries;
}

/** Letters of a Latin beginning below which no listed spelling is guessed: Id is too many names. */
const LISTED_BEGINNING_MIN_LETTERS = 3;

/**
 * The Arabic name a Latin text begins to spell, if any: the first suggested entity whose Latin
 * spelling begins with it (Tru: ترامب), as the lists write that spelling where they do, or else the
 * listed spelling beginning with it whose Arabic the corpus writes most (Idl: إدلب, Liverp: ليفربول).
 * `undefined` for text with Arabic in it.
 */
export function nameBegunInLatin(
  text: string,
  entities: readonly EntitySuggestion[],
  arabicOfLatin: ReadonlyMap<string, string>,
  newsFrequency: NewsFrequency,
): string | undefined {
  if (!isLatinOnly(text)) return undefined;
  const typed = foldForSuggest(text);
  const entity = entities.find((e) => isLatinOnly(e.matched) && foldForSuggest(e.matched).startsWith(typed));
  // Gaza is a spelling of Palestine's: titles write غزة, not فلسطين.
  if (entity) return arabicOfLatin.get(entity.matched.toLowerCase()) ?? entity.label.ar;
  if (typed.length < LISTED_BEGINNING_MIN_LETTERS) return undefined;
  let best: { arabic: string; frequency: number } | undefined;
  for (const [latin, arabic] of foldedOnce(arabicOfLatin)) {
    if (!latin.startsWith(typed)) continue;
    const written = newsFrequency(arabic);
    if (written > 0 && (!best || written > best.frequency)) best = { arabic, frequency: written };
  }
  return best?.arabic;
}

/** Completions of a Latin word begun, of each kind: the lists' spellings, and the dictionary's words. */
const COMPLETIONS_OF_A_KIND = 3;
/** Dictionary lines read for a beginning: "co" begins some 2,000 headwords. */
const DICTIONARY_LINES_READ = 3_000;
const LATIN_BEGINNING = /^[a-z]{2,}$/u;

/**
 * The likeliest words a last Latin word begun completes to (Khashoggi mur: murder; Trump ki: kim):
 * the lists' one-word spellings that begin with it, those whose Arabic the corpus writes most first,
 * then the dictionary's words, those both the news and spoken English use most first (the
 * dictionary's Arabic is often a looser word: primeness is الأول, as common as first). One word an
 * Arabic (liban, libnan: لبنان); no word the search drops (are); without the typed word itself.
 */
export function latinWordsBegun(
  begun: string,
  english: EnglishWords | undefined,
  arabicOfLatin: ReadonlyMap<string, string>,
  aids: { news: NewsFrequency; spoken: SpokenFrequency; dropped: ReadonlySet<string> },
): string[] {
  const beginning = begun.toLowerCase();
  if (!LATIN_BEGINNING.test(beginning)) return [];
  const completes = (word: string) => word.startsWith(beginning) && word !== beginning && !word.includes(' ') && !aids.dropped.has(word);
  const likeliest = (candidates: { word: string; arabic: string; likelihood: number }[]) => {
    const arabicSeen = new Set<string>();
    return candidates
      .filter(({ word, arabic, likelihood }) => completes(word) && likelihood > 0 && !arabicSeen.has(arabic) && arabicSeen.add(arabic))
      .slice(0, COMPLETIONS_OF_A_KIND)
      .map(({ word }) => word);
  };
  const byLikelihood = (a: { likelihood: number }, b: { likelihood: number }) => b.likelihood - a.likelihood;
  const listed = foldedOnce(arabicOfLatin)
    .filter(([latin]) => latin.startsWith(beginning))
    .map(([word, arabic]) => ({ word, arabic, likelihood: aids.news(arabic) }))
    .sort(byLikelihood);
  const inDictionary = (english?.wordsBeginning(beginning, DICTIONARY_LINES_READ) ?? [])
    .map(({ word, arabic }) => {
      const news = aids.news(arabic);
      return { word, arabic, likelihood: news >= NEWS_WORD_FREQUENCY ? news * aids.spoken(word) : 0 };
    })
    .sort(byLikelihood);
  return [...new Set([...likeliest(listed), ...likeliest(inDictionary)])];
}
