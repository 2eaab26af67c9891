import { describe, expect, it } from 'vitest';
import { cutTeasers, leadKeysOf, paragraphKey, withoutLinkLines } from './teasers.js';

const lead = (n: number) => `قال المتحدث باسم الوزارة في بيان صدر اليوم إن الاجتماع رقم ${n} سيعقد الأسبوع المقبل في العاصمة.`;
const body = (...paragraphs: string[]) => paragraphs.join('\n\n');

describe('paragraphKey', () => {
  it('reads a lead with or without its dateline, and within its outlet only', () => {
    expect(paragraphKey('CNN', `دبي، الإمارات العربية المتحدة (CNN)— ${lead(1)}`)).toBe(paragraphKey('CNN', lead(1)));
    expect(paragraphKey('BBC', lead(1))).not.toBe(paragraphKey('CNN', lead(1)));
    expect(paragraphKey('CNN', lead(1))).not.toBe(paragraphKey('CNN', lead(2)));
  });

  it('gives no key to a short paragraph, which many articles share', () => {
    expect(paragraphKey('CNN', 'شاهد الفيديو أدناه')).toBeUndefined();
  });
});

describe('cutTeasers', () => {
  const leads = new Set([paragraphKey('CNN', lead(2))!, paragraphKey('CNN', lead(3))!]);
  const isLead = (key: string) => leads.has(key);

  it('cuts from the first of two known leads to the end, unknown paragraphs after it too', () => {
    const cut = cutTeasers({ source: 'CNN', body: body(lead(1), 'فقرة من القصة نفسها تشرح التفاصيل.', lead(2), lead(9), lead(3)) }, isLead);
    expect(cut).toMatchObject({ body: body(lead(1), 'فقرة من القصة نفسها تشرح التفاصيل.'), teasers: [lead(2), lead(9), lead(3)] });
    expect(cut?.tailKeys).toEqual([]);
  });

  it('keeps one known lead, background a story may repeat, unless it is right before a block cut before', () => {
    const own = 'فقرة من القصة نفسها تشرح التفاصيل.';
    const article = { source: 'CNN', body: body(lead(1), own, lead(2)) };
    expect(cutTeasers(article, isLead)).toBeUndefined();
    expect(cutTeasers({ ...article, teasers: [lead(3)] }, isLead)).toMatchObject({ body: body(lead(1), own), teasers: [lead(2), lead(3)] });
    // Further up, with the article's own paragraphs after it, it stays.
    expect(cutTeasers({ ...article, body: body(lead(1), lead(2), own, own), teasers: [lead(9)] }, isLead)).toBeUndefined();
  });

  it("cuts an outlet's whole block of known length once one paragraph of it is a known lead", () => {
    const own = 'فقرة من القصة نفسها تشرح التفاصيل.';
    const article = { source: 'CNN', body: body(lead(1), own, lead(7), lead(8), lead(2), lead(9), lead(10)) };
    expect(cutTeasers(article, isLead, 5)).toMatchObject({ body: body(lead(1), own), teasers: [lead(7), lead(8), lead(2), lead(9), lead(10)] });
    expect(cutTeasers(article, () => false, 5)).toBeUndefined();
    // No longer than the block: no article before it, so the rule for an unknown block decides.
    expect(cutTeasers({ source: 'CNN', body: body(lead(1), own, lead(2)) }, isLead, 5)).toBeUndefined();
    // Cut once: the block was all of it.
    expect(cutTeasers({ ...article, body: body(lead(1), own, lead(2), lead(3), own, own), teasers: [lead(9)] }, isLead, 5)).toBeUndefined();
  });

  it('never cuts the lead, nor paragraphs before the last six', () => {
    expect(cutTeasers({ source: 'CNN', body: body(lead(2), lead(3)) }, isLead)).toBeUndefined();
    const early = body(lead(1), lead(2), lead(3), ...[4, 5, 6, 7, 8, 9].map((n) => `فقرة رقم ${n} من القصة.`));
    expect(cutTeasers({ source: 'CNN', body: early }, isLead)).toBeUndefined();
  });

  it('cuts the text as published where the indexed one is cut', () => {
    const published = body(lead(1), lead(2), lead(3));
    const cut = cutTeasers({ source: 'CNN', body: published.replace('الوزارة', 'ال وزارة'), bodyOriginal: published }, isLead);
    expect(cut).toMatchObject({ body: lead(1).replace('الوزارة', 'ال وزارة'), bodyOriginal: lead(1), teasers: [lead(2), lead(3)] });
  });

  it('keys the lead and the tail, never the lead as tail', () => {
    expect(leadKeysOf('CNN', body(lead(1), lead(2)))).toEqual({ leadKeys: [paragraphKey('CNN', lead(1))], tailKeys: [paragraphKey('CNN', lead(2))] });
    // A teaser may be the abstract the feed gives, not the lead.
    expect(leadKeysOf('CNN', lead(1), lead(5)).leadKeys).toEqual([paragraphKey('CNN', lead(1)), paragraphKey('CNN', lead(5))]);
  });
});

