import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../project-root.js';
import {
  buildTitleSuggestBody,
  changesListedName,
  chooseSpelling,
  readSpellings,
  readSurfaceForm,
  nearEnoughToSearch,
  onlyRestoresHamza,
  respellingFindsMore,
  respellsOnlyToNames,
  replacesSoundedOutWord,
  respellsToUnlistedLatin,
  respellToListedNames,
  SUGGEST_MAX_WORDS,
  suggestText,
} from './build-suggest-body.js';
import { loadListedNameWords } from './understand-query.js';
import { normalizedWordsOf } from '../analysis/in-process-analyzer.js';
import { markTypedWords, nameBegunInLatin } from './suggest.js';

describe('suggestion bodies', () => {
  it('search the last words typed, each once, as query strings only', () => {
    const typed = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(suggestText(typed).split(' ')).toHaveLength(SUGGEST_MAX_WORDS);
    expect(suggestText('وزير وزير الخار')).toBe('وزير الخار');
    const body = buildTitleSuggestBody('{"match_all":{}} بلين', 5);
    expect(body.query).toEqual({
      bool: {
        should: [{ match: { 'title.prefix': { query: '{"match_all":{}} بلين', operator: 'and' } } }],
        minimum_should_match: 1,
        must_not: [{ exists: { field: 'duplicate_of' } }],
      },
    });
    // Arabic, alone or beside Latin, only by beginnings: بلين, half of بلينكن, is ب + لين to the stemmer.
    for (const typed of ['بلين', 'Trump بلين']) {
      expect((buildTitleSuggestBody(typed, 5).query as { bool: { should: unknown[] } }).bool.should).toEqual([
        { match: { 'title.prefix': { query: typed, operator: 'and' } } },
      ]);
    }
    expect(body.rescore).toEqual({
      window_size: 15,
      query: { rescore_query: { match: { 'title.exact': { query: '{"match_all":{}} بلين', analyzer: 'arabic_exact' } } } },
    });
  });

  it('read the respelling and the words an article writes it with', () => {
    expect(readSpellings({ spelling: [{ options: [{ text: 'الجزاءر' }, { text: 'الجزر' }] }] })).toEqual(['الجزاءر', 'الجزر']);
    expect(readSpellings({ spelling: [{ options: [] }] })).toEqual([]);
    expect(readSpellings(undefined)).toEqual([]);
    const text = 'مع <mark>الولايات</mark> قال <mark>الولايات</mark> <mark>المتحدة</mark> و';
    expect(readSurfaceForm({ 'body.exact': [text] }, 2)).toBe('الولايات المتحدة');
    expect(readSurfaceForm({ 'body.exact': ['<mark>a</mark> x <mark>b</mark>'] }, 2)).toBeUndefined();
    // A hashtag's words are marked one by one, its underscore between them.
    expect(readSurfaceForm({ 'body.exact': ['عن #<mark>الولايات</mark>_<mark>المتحدة</mark> اليوم'] }, 2)).toBe('الولايات المتحدة');
    // A word, then a hashtag holding the others, or a comma between them: one run.
    expect(readSurfaceForm({ 'body.exact': ['هدف <mark>صلاح</mark>، <mark>ليفربول</mark> اليوم'] }, 2)).toBe('صلاح ليفربول');
    expect(readSurfaceForm({ 'body.exact': ['يؤثر <mark>ارتفاع</mark> #<mark>أسعار</mark>_<mark>النفط</mark> سلبا'] }, 3)).toBe('ارتفاع أسعار النفط');
    expect(readSurfaceForm({ 'body.exact': ['<mark>a</mark> #x <mark>b</mark>'] }, 2)).toBeUndefined();
  });
});

