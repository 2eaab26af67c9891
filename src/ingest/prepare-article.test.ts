import { PROJECT_ROOT } from '../project-root.js';
import { loadRunOnRepairer } from './run-on-repair.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARACTERS, MAX_TITLE_CHARACTERS, normalizeDate, prepareArticle } from './prepare-article.js';

const repairer = loadRunOnRepairer(PROJECT_ROOT);
const json = (value: unknown) => prepareArticle({ kind: 'json', file: 'f', line: 1, value }, repairer);

describe('prepareArticle', () => {
  it('cleans an NDJSON article and hashes its content', () => {
    const prepared = json({ id: 7, title: '  عنوان\u00a0المقال ', text: 'سطر أول\n\n\n  سطر   ثان ', source: 'bbc', category: 'economy' });
    expect(prepared).toMatchObject({ ok: true, article: { id: '7', title: 'عنوان المقال', body: 'سطر أول\n\nسطر ثان', source: 'bbc', category: 'economy' } });
    expect(prepared.ok && prepared.article.contentHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it("reads a seed text's date and time as UTC, as an ingested record's", () => {
    const seed = prepareArticle({ kind: 'seed-text', file: 'f', line: 1, id: 's1', text: 'عنوان الخبر\n\nمارس 9, 2025 - 23:39\n\nنص الخبر' }, repairer);
    expect(seed).toMatchObject({ ok: true, article: { published: '2025-03-09T23:39:00Z' } });
    expect(json({ id: 1, title: 't', text: 'b', published: 'مارس 9, 2025 - 23:39' })).toMatchObject({
      ok: true,
      article: { published: '2025-03-09T23:39:00Z' },
    });
  });

  it('takes bidi marks and zero-width characters out of a title, and refuses a title of them alone', () => {
    expect(json({ id: 1, title: '\u202bحدث في 10 سبتمبر\u202c\u200f\u061c\u2060', text: 'b' })).toMatchObject({
      ok: true,
      article: { title: 'حدث في 10 سبتمبر' },
    });
    expect(json({ id: 1, title: '\u202b\u200b', text: 'b' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^title:/) });
  });

  it('takes controls, noncharacters and lone surrogates out of every field, as a space where they part words', () => {
    const prepared = json({ id: 1, title: 'عنوان\u0000مع\u001bتحكم\ufffe', text: 'نص\ud800الخبر\u0007 هنا\ufdd0 و\u{10ffff}😀', author: 'كاتب\u0085' });
    expect(prepared).toMatchObject({ ok: true, article: { title: 'عنوان مع تحكم', body: 'نص الخبر هنا و 😀', author: 'كاتب' } });
    expect(json({ id: 1, title: '\u0000\u0001', text: 'b' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^title:/) });
  });

  it('keeps the byline and summary a feed gives as one line each, and ignores them when they are no text', () => {
    expect(json({ id: 1, title: 't', text: 'b', author: ' القاهرة -\n أحمد ', abstract: 'ملخص  المقال' })).toMatchObject({
      ok: true,
      article: { author: 'القاهرة - أحمد', abstract: 'ملخص المقال' },
    });
    const odd = json({ id: 1, title: 't', text: 'b', author: 42, abstract: null });
    expect(odd.ok && [odd.article.author, odd.article.abstract]).toEqual([undefined, undefined]);
    // A feed's internal identifier in the byline (458 of Al Arabiya's ANT articles) names nobody: no byline, nothing to report.
    const identified = json({ id: 1, title: 't', text: 'b', author: ' 37a2dd6d-f52a-452d-a2fb-13ce3282f026 ' });
    expect(identified).toMatchObject({ ok: true });
    expect(identified).not.toHaveProperty('dropped');
    expect(identified.ok && identified.article.author).toBeUndefined();
  });

  it('stores an article whose shown-only fields are no text without them, and says which', () => {
    const odd = json({ id: 1, title: 't', text: 'b', url: 42, category: ['a'], author: { name: 'أحمد' }, abstract: null });
    expect(odd).toMatchObject({ ok: true, article: { id: '1' } });
    expect(odd.ok && [odd.article.url, odd.article.category, odd.article.author]).toEqual([undefined, undefined, undefined]);
    expect(odd.ok && odd.droppedFields).toEqual([
      { field: 'url', reason: 'expected text, got a number' },
      { field: 'category', reason: 'expected text, got a list' },
      { field: 'author', reason: 'expected text, got an object' },
    ]);
    // Blank text is no value, as before: nothing to report.
    const blank = json({ id: 1, title: 't', text: 'b', url: '', author: ' ' });
    expect(blank.ok && blank.droppedFields).toBeUndefined();
    // Without an id, the url is the article's name: one that is no text leaves it none.
    expect(json({ url: 42, title: 't', text: 'b' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^id: needs an id or an http\(s\) url/) });
  });

  it('keeps only an http(s) address as the link shown, and says so of another', () => {
    for (const given of ['javascript:alert(5)', 'data:text/html,<script>x</script>', 'ftp://x.org/1', 'https://', 'http:// x']) {
      const prepared = json({ id: 1, title: 't', text: 'b', url: given });
      expect(prepared.ok && prepared.article.url).toBeUndefined();
      expect(prepared.ok && prepared.droppedFields).toEqual([{ field: 'url', reason: 'not an http(s) address' }]);
    }
    expect(json({ id: 1, title: 't', text: 'b', url: ' HTTPS://x.org/1 ' })).toMatchObject({ ok: true, article: { url: 'HTTPS://x.org/1' } });
    // Nor does such an address name an article that has no id.
    expect(json({ url: 'javascript:alert(5)', title: 't', text: 'b' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^id: needs an id or an http\(s\) url/),
    });
  });

  it('leaves out a shown-only field longer than it may be, and says which', () => {
    const long = json({
      id: 1,
      title: 't',
      text: 'b',
      abstract: 'ملخص '.repeat(2_000),
      author: 'ك'.repeat(501),
      category: 'c'.repeat(201),
      url: `https://x.org/${'a'.repeat(2_000)}`,
    });
    expect(long.ok && [long.article.abstract, long.article.author, long.article.category, long.article.url]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(long.ok && long.droppedFields).toEqual([
      { field: 'url', reason: '2,014 characters, more than the 2,000 it may have' },
      { field: 'category', reason: '201 characters, more than the 200 it may have' },
      { field: 'abstract', reason: '9,999 characters, more than the 5,000 it may have' },
      { field: 'author', reason: '501 characters, more than the 500 it may have' },
    ]);
    // Without an id, an address too long to keep names no article.
    expect(json({ url: `https://x.org/${'a'.repeat(2_000)}`, title: 't', text: 'b' })).toMatchObject({
      ok: false,
      reason: 'id: needs an id or an http(s) url (url: 2,014 characters, more than the 2,000 it may have)',
    });
  });

  it('refuses a text or a title longer than an article has, naming the field and the limit', () => {
    const long = 'ب '.repeat(MAX_TEXT_CHARACTERS / 2) + 'ب';
    expect(json({ id: 1, title: 't', text: long.slice(0, MAX_TEXT_CHARACTERS) })).toMatchObject({ ok: true });
    expect(json({ id: 1, title: 't', text: long })).toMatchObject({
      ok: false,
      id: '1',
      reason: `text: 200,001 characters, more than the 200,000 an article may have`,
    });
    const seed = prepareArticle({ kind: 'seed-text', id: 's', text: `عنوان\n\n${long}` } as never, repairer);
    expect(seed).toMatchObject({ ok: false, reason: expect.stringMatching(/^text: 200,0\d\d characters, more than the 200,000/) });
    expect(json({ id: 1, title: 'ع'.repeat(MAX_TITLE_CHARACTERS + 1), text: 'b' })).toMatchObject({
      ok: false,
      reason: 'title: 1,001 characters, more than the 1,000 a title may have',
    });
  });

  it("takes a feed's control characters out of a source's name", () => {
    expect(json({ id: 1, title: 't', text: 'b', source: 'BBC\u0007' })).toMatchObject({ ok: true, article: { source: 'BBC' } });
    expect(json({ id: 1, title: 't', text: 'b', source: 'BBC\u0085\u200b\u202e' })).toMatchObject({ ok: true, article: { source: 'BBC' } });
    expect(json({ id: 1, title: 't', text: 'b', source: '\u0001Sky\u001fNews\u007f Arabia\u0000' })).toMatchObject({
      ok: true,
      article: { source: 'Sky News Arabia' },
    });
    expect(json({ id: 1, title: 't', text: 'b', source: '\u0000' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^source: expected a name/) });
  });

  it('derives a stable id from the url when there is none', () => {
    const a = json({ url: 'https://x.org/1', title: 't', text: 'b' });
    const b = json({ url: 'https://x.org/1', title: 't', text: 'b' });
    expect(a.ok && a.article.id).toMatch(/^url-/);
    expect(a.ok && b.ok && a.article.id === b.article.id).toBe(true);
  });

  it('keys a story by its outlet, title and time of publication, and gives none without an outlet or a time of day', () => {
    const key = (fields: Record<string, string>) => {
      const prepared = json({ id: fields.id ?? 'a', title: 'أسعار الذهب اليوم', text: 'نص', ...fields });
      return prepared.ok ? prepared.article.storyKey : 'rejected';
    };
    const timed = { source: 'bbc', published: '2018-05-01T09:30:00Z' };
    expect(key({ ...timed, id: 'a' })).toMatch(/^[0-9a-f]{40}$/);
    expect(key({ ...timed, id: 'b', text: 'نص آخر' })).toBe(key({ ...timed, id: 'a' }));
    expect(key({ ...timed, title: 'أسعار  الذهب اليوم ' })).toBe(key(timed));
    for (const refiled of ['أسعار الذهب اليوم؟', '"أسعار الذهب" اليوم', 'أسعارُ الذهبِ اليوم'])
      expect(key({ ...timed, title: refiled }), refiled).toBe(key(timed));
    for (const other of [
      { ...timed, source: 'cnn' },
      { ...timed, published: '2018-05-01T09:31:00Z' },
      { ...timed, title: 'أسعار النفط اليوم' },
    ])
      expect(key(other)).not.toBe(key(timed));
    expect(key({ source: 'bbc', published: '2018-05-01' })).toBeUndefined(); // a daily column's items share a date
    expect(key({ published: timed.published })).toBeUndefined(); // no outlet named
  });

  it('keys a story by its outlet and its text word for word, from 40 words, whatever its title and time', () => {
    const text = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
    const key = (fields: Record<string, string>) => {
      const prepared = json({ id: 'a', title: 'عنوان', text, source: 'bbc', published: '2018-05-01T09:30:00Z', ...fields });
      return prepared.ok ? prepared.article.textKey : 'rejected';
    };
    expect(key({})).toMatch(/^[0-9a-f]{40}$/);
    const refilings: Record<string, string>[] = [
      { title: 'عنوان آخر' },
      { published: '2018-05-09' },
      { text: `${text.replace('كلمة3', 'كلمةٌ3')}.` },
      { text: text.replace(' ', '\n\n') },
    ];
    for (const refiled of refilings) expect(key(refiled), JSON.stringify(refiled)).toBe(key({}));
    expect(key({ source: 'cnn' })).not.toBe(key({}));
    expect(key({ text: text.replace('كلمة39', 'كلمة40') })).not.toBe(key({}));
    expect(key({ text: text.replace(' كلمة39', '') })).toBeUndefined(); // 39 words: an outlet's captions repeat
    const unnamed = json({ id: 'a', title: 'عنوان', text });
    expect(unnamed.ok && unnamed.article.textKey).toBeUndefined(); // no outlet named
  });

  it('keys a story by its outlet, first paragraph and time of publication, whatever its title and its end', () => {
    const lead = Array.from({ length: 8 }, (_, i) => `كلمة${i}`).join(' ');
    const key = (fields: Record<string, string>) => {
      const prepared = json({ id: 'a', title: 'عنوان', text: `${lead}\nخاتمة`, source: 'bbc', published: '2018-05-01T09:30:00Z', ...fields });
      return prepared.ok ? prepared.article.leadStoryKey : 'rejected';
    };
    expect(key({})).toMatch(/^[0-9a-f]{40}$/);
    expect(key({ title: 'عنوان آخر', text: `${lead}\nخاتمة معدلة` })).toBe(key({}));
    expect(key({ published: '2018-05-01T10:30:00Z' })).not.toBe(key({}));
    expect(key({ source: 'cnn' })).not.toBe(key({}));
    expect(key({ published: '2018-05-01' })).toBeUndefined(); // a date alone
    expect(key({ text: 'فقرة أولى قصيرة\nخاتمة' })).toBeUndefined(); // too short to key
  });

  it('rejects what cannot be an article, naming the field', () => {
    expect(json({ id: 'a', text: 'b' })).toMatchObject({ ok: false, reason: 'title: required' });
    expect(json({ title: 't', text: 'b' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^id: needs an id or an http\(s\) url/) });
    expect(json({ id: 'a/b', title: 't', text: 'b' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not a valid id/) });
  });
});

describe('normalizeDate', () => {
  it.each([
    ['Sun, 18 Feb 2018 21:35:43 +0400', '2018-02-18T17:35:43Z'],
    ['2021-07-27', '2021-07-27'],
    ['2021-07-27T10:00:00Z', '2021-07-27T10:00:00Z'],
    ['2021-07-27T12:00:00+02:00', '2021-07-27T10:00:00Z'],
    ['Sun, 18 Feb 2018 21:35:43 GMT', '2018-02-18T21:35:43Z'],
    ['22 جانفي 2025', '2025-01-22'],
    ['14 أيار/مايو 2023', '2023-05-14'],
    ['مايو 14، 2023', '2023-05-14'],
    ['مارس 9, 2025 - 23:39', '2025-03-09T23:39:00Z'],
    // Days the calendar lacks, which Date would roll into March, and hours past 23.
    ['2023-02-30', undefined],
    ['Thu, 30 Feb 2023 10:00:00 GMT', undefined],
    ['2023-05-14T25:00:00', undefined],
    ['not a date', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  describe('a time without a zone is UTC, on a machine whose clock is not', () => {
    const machineZone = process.env.TZ;
    beforeAll(() => void (process.env.TZ = 'Asia/Riyadh'));
    afterAll(() => void (machineZone === undefined ? delete process.env.TZ : (process.env.TZ = machineZone)));
    it.each([
      ['2021-07-27T10:00:00', '2021-07-27T10:00:00Z'],
      ['Sun, 18 Feb 2018 21:35:43', '2018-02-18T21:35:43Z'],
      ['Sun, 18 Feb 2018 21:35:43 +0400', '2018-02-18T17:35:43Z'],
    ])('%s → %s', (input, expected) => {
      expect(new Date(2021, 0, 1).getTimezoneOffset()).toBe(-180);
      expect(normalizeDate(input)).toBe(expected);
    });
  });
});
