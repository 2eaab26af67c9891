import { createHash } from 'node:crypto';
import { normalizeArabicWord } from '../../src/analysis/arabic-rules.js';

/**
 * The typo families, each a rule applied to one word of a query. The first letter (after the article
 * ال) is kept by every rule but the folded confusables (hamza on alef, ة/ه, ى/ي), which the index's
 * normalization undoes anyway: a typo in the first letter is rarer, and typo tolerance asks for it.
 */
export const TYPO_FAMILIES = ['drop', 'double', 'swap', 'confusable-folded', 'confusable', 'variant', 'latin'] as const;
export type TypoFamily = (typeof TYPO_FAMILIES)[number];

/** Words shorter than this are left alone: one letter changed in مالي or هود makes another word. */
export const MIN_TYPO_LETTERS = 5;

/** Letters mistaken for one another that the index's normalization folds: alef with or without hamza or madda, */
const FOLDED_ALEFS: Record<string, string[]> = { ا: ['أ', 'إ'], أ: ['ا', 'إ'], إ: ['ا', 'أ'], آ: ['ا'] };
/** and, at a word's end only, ة/ه and ى/ي. */
const FOLDED_FINALS: Record<string, string[]> = { ة: ['ه'], ه: ['ة'], ى: ['ي'], ي: ['ى'] };
/** Letters mistaken for one another that nothing folds: by sound, by region (ق→غ in the Maghreb, ك/ق), by dot. */
const CONFUSABLES: Record<string, string[]> = {
  ق: ['غ', 'ك'],
  غ: ['ق'],
  ك: ['ق'],
  ت: ['ط'],
  ط: ['ت'],
  س: ['ص', 'ث'],
  ص: ['س'],
  ث: ['س'],
  ذ: ['ز', 'د'],
  ز: ['ذ'],
  ض: ['ظ', 'د'],
  ظ: ['ض'],
  ح: ['ه'],
  ج: ['غ'],
};
const LONG_VOWELS = ['ا', 'و', 'ي'];
const LATIN_VOWEL_SWAPS: Record<string, string[]> = { e: ['i', 'a'], i: ['e', 'y'], o: ['u', 'ou'], u: ['o', 'ou'], a: ['e'], y: ['i'] };

const isLatin = (word: string) => /^[\p{Script=Latin}]+$/u.test(word);
/** Letters no rule changes: the article, if any, and the first letter after it. */
const keptLetters = (word: string) => (word.startsWith('ال') ? 3 : 1);
const isLatinVowel = (letter: string) => 'aeiouy'.includes(letter.toLowerCase());

/** Every form one rule of a family makes of the word (duplicates removed, the word itself left out). */
export function typoCandidates(word: string, family: TypoFamily): string[] {
  const letters = [...word];
  const n = letters.length;
  const at = (i: number, replacement: string[], remove = 1) => [...letters.slice(0, i), ...replacement, ...letters.slice(i + remove)].join('');
  const forms: string[] = [];
  const latin = isLatin(word);
  const start = keptLetters(word);
  switch (family) {
    case 'drop':
      for (let i = start; i < n; i++) forms.push(at(i, []));
      break;
    case 'double':
      for (let i = start; i < n; i++) forms.push(at(i, [letters[i]!, letters[i]!]));
      break;
    case 'swap':
      for (let i = start; i < n - 1; i++) forms.push(at(i, [letters[i + 1]!, letters[i]!], 2));
      break;
    case 'confusable-folded':
      if (latin) break;
      // Hamza is dropped or misplaced on a word's first alef (after the article); ة/ه and ى/ي are confused at its end.
      for (const other of FOLDED_ALEFS[letters[start - 1]!] ?? []) forms.push(at(start - 1, [other]));
      for (const other of FOLDED_FINALS[letters[n - 1]!] ?? []) forms.push(at(n - 1, [other]));
      break;
    case 'confusable':
      if (latin) break;
      for (let i = start; i < n; i++) for (const other of CONFUSABLES[letters[i]!] ?? []) forms.push(at(i, [other]));
      break;
    case 'variant':
      // Transliterated names lose a long vowel (ترامب → ترمب) or gain one before the last letter (بلينكن → بلينكين).
      if (latin) break;
      for (let i = start; i < n - 1; i++) if (LONG_VOWELS.includes(letters[i]!) && !LONG_VOWELS.includes(letters[i - 1]!)) forms.push(at(i, []));
      if (n > start + 1 && ![...LONG_VOWELS, 'ة', 'ه'].includes(letters[n - 1]!) && !LONG_VOWELS.includes(letters[n - 2]!)) forms.push(at(n - 1, ['ي'], 0));
      break;
    case 'latin':
      // Misspelled by ear: a vowel heard as another (Blinkin), a vowel left out (Blinkn), a consonant doubled or undoubled (Tebounne, Teboune).
      if (!latin) break;
      for (let i = start; i < n; i++) {
        const letter = letters[i]!;
        const lower = letter.toLowerCase();
        for (const other of LATIN_VOWEL_SWAPS[lower] ?? []) forms.push(at(i, [other]));
        if (isLatinVowel(letter) && i < n - 1) forms.push(at(i, []));
        if (!isLatinVowel(letter) && lower === letters[i - 1]!.toLowerCase()) forms.push(at(i, []));
        if (!isLatinVowel(letter) && lower !== letters[i - 1]!.toLowerCase() && isLatinVowel(letters[i - 1]!)) forms.push(at(i, [letter, letter]));
      }
      break;
  }
  return [...new Set(forms)].filter((form) => form !== word);
}

/** Letters of a word, marks left out. */
export function letterCount(word: string): number {
  return [...word.normalize('NFKD').replace(/\p{M}/gu, '')].length;
}

/** A number in [0, 1) fixed by the key: the same key, the same choice, on any machine. */
export function seededFraction(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * The typo a family makes of a word, chosen by `key` among its forms, or undefined when the word is
 * too short or every form is another real word (`realWords`, normalized as the index normalizes).
 * A folded confusable is the same word once normalized, and is kept for that very reason.
 */
export function makeTypo(word: string, family: TypoFamily, key: string, realWords: ReadonlySet<string>): string | undefined {
  if (letterCount(word) < MIN_TYPO_LETTERS) return undefined;
  const original = normalizeArabicWord(word);
  const forms = typoCandidates(word, family).filter((form) => {
    const normalized = normalizeArabicWord(form);
    if (family === 'confusable-folded') return normalized === original;
    return normalized !== original && !realWords.has(normalized);
  });
  return forms.length > 0 ? forms[Math.floor(seededFraction(key) * forms.length)] : undefined;
}
