import type { SearchEngine } from '../engine/search-engine.js';
import { escapeHtml } from '../escape-html.js';
import type { StoredArticle } from '../index/stored-article.js';
import { buildSpellingCheckBody, buildTitleSuggestBody, readSurfaceForm, suggestText } from './build-suggest-body.js';
import { foldForSuggest } from './suggest-entities.js';

export interface TitleSuggestion {
  id: string;
  title: string;
  /** The title with the words that begin with what was typed in <mark>, HTML-escaped. */
  titleHighlighted: string;
}

/** Titles completing the text, the same title once (several sources often run one story). */
export async function suggestTitles(engine: SearchEngine, alias: string, text: string, size: number): Promise<TitleSuggestion[]> {
  const result = await engine.search<Pick<StoredArticle, 'id' | 'title'>>(alias, buildTitleSuggestBody(text, size * 2));
  const seen = new Set<string>();
  return result.hits
    .filter((hit) => {
      const key = foldForSuggest(hit.source.title);
      return !seen.has(key) && seen.add(key);
    })
    .slice(0, size)
    .map((hit) => ({ id: hit.id, title: hit.source.title, titleHighlighted: markTypedWords(hit.source.title, text) }));
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
