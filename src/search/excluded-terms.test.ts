import { describe, expect, it } from 'vitest';
import { splitExclusions, withExcludedNamesWhole } from './excluded-terms.js';

describe('splitExclusions', () => {
  it.each([
    { q: 'الجزائر -بلينكن', text: 'الجزائر', excluded: ['بلينكن'] },
    { q: '-"الأمم المتحدة" مالي', text: 'مالي', excluded: ['الأمم المتحدة'] },
    { q: 'Mali −Libya -Libya', text: 'Mali', excluded: ['Libya'] },
    // The en dash a word processor makes of a typed minus.
    { q: 'ترامب –كوريا', text: 'ترامب', excluded: ['كوريا'] },
    { q: '-بلينكن،', text: '', excluded: ['بلينكن'] },
    { q: 'مصر -«كرة القدم» -“ولي العهد” -”مجلس الأمن”', text: 'مصر', excluded: ['كرة القدم', 'ولي العهد', 'مجلس الأمن'] },
    { q: 'ترامب NOT كوريا NOT "البيت الأبيض"', text: 'ترامب', excluded: ['كوريا', 'البيت الأبيض'] },
  ])('$q: looks for "$text", leaves out $excluded', ({ q, text, excluded }) => {
    expect(splitExclusions(q)).toEqual({ text, excluded });
  });

  it('quotes a listed name of several words after a minus sign or NOT, the longest, and nothing else', () => {
    const names = new Set(['كيم جونغ أون', 'الأمم المتحدة', 'الأمم المتحدة للطفولة']);
    const isName = (words: string) => names.has(words);
    expect(withExcludedNamesWhole('ترامب -كيم جونغ أون', isName)).toBe('ترامب -"كيم جونغ أون"');
    expect(withExcludedNamesWhole('ترامب NOT الأمم المتحدة سوريا', isName)).toBe('ترامب NOT "الأمم المتحدة" سوريا');
    expect(withExcludedNamesWhole('-الأمم المتحدة للطفولة اليمن', isName)).toBe('-"الأمم المتحدة للطفولة" اليمن');
    expect(withExcludedNamesWhole('ترامب -كيم -جونغ أون', isName)).toBe('ترامب -كيم -جونغ أون');
    expect(withExcludedNamesWhole('ترامب -كوريا الشمالية', isName)).toBe('ترامب -كوريا الشمالية');
    expect(splitExclusions(withExcludedNamesWhole('ترامب -كيم جونغ أون', isName))).toEqual({ text: 'ترامب', excluded: ['كيم جونغ أون'] });
  });

  it('leaves a hyphen inside a word, a lone dash, a minus before a number and not in small letters as text', () => {
    expect(splitExclusions('co-operation - 2021 -5')).toEqual({ text: 'co-operation - 2021 -5', excluded: [] });
    expect(splitExclusions('2017–2018 – كوريا')).toEqual({ text: '2017–2018 – كوريا', excluded: [] });
    // not in small letters is an English word (why did trump not meet kim); NOT last has nothing to
    // leave out and is dropped, unless it is all there is.
    expect(splitExclusions('why did trump not meet kim')).toEqual({ text: 'why did trump not meet kim', excluded: [] });
    expect(splitExclusions('ترامب NOT')).toEqual({ text: 'ترامب', excluded: [] });
    expect(splitExclusions('سوريا NOT ')).toEqual({ text: 'سوريا', excluded: [] });
    expect(splitExclusions('ترامب NOT؟')).toEqual({ text: 'ترامب', excluded: [] });
    expect(splitExclusions('NOT')).toEqual({ text: 'NOT', excluded: [] });
  });
});
