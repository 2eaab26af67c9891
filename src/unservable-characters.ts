/**
 * Characters no XML document (a feed) may hold, that strict JSON parsers refuse (a lone surrogate)
 * and a reader sees as boxes: controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF.
 */
const UNSERVABLE_CHARACTERS = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** The text with each such character replaced (by a space where it may have parted words). */
export function withoutUnservableCharacters(text: string, replacement = ''): string {
  return text.replace(UNSERVABLE_CHARACTERS, replacement);
}
