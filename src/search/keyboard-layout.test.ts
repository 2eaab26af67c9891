import { describe, expect, it } from 'vitest';
import { arabicOnLatinKeys, keysOnOtherLayout, latinOnArabicKeys, readOnOtherLayout, type LayoutWords } from './keyboard-layout.js';

const NEWS_WORDS = new Map([
  ['مصر', 4969],
  ['السعودية', 10226],
  ['الرئيس', 30000],
  ['الأمريكي', 5000],
  ['في', 296987],
  ['على', 125460],
  ['القاهرة', 3000],
  ['نادر', 4],
]);
const LATIN_WORDS = new Set(['trump', 'blinken', 'pwc', 'the', 'haj']);
const words: LayoutWords = { isLatinWord: (word) => LATIN_WORDS.has(word), arabicFrequency: (word) => NEWS_WORDS.get(word) ?? 0 };

describe('arabicOnLatinKeys', () => {
  it('reads each key as the Arabic layout types it, the punctuation keys and shifted letters too', () => {
    expect(arabicOnLatinKeys('lwv')).toBe('مصر');
    expect(arabicOnLatinKeys('hgsu,]dm')).toBe('السعودية');
    expect(arabicOnLatinKeys('hgHlvd;d')).toBe('الأمريكي');
    expect(arabicOnLatinKeys("`'/")).toBe('ذطظ');
    expect(arabicOnLatinKeys('bf]')).toBe('لابد');
  });

  it('takes a capital first letter as its key, and refuses capitals elsewhere, abbreviations and other characters', () => {
    expect(arabicOnLatinKeys('Lwv')).toBe('مصر');
    expect(arabicOnLatinKeys('lWv')).toBeUndefined();
    expect(arabicOnLatinKeys('DVD')).toBeUndefined();
    expect(arabicOnLatinKeys('lw7')).toBeUndefined();
    expect(arabicOnLatinKeys('مصر')).toBeUndefined();
  });
});

describe('latinOnArabicKeys', () => {
  it('reads each letter as its US key, لا first as the one key b, then as g and h', () => {
    expect(latinOnArabicKeys('فقعةح')).toEqual(['trump']);
    expect(latinOnArabicKeys('لامهىنثى')).toEqual(['blinken', 'ghlinken']);
    expect(latinOnArabicKeys('trump')).toEqual([]);
  });
});

describe('readOnOtherLayout', () => {
  it('reads Latin keys typed for Arabic words the news writes often, operators and quotes kept', () => {
    expect(readOnOtherLayout('lwv', words)).toEqual({ text: 'مصر', layout: 'arabic', unmistakable: true, slipped: false });
    expect(readOnOtherLayout('hgvzds hgHlvd;d', words)).toEqual({ text: 'الرئيس الأمريكي', layout: 'arabic', unmistakable: true, slipped: false });
    expect(readOnOtherLayout('-lwv "hgsu,]dm"', words)?.text).toBe('-مصر "السعودية"');
    expect(readOnOtherLayout('td hgrhivm', words)?.text).toBe('في القاهرة');
    // A word ending in a punctuation key may end with the punctuation itself.
    expect(readOnOtherLayout('lwv,', words)?.text).toBe('مصر,');
  });

  it('reads Arabic letters the news never writes as the Latin word their keys type', () => {
    expect(readOnOtherLayout('فقعةح', words)).toEqual({ text: 'trump', layout: 'english', unmistakable: true, slipped: false });
  });

  it('calls keys typed for sounds (a vowel, no punctuation key, no article, no three consonants together) mistakable', () => {
    expect(readOnOtherLayout('ugn', words)).toEqual({ text: 'على', layout: 'arabic', unmistakable: false, slipped: false });
    // l, h and k together: no reader types عمان for its sounds so.
    expect(readOnOtherLayout('ulhk', { ...words, arabicFrequency: (word) => (word === 'عمان' ? 900 : 0) })?.unmistakable).toBe(true);
  });

  it('reads keys that could be typed for no sound as a word with a slip in it, for the search to respell', () => {
    expect(readOnOtherLayout('jvhkf', words)).toEqual({ text: 'ترانب', layout: 'arabic', unmistakable: true, slipped: true });
    // Keys typed for sounds, or a reading of three letters, are no such word.
    expect(readOnOtherLayout('kobo', words)).toBeUndefined();
    expect(readOnOtherLayout('jvh', words)).toBeUndefined();
    // A name's consonants together, or an English possessive, are no keys typed for the other layout.
    expect(readOnOtherLayout('luzhniki', words)).toBeUndefined();
    expect(readOnOtherLayout("cox's", words)).toBeUndefined();
  });

  it('leaves words meant as typed: known Latin words, rare readings, Arabic words the news writes, short words alone, one script at a time', () => {
    expect(readOnOtherLayout('pwc', words)).toBeUndefined();
    expect(readOnOtherLayout('haj', words)).toBeUndefined();
    // نادر is written, but too rarely to be what keys typed by chance meant: a slip, for the search to judge.
    expect(readOnOtherLayout('kh]v', words)?.slipped).toBe(true);
    expect(readOnOtherLayout('kadv', words)).toBeUndefined();
    expect(readOnOtherLayout('مصر', words)).toBeUndefined();
    expect(readOnOtherLayout('td', words)).toBeUndefined();
    expect(readOnOtherLayout('Trump lwv', words)?.text).toBe('Trump مصر');
    expect(readOnOtherLayout('فقعةح lwv', words)?.text).toBe('trump lwv');
    expect(readOnOtherLayout('ترامب OR lwv', words)?.text).toBe('ترامب OR مصر');
  });

  it('reads Arabic letters the news never writes as a Latin name with a slip in it, and the unknown Latin keys beside words read as Arabic', () => {
    expect(readOnOtherLayout('ناشساخله', words)).toEqual({ text: 'khashogi', layout: 'english', unmistakable: true, slipped: true });
    // ليش, which the news writes rarely, beside في القاهرة.
    expect(readOnOtherLayout('gda td hgrhivm', words)).toEqual({ text: 'ليش في القاهرة', layout: 'arabic', unmistakable: true, slipped: true });
    // Keys that type an Arabic word: its bare alif is a hamza's (hsuhv: اسعار, written أسعار).
    expect(readOnOtherLayout('hsuhv', { ...words, arabicFrequency: (word) => (word === 'أسعار' ? 5000 : 0) })?.text).toBe('اسعار');
  });
});

describe('keysOnOtherLayout', () => {
  it('reads every word begun on the other layout, whatever word it begins, and nothing of mixed or other letters', () => {
    expect(keysOnOtherLayout('hgsu')).toBe('السع');
    expect(keysOnOtherLayout('hgvzds hgH')).toBe('الرئيس الأ');
    expect(keysOnOtherLayout('فقعة')).toBe('trum');
    expect(keysOnOtherLayout('trump مصر')).toBeUndefined();
    expect(keysOnOtherLayout('2018')).toBeUndefined();
    expect(keysOnOtherLayout(' ')).toBeUndefined();
  });
});
