import type { SearchEngine } from '../engine/search-engine.js';
import { escapeHtml } from '../escape-html.js';
import type { StoredArticle } from '../index/stored-article.js';
import { buildSpellingBody, buildSpellingCheckBody, buildTitleSuggestBody, readSpelling, readSurfaceForm } from './build-suggest-body.js';
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
    .map((hit) => ({ id: hit.id, title: hit.source.title, titleHighlighted: hit.highlight['title.prefix']?.[0] ?? escapeHtml(hit.source.title) }));
}

/**
 * The engine's likeliest respelling of the text from the index's own words, as an article writes
 * them, if it differs from the text and some article holds it as a phrase.
 */
export async function suggestSpelling(engine: SearchEngine, alias: string, text: string): Promise<string | undefined> {
  const spelling = readSpelling((await engine.search(alias, buildSpellingBody(text))).suggest);
  if (!spelling || foldForSuggest(spelling) === foldForSuggest(text)) return undefined;
  const check = await engine.search(alias, buildSpellingCheckBody(spelling));
  if (check.hits.length === 0) return undefined;
  return readSurfaceForm(check.hits[0]!.highlight, spelling.split(' ').length) ?? spelling;
}
