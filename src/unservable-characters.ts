/** The last two code points of each supplementary plane (U+1FFFE, U+1FFFF … U+10FFFF): noncharacters. */
const PLANE_ENDS = Array.from({ length: 16 }, (_, plane) => `\\u{${(plane + 1).toString(16)}fffe}\\u{${(plane + 1).toString(16)}ffff}`).join('');

/**
 * Characters no XML document (a feed) may hold, that strict JSON parsers refuse (a lone surrogate)
 * and a reader sees as boxes: controls but tab and line breaks, lone surrogates, and the
 * noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and each plane's last two).
 */
const UNSERVABLE_CHARACTERS = new RegExp(
  `[^\\t\\n\\r\\u0020-\\u007e\\u00a0-\\ud7ff\\ue000-\\ufdcf\\ufdf0-\\ufffd\\u{10000}-\\u{10ffff}]|[${PLANE_ENDS}]`,
  'gu',
);

/** The text with each such character replaced (by a space where it may have parted words). */
export function withoutUnservableCharacters(text: string, replacement = ''): string {
  return text.replace(UNSERVABLE_CHARACTERS, replacement);
}

/** The marks a right-to-left text carries around words (bidi controls, zero-width characters, the BOM): no part of a name. */
export function withoutDirectionMarks(text: string): string {
  return text.replace(/[\u200B-\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '');
}
