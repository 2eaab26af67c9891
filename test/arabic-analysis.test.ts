import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../src/engine/search-engine.js';
import { ensureIndex } from '../src/index/ensure-index.js';
import { normalizeArabicWord } from '../src/analysis/arabic-rules.js';
import { loadIndexDefinition } from '../src/index/index-definition.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { connectTestEngine, uniqueAlias } from './support/test-service.js';

// Golden tests: each rule of the chain in analyzers/arabic.json, run through the engine's _analyze.
let engine: SearchEngine;
let index: string;

beforeAll(async () => {
  engine = await connectTestEngine();
  index = (await ensureIndex(engine, uniqueAlias('analysis'), loadIndexDefinition(PROJECT_ROOT))).index;
});
afterAll(async () => {
  if (index) await engine.deleteIndex(index);
  await engine?.close();
});

const tokens = async (analyzer: string, text: string) => (await engine.analyze(index, { analyzer, text })).map((t) => t.token);
/** That the index analyzes two words to different tokens: a word the stemmer would fold onto another is kept apart. */
const expectAnalyzedApart = async (word: string, other: string) =>
  expect(await tokens('arabic_index', word), `${word} ≠ ${other}`).not.toEqual(await tokens('arabic_index', other));

describe('normalization (exact field chain)', () => {
  it.each([
    ['presentation forms', 'ﺍﻟﺠﺰﺍﺋﺮ ﻻ', ['الجزاءر', 'لا']],
    ['diacritics (harakat, shadda, tanwin)', 'مُحَمَّدٌ', ['محمد']],
    ['tatweel', 'الـــجزائر', ['الجزاءر']],
    ['alef with hamza or madda', 'أحمد إبراهيم آذار', ['احمد', 'ابراهيم', 'اذار']],
    ['alef wasla and superscript alef', 'ٱلكتاب هٰذا', ['الكتاب', 'هذا']],
    ['hamza on waw and on yeh meet', 'مسؤول مسئول', ['مسءول', 'مسءول']],
    ['taa marbuta', 'سورية', ['سوريه']],
    ['alef maqsura', 'إلى مصطفى', ['الي', 'مصطفي']],
    ['Arabic-Indic and Persian digits', '٢٠٢١ ۲۰۲۱', ['2021', '2021']],
    ['the Arabic decimal and thousands separators as the Latin ones', '٢٫٥ ١٬٢٠٠', ['2.5', '1,200']],
    ['zero-width and direction marks', 'بلي\u200cنكن \u200fالرئيس\u200e', ['بلينكن', 'الرءيس']],
    ['Persian letter forms', 'کتاب یوم', ['كتاب', 'يوم']],
    ['the letters for p, v and ch', 'پوتين ڤلاديمير ڥيينا الچنرال', ['بوتين', 'فلاديمير', 'فيينا', 'الجنرال']],
    ['the spelling variant أميركي → أمريكي', 'الأميركية', ['الامريكيه']],
    ['Latin case and accents', 'Algérie BLINKEN', ['algerie', 'blinken']],
  ])('%s', async (_rule, text, expected) => {
    expect(await tokens('arabic_exact', text)).toEqual(expected);
  });

  it('agrees with the normalization used to write list files', async () => {
    const words = [
      'أنطوني',
      'بلينكين',
      'لعمامرة',
      'مسئولية',
      'الأميركيين',
      'إثيوبيا',
      'آب',
      'ﺍﻟﺠﺰﺍﺋﺮ',
      'مُحَمَّد',
      'الـــجزائر',
      'ٱلكتاب',
      'مصطفى',
      'کتاب',
      'پوتين',
      'ڤلاديمير',
      'ڥيينا',
      'چاي',
    ];
    for (const word of words) expect([normalizeArabicWord(word)]).toEqual(await tokens('arabic_exact', word));
  });
});

