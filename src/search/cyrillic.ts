/**
 * Names typed in Cyrillic letters (Путин, Порошенко, Навальный), written in Latin ones as English
 * writes Russian, Ukrainian and Belarusian names (BGN/PCGN, without its marks): the Arabic news writes
 * them from those forms, and the Latin names' reading takes them from there.
 */
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A Cyrillic word, whole. */
const CYRILLIC_WORD = /\p{Script=Cyrillic}+/gu;

/** Whether a text holds a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** A text with each Cyrillic word in Latin letters (Лавров: Lavrov), the rest as typed. */
export function cyrillicInLatin(text: string): string {
  return text.replace(CYRILLIC_WORD, (word) => {
    const lower = word.toLowerCase();
    // The endings English writes y (Дмитрий: Dmitry, Навальный: Navalny), and е said ye where a word begins (Ельцин: Yeltsin).
    const latin = lower
      .replace(/[иы]й$/u, 'y')
      .replace(/^е/u, 'ye')
      .replace(/./gu, (letter) => LETTERS[letter] ?? letter);
    return word[0] === lower[0] ? latin : latin[0]!.toUpperCase() + latin.slice(1);
  });
}