describe('withoutLinkLines', () => {
  it("takes out lines that link the outlet's other stories, wherever they stand but first", () => {
    const text = body(lead(1), 'للمزيد: آلاف يتظاهرون في العاصمة', 'فقرة من القصة.', 'قد يهمك/ ترامب يهدد بعقاب شديد', 'شاهد .. أكبر 10 أكاذيب في التاريخ');
    expect(withoutLinkLines(text)).toEqual({
      body: body(lead(1), 'فقرة من القصة.'),
      links: ['للمزيد: آلاف يتظاهرون في العاصمة', 'قد يهمك/ ترامب يهدد بعقاب شديد', 'شاهد .. أكبر 10 أكاذيب في التاريخ'],
    });
    expect(withoutLinkLines(body('اقرأ أيضا: عنوان', lead(1))).links).toEqual([]);
  });

  it('takes the headlines under a cue on its own line, up to the first sentence', () => {
    const text = body(
      lead(1),
      'اقرأ أيضاً:',
      'أزمة كوريا الشمالية في سطور',
      'مدير سي آي إيه اجتمع سرا مع زعيم كوريا الشمالية',
      'وقال المسؤول إن المحادثات ستستمر.',
    );
    expect(withoutLinkLines(text)).toEqual({
      body: body(lead(1), 'وقال المسؤول إن المحادثات ستستمر.'),
      links: ['اقرأ أيضاً:', 'أزمة كوريا الشمالية في سطور', 'مدير سي آي إيه اجتمع سرا مع زعيم كوريا الشمالية'],
    });
  });

  it('reads a bar after the cue as its separator, a headline after it or on the next line', () => {
    const text = body(
      lead(1),
      'اقرأ أيضا|\u00a0السعودية تنفي أنباء مقتل جمال خاشقجي',
      'فقرة من القصة.',
      'اقرأ أيضا|',
      'أول تعليق من ترامب بشأن جمال خاشقجي',
      'ولفت بومبيو إلى أن المسؤولين تحدثوا.',
    );
    expect(withoutLinkLines(text)).toEqual({
      body: body(lead(1), 'فقرة من القصة.', 'ولفت بومبيو إلى أن المسؤولين تحدثوا.'),
      links: ['اقرأ أيضا|\u00a0السعودية تنفي أنباء مقتل جمال خاشقجي', 'اقرأ أيضا|', 'أول تعليق من ترامب بشأن جمال خاشقجي'],
    });
  });

  it('keeps a sentence that only begins like a cue', () => {
    const text = body(lead(1), 'أيضا، قال الوزير إن الاجتماع سيعقد غدا.', 'شاهد العالم كله المباراة النهائية.');
    expect(withoutLinkLines(text).links).toEqual([]);
  });
});

describe('withoutLinkLines under a header', () => {
  it("stops at the article's next paragraph, begun with و or ended by a full stop, and after five headlines", () => {
    const text = body(lead(1), 'اقرأ أيضاً:', 'هل تنجح المفاوضات بين الطرفين؟', 'وأضاف الوزير أن الحكومة ستواصل العمل', 'فقرة أخرى');
    expect(withoutLinkLines(text).links).toEqual(['اقرأ أيضاً:', 'هل تنجح المفاوضات بين الطرفين؟']);
    const many = body(lead(1), 'اقرأ أيضاً:', ...[1, 2, 3, 4, 5, 6].map((n) => `عنوان قصة رقم ${n}`));
    expect(withoutLinkLines(many).body).toBe(body(lead(1), 'عنوان قصة رقم 6'));
  });
});
