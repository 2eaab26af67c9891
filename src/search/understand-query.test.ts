import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIndexDefinition, readNameAnalysis } from '../index/index-definition.js';
import { loadRunOnRepairer } from '../ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../project-root.js';
import { QUERY_SWITCHES_OFF } from './search-profile.js';
import {
  arabicNameRespellings,
  arabicWordOrder,
  detachNameClitics,
  editDistance,
  foldedSpellings,
  fullNameFormsIn,
  doubledLetterRespellings,
  hamzaRespellings,
  heardAlikeRespellings,
  onlyHeardAlike,
  joinSplitWords,
  joinStrayArticles,
  listedMultiwordNames,
  listedNamesWithStopwords,
  loadArabicNameWords,
  loadArabicOfLatin,
  loadFullNameForms,
  loadGluedNames,
  loadLatinAbbreviations,
  loadArabicOfNameWords,
  loadLatinNamesOfWords,
  loadLatinNameWords,
  loadLatinSpellings,
  loadListedNameSpellings,
  namesAsListed,
  loadListedNameWords,
  loadNameCliticForms,
  loadQueryLists,
  loadQuestionWords,
  latinRunOnsAsTags,
  nameSlipOffer,
  nameRunSlipOffer,
  nameSpellingKey,
  offeredNameReach,
  onlyListedNames,
  QUESTION_OPENERS,
  respellLatinNames,
  respellWholeLatinNames,
  splitGluedNames,
  splitTags,
  startsWithQuestionWord,
  understandQuery,
  withoutArticleOnNames,
  withoutQuestionOpening,
} from './understand-query.js';

const questionWords = loadQuestionWords(PROJECT_ROOT);
const off = QUERY_SWITCHES_OFF;
const repairingRunOns = { ...off, runOnRepair: true };
/** What splitting glued names reads: the word list (seconds to load on a busy machine, so in each test's time) and the names. */
const gluedNameAids = () => ({ questionWords, repairer: loadRunOnRepairer(PROJECT_ROOT), gluedNames: loadGluedNames(PROJECT_ROOT) });

