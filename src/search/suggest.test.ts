import { describe, expect, it } from 'vitest';
import type { EnglishWords } from './english-words.js';
import { latinWordsBegun } from './suggest.js';

const dictionary = new Map([
  ['murder', 'القتل'],
  ['murky', 'العكر'],
  ['mural', 'الجدارية'],
  ['murmur', 'الهمس'],
  ['murderer', 'القاتل'],
  ['are', 'تكون'],
  ['army', 'الجيش'],
  ['primeness', 'الأول'],
  ['prince', 'الأمير'],
]);
const english = {
  arabicOf: (word: string) => dictionary.get(word),
  wordsBeginning: (beginning: string) =>
    [...dictionary]
      .filter(([word]) => word.startsWith(beginning) && word !== beginning)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([word, arabic]) => ({ word, arabic })),
} as unknown as EnglishWords;
const news = new Map([
  ['القتل', 900],
  ['العكر', 2],
  ['الجدارية', 40],
  ['الهمس', 30],
  ['القاتل', 120],
  ['تكون', 5000],
  ['الجيش', 4000],
  ['الأول', 9000],
  ['الأمير', 1600],
  ['مرسي', 175],
  ['ليبيا', 3000],
  ['لبنان', 1500],
]);
const spoken = new Map([
  ['murder', 5700],
  ['murky', 90],
  ['mural', 60],
  ['murmur', 80],
  ['murderer', 1300],
  ['are', 265000],
  ['army', 4400],
  ['primeness', 1],
  ['prince', 3000],
]);
const listed = new Map([
  ['mursi', 'مرسي'],
  ['libya', 'ليبيا'],
  ['liban', 'لبنان'],
  ['libnan', 'لبنان'],
  ['murder in', 'مقتل في'],
]);
const aids = { news: (arabic: string) => news.get(arabic) ?? 0, spoken: (word: string) => spoken.get(word) ?? 0, dropped: new Set(['are']) };

describe('the words a Latin word begun completes to', () => {
  it('gives the listed spellings the news writes most first, then the dictionary words both the news and spoken English use most', () => {
    // murky: its Arabic too rare in the news; mural and murmur: after the three likeliest.
    expect(latinWordsBegun('mur', english, listed, aids)).toEqual(['mursi', 'murder', 'murderer', 'mural']);
  });

  it('weighs spoken English against a dictionary sense the news writes often', () => {
    // primeness is الأول, which the news writes more than الأمير; English hardly says it.
    expect(latinWordsBegun('pri', english, listed, aids)).toEqual(['prince', 'primeness']);
  });

  it('leaves out words the search drops and a second spelling of one Arabic', () => {
    expect(latinWordsBegun('ar', english, listed, aids)).toEqual(['army']);
    expect(latinWordsBegun('li', english, listed, aids)).toEqual(['libya', 'liban']);
  });

  it('completes only letters begun: not one letter, digits or the word itself', () => {
    expect(latinWordsBegun('m', english, listed, aids)).toEqual([]);
    expect(latinWordsBegun('5g', english, listed, aids)).toEqual([]);
    expect(latinWordsBegun('murder', english, listed, aids)).toEqual(['murderer']);
    expect(latinWordsBegun('MUR', english, listed, aids)).toEqual(['mursi', 'murder', 'murderer', 'mural']);
  });
});
