import { describe, expect, it } from 'vitest';
import { quotedPhrases } from './quoted-phrases.js';

describe('quotedPhrases', () => {
  it.each([
    ['"كأس العالم" فرنسا', ['كأس العالم']],
    ['«الأمم المتحدة» و“مجلس الأمن”', ['الأمم المتحدة', 'مجلس الأمن']],
    ['"Blinken"', ['Blinken']],
    ['"كأس العالم" "كأس العالم"', ['كأس العالم']],
    ['كلمة"Clitoris"طبقا', ['Clitoris']],
    ['"غير مغلق', []],
    ['"" "؟"', []],
    ['بلا علامات', []],
  ])('%s → %j', (text, phrases) => {
    expect(quotedPhrases(text)).toEqual(phrases);
  });
});
