import { describe, expect, it } from 'vitest';
import { cyrillicInLatin, hasCyrillic } from './cyrillic.js';

describe('cyrillicInLatin', () => {
  it.each([
    ['Путин', 'Putin'],
    ['Порошенко', 'Poroshenko'],
    ['Шойгу', 'Shoygu'],
    ['Дмитрий Медведев', 'Dmitry Medvedev'],
    ['Навальный', 'Navalny'],
    ['Ельцин', 'Yeltsin'],
    ['Зеленський', 'Zelensky'],
    ['газпром', 'gazprom'],
  ])('writes %s as English writes it: %s', (cyrillic, latin) => {
    expect(cyrillicInLatin(cyrillic)).toBe(latin);
  });

  it('leaves Arabic, Latin and digits as typed', () => {
    expect(cyrillicInLatin('لافروف Лавров S-400')).toBe('لافروف Lavrov S-400');
    expect(hasCyrillic('لافروف Lavrov')).toBe(false);
    expect(hasCyrillic('Лавров')).toBe(true);
  });
});
