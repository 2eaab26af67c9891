import { describe, expect, it } from 'vitest';
import { createInProcessAnalyzer, forEachStandardToken, stemArabic, UnsupportedAnalysisError, type AnalysisSettings } from './in-process-analyzer.js';

const words = (text: string) => {
  const found: string[] = [];
  forEachStandardToken(text, (word) => found.push(word));
  return found;
};

describe('standard tokenizer', () => {
  it('joins letters across an apostrophe or a full stop, and digits across a comma or a point', () => {
    expect(words("U.S. o'brien 3.5 1,000 ١٬٠٠٠")).toEqual(['U.S', "o'brien", '3.5', '1,000', '١٬٠٠٠']);
  });

  it('splits a letter from a digit across punctuation, and at a comma between words', () => {
    expect(words('a.5 5.a واشنطن،الجزائر e-mail')).toEqual(['a', '5', '5', 'a', 'واشنطن', 'الجزائر', 'e', 'mail']);
  });

  it('keeps marks inside a word and drops a mark that follows a space', () => {
    expect(words('مُحَمَّدٌ ً كتاب')).toEqual(['مُحَمَّدٌ', 'كتاب']);
  });

  it('gives each Han character its own token and keeps an emoji sequence whole', () => {
    expect(words('中文 👨‍👩‍👧 👍🏽x')).toEqual(['中', '文', '👨‍👩‍👧', '👍🏽', 'x']);
  });

  it('cuts a word longer than 255 characters into pieces', () => {
    expect(words('a'.repeat(600)).map((w) => w.length)).toEqual([255, 255, 90]);
  });
});

describe('Arabic light stemmer', () => {
  it.each([
    { rule: 'an article prefix, then each suffix', word: 'والمعلمات', stem: 'معلم' },
    { rule: 'و only where three letters stay', word: 'وقت', stem: 'وقت' },
    { rule: 'و before four letters', word: 'وكتب', stem: 'كتب' },
    { rule: 'a suffix only where two letters stay', word: 'بيتي', stem: 'بيت' },
    { rule: 'the article only where two letters stay', word: 'الم', stem: 'الم' },
  ])('$rule: $word → $stem', ({ word, stem }) => {
    expect(stemArabic(word)).toBe(stem);
  });
});

describe('analysis chain', () => {
  const analysis: AnalysisSettings = {
    char_filter: { strip_tatweel: { type: 'mapping', mappings: ['\\u0640=>'] } },
    filter: {
      protect: { type: 'stemmer_override', rules: ['مالي, لمالي => مالي'] },
      stop: { type: 'stop', stopwords: ['في'] },
      synonyms: { type: 'synonym_graph', synonyms: ['a, b'] },
    },
    analyzer: {
      chain: {
        type: 'custom',
        char_filter: ['strip_tatweel'],
        tokenizer: 'standard',
        filter: ['lowercase', 'arabic_normalization', 'protect', 'stop', 'arabic_stem'],
      },
      with_synonyms: { type: 'custom', tokenizer: 'standard', filter: ['synonyms'] },
      by_whitespace: { type: 'custom', tokenizer: 'whitespace' },
    },
  };

  it('applies char filters, then the filters in order; a stopword leaves its position empty; an override is not stemmed', () => {
    const analyze = createInProcessAnalyzer(analysis, 'chain');
    expect(analyze('الـمدرسة في لمالي والمالية')).toEqual([
      { token: 'مدرس', position: 0 },
      { token: 'مالي', position: 2 },
      { token: 'مال', position: 3 },
    ]);
  });

  it('refuses what it does not implement, naming the component', () => {
    expect(() => createInProcessAnalyzer(analysis, 'with_synonyms')).toThrow(UnsupportedAnalysisError);
    expect(() => createInProcessAnalyzer(analysis, 'with_synonyms')).toThrow(/synonyms/);
    expect(() => createInProcessAnalyzer(analysis, 'by_whitespace')).toThrow(/whitespace/);
    expect(() => createInProcessAnalyzer(analysis, 'missing')).toThrow(/missing/);
  });

  it('runs a pattern_replace char filter, and refuses one that Java and JavaScript may read apart or that does not parse', () => {
    const withPattern = (pattern: string, replacement = '$1'): AnalysisSettings => ({
      char_filter: { joined: { type: 'pattern_replace', pattern, replacement } },
      analyzer: { joined: { type: 'custom', tokenizer: 'standard', char_filter: ['joined'] } },
    });
    const join = createInProcessAnalyzer(withPattern('(?<![a-z])(ab)[ ]+(?=[a-z])'), 'joined');
    expect(join('ab cd xab cd').map((t) => t.token)).toEqual(['abcd', 'xab', 'cd']);
    for (const [pattern, replacement] of [
      ['\\bab', '$1'],
      ['ab$', '$1'],
      ['(ab', '$1'],
      ['(?<n>ab)', '$<n>'],
    ] as const) {
      expect(() => createInProcessAnalyzer(withPattern(pattern, replacement), 'joined'), pattern).toThrow(UnsupportedAnalysisError);
    }
  });
});
