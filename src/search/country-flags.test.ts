import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { PROJECT_ROOT } from '../project-root.js';
import { countryNamesByCode, flagCodesAlone, flagsAsCountryNames, holdsLetterOrDigit } from './country-flags.js';

describe('flagsAsCountryNames', () => {
  const names = countryNamesByCode(loadTaxonomy(PROJECT_ROOT));

  it("reads each country's flag as the taxonomy's Arabic name of it, wherever it stands", () => {
    expect(flagsAsCountryNames('🇸🇦', names)).toBe('السعودية');
    expect(flagsAsCountryNames('🇩🇿🇲🇦', names)).toBe('الجزائر المغرب');
    expect(flagsAsCountryNames('مباراة 🇩🇿 و🇲🇦 اليوم', names)).toBe('مباراة الجزائر و المغرب اليوم');
  });

  it('keeps a flag after a minus sign the word or phrase it leaves out', () => {
    expect(flagsAsCountryNames('سوريا -🇩🇿', names)).toBe('سوريا -الجزائر');
    expect(flagsAsCountryNames('سوريا −🇺🇸', names)).toBe(`سوريا −"${names.get('US')}"`);
  });

  it('takes out a flag of no country the taxonomy holds, and leaves a text without flags as typed', () => {
    expect(flagsAsCountryNames('🇦🇦 كرة', names)).toBe('كرة');
    expect(flagsAsCountryNames('🇦🇦', names)).toBe('');
    expect(flagsAsCountryNames('  كأس  العالم 😀', names)).toBe('  كأس  العالم 😀');
  });
});

describe('holdsLetterOrDigit', () => {
  it('finds a letter or a digit, and no letter in tatweel alone, which only stretches a word', () => {
    expect(holdsLetterOrDigit('ـبـ')).toBe(true);
    expect(holdsLetterOrDigit('2018')).toBe(true);
    expect(holdsLetterOrDigit('ـــــ')).toBe(false);
    expect(holdsLetterOrDigit('؟!')).toBe(false);
  });
});

describe('flagCodesAlone', () => {
  it('spells the codes of a text of flags alone, and none where there is more', () => {
    expect(flagCodesAlone(' 🇲🇱 🇳🇪')).toEqual(['ML', 'NE']);
    expect(flagCodesAlone('مالي 🇲🇱')).toEqual([]);
    expect(flagCodesAlone('')).toEqual([]);
  });
});
