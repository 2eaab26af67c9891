import type { Taxonomy } from '../classify/taxonomy.js';

/** A country's flag: two regional indicator symbols spelling its ISO 3166 code (🇸🇦 is S A). */
const FLAG = /\p{RI}{2}/gu;
const REGIONAL_INDICATOR_A = 0x1f1e6;

/** The ISO code a flag spells (🇸🇦: SA). */
function codeOfFlag(flag: string): string {
  return String.fromCharCode(...[...flag].map((symbol) => symbol.codePointAt(0)! - REGIONAL_INDICATOR_A + 'A'.charCodeAt(0)));
}

/** Whether a text holds a country's flag. */
export const holdsFlag = (text: string) => /\p{RI}{2}/u.test(text);

/** Whether a text holds something to search as words: a letter or a digit. */
/** Tatweel, a letter to Unicode, only stretches a word: ـــ alone is nothing to search. */
export const holdsLetterOrDigit = (text: string) => /[\p{L}\p{N}]/u.test(text.replace(/\u0640/gu, ''));

/** The ISO codes a text's flags spell, in order (🇲🇱🇳🇪: ML, NE); none where it holds anything else. */
export function flagCodesAlone(text: string): string[] {
  if (text.replace(FLAG, '').trim() !== '') return [];
  return [...text.matchAll(FLAG)].map(([flag]) => codeOfFlag(flag));
}

/** Each country of the taxonomy by its ISO code, to its Arabic name. */
export function countryNamesByCode(taxonomy: Pick<Taxonomy, 'regions'>): Map<string, string> {
  return new Map(taxonomy.regions.flatMap((region) => (region.kind === 'country' && region.iso ? [[region.iso, region.labels.ar] as const] : [])));
}

/**
 * The text with each flag of a known country read as its name (🇸🇦 السعودية: السعودية السعودية), as a
 * reader pasting a post's flags means. A flag of no known country is taken out. After a minus sign
 * the name stays the word (or the quoted phrase) the minus leaves out: `سوريا -🇩🇿` is not Algeria's.
 */
export function flagsAsCountryNames(text: string, namesByCode: ReadonlyMap<string, string>): string {
  if (!holdsFlag(text)) return text;
  const named = text.replace(FLAG, (flag, offset: number) => {
    const code = codeOfFlag(flag);
    const name = namesByCode.get(code);
    if (name === undefined) return ' ';
    const leftOut = /[-−]/u.test(text[offset - 1] ?? '');
    return leftOut ? `${name.includes(' ') ? `"${name}"` : name} ` : ` ${name} `;
  });
  return named.replace(/\s+/gu, ' ').trim();
}
