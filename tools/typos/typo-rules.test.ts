import { describe, expect, it } from 'vitest';
import { makeTypo, typoCandidates } from './typo-rules.js';

describe('typo rules', () => {
  it('drops, doubles and swaps letters, keeping the first letter after the article', () => {
    expect(typoCandidates('ترامب', 'drop')).toEqual(['تامب', 'ترمب', 'تراب', 'ترام']);
    expect(typoCandidates('الساحل', 'swap')).toEqual(['السحال', 'السالح']);
    expect(typoCandidates('Blinken', 'double')[0]).toBe('Bllinken');
  });

  it('confuses the first alef and the last ة or ى as the index folds them, and other letters only past the first', () => {
    expect(typoCandidates('الأزمة', 'confusable-folded')).toEqual(['الازمة', 'الإزمة', 'الأزمه']);
    expect(typoCandidates('قطر', 'confusable')).toEqual(['قتر']);
  });

  it('misspells Latin names by ear', () => {
    expect(typoCandidates('Blinken', 'latin')).toContain('Blinkin');
    expect(typoCandidates('Blinken', 'latin')).toContain('Blinkn');
    expect(typoCandidates('Tebboune', 'latin')).toContain('Teboune');
  });

  it('leaves short words alone and never makes another real word', () => {
    expect(makeTypo('مالي', 'drop', 'k', new Set())).toBeUndefined();
    // Every dropped letter of بلينكن but one makes a listed word: the one left is chosen.
    const real = new Set(['بينكن', 'بلنكن', 'بليكن', 'بلينن']);
    expect(makeTypo('بلينكن', 'drop', 'any key', real)).toBe('بلينك');
    expect(makeTypo('بلينكن', 'drop', 'any key', new Set([...real, 'بلينك']))).toBeUndefined();
  });

  it('chooses the same typo for the same key', () => {
    expect(makeTypo('العسكري', 'swap', 'key-1', new Set())).toBe(makeTypo('العسكري', 'swap', 'key-1', new Set()));
  });
});
