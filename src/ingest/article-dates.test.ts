import { foldArabic } from '../analysis/arabic-rules.js';
import { describe, expect, it } from 'vitest';
import months from '../../analyzers/months.json' with { type: 'json' };
import { findPublishedDate, isStandaloneDateLine, isTweetAttributionLine, monthNumber, parseArabicDate, toAsciiDigits } from './article-dates.js';

const dateOf = (text: string, referenceYear?: number) => parseArabicDate(text, referenceYear === undefined ? undefined : { referenceYear })?.date;

describe('parseArabicDate: formats seen in the seeds', () => {
  it('month name, day, comma, year and a time', () => {
    expect(parseArabicDate('مارس 9, 2025 - 23:39')).toEqual({ date: '2025-03-09T23:39:00', hasTime: true });
  });

  it('the same line as scraped, with no-break spaces around the dash', () => {
    expect(parseArabicDate('مارس 9, 2025\u00a0-\u00a023:39')).toEqual({ date: '2025-03-09T23:39:00', hasTime: true });
  });

  it('weekday name and y/m/d', () => {
    expect(parseArabicDate('الثلاثاء 2021/07/27')).toEqual({ date: '2021-07-27', hasTime: false });
  });

  it('day and Maghreb month name without a year needs a reference year', () => {
    expect(parseArabicDate('الموقعة في 22 جانفي الماضي')).toBeUndefined();
    expect(parseArabicDate('الموقعة في 22 جانفي الماضي', { referenceYear: 2025 })).toEqual({ date: '2025-01-22', hasTime: false });
  });

  it('an explicit year wins over the reference year', () => {
    expect(dateOf('22 جانفي 2024', 2025)).toBe('2024-01-22');
  });
});

describe('parseArabicDate: a date inside a line of text', () => {
  it.each([
    ['an English month name', 'August 6, 2021', '2021-08-06'],
    ['the end of a tweet attribution', '— Ramtane Lamamra | رمطان لعمامرة (@Lamamra_dz) August 4, 2021', '2021-08-04'],
    ['an abbreviated month and an ordinal day', 'Aug 6th 2021', '2021-08-06'],
    ['an Egyptian month name after بتاريخ', 'بتاريخ 3 فبراير 2025، مكالمة هاتفية', '2025-02-03'],
    ['an Egyptian month name after يوم', 'يوم 22 يناير 2025، على مذكرة', '2025-01-22'],
    ['a pm time', 'August 6, 2021 3:05 pm', '2021-08-06T15:05:00'],
    ['12 am, past midnight', 'August 6, 2021 12:10 am', '2021-08-06T00:10:00'],
    ['a time written before the date', '23:39 - مارس 9, 2025', '2025-03-09T23:39:00'],
    ['the first of two dates', 'بتاريخ 3 فبراير 2025 بعد التوقيع يوم 22 يناير 2025', '2025-02-03'],
  ])('%s: %s → %s', (_case, text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });
});

