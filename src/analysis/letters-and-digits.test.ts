import { describe, expect, it } from 'vitest';
import { lettersAndDigits, wordCount } from './letters-and-digits.js';

/** The definition the fast path must agree with. */
const byRegExp = (text: string) =>
  text
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('lettersAndDigits', () => {
  it('drops marks inside a word and makes every other run one space', () => {
    expect(lettersAndDigits('  كَتَبَ، الرئيسُ — "بلينكن"؟ 2024!')).toBe('كتب الرئيس بلينكن 2024');
  });

  it('keeps letters and digits beyond the Basic Multilingual Plane and drops emoji and lone surrogates', () => {
    expect(lettersAndDigits('𝐀𝐁 😀 x\uD800y 𝟙𝟚')).toBe('𝐀𝐁 x y 𝟙𝟚');
  });

  it('agrees with the regular-expression definition on mixed text', () => {
    const pieces = ['ب', 'ِ', 'ّ', ' ', '،', '.', 'A', 'é', 'e\u0301', '٣', '3', '²', '_', '-', '\u200c', '\u00a0', '𝐀', '😀', '\uD800', '\n', 'ـ', '中'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let sample = 0; sample < 2000; sample++) {
      let text = '';
      for (let i = next() % 12; i > 0; i--) text += pieces[next() % pieces.length];
      expect(lettersAndDigits(text), JSON.stringify(text)).toBe(byRegExp(text));
    }
  });
});

describe('wordCount', () => {
  it('counts the words of lettersAndDigits', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('كتب')).toBe(1);
    expect(wordCount('كتب الرئيس بلينكن 2024')).toBe(4);
  });
});
