import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, indexStoredArticles, openTestService, useSeededService } from './support/test-service.js';

// A singer whose name holds a month (برونو مارس, Bruno Mars), and a country's news in the same months.
const articles = [
  { id: 'mars-march', title: 'برونو مارس يحيي حفلا في دبي', body: 'أحيا المغني برونو مارس حفلا.', published: '2018-03-10T12:00:00Z' },
  { id: 'mars-may', title: 'جائزة جديدة للمغني برونو مارس', body: 'نال برونو مارس جائزة.', published: '2018-05-10T12:00:00Z' },
  { id: 'mars-july', title: 'برونو مارس يصدر أغنية', body: 'أصدر برونو مارس أغنية جديدة.', published: '2018-07-10T12:00:00Z' },
  { id: 'sudan-january', title: 'السودان يرفع سعر الوقود', body: 'رفع السودان سعر الوقود.', published: '2018-01-20T12:00:00Z' },
  { id: 'sudan-march', title: 'احتجاجات في السودان', body: 'خرج محتجون في السودان.', published: '2018-03-20T12:00:00Z' },
  { id: 'sudan-may', title: 'السودان يرفع أسعار الخبز', body: 'رفع السودان أسعار الخبز.', published: '2018-05-20T12:00:00Z' },
  { id: 'sudan-may-2', title: 'السودان يفتح معبرا حدوديا', body: 'فتح السودان معبرا مع جارته.', published: '2018-05-25T12:00:00Z' },
];

const seeded = useSeededService('month-in-query');
beforeAll(async () => {
  await indexStoredArticles(seeded.engine, seeded.alias, articles);
});

