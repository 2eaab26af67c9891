import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import { loadRunOnRepairer } from './run-on-repair.js';

const repairer = loadRunOnRepairer(PROJECT_ROOT);

describe('run-on repair over the committed word list', () => {
  it.each([
    ['الجزائروالولاياتالمتحدة', ['الجزائر', 'والولايات', 'المتحدة']],
    ['الولاياتالمتحدة', ['الولايات', 'المتحدة']],
    ['بالولاياتالمتحدة', ['بالولايات', 'المتحدة']],
    ['الأممالمتحدة', ['الأمم', 'المتحدة']],
    ['الجزائريةالأمريكية', ['الجزائرية', 'الأمريكية']],
  ])('splits the seed run-on %s', (token, words) => {
    expect(repairer.splitToken(token)).toEqual(words);
  });

  it.each(['والولايات', 'بالجزائر', 'للأمم', 'وواشنطن', 'الاستخباراتية', 'والاقتصادية', 'الديناميكية', 'والبدائل', 'فسنتعامل'])(
    'leaves the word %s whole',
    (word) => {
      expect(repairer.splitToken(word)).toBeUndefined();
    },
  );

  it('repairs inside text, reporting where, and leaves other scripts and punctuation alone', () => {
    const text = 'حوار بين الجزائروالولاياتالمتحدة (U.S.) في 2021، ثم الأممالمتحدة.';
    const { text: repaired, repairs } = repairer.repairText(text);
    expect(repaired).toBe('حوار بين الجزائر والولايات المتحدة (U.S.) في 2021، ثم الأمم المتحدة.');
    expect(repairs.map((r) => [r.original, r.offset])).toEqual([
      ['الجزائروالولاياتالمتحدة', text.indexOf('الجزائرو')],
      ['الأممالمتحدة', text.indexOf('الأمم')],
    ]);
  });

  it("splits a preposition run in before a word with the article where asked (a query's), and only there", () => {
    expect(repairer.splitToken('الحربفياليمن', { particles: true })).toEqual(['الحرب', 'في', 'اليمن']);
    expect(repairer.splitToken('فيالانتخابات', { particles: true })).toEqual(['في', 'الانتخابات']);
    expect(repairer.splitToken('الحربفياليمن')).toBeUndefined();
    // Before a word without the article, ف and a verb are as likely; a preposition is never last.
    for (const word of ['فيتناول', 'فيتنامي', 'معماريا', 'الحربفي']) expect(repairer.splitToken(word, { particles: true }), word).toBeUndefined();
    // Or before a name the caller knows.
    const isName = (word: string) => ['باريس', 'سوريا'].includes(word);
    expect(repairer.splitToken('الهجومعلىباريس', { particles: true, isName })).toEqual(['الهجوم', 'على', 'باريس']);
    expect(repairer.splitToken('الهجومعلىباريس', { particles: true })).toBeUndefined();
    expect(repairer.splitToken('فيتناول', { particles: true, isName })).toBeUndefined();
  });

  it('changes nothing on a second pass', () => {
    const once = repairer.repairText('الولاياتالمتحدة والجزائريةالأمريكية').text;
    expect(repairer.repairText(once)).toEqual({ text: once, repairs: [] });
  });
});
