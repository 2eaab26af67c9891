import { describe, expect, it } from 'vitest';
import { cutDateline, withoutDateline } from './dateline.js';

describe('withoutDateline', () => {
  it.each([
    ['أتلانتا، الولايات المتحدة الأمريكية (CNN) – أكد المتحدث', 'أكد المتحدث'],
    ['دبي، الإمارات العربية المتحدة (CNN)--أكد رئيس', 'أكد رئيس'],
    ['دبي، الإمارات العربية المتحدة - (CNN) يستمر تراجع', 'يستمر تراجع'],
    ['دبي، الإمارات العربية المتحدة (CNN).- – تألق النجم', 'تألق النجم'],
    ['دبي، الإمارات العربية المتحدة (CNN-- نفى المتحدث', 'نفى المتحدث'],
    ['(CNN Business)-- قبل 45 عاما', 'قبل 45 عاما'],
    ['نيويورك، 12 أكتوبر (رويترز) - قال مسؤول', 'قال مسؤول'],
    ['دبي، الإمارات العربية المتحدة (CNN) -- (تحديث) قال', '(تحديث) قال'],
    ['القاهرة (رويترز) ـ قال مسؤول', 'قال مسؤول'],
    ['باريس (أ ف ب): أعلنت الشرطة', 'أعلنت الشرطة'],
    // On the line after a byline, as CNN's partner pieces open.
    ['نشر هذا المقال بالتعاون مع موقع بيت.كوم\nدبي، الإمارات العربية المتحدة (CNN)-- يشعر', 'نشر هذا المقال بالتعاون مع موقع بيت.كوم\nيشعر'],
    ['نشر هذا المقال بالتعاون مع موقع بيت.كوم\n\nدبي، الإمارات العربية المتحدة (CNN)-- يشعر', 'نشر هذا المقال بالتعاون مع موقع بيت.كوم\n\nيشعر'],
  ])('takes the dateline out of %s', (text, left) => {
    expect(withoutDateline(text)).toBe(left);
  });

  it.each([
    ['a score', 'السعودية (2) - العراق (1)\n\nانتهت المباراة'],
    ['a scorer list', 'محمد صلاح (مصر) - 32 هدفا'],
    ['a time', 'تنطلق المباراة في الدوحة الساعة 18:00 بتوقيت غرينتش (GMT) - وتنقل'],
    ['a name and a bracket', 'قال وزير الخارجية المصري سامح شكري (في بيان) - إن'],
    ['a pairing on a later line', 'قائمة المباريات التالية:\nلاتسيو (إيطاليا) - سالزبورغ (النمسا)'],
    ['an agency quoted deep in the text', `${'كلمة '.repeat(60)}\nلندن (رويترز) - قال`],
    ['a bracket and no dash', 'قال الرئيس (72 عاما) إن الحكومة باقية'],
    ['an agency named in a sentence', 'نقلت وكالة الأنباء الرسمية السورية (سانا) عن مصدر عسكري'],
    ['a network named in a sentence', 'مُنعت مراسلة لشبكة (سي إن إن) الإخبارية من تغطية حدث'],
    ['a minister speaking to an agency', 'قال وزير الخارجية السعودي لـ(CNN): إن الرياض'],
    ['an agency reporting what was said', 'نقلت وكالة الأنباء السعودية (واس) - أن الملك سلمان'],
    ['more than a place before the bracket', 'هذه جملة طويلة فيها ست كلمات (رويترز) - قال'],
  ])('leaves %s as it is', (_label, text) => {
    expect(withoutDateline(text)).toBe(text);
  });
});

describe('cutDateline', () => {
  it('keeps the dateline as written beside the text without it', () => {
    expect(cutDateline('دبي، الإمارات العربية المتحدة (CNN)-- أكد رئيس')).toEqual({ text: 'أكد رئيس', dateline: 'دبي، الإمارات العربية المتحدة (CNN)' });
    expect(cutDateline('قال الرئيس (72 عاما) إن الحكومة باقية')).toEqual({ text: 'قال الرئيس (72 عاما) إن الحكومة باقية' });
  });
});