interface Result {
  total: number;
  hits: { id: string }[];
  datesInQuery?: { from: string; named: string };
  withoutMonth?: { q: string; total: number };
}
async function search(q: string): Promise<Result> {
  const response = await seeded.app.request(`/search?${new URLSearchParams({ q })}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Result;
}
const ids = (result: Result) => result.hits.map((hit) => hit.id).sort();

describe('a month and year in q', () => {
  it('is read from the text an operator leaves: beside -site:, a phrase still stays words', async () => {
    // The months are counted first, by a search that names one; the phrase is asked of the text without -site:.
    expect((await search('السودان مارس 2018')).datesInQuery?.named).toBe('مارس 2018');
    expect((await search('برونو مارس 2018 -site:bbc.com')).datesInQuery).toBeUndefined();
  });

  it('stays words where the articles hold it as a phrase with the word before it (a name)', async () => {
    const singer = await search('برونو مارس 2018');
    expect(singer.datesInQuery).toBeUndefined();
    expect(ids(singer)).toEqual(['mars-july', 'mars-march', 'mars-may']);
    // ماي is also a listed name's word (تيريزا ماي): after any word it names her, not May.
    expect((await search('رئيسة الوزراء ماي 2018')).datesInQuery).toBeUndefined();
    expect((await search('السودان مايو 2018')).datesInQuery?.named).toBe('مايو 2018');
  });

  it('is read as the dates of that month beside a subject, after a word the analysis drops, and after early or late', async () => {
    for (const q of ['السودان مارس 2018', 'السودان في مارس 2018', 'السودان أواخر مارس 2018', 'السودان مارس/آذار 2018', 'السودان في آذار من عام 2018']) {
      const result = await search(q);
      expect([result.datesInQuery?.from, ids(result)], q).toEqual(['2018-03-01', ['sudan-march']]);
    }
    expect((await search('برونو يولية 2018')).datesInQuery?.from).toBe('2018-07-01');
    // A month of two words whose second is a listed name's word (الثاني of عبد الله الثاني), after a subject.
    const january = await search('السودان كانون الثاني 2018');
    expect([january.datesInQuery?.named, ids(january)]).toEqual(['كانون الثاني 2018', ['sudan-january']]);
  });

  it('finding nothing in the month, says how many articles of any date hold the other words', async () => {
    // The index holds July's articles (the singer's), none on Sudan.
    const result = await search('السودان يوليو 2018');
    const sudan = await search('السودان');
    expect(sudan.total).toBeGreaterThanOrEqual(3);
    expect([result.hits.length, result.datesInQuery?.named, result.withoutMonth]).toEqual([0, 'يوليو 2018', { q: 'السودان', total: sudan.total }]);
    expect((await search('السودان مايو 2018')).withoutMonth).toBeUndefined();
    // March holds an article on Sudan, none on its bread: a loose match, so the words are offered too.
    const loose = await search('السودان الخبز مارس 2018');
    expect([ids(loose), loose.withoutMonth]).toEqual([['sudan-march'], { q: 'السودان الخبز', total: (await search('السودان الخبز')).total }]);
    // Never on a next page.
    const next = (await (await seeded.app.request(`/search?${new URLSearchParams({ q: 'السودان يوليو 2018', from: '10' })}`)).json()) as Result;
    expect(next.withoutMonth).toBeUndefined();
  });

  it("keeps its first page's reading on the next pages, whatever the index comes to hold (a restart, another replica)", async () => {
    const q = 'السودان مايو 2018';
    // Newest first: relevance scores move as articles are added, publication times do not.
    const paging = { q, size: '1', sort: 'newest' };
    const firstPage = await seeded.app.request(`/search?${new URLSearchParams(paging)}`);
    const first = (await firstPage.json()) as Result & { nextCursor: string | null };
    expect([first.datesInQuery?.named, first.hits.length, typeof first.nextCursor]).toEqual(['مايو 2018', 1, 'string']);
    // Articles that hold "السودان مايو" as a phrase: a fresh API reads the month in q as words from now on.
    await indexStoredArticles(
      seeded.engine,
      seeded.alias,
      [1, 2, 3].map((n) => ({
        id: `festival-${n}`,
        title: `مهرجان السودان مايو للفنون ${n}`,
        body: 'يعود مهرجان السودان مايو للفنون.',
        published: '2018-07-0' + n,
      })),
    );
    const fresh = createTestApp(openTestService(seeded.engine, seeded.alias));
    const asWords = await fresh.request(`/search?${new URLSearchParams({ q })}`);
    expect(((await asWords.json()) as Result).datesInQuery).toBeUndefined();
    const nextPage = await fresh.request(`/search?${new URLSearchParams({ ...paging, cursor: first.nextCursor! })}`);
    expect(nextPage.status).toBe(200);
    const next = (await nextPage.json()) as Result;
    expect(next.datesInQuery?.named).toBe('مايو 2018');
    expect([...ids(first), ...ids(next)]).toEqual(['sudan-may-2', 'sudan-may']);
  });

  // After the test above: its articles hold "السودان مايو" as a phrase.
  it("keeps a first page's reading as words too, once the index would read the month", async () => {
    const q = 'السودان مايو 2018';
    const paging = { q, size: '1', sort: 'newest' };
    const before = createTestApp(openTestService(seeded.engine, seeded.alias));
    const first = (await (await before.request(`/search?${new URLSearchParams(paging)}`)).json()) as Result & { nextCursor: string | null };
    expect([first.datesInQuery, typeof first.nextCursor]).toEqual([undefined, 'string']);
    // So many more articles on Sudan that the phrase is a stray few of them: a fresh API reads the month now.
    const more = Array.from({ length: 400 }, (_, n) => ({
      id: `sudan-more-${n}`,
      title: `أخبار السودان ${n}`,
      body: 'خبر من السودان.',
      published: '2018-05-15',
    }));
    await indexStoredArticles(seeded.engine, seeded.alias, more);
    const after = createTestApp(openTestService(seeded.engine, seeded.alias));
    expect(((await (await after.request(`/search?${new URLSearchParams({ q })}`)).json()) as Result).datesInQuery?.named).toBe('مايو 2018');
    const nextPage = await after.request(`/search?${new URLSearchParams({ ...paging, cursor: first.nextCursor! })}`);
    expect(nextPage.status).toBe(200);
    expect(((await nextPage.json()) as Result).datesInQuery).toBeUndefined();
  });
});
