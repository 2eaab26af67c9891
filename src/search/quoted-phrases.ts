import { EDGE_PUNCTUATION } from './edge-punctuation.js';

/** At most this many quoted phrases in one query: each costs clauses of its own. */
export const MAX_QUOTED = 10;

// Text between straight quotes, curly quotes however paired (“…”, ”…”, „…“: keyboards and
// right-to-left typing mix them) or guillemets either way round (« », as Arabic is often typed).
// Each kind captures one group; the phrase is whichever matched.
export const QUOTED_SOURCE = '"([^"]*)"|[“”„]([^“”„]*)[“”]|«([^«»]*)»|»([^«»]*)«';
const QUOTED = new RegExp(QUOTED_SOURCE, 'gu');

/**
 * The phrases quoted in a query's text ("كأس العالم", «الأمم المتحدة»): each must occur in an article
 * as written, word for word, with its synonyms. A quote left open or holding no word is no phrase.
 */
export function quotedPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const phrase = (match.slice(1).find((group) => group !== undefined) ?? '').replace(/\s+/gu, ' ').trim().replace(EDGE_PUNCTUATION, '');
    if (/\p{L}|\p{N}/u.test(phrase) && !phrases.includes(phrase)) phrases.push(phrase);
  }
  return phrases;
}

/** The text without its quoted phrases: the words an article must hold besides them. */
export function withoutQuotedPhrases(text: string): string {
  return text.replace(QUOTED, ' ').replace(/\s+/gu, ' ').trim();
}

/**
 * The text with each quoted Latin phrase that no list spells whole without its quotes: an English
 * phrase ("human rights", "Arab Spring") is searched in its Arabic (حقوق الإنسان, الربيع العربي), which
 * no article writes in the English words' order. A listed one ("Mohammed bin Salman") stays a phrase.
 */
export function withUnlistedLatinPhrasesUnquoted(text: string, listed: ReadonlyMap<string, string>): string {
  return text.replace(QUOTED, (quoted, ...groups: (string | undefined)[]) => {
    const phrase = groups.slice(0, 4).find((group) => group !== undefined) ?? '';
    return /\p{Script=Latin}/u.test(phrase) && !/\p{Script=Arabic}/u.test(phrase) && !listed.has(latinPhraseKey(phrase)) ? ` ${phrase} ` : quoted;
  });
}

/** A quoted Latin phrase as the lists key their spellings: one space between words, no edge punctuation, small letters. */
export function latinPhraseKey(phrase: string): string {
  return phrase.replace(/\s+/gu, ' ').trim().replace(EDGE_PUNCTUATION, '').toLowerCase();
}