describe('respellings of listed names', () => {
  const listed = loadListedNameWords(PROJECT_ROOT);

  it('are refused when they change a word of a listed name, however it is typed', () => {
    expect(changesListedName('رمطان لعمامرة', 'رمضان لمعامله', listed)).toBe(true);
    expect(changesListedName('إسبر', 'اكبر', listed)).toBe(true); // إسبر and اسبر normalize alike
    expect(changesListedName('«رمطان»،لعمامرة', 'رمضان لعمامره', listed)).toBe(true);
    expect(changesListedName('لمصر', 'لمصدر', listed)).toBe(true); // a clitic form of مصر
    expect(changesListedName('Blinken', 'blinkin', listed)).toBe(true);
    expect(changesListedName('قدس', 'قدم', listed)).toBe(true); // القدس without its article
    expect(changesListedName('القايد', 'القائد', listed)).toBe(true); // قايد of قايد صالح with an article
  });

  it('are kept when every listed name stays as typed, hyphenated Latin names included', () => {
    expect(changesListedName('رمطان لعمامرة الجزاير', 'رمطان لعمامره الجزاءر', listed)).toBe(false);
    expect(changesListedName('ban ki-moon الجزاير', 'ban ki moon الجزاءر', listed)).toBe(false);
    expect(changesListedName('في الجزاير', 'من الجزاءر', listed)).toBe(false); // a stopword is no name
  });

  it('are refused when they bring in a Latin word no listed name holds, and kept when one does', () => {
    expect(respellsToUnlistedLatin('Hariri', 'Hairy', listed)).toBe(true);
    expect(respellsToUnlistedLatin('Obma الجزاير', 'OCHA الجزاير', listed)).toBe(true);
    expect(respellsToUnlistedLatin('Egipt', 'Egypt', listed)).toBe(false);
    expect(respellsToUnlistedLatin('Trumpp visit', 'Trump visit', listed)).toBe(false); // visit stays as typed
    expect(respellsToUnlistedLatin('الجزاير', 'الجزاءر', listed)).toBe(false);
  });

  it('are refused when they put another word in place of one read as Arabic typed in Latin letters', () => {
    const soundedOut = new Map([['abas', 'عباس']]);
    const arabicOfLatin = new Map([
      ['arab', 'عرب'],
      ['abbas', 'عباس'],
    ]);
    expect(replacesSoundedOutWord('Abas', 'Arab', soundedOut, arabicOfLatin)).toBe(true);
    expect(replacesSoundedOutWord('Abas', 'Abbas', soundedOut, arabicOfLatin)).toBe(false); // the lists read it alike
    expect(replacesSoundedOutWord('Abas visti', 'Abas visit', soundedOut, arabicOfLatin)).toBe(false);
  });

  it('are searched in place of a text that finds nothing only when they change words into listed names alone', () => {
    expect(respellsOnlyToNames('Putn', 'putin', listed)).toBe(true);
    expect(respellsOnlyToNames('الموسل', 'الموصل', listed)).toBe(true);
    expect(respellsOnlyToNames('Putn -China', 'putin -China', listed)).toBe(true);
    // A word no article holds turned into a commoner one; a respelling without the exclusion, or the quotes; a number.
    expect(respellsOnlyToNames('زرافة', 'زراعة', listed)).toBe(false);
    expect(respellsOnlyToNames('الموسل -داعش', 'الموصل', listed)).toBe(false);
    expect(respellsOnlyToNames('"الموسل"', 'الموصل', listed)).toBe(false);
    expect(respellsOnlyToNames('الموسل 2014', 'الموصل 2013', listed)).toBe(false);
  });
});

describe('misspelled listed names', () => {
  const listed = loadListedNameWords(PROJECT_ROOT);

  // The suggester's likeliest respellings on the ANT corpus, in its normalized letters.
  it.each([
    ['بيلنكين', 'بالسكين', 'بلينكين'], // two letters swapped: one edit
    ['بلنكين', 'بنكين', 'بلينكين'], // a letter left out
    ['لعمارة', 'لاماره', 'لعمامره'], // a clitic form of the name
    ['الحوتيين', 'الحوثيين', 'الحوثيين'], // the Houthis, not whales (الحوت)
    ['زيارة بيلنكين', 'زياره بالسكين', 'زياره بلينكين'], // the other words stay (normalized)
  ])('respell %s to the name (the suggester said %s)', (typed, likeliest, expected) => {
    expect(respellToListedNames(typed, likeliest, listed)).toBe(expected);
  });

  it('leave alone a common word of a longer name: الحوات is no slip of القوات (of القوات اللبنانية)', () => {
    expect(respellToListedNames('لعمامرة الحوات', 'لعمامره الحوار', listed)).toBe('لعمامره القوات');
    expect(respellToListedNames('لعمامرة الحوات', 'لعمامره الحوار', listed, (word) => word === 'القوات')).toBeUndefined();
  });

  it('leave alone the words the likeliest respelling keeps, short words, and words far from any name', () => {
    expect(respellToListedNames('بيلنكين', 'بيلنكين', listed)).toBeUndefined(); // kept: no word of the index is missing
    expect(respellToListedNames('مصدد', 'مصدر', listed)).toBeUndefined(); // four letters, one edit from مصر
    expect(respellToListedNames('البرتقالل', 'البرتقال', listed)).toBeUndefined(); // no name near it
  });
});

