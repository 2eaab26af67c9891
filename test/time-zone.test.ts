import { beforeAll, describe, expect, it } from 'vitest';
import { useAppInChromium } from './support/browser.js';
import { createTestApp, indexStoredArticles, openTestService, useSeededService } from './support/test-service.js';

// Two stories of a Riyadh newsroom: one filed at 01:30 on 1 June, Riyadh time (22:30 UTC on 31 May), one at noon.
const articles = [
  { id: 'tz-night', title: 'خبر الفجر عن الرياض', body: 'نشر خبر الفجر عن الرياض.', published: '2018-05-31T22:30:00Z', author: 'الرياض - مراسلنا' },
  { id: 'tz-noon', title: 'خبر الظهر عن الرياض', body: 'نشر خبر الظهر عن الرياض.', published: '2018-06-01T12:00:00Z' },
];

const seeded = useSeededService('time-zone');
let riyadh: ReturnType<typeof createTestApp>;
beforeAll(async () => {
  await indexStoredArticles(seeded.engine, seeded.alias, articles);
  riyadh = createTestApp(openTestService(seeded.engine, seeded.alias, undefined, { timeZone: 'Asia/Riyadh' }));
});

interface Result {
  hits: { id: string }[];
  facets: { published: { month: string; count: number }[] };
  datesInQuery?: { from: string };
}
async function search(app: ReturnType<typeof createTestApp>, params: Record<string, string>): Promise<Result> {
  const response = await app.request(`/search?${new URLSearchParams(params)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Result;
}
const page = useAppInChromium(() => riyadh);
const ids = (result: Result) => result.hits.map((hit) => hit.id).sort();
const months2018 = (result: Result) => result.facets.published.filter((bucket) => bucket.month.startsWith('2018-'));

describe('the newsroom time zone (TIME_ZONE)', () => {
  it("counts a day's articles by the newsroom's clock, not UTC's", async () => {
    const june = { date_from: '2018-06-01', date_to: '2018-06-30' };
    expect(ids(await search(seeded.app, june))).toEqual(['tz-noon']);
    expect(ids(await search(riyadh, june))).toEqual(['tz-night', 'tz-noon']);
    expect(ids(await search(riyadh, { date_from: '2018-05-01', date_to: '2018-05-31' }))).toEqual([]);
  });

  it("counts the month facet and a month named in q by the newsroom's clock", async () => {
    expect(months2018(await search(seeded.app, {}))).toEqual([
      { month: '2018-05', count: 1 },
      { month: '2018-06', count: 1 },
    ]);
    expect(months2018(await search(riyadh, {}))).toEqual([{ month: '2018-06', count: 2 }]);
    const named = await search(riyadh, { q: 'الرياض يونيو 2018' });
    expect([named.datesInQuery?.from, ids(named)]).toEqual(['2018-06-01', ['tz-night', 'tz-noon']]);
  });
});

describe('publication times on the page', () => {
  it("shows an article's day, and in its own view its time, by the newsroom's clock, as /facets names it", async () => {
    const facets = async (app: ReturnType<typeof createTestApp>) => ((await (await app.request('/facets')).json()) as { timeZone: string }).timeZone;
    expect([await facets(seeded.app), await facets(riyadh)]).toEqual(['UTC', 'Asia/Riyadh']);
    const dayIn = (timeZone: string) =>
      new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(new Date(articles[0]!.published));
    expect(dayIn('Asia/Riyadh')).not.toBe(dayIn('UTC'));
    await page.page.goto(`${page.url}/?q=${encodeURIComponent('خبر الفجر')}`);
    await page.page.waitForSelector('#hits a[data-id="tz-night"]');
    const listed = await page.page.textContent('#hits li:has(a[data-id="tz-night"]) .meta');
    expect(listed).toContain(dayIn('Asia/Riyadh'));
    await page.page.click('#hits a[data-id="tz-night"]');
    await page.page.waitForFunction(() => Boolean(document.querySelector('#article-meta time')));
    const opened = await page.page.textContent('#article-meta');
    expect(opened).toContain(dayIn('Asia/Riyadh'));
    expect(opened).not.toContain(dayIn('UTC'));
    // With the time it was filed, 01:30 in Riyadh, and its byline, as one cites it.
    expect(opened).toMatch(new RegExp(`${new Intl.NumberFormat('ar').format(1)}:${new Intl.NumberFormat('ar', { minimumIntegerDigits: 2 }).format(30)}`, 'u'));
    expect(opened).toContain('الرياض - مراسلنا');
    // Where the dates are picked, whose days they are.
    expect(await page.page.textContent('#date-zone')).toBe('الأيام بتوقيت Asia/Riyadh');
  });

  it("reads a time stored without its zone as UTC, whatever the reader's clock", async () => {
    const bare = { id: 'tz-bare', title: 'خبر بلا منطقة زمنية', body: 'نشر خبر بلا منطقة زمنية.', published: '2018-05-31T18:00:00' };
    await indexStoredArticles(seeded.engine, seeded.alias, [bare]);
    const session = await page.page.context().newCDPSession(page.page);
    await session.send('Emulation.setTimezoneOverride', { timezoneId: 'America/Los_Angeles' });
    try {
      await page.page.goto(`${page.url}/?article=tz-bare`);
      await page.page.waitForFunction(() => Boolean(document.querySelector('#article-meta time')));
      const riyadhDay = new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Riyadh' }).format(
        new Date(`${bare.published}Z`),
      );
      expect(await page.page.textContent('#article-meta')).toContain(riyadhDay);
    } finally {
      await session.send('Emulation.setTimezoneOverride', { timezoneId: '' });
    }
  });
});