describe('understandQuery', () => {
  it('takes question words and particles out, whatever their hamza or punctuation', () => {
    const on = { ...off, questionWords: true };
    expect(understandQuery(' - من هو جمال أحمد حمزة خاشقجي؟ ', on, { questionWords })).toBe('جمال أحمد حمزة خاشقجي؟');
    expect(understandQuery('كم عدد سكان الجزائر؟', on, { questionWords })).toBe('عدد سكان الجزائر؟');
    expect(understandQuery('إين تقع مالي', on, { questionWords })).toBe('تقع مالي');
    expect(understandQuery('ما هي عاصمة مصر', on, { questionWords })).toBe('عاصمة مصر');
    expect(understandQuery('شنو صار بالعراق', on, { questionWords })).toBe('بالعراق'); // dialect: Iraqi, Levantine, Egyptian
    expect(understandQuery('قديش صار الدولار بلبنان هلأ؟', on, { questionWords })).toBe('الدولار بلبنان');
    expect(understandQuery('منو اللي فاز بخليجي 23', on, { questionWords })).toBe('فاز بخليجي 23');
    expect(understandQuery('شو عم يصير بإدلب', on, { questionWords })).toBe('شو بإدلب'); // without the openers
    expect(understandQuery('شكو ماكو بالانتخابات العراقية', on, { questionWords })).toBe('بالانتخابات العراقية');
    // "For how much" and "today": in 9 ANT articles, النهارده had ranked quotes in dialect above the dollar's price.
    expect(understandQuery('الدولار بكام النهارده في مصر', on, { questionWords })).toBe('الدولار في مصر');
    expect(understandQuery('وين تقع الموصل', on, { questionWords })).toBe('تقع الموصل');
    expect(understandQuery('ازاي تسافر مصر', on, { questionWords })).toBe('تسافر مصر');
  });

  it("takes out an English query's function words, but not an abbreviation typed in capitals nor a listed name's own", () => {
    const on = { ...off, questionWords: true };
    const aids = { questionWords, latinAbbreviations: loadLatinAbbreviations(PROJECT_ROOT), listedNameSpellings: loadListedNameSpellings(PROJECT_ROOT) };
    expect(understandQuery('What happened in Ghouta?', on, aids)).toBe('Ghouta?');
    expect(understandQuery('WHAT HAPPENED IN GHOUTA', on, aids)).toBe('GHOUTA');
    expect(understandQuery('the Iran nuclear deal', on, aids)).toBe('Iran nuclear deal');
    expect(understandQuery('WHO warns on Ebola', on, aids)).toBe('who warns Ebola');
    expect(understandQuery('UN envoy in Yemen', on, aids)).toBe('u.n envoy Yemen');
    expect(understandQuery('KIM JONG UN', on, aids)).toBe('KIM JONG UN');
    expect(understandQuery('drought in the Horn of Africa', on, aids)).toBe('drought Horn of Africa');
    expect(understandQuery('Bosnia and Herzegovina', on, aids)).toBe('Bosnia and Herzegovina');
    // A listed phrase's function words are its own too.
    expect(understandQuery('the US secretary of state', on, aids)).toBe('u.s secretary state');
    expect(understandQuery('the US secretary of state', on, { ...aids, arabicOfLatin: loadArabicOfLatin(PROJECT_ROOT) })).toBe('u.s secretary of state');
    // French ones too (est had been read as Eastern Standard Time), but not the articles that begin names.
    expect(understandQuery('Qui est le président du Mali ?', on, aids)).toBe('le président du Mali');
    expect(understandQuery('Où sont les otages', on, aids)).toBe('otages');
    // Arabizi: dialect question words in Latin letters and digits.
    expect(understandQuery('shou sar ma3 khashoggi', on, aids)).toBe('khashoggi');
    expect(understandQuery('eish sar fi el yaman', on, aids)).toBe('el yaman');
  });

  const withOpeners = { on: { ...off, questionWords: true }, aids: { questionWords, questionOpeners: loadQuestionWords(PROJECT_ROOT, QUESTION_OPENERS) } };

  it('takes a question opener out only as the first word: شو صار بالغوطة, but not توك شو or برنارد شو', () => {
    const { on, aids } = withOpeners;
    expect(understandQuery('شو عم يصير بإدلب', on, aids)).toBe('بإدلب');
    expect(understandQuery('«شو» صار بالغوطة؟', on, aids)).toBe('بالغوطة؟');
    expect(understandQuery('ليه الجنيه المصري نزل', on, aids)).toBe('الجنيه المصري نزل');
    expect(understandQuery('برنامج توك شو', on, aids)).toBe('برنامج توك شو');
    expect(understandQuery('شو', on, aids)).toBe('شو');
    // "News of" in Arabizi opens a query, and is a word after it (Akhbar al-Yawm, a paper).
    expect(understandQuery('akhbar el sisi', on, aids)).toBe('el sisi');
    expect(understandQuery('jaridat akhbar al yawm', on, aids)).toBe('jaridat akhbar al yawm');
    expect(startsWithQuestionWord('شو صار بالغوطة', questionWords, aids.questionOpeners)).toBe(true);
    expect(startsWithQuestionWord('شو صار بالغوطة', questionWords)).toBe(false);
  });

  it('leaves what a question asks about for a title to begin: ايش اخر اخبار خاش is خاش', () => {
    const { aids } = withOpeners;
    expect(withoutQuestionOpening('ايش اخر اخبار خاش', aids)).toBe('خاش');
    expect(withoutQuestionOpening('امتى الانتخا', aids)).toBe('الانتخا');
    expect(withoutQuestionOpening('شو صار بسو', aids)).toBe('بسو');
    expect(withoutQuestionOpening('وين', aids)).toBe('وين');
    expect(withoutQuestionOpening('اليمن آخر أخبار', aids)).toBe('اليمن آخر أخبار');
    expect(withoutQuestionOpening('what is the latest on Syria', aids)).toBe('what is the latest on Syria');
  });

  it('takes out what a reader types before a subject to ask for its news, only at the start', () => {
    const { on, aids } = withOpeners;
    expect(understandQuery('آخر أخبار اليمن', on, aids)).toBe('اليمن');
    // عن is a stopword: the index leaves it out.
    expect(understandQuery('اخر الاخبار عن السودان', on, aids)).toBe('عن السودان');
    expect(understandQuery('Latest news on Yemen', on, aids)).toBe('Yemen');
    expect(understandQuery('أخبار كاذبة', on, aids)).toBe('أخبار كاذبة');
    expect(understandQuery('اليمن آخر أخبار', on, aids)).toBe('اليمن آخر أخبار');
    expect(understandQuery('آخر الأخبار', on, aids)).toBe('آخر الأخبار');
    // After question words and punctuation too.
    expect(understandQuery('« آخر أخبار » اليمن', on, aids)).toBe('اليمن');
    expect(understandQuery('what is the latest on Syria', on, aids)).toBe('Syria');
    // What happened, after a question word or first; a word of the news anywhere else.
    expect(understandQuery('ماذا حدث في ادلب', on, aids)).toBe('في ادلب');
    expect(understandQuery('ايه اللي حصل في مصر', on, aids)).toBe('في مصر');
    expect(understandQuery('حصل ايه في مصر', on, aids)).toBe('في مصر');
    expect(understandQuery('تحقيق فيما حدث في خان شيخون', on, aids)).toBe('تحقيق فيما حدث في خان شيخون');
    // Dialect words beside the subject: much, in front of, very.
    expect(understandQuery('ليش خسرت السعوديه قدام روسيا', on, aids)).toBe('خسرت السعوديه روسيا');
    expect(understandQuery('الاسعار في لبنان غالية كتير', on, aids)).toBe('الاسعار في لبنان غالية');
    // "I want to know", and "with what" (بإيه): an Egyptian's question around its subject.
    expect(understandQuery('عايز اعرف اخبار محمد صلاح', on, aids)).toBe('محمد صلاح');
    // أخبار alone before its subject, and after a dialect "want"; the fake news stay the subject.
    expect(understandQuery('اخبار البشير', on, aids)).toBe('البشير');
    expect(understandQuery('عايز اخبار الخرطوم', on, aids)).toBe('الخرطوم');
    expect(understandQuery('داير اعرف اخبار البشير', on, aids)).toBe('البشير');
    expect(understandQuery('الأخبار الكاذبة', on, aids)).toBe('الأخبار الكاذبة');
    expect(understandQuery('هو مرسي اتحكم عليه بإيه', on, aids)).toBe('مرسي اتحكم عليه');
  });

  it('searches a query made only of question words as typed, and leaves text alone with the switch off', () => {
    expect(understandQuery('من هو؟', { ...off, questionWords: true }, { questionWords })).toBe('من هو؟');
    expect(understandQuery('من هو بلينكن', off, { questionWords })).toBe('من هو بلينكن');
  });

  it('splits words run together when the profile asks for it', () => {
    const repairer = loadRunOnRepairer(PROJECT_ROOT);
    const glued = 'الجزائروالولاياتالمتحدة';
    expect(understandQuery(glued, { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('الجزائر والولايات المتحدة');
    expect(understandQuery(glued, off, { questionWords, repairer })).toBe(glued);
    // Typed without the hamzas the pieces are written with: split as the written spelling splits.
    expect(understandQuery('الامينالعام', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('الأمين العام');
    expect(understandQuery('الاسدوروسيا', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('الأسد وروسيا');
    // Words rarer than the repairer's pieces, the second's article saying where it begins.
    expect(understandQuery('الخانالأحمر', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('الخان الأحمر');
    expect(understandQuery('بوتفليقةالعهدة', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('بوتفليقة العهدة');
    // A year typed against a word: the index holds two words.
    expect(understandQuery('كأس العالم2018', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('كأس العالم 2018');
    expect(understandQuery('كاس العالم٢٠١٨', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('كاس العالم ٢٠١٨');
    expect(understandQuery('2018العالم', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('2018 العالم');
    expect(understandQuery('G20 ب2018', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('G20 ب2018');
    // A dialect question word the news never writes, typed against the name or verb asked about; a word that begins like one stays whole.
    expect(understandQuery('منهوترامب', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('منهو ترامب');
    // A short listed name after a word (منتخب مصر), where the query's names are known.
    const listedNameSpellings = loadListedNameSpellings(PROJECT_ROOT);
    expect(understandQuery('منتخبمصر', { ...off, runOnRepair: true }, { questionWords, repairer, listedNameSpellings })).toBe('منتخب مصر');
    expect(understandQuery('شنوصار', { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('شنو صار');
    for (const word of ['منهوبة', 'ماذاق', 'كيفية', 'هلال', 'كأماكن', 'وينبغي', 'فينتظر', 'ليشارك'])
      expect(understandQuery(word, { ...off, runOnRepair: true }, { questionWords, repairer })).toBe(word);
    // ه typed for ة: the word the news writes, not بال and سعوديه.
    for (const word of ['بالسعوديه', 'والسعوديه', 'بالسعودية'])
      expect(understandQuery(word, { ...off, runOnRepair: true }, { questionWords, repairer })).toBe(word);
  }, 30_000); // the word list loads in ~0.1 s alone, seconds on a loaded machine

  it('spells a listed name typed without its spaces with them, in either script, unless the glued form is a word of the corpus', () => {
    const aids = gluedNameAids();
    expect(understandQuery('جونكيري', repairingRunOns, aids)).toBe('جون كيري');
    expect(understandQuery('AntonyBlinken', repairingRunOns, aids)).toBe('antony blinken');
    expect(understandQuery('لقاء "سامحشكري"؟', repairingRunOns, aids)).toBe('لقاء "سامح شكري"؟');
    expect(understandQuery('وزير الخارجية تونيبلير', repairingRunOns, aids)).toBe('وزير الخارجية تونيبلير'); // no listed name
    expect(understandQuery('مضيقهرمز', repairingRunOns, aids)).toBe('مضيق هرمز'); // a strait the lists name
    expect(understandQuery('عبدالعزيز', repairingRunOns, aids)).toBe('عبدالعزيز'); // written glued in the corpus: a word
    expect(understandQuery('ابوظبي', repairingRunOns, aids)).toBe('ابوظبي'); // a list writes أبوظبي too: one name
    expect(understandQuery('جونكيري', off, aids)).toBe('جونكيري');
  }, 30_000);

  it('spells two or three listed names typed as one word apart, the fewest that make it up, each of three letters or more', () => {
    const aids = gluedNameAids();
    expect(understandQuery('ترامبكيم', repairingRunOns, aids)).toBe('ترامب كيم');
    expect(understandQuery('ترامبوكيم', repairingRunOns, aids)).toBe('ترامب وكيم'); // the و that joins them
    expect(understandQuery('بلينكنالجزائر', repairingRunOns, aids)).toBe('بلينكن الجزائر');
    expect(understandQuery('trumpputin', repairingRunOns, aids)).toBe('trump putin');
    expect(understandQuery('Macronalgeria?', repairingRunOns, aids)).toBe('macron algeria?');
    expect(understandQuery('antonyblinkenalgeria', repairingRunOns, aids)).toBe('antony blinken algeria'); // a listed run and a name
    expect(understandQuery('basharalassad', repairingRunOns, aids)).toBe('bashar al-assad'); // its hyphen typed away too
    expect(understandQuery('مصرقطرغزة', repairingRunOns, aids)).toBe('مصر قطر غزة');
    expect(understandQuery('trumpputinkimmacron', repairingRunOns, aids)).toBe('trumpputinkimmacron'); // four names: no reader typed that
    expect(understandQuery('usuk', repairingRunOns, aids)).toBe('usuk'); // names of two letters
    expect(understandQuery('kimono', repairingRunOns, aids)).toBe('kimono'); // a name and letters that are none
    expect(understandQuery('trumpkim', off, aids)).toBe('trumpkim');
  }, 30_000);

  it('reads a hashtag or handle pasted from a post as its words, a one-name tag as that name', () => {
    const gluedNames = loadGluedNames(PROJECT_ROOT);
    for (const [typed, read] of [
      ['#WorldCup', 'World Cup'],
      ['#WorldCup2018', 'World Cup 2018'],
      ['(#Russia2018)', '(Russia 2018)'],
      ['#BBCArabic', 'BBC Arabic'],
      ['@realDonaldTrump', 'Donald Trump'],
      ['#كأس_العالم', 'كأس العالم'],
      ['قمة #ترامب_كيم،', 'قمة ترامب كيم،'],
      ['#TrumpKimSummit', 'Trump Kim Summit'],
      ['#YouTube', 'YouTube'], // a listed name
      ['#iPhone', 'iPhone'], // one small letter before a capital: no word
      ['#G20', 'G20'], // no year
      ['real estate', 'real estate'],
      ['a@b.com C#', 'a@b.com C#'],
    ] as const)
      expect(splitTags(typed, gluedNames), typed).toBe(read);
    // In small letters: the fewest English words or listed names making it up, two to four.
    const english = new Set(['world', 'cup', 'bring', 'back', 'our', 'girls', 'summit', 'a', 'wor', 'ld', 'time', 'times', 'sup', 'up']);
    const isEnglish = (word: string) => english.has(word);
    expect(splitTags('#worldcup', gluedNames, isEnglish)).toBe('world cup');
    expect(splitTags('#bringbackourgirls', gluedNames, isEnglish)).toBe('bring back our girls');
    expect(splitTags('#trumpkimsummit', gluedNames, isEnglish)).toBe('trump kim summit');
    expect(splitTags('#timesup', gluedNames, isEnglish)).toBe('times up'); // as many words: the longer first
    expect(splitTags('#worldcupx', gluedNames, isEnglish)).toBe('worldcupx'); // x is no word
    expect(splitTags('#aworldcup', gluedNames, isEnglish)).toBe('aworldcup'); // no one-letter word
    expect(splitTags('#worldcup', gluedNames)).toBe('worldcup'); // no dictionary
    // Without the sign, a Latin word of seven letters or more that no dictionary or list holds.
    const listed = new Set(['khashoggi']);
    const isListed = (word: string) => listed.has(word);
    expect(latinRunOnsAsTags('worldcup russia', gluedNames, isEnglish, isListed)).toBe('world cup russia');
    expect(latinRunOnsAsTags('WorldCup2018', gluedNames, undefined, isListed)).toBe('World Cup 2018');
    expect(latinRunOnsAsTags('khashoggi', gluedNames, isEnglish, isListed)).toBeUndefined();
    expect(latinRunOnsAsTags('summit times', gluedNames, isEnglish, isListed)).toBeUndefined(); // words
    expect(latinRunOnsAsTags('timesup', gluedNames, isEnglish, isListed)).toBeUndefined(); // up: each piece of three letters or more
    const withFrench = (word: string) => isEnglish(word) || ['inc', 'en', 'dies'].includes(word);
    expect(latinRunOnsAsTags('incendies Californie', gluedNames, withFrench, isListed)).toBeUndefined(); // French fires, no inc en dies
    expect(latinRunOnsAsTags('worldcupx', gluedNames, isEnglish, isListed)).toBeUndefined();
  });

  it('replaces a misspelled Latin word by the Latin name it is one edit from, and leaves names, short words and other words alone', () => {
    const on = { ...off, latinNameSpelling: true };
    const aids = { questionWords, latinNameWords: loadLatinNameWords(PROJECT_ROOT) };
    expect(understandQuery('Antony Blinkin', on, aids)).toBe('Antony blinken');
    expect(understandQuery('Boukaodum', on, aids)).toBe('boukadoum'); // two letters swapped: one edit
    expect(understandQuery('chanegirha', on, aids)).toBe('chanegriha');
    expect(understandQuery('sameh shukry', on, aids)).toBe('sameh shoukry'); // shoukry and shukri, one person
    expect(understandQuery('samah', on, aids)).toBe('samah'); // one edit from sameh and from salah: no guess
    expect(understandQuery('samah shoukry', on, aids)).toBe('sameh shoukry'); // the query names which
    expect(understandQuery('Rusia', on, aids)).toBe('russia'); // the countries' Latin names too
    expect(understandQuery('Blinken Maghreb', on, aids)).toBe('Blinken Maghreb');
    expect(understandQuery('kery', on, aids)).toBe('kery'); // under five letters
    expect(understandQuery('weather', on, aids)).toBe('weather');
    expect(understandQuery('Blinkin', off, aids)).toBe('Blinkin');
    // Given the whole names, a word is searched as one only whole or of a name the query names.
    const whole = { ...aids, arabicOfLatin: loadArabicOfLatin(PROJECT_ROOT) };
    expect(understandQuery('Erdogn', on, whole)).toBe('erdogan');
    expect(understandQuery('samah shoukry', on, whole)).toBe('sameh shoukry');
    expect(understandQuery('Nabil', on, whole)).toBe('Nabil'); // one edit from nabih, of Nabih Berri, whom nothing names
    expect(understandQuery('artificial intellgence', on, whole)).toBe('artificial intelligence'); // beside its word
    expect(understandQuery('Nabil', on, aids)).toBe('nabih');
    // The article typed onto a listed name is the name's own: alsadr is al-sadr, not الصادر by sound.
    expect(understandQuery('Muqtada alsadr', on, whole)).toBe('Muqtada al-sadr');
    expect(understandQuery('algeria elections', on, whole)).toBe('algeria elections');
    // A word a synonym rule reads is no misspelled name: grève (a strike) is one letter from Grèce.
    expect(understandQuery('greve', on, aids)).toBe('grece');
    expect(understandQuery('greve', on, { ...aids, synonymLatinWords: new Set(['greve']) })).toBe('greve');
    expect(understandQuery('grève', on, { ...aids, synonymLatinWords: new Set(['greve']) })).toBe('grève');
  });

  it('offers an unknown Latin word a listed name that sounds the same two edits off, never a name a letter off that sounds otherwise', () => {
    const nameWords = loadLatinNameWords(PROJECT_ROOT);
    const offered = (text: string) =>
      respellLatinNames(text, nameWords, { offer: { ...offeredNameReach(loadListedNameSpellings(PROJECT_ROOT)), accepts: () => true } });
    expect(offered('Kashogi')).toBe('khashoggi'); // two letters missing
    expect(offered('Kerkuc')).toBe('kirkuk');
    expect(offered('Estanbol')).toBe('istanbul'); // a vowel for a vowel, first letter too
    expect(offered('Mesi')).toBe('messi'); // four letters, one edit, the same sound
    expect(offered('Gazza')).toBe('gaza'); // a name of four letters: one edit, the same sound, a name alone
    expect(offered('Milei')).toBe('Milei'); // Mali sounds the same, but two edits from a name so short
    expect(offered('Bashar al-Asad')).toBe('Bashar al-assad'); // each part of a hyphenated word
    expect(offered('Marcos')).toBe('Marcos'); // Macron is two edits off, but sounds otherwise
    expect(offered('Sinwar')).toBe('Sinwar'); // Sinai too
    expect(offered('Gaddafii')).toBe('gaddafi'); // a slip, not a name with -i
    expect(offered('Sudani')).toBe('Sudani'); // of Sudan, no misspelling of Soudan
    // Searched, not offered: a word is read as a name one edit off only from five letters, whatever its sound.
    expect(respellLatinNames('Kashogi', nameWords)).toBe('Kashogi');
    expect(respellLatinNames('Bashar al-Asad', nameWords)).toBe('Bashar al-Asad');
  });

  it('reads a run of Latin words as the listed name of as many words it misspells, where a word alone would not be', () => {
    const spellings = loadLatinSpellings(PROJECT_ROOT);
    const english = new Set(['basil', 'untied', 'nations', 'north', 'korean', 'white', 'hose']);
    const respelled = (text: string) => respellWholeLatinNames(text, spellings, (word) => english.has(word));
    expect(respelled('Imran Kahn')).toBe('imran khan'); // Kahn: four letters, too short alone
    expect(respelled('Gibran Basil')).toBe('gebran basil'); // basil is an English word, but not beside Gibran
    expect(respelled('Nabih Bery')).toBe('nabih berri'); // two edits, one word as the name writes it
    expect(respelled('Justin Trudo')).toBe('justin trudeau'); // three edits, one word as written, the other the same sound
    expect(respelled('Mahmood Abaas')).toBe('Mahmood Abaas'); // two edits, no word as written: no guess
    expect(respelled('Masrour Barzani')).toBe('Masrour Barzani'); // two edits from Masoud Barzani, but another sound: his son
    expect(respelled('Paris Saint Germaine')).toBe('paris saint-germain'); // a hyphen parts words as a space does
    expect(respelled('"Imran Kahn"? Pakistan')).toBe('"imran khan"? Pakistan'); // punctuation around the run stays
    expect(respelled('Untied Nations')).toBe('united nations'); // English words, the name's letters swapped
    expect(respelled('north korean')).toBe('north korean'); // English words, another form of the name
    expect(respelled('white hose')).toBe('white hose');
    expect(respelled('Iran Khan')).toBe('Iran Khan'); // Iran is a name alone, typed right
    expect(respelled('Kais Saied')).toBe('Kais Saied'); // names the lists lack stay as typed
    expect(respelled('Mahsa Amini')).toBe('Mahsa Amini');
    expect(respelled('imran khan')).toBe('imran khan');
    // Names spelled right, many sharing a word with a listed name, stay as typed.
    const spelledRight = readFileSync(join(PROJECT_ROOT, 'relevance', 'latin-names-spelled-right.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'));
    expect(spelledRight.length).toBeGreaterThan(100);
    expect(spelledRight.filter((name) => respelled(name).toLowerCase() !== name.toLowerCase())).toEqual([]);
    // Searched: the synonym lists then carry the name to its Arabic.
    const on = { ...off, latinNameSpelling: true };
    expect(understandQuery('Imran Kahn', on, { questionWords, latinNameWords: loadLatinNameWords(PROJECT_ROOT), latinSpellings: spellings })).toBe(
      'imran khan',
    );
  });

  it("writes a listed person's given name as the list writes it in its place, where the consonants agree", () => {
    const given = loadArabicOfNameWords(PROJECT_ROOT);
    expect([given.get('omar'), given.get('walid'), given.get('tarek'), given.get('sabri')]).toEqual(['عمر', 'وليد', 'طارق', 'صبري']);
    // Abu Mazen is محمود عباس: two names of two words, whose words do not correspond.
    expect(given.get('mazen')).not.toBe('عباس');
    // Places' words keep no order across scripts (red sea, البحر الأحمر): only people's names are read.
    expect(given.has('sea')).toBe(false);
  });

  it('gives a word of one listed name, no name alone, the shortest spelling holding it', () => {
    const names = loadLatinNamesOfWords(PROJECT_ROOT);
    expect(names.get('bashar')).toBe('bashar assad');
    expect(names.get('fayez')).toBe('fayez sarraj');
    expect(names.has('moqtada')).toBe(false); // a spelling alone since 6 December
    expect(names.has('assad')).toBe(false); // a spelling alone
    expect(names.has('mohammed')).toBe(false); // of several names
  });

  it('counts edits with adjacent swaps as one', () => {
    expect(editDistance('blinken', 'blinken', 1)).toBe(0);
    expect(editDistance('blinekn', 'blinken', 1)).toBe(1);
    expect(editDistance('blnken', 'blinken', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('ab', 'abcdef', 1)).toBe(2); // more than max, said at once
  });
});

describe('loadListedNameSpellings', () => {
  const spellings = loadListedNameSpellings(PROJECT_ROOT);
  const entity = (name: string) => spellings.get(nameSpellingKey(name));

  it('gives one entity to the spellings of one name, across the rules that share a spelling', () => {
    const pairs: [string, string][] = [
      ['ترامب', 'ترمب'],
      ['zuckerberg', 'زوكربرغ'],
      ['الولايات المتحدة', 'america'],
      ['صنعاء', 'صنعا'],
    ];
    for (const [a, b] of pairs) expect(entity(a), `${a} ${b}`).toBe(entity(b));
    expect(entity('ترامب')).toBeDefined();
    expect(entity('الجزائر')).not.toBe(entity('المغرب'));
    expect(entity('أمريكا')).not.toBe(entity('أمريكا اللاتينية'));
  });
});

describe('onlyListedNames', () => {
  const spellings = loadListedNameSpellings(PROJECT_ROOT);

  it('knows a listed name in any of its spellings, whole, whatever its case or hamza', () => {
    for (const name of ['ترمب', 'ترامب', 'Trump', 'دونالد ترامب', 'Donald Trump', 'بلينكين', 'ترمب بوتين'])
      expect(onlyListedNames(name, spellings), name).toBeDefined();
  });

  it('gives a whole spelling as one name and names side by side each with its entity', () => {
    expect(onlyListedNames('دونالد ترامب', spellings)).toEqual([{ text: 'دونالد ترامب', entity: spellings.get('ترامب') }]);
    const names = onlyListedNames('ترمب بوتين', spellings)!;
    expect(names.map((name) => name.text)).toEqual(['ترمب', 'بوتين']);
    expect(names[0]!.entity).toBe(spellings.get('ترامب'));
    expect(names[1]!.entity).not.toBe(names[0]!.entity);
  });

  it('counts a name typed again, in the same or another spelling, once: 56 of them had spent the clause budget', () => {
    expect(onlyListedNames('ترمب ترامب ترمب بوتين', spellings)!.map((name) => name.text)).toEqual(['ترمب', 'بوتين']);
    expect(onlyListedNames(Array(56).fill('الجزائر').join(' '), spellings)).toHaveLength(1);
  });

  it('does not take a word of a name, a name among other words or two-word names side by side for one', () => {
    for (const text of ['الأمن', 'المتحدة', 'ترامب والاقتصاد', 'تصريحات ترمب', 'دونالد ترمب جونيور', ''])
      expect(onlyListedNames(text, spellings), text).toBeUndefined();
  });
});

describe('splitGluedNames', () => {
  const glued = loadGluedNames(PROJECT_ROOT);

  it('spells a listed name typed without its spaces with them, even where a few articles slip alike', () => {
    const everyWord = () => true;
    expect(splitGluedNames('مانشستريونايتد', glued, everyWord, () => 3)).toBe('مانشستر يونايتد');
    // A name the corpus writes joined often is a spelling of its own (عبدالعزيز); names no list writes
    // together stay a word where the corpus writes it.
    expect(splitGluedNames('مانشستريونايتد', glued, everyWord, () => 500)).toBe('مانشستريونايتد');
    expect(splitGluedNames('ترامبكيم', glued, everyWord, () => 3)).toBe('ترامبكيم');
    expect(
      splitGluedNames(
        'ترامبكيم',
        glued,
        () => false,
        () => 0,
      ),
    ).toBe('ترامب كيم');
    // A word of a listed name, typed as the list writes it, is that word: Abdelaziz had been abdel aziz.
    const noWord = () => false;
    expect(splitGluedNames('Abdelaziz Bouteflika', glued, noWord, () => 0)).toBe('Abdelaziz Bouteflika');
    expect(splitGluedNames('mohammed bin abdulrahman', glued, noWord, () => 0)).toBe('mohammed bin abdulrahman');
    expect(splitGluedNames('trumpputin', glued, noWord, () => 0)).toBe('trump putin');
  });
});

describe('listedMultiwordNames', () => {
  const spellings = loadListedNameSpellings(PROJECT_ROOT);

  it('finds the listed names of two words or more among other words, as typed, the longest where they overlap', () => {
    expect(listedMultiwordNames('محمد صلاح ليفربول', spellings)).toEqual(['محمد صلاح']);
    expect(listedMultiwordNames('أنتوني بلينكن والجزائر', spellings)).toEqual(['أنتوني بلينكن']);
    expect(listedMultiwordNames('بلينكن محمد', spellings)).toEqual([]);
  });
});

describe('listedNamesWithStopwords', () => {
  const spellings = loadListedNameSpellings(PROJECT_ROOT);
  const stopwords = new Set(readNameAnalysis(PROJECT_ROOT).stopwords);
  const names = (text: string) => listedNamesWithStopwords(text, spellings, (word) => stopwords.has(word));

  it('finds the listed names a stopword belongs to, as typed, among other words', () => {
    expect(names('مهرجان كان')).toEqual(['مهرجان كان']);
    expect(names('لقاء بان كي مون في نيويورك')).toEqual(['بان كي مون']);
    expect(names('مهرجان كان و بان كي مون')).toEqual(['مهرجان كان', 'بان كي مون']);
  });

  it('leaves out names without a stopword, and stopwords outside a name', () => {
    expect(names('دونالد ترامب')).toEqual([]);
    expect(names('كان مهرجان')).toEqual([]);
    expect(names('مهرجان الذي كان')).toEqual([]);
  });
});

describe('detachNameClitics', () => {
  const forms = loadNameCliticForms(PROJECT_ROOT, loadIndexDefinition(PROJECT_ROOT));
  const spellings = loadListedNameSpellings(PROJECT_ROOT);
  const detach = (text: string) => detachNameClitics(text, forms, spellings);

  it('takes a clitic off a listed name as the index takes it off: و and the article always, any clitic of a protected name', () => {
    expect(detach('وترامب وبوتين')).toBe('ترامب بوتين');
    expect(detach('لبلينكن؟ بالجزائر')).toBe('بلينكن؟ الجزائر');
    expect(detach('للسعودية والولايات المتحدة')).toBe('السعودية الولايات المتحدة');
  });

  it('leaves a word the index reads as another word, a listed word itself, and every other word as typed', () => {
    // كابل (Kabul, a cable) is not ك + آبل; برايس not ب + رايس; وحماس is written so in "فتح وحماس".
    for (const text of ['كابل', 'برايس', 'وحماس', 'بشار', 'لبنان', 'وزير الخارجية', 'Trump']) expect(detach(text), text).toBe(text);
  });

  it('takes it off only where the word begins a whole listed spelling, which an article may not write as typed', () => {
    // الدولة is a word of تنظيم الدولة الإسلامية, and المحيط الهندي of a longer name: neither is one alone.
    expect(detach('للدولة الفاطمية')).toBe('للدولة الفاطمية');
    expect(detach('للمحيط الهندي')).toBe('للمحيط الهندي');
    expect(detach('والولايات المتحدة')).toBe('الولايات المتحدة');
    expect(detach('والولايات')).toBe('والولايات');
  });
});

describe('startsWithQuestionWord', () => {
  it('knows a question by its first word, whatever its hamza or punctuation', () => {
    for (const text of ['من هو جمال خاشقجي؟', ' ما هي عاصمة مصر', '«كيف» تعمل الانتخابات', 'إين تقع مالي'])
      expect(startsWithQuestionWord(text, questionWords), text).toBe(true);
    // An English text is no Arabic title's question, whatever its function words.
    expect(startsWithQuestionWord('the Iran nuclear deal', questionWords)).toBe(false);
    for (const text of ['جمال خاشقجي من هو', 'الجزائر', '', '؟']) expect(startsWithQuestionWord(text, questionWords), text).toBe(false);
  });
});

describe('foldedSpellings', () => {
  it('gives the spellings the index folds together: ة/ه and ى/ي at the end, the alef at the start', () => {
    expect(foldedSpellings('الدوحه')).toEqual(['الدوحه', 'الدوحة']);
    expect(foldedSpellings('السيسى')).toEqual(['السيسي', 'السيسى']);
    expect(foldedSpellings('الأمير')).toEqual(['الامير', 'الأمير', 'الإمير', 'الآمير']);
    expect(foldedSpellings('بوتين')).toEqual(['بوتين']);
    // Maghrebi letters as Arabic writes them: Algeria's ڨ is ق, ڤ ف.
    expect(foldedSpellings('ڨايد')).toContain('قايد');
    expect(foldedSpellings('ڤيينا')).toContain('فيينا');
    expect(foldedSpellings('ڤيينا').join(' ')).not.toContain('ڤ');
  });

  it('gives a bare alef inside a word its hamza forms, as readers leave the hamza out', () => {
    expect(foldedSpellings('بكاس')).toEqual(['بكاس', 'بكأس', 'بكآس']);
    expect(foldedSpellings('القران')).toEqual(['القران', 'القرأن', 'القرآن']);
    // The last letter is no inner alef, and two inner alefs at most get hamza forms.
    expect(foldedSpellings('سما')).toEqual(['سما']);
    expect(foldedSpellings('تاباتاب')).toHaveLength(9);
  });
});

describe('namesAsListed', () => {
  const aids = { ...loadQueryLists(PROJECT_ROOT, loadIndexDefinition(PROJECT_ROOT)), repairer: loadRunOnRepairer(PROJECT_ROOT) };

  it("writes ى at the end of a listed name's word as ي, which the stopword filter would drop as على, and only there", () => {
    expect(namesAsListed('خالد على', aids)).toBe('خالد علي');
    expect(namesAsListed('على عبدالله صالح اليمن', aids)).toBe('علي عبدالله صالح اليمن');
    expect(namesAsListed('غارات على غزة', aids)).toBe('غارات على غزة');
  });
});

describe('withoutArticleOnNames', () => {
  const aids = { ...loadQueryLists(PROJECT_ROOT, loadIndexDefinition(PROJECT_ROOT)), repairer: loadRunOnRepairer(PROJECT_ROOT) };

  it('takes off an article a listed name is never written with', () => {
    expect(withoutArticleOnNames('الخامنئي البوتين؟', aids)).toBe('خامنئي بوتين؟');
    expect(withoutArticleOnNames('تصريحات الترامب', aids)).toBe('تصريحات ترامب');
  });

  it('leaves a word the corpus writes, a listed spelling with its article, and any word with no aids', () => {
    for (const text of ['الأمل', 'الامل', 'الأسد', 'السيسي', 'الجزائر', 'الخارجية']) expect(withoutArticleOnNames(text, aids), text).toBe(text);
    // Places and things with the article are words: boys, butane, the land, Aleppo's typo; a marked المالي is المالي.
    for (const text of ['مدرسة البنين', 'غاز البوتان', 'القطر المصري', 'الحلب', 'الوضع المَالي', 'الوضع المـالي'])
      expect(withoutArticleOnNames(text, aids), text).toBe(text);
    expect(withoutArticleOnNames('الخامنئي', { questionWords })).toBe('الخامنئي');
  });
});

describe('arabicNameRespellings', () => {
  const aids = {
    arabicNameWords: loadArabicNameWords(PROJECT_ROOT),
    listedNameWords: loadListedNameWords(PROJECT_ROOT),
    repairer: loadRunOnRepairer(PROJECT_ROOT),
  };
  const respellings = (text: string) => Object.fromEntries(arabicNameRespellings(text, aids));

  it('offers the listed name one or two edits from a word the corpus does not write, the first letter as typed', () => {
    expect(respellings('تصريحات مكرون')).toEqual({ مكرون: 'ماكرون' });
    expect(respellings('ميركيل؟')).toEqual({ ميركيل: 'ميركل' });
    expect(respellings('هجمات الحوتي')).toEqual({ الحوتي: 'الحوثي' });
  });

  it('leaves words the corpus writes, listed names, short words and words near no single name', () => {
    // مكون is a word (not Macron); شمالاً is شمالا with its tanwin.
    expect(respellings('بدر مكون شمالاً بوتين ترامب')).toEqual({});
  });

  it('takes a listed name with a clitic for that name, not for a misspelling of another', () => {
    expect(respellings('كسوريا لعدن بهنغاريا برومانيا لبنين بشات')).toEqual({});
  });

  it('reads no question word as a name: ايمتى ("when") is no slip of ايمري, Emery, nor ماكو ("there is not") of ماكاو', () => {
    expect(respellings('ايمتى الانتخابات')).toEqual({ ايمتى: 'ايمري' });
    expect(Object.fromEntries(arabicNameRespellings('ايمتى الانتخابات', { ...aids, questionWords }))).toEqual({});
    expect(Object.fromEntries(arabicNameRespellings('شكو ماكو بالانتخابات', { ...aids, questionWords }))).toEqual({});
  });
});

describe('arabicWordOrder', () => {
  const arabicOf = new Map([
    ['saudi', 'السعودي'],
    ['foreign minister', 'وزير الخارجية'],
    ['minister', 'وزير'],
    ['khashoggi', 'خاشقجي'],
    ['murder', 'مقتل'],
  ]);

  it('puts the Arabic of each listed spelling in Arabic order, the longest spelling first', () => {
    expect(arabicWordOrder('Saudi foreign minister', arabicOf)).toBe('وزير الخارجية السعودي');
    expect(arabicWordOrder('Khashoggi murder.', arabicOf)).toBe('مقتل خاشقجي');
  });

  it('gives nothing for one spelling, a word no list spells, or Arabic in the text', () => {
    expect(arabicWordOrder('foreign minister', arabicOf)).toBeUndefined();
    expect(arabicWordOrder('Saudi foreign minister resigns', arabicOf)).toBeUndefined();
    expect(arabicWordOrder('Saudi وزير', arabicOf)).toBeUndefined();
  });

  it('reads the adjectives before the lists, and the lists for the rest', () => {
    const lists = loadArabicOfLatin(PROJECT_ROOT);
    expect(lists.get('turkish')).toBe('التركي');
    expect(lists.get('foreign minister')).toBe('وزير الخارجية');
    expect(lists.get('egyptian')).toBe('مصر');
  });
});

describe('fullNameFormsIn', () => {
  const fullNameForms = loadFullNameForms(PROJECT_ROOT);

  it('gives the longer Arabic forms of the names a text names, in any of their spellings', () => {
    expect(fullNameFormsIn('داعش', fullNameForms)).toContain('تنظيم الدولة الإسلامية');
    expect(fullNameFormsIn('ISIS', fullNameForms)).toContain('تنظيم الدولة الإسلامية');
    expect(fullNameFormsIn('لقاء بلينكن', fullNameForms)).toEqual(expect.arrayContaining(['أنتوني بلينكن', 'أنطوني بلينكين']));
    expect(fullNameFormsIn('blinken', fullNameForms)).toContain('أنتوني بلينكن');
  });

  it('gives none for words no listed name holds a longer form of', () => {
    expect(fullNameFormsIn('أسعار النفط', fullNameForms)).toEqual([]);
    expect(fullNameFormsIn('', fullNameForms)).toEqual([]);
  });
});

describe('joinStrayArticles', () => {
  const repairer = loadRunOnRepairer(PROJECT_ROOT);

  it('joins an article typed apart to a word the news writes with it far more often', () => {
    expect(joinStrayArticles('ال سعودية', repairer)).toBe('السعودية');
    expect(joinStrayArticles('مظاهرات في ال عراق', repairer)).toBe('مظاهرات في العراق');
  });

  it('keeps ال typed for آل apart from a family the news writes bare', () => {
    for (const family of ['ال ثاني', 'ال سعود', 'ال صباح', 'ال نهيان']) expect(joinStrayArticles(family, repairer)).toBe(family);
    expect(joinStrayArticles('ال', repairer)).toBe('ال');
  });
});

describe('joinSplitWords', () => {
  const repairer = loadRunOnRepairer(PROJECT_ROOT);

  it('joins a word a stray space cut in two or three, among other words', () => {
    expect(joinSplitWords('الجي ش السوري', repairer)).toBe('الجيش السوري');
    expect(joinSplitWords('انتخا بات', repairer)).toBe('انتخابات');
    expect(joinSplitWords('الولا يات المتحدة', repairer)).toBe('الولايات المتحدة');
    expect(joinSplitWords('فلسطي نيين', repairer)).toBe('فلسطينيين');
    // A piece that is a word too, far rarer than the whole: تر (23 times) and كيا (6), تركيا 4,607.
    expect(joinSplitWords('تر كيا', repairer)).toBe('تركيا');
  });

  it('keeps apart words the news writes, an article typed apart, a listed name written apart, and Latin words', () => {
    for (const text of ['كأس العالم', 'لا يزال', 'عبد الله', 'ال ثاني', 'الجيس السوري', 'trump putin', 'مح'])
      expect(joinSplitWords(text, repairer), text).toBe(text);
    expect(joinSplitWords('لفيس بوك', repairer, loadListedNameSpellings(PROJECT_ROOT))).toBe('لفيس بوك');
  });
});

describe('heardAlikeRespellings', () => {
  const repairer = loadRunOnRepairer(PROJECT_ROOT);
  const respelled = (text: string) => Object.fromEntries(heardAlikeRespellings(text, repairer));

  it('reads a word no article writes as the word one letter heard alike from it (ذ, ص, ظ typed by ear)', () => {
    expect(respelled('الكرة الدهبية')).toEqual({ الدهبية: 'الذهبية' });
    expect(respelled('مزيعة مصرية')).toEqual({ مزيعة: 'مذيعة' });
    expect(respelled('الانتخابات النسفية')).toEqual({ النسفية: 'النصفية' });
    // Egypt's ج for غ, in a word the news writes only with غ.
    expect(respelled('قصف الجوطة')).toEqual({ الجوطة: 'الغوطة' });
  });

  it('leaves a word the corpus writes, and a word no heard-alike letter makes a news word', () => {
    expect(respelled('سلاح الجو')).toEqual({});
    expect(respelled('زقزقزق')).toEqual({});
  });

  it('tells an offer that only swaps letters heard alike from any other', () => {
    expect(onlyHeardAlike('سفقة القرن', 'صفقة القرن')).toBe(true);
    expect(onlyHeardAlike('صفقة القرن', 'صفقة القرن')).toBe(false);
    expect(onlyHeardAlike('سفقة القرن', 'صفقات القرن')).toBe(false);
    expect(onlyHeardAlike('الستات', 'الستار')).toBe(false);
  });
});

describe('hamzaRespellings', () => {
  const repairer = loadRunOnRepairer(PROJECT_ROOT);
  const respelled = (text: string) => Object.fromEntries(hamzaRespellings(text, repairer));

  it('writes a hamza on the و or ي of a word the corpus writes only with it', () => {
    expect(respelled('موسسة')).toEqual({ موسسة: 'مؤسسة' });
    expect(respelled('انتخابات الرياسة')).toEqual({ الرياسة: 'الرئاسة' });
    expect(respelled('مبادي')).toEqual({ مبادي: 'مبادئ' });
  });

  it('respells nothing the corpus writes as typed', () => {
    expect(respelled('مسؤول')).toEqual({});
    expect(respelled('يوم')).toEqual({}); // يؤم ("leads the prayer") is another word
  });
});

describe('doubledLetterRespellings', () => {
  const repairer = loadRunOnRepairer(PROJECT_ROOT);
  const respelled = (text: string) => Object.fromEntries(doubledLetterRespellings(text, repairer));

  it('writes once a letter typed twice in a row, where the corpus writes the word so', () => {
    expect(respelled('غزةة')).toEqual({ غزةة: 'غزة' }); // the suggester had offered غزنة, Ghazni
    expect(respelled('قصف غزةة')).toEqual({ غزةة: 'غزة' });
  });

  it('respells nothing the corpus writes as typed', () => {
    expect(respelled('ممكن')).toEqual({});
    expect(respelled('الأمم المتحدة')).toEqual({});
    expect(respelled('شو صار ووين راحو')).toEqual({}); // و before وين, "and where": no slip, though the corpus lacks ووين
  });
});

describe('nameRunSlipOffer', () => {
  const spellings = loadListedNameSpellings(PROJECT_ROOT);

  it('reads a listed name of several words typed by ear, each of its words a word of its own, as the name', () => {
    expect(nameRunSlipOffer('محمد سلاح', spellings)).toEqual({ run: 'محمد سلاح', text: 'محمد صلاح' });
    expect(nameRunSlipOffer('اهداف محمد سلاح مع ليفربول', spellings)).toEqual({ run: 'محمد سلاح', text: 'اهداف محمد صلاح مع ليفربول' });
    // A long vowel left out: سلمن for سلمان.
    expect(nameRunSlipOffer('محمد بن سلمن', spellings)?.text).toBe('محمد بن سلمان');
  });

  it('leaves a listed name as typed, a word alone, and words no listed name is one letter from', () => {
    expect(nameRunSlipOffer('محمد صلاح', spellings)).toBeUndefined();
    expect(nameRunSlipOffer('سلاح', spellings)).toBeUndefined();
    expect(nameRunSlipOffer('تهريب سلاح', spellings)).toBeUndefined();
  });
});

describe('nameSlipOffer', () => {
  const aids = { ...loadQueryLists(PROJECT_ROOT, loadIndexDefinition(PROJECT_ROOT)), repairer: loadRunOnRepairer(PROJECT_ROOT) };

  it('offers a listed name for a word swapping two of its letters that the corpus writes far less often', () => {
    // The corpus holds خاشجقي 5 times, خاشقجي 2,111: a corpus word, but a slip.
    expect(nameSlipOffer('خاشجقي', aids)).toBe('خاشقجي');
    expect(nameSlipOffer('مقتل خاشجقي؟', aids)).toBe('مقتل خاشقجي؟');
    expect(nameSlipOffer('أرودغان', aids)).toBe('اردوغان');
  });

  it('offers a listed name for a rare word a long vowel or an emphatic letter off it', () => {
    // Six ANT articles write خشقجي; a reader typing it is offered خاشقجي, as are خاشوقجي and طرامب.
    expect(nameSlipOffer('خشقجي', aids)).toBe('خاشقجي');
    expect(nameSlipOffer('خاشوقجي', aids)).toBe('خاشقجي');
    expect(nameSlipOffer('طرامب', aids)).toBe('ترامب');
    expect(nameSlipOffer('الحوثين', aids)).toBe('الحوثيين');
  });

  it('offers a listed name for a rare word writing one of its letters as a dialect speaks it', () => {
    // ث is spoken ت or س in Egypt and the Levant: one ANT article writes الحوتي, which the whales' الحوت stems to.
    expect(nameSlipOffer('الحوتي', aids)).toBe('الحوثي');
    expect(nameSlipOffer('الحوتيين', aids)).toBe('الحوثيين');
    expect(nameSlipOffer('زريف', aids)).toBe('ظريف');
    expect(nameSlipOffer('عسمان', aids)).toBeUndefined(); // عثمان is a word of names, no listed name alone
    expect(nameSlipOffer('الحوت', aids)).toBeUndefined(); // the whale, written often
  });

  it('offers nothing for a word a long vowel off a name that the corpus writes often, or that is short', () => {
    expect(nameSlipOffer('أوروبيا', aids)).toBeUndefined(); // "European-wide", 58 times: أوروبا is one ي off
    expect(nameSlipOffer('سريا', aids)).toBeUndefined(); // "secretly", four letters: سوريا is one و off
    expect(nameSlipOffer('سورة', aids)).toBeUndefined(); // a sura, no سورية
    expect(nameSlipOffer('صورية', aids)).toBeUndefined(); // "nominal": ص is no slip of س
  });

  it('offers nothing for names, short words, or words whose swap is no one-word name', () => {
    expect(nameSlipOffer('خاشقجي', aids)).toBeUndefined();
    expect(nameSlipOffer('إيرنا', aids)).toBeUndefined(); // IRNA, the agency: five letters
    expect(nameSlipOffer('لامركزية', aids)).toBeUndefined(); // المركزية is a word of names, no name alone
    expect(nameSlipOffer('أسعار النفط', aids)).toBeUndefined();
  });
});