describe('choosing among respellings', () => {
  // The suggester's options for الجزاير on the ANT corpus, likeliest first, in its normalized letters.
  const offered = ['الجزيره', 'الجزاءر', 'الجماهير'];
  const hits = (...texts: string[]) => texts.map((text) => new Set(normalizedWordsOf(text)));

  it('offers the respelling most of the search’s own hits hold, over a likelier one', () => {
    expect(chooseSpelling(offered, 'الجزاير', hits('الجزائر تسلك طريق الحرير', 'تعديل وزاري في الجزائر', 'قناة الجزيرة'))).toBe('الجزاءر');
  });

  it('looks only at the words it changes, and else offers the likeliest', () => {
    expect(chooseSpelling(['الرءيس الجزاءري', 'الرءيس الجماهيري'], 'الرئيس الجزايري', hits('المنتخب الجزائري'))).toBe('الرءيس الجزاءري');
    expect(chooseSpelling(offered, 'الجزاير', hits('لا شيء هنا'))).toBe('الجزيره');
    expect(chooseSpelling([], 'الجزاير', [])).toBeUndefined();
  });
});

describe('marking the typed words in a title', () => {
  it('marks each word begun by a typed word, whatever its alef or hamza, and escapes the rest', () => {
    expect(markTypedWords('لقاء أنطوني بلينكين <مع> الجزائريين', 'انطوني بلين الجزائ')).toBe(
      'لقاء <mark>أنطوني</mark> <mark>بلينكين</mark> &#60;مع&#62; <mark>الجزائريين</mark>',
    );
    // Digits in any script: ١٢ and ۱۲ begin 12, as the index reads them.
    expect(markTypedWords('في 12 مدينة', '١٢')).toBe('في <mark>12</mark> مدينة');
    expect(markTypedWords('في ١٢ مدينة', '۱۲')).toBe('في <mark>١٢</mark> مدينة');
  });
});

describe('a name begun in Latin script', () => {
  const arabicOfLatin = new Map([
    ['idlib', 'إدلب'],
    ['idaho', 'أيداهو'],
    ['gaza', 'غزة'],
    ['gaza strip', 'قطاع غزة'],
  ]);
  const written: Record<string, number> = { إدلب: 900, أيداهو: 3, غزة: 2000, قطاع: 500 };
  // As the corpus word list counts a phrase: its least written word.
  const frequency = (arabic: string) => Math.min(...arabic.split(' ').map((word) => written[word] ?? 0));
  const palestine = { facet: 'regions' as const, value: 'palestine', label: { ar: 'فلسطين', en: 'Palestine' }, matched: 'Gaza' };

  it('is the first suggested entity whose Latin spelling the text begins, as the lists write that spelling', () => {
    expect(nameBegunInLatin('Gaz', [palestine], arabicOfLatin, frequency)).toBe('غزة');
    expect(nameBegunInLatin('Pal', [{ ...palestine, matched: 'Palestine' }], arabicOfLatin, frequency)).toBe('فلسطين');
  });

  it('is otherwise the listed spelling it begins whose Arabic the corpus writes most', () => {
    expect(nameBegunInLatin('Id', [], arabicOfLatin, frequency)).toBeUndefined();
    expect(nameBegunInLatin('Ida', [], arabicOfLatin, frequency)).toBe('أيداهو');
    expect(nameBegunInLatin('idl', [], arabicOfLatin, frequency)).toBe('إدلب');
    expect(nameBegunInLatin('Gaza s', [], arabicOfLatin, frequency)).toBe('قطاع غزة');
  });

  it('is nothing for a text with Arabic in it, or an entity matched in Arabic', () => {
    expect(nameBegunInLatin('Idl إدلب', [], arabicOfLatin, frequency)).toBeUndefined();
    expect(nameBegunInLatin('غز', [{ ...palestine, matched: 'غزة' }], arabicOfLatin, frequency)).toBeUndefined();
  });
});

