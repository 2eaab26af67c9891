import { describe, expect, it } from 'vitest';
import { withoutDateline } from './dateline.js';

describe('withoutDateline', () => {
  it.each([
    ['أتلانتا، الولايات المتحدة الأمريكية (CNN) – أكد المتحدث', 'أكد المتحدث'],
    ['دبي، الإمارات العربية المتحدة (CNN)--أكد رئيس', 'أكد رئيس'],
    ['دبي، الإمارات العربية المتحدة - (CNN) يستمر تراجع', 'يستمر تراجع'],
    ['دبي، الإمارات العربية المتحدة (CNN).- – تألق النجم', 'تألق النجم'],
    ['واشنطن (رويترز) - قال مسؤول', 'قال مسؤول'],
    // After a byline line, as CNN's partner pieces open.
    ['نشر هذا المقال بالتعاون مع موقع بيت.كوم\nدبي، الإمارات العربية المتحدة (CNN)-- يشعر', 'نشر هذا المقال بالتعاون مع موقع بيت.كوم\nيشعر'],
  ])('takes the dateline out of %s', (text, left) => {
    expect(withoutDateline(text)).toBe(left);
  });

  it('leaves brackets that are no dateline, and a dateline-like line deep in the text', () => {
    for (const text of ['قال الرئيس (72 عاما) إن الحكومة باقية', 'بدأ الاجتماع صباحا.', `${'كلمة '.repeat(100)}\nلندن (رويترز) - قال`]) {
      expect(withoutDateline(text)).toBe(text);
    }
  });
});
