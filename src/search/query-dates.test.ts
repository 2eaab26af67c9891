import { describe, expect, it } from 'vitest';
import { splitQueryDates } from './query-dates.js';

describe('splitQueryDates', () => {
  it('reads a month and year beside the subject as the days of that month, in any family of month names', () => {
    expect(splitQueryDates('السودان نوفمبر 2018')).toEqual({ text: 'السودان', dates: { from: '2018-11-01', to: '2018-11-30', named: 'نوفمبر 2018' } });
    expect(splitQueryDates('يونيو 2018 تركيا')).toEqual({ text: 'تركيا', dates: { from: '2018-06-01', to: '2018-06-30', named: 'يونيو 2018' } });
    expect(splitQueryDates('احتجاجات الأردن في حزيران ٢٠١٨').dates).toMatchObject({ from: '2018-06-01', to: '2018-06-30' });
    expect(splitQueryDates('انتخابات كانون الثاني 2019').dates).toMatchObject({ from: '2019-01-01', to: '2019-01-31', named: 'كانون الثاني 2019' });
    expect(splitQueryDates('Yemen November 2018')).toMatchObject({ text: 'Yemen', dates: { from: '2018-11-01' } });
    expect(splitQueryDates('الجزائر جوان 2018').dates).toMatchObject({ from: '2018-06-01' });
    expect(splitQueryDates('فيفري 2016').dates?.to).toBe('2016-02-29');
    expect(splitQueryDates('سوريا آب 2018')).toMatchObject({ text: 'سوريا', dates: { from: '2018-08-01' } });
  });

  it('reads one month named in two calendars as that month, and "of the year" before the year', () => {
    expect(splitQueryDates('السودان أيلول / سبتمبر 2018')).toEqual({
      text: 'السودان',
      dates: { from: '2018-09-01', to: '2018-09-30', named: 'أيلول / سبتمبر 2018' },
    });
    expect(splitQueryDates('السودان أكتوبر/تشرين الأول 2018')).toMatchObject({ text: 'السودان', dates: { from: '2018-10-01' } });
    expect(splitQueryDates('السودان في أكتوبر من عام 2018')).toMatchObject({ text: 'السودان في', dates: { from: '2018-10-01', named: 'أكتوبر من عام 2018' } });
    // Two months of the calendar stay a range, words as typed.
    expect(splitQueryDates('السودان أيلول / أكتوبر 2018')).toEqual({ text: 'السودان أيلول / أكتوبر 2018' });
    expect(splitQueryDates('Algérie mars 2018').dates).toMatchObject({ from: '2018-03-01' });
  });

  it('takes "the month of" and a clitic with the name', () => {
    expect(splitQueryDates('خاشقجي خلال شهر أكتوبر 2018')).toEqual({
      text: 'خاشقجي خلال',
      dates: { from: '2018-10-01', to: '2018-10-31', named: 'شهر أكتوبر 2018' },
    });
    expect(splitQueryDates('غزة بمايو 2018').dates).toMatchObject({ from: '2018-05-01' });
  });

  it('takes early, mid or late with the name, and never asks whether they name something with it', () => {
    const asked: string[] = [];
    const namesSomething = (words: string) => (asked.push(words), true);
    expect(splitQueryDates('أسعار النفط أواخر مارس 2018', namesSomething)).toMatchObject({
      text: 'أسعار النفط',
      dates: { from: '2018-03-01', named: 'أواخر مارس 2018' },
    });
    expect(splitQueryDates('السودان مطلع يونية 2018', namesSomething)).toMatchObject({
      text: 'السودان',
      dates: { from: '2018-06-01', named: 'مطلع يونية 2018' },
    });
    expect(asked).toEqual([]);
    expect(splitQueryDates('برونو مارس 2018', namesSomething)).toEqual({ text: 'برونو مارس 2018' });
    expect(asked).toEqual(['برونو مارس']);
  });

  it('reads the month beside a name that holds a month: تيريزا ماي مايو 2018 is May, her name left as words', () => {
    const names = (words: string) => words === 'تيريزا ماي';
    expect(splitQueryDates('تيريزا ماي مايو 2018', names)).toEqual({
      text: 'تيريزا ماي',
      dates: { from: '2018-05-01', to: '2018-05-31', named: 'مايو 2018' },
    });
    expect(splitQueryDates('تيريزا ماي يونيو 2018', names).dates).toMatchObject({ from: '2018-06-01', named: 'يونيو 2018' });
    expect(splitQueryDates('تيريزا ماي 2018', names)).toEqual({ text: 'تيريزا ماي 2018' });
  });

  it('leaves a whole date as typed: likelier an event than a day of publication', () => {
    for (const q of ['هجمات 11 سبتمبر 2001', 'قمة 12 يونيو 2018', 'ثورة 25 يناير 2011']) expect(splitQueryDates(q), q).toEqual({ text: q });
  });

  it('leaves as typed what may be something else: a listed name, a short word, two months, quotes, exclusions', () => {
    const listed = (words: string) => ['تيريزا ماي', 'theresa may'].includes(words.toLowerCase());
    for (const q of [
      'تيريزا ماي 2018',
      'Theresa May 2018',
      'باب 2018',
      'اب 2018',
      'Bruno Mars 2018',
      'NASA Mars 2018',
      'السودان من يناير 2018 إلى مارس 2018',
      'بين يناير ومارس 2018',
      '"احتجاجات أكتوبر 2018 في السودان"',
      'السودان -"احتجاجات أكتوبر 2018"',
      'السودان NOT أكتوبر 2018',
      'السودان -نوفمبر 2018',
    ])
      expect(splitQueryDates(q, listed), q).toEqual({ text: q });
  });

  it('leaves a month without a year and a year alone as typed', () => {
    for (const q of ['تيريزا ماي', 'مارس الضغط على إيران', 'كأس العالم 2018', 'مونديال 2018 روسيا', 'نوفمبر 18'])
      expect(splitQueryDates(q), q).toEqual({ text: q });
  });
});