describe('respellingFindsMore', () => {
  it('searches a respelling in place of nothing, or of next to nothing where it finds twenty times as many', () => {
    expect(respellingFindsMore(0, 1)).toBe(true);
    expect(respellingFindsMore(0, 0)).toBe(false);
    expect(respellingFindsMore(1, 585)).toBe(true); // Mesi: one article's MCSI; messi
    expect(respellingFindsMore(2, 39)).toBe(false); // not twenty times as many
    expect(respellingFindsMore(5, 100)).toBe(true);
    expect(respellingFindsMore(6, 10_000)).toBe(false); // six articles are something as typed
  });
});

describe('onlyRestoresHamza', () => {
  it('is true of a respelling that only writes a hamza left off or unseated, in half the words or more', () => {
    expect(onlyRestoresHamza('موتمر', 'مؤتمر')).toBe(true);
    expect(onlyRestoresHamza('مسول الملف', 'مسؤول الملف')).toBe(true);
    expect(onlyRestoresHamza('سوال -ترامب', 'سؤال -ترامب')).toBe(true);
  });

  it('is false of any other respelling, or one that changes the operators', () => {
    expect(onlyRestoresHamza('الانتحابات', 'الانتخابات')).toBe(false); // another letter
    expect(onlyRestoresHamza('زرافة', 'زراعة')).toBe(false);
    expect(onlyRestoresHamza('موتمر -ترامب', 'مؤتمر')).toBe(false);
    expect(onlyRestoresHamza('مؤتمر', 'مؤتمر')).toBe(false); // nothing changed
    // A word of two letters and a hamza after them: more likely one being typed (الجزائر) than جزء.
    expect(onlyRestoresHamza('الجز', 'الجزء')).toBe(false);
    expect(onlyRestoresHamza('سما', 'سماء')).toBe(true);
    // One word of a longer text: the others decide its results.
    expect(onlyRestoresHamza('الجايزة الكبيرة في مهرجان الجونة', 'الجائزة الكبيرة في مهرجان الجونة')).toBe(false);
  });

  it('counts the words a search reads, not its stopwords: الحرايق في اليونان is half restored', () => {
    const isStopword = (word: string) => word === 'في';
    expect(onlyRestoresHamza('الحرايق في اليونان', 'الحرائق في اليونان', isStopword)).toBe(true);
    expect(onlyRestoresHamza('الحرايق في اليونان', 'الحرائق في اليونان')).toBe(false);
    expect(onlyRestoresHamza('الجايزة الكبيرة في مهرجان الجونة', 'الجائزة الكبيرة في مهرجان الجونة', isStopword)).toBe(false);
  });
});

describe('nearEnoughToSearch', () => {
  it('searches in place only a respelling near what was typed, of Latin words nobody knows that sound like it', () => {
    expect(nearEnoughToSearch('Putn', 'putin', ['Putn'])).toBe(true);
    expect(nearEnoughToSearch('Kerkuc', 'kirkuk', ['Kerkuc'])).toBe(true); // two edits from six letters
    expect(nearEnoughToSearch('Bashar al-Asad', 'Bashar al-assad', ['Bashar', 'al-Asad'])).toBe(true);
    expect(nearEnoughToSearch('Bashar', 'bashar assad', [])).toBe(false); // a name begun, completed: offered only
    expect(nearEnoughToSearch('الموسل', 'الموصل', undefined)).toBe(true);
    expect(nearEnoughToSearch('Guta', 'GULF', ['Guta'])).toBe(false); // two edits from four letters, and sounds otherwise
    expect(nearEnoughToSearch('tramp', 'trump', [])).toBe(false); // a word the dictionary read
    expect(nearEnoughToSearch('tramp', 'trump', ['tramp'])).toBe(true);
    expect(nearEnoughToSearch('Mbapi', 'mbappe', ['Mbapi'])).toBe(false); // two edits from five letters: offered only
  });
});
