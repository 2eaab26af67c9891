import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDictdDictionary } from '../../test/support/dictd-dictionary.js';
import {
  DEFAULT_ENGLISH_DICTIONARY,
  firstSense,
  isEnglishWord,
  loadEnglishWords,
  nearestEnglishWord,
  readLatinStretches,
  withoutLatinMarks,
  searchedAs,
  withEnglishWordsInArabic,
  type ArabiziReading,
  type EnglishWords,
} from './english-words.js';
import { PROJECT_ROOT } from '../project-root.js';
import { QUERY_SWITCHES_OFF } from './search-profile.js';
import { arabicWordOrder, loadLatinNameWords, understandQuery } from './understand-query.js';

const dir = mkdtempSync(join(tmpdir(), 'english-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const english = loadEnglishWords(
  writeDictdDictionary(dir, {
    vaccine: 'اللقاح',
    rocket: 'الصاروخ',
    rockets: 'الصواريخ',
    outbreak: 'التفشّي',
    cholera: 'الكوليرا',
    war: 'الحرب',
    ward: 'الجناح',
    'bird flu': 'إنفلونزا الطيور',
    study: 'الدراسة',
    tuition: 'مصاريف او تكاليف التعليم',
    meter: '1. العداد\n2. المتر',
    nasa: 'الوكالة الوطنية للفضاء والطيران',
    ceasefire: 'وقف إطلاق النار',
    march: 'مارس/آذار',
    lagos: 'لاجوس - أكبر مدينة في نيجيريا',
    'x-ray': 'الأشعة السينية',
    malaria: 'الملاريا',
    jeremy: 'جيرمي',
    hunt: 'الصيد',
    bird: 'الطّائر',
    flu: 'الإنفلونزا',
    valine: 'فالين',
    prices: 'الأسعار',
    prizes: 'الجوائز',
    pries: 'يحدق',
    health: 'الصحة',
    heath: 'الخلنج',
    counterrevolutionaries: 'المعادون للثورة',
    justing: 'المشاركة',
    aids: 'الإيدز',
    "o'clock": 'تماما',
    ok: 'OK',
    al: 'ولاية ألاباما',
    sale: 'البيع',
    damask: 'الدمقس',
    van: 'الشاحنة',
    attack: 'الهجوم',
    bin: 'الصندوق',
    de: 'ولاية ديلاوير الأمريكية',
    la: 'لوس أنجلوس',
    ABA: 'رابطة المصرفيين الأمريكية',
    CEO: 'المدير التنفيذي',
  }),
)!;
const listed = new Map([
  ['murder', 'مقتل'],
  ['khashoggi', 'خاشقجي'],
  ['world cup', 'كأس العالم'],
  ['u.n', 'الأمم المتحدة'],
]);

describe('the English–Arabic dictionary', () => {
  it('is absent where it is not installed', () => {
    expect(loadEnglishWords(join(dir, 'none'))).toBeUndefined();
  });

  it('gives each headword its first sense, without diacritics, numbering or alternatives', () => {
    expect(english.arabicOf('vaccine')).toBe('اللقاح');
    expect(english.arabicOf('outbreak')).toBe('التفشي');
    expect(english.arabicOf('tuition')).toBe('مصاريف');
    expect(english.arabicOf('meter')).toBe('العداد');
    expect(english.arabicOf('bird flu')).toBe('إنفلونزا الطيور');
    expect(english.arabicOf('oclock')).toBe('تماما');
    expect(english.arabicOf('march')).toBe('مارس');
    expect(english.arabicOf('lagos')).toBe('لاجوس');
    expect(english.longestPhrase).toBe(2);
  });

  it('finds a word beside others that begin with it, and nothing for what it lacks or holds no Arabic for', () => {
    expect(english.arabicOf('war')).toBe('الحرب');
    expect(english.arabicOf('ward')).toBe('الجناح');
    expect(english.arabicOf('wa')).toBeUndefined();
    expect(english.arabicOf('wards')).toBeUndefined();
    expect(english.arabicOf('ok')).toBeUndefined();
    expect(firstSense('Ok /x/\nOK\n')).toBeUndefined();
  });

  it('lists the one-word headwords a beginning begins, not the beginning itself, phrases or abbreviations', () => {
    expect(english.wordsBeginning('wa', 100)).toEqual([
      { word: 'war', arabic: 'الحرب' },
      { word: 'ward', arabic: 'الجناح' },
    ]);
    expect(english.wordsBeginning('war', 100).map(({ word }) => word)).toEqual(['ward']);
    expect(english.wordsBeginning('bi', 100).map(({ word }) => word)).toEqual(['bin', 'bird']);
    expect(english.wordsBeginning('ab', 100)).toEqual([]);
    expect(english.wordsBeginning('pri', 1).map(({ word }) => word)).toEqual(['prices']);
    expect(english.wordsBeginning('zz', 100)).toEqual([]);
  });

  it.skipIf(!existsSync(`${DEFAULT_ENGLISH_DICTIONARY}.index`))(
    'reads the installed FreeDict dictionary (skipped where dict-freedict-eng-ara is not installed)',
    () => {
      const installed = loadEnglishWords(DEFAULT_ENGLISH_DICTIONARY)!;
      expect(installed.arabicOf('vaccine')).toBe('اللقاح');
      expect(installed.arabicOf('cholera')).toBe('الكوليرا');
      expect(installed.arabicOf('zzzz')).toBeUndefined();
    },
  );
});

describe('a Latin query read against the lists and the dictionary', () => {
  const inArabic = (text: string, lists: ReadonlyMap<string, string>, words: EnglishWords) => withEnglishWordsInArabic(text, lists, words).text;

  it('searches the words the lists do not spell in Arabic, the longest phrase first', () => {
    expect(inArabic('cholera outbreak', listed, english)).toBe('الكوليرا التفشي');
    expect(inArabic('Bird Flu vaccine', listed, english)).toBe('إنفلونزا الطيور اللقاح');
  });

  it('keeps the lists’ spellings as typed, for the index’s synonyms read them', () => {
    expect(inArabic('Khashoggi murder', listed, english)).toBe('Khashoggi murder');
    expect(inArabic('world cup war', listed, english)).toBe('world cup الحرب');
    expect(inArabic('U.N. vaccine', listed, english)).toBe('U.N. اللقاح');
  });

  it("reads a word as the dictionary keys it: without a possessive 's, hyphens or apostrophes, in any case", () => {
    expect(inArabic("Khashoggi's murder", listed, english)).toBe('khashoggi murder');
    expect(inArabic('x-ray o’clock', listed, english)).toBe('الأشعة السينية تماما');
    expect(inArabic('MALARIA', listed, english)).toBe('الملاريا');
  });

  it("reads a French word without the article or pronoun elided onto it: l'Algérie, d’Espagne, qu'Alger", () => {
    const french = new Map([...listed, ['algerie', 'الجزائر'], ['espagne', 'إسبانيا'], ['alger', 'الجزائر العاصمة'], ["cote d'ivoire", 'ساحل العاج']]);
    // A listed phrase that spells the elision keeps it.
    expect(readLatinStretches("Côte d'Ivoire", french, english).map((stretch) => stretch.listed)).toEqual(['ساحل العاج']);
    expect(readLatinStretches("l'Algérie d’Espagne qu'Alger", french, english).map((stretch) => stretch.listed)).toEqual([
      'الجزائر',
      'إسبانيا',
      'الجزائر العاصمة',
    ]);
    expect(inArabic("(l'Algérie) vaccine", french, english)).toBe('(Algérie) اللقاح');
    // Not a name's own apostrophe (N'Djamena begins with n'), nor a word of one letter after it.
    expect(inArabic("O'Neill N'Djamena d'A", french, english)).toBe("O'Neill N'Djamena d'A");
  });

  it('keeps a surname after a given name as typed, where the dictionary would read a common word', () => {
    expect(inArabic('Jeremy Hunt', listed, english)).toBe('جيرمي Hunt');
    expect(inArabic('jeremy hunt', listed, english)).toBe('جيرمي الصيد');
    // Bird is a given name too, but the dictionary holds it as a noun: Hunt after it is no surname.
    expect(inArabic('Bird Hunt', listed, english)).toBe('الطائر الصيد');
    expect(english.isGivenName('jeremy')).toBe(true);
    expect(english.isGivenName('bird')).toBe(false);
  });

  it('takes a plural the dictionary lacks as its singular: vaccines, studies', () => {
    expect(inArabic('vaccines studies', listed, english)).toBe('اللقاح الدراسة');
  });

  it('reads a plural off an abbreviation, unless the word is typed as a name: CEOs and ceos, abas, not Abas', () => {
    expect(english.isAbbreviation('aba')).toBe(true);
    expect(english.isAbbreviation('vaccine')).toBe(false);
    expect(inArabic('CEOs ceos', listed, english)).toBe('المدير التنفيذي المدير التنفيذي');
    expect(inArabic('abas', listed, english)).toBe('رابطة المصرفيين الأمريكية');
    expect(inArabic('Abas', listed, english)).toBe('Abas');
    expect(inArabic('Vaccines', listed, english)).toBe('اللقاح');
    expect(isEnglishWord(english, 'Abas')).toBe(false);
  });

  it('keeps Arabic words, words it lacks, abbreviations in capitals, and translations too long to mean one word', () => {
    expect(inArabic('لقاح cholera xyzzy', listed, english)).toBe('لقاح الكوليرا xyzzy');
    expect(inArabic('AIDS aids', listed, english)).toBe('AIDS الإيدز');
    expect(inArabic('nasa ceasefire', listed, english)).toBe('nasa وقف إطلاق النار');
  });

  it('says which words it searched in Arabic, as typed but for edge punctuation', () => {
    expect(withEnglishWordsInArabic('Khashoggi cholera? Bird Flu', listed, english).translated).toEqual([
      { english: 'cholera', arabic: 'الكوليرا' },
      { english: 'Bird Flu', arabic: 'إنفلونزا الطيور' },
    ]);
  });

  it('marks what each stretch is', () => {
    expect(readLatinStretches('Khashoggi cholera? xyzzy', listed, english)).toEqual([
      { words: ['Khashoggi'], listed: 'خاشقجي' },
      { words: ['cholera?'], arabic: 'الكوليرا' },
      { words: ['xyzzy'] },
    ]);
    expect(readLatinStretches('cholera', listed)).toEqual([{ words: ['cholera'] }]);
  });

  it('says which Latin words neither the lists nor the dictionary know, numbers aside', () => {
    expect(withEnglishWordsInArabic('Khashoggi cholera? (xyzzy) 2018', listed, english)).toEqual({
      text: 'Khashoggi الكوليرا (xyzzy) 2018',
      translated: [{ english: 'cholera', arabic: 'الكوليرا' }],
      asTyped: ['xyzzy'],
    });
  });

  it('reads al, bin and the other particles of a name as no English word, and searches none of them', () => {
    expect(withEnglishWordsInArabic('Bashar al Asad', listed, english)).toEqual({ text: 'Bashar Asad', translated: [], asTyped: ['Bashar', 'Asad'] });
    expect(withEnglishWordsInArabic('Alwaleed bin Talal', listed, english).text).toBe('Alwaleed Talal');
    expect(withEnglishWordsInArabic('bin', listed, english).text).toBe('الصندوق'); // alone, the word itself
    expect(withEnglishWordsInArabic('van attack', listed, english).text).toBe('الشاحنة الهجوم'); // before an English word, a word
    expect(arabicWordOrder('Khashoggi al murder', listed, english)).toBe('مقتل خاشقجي');
  });

  it('reads the article and "and" of Arabic typed in Latin letters as no English word, whatever follows', () => {
    // sa3r el dollar, el ahly w el zamalek: al is no Alabama before an English word either.
    expect(withEnglishWordsInArabic('al vaccine', listed, english).text).toBe('اللقاح');
    expect(withEnglishWordsInArabic('cholera w malaria', listed, english).text).toBe('الكوليرا الملاريا');
    expect(withEnglishWordsInArabic('al', listed, english).text).toBe('ولاية ألاباما'); // alone, the word itself
  });

  it('reads a French article typed in small letters, and de before one, as no English word: la is no LA, Los Angeles, de no Delaware', () => {
    expect(withEnglishWordsInArabic('la cholera', listed, english).text).toBe('الكوليرا');
    expect(withEnglishWordsInArabic('les refugees', listed, english).text).toBe(withEnglishWordsInArabic('refugees', listed, english).text);
    // Nor de or du before one: président de la Tunisie had searched Delaware.
    for (const french of ['cholera de la Tunisie', 'cholera du le Maroc'])
      expect(withEnglishWordsInArabic(french, listed, english).text).toBe(withEnglishWordsInArabic(french.replace(/ d[eu] /u, ' '), listed, english).text);
  });

  it('never reads a word of the dictionary as a misspelled name: sales is not Saleh', () => {
    const switches = { ...QUERY_SWITCHES_OFF, latinNameSpelling: true, englishWords: true };
    const aids = { questionWords: new Set<string>(), latinNameWords: loadLatinNameWords(PROJECT_ROOT) };
    expect(understandQuery('smartphone sales', switches, { ...aids, englishWords: () => english })).toBe('smartphone sales');
    expect(understandQuery('smartphone sales', switches, aids)).toBe('smartphone saleh'); // without the dictionary, one edit off
    expect(understandQuery('Blinkin', switches, { ...aids, englishWords: () => english })).toBe('blinken');
    expect(isEnglishWord(english, 'sales')).toBe(true);
    expect(isEnglishWord(english, 'Damaskas')).toBe(false); // no plural of damask: Damascus misspelled
  });

  it('puts a query of dictionary phrases and listed spellings in Arabic order', () => {
    expect(arabicWordOrder('cholera outbreak', listed, english)).toBe('التفشي الكوليرا');
    expect(arabicWordOrder('Khashoggi murder', listed, english)).toBe('مقتل خاشقجي');
    expect(arabicWordOrder('cholera outbreak', listed)).toBeUndefined();
    expect(arabicWordOrder('cholera xyzzy', listed, english)).toBeUndefined();
  });
});

describe('an English word misspelled', () => {
  const anyArabic = () => 100;
  // The text a query is searched as, the corpus words it sounds like read by `reader`.
  const searchedText = (text: string, reader?: ArabiziReading) => searchedAs(readLatinStretches(text, listed, english, anyArabic, reader)).text;

  it('is read as the one word of the dictionary one edit away, a doubled letter first', () => {
    // valine is one letter from vacine too, but a missed double letter is the likelier slip.
    expect(nearestEnglishWord(english, 'vacine', anyArabic)).toEqual({ word: 'vaccine', arabic: 'اللقاح' });
    expect(nearestEnglishWord(english, 'cholra', anyArabic)?.word).toBe('cholera');
    expect(nearestEnglishWord(english, 'vacines', anyArabic)?.word).toBe('vaccines');
  });

  it('is left as typed when two words are as near, the word is short, or the Arabic is no news word', () => {
    expect(nearestEnglishWord(english, 'helth', anyArabic)).toBeUndefined();
    // wadr is ward with two letters swapped, but four letters are too few to tell a slip from another word.
    expect(nearestEnglishWord(english, 'wadr', anyArabic)).toBeUndefined();
    expect(nearestEnglishWord(english, 'cholra', (arabic) => (arabic === 'الكوليرا' ? 4 : 100))).toBeUndefined();
  });

  it('is, of two words as near, the one whose Arabic the corpus writes ten times more; a word and its plural are one', () => {
    const written = (counts: Record<string, number>) => (arabic: string) => counts[arabic] ?? 0;
    // rockes is rocket and rockets alike, one reading: the one the news writes more.
    expect(nearestEnglishWord(english, 'rockes', written({ الصاروخ: 53, الصواريخ: 33 }))).toEqual({ word: 'rocket', arabic: 'الصاروخ' });
    expect(nearestEnglishWord(english, 'prises', written({ الأسعار: 5000, الجوائز: 400 }))?.word).toBe('prices');
    expect(nearestEnglishWord(english, 'prises', written({ الأسعار: 5000, الجوائز: 600 }))).toBeUndefined();
    // pries is a headword, but priess is no plural of it (prises was read as priess, يحدق).
    expect(nearestEnglishWord(english, 'priesss', written({ يحدق: 9000 }))).toBeUndefined();
    expect(nearestEnglishWord(english, 'priees', written({ يحدق: 9000 }))?.word).toBe('pries');
  });

  it('is searched in the Arabic of the word meant, and says which word that was', () => {
    expect(withEnglishWordsInArabic('cholra vacine', listed, english, anyArabic)).toEqual({
      text: 'الكوليرا اللقاح',
      translated: [
        { english: 'cholra', arabic: 'الكوليرا', respelled: 'cholera' },
        { english: 'vacine', arabic: 'اللقاح', respelled: 'vaccine' },
      ],
      asTyped: [],
    });
    expect(withEnglishWordsInArabic('cholra', listed, english).text).toBe('cholra');
  });

  it('is read as Arabic typed in Latin letters first in a query with a digit for a letter or the article el', () => {
    // A reader that takes cholra for an Arabic word, to tell the two readings apart.
    const reader = (word: string) => (word === 'cholra' ? 'كلرا' : undefined);
    const read = (text: string) => searchedText(text, reader);
    expect(read('cholra')).toBe('الكوليرا');
    expect(read('el cholra')).toBe('كلرا');
    expect(read('3ira9 cholra')).toBe('3ira9 كلرا');
    // Every digit the reader reads counts: 8 for غ or ق, 2 for a hamza or ق.
    expect(read('ba8dad cholra')).toBe('ba8dad كلرا');
    expect(read('el2odos cholra')).toBe('el2odos كلرا');
    expect(read('covid-19 cholra')).toBe('covid-19 الكوليرا'); // a number's digits
  });

  it('leaves off Latin accents and transliteration signs, and nothing of another script', () => {
    expect(withoutLatinMarks('Ḥizballāh ʿAbbas Baʾth djazaïr')).toBe('Hizballah Abbas Bath djazair');
    expect(withoutLatinMarks('إسطنبول أُسامة')).toBe('إسطنبول أُسامة');
  });

  it('reads a word typed with accents as Arabic in Latin letters without them (djazaïr)', () => {
    const reader = (word: string) => (word === 'djazair' ? 'الجزائر' : undefined);
    expect(searchedText('djazaïr', reader)).toBe('الجزائر');
  });

  it("reads a word sounded out in Latin letters without its possessive, straight or curly (Alzheimer's had found nothing)", () => {
    const reader = (word: string) => (word.toLowerCase() === 'alzheimer' ? 'الزهايمر' : undefined);
    for (const typed of ["Alzheimer's", 'Alzheimer’s', 'alzheimer']) expect(searchedText(typed, reader), typed).toBe('الزهايمر');
  });

  it('reads a word after the article el as Arabic typed in Latin letters, even one English spells alike', () => {
    const reader = (word: string, article: boolean) => (word === 'cholera' && article ? 'الكلارة' : undefined);
    const read = (text: string) => searchedText(text, reader);
    expect(read('bilad el cholera')).toBe('bilad الكلارة');
    expect(read('cholera outbreak')).toBe('الكوليرا التفشي');
    // al alone says no Arabic typed in Latin letters (al is also a given name, and Alabama).
    expect(read('bilad al cholera')).toBe('bilad الكوليرا');
    // A capital El with no digit is a Spanish name's (El Paso): the English stays.
    expect(read('El cholera')).toBe('الكوليرا');
    expect(read('El cholera 7arb')).toBe('الكلارة 7arb');
    // With no reading of its own, the word keeps its English; nor does a reading that is the dictionary's own word.
    expect(read('el vaccine')).toBe('اللقاح');
    const sameReader = (word: string) => (word === 'cholera' ? 'كوليرا' : undefined);
    expect(searchedText('bilad el cholera', sameReader)).toBe('bilad الكوليرا');
  });

  it('reads a word joined to the article by a hyphen as the article and the word: al-Aqsa, ash-Sham, not al-amiri in a listed name nor ash-tray', () => {
    const reader = (word: string, article: boolean) =>
      ({ aqsa: 'أقصى', sham: 'شام', cholera: 'كلارة', abd: 'بعد', mahdi: 'مهدي' })[word.toLowerCase()]?.replace(/^/u, article ? 'ال' : '');
    const withHyphens = new Map([...listed, ['hadi al-amiri', 'هادي العامري'], ['abdul malik al-houthi', 'عبد الملك الحوثي']]);
    const read = (text: string) => searchedAs(readLatinStretches(text, withHyphens, english, anyArabic, reader)).text;
    expect(read('Al-Aqsa')).toBe('الأقصى');
    expect(read('al-aqsa vaccine')).toBe('الأقصى اللقاح');
    expect(read('ash-Sham')).toBe('الشام');
    expect(read('ash-tray')).toBe('ash-tray');
    expect(read('Hadi al-Amiri')).toBe('Hadi al-Amiri');
    // A word of a listed name alone, away from the words beside it there, is the article and a word: al-Aqsa as al-amiri might be.
    const amiri = (word: string, article: boolean) => (word.toLowerCase() === 'amiri' ? `${article ? 'ال' : ''}عامري` : reader(word, article));
    expect(searchedAs(readLatinStretches('al-Amiri', withHyphens, english, anyArabic, amiri)).text).toBe('العامري');
    // The hyphen says Arabic typed in Latin letters: the word after it is read so, though English spells it (sham, cholera).
    expect(read('Al-Cholera')).toBe('الكلارة');
    expect(read('Al cholera')).toBe('الكوليرا');
    // Abdul is عبد and the article, before a word or joined to it, unless a listed name spells it there.
    expect(read('Adel Abdul Mahdi')).toBe('Adel عبد المهدي');
    expect(read('abdel-mahdi')).toBe('عبد المهدي');
    expect(read('Abdul Malik al-Houthi')).toBe('Abdul Malik al-Houthi');
    expect(read('Abdul')).toBe('Abdul');
    // Abd before a word is عبد, never بعد ("after"), and the word keeps its own article: Abd al-Mahdi.
    expect(read('Abd al-Mahdi')).toBe('عبد المهدي');
  });

  it("finds the lists' spelling typed in full-width letters or with accents, as the index folds them, and says it was no word searched as typed", () => {
    for (const typed of ['Ｋｈａｓｈｏｇｇｉ', 'Khashöggi', 'KHASHOGGI']) {
      const read = searchedAs(readLatinStretches(typed, listed, english, anyArabic));
      expect(read, typed).toEqual({ text: typed, translated: [], asTyped: [] });
    }
  });

  it("finds the lists' spelling of a name typed with a digit for a letter the reader cannot read, and searches that spelling", () => {
    const stretches = readLatinStretches('5ashoggi murder', listed, english, anyArabic);
    // The lists' Latin spelling is searched, for the index's synonyms to read it; the reader is told its Arabic.
    expect(searchedAs(stretches)).toEqual({ text: 'khashoggi murder', translated: [{ english: '5ashoggi', arabic: 'خاشقجي' }], asTyped: [] });
    // A word the reader reads is its reading: the name spelled out is not looked up.
    const reader = (word: string) => (word === '5ashoggi' ? 'خاشوجي' : undefined);
    expect(searchedText('5ashoggi', reader)).toBe('خاشوجي');
    // A number's digits are no letter: 5 murder stays five.
    expect(searchedText('5 murder')).toBe('5 murder');
    expect(searchedText('k5ashoggi')).toBe('k5ashoggi');
  });

  it('is no name: a word with a capital, or on the lists of given names, stays as typed', () => {
    expect(withEnglishWordsInArabic('Cholra', listed, english, anyArabic).text).toBe('Cholra');
    // justing is one letter from justin, a given name.
    expect(nearestEnglishWord(english, 'justin', anyArabic)?.word).toBe('justing');
    expect(withEnglishWordsInArabic('justin', listed, english, anyArabic).text).toBe('justin');
    expect(withEnglishWordsInArabic('(Jeremy Hunt)', listed, english, anyArabic).text).toBe('جيرمي Hunt)');
  });

  it('looks up four words of a query at most, and none longer than twenty letters', () => {
    expect(withEnglishWordsInArabic('cholra cholra cholra cholra cholra', listed, english, anyArabic).text).toBe('الكوليرا الكوليرا الكوليرا الكوليرا cholra');
    // Only the words looked up count: numbers and short words do not.
    expect(withEnglishWordsInArabic('19 2020 2021 2022 abc cholra', listed, english, anyArabic).text).toBe('19 2020 2021 2022 abc الكوليرا');
    // One r short of a word of 22 letters: found by a doubled letter, were it not so long.
    expect(nearestEnglishWord(english, 'counterevolutionaries', anyArabic)).toBeUndefined();
  });
});