describe('stopwords and stemming (the stemmed field chain)', () => {
  it('drops stopwords', async () => {
    expect(await tokens('arabic_index', 'في الجزائر من أجل')).toEqual(['جزاءر', 'اجل']);
  });

  it('drops على, حتى and لدى as typed, and keeps علي, the name, that normalization makes of على', async () => {
    expect(await tokens('arabic_index', 'غارات على غزة حتى الصباح لدى')).toEqual(['غار', 'غزه', 'صباح']);
    expect(await tokens('arabic_search', 'غارات على غزة حتى الصباح لدى')).toEqual(expect.not.arrayContaining(['عل', 'حت', 'لد', 'علي']));
    for (const analyzer of ['arabic_index', 'arabic_search']) expect(await tokens(analyzer, 'علي')).toHaveLength(1);
  });

  it('strips clitics so clitic forms meet the bare word', async () => {
    const [bare] = await tokens('arabic_index', 'الجزائر');
    for (const form of ['بالجزائر', 'والجزائر', 'للجزائر']) expect(await tokens('arabic_index', form)).toEqual([bare]);
    expect(await tokens('arabic_index', 'والولايات')).toEqual(await tokens('arabic_index', 'الولايات'));
  });

  it('keeps protected names whole, and maps their clitic forms to them', async () => {
    expect(await tokens('arabic_index', 'بلينكين بلينكن')).toEqual(['بلينكين', 'بلينكن']);
    expect(await tokens('arabic_index', 'مالي ومالي بمالي')).toEqual(['مالي', 'مالي', 'مالي']);
    expect(await tokens('arabic_index', 'ولعمامرة بالعمامرة')).toEqual(['لعمامره', 'عمامره']);
    expect(await tokens('arabic_index', 'واشنطن بواشنطن')).toEqual(['واشنطن', 'واشنطن']);
    // A place with the article meets its adjective: الجزائر, بالجزائر and الجزائرية share one token.
    expect(await tokens('arabic_index', 'الجزائر بالجزائر الجزائرية')).toEqual(['جزاءر', 'جزاءر', 'جزاءر']);
  });

  it('does not let Mali meet the stem of "financial"', async () => {
    const [mali] = await tokens('arabic_index', 'مالي');
    const [financial] = await tokens('arabic_index', 'المالية');
    expect(financial).not.toBe(mali);
  });
});

