import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useAppInChromium } from './support/browser.js';
import { indexStoredArticles, useSeededService } from './support/test-service.js';

// The search page in a real Chromium, checked against the API's own answers.

/** Blinken articles beyond the seeds, tagged by hand: enough for a second page under three filters. */
const extra = Array.from({ length: 26 }, (_, i) => ({
  id: `desk_${String(i).padStart(2, '0')}`,
  title: `بلينكن يبحث ملف التعاون الثنائي رقم ${i + 1}`,
  body: `قال وزير الخارجية الأمريكي أنتوني بلينكن إن التعاون مع الجزائر يتقدم في الملف ${i + 1}. Blinken said talks went well.`,
  published: `2021-0${(i % 6) + 1}-10`,
  source: i % 2 ? 'Echorouk' : 'وكالة الأنباء',
  topics: i % 2 ? ['economy-energy'] : ['diplomacy'],
  regions: i % 3 ? ['algeria', 'maghreb', 'north-africa'] : ['libya', 'north-africa'],
  people: ['antony-blinken'],
  organizations: [],
}));

const seeded = useSeededService('browser-search', {});

/** An article stored under its outlet's link, as a feed gives it. */
const linkedArticle = {
  id: 'desk_linked',
  title: 'معرض الكتاب يفتح أبوابه',
  body: 'افتتح معرض الكتاب أبوابه للزوار.',
  published: '2021-03-10',
  source: 'Echorouk',
  topics: ['culture'],
  regions: [],
  people: [],
  organizations: [],
  url: 'http://www.example-desk.com/ar/book-fair',
};

beforeAll(() => indexStoredArticles(seeded.engine, seeded.alias, [...extra, linkedArticle]));
const chromium = useAppInChromium(() => seeded.app);

interface SearchAnswer {
  total: number;
  hits: { id: string; title: string; source: string | null }[];
  nextCursor: string | null;
  facets: Record<string, { value: string; count: number; label: { ar: string; en: string } }[]>;
}
async function api<T>(path: string): Promise<T> {
  return (await (await seeded.app.request(path)).json()) as T;
}
/** Waits until the page has drawn the answer to the search its URL names. */
async function rendered(): Promise<URLSearchParams> {
  await chromium.page.waitForFunction(() => {
    const params = new URLSearchParams(location.search);
    const pages = params.get('pages') || '1';
    params.delete('pages');
    params.delete('article');
    return document.body.dataset.rendered === `${params}|${pages}`;
  });
  return new URL(chromium.page.url()).searchParams;
}
/** A phone's screen in the same Chromium: 360 × 740, touch, as a mobile browser lays a page out. */
const phoneContext = () =>
  chromium.page
    .context()
    .browser()!
    .newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
const shownIds = () => chromium.page.$$eval('#hits a[data-id]', (links) => links.map((a) => a.getAttribute('data-id')));
const shownCounts = (facet: string) =>
  chromium.page.$$eval(`fieldset[data-facet="${facet}"] input`, (inputs) =>
    Object.fromEntries(inputs.map((i) => [i.getAttribute('value'), Number(i.getAttribute('data-count'))])),
  );

