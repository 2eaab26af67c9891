import { describe, expect, it } from 'vitest';
import { quotedPhrases, withoutQuotedPhrases } from './quoted-phrases.js';

describe('quotedPhrases', () => {
  it.each([
    ['"كأس العالم" فرنسا', ['كأس العالم']],
    ['«الأمم المتحدة» و“مجلس الأمن”', ['الأمم المتحدة', 'مجلس الأمن']],
    ['"Blinken"', ['Blinken']],
    ['”كأس العالم” „ولي العهد“ »مجلس الأمن«', ['كأس العالم', 'ولي العهد', 'مجلس الأمن']],
    ['"كأس العالم" "كأس العالم"', ['كأس العالم']],
    ['كلمة"Clitoris"طبقا', ['Clitoris']],
    ['"غير مغلق', []],
    ['"" "؟"', []],
    ['بلا علامات', []],
  ])('%s → %j', (text, phrases) => {
    expect(quotedPhrases(text)).toEqual(phrases);
  });
});

describe('withoutQuotedPhrases', () => {
  it('keeps the words outside every kind of quotes', () => {
    expect(withoutQuotedPhrases('الأهلي "ريال مدريد" «دوري الأبطال» فوز')).toBe('الأهلي فوز');
    expect(withoutQuotedPhrases('"كرة القدم"')).toBe('');
  });
});