describe('search-time synonyms', () => {
  it('expands a Latin name into its Arabic spellings', async () => {
    const expanded = await tokens('arabic_search', 'Blinken');
    expect(expanded).toEqual(expect.arrayContaining(['بلينكن', 'بلينكين', 'blinken']));
  });

  it('joins the five month-name families', async () => {
    const expanded = await tokens('arabic_exact_search', 'جانفي');
    expect(expanded).toEqual(expect.arrayContaining(['يناير', 'جانفي', 'كانون', 'الثاني', 'january', 'janvier']));
  });

  it('expands a month name that is also a common word only inside "month of …"', async () => {
    expect(await tokens('arabic_exact_search', 'آب')).toEqual(['اب']);
    const august = await tokens('arabic_exact_search', 'أغسطس');
    expect(august).toEqual(expect.arrayContaining(['شهر', 'اب', 'اوت']));
  });

  it('reaches from the Latin names readers type to the Arabic ones, and joins a name written apart or together', async () => {
    expect(await tokens('arabic_exact_search', 'Assad')).toEqual(expect.arrayContaining(['بشار', 'الاسد']));
    expect(await tokens('arabic_exact_search', 'Hezbollah')).toEqual(expect.arrayContaining(['حزب', 'الله']));
    expect(await tokens('arabic_exact_search', 'Britain')).toEqual(expect.arrayContaining(['بريطانيا']));
    expect(await tokens('arabic_exact_search', 'نصرالله')).toEqual(expect.arrayContaining(['نصر', 'الله', 'نصرالله']));
    // Short forms readers type: Kim Jong (no "Un"), ابن سلمان (ابن for بن).
    expect(await tokens('arabic_exact_search', 'Kim Jong')).toEqual(expect.arrayContaining(['كيم', 'جونغ', 'اون']));
    expect(await tokens('arabic_exact_search', 'ابن سلمان')).toEqual(expect.arrayContaining(['محمد', 'بن', 'سلمان']));
    expect(await tokens('arabic_exact_search', 'Nusra')).toEqual(expect.arrayContaining(['النصره']));
    // An Arabic query expands no further than its spelling variants: no Latin alternative is added.
    expect(await tokens('arabic_exact_search', 'حماس')).toEqual(['حماس']);
  });

  it('keeps a rare name whole: تبون (Tebboune) is not تب', async () => {
    expect(await tokens('arabic_index', 'تبون')).toEqual(['تبون']);
  });

  it('reads a name of عبد as one word whether written apart or joined, with or without a clitic, and leaves العبد and معبد alone', async () => {
    for (const analyzer of ['arabic_index', 'arabic_exact']) {
      const joined = await tokens(analyzer, 'عبدالفتاح السيسي');
      expect(await tokens(analyzer, 'عبد الفتاح السيسي')).toEqual(joined);
      expect(await tokens(analyzer, 'عبد ربه')).toEqual(await tokens(analyzer, 'عبدربه'));
      expect(await tokens(analyzer, 'عَبْدُ الفتاح السيسي')).toEqual(joined); // vowel marks written
      expect((await tokens(analyzer, 'لعبد العزيز')).length).toBe(1);
      expect((await tokens(analyzer, 'العبد الصالح')).length).toBe(2);
      expect((await tokens(analyzer, 'معبد الكرنك')).length).toBe(2);
    }
  });

  it('reads a full stop, colon or underscore that joins two Arabic words as a break, and leaves Latin, numbers and acronyms alone', async () => {
    for (const analyzer of ['arabic_index', 'arabic_exact']) {
      expect(await tokens(analyzer, 'مصر.وتحادث')).toEqual(await tokens(analyzer, 'مصر. وتحادث'));
      expect(await tokens(analyzer, 'السعودية:تسجيل')).toEqual(await tokens(analyzer, 'السعودية: تسجيل'));
      // Hashtags inside the text (Al Arabiya's): their words are the sentence's, as a typed hashtag's are.
      expect(await tokens(analyzer, '#صندوق_النقد_الدولي')).toEqual(await tokens(analyzer, 'صندوق النقد الدولي'));
      expect(await tokens(analyzer, '#رؤية_السعودية_2030')).toEqual(await tokens(analyzer, 'رؤية السعودية 2030'));
      // Split before names of عبد are joined: the hashtag reads as the name typed apart.
      expect(await tokens(analyzer, '#عبد_الفتاح_السيسي')).toEqual(await tokens(analyzer, 'عبد الفتاح السيسي'));
      expect(await tokens(analyzer, 'U.S. 3.5')).toEqual(['u.s', '3.5']);
      // Acronyms of one- and two-letter pieces stay whole: أ.ف.ب (AFP) would be nothing but stopwords.
      expect(await tokens(analyzer, 'أ.ف.ب')).toHaveLength(1);
      expect(await tokens(analyzer, 'سي.إن.إن')).toHaveLength(1);
    }
  });

  it('reads a Latin word joined to Arabic letters as its own word, each word keeping its own letters for highlighting', async () => {
    const spans = async (text: string) =>
      (await engine.analyze(index, { analyzer: 'arabic_exact', text }, ['start', 'end'])).map((t) => text.slice(t.start, t.end));
    for (const analyzer of ['arabic_index', 'arabic_exact']) {
      expect(await tokens(analyzer, 'قال لـCNN')).toContain('cnn');
      expect(await tokens(analyzer, 'وiPhone')).toContain('iphone');
    }
    expect(await spans('iPhoneالجديد بالـGPS قال لـCNN')).toEqual(['iPhone', 'الجديد', 'بالـ', 'GPS', 'قال', 'لـ', 'CNN']);
  });

  it('keeps words apart from the names the stemmer would fold them onto: a race track from Aleppo, enthusiasm from Hamas', async () => {
    for (const [word, name] of [
      ['الحلبة', 'حلب'],
      ['الحماسة', 'حماس'],
      ['حماسية', 'حماس'],
      ['عدنان', 'عدن'],
      ['عراقة', 'العراق'],
      ['العراقة', 'العراق'],
      ['كلاوس', 'لاوس'],
      ['قطرة', 'قطر'],
      ['قطرات', 'قطر'],
      ['قطرها', 'قطر'],
    ] as const)
      await expectAnalyzedApart(word, name);
    // Their own forms still meet: بالحلبة is الحلبة.
    expect(await tokens('arabic_index', 'بالحلبة')).toEqual(await tokens('arabic_index', 'الحلبة'));
  });

  it('keeps currencies, amounts and market names, CAF, الأهلي, سائرون and الصدر apart from the short stems the stemmer cut them to', async () => {
    for (const [word, other] of [
      ['اليوان', 'يو'],
      ['الجنيه', 'للجنة'],
      ['جنيهات', 'للجنة'],
      ['مليون', 'ملل'],
      ['بليون', 'بل'],
      ['ساما', 'السامية'],
      ['الكاف', 'كافة'],
      ['الأهلي', 'أهلها'],
      ['سائرون', 'سائر'],
      ['الصدر', 'صدر'],
    ] as const)
      await expectAnalyzedApart(word, other);
    // The currency with and without the article, its plural and a clitic meet.
    expect(await tokens('arabic_index', 'يوان')).toEqual(await tokens('arabic_index', 'اليوان'));
    expect(await tokens('arabic_index', 'بالجنيهات')).toEqual(await tokens('arabic_index', 'الجنيه'));
    expect(await tokens('arabic_index', 'ملايين')).toEqual(await tokens('arabic_index', 'مليون'));
  });

  it("reads a country's demonym as the country where the stemmer would not, and keeps other names apart", async () => {
    const [saudi] = await tokens('arabic_index', 'السعودية');
    expect(await tokens('arabic_index', 'ولي العهد السعودي')).toContain(saudi);
    expect(await tokens('arabic_index', 'والسعوديين')).toEqual([saudi]);
    expect(await tokens('arabic_index', 'سعود')).not.toContain(saudi); // Saud, a name
    const [libya] = await tokens('arabic_index', 'ليبيا');
    expect(await tokens('arabic_index', 'الجيش الليبي')).toContain(libya);
    // Countries labelled in several words, through their one-word names: أمريكا, بريطانيا.
    const [america] = await tokens('arabic_index', 'أمريكا');
    expect(await tokens('arabic_index', 'الجيش الأميركي')).toContain(america);
    const [britain] = await tokens('arabic_index', 'بريطانيا');
    expect(await tokens('arabic_index', 'الحكومة البريطانية')).toContain(britain);
    const [turkey] = await tokens('arabic_index', 'تركيا');
    expect(await tokens('arabic_index', 'الليرة التركية')).toContain(turkey);
    expect(await tokens('arabic_index', 'تركي')).not.toContain(turkey); // تركي آل الشيخ
    expect(await tokens('arabic_index', 'كوبي')).not.toEqual(await tokens('arabic_index', 'كوبا')); // Kobe Bryant
    // Romanian is Roman as often: left to the stemmer, its forms stay together and apart from رومانيا.
    expect(await tokens('arabic_index', 'الروماني')).toEqual(await tokens('arabic_index', 'الرومانية'));
    expect(await tokens('arabic_index', 'الروماني')).not.toEqual(await tokens('arabic_index', 'رومانيا'));
  });

  it('keeps the city of Hama apart from حماية ("protection")', async () => {
    const [hama] = await tokens('arabic_index', 'حماة');
    const [protection] = await tokens('arabic_index', 'حماية');
    expect(hama).not.toBe(protection);
  });

  it('joins the spellings of platforms, places and people written joined or apart, with غ or ج, ك or ج', async () => {
    expect(await tokens('arabic_exact_search', 'فيس بوك')).toEqual(expect.arrayContaining(['فيسبوك', 'فايسبوك', 'facebook']));
    expect(await tokens('arabic_exact_search', 'instagram')).toEqual(expect.arrayContaining(['انستغرام', 'انستجرام']));
    expect(await tokens('arabic_exact_search', 'England')).toEqual(expect.arrayContaining(['انجلترا', 'انكلترا']));
    expect(await tokens('arabic_exact_search', 'جوتيريس')).toEqual(expect.arrayContaining(['غوتيريش', 'غوتيريس']));
    expect(await tokens('arabic_exact_search', 'Liverpool')).toEqual(expect.arrayContaining(['ليفربول']));
    expect(await tokens('arabic_exact_search', 'poutine')).toEqual(expect.arrayContaining(['بوتين']));
    expect(await tokens('arabic_exact_search', 'European Union')).toEqual(expect.arrayContaining(['الاتحاد', 'الاوروبي']));
    expect(await tokens('arabic_exact_search', 'Bolton')).toEqual(expect.arrayContaining(['بولتون']));
    // Readers' Latin spellings of 2018's names, accents or not.
    expect(await tokens('arabic_exact_search', 'Mbappé')).toEqual(expect.arrayContaining(['مبابي']));
    expect(await tokens('arabic_exact_search', 'Salvini')).toEqual(expect.arrayContaining(['سالفيني']));
    expect(await tokens('arabic_exact_search', 'Bolsonaro')).toEqual(expect.arrayContaining(['بولسونارو']));
    expect(await tokens('arabic_exact_search', 'Zidane')).toEqual(expect.arrayContaining(['زيدان']));
    expect(await tokens('arabic_exact_search', 'Skripal')).toEqual(expect.arrayContaining(['سكريبال']));
    expect(await tokens('arabic_exact_search', 'Hariri')).toEqual(expect.arrayContaining(['سعد', 'الحريري']));
    expect(await tokens('arabic_exact_search', 'MBS')).toEqual(expect.arrayContaining(['محمد', 'بن', 'سلمان']));
    // Each outlet's own spelling of a name finds the others' (Al Arabiya's كيم يونغ أون, BBC's سكريبل).
    expect(await tokens('arabic_exact_search', 'كيم يونغ أون')).toEqual(expect.arrayContaining(['جونغ']));
    expect(await tokens('arabic_exact_search', 'كيم جونغ أون')).toEqual(expect.arrayContaining(['يونغ']));
    expect(await tokens('arabic_exact_search', 'سكريبل')).toEqual(expect.arrayContaining(['سكريبال']));
    expect(await tokens('arabic_exact_search', 'نوفيشوك')).toEqual(expect.arrayContaining(['نوفيتشوك']));
    expect(await tokens('arabic_exact_search', 'Novichok')).toEqual(expect.arrayContaining(['نوفيتشوك', 'نوفيشوك']));
    expect(await tokens('arabic_exact_search', 'كوشنير')).toEqual(expect.arrayContaining(['كوشنر']));
    expect(await tokens('arabic_exact_search', 'بتكوين')).toEqual(expect.arrayContaining(['بيتكوين']));
    expect(await tokens('arabic_exact_search', 'Amesbury')).toEqual(expect.arrayContaining(['ايمزبري', 'امزبري']));
    expect(await tokens('arabic_exact_search', 'muqtada sadr')).toEqual(expect.arrayContaining(['مقتدي', 'الصدر']));
    expect(await tokens('arabic_exact_search', 'Cannes')).toEqual(expect.arrayContaining(['مهرجان', 'كان']));
    expect(await tokens('arabic_exact_search', 'JCPOA')).toEqual(expect.arrayContaining(['الاتفاق', 'النووي']));
    // Phrases of the news an analyst types in English, whose words apart mean something else (branch: الفرع).
    expect(await tokens('arabic_exact_search', 'olive branch')).toEqual(expect.arrayContaining(['غصن', 'الزيتون']));
    expect(await tokens('arabic_exact_search', 'nerve agent')).toEqual(expect.arrayContaining(['غاز', 'الاعصاب']));
  });

  it('joins the news agencies and outlets an analyst types in Latin to the names the news cites them by', async () => {
    expect(await tokens('arabic_exact_search', 'reuters')).toEqual(expect.arrayContaining(['رويترز']));
    expect(await tokens('arabic_exact_search', 'AFP')).toEqual(expect.arrayContaining(['فرانس', 'برس']));
    expect(await tokens('arabic_exact_search', 'the guardian')).toEqual(expect.arrayContaining(['الغارديان']));
    expect(await tokens('arabic_exact_search', 'بلومبيرغ')).toEqual(expect.arrayContaining(['بلومبرغ', 'bloomberg']));
    // A word that is also the outlet's name alone stays a word: guardian is no newspaper without "the".
    expect(await tokens('arabic_exact_search', 'guardian')).toEqual(['guardian']);
  });

  it('reaches the Maghreb cities, leaders and parties readers type in French', async () => {
    expect(await tokens('arabic_exact_search', 'Oran')).toEqual(expect.arrayContaining(['وهران']));
    expect(await tokens('arabic_exact_search', 'Casablanca')).toEqual(expect.arrayContaining(['الدار', 'البيضاء']));
    expect(await tokens('arabic_exact_search', 'Gaid Salah')).toEqual(expect.arrayContaining(['قايد', 'صالح']));
    expect(await tokens('arabic_exact_search', 'Mohammed VI')).toEqual(expect.arrayContaining(['السادس']));
    expect(await tokens('arabic_exact_search', 'FLN')).toEqual(expect.arrayContaining(['التحرير', 'الوطني']));
    // Sanaa without its hamza is searched as the city alone, not as the word of أحسن صنعا.
    expect(await tokens('arabic_exact_search', 'صنعا')).toEqual(['صنعاء']);
    expect(await tokens('arabic_exact_search', 'billion')).toEqual(expect.arrayContaining(['مليار']));
  });

  it('reaches the places, leaders and groups of the Maghreb and the Sahel as analysts type them in Latin letters', async () => {
    // As Arabic typed in Latin letters these had read as common words: آذار (March), غانا, قطاع (sector), كأس (cup).
    expect(await tokens('arabic_exact_search', 'Dzair')).toEqual(expect.arrayContaining(['الجزاءر']));
    expect(await tokens('arabic_exact_search', 'al jazair')).toEqual(expect.arrayContaining(['الجزاءر']));
    expect(await tokens('arabic_exact_search', 'ghaza')).toEqual(expect.arrayContaining(['غزه']));
    // …and the names a letter away are their own: Ghazi is غازي, Ben Ghazi بنغازي, neither Gaza.
    expect(await tokens('arabic_exact_search', 'Ghazi')).toEqual(['غازي', 'ghazi']);
    expect(await tokens('arabic_exact_search', 'Ben Ghazi')).toEqual(expect.arrayContaining(['بنغازي']));
    expect(await tokens('arabic_exact_search', 'Burkina')).toEqual(expect.arrayContaining(['بوركينا', 'فاسو']));
    expect(await tokens('arabic_exact_search', 'Tounes')).toEqual(expect.arrayContaining(['تونس']));
    expect(await tokens('arabic_exact_search', 'Libnan')).toEqual(expect.arrayContaining(['لبنان']));
    expect(await tokens('arabic_exact_search', 'lybian')).toEqual(expect.arrayContaining(['ليبيا']));
    expect(await tokens('arabic_exact_search', 'Alep')).toEqual(expect.arrayContaining(['حلب']));
    expect(await tokens('arabic_exact_search', 'Mossoul')).toEqual(expect.arrayContaining(['الموصل']));
    expect(await tokens('arabic_exact_search', 'Kidal')).toEqual(expect.arrayContaining(['كيدال']));
    expect(await tokens('arabic_exact_search', 'Keita')).toEqual(expect.arrayContaining(['كيتا']));
    // Déby reaches his full name, a phrase: ديبي alone is also Debbie.
    expect(await tokens('arabic_exact_search', 'Déby')).toEqual(expect.arrayContaining(['ادريس', 'ديبي']));
    expect(await tokens('arabic_exact_search', 'ECOWAS')).toEqual(expect.arrayContaining(['ايكواس']));
    expect(await tokens('arabic_exact_search', 'AQMI')).toEqual(expect.arrayContaining(['الاسلامي']));
    expect(await tokens('arabic_exact_search', 'Wagner')).toEqual(expect.arrayContaining(['فاغنر']));
    // French words of that news: otages had been respelled as outages, pétrole read as البنزين.
    expect(await tokens('arabic_exact_search', 'otages')).toEqual(expect.arrayContaining(['رهاءن']));
    expect(await tokens('arabic_exact_search', 'pétrole')).toEqual(expect.arrayContaining(['النفط']));
    expect(await tokens('arabic_exact_search', 'Frères musulmans')).toEqual(expect.arrayContaining(['الاخوان']));
    // A second review's: Cissé had been Sisi, Malian مليون ("million"), Ménaka Monaco, financial the country Mali.
    expect(await tokens('arabic_exact_search', 'Cissé')).toEqual(['سيسيه', 'cisse']);
    expect(await tokens('arabic_exact_search', 'Malian')).toEqual(expect.arrayContaining(['مالي']));
    expect(await tokens('arabic_exact_search', 'Ménaka')).toEqual(expect.arrayContaining(['ميناكا']));
    expect(await tokens('arabic_exact_search', 'financial')).not.toContain('مالي');
    expect(await tokens('arabic_exact_search', 'Ansar Dine')).toEqual(expect.arrayContaining(['انصار', 'الدين']));
    expect(await tokens('arabic_exact_search', 'rebelles')).toEqual(expect.arrayContaining(['المتمردين']));
    // A surname that is also a word reaches the full name alone: Bedoui, not بدوي ("Bedouin").
    expect(await tokens('arabic_exact_search', 'Bedoui')).toEqual(expect.arrayContaining(['نور', 'الدين', 'بدوي']));
  });

  it('reaches the Gulf, Levant and Yemen names an English typist writes, which had read as common words or nothing', async () => {
    // Sinwar had read as سيناريو ("scenario"), Sabratha as سبورت, Ansarallah as Nasrallah; Socotra, Qaboos, AQAP as nothing.
    expect(await tokens('arabic_exact_search', 'Sinwar')).toEqual(expect.arrayContaining(['السنوار']));
    expect(await tokens('arabic_exact_search', 'Sabratha')).toEqual(expect.arrayContaining(['صبراته']));
    expect(await tokens('arabic_exact_search', 'Ansarallah')).toEqual(expect.arrayContaining(['الحوثي']));
    expect(await tokens('arabic_exact_search', 'Socotra')).toEqual(expect.arrayContaining(['سقطري']));
    expect(await tokens('arabic_exact_search', 'Qaboos')).toEqual(expect.arrayContaining(['قابوس']));
    expect(await tokens('arabic_exact_search', 'AQAP')).toEqual(expect.arrayContaining(['جزيره', 'العرب']));
    expect(await tokens('arabic_exact_search', 'HTS')).toEqual(expect.arrayContaining(['هيءه', 'تحرير', 'الشام']));
    expect(await tokens('arabic_exact_search', 'Sharm el-Sheikh')).toEqual(expect.arrayContaining(['شرم', 'الشيخ']));
    expect(await tokens('arabic_exact_search', 'march of return')).toEqual(expect.arrayContaining(['مسيره', 'العوده']));
    // The dictionary's first senses had read fifth term as الخمس التعبير, the Fed as a phrase no article writes.
    expect(await tokens('arabic_exact_search', 'fifth term')).toEqual(expect.arrayContaining(['العهده', 'الخامسه']));
    expect(await tokens('arabic_exact_search', 'Fed')).toEqual(expect.arrayContaining(['الاحتياطي']));
    // al-Shabaab is the Somali movement; shabab and shabaab alone are Arabic typed in Latin letters for الشباب, the youth.
    expect(await tokens('arabic_exact_search', 'al-Shabaab')).toEqual(expect.arrayContaining(['حركه', 'الشباب']));
    for (const youth of ['shabab', 'shabaab']) expect(await tokens('arabic_exact_search', youth)).not.toContain('حركه');
  });

  it("reads a conflict desk's names: Haniyeh whole (not هن, the stem of هنا), full Arabic names as their Latin ones, UNRWA and the coalition", async () => {
    await expectAnalyzedApart('هنية', 'هن');
    for (const typed of ['Haniya', 'Hanieh']) expect(await tokens('arabic_exact_search', typed)).toEqual(expect.arrayContaining(['هنيه']));
    expect(await tokens('arabic_exact_search', 'Abd Rabbuh Mansur Hadi')).toEqual(expect.arrayContaining(['منصور', 'هادي']));
    expect(await tokens('arabic_exact_search', 'Islamic Jihad')).toEqual(expect.arrayContaining(['الجهاد', 'الاسلامي']));
    expect(await tokens('arabic_exact_search', 'Saudi-led coalition')).toEqual(expect.arrayContaining(['التحالف', 'العربي']));
    // Typed whole in Arabic, a name reaches the spellings its Latin one does: one person, one result set.
    expect(await tokens('arabic_exact_search', 'أبو مازن')).toEqual(expect.arrayContaining(['محمود', 'عباس']));
    expect(await tokens('arabic_exact_search', 'حركة حماس')).toEqual(expect.arrayContaining(['حماس', 'الفلسطينيه']));
    expect(await tokens('arabic_exact_search', 'جماعة الحوثي')).toEqual(expect.arrayContaining(['الحوثيين']));
    expect(await tokens('arabic_exact_search', 'الأنروا')).toEqual(expect.arrayContaining(['الاونروا']));
    expect(await tokens('arabic_exact_search', 'أورشليم')).toEqual(expect.arrayContaining(['القدس']));
    // Israel's and Iran's bodies in English had read as church (كنيسة), goalkeeper (الحارس) and the city.
    expect(await tokens('arabic_exact_search', 'Knesset')).toEqual(expect.arrayContaining(['الكنيست']));
    expect(await tokens('arabic_exact_search', 'Revolutionary Guard')).toEqual(expect.arrayContaining(['الحرس', 'الثوري']));
    expect(await tokens('arabic_exact_search', 'Quds Force')).toEqual(expect.arrayContaining(['فيلق', 'القدس']));
    expect(await tokens('arabic_exact_search', 'Shin Bet')).toEqual(expect.arrayContaining(['الشاباك']));
    expect(await tokens('arabic_exact_search', 'دي مستورا')).toEqual(expect.arrayContaining(['ميستورا']));
  });

  it('reads the Nile and the Horn as an analyst of them types them, and keeps Khartoum apart from a trunk (خرطومه)', async () => {
    // Juba had read as جيوب (pockets), Machar as مؤشر (an index), Afwerki as أفريقيا, Suakin as سكان.
    expect(await tokens('arabic_exact_search', 'Juba')).toEqual(expect.arrayContaining(['جوبا']));
    expect(await tokens('arabic_exact_search', 'Riek Machar')).toEqual(expect.arrayContaining(['مشار']));
    expect(await tokens('arabic_exact_search', 'Afwerki')).toEqual(expect.arrayContaining(['افورقي']));
    expect(await tokens('arabic_exact_search', 'Suakin')).toEqual(expect.arrayContaining(['سواكن']));
    expect(await tokens('arabic_exact_search', 'Mogadishu')).toEqual(expect.arrayContaining(['مقديشو']));
    expect(await tokens('arabic_exact_search', 'فائز السراج')).toEqual(expect.arrayContaining(['فايز']));
    await expectAnalyzedApart('الخرطوم', 'خرطومه');
    expect(await tokens('arabic_index', 'بالخرطوم')).toEqual(await tokens('arabic_index', 'الخرطوم'));
  });

  it("reads a health desk's English terms as the Arabic the news writes, and girls (البنات) and Ebola after ب as themselves", async () => {
    // autism had read as الشرود (absent-mindedness), stroke as الضربة (a strike).
    expect(await tokens('arabic_exact_search', 'autism')).toEqual(expect.arrayContaining(['التوحد']));
    expect(await tokens('arabic_exact_search', 'stroke')).toEqual(expect.arrayContaining(['السكته', 'الدماغيه']));
    expect(await tokens('arabic_exact_search', 'يونيسف')).toEqual(expect.arrayContaining(['اليونيسيف']));
    // The stemmer had made البنات بن, the بن of every name.
    expect(await tokens('arabic_index', 'البنات')).toEqual(await tokens('arabic_index', 'بنات'));
    await expectAnalyzedApart('البنات', 'بن');
    expect(await tokens('arabic_index', 'بإيبولا')).toEqual(await tokens('arabic_index', 'إيبولا'));
    // Medicines had met tools (أدوات) and Edwin, tuberculosis a basket (السلة).
    await expectAnalyzedApart('الأدوية', 'الأدوات');
    expect(await tokens('arabic_index', 'الأدوية')).toEqual(await tokens('arabic_index', 'أدوية'));
    await expectAnalyzedApart('السل', 'السلة');
    expect(await tokens('arabic_index', 'للسل')).toEqual(await tokens('arabic_index', 'السل'));
    expect(await tokens('arabic_exact_search', 'vaccination')).toEqual(expect.arrayContaining(['اللقاح', 'التطعيم']));
    expect(await tokens('arabic_exact_search', 'dengue')).toEqual(expect.arrayContaining(['الضنك']));
    // A dialect typist's: the Champions League as said (ليج had found Liège), a diet (رجيم had found ريم), Egypt's ج for غ.
    expect(await tokens('arabic_exact_search', 'تشامبيونز ليج')).toEqual(expect.arrayContaining(['دوري', 'ابطال']));
    expect(await tokens('arabic_exact_search', 'رجيم')).toEqual(expect.arrayContaining(['حميه']));
    expect(await tokens('arabic_exact_search', 'جالاكسي')).toEqual(expect.arrayContaining(['غالاكسي']));
  });

  it('joins Arab clubs as their fans write them in Latin, and leaves الرجاء alone a word', async () => {
    expect(await tokens('arabic_exact_search', 'raja casablanca')).toEqual(expect.arrayContaining(['الرجاء', 'البيضاوي']));
    expect(await tokens('arabic_exact_search', 'esperance de tunis')).toEqual(expect.arrayContaining(['الترجي']));
    expect(await tokens('arabic_exact_search', 'al ain')).toEqual(expect.arrayContaining(['العين']));
    // "Please" in a notice; the club is the whole name.
    expect(await tokens('arabic_exact_search', 'الرجاء')).toEqual(['الرجاء']);
  });

  it('reads formula 1 as the race, not a formula (الصيغة)', async () => {
    expect(await tokens('arabic_exact_search', 'formula 1')).toEqual(expect.arrayContaining(['فورمولا', '1']));
    expect(await tokens('arabic_exact_search', 'F1')).toEqual(expect.arrayContaining(['فورمولا']));
  });

  it('joins organizations and their acronyms', async () => {
    expect(await tokens('arabic_exact_search', 'NATO')).toEqual(expect.arrayContaining(['الناتو', 'حلف', 'شمال', 'الاطلسي', 'otan']));
    expect(await tokens('arabic_exact_search', 'ناتو')).toEqual(expect.arrayContaining(['الناتو']));
    expect(await tokens('arabic_exact_search', 'OPEC')).toEqual(expect.arrayContaining(['اوبك']));
    expect(await tokens('arabic_exact_search', 'UNRWA')).toEqual(expect.arrayContaining(['الاونروا']));
    expect(await tokens('arabic_exact_search', 'Aramco')).toEqual(expect.arrayContaining(['ارامكو']));
  });

  it("joins the names an economy desk and a sports desk type: the Fed in Arabic and Latin, Moody's, Brent, Zidane alone", async () => {
    const fed = ['الاحتياطي', 'الفيدرالي', 'الفدرالي', 'المركزي', 'الامريكي'];
    expect(await tokens('arabic_exact_search', 'الاحتياطي الفدرالي')).toEqual(expect.arrayContaining(fed));
    expect(await tokens('arabic_exact_search', 'Fed')).toEqual(expect.arrayContaining(fed));
    expect(await tokens('arabic_exact_search', "Moody's")).toEqual(expect.arrayContaining(['موديز']));
    expect(await tokens('arabic_exact_search', 'Brent')).toEqual(expect.arrayContaining(['برنت']));
    expect(await tokens('arabic_exact_search', 'Brent')).not.toContain('النفط');
    expect(await tokens('arabic_exact_search', 'Zidane')).toEqual(expect.arrayContaining(['زيدان']));
    expect(await tokens('arabic_exact_search', 'ترليون')).toEqual(expect.arrayContaining(['تريليون']));
    // A Levant analyst's: Lebanese and Iraqi names and forces as the Latin press spells them.
    expect(await tokens('arabic_exact_search', 'Geagea')).toEqual(expect.arrayContaining(['جعجع']));
    expect(await tokens('arabic_exact_search', 'Hashd al-Shaabi')).toEqual(expect.arrayContaining(['الحشد', 'الشعبي']));
    expect(await tokens('arabic_exact_search', 'ميشيل عون')).toEqual(expect.arrayContaining(['ميشال']));
  });
});