describe('the search page', () => {
  it('is Arabic, right to left, and loads nothing from elsewhere', async () => {
    await chromium.page.goto(chromium.url);
    await rendered();
    expect(await chromium.page.$eval('html', (html) => [html.lang, html.dir])).toEqual(['ar', 'rtl']);
    expect(await chromium.page.$eval('#q', (input) => (input as HTMLInputElement).labels?.[0]?.textContent)).toBe('ابحث في الأخبار');
  });

  it('suggests as one types, and a picked name filters on it', async () => {
    await chromium.page.click('#q');
    await chromium.page.keyboard.type('بلين');
    await chromium.page.waitForSelector('#suggestions li[data-kind="people"]');
    const kinds = await chromium.page.$$eval('#suggestions li', (items) => items.map((li) => li.getAttribute('data-kind')));
    expect(kinds).toContain('title');
    // A name matched under another spelling shows that spelling beside its label, as text.
    const people = await chromium.page.$$eval('#suggestions li[data-kind="people"]', (items) => items.map((li) => li.textContent ?? ''));
    expect(people.join(' ')).toContain('بلينكن');
    expect(people.join(' ')).not.toContain('[object');
    // Escape closes the suggestions and keeps what was typed.
    await chromium.page.keyboard.press('Escape');
    expect(await chromium.page.$eval('#suggestions', (list) => (list as HTMLElement).hidden)).toBe(true);
    expect(await chromium.page.inputValue('#q')).toBe('بلين');
    await chromium.page.keyboard.type('ك');
    await chromium.page.keyboard.press('Backspace');
    await chromium.page.waitForSelector('#suggestions li[data-kind="people"]');
    await chromium.page.keyboard.press('ArrowDown');
    expect(await chromium.page.$eval('#q', (input) => input.getAttribute('aria-activedescendant'))).toBe('suggestion-0');
    await chromium.page.keyboard.press('Enter');
    await chromium.page.waitForURL(/person=antony-blinken/);
    await rendered();
    // Escape before the suggestions arrive closes them too, and keeps the text for Enter to search.
    await chromium.page.click('#q');
    await chromium.page.keyboard.type('الجزائر');
    await chromium.page.keyboard.press('Escape');
    expect(await chromium.page.inputValue('#q')).toBe('الجزائر');
    await chromium.page.keyboard.press('Enter');
    await chromium.page.waitForURL(/q=%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1/);
    expect(await chromium.page.$eval('#suggestions', (list) => (list as HTMLElement).hidden)).toBe(true);
    // Nor does Escape wipe text that no suggestion matched, once the answer is in.
    await chromium.page.fill('#q', '');
    await chromium.page.keyboard.type('qzxqzx');
    await chromium.page.waitForResponse((response) => response.url().includes('/suggest?'));
    // The answer read and found empty: nothing is pending any more.
    await chromium.page.waitForTimeout(300);
    await chromium.page.keyboard.press('Escape');
    expect(await chromium.page.inputValue('#q')).toBe('qzxqzx');
    await chromium.page.goto(`${chromium.url}?person=antony-blinken`);
    await rendered();
    await rendered();
    const answer = await api<SearchAnswer>('/search?person=antony-blinken&size=10');
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
    expect(await chromium.page.textContent('#status')).toContain(String(answer.total));
  });

  it('ticks two topics and a region: the URL, the counts and the results are the API’s', async () => {
    for (const box of ['#f-topic-diplomacy', '#f-topic-economy-energy', '#f-region-algeria']) {
      await chromium.page.click(box);
      await chromium.page.waitForFunction((id) => (document.querySelector(id) as HTMLInputElement | null)?.checked === true, box);
      await rendered();
    }
    const params = new URL(chromium.page.url()).searchParams;
    expect(params.getAll('topic').sort()).toEqual(['diplomacy', 'economy-energy']);
    expect(params.getAll('region')).toEqual(['algeria']);
    expect(params.getAll('person')).toEqual(['antony-blinken']);
    const query = 'person=antony-blinken&topic=diplomacy&topic=economy-energy&region=algeria';
    const answer = await api<SearchAnswer>(`/search?${query}&size=10`);
    expect(answer.total).toBeGreaterThan(10);
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
    for (const facet of ['topics', 'regions', 'people', 'source']) {
      const counts = await shownCounts(facet);
      for (const bucket of answer.facets[facet]!) expect(counts[bucket.value]).toBe(bucket.count);
    }
    // A source reads as its label, in the facet and on each hit, not as the feed's slug.
    const sourceLabel = new Map(answer.facets.source!.map((bucket) => [bucket.value, bucket.label.ar]));
    const shownSources = await chromium.page.$$eval('#hits .meta > bdi', (names) => names.map((name) => name.textContent));
    expect(shownSources).toEqual(answer.hits.map((hit) => sourceLabel.get(hit.source!)));
    expect(answer.hits.some((hit) => sourceLabel.get(hit.source!) !== hit.source)).toBe(true);
    // The page's feed follows the same selection, and is one.
    const feed = new URL(await chromium.page.$eval('#feed-link', (link) => (link as HTMLAnchorElement).href));
    expect(feed.pathname).toBe('/search/feed');
    expect([...feed.searchParams.keys()].sort()).toEqual(['person', 'region', 'topic', 'topic']);
    expect([feed.searchParams.getAll('topic').sort(), feed.searchParams.getAll('region'), feed.searchParams.getAll('person')]).toEqual([
      ['diplomacy', 'economy-energy'],
      ['algeria'],
      ['antony-blinken'],
    ]);
    // The page's head names the feed of the newest articles, for a reader given the site's address.
    expect(await chromium.page.$eval('link[rel="alternate"][type="application/atom+xml"]', (link) => new URL((link as HTMLLinkElement).href).pathname)).toBe(
      '/search/feed',
    );
    const followed = await fetch(feed);
    expect([followed.status, followed.headers.get('content-type')]).toEqual([200, 'application/atom+xml; charset=utf-8']);
    expect((await followed.text()).match(/<entry>/g)?.length).toBeGreaterThan(0);
    // Regions nest under their parent region: Algeria under the Maghreb.
    expect(await chromium.page.$eval('#f-region-algeria', (box) => box.closest('ul')?.closest('li')?.querySelector('input')?.value)).toBe('maghreb');
    await screenshot(chromium.page, 'search-page');

    await chromium.page.click('#more');
    await chromium.page.waitForURL((url) => url.searchParams.get('pages') === '2');
    await rendered();
    const second = await api<SearchAnswer>(`/search?${query}&size=10&cursor=${answer.nextCursor}`);
    expect(await shownIds()).toEqual([...answer.hits, ...second.hits].map((h) => h.id));
    expect(new URL(chromium.page.url()).searchParams.get('pages')).toBe('2');
  });

  it('requires two ticked values of a facet together once asked, and says so in the URL', async () => {
    await chromium.page.goto(`${chromium.url}/?region=algeria&region=united-states`);
    await rendered();
    expect(await chromium.page.isChecked('#all-region')).toBe(false);
    await chromium.page.click('#all-region');
    await chromium.page.waitForURL((url) => url.searchParams.get('match_all') === 'region');
    await rendered();
    const either = await api<SearchAnswer>('/search?region=algeria&region=united-states&size=10');
    const both = await api<SearchAnswer>('/search?region=algeria&region=united-states&match_all=region&size=10');
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(either.total);
    expect(await shownIds()).toEqual(both.hits.map((h) => h.id));
    const counts = await shownCounts('regions');
    for (const bucket of both.facets.regions!) expect(counts[bucket.value]).toBe(bucket.count);
    // With one value left, there is nothing to require together: the choice goes, and so does the parameter.
    await chromium.page.click('#f-region-united-states');
    await chromium.page.waitForURL((url) => url.searchParams.getAll('region').length === 1);
    const left = await rendered();
    expect(left.has('match_all')).toBe(false);
    expect(await chromium.page.locator('#all-region').count()).toBe(0);
    expect(await chromium.page.textContent('#active-filters')).not.toContain('null');
  });

  it('shows a shared link of three pages whole, asking the two after the first in one request', async () => {
    const asked: string[] = [];
    const count = (request: { url(): string }) => void (request.url().includes('/search?') && asked.push(request.url()));
    chromium.page.on('request', count);
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}&pages=3`);
    await rendered();
    chromium.page.off('request', count);
    // The index holds 28: the second request, for 20, brings the last 18.
    const whole = await api<SearchAnswer>(`/search?q=${encodeURIComponent('بلينكن')}&size=30`);
    expect(whole.hits.length).toBeGreaterThan(20);
    expect(await shownIds()).toEqual(whole.hits.map((hit) => hit.id));
    expect(asked.map((url) => new URL(url).searchParams.get('size'))).toEqual(['10', '20']);
  });

  it('opens an article, and the back button returns to the same results', async () => {
    const before = chromium.page.url();
    const first = (await shownIds())[0]!;
    await chromium.page.click(`#hits a[data-id="${first}"]`);
    await chromium.page.waitForFunction((id) => document.body.dataset.rendered === `article:${id}`, first);
    const article = await api<{ title: string }>(`/articles/${first}`);
    expect(await chromium.page.textContent('#article-title')).toBe(article.title);
    expect(new URL(chromium.page.url()).searchParams.get('article')).toBe(first);
    // Opened from a search, the words it matched are marked in the text, as the API marks them.
    const q = new URL(before).searchParams.get('q')!;
    const marked = await api<{ marked?: { body?: string } }>(`/articles/${first}?q=${encodeURIComponent(q)}`);
    const marks = (marked.marked?.body?.match(/<mark>/gu) ?? []).length;
    expect(marks).toBeGreaterThan(0);
    expect(await chromium.page.locator('#article-body mark').count()).toBe(marks);
    // Below it, the articles related to it, as the API lists them.
    await chromium.page.waitForFunction((id) => document.body.dataset.related === id, first);
    const related = await api<{ related: { id: string }[] }>(`/articles/${first}/related?size=5`);
    expect(await chromium.page.$$eval('#related-list a', (links) => links.map((link) => link.getAttribute('data-id')))).toEqual(
      related.related.map((hit) => hit.id),
    );
    expect(related.related.length).toBeGreaterThan(0);
    await chromium.page.goBack();
    await chromium.page.waitForSelector('#search-view:not([hidden])');
    expect(chromium.page.url()).toBe(before);
    expect((await shownIds())[0]).toBe(first);
    // A keyboard reader goes on from the article they opened, not from the top of the page.
    await chromium.page.waitForFunction((id) => document.activeElement?.getAttribute('data-id') === id, first);
  });

  it('leads back to the results from an article reached through related ones, and from an article picked among suggestions', async () => {
    const before = chromium.page.url();
    const first = (await shownIds())[0]!;
    await chromium.page.click(`#hits a[data-id="${first}"]`);
    await chromium.page.waitForFunction((id) => document.body.dataset.related === id, first);
    const next = (await chromium.page.getAttribute('#related-list a', 'data-id'))!;
    await chromium.page.click('#related-list a');
    await chromium.page.waitForFunction((id) => document.body.dataset.related === id, next);
    await chromium.page.click('#back');
    await chromium.page.waitForSelector('#search-view:not([hidden])');
    expect(chromium.page.url()).toBe(before);
    // From an article, a text typed and an article picked among its suggestions: back is that text's results.
    await chromium.page.click(`#hits a[data-id="${first}"]`);
    await chromium.page.waitForFunction((id) => document.body.dataset.rendered === `article:${id}`, first);
    await chromium.page.fill('#q', 'الجزائر');
    await chromium.page.waitForSelector('#suggestions li[data-kind="title"]');
    await chromium.page.click('#suggestions li[data-kind="title"]');
    await chromium.page.waitForFunction(() => document.body.dataset.rendered?.startsWith('article:'));
    expect(new URL(chromium.page.url()).searchParams.get('q'), 'the article picked').toBe('الجزائر');
    await chromium.page.click('#back');
    await chromium.page.waitForSelector('#search-view:not([hidden])');
    expect(new URL(chromium.page.url()).searchParams.get('q'), 'back').toBe('الجزائر');
    expect(new URL(chromium.page.url()).searchParams.get('article')).toBeNull();
    await chromium.page.goto(before);
    await rendered();
  });

  it('opens an article from a link whose text the API refuses as a search, unmarked', async () => {
    const id = '000_fee63797c487f9cf';
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('😀')}&article=${id}`);
    await chromium.page.waitForFunction((shown) => document.body.dataset.rendered === `article:${shown}`, id);
    expect(await chromium.page.textContent('#article-title')).toBe((await api<{ title: string }>(`/articles/${id}`)).title);
    expect(await chromium.page.locator('#article-body mark').count()).toBe(0);
  });

  it('shows every filter in force above the results: a new search keeps them, each can be removed there', async () => {
    await chromium.page.goto(`${chromium.url}/?topic=diplomacy&person=antony-blinken`);
    await rendered();
    const chips = () => chromium.page.$$eval('#active-filters .chip bdi', (names) => names.map((name) => name.textContent));
    const labels = await api<Record<string, { value: string; label: { ar: string } }[]>>('/facets');
    const arabic = (facet: string, value: string) => labels[facet]!.find((entry) => entry.value === value)!.label.ar;
    expect(await chips()).toEqual([arabic('topics', 'diplomacy'), arabic('people', 'antony-blinken')]);
    await chromium.page.fill('#q', 'الجزائر');
    await chromium.page.press('#q', 'Enter');
    await chromium.page.waitForURL((url) => url.searchParams.get('q') === 'الجزائر');
    const params = await rendered();
    expect(params.getAll('topic')).toEqual(['diplomacy']);
    expect(await chips()).toHaveLength(2);
    expect(await chromium.page.title()).toContain('الجزائر');
    await chromium.page.click(`#active-filters .chip[aria-label$="${arabic('topics', 'diplomacy')}"]`);
    await chromium.page.waitForURL((url) => !url.searchParams.has('topic'));
    const after = await rendered();
    expect(after.getAll('person')).toEqual(['antony-blinken']);
    expect(await chips()).toEqual([arabic('people', 'antony-blinken')]);
    const answer = await api<SearchAnswer>(`/search?${after}&size=10`);
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
    // A source reads as its name, as in the facet; a month no calendar has still leaves a page that answers.
    await chromium.page.goto(`${chromium.url}/?source=seed`);
    await rendered();
    const seedSource = (await api<SearchAnswer>('/search?source=seed&size=1')).facets.source!.find((bucket) => bucket.value === 'seed')!;
    expect(seedSource.label.ar).not.toBe('seed');
    expect(await chips()).toEqual([seedSource.label.ar]);
    await chromium.page.goto(`${chromium.url}/?date_from=2018-13-01&date_to=2018-13-31`);
    await chromium.page.waitForFunction(() => (document.body.dataset.rendered || '').startsWith('error:'));
    expect(await chromium.page.textContent('#status')).toContain('date_from');
  });

  it('explains in Arabic what the API refused, naming the parameter of the link at fault', async () => {
    const refused = await seeded.app.request('/search?organization=no-such-organization');
    const { error } = (await refused.json()) as { error: { code: string; message: string; field: string } };
    expect([refused.status, error.code, error.field]).toEqual([400, 'invalid_parameter', 'organization']);
    // A link with junk the page does not read (a value without a name) opens the page, which ignores it.
    await chromium.page.goto(`${chromium.url}/?=1&q=${encodeURIComponent('الجزائر')}`);
    await chromium.page.waitForFunction(() => (document.body.dataset.rendered ?? '').startsWith('q='));
    expect(await chromium.page.textContent('#status')).toMatch(/^عدد النتائج/);
    await chromium.page.goto(`${chromium.url}/?organization=no-such-organization`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    const status = await chromium.page.textContent('#status');
    expect(status).toContain('قيمة غير صالحة في الرابط (organization)');
    expect(status).not.toContain(error.message);
    // The search without the value the facets do not list, a tap away; the values they list stay.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}&person=no-such-person&person=antony-blinken`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    await chromium.page.click('#did-you-mean button');
    const fixed = await rendered();
    expect([fixed.get('q'), fixed.getAll('person')]).toEqual(['الجزائر', ['antony-blinken']]);
    // Two days the wrong way round: said so, and swapped in a tap; two dates that are no days both go in one.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}&date_from=2018-09-01&date_to=2018-03-01`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    expect(await chromium.page.textContent('#status')).toContain('تاريخ البداية بعد تاريخ النهاية');
    await chromium.page.click('#did-you-mean button');
    const swapped = await rendered();
    expect([swapped.get('date_from'), swapped.get('date_to')]).toEqual(['2018-03-01', '2018-09-01']);
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}&date_from=yesterday&date_to=2018-02-30`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    await chromium.page.click('#did-you-mean button');
    const undated = await rendered();
    expect([undated.get('date_from'), undated.get('date_to')]).toEqual([null, null]);
    // A source no article has: the search without it, a tap away too.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}&source=foo.com`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    await chromium.page.click('#did-you-mean button');
    expect((await rendered()).getAll('source')).toEqual([]);
    // A text too long is said so, with the limit, not that it lacks a letter.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('سوريا '.repeat(100))}`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    expect(await chromium.page.textContent('#status')).toContain('نص البحث طويل: 500 حرف على الأكثر');
    // Too many values of one facet: said so, not that a value is wrong.
    const people = Array.from({ length: 21 }, (_, i) => `person=p${i}`).join('&');
    await chromium.page.goto(`${chromium.url}/?${people}`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    expect(await chromium.page.textContent('#status')).toContain('قيم كثيرة في الرابط (person)');
    // More alternatives with OR than a search takes: said so, not that the text lacks a letter.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('(أ OR ب OR ج) (د OR ه OR و)')}`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    expect(await chromium.page.textContent('#status')).toContain('بدائل كثيرة في البحث (OR)');
    // A site: naming no source: the sources by their Arabic labels, not the API's English.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('site:foo.com الجزائر')}`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
    const unknownSource = await chromium.page.textContent('#status');
    expect(unknownSource).toContain('لا مصدر بهذا الاسم بعد site: أو source:؛ المصادر: ');
    expect(unknownSource).toContain('بي بي سي عربي');
    // A facet the page cannot require together (a misspelt one, or the source) is the API's to refuse, by name.
    for (const asked of ['people', 'source']) {
      await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}&match_all=${asked}`);
      await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:400');
      expect(await chromium.page.textContent('#status'), asked).toContain('(match_all)');
    }
    // An engine that is down: the API's 503, as engine-unavailable.test.ts gets it from a stopped engine.
    await chromium.page.route('**/search?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'engine_unavailable', message: 'The search engine is not reachable.', requestId: 'r' } }),
      }),
    );
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}`);
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:503');
    expect(await chromium.page.textContent('#status')).toContain('محرك البحث غير متاح الآن');
    await chromium.page.unroute('**/search?*');
  });

  it('says so when the server cannot be reached, and searches again once it can', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}`);
    await rendered();
    await chromium.page.route('**/search?*', (route) => route.abort('internetdisconnected'));
    await chromium.page.fill('#q', 'الجزائر');
    await chromium.page.press('#q', 'Enter');
    await chromium.page.waitForFunction(() => document.body.dataset.rendered === 'error:0');
    expect(await chromium.page.textContent('#status')).toContain('تعذّر الاتصال بالخادم');
    expect(await shownIds()).toEqual([]);
    await chromium.page.unroute('**/search?*');
    await chromium.page.press('#q', 'Enter');
    const params = await rendered();
    const answer = await api<SearchAnswer>(`/search?${params}&size=10`);
    expect(answer.total).toBeGreaterThan(0);
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
  });

  it('sets apart, in the article view, the regions an article names without being about them', async () => {
    const id = '000_fee63797c487f9cf'; // about Algeria; names Libya, Mali and Syria once, in a quote
    const article = await api<{ regions: string[]; regions_mentioned: string[] }>(`/articles/${id}`);
    const onlyNamed = article.regions_mentioned.filter((region) => !article.regions.includes(region));
    expect(onlyNamed.length).toBeGreaterThan(0);
    await chromium.page.goto(`${chromium.url}/?article=${id}`);
    await chromium.page.waitForFunction((shown) => document.body.dataset.rendered === `article:${shown}`, id);
    const named = await chromium.page.$$eval('#article-tags .tag-mentioned bdi', (tags) => tags.map((tag) => tag.textContent));
    // Its link says so in words, for a screen reader and a finger, which get neither the dashed border nor the tooltip.
    const spoken = await chromium.page.$$eval('#article-tags .tag-mentioned a', (links) => links.map((link) => link.textContent));
    expect(spoken).toEqual(named.map((name) => `مذكورة: ${name}`));
    const labels = await api<{
      regions: { value: string; label: { ar: string }; parents: string[] }[];
      sources: { value: string; label: { ar: string } }[];
    }>('/facets');
    // Opened from a link, before any search: its outlet by label, not as the feed names it.
    const { source } = await api<{ source: string }>(`/articles/${id}`);
    const sourceLabel = labels.sources.find((entry) => entry.value === source)?.label.ar;
    expect(sourceLabel).toBeDefined();
    expect(await chromium.page.textContent('#article-meta bdi')).toBe(sourceLabel);
    const arabic = new Map(labels.regions.map((entry) => [entry.value, entry.label.ar]));
    const parents = new Map(labels.regions.map((entry) => [entry.value, entry.parents]));
    // Each region shown without the regions it lies within (Algeria, not also North Africa and Africa).
    const ancestorsOf = (region: string): string[] => (parents.get(region) ?? []).flatMap((parent) => [parent, ...ancestorsOf(parent)]);
    const mostSpecific = (regions: string[]) => regions.filter((region) => !regions.some((other) => ancestorsOf(other).includes(region)));
    expect(mostSpecific(article.regions).length).toBeLessThan(article.regions.length);
    expect(named.sort()).toEqual(
      mostSpecific(onlyNamed)
        .map((region) => arabic.get(region))
        .sort(),
    );
    const about = await chromium.page.$$eval('#article-tags .tag-regions', (tags) => tags.map((tag) => tag.textContent));
    expect(about.sort()).toEqual(
      mostSpecific(article.regions)
        .map((region) => arabic.get(region))
        .sort(),
    );
    // A tag is a filter: following it searches every article with that region.
    await chromium.page.click('#article-tags .tag-regions a');
    const params = await rendered();
    expect(params.getAll('region')).toHaveLength(1);
    expect(mostSpecific(article.regions)).toContain(params.get('region'));
    const answer = await api<SearchAnswer>(`/search?${params}&size=10`);
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
  });

  it('finds a value of a long facet by name, beyond those the search counts, and filters on it', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}`);
    await rendered();
    // Burkina Faso is no value the facet list shows; the box finds it by the start of its name.
    const listed = await chromium.page.$$eval('#f-region-burkina-faso', (boxes) => boxes.length);
    expect(listed).toBe(0);
    await chromium.page.fill('#find-region', 'بوركين');
    await chromium.page.waitForSelector('#find-region-values .found-value[data-value="burkina-faso"]');
    const offered = await chromium.page.$$eval('#find-region-values .found-value', (buttons) => buttons.map((b) => (b as HTMLElement).dataset.value));
    const { values } = await api<{ values: { value: string }[] }>(`/facets/regions?q=${encodeURIComponent('بوركين')}&size=8`);
    expect(offered).toEqual(values.map((v) => v.value));
    await chromium.page.click('#find-region-values .found-value[data-value="burkina-faso"]');
    const params = await rendered();
    expect(params.getAll('region')).toEqual(['burkina-faso']);
    const answer = await api<SearchAnswer>(`/search?${params}&size=10`);
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
    expect(await chromium.page.$eval('#f-region-burkina-faso', (box) => (box as HTMLInputElement).checked)).toBe(true);
    // A name no value has says so.
    await chromium.page.fill('#find-person', 'zzzz');
    await chromium.page.waitForFunction(() => document.querySelector('#find-person-values')?.textContent === 'لا قيمة بهذا الاسم');
  });

  it('reads a link’s source given by a label or another name as the outlet, ticked once', async () => {
    const { sources } = await api<{ sources: { value: string; label: { ar: string }; names: string[] }[] }>('/facets');
    const seed = sources.find((source) => source.value === 'seed')!;
    await chromium.page.goto(`${chromium.url}/?source=${encodeURIComponent(seed.label.ar)}`);
    const params = await rendered();
    expect(params.getAll('source')).toEqual(['seed']);
    expect(await chromium.page.$eval('#f-source-seed', (box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(await chromium.page.$$eval('fieldset[data-facet="source"] input:checked', (boxes) => boxes.length)).toBe(1);
  });

  it('filters by a region an article names without being about it, from its tag and from a link', async () => {
    const id = '000_fee63797c487f9cf';
    await chromium.page.goto(`${chromium.url}/?article=${id}`);
    await chromium.page.waitForFunction((shown) => document.body.dataset.rendered === `article:${shown}`, id);
    const named = (await chromium.page.$eval('#article-tags .tag-mentioned a bdi', (tag) => tag.textContent))!;
    await chromium.page.click('#article-tags .tag-mentioned a');
    const params = await rendered();
    const region = params.get('region_mentioned')!;
    expect([...params.keys()]).toEqual(['region_mentioned']);
    const answer = await api<SearchAnswer>(`/search?region_mentioned=${region}&size=10`);
    expect(answer.hits.map((h) => h.id)).toContain(id);
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
    expect(await chromium.page.$eval(`#f-region_mentioned-${region}`, (box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(await chromium.page.textContent('#active-filters')).toContain(`مذكورة: ${named}`);
    // A shared link with the filter keeps it, where the page had shown every article.
    await chromium.page.goto(`${chromium.url}/?region_mentioned=${region}`);
    await rendered();
    expect(await shownIds()).toEqual(answer.hits.map((h) => h.id));
  });

  it('says which month the query named, searched as its dates', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر يوليو 2021')}`);
    await rendered();
    expect(await chromium.page.textContent('#status')).toContain('المنشورة في \u2068يوليو 2021\u2069');
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('طماطم يوليو 2021')}`);
    await rendered();
    expect(await chromium.page.textContent('#status')).toMatch(/^لا نتائج منشورة في \u2068يوليو 2021\u2069/);
  });

  it('says which alternatives a query with OR was searched as, and that its counts hold every word of one', async () => {
    const q = encodeURIComponent('بلينكن OR بوقادوم واشنطن');
    await chromium.page.goto(`${chromium.url}/?q=${q}`);
    await rendered();
    const answer = await api<SearchAnswer & { totalAllWords?: number }>(`/search?q=${q}&size=10`);
    expect(answer.totalAllWords).toBeLessThan(answer.total);
    const status = await chromium.page.textContent('#status');
    const [blinken, boukadoum] = (answer as SearchAnswer & { alternatives: { total: number }[] }).alternatives.map((one) => one.total);
    expect(status).toContain(`(أيٌّ من: «\u2068بلينكن واشنطن\u2069» (${blinken}) أو «\u2068بوقادوم واشنطن\u2069» (${boukadoum}))`);
    expect(status).toContain(`(تحوي كل كلمات أحد البدائل: ${answer.totalAllWords}،`);
  });

  it('puts no ellipsis after a snippet that ends its sentence', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزائر')}`);
    await rendered();
    const snippets = await chromium.page.$$eval('#hits .snippet', (nodes) => nodes.map((node) => node.textContent ?? ''));
    // The seeds' fragments for الجزائر include sentence ends ("… والولايات المتحدة.").
    expect(snippets.some((text) => /\.$/u.test(text))).toBe(true);
    expect(snippets.filter((text) => /[.!?؟]…$/u.test(text))).toEqual([]);
    expect(snippets.every((text) => text.startsWith('…'))).toBe(true);
  });

  it('says so when no article holds every word', async () => {
    const q = encodeURIComponent('بلينكن الموز');
    await chromium.page.goto(`${chromium.url}/?q=${q}`);
    await rendered();
    const answer = await api<SearchAnswer & { totalAllWords?: number }>(`/search?q=${q}&size=10`);
    expect([answer.total > 0, answer.totalAllWords]).toEqual([true, 0]);
    expect(await chromium.page.textContent('#status')).toContain('لا مقال يحوي كل الكلمات');
  });

  it('says how many articles hold every word: the ones its facets count', async () => {
    const q = encodeURIComponent('بلينكن الجزائر');
    await chromium.page.goto(`${chromium.url}/?q=${q}`);
    await rendered();
    const answer = await api<SearchAnswer & { totalAllWords?: number }>(`/search?q=${q}&size=10`);
    expect(answer.totalAllWords).toBeGreaterThan(0);
    expect(answer.totalAllWords).toBeLessThan(answer.total);
    const status = await chromium.page.textContent('#status');
    expect(status).toContain(String(answer.total));
    expect(status).toContain(String(answer.totalAllWords));
    const counts = await shownCounts('topics');
    for (const bucket of answer.facets.topics!) expect(counts[bucket.value]).toBe(bucket.count);
    // Newest first lists those articles only, and says so: the count changed with the sort.
    await chromium.page.selectOption('#sort', 'newest');
    await chromium.page.waitForURL((url) => url.searchParams.get('sort') === 'newest');
    await rendered();
    const newest = await api<SearchAnswer>(`/search?q=${q}&sort=newest&size=10`);
    expect(newest.total).toBe(answer.totalAllWords);
    expect(await chromium.page.textContent('#status')).toContain(`${newest.total} (الأحدث أولًا، من المقالات التي تحوي كل الكلمات)`);
    // Oldest first, the same articles from the earliest: where a story began.
    await chromium.page.selectOption('#sort', 'oldest');
    await chromium.page.waitForURL((url) => url.searchParams.get('sort') === 'oldest');
    await rendered();
    expect(await chromium.page.textContent('#status')).toContain(`${newest.total} (الأقدم أولًا، من المقالات التي تحوي كل الكلمات)`);
    const oldest = await api<SearchAnswer>(`/search?q=${q}&sort=oldest&size=10`);
    expect(await shownIds()).toEqual(oldest.hits.map((hit) => hit.id));
    // Narrowed by a facet value, the list is what the value counted: the articles holding every word, said so.
    const filtered = await api<SearchAnswer>(`/search?q=${q}&source=Echorouk&size=10`);
    const filteredNewest = await api<SearchAnswer>(`/search?q=${q}&source=Echorouk&sort=newest&size=10`);
    expect(filteredNewest.total).toBeLessThan(newest.total);
    expect(filtered.total).toBe(filteredNewest.total);
    expect(answer.facets.source!.find((bucket) => bucket.value === 'Echorouk')?.count).toBe(filtered.total);
    await chromium.page.goto(`${chromium.url}/?q=${q}&source=Echorouk`);
    await rendered();
    expect(await chromium.page.textContent('#status')).toContain(`${filtered.total} (من المقالات التي تحوي كل الكلمات)`);
  });

  it('marks the months without articles between the histogram’s bars', async () => {
    const q = encodeURIComponent('بلينكن');
    await chromium.page.goto(`${chromium.url}/?q=${q}`);
    await rendered();
    const months = (await api<{ facets: { published: { month: string }[] } }>(`/search?q=${q}&size=0`)).facets.published.map((m) => m.month);
    const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
    const gapsAfter = months.filter((month, i) => i + 1 < months.length && monthNumber(months[i + 1]!) - monthNumber(month) > 1);
    // The extra articles run January to June 2021, the seeds from 2021 to 2025: at least one gap.
    expect(gapsAfter.length).toBeGreaterThan(0);
    const marks = await chromium.page.$$eval('#histogram > *', (children) => children.map((child) => child.getAttribute('class')));
    expect(marks.filter((mark) => mark === 'bar')).toHaveLength(months.length);
    expect(marks.filter((mark) => mark === 'gap')).toHaveLength(gapsAfter.length);
    // Each gap stands right after the bar of the month before it, and says which months it stands for.
    const barsBefore = marks.flatMap((mark, i) => (mark === 'gap' ? [marks.slice(0, i).filter((m) => m === 'bar').length] : []));
    expect(barsBefore).toEqual(gapsAfter.map((month) => months.indexOf(month) + 1));
    const labels = await chromium.page.$$eval('#histogram .gap', (gaps) => gaps.map((gap) => gap.getAttribute('aria-label')!));
    gapsAfter.forEach((month, i) => {
      const missing = monthNumber(months[months.indexOf(month) + 1]!) - monthNumber(month) - 1;
      expect(labels[i]).toMatch(missing === 1 ? /^لا مقالات في \S/ : /^لا مقالات من \S.* إلى \S/);
    });
  });

  it('offers a respelling when a query asked as typed finds nothing', async () => {
    // Asked as typed: الجزاير, a hamza left off, is otherwise searched as الجزائر.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزاير')}&respell=false`);
    await rendered();
    expect(await chromium.page.textContent('#did-you-mean a')).toBe('الجزائر');
    await chromium.page.click('#did-you-mean a');
    await chromium.page.waitForURL((url) => url.searchParams.get('q') === 'الجزائر');
    await rendered();
    expect(await chromium.page.textContent('#status')).not.toBe('لا نتائج');
  });

  it('says a name that is also a word was searched as the name, and links the word as written', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('حماس')}`);
    await rendered();
    expect(await chromium.page.textContent('#did-you-mean')).toMatch(/^المقالات الموسومة بـ«\u2068حركة حماس\u2069»/);
    await chromium.page.click('#did-you-mean a');
    await chromium.page.waitForURL((url) => url.searchParams.get('q') === '"حماس"');
    await rendered();
    expect(await chromium.page.isHidden('#did-you-mean')).toBe(true);
  });

  it('offers the words of any date when the month a query names holds none of their articles', async () => {
    // February 2021 holds Blinken articles; the book fair opened in March.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('معرض الكتاب فبراير 2021')}`);
    await rendered();
    expect(await chromium.page.textContent('#did-you-mean a')).toBe('معرض الكتاب');
    await chromium.page.click('#did-you-mean a');
    await chromium.page.waitForURL((url) => url.searchParams.get('q') === 'معرض الكتاب');
    await rendered();
    expect(await shownIds()).toEqual(['desk_linked']);
  });

  it('says of a handle beside a word that no article holds every word as typed, not that it found few', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('@realAntonyBlinken الجزائر')}`);
    await rendered();
    expect(await chromium.page.textContent('#status')).toMatch(
      /^لا مقال يحوي كل كلمات «\u2068@realAntonyBlinken الجزائر\u2069» كما كُتبت، فعُرضت نتائج «\u2068Antony Blinken الجزائر\u2069»\. عدد النتائج: [1-9]/,
    );
  });

  it('says of hamzas restored that the words as typed found their articles too, not that they found few', async () => {
    const typed = 'الجزاير';
    const answer = await api<SearchAnswer & { searchedInstead?: string; totalAsTyped?: number }>(`/search?q=${encodeURIComponent(typed)}&size=10`);
    expect(answer.searchedInstead).toBe('الجزائر');
    expect(answer.totalAsTyped).toBeGreaterThan(5);
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent(typed)}`);
    await rendered();
    expect(await chromium.page.textContent('#status')).toMatch(
      new RegExp(`^«\u2068${typed}\u2069» كما كُتبت: ${answer.totalAsTyped}، وعُرضت نتائج «\u2068الجزائر\u2069» بهمزاتها[.] عدد النتائج`),
    );
  });

  it('says of a respelling that changed more than hamzas that it corrected the spelling, not that it wrote hamzas', async () => {
    // The API's answer for the hamzas left off, given for a letter heard alike (ث for ئ): the page says what the respelling did.
    const answer = await (await fetch(`${chromium.url}/search?q=${encodeURIComponent('الجزاير')}`)).json();
    await chromium.page.route('**/search?*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) }));
    try {
      await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزاثر')}`);
      await rendered();
      expect(await chromium.page.textContent('#status')).toMatch(
        /^«\u2068الجزاثر\u2069» كما كُتبت: [0-9]+، وعُرضت نتائج «\u2068الجزائر\u2069» بعد تصحيح إملائها[.]/,
      );
    } finally {
      await chromium.page.unroute('**/search?*');
    }
  });

  it('says of words typed with the other keyboard layout which keyboard they were typed on, and searches them as meant', async () => {
    // الجزائر typed with the English layout active.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('hg[.hzv')}`);
    await rendered();
    expect(new URL(chromium.page.url()).searchParams.get('q')).toBe('الجزائر');
    expect(await chromium.page.textContent('#status')).toMatch(
      /^كُتبت «\u2068hg\[\.hzv\u2069» ولوحة المفاتيح على الإنجليزية، فعُرضت نتائج «\u2068الجزائر\u2069»\. عدد النتائج: [1-9]/,
    );
    // Typed in the box and sent with Enter, the box then holds what was searched, not the keys.
    await chromium.page.fill('#q', '');
    await chromium.page.click('#q');
    await chromium.page.keyboard.type('lwv');
    await chromium.page.keyboard.press('Escape');
    await chromium.page.keyboard.press('Enter');
    await chromium.page.waitForURL((url) => url.searchParams.get('q') === 'مصر');
    await rendered();
    expect(await chromium.page.inputValue('#q')).toBe('مصر');
  });

  it('shows the respelling’s results when nothing matches as typed, and says so in the box, the URL and the count', async () => {
    await chromium.page.goto(`${chromium.url}/?q=Krry`);
    // Kery would be read as كيري, Arabic typed in Latin letters; no reading of Krry is a name's word.
    await rendered();
    expect(new URL(chromium.page.url()).searchParams.get('q')).toBe('kerry');
    expect(await chromium.page.inputValue('#q')).toBe('kerry');
    expect(await chromium.page.textContent('#status')).toMatch(/^لا نتائج لـ «\u2068Krry\u2069»، فعُرضت نتائج «\u2068kerry\u2069»\. عدد النتائج: [1-9]/);
    expect(await chromium.page.locator('#hits li').count()).toBeGreaterThan(0);
    // The reader meant what they typed: one click asks for it as typed.
    await chromium.page.click('#did-you-mean a');
    await chromium.page.waitForURL((url) => url.searchParams.get('q') === 'Krry' && url.searchParams.get('respell') === 'false');
    await rendered();
    expect(await chromium.page.textContent('#status')).toMatch(/^لا نتائج/);
    expect(await chromium.page.textContent('#did-you-mean a')).toBe('kerry');
  });

  it('lists the article of a pasted link, and says it is the link’s', async () => {
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('https://example-desk.com/ar/book-fair/?utm_source=share')}`);
    await rendered();
    expect(await shownIds()).toEqual(['desk_linked']);
    expect(await chromium.page.$eval('#status', (status) => status.textContent)).toMatch(/^المنشور بهذا الرابط\. عدد النتائج: 1/);
  });

  it('says why it lists articles when a quoted phrase is nowhere as written', async () => {
    // 002 writes الصفقات العسكرية; no seed writes the singular.
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('"الصفقة العسكرية"')}`);
    await rendered();
    expect(await shownIds()).toEqual(['002_cae385476cb3fbcb']);
    expect(await chromium.page.textContent('#status')).toContain('لا شيء يطابق البحث كما كُتب');
  });

  it('has labels, a sensible focus order and readable contrast, from 320 px to desktop width', async () => {
    for (const width of [320, 768, 1280]) {
      await chromium.page.setViewportSize({ width, height: 800 });
      await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}`);
      await rendered();
      expect(await chromium.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    const unlabelled = await chromium.page.$$eval('input, select', (controls) =>
      controls.filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label')).map((c) => c.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await chromium.page.keyboard.press('Tab');
      order.push(await chromium.page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    expect(order).toEqual(['انتقل إلى النتائج', 'بحث الأخبار', 'q', 'بحث', 'طريقة البحث']);
    const contrasts = await chromium.page.evaluate(() => {
      const rgb = (color: string) => (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const luminance = (color: string) => {
        const [r, g, b] = rgb(color).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ratio = (el: Element) => {
        const style = getComputedStyle(el);
        let back: Element | null = el;
        while (back && getComputedStyle(back).backgroundColor === 'rgba(0, 0, 0, 0)') back = back.parentElement;
        const [a, b] = [luminance(style.color), luminance(back ? getComputedStyle(back).backgroundColor : 'rgb(255,255,255)')];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      };
      return ['#status', '#hits a', '#hits .meta', '#hits .snippet', '#hits mark', '.count', 'button[type="submit"]', '.tag', '.search-tips summary'].map(
        (s) => [s, ratio(document.querySelector(s)!)],
      );
    });
    for (const [selector, ratio] of contrasts) expect(ratio, String(selector)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the keyboard where the reader was when the results are drawn again, and says what a screen shows', async () => {
    const page = chromium.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}`);
    await rendered();
    const focusedIs = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-focus') || document.activeElement?.id || document.activeElement?.tagName);
    // The months are one stop: the latest takes the focus, the arrows move it, Enter filters and the month keeps it.
    const stops = await page.$$eval('#histogram .bar', (bars) => bars.map((bar) => bar.getAttribute('tabindex')));
    expect(stops.filter((stop) => stop === '0')).toHaveLength(1);
    expect(stops.at(-1)).toBe('0');
    await page.focus('#histogram .bar[tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    const month = (await focusedIs())!;
    expect(month).toMatch(/^month-\d{4}-\d{2}$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('date_from') === `${month.slice(6)}-01`);
    await rendered();
    expect(await focusedIs()).toBe(month);
    // The chip names the dates it removes; the date fields hold them, and set others.
    expect(await page.getAttribute('#active-filters .chip', 'aria-label')).toMatch(/^إزالة التصفية: \S+ \d{4}$/);
    expect(await page.inputValue('#date-from')).toBe(`${month.slice(6)}-01`);
    await page.fill('#date-from', '2021-02-01');
    await page.fill('#date-to', '2021-03-31');
    await page.click('#date-form button');
    await page.waitForURL((url) => url.searchParams.get('date_from') === '2021-02-01' && url.searchParams.get('date_to') === '2021-03-31');
    await rendered();
    // A control the new results do not draw again hands the focus to the results, not to the top of the page.
    await page.goto(`${chromium.url}/?q=${encodeURIComponent('الجزاير')}&respell=false`);
    await rendered();
    expect(await page.textContent('#status')).toContain('الجزائر');
    await page.focus('#did-you-mean a');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'الجزائر');
    await rendered();
    expect(await focusedIs()).toBe('results');
    // Suggestions are said when they come, and the down arrow brings them back after Escape.
    await page.fill('#q', '');
    await page.click('#q');
    await page.keyboard.type('بلين');
    await page.waitForSelector('#suggestions li');
    const options = await page.$$eval('#suggestions li', (items) => items.length);
    expect(await page.textContent('#suggestions-status')).toMatch(options === 1 ? /^اقتراح واحد/ : new RegExp(`^${options} اقتراحات`));
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#suggestions')).toBe(true);
    expect(await page.textContent('#suggestions-status')).toBe('');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('#suggestions li');
  });

  it('returns the focus to the results from an article opened by its link, and reads dates typed the other way round', async () => {
    const page = chromium.page;
    const id = (await api<SearchAnswer>(`/search?q=${encodeURIComponent('بلينكن')}&size=1`)).hits[0]!.id;
    await page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}&article=${id}`);
    await page.waitForFunction((article) => document.body.dataset.rendered === `article:${article}`, id);
    // The skip link moves the focus, not the URL: back must still leave the article at once.
    const before = page.url();
    await page.focus('.skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-title');
    expect(page.url()).toBe(before);
    await page.focus('#back');
    await page.keyboard.press('Enter');
    await rendered();
    await page.waitForFunction(() => document.activeElement?.id === 'results');
    await page.fill('#date-from', '2021-04-30');
    await page.fill('#date-to', '2021-02-01');
    await page.click('#date-form button');
    await page.waitForURL((url) => url.searchParams.get('date_from') === '2021-02-01' && url.searchParams.get('date_to') === '2021-04-30');
    await rendered();
    expect(await page.textContent('#status')).toMatch(/^عدد النتائج/);
  });

  it('puts the results before the filters for the keys, as a phone shows them', async () => {
    await chromium.page.setViewportSize({ width: 360, height: 740 });
    await chromium.page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}`);
    await rendered();
    const [results, filters] = await chromium.page.$$eval('#results, #filters', (both) => both.map((element) => element.getBoundingClientRect().top));
    expect(results!).toBeLessThan(filters!);
    // The tab order: from the search tips into the results, not down to the filters.
    await chromium.page.focus('.search-tips summary');
    for (let i = 0; i < 3; i++) await chromium.page.keyboard.press('Tab');
    expect(await chromium.page.evaluate(() => Boolean(document.activeElement?.closest('#results')))).toBe(true);
    await chromium.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('on a phone: a filter ticked below the results leaves their count in view, a search closes the keyboard, and back restores the box', async () => {
    const phone = await phoneContext();
    const page = await phone.newPage();
    const drawn = (key: string) => page.waitForFunction((wanted) => document.body.dataset.rendered === wanted, key);
    try {
      await page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}`);
      await drawn(`q=${encodeURIComponent('بلينكن')}|1`);
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      // Ticked far below the results, the filter's count is said where the finger is, and leads back up.
      await page.tap('fieldset[data-facet="topics"] input[value="diplomacy"]');
      await drawn(`q=${encodeURIComponent('بلينكن')}&topic=diplomacy|1`);
      const filtered = await api<SearchAnswer>(`/search?q=${encodeURIComponent('بلينكن')}&topic=diplomacy`);
      const button = await page.$('#to-results');
      expect(await button!.textContent()).toContain(`(${filtered.total})`);
      const box = (await button!.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(740);
      expect(box.height).toBeGreaterThanOrEqual(44);
      await page.tap('#to-results');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
      // Landed at the results' top, their count in view, not somewhere in the list.
      expect(Math.abs(await page.$eval('#results', (results) => results.getBoundingClientRect().top))).toBeLessThan(2);
      // A search from the on-screen keyboard closes it; asked again, it adds no step for back to take.
      await page.tap('#q');
      await page.fill('#q', 'الجزائر');
      await page.press('#q', 'Enter');
      await drawn(`q=${encodeURIComponent('الجزائر')}&topic=diplomacy|1`);
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('q');
      const steps = await page.evaluate(() => history.length);
      await page.tap('button[type="submit"]');
      expect(await page.evaluate(() => history.length)).toBe(steps);
      // Back, the box says the search shown, though it has the focus.
      await page.focus('#q');
      await page.goBack();
      await drawn(`q=${encodeURIComponent('بلينكن')}&topic=diplomacy|1`);
      expect(await page.inputValue('#q')).toBe('بلينكن');
      const shown = await page.$$eval('#hits a[data-id]', (links) => links.map((a) => a.getAttribute('data-id')));
      // Back while another search is on its way: its late answer does not replace the search back on screen.
      await page.route('**/search?q=*', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      await page.fill('#q', 'الجزائر');
      await page.press('#q', 'Enter');
      await page.goBack();
      await page.waitForTimeout(1500);
      await page.unroute('**/search?q=*');
      expect(await page.$$eval('#hits a[data-id]', (links) => links.map((a) => a.getAttribute('data-id')))).toEqual(shown);
      expect(await page.inputValue('#q')).toBe('بلينكن');
    } finally {
      await phone.close();
    }
  });

  it('on a phone: more results that cannot be fetched say so at the foot of the list; suggestions wait for a pause; a long facet folds', async () => {
    const phone = await phoneContext();
    const page = await phone.newPage();
    try {
      await page.goto(`${chromium.url}/?q=${encodeURIComponent('بلينكن')}`);
      await page.waitForFunction(() => document.body.dataset.rendered?.endsWith('|1'));
      await page.route('**/search?*cursor=*', (route) => route.abort('internetdisconnected'));
      await page.tap('#more');
      await page.waitForSelector('#more-status:not([hidden])');
      expect(await page.textContent('#more-status')).toContain('تعذّر الاتصال بالخادم');
      expect(await page.isVisible('#more')).toBe(true);
      // One request for a word typed at a phone's pace (a letter every 60 ms), not one a letter.
      const asked: string[] = [];
      page.on('request', (request) => request.url().includes('/suggest?') && asked.push(request.url()));
      await page.tap('#q');
      await page.fill('#q', '');
      await page.keyboard.type('الجزائر', { delay: 60 });
      await page.waitForSelector('#suggestions:not([hidden])');
      expect(asked.length).toBeLessThanOrEqual(2);
      // A long facet shows its first five values and those ticked, the rest a tap away; unfolded, it stays so as the results are drawn again.
      const topics = ['diplomacy', 'security-defense', 'economy-energy', 'politics', 'sport', 'culture', 'technology'];
      await indexStoredArticles(
        seeded.engine,
        seeded.alias,
        topics.map((topic, i) => ({ id: `fold_${i}`, title: `نشرة مطوية ${i}`, body: 'نشرة مطوية.', published: '2021-05-01', topics: [topic] })),
      );
      const topicsShown = () => page.$$eval('fieldset[data-facet="topics"] .facet-values > li', (items) => items.map((li) => li.getClientRects().length > 0));
      await page.unroute('**/search?*cursor=*');
      await page.goto(`${chromium.url}/?q=${encodeURIComponent('مطوية')}&topic=technology`);
      await page.waitForFunction(() => document.body.dataset.rendered?.endsWith('|1'));
      const folded = await topicsShown();
      expect(folded).toHaveLength(topics.length);
      expect(folded.filter(Boolean)).toHaveLength(6);
      expect(await page.isVisible('fieldset[data-facet="topics"] input[value="technology"]')).toBe(true);
      await page.tap('fieldset[data-facet="topics"] .unfold');
      expect((await topicsShown()).every(Boolean)).toBe(true);
      await page.selectOption('#sort', 'newest');
      await page.waitForFunction(() => document.body.dataset.rendered?.includes('sort=newest'));
      expect((await topicsShown()).every(Boolean)).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('serves interactive API docs from this server alone', async () => {
    await chromium.page.goto(`${chromium.url}/docs`);
    await chromium.page.waitForSelector('.opblock-summary-path');
    const paths = await chromium.page.$$eval('.opblock-summary-path', (items) => items.map((i) => i.textContent));
    expect(paths).toContain('/suggest');
    expect(chromium.foreign).toEqual([]);
  });
});
