import { describe, expect, it } from 'vitest';
import { splitExclusions } from './excluded-terms.js';

describe('splitExclusions', () => {
  it.each([
    { q: 'الجزائر -بلينكن', text: 'الجزائر', excluded: ['بلينكن'] },
    { q: '-"الأمم المتحدة" مالي', text: 'مالي', excluded: ['الأمم المتحدة'] },
    { q: 'Mali −Libya -Libya', text: 'Mali', excluded: ['Libya'] },
    { q: '-بلينكن،', text: '', excluded: ['بلينكن'] },
    { q: 'مصر -«كرة القدم» -“ولي العهد” -”مجلس الأمن”', text: 'مصر', excluded: ['كرة القدم', 'ولي العهد', 'مجلس الأمن'] },
  ])('$q: looks for "$text", leaves out $excluded', ({ q, text, excluded }) => {
    expect(splitExclusions(q)).toEqual({ text, excluded });
  });

  it('leaves a hyphen inside a word, a lone dash and a minus before a number as text', () => {
    expect(splitExclusions('co-operation - 2021 -5')).toEqual({ text: 'co-operation - 2021 -5', excluded: [] });
  });
});
