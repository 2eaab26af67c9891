import { QUOTED_SOURCE } from './quoted-phrases.js';
import { LONGEST_LISTED_SPELLING } from './english-words.js';
import { EDGE_PUNCTUATION } from './edge-punctuation.js';

/** At most this many words or phrases may be excluded in one query: each costs clauses of its own. */
export const MAX_EXCLUDED = 10;

/**
 * The characters of a minus sign: U+2212, the en dash a word processor makes of a typed one (text
 * pasted from Word), and hyphen-minus, last, so that a character class takes it literally.
 */
export const MINUS_CHARACTERS = '−–-';
/** A minus sign, as a pattern. */
export const MINUS_SIGN = `[${MINUS_CHARACTERS}]`;

// A minus sign that starts a word, or NOT in capitals as boolean search writes it, then a phrase in any quotes or a word with a letter in it.
const EXCLUSION = new RegExp(`(?<=^|\\s)(?:${MINUS_SIGN}|NOT\\s+)(?:${QUOTED_SOURCE}|(\\S*\\p{L}\\S*))`, 'gu');

// A minus sign or NOT, then as many words as a listed name can have (none of them left out itself).
const EXCLUDED_WORDS = new RegExp(
  `(?<=^|\\s)(${MINUS_SIGN}|NOT\\s+)([^\\s"“”„«»()]+(?:\\s+[^\\s"“”„«»()${MINUS_CHARACTERS}]+){1,${LONGEST_LISTED_SPELLING - 1}})`,
  'gu',
);

/**
 * The text with a listed name of several words after a minus sign or NOT quoted whole, the longest
 * first: `ترامب -كيم جونغ أون` leaves out Kim Jong-un (it had left out كيم alone and asked for جونغ أون,
 * finding nothing), `ترامب -الأمم المتحدة` the United Nations.
 */
export function withExcludedNamesWhole(q: string, isName: (words: string) => boolean): string {
  return q.replace(EXCLUDED_WORDS, (typed: string, sign: string, run: string) => {
    const words = run.split(/\s+/u);
    for (let length = words.length; length >= 2; length--) {
      const name = words.slice(0, length).join(' ');
      if (isName(name)) return [`${sign}"${name}"`, ...words.slice(length)].join(' ');
    }
    return typed;
  });
}

/**
 * A query's text split into what to look for and what to leave out: `الجزائر -بلينكن` and
 * `-"الأمم المتحدة"` (or `-«…»`, `-“…”`, `NOT بلينكن`) leave out the articles that contain بلينكن or
 * the phrase. A hyphen inside a word (co-operation) or standing alone is text, and so is `not` in small
 * letters; NOT last, with nothing to leave out, is dropped (unless it is all there is).
 */
export function splitExclusions(q: string): { text: string; excluded: string[] } {
  const excluded: string[] = [];
  const text = q.replace(EXCLUSION, (...match: unknown[]) => {
    // The groups: one a kind of quotes (QUOTED_SOURCE), then the word; the offset and the text after them.
    const term = ((match.slice(1, -2).find((group) => typeof group === 'string') as string | undefined) ?? '').trim().replace(EDGE_PUNCTUATION, '');
    if (term && !excluded.includes(term)) excluded.push(term);
    return ' ';
  });
  // NOT last, after words, leaves nothing out and is no word to search (it had been read as النفي, negation).
  return {
    text: text
      .replace(/(?<=\S)\s+NOT[\s\p{P}]*$/u, '')
      .replace(/\s+/gu, ' ')
      .trim(),
    excluded,
  };
}
