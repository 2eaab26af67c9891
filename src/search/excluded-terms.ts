import { EDGE_PUNCTUATION } from './understand-query.js';

/** At most this many words or phrases may be excluded in one query: each costs clauses of its own. */
export const MAX_EXCLUDED = 10;

// A minus sign (hyphen-minus or U+2212) that starts a word, then a quoted phrase or a word with a letter in it.
const EXCLUSION = /(?<=^|\s)[-−](?:"([^"]*)"|(\S*\p{L}\S*))/gu;

/**
 * A query's text split into what to look for and what to leave out: `الجزائر -بلينكن` and
 * `-"الأمم المتحدة"` leave out the articles that contain بلينكن or the phrase. A hyphen inside a word
 * (co-operation) or standing alone is text.
 */
export function splitExclusions(q: string): { text: string; excluded: string[] } {
  const excluded: string[] = [];
  const text = q.replace(EXCLUSION, (_match, phrase: string | undefined, word: string | undefined) => {
    const term = (phrase ?? word ?? '').trim().replace(EDGE_PUNCTUATION, '');
    if (term && !excluded.includes(term)) excluded.push(term);
    return ' ';
  });
  return { text: text.replace(/\s+/gu, ' ').trim(), excluded };
}
