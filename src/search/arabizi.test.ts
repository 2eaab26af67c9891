import { describe, expect, it } from 'vitest';
import { loadRunOnRepairer } from '../ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../project-root.js';
import { arabicSounds, ArabiziReader, consonantsAgree, latinSounds, MIN_ARABIZI_FREQUENCY, vowelDistance } from './arabizi.js';

describe('Arabic typed in Latin letters', () => {
  const reader = ArabiziReader.fromWords(
    new Map([
      ['مصر', 3000],
      ['مسار', 200],
      ['حرب', 900],
      ['هرب', 60],
      ['العراق', 2500],
      ['الجزائر', 1500],
      ['جزيرة', 300],
      ['سعد', 400],
      ['الأسد', 1200],
      ['نادر', MIN_ARABIZI_FREQUENCY - 1],
    ]),
  );

  it('reads letters by their sounds, digits for the letters Latin lacks', () => {
    expect(arabicSounds('العراق')).toBe('al3raq');
    expect(arabicSounds('الجزائر')).toBe('aljza2ir'); // the hamza on its seat, typed 2 or not at all
    expect(latinSounds('3ira9')).toEqual(['3iraq', '3iraS']);
    expect(latinSounds('7arb')).toEqual(['Harb']);
    expect(latinSounds('harb')).toEqual(['harb', 'Harb']);
    expect(latinSounds('hassan')).toEqual(['hasan', 'haSan', 'Hasan', 'HaSan']); // ss one letter: س or ص
    expect(latinSounds('shou')).toEqual(['cu']);
    // A vowel typed double is long: aa is also ع between two vowels.
    expect(latinSounds('noor')).toEqual(['nUr']);
    expect(latinSounds('salaam')).toEqual(['salAm', 'sala3am', 'SalAm', 'Sala3am']);
  });

  it('tells whether a Latin and an Arabic word have the same consonants, the article and ع aside', () => {
    expect(consonantsAgree('omar', 'عمر')).toBe(true);
    expect(consonantsAgree('tarek', 'طارق')).toBe(true);
    expect(consonantsAgree('mahdi', 'المهدي')).toBe(true);
    expect(consonantsAgree('mazen', 'عباس')).toBe(false);
  });

  it('weighs vowels only, the consonants agreeing', () => {
    expect(vowelDistance('masr', 'msr')).toBeCloseTo(0.3);
    expect(vowelDistance('masr', 'msar')).toBeCloseTo(0.6);
    expect(vowelDistance('masr', 'mrs')).toBe(Number.POSITIVE_INFINITY);
    // A long vowel is written: its letter costs nothing, its absence more than a short vowel's.
    expect(vowelDistance('mahmUd', 'mhmud')).toBeCloseTo(0.3);
    expect(vowelDistance('mahmUd', 'mhmd')).toBeCloseTo(1.3);
  });

  it('reads a word as the commoner of the words it sounds like, the vowels deciding among near ones', () => {
    expect(reader.read('masr')).toBe('مصر');
    expect(reader.read('Masr')).toBe('مصر');
    expect(reader.read('7arb')).toBe('حرب');
    expect(reader.read('harb')).toBe('حرب');
    expect(reader.read('3ira9', true)).toBe('العراق');
    expect(reader.read('3iraq')).toBe('العراق');
    // The article typed glued, or before the word: الجزائر, not جزيرة (an island).
    expect(reader.read('eljazair')).toBe('الجزائر');
    expect(reader.read('jazair', true)).toBe('الجزائر');
    // A doubled vowel is often ع: saad is سعد, not الأسد.
    expect(reader.read('saad')).toBe('سعد');
  });

  it('reads no word the news writes rarely, none without two consonants, and none of other letters', () => {
    expect(reader.read('nadir')).toBeUndefined();
    expect(reader.read('ya')).toBeUndefined();
    expect(reader.read('aaa')).toBeUndefined();
    expect(reader.read('ma-sr')).toBeUndefined();
    // Capitals alone are an abbreviation; a word typed with a capital is read.
    expect(reader.read('MASR')).toBeUndefined();
    expect(reader.read('Masr')).toBe('مصر');
    // Two consonants: only a near match of the vowels. Omar is no مرة, "once".
    const two = ArabiziReader.fromWords(
      new Map([
        ['مرة', 9000],
        ['سوريا', 3000],
      ]),
    );
    expect(two.read('omar')).toBeUndefined();
    expect(two.read('souriya')).toBe('سوريا');
    // ة said t ends a word typed so: Tantawi, a t within it, is no ثانية ("a second").
    const ending = ArabiziReader.fromWords(new Map([['ثانية', 9000]]));
    expect(ending.read('tantawi')).toBeUndefined();
    expect(ending.read('thaniyat')).toBe('ثانية');
  });

  it('reads a word typed with p or v, letters Arabic lacks, only as a word that writes its vowels: a foreign name', () => {
    const news = ArabiziReader.fromWords(
      new Map([
        ['مسعفين', 400],
        ['بشار', 3000],
        ['ألف', 9000],
        ['بيشاور', 11],
        ['إدلب', 2000],
      ]),
    );
    // Museveni is no مسعفين ("paramedics"), Peshawar no بشار, Aliyev no ألف ("thousand").
    expect(news.read('Museveni')).toBeUndefined();
    expect(news.read('Peshawar')).toBe('بيشاور');
    expect(news.read('Aliyev')).toBeUndefined();
    // A slip of b is still read where the vowels match: إ says i (Idlep, إدلب).
    expect(news.read('Idlep')).toBe('إدلب');
  });

  it('reads no stopword after the article, and a stopword elsewhere as itself, which the search drops', () => {
    const stopwords = new Set(['الذين', 'بعد', 'من']);
    const reader = ArabiziReader.fromWords(
      new Map([
        ['الذين', 5900],
        ['الدين', 1600],
        ['بعد', 9000],
        ['البعض', 2000],
        ['من', 90000],
        ['الأمن', 3000],
      ]),
      (word) => stopwords.has(word),
    );
    expect(reader.read('din', true)).toBe('الدين');
    expect(reader.read('amn', true)).toBe('الأمن');
    expect(reader.read('elamn')).toBe('الأمن');
    // Not البعض: a content word in place of a function word would be searched.
    expect(reader.read('ba3d')).toBe('بعد');
  });

  it('reads the words of the news from the corpus word list', () => {
    const news = ArabiziReader.fromWords(loadRunOnRepairer(PROJECT_ROOT).words());
    for (const [typed, arabic] of [
      ['masr', 'مصر'],
      ['loubnan', 'لبنان'],
      ['filastin', 'فلسطين'],
      ['intikhabat', 'انتخابات'],
      ['ghaza', 'غزة'],
      // Long vowels typed double: محمود, not the commoner محمد; وليد, not والذي.
      ['mahmood', 'محمود'],
      ['waleed', 'وليد'],
      ['baghdaad', 'بغداد'],
      ['mudhaaharaat', 'مظاهرات'],
      // ة said t before the noun it belongs to: mubarat el ahly, wizarat el difa3.
      ['mubarat', 'مباراة'],
      ['wizarat', 'وزارة'],
      // A hamza typed 2, or not at all.
      ['ra2ees', 'رئيس'],
      ['raees', 'رئيس'],
      ['2isra2il', 'إسرائيل'],
      // ق said as a hamza and typed 2, as in Cairo and Beirut, or typed 8: the hamza's reading where there is one.
      ['2odos', 'القدس'],
      ['3ira2', 'العراق'],
      ['ta2rir', 'تقرير'],
      ['8ouds', 'القدس'],
      ['2akbar', 'أكبر'],
      // A digit is its one letter: 6 is ط (الفطر, not الفترة), 7 ح; t, h and s are either.
      ['fi6r', 'الفطر'],
      ['hokoma', 'الحكومة'],
      // Among the many words of h-l (هل, حل, الحالي …).
      ['ahly', 'الأهلي'],
    ] as const)
      expect(news.read(typed), typed).toBe(arabic);
  });
});