describe('parseArabicDate: times, separators and digits', () => {
  it('ISO with a time', () => {
    expect(parseArabicDate('2021-07-27T10:30')).toEqual({ date: '2021-07-27T10:30:00', hasTime: true });
    expect(parseArabicDate('2021-07-27 10:30:15')).toEqual({ date: '2021-07-27T10:30:00', hasTime: true });
  });

  it('does not mix separators in one numeric date', () => {
    expect(dateOf('27/07-2021')).toBeUndefined();
  });

  it('Arabic-Indic digits', () => {
    expect(dateOf('٢٧/٠٧/٢٠٢١')).toBe('2021-07-27');
    expect(parseArabicDate('مارس ٩, ٢٠٢٥ - ٢٣:٣٩')).toEqual({ date: '2025-03-09T23:39:00', hasTime: true });
    expect(dateOf('الثلاثاء ٢٠٢١/٠٧/٢٧')).toBe('2021-07-27');
  });

  it('Persian digits', () => {
    expect(dateOf('۲۷/۰۷/۲۰۲۱')).toBe('2021-07-27');
    expect(dateOf('۳ فبراير ۲۰۲۵')).toBe('2025-02-03');
  });

  it('converts both digit sets', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('parseArabicDate: a date alone, in numbers or with a month name of each family', () => {
  it.each([
    ['27/07/2021', '2021-07-27'],
    ['27-07-2021', '2021-07-27'],
    ['27.07.2021', '2021-07-27'],
    ['7/3/2021', '2021-03-07'],
    ['2021-07-27', '2021-07-27'],
    ['2021.07.27', '2021-07-27'],
    ['9 ابريل 2021', '2021-04-09'],
    ['9 أبريل 2021', '2021-04-09'],
    ['9 إبريل 2021', '2021-04-09'],
    ['1 يونيه 2021', '2021-06-01'],
    ['1 يوليه 2021', '2021-07-01'],
    ['15 اغسطس 2021', '2021-08-15'],
    ['5 جويلية 2021', '2021-07-05'],
    ['15 أوت 2021', '2021-08-15'],
    ['1 ماي 2021', '2021-05-01'],
    ['1 مايو 2021', '2021-05-01'],
    ['3 غشت 2021', '2021-08-03'],
    ['1 يوليوز 2022', '2022-07-01'],
    ['10 دجنبر 2020', '2020-12-10'],
    ['12 نونبر 2020', '2020-11-12'],
    ['12 كانون الثاني 2020', '2020-01-12'],
    ['12 كانون الأول 2020', '2020-12-12'],
    ['3 تشرين الأول 2020', '2020-10-03'],
    ['3 تشرين الثاني 2020', '2020-11-03'],
    ['4 آذار 2021', '2021-03-04'],
    ['4 اذار 2021', '2021-03-04'],
    ['9 آب 2021', '2021-08-09'],
    ['20 أيار 2021', '2021-05-20'],
    ['6 août 2021', '2021-08-06'],
    ['6 aout 2021', '2021-08-06'],
    ['14 février 2024', '2024-02-14'],
    ['14 fevrier 2024', '2024-02-14'],
    ['1er janvier 2021', '2021-01-01'],
    ['25 décembre 2020', '2020-12-25'],
    ['mardi 27 juillet 2021', '2021-07-27'],
    ['March 9, 2025', '2025-03-09'],
  ])('%s → %s', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  it('every family in analyzers/months.json maps every month', () => {
    const families = Object.entries(months).filter(([key]) => key !== 'description');
    expect(families.map(([key]) => key).sort()).toEqual(['egyptian-gulf', 'english', 'french', 'levantine-iraqi', 'maghreb']);
    for (const [, table] of families) {
      for (const [month, names] of Object.entries(table as Record<string, string[]>)) {
        for (const name of names) expect(monthNumber(name), name).toBe(Number(month));
      }
    }
  });

  it('folds hamza and madda on alef', () => {
    expect(foldArabic('أبريل إبريل آذار')).toBe('ابريل ابريل اذار');
    expect(monthNumber('أكتوبر')).toBe(10);
    expect(monthNumber('اكتوبر')).toBe(10);
    expect(monthNumber('تشرين   الأول')).toBe(10);
    expect(monthNumber('ليس شهرا')).toBeUndefined();
  });
});

describe('parseArabicDate: rejects what is not a calendar date', () => {
  it.each(['31/02/2024', '30 فبراير 2024', '29/02/2023', '13/13/2024', '2024/13/01', '32 مارس 2024', '0 مارس 2024', '31 أبريل 2021'])(
    '%s → undefined',
    (text) => {
      expect(parseArabicDate(text)).toBeUndefined();
    },
  );

  it('accepts 29 February in a leap year, also through the reference year', () => {
    expect(dateOf('29/02/2024')).toBe('2024-02-29');
    expect(dateOf('29 فيفري', 2024)).toBe('2024-02-29');
    expect(dateOf('29 فيفري', 2023)).toBeUndefined();
  });

  it('rejects years outside the Gregorian news range (a Hijri year)', () => {
    expect(parseArabicDate('9 مارس 1446')).toBeUndefined();
  });

  it('returns undefined for text without a date', () => {
    expect(parseArabicDate('وفي أكتوبر من العام 2020 جددت الجزائر وواشنطن شراكتهما')).toBeUndefined();
    expect(parseArabicDate('')).toBeUndefined();
  });

  it('keeps the date and drops an impossible time', () => {
    expect(parseArabicDate('مارس 9, 2025 - 25:61')).toEqual({ date: '2025-03-09', hasTime: false });
  });
});

describe('isStandaloneDateLine', () => {
  it.each(['الثلاثاء 2021/07/27', 'مارس 9, 2025 - 23:39', '27/07/2021', 'نشر في: 9 مارس 2025', 'الخميس 22 جانفي'])('%s is a date line', (line) => {
    expect(isStandaloneDateLine(line)).toBe(true);
  });

  it.each([
    'بتاريخ 3 فبراير 2025، مكالمة هاتفية من طرف رئيس لجنة رؤساء الأركان',
    '— Ramtane Lamamra | رمطان لعمامرة (@Lamamra_dz) August 6, 2021',
    'فرصة لتعزيز التعاون الاستراتيجي',
    '0',
  ])('%s is not a date line', (line) => {
    expect(isStandaloneDateLine(line)).toBe(false);
  });
});

describe('isTweetAttributionLine', () => {
  it('recognises the signature line under a tweet, with em dash, en dash or hyphen', () => {
    expect(isTweetAttributionLine('— Ramtane Lamamra | رمطان لعمامرة (@Lamamra_dz) August 6, 2021')).toBe(true);
    expect(isTweetAttributionLine('– Someone (@some_one) 3 فبراير 2025')).toBe(true);
    expect(isTweetAttributionLine('- Someone (@some_one) March 1, 2024')).toBe(true);
  });

  it('ignores prose that mentions a handle', () => {
    expect(isTweetAttributionLine('وكتب الوزير على حسابه (@Lamamra_dz) أن اللقاء كان مثمرا.')).toBe(false);
  });
});

describe('findPublishedDate', () => {
  const attributions = ['نص المقال الأول.', '— A (@a_b) August 4, 2021', 'نص المقال الثاني.', '— A (@a_b) August 6, 2021', '— A (@a_b) August 5, 2021'];

  it('prefers a standalone date line in the header over tweet dates', () => {
    expect(findPublishedDate(['العنوان', 'الثلاثاء 2021/07/27', ...attributions])).toBe('2021-07-27');
  });

  it('falls back to the latest tweet attribution date', () => {
    expect(findPublishedDate(attributions)).toBe('2021-08-06');
  });

  it('ignores dates inside body sentences', () => {
    expect(findPublishedDate(['العنوان', 'وقع الطرفان يوم 22 يناير 2025 على مذكرة تفاهم.'])).toBeUndefined();
  });

  it('only looks for the page date in the header lines', () => {
    const lines = [...Array.from({ length: 8 }, (_, i) => `فقرة رقم ${i} من المقال.`), 'الثلاثاء 2021/07/27'];
    expect(findPublishedDate(lines)).toBeUndefined();
    expect(findPublishedDate(lines, { headerLines: 9 })).toBe('2021-07-27');
  });

  it('passes the reference year on for a header date without a year', () => {
    expect(findPublishedDate(['العنوان', 'الخميس 22 جانفي'])).toBeUndefined();
    expect(findPublishedDate(['العنوان', 'الخميس 22 جانفي'], { referenceYear: 2025 })).toBe('2025-01-22');
  });

  it('keeps the time of the header date', () => {
    expect(findPublishedDate(['العنوان', 'مارس 9, 2025 - 23:39'])).toBe('2025-03-09T23:39:00');
  });
});
