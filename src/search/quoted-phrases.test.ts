import { describe, expect, it } from 'vitest';
import { quotedPhrases, withoutQuotedPhrases, withUnlistedLatinPhrasesUnquoted } from './quoted-phrases.js';

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

describe('withUnlistedLatinPhrasesUnquoted', () => {
  const listed = new Map([['mohammed bin salman', 'محمد بن سلمان']]);
  it.each([
    ['"human rights" Saudi', ' human rights  Saudi'],
    ['“Arab Spring”', ' Arab Spring '],
    ['"Mohammed bin Salman" visit', '"Mohammed bin Salman" visit'],
    ['"Mohammed  bin Salman."', '"Mohammed  bin Salman."'],
    ['"ولي العهد" visit', '"ولي العهد" visit'],
    ['"2030"', '"2030"'],
  ])('%s → %j', (text, unquoted) => {
    expect(withUnlistedLatinPhrasesUnquoted(text, listed)).toBe(unquoted);
  });
});
