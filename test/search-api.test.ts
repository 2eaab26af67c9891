import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { ingestSeeds, useSeededService } from './support/test-service.js';

const service = useSeededService('search-api');

interface SearchBody {
  total: number;
  hits: { id: string; title: string; titleHighlighted: string; snippets: string[]; published: string | null; score: number | null }[];
  facets: Record<string, { value: string; count: number }[]>;
  datesInQuery?: { from: string; to: string; named: string };
}
interface ErrorBody {
  error: { code: string; message: string; requestId: string; field?: string };
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await service.app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}

const search = (params: Record<string, string>) => get<SearchBody>(`/search?${new URLSearchParams(params)}`);

describe(`seed ingest on ${inject('engineLabel')}`, () => {
  it('indexes the five seeds by their file stem', async () => {
    expect(service.ingest).toMatchObject({ read: 5, indexed: 5, rejected: [], duplicates: 0 });
    expect(await service.engine.count(service.alias)).toBe(5);
    const { status, body } = await get<{ id: string; title: string; body: string; published: string | null }>('/articles/004_cacf537383d56ce7');
    expect(status).toBe(200);
    expect(body.id).toBe('004_cacf537383d56ce7');
    expect(body.published).toBe('2021-07-27');
    expect(body.body).toContain('جوي هود');
  });

  it('stores articles without tweet embeds or their attribution lines', async () => {
    const { body } = await get<{ body: string }>('/articles/001_89f3d445d5bfa33a');
    expect(body.body).toContain('أنطوني بلينكين');
    expect(body.body).not.toContain('pic.twitter.com');
    expect(body.body).not.toContain('@Lamamra_dz');
  });

  it('re-running ingest changes nothing and keeps exactly five documents', async () => {
    const again = await ingestSeeds(service.service);
    expect(again).toMatchObject({ read: 5, indexed: 0, updated: 0, unchanged: 5, rejected: [] });
    expect(await service.engine.count(service.alias)).toBe(5);
  });
});

describe('searching for Blinken', () => {
  const blinkenArticles = ['000_fee63797c487f9cf', '001_89f3d445d5bfa33a'];

  it.each([
    ['Arabic, the spelling of article 000', 'بلينكن'],
    ['Arabic, the spelling of article 001', 'بلينكين'],
    ['Latin script', 'Blinken'],
    ['Latin script, lower case', 'blinken'],
    ['Cyrillic script, as a Russian reader types it', 'Блинкен'],
    ['full name, the other spelling', 'أنطوني بلينكن'],
  ])('finds both Blinken articles first (%s)', async (_label, q) => {
    const { status, body } = await search({ q });
    expect(status).toBe(200);
    expect(
      body.hits
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(blinkenArticles);
  });

  it('does not return articles that never name him', async () => {
    const { body } = await search({ q: 'بلينكن' });
    expect(body.total).toBe(2);
  });

  it('answers with highlighted Arabic snippets', async () => {
    const { body } = await search({ q: 'بلينكين' });
    const snippets = body.hits.flatMap((h) => h.snippets).join(' ');
    expect(snippets).toMatch(/<mark>(بلينكن|بلينكين)<\/mark>/);
    const article000 = body.hits.find((h) => h.id === '000_fee63797c487f9cf');
    expect(article000?.snippets.join(' ')).toContain('<mark>بلينكن</mark>');
  });
});

describe('search parameters', () => {
  it('pages through results and sorts by newest', async () => {
    const first = await search({ q: 'الجزائر', size: '2', sort: 'newest' });
    const second = await search({ q: 'الجزائر', size: '2', from: '2', sort: 'newest' });
    expect(first.status).toBe(200);
    expect(first.body.hits).toHaveLength(2);
    expect(first.body.hits[0]?.id).toBe('002_cae385476cb3fbcb'); // 2025-03-09, the newest seed
    const ids = [...first.body.hits, ...second.body.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts oldest first the articles newest first lists, and pages through them by cursor', async () => {
    const newest = await search({ q: 'الجزائر واشنطن', sort: 'newest', size: '10' });
    const oldest = await search({ q: 'الجزائر واشنطن', sort: 'oldest', size: '10' });
    expect(oldest.status).toBe(200);
    expect(oldest.body.total).toBe(newest.body.total);
    const dates = oldest.body.hits.map((h) => h.published!);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBeGreaterThan(2);
    expect(oldest.body.hits.map((h) => h.id).sort()).toEqual(newest.body.hits.map((h) => h.id).sort());
    expect(oldest.body.hits[0]!.published! < newest.body.hits[0]!.published!).toBe(true);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ q: 'الجزائر واشنطن', sort: 'oldest', size: '2', ...(cursor ? { cursor } : {}) });
      const answer = page.body as SearchBody & { nextCursor: string | null };
      paged.push(...answer.hits.map((h) => h.id));
      cursor = answer.nextCursor;
    } while (cursor);
    expect(paged).toEqual(oldest.body.hits.map((h) => h.id));
    // A cursor continues the order it was made in.
    const first = (await search({ q: 'الجزائر واشنطن', sort: 'oldest', size: '2' })).body as SearchBody & { nextCursor: string };
    const crossed = await get<ErrorBody>(`/search?${new URLSearchParams({ q: 'الجزائر واشنطن', sort: 'newest', cursor: first.nextCursor })}`);
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.field).toBe('cursor');
  });

  it('lists newest first only the articles that hold every word, and says so when it must relax that', async () => {
    const q = 'بلينكن الجزائر';
    const ranked = await search({ q });
    const newest = await search({ q, sort: 'newest' });
    const blinken = await search({ q: 'بلينكن' });
    expect(ranked.body.total).toBeGreaterThan(blinken.body.total); // ranked, any word is enough
    expect(newest.body.hits.map((h) => h.id).sort()).toEqual(blinken.body.hits.map((h) => h.id).sort());
    const relaxed = await search({ q: 'بلينكن طماطم', sort: 'newest' });
    expect(relaxed.body).toMatchObject({ relaxed: true, total: blinken.body.total });
    // Relaxed and still nothing: nothing was relaxed into the answer, so it does not say so.
    const nothing = await search({ q: 'بلينكن طماطم', sort: 'newest', date_to: '2001-01-01' });
    expect(nothing.body.total).toBe(0);
    expect(nothing.body).not.toHaveProperty('relaxed');
  });

  it('finds with OR the articles of either alternative, the other words and exclusions holding for each', async () => {
    const idsOf = async (q: string) => (await search({ q, sort: 'newest', size: '10' })).body.hits.map((h) => h.id).sort();
    const unionOf = async (...texts: string[]) => [...new Set((await Promise.all(texts.map(idsOf))).flat())].sort();
    const either = await search({ q: 'بلينكن OR كيري', sort: 'newest' });
    const both = await unionOf('بلينكن', 'كيري');
    // Each alternative says how many articles hold its every word, as it alone would list them.
    expect(either.body).toMatchObject({
      alternatives: [
        { q: 'بلينكن', total: (await idsOf('بلينكن')).length },
        { q: 'كيري', total: (await idsOf('كيري')).length },
      ],
    });
    const filtered = await search({ q: 'بلينكن OR بوقادوم واشنطن', source: 'seed' });
    expect((filtered.body as SearchBody & { alternatives: { total: number }[] }).alternatives.map((one) => one.total)).toEqual([
      (await search({ q: 'بلينكن واشنطن', source: 'seed', sort: 'newest' })).body.total,
      (await search({ q: 'بوقادوم واشنطن', source: 'seed', sort: 'newest' })).body.total,
    ]);
    expect(both.length).toBeGreaterThan(Math.max((await idsOf('بلينكن')).length, (await idsOf('كيري')).length));
    expect(either.body.hits.map((h) => h.id).sort()).toEqual(both);
    // The word beside OR's pair belongs to both alternatives, as does a word left out.
    expect(await idsOf('بلينكن OR بوقادوم واشنطن')).toEqual(await unionOf('بلينكن واشنطن', 'بوقادوم واشنطن'));
    const leftOut = await idsOf('بلينكن OR كيري -مالي');
    expect(leftOut).toEqual(await unionOf('بلينكن -مالي', 'كيري -مالي'));
    expect(leftOut.length).toBeLessThan(both.length);
    // Four alternatives, and parentheses within parentheses, hold what each alternative alone holds.
    expect(await idsOf('(بلينكن OR كيري) (الجزائر OR مالي)')).toEqual(await unionOf('بلينكن الجزائر', 'بلينكن مالي', 'كيري الجزائر', 'كيري مالي'));
    expect(await idsOf('((بلينكن OR كيري) مالي) OR بوقادوم')).toEqual(await unionOf('بلينكن مالي', 'كيري مالي', 'بوقادوم'));
    // Parentheses group a side of OR, and a group left out leaves out each of its alternatives.
    expect(await idsOf('(بلينكن OR كيري) -مالي')).toEqual(leftOut);
    const neither = await idsOf('واشنطن -(بلينكن OR كيري)');
    expect(neither).toEqual(await idsOf('واشنطن -بلينكن -كيري'));
    expect(neither.length).toBeGreaterThan(0);
    expect(neither.length).toBeLessThan((await idsOf('واشنطن -بلينكن')).length);
    // Ranked, the facets count the articles holding every word of one alternative.
    const ranked = await search({ q: 'بلينكن OR بوقادوم واشنطن' });
    expect(ranked.body.total).toBeGreaterThan(3);
    expect(ranked.body).toMatchObject({ totalAllWords: 3 });
    expect(ranked.body.facets.topics!.reduce((most, { count }) => Math.max(most, count), 0)).toBeLessThanOrEqual(3);
  });

  it('refuses a query spelling out more alternatives with OR than it may, naming q', async () => {
    const { status, body } = await get<ErrorBody>(`/search?${new URLSearchParams({ q: '(أ OR ب OR ج) (د OR ه OR و)' })}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'too_many_alternatives', field: 'q' });
    expect(body.error.message).toMatch(/at most 8 alternatives .*spells out 9/u);
    // Logic no search reads one way only: a source for one side of OR, a group left out that leaves out words itself.
    for (const q of ['(بلينكن site:echoroukonline.com) OR كيري', 'بلينكن -(مالي -ليبيا) OR كيري']) {
      const refused = await get<ErrorBody>(`/search?${new URLSearchParams({ q })}`);
      expect([refused.status, refused.body.error.code, refused.body.error.field], q).toEqual([400, 'invalid_parameter', 'q']);
    }
  });

  it('filters by publication date range', async () => {
    const { body } = await search({ date_from: '2021-07-01', date_to: '2021-08-31' });
    expect(body.hits.map((h) => h.id).sort()).toEqual(['001_89f3d445d5bfa33a', '004_cacf537383d56ce7']);
  });

  it('reads a month and year named in q as the dates it covers, and says so; given dates win', async () => {
    const { body } = await search({ q: 'الجزائر يوليو 2021' });
    expect(body.datesInQuery).toEqual({ from: '2021-07-01', to: '2021-07-31', named: 'يوليو 2021' });
    const dated = await search({ q: 'الجزائر', date_from: '2021-07-01', date_to: '2021-07-31' });
    expect(dated.body.total).toBeGreaterThan(0);
    expect(body.hits.map((h) => h.id).sort()).toEqual(dated.body.hits.map((h) => h.id).sort());
    // Levantine month names too; and a month alone names every article of it, newest first.
    expect((await search({ q: 'الجزائر تموز 2021' })).body.hits.map((h) => h.id).sort()).toEqual(body.hits.map((h) => h.id).sort());
    expect((await search({ q: 'يوليو 2021', sort: 'newest' })).body.total).toBe((await search({ date_from: '2021-07-01', date_to: '2021-07-31' })).body.total);
    // Dates given, a month the index holds no article of (an event: حرب أكتوبر 1973), or a question: the words stay words.
    // A respelling searched instead keeps the month: following it (a next page asks with it) searches the same.
    const respelled = await get<SearchBody & { searchedInstead?: string }>(`/search?${new URLSearchParams({ q: 'الجزاير يوليو 2021' })}`);
    expect(respelled.body).toMatchObject({ searchedInstead: 'الجزائر يوليو 2021', datesInQuery: { named: 'يوليو 2021' } });
    const stayWords: Record<string, string>[] = [
      { q: 'الجزائر يوليو 2021', date_from: '2021-01-01' },
      { q: 'الجزائر يوليو 2001' },
      { q: 'متى زار بلينكن الجزائر يوليو 2021' },
    ];
    for (const params of stayWords) expect((await search(params)).body, params.q).not.toHaveProperty('datesInQuery');
  });

  it('reads words typed with the other keyboard layout active as meant, and searches them as typed on request', async () => {
    type InsteadBody = SearchBody & { searchedInstead?: string; keyboardLayout?: string };
    const meant = await search({ q: 'الجزائر' });
    expect(meant.body.total).toBeGreaterThan(0);
    // الجزائر typed on the Latin keys, and Blinken on the Arabic ones.
    const arabic = await get<InsteadBody>(`/search?${new URLSearchParams({ q: 'hg[.hzv' })}`);
    expect(arabic.body).toMatchObject({ searchedInstead: 'الجزائر', keyboardLayout: 'arabic' });
    expect(arabic.body.hits.map((h) => h.id)).toEqual(meant.body.hits.map((h) => h.id));
    const latin = await get<InsteadBody>(`/search?${new URLSearchParams({ q: 'لامهىنثى' })}`);
    expect(latin.body).toMatchObject({ searchedInstead: 'blinken', keyboardLayout: 'english' });
    expect(latin.body.hits.map((h) => h.id).sort()).toEqual(['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']);
    // With a slip besides (الجزاير, its hamza left off): read, then respelled as a text typed so would be.
    const slipped = await get<InsteadBody>(`/search?${new URLSearchParams({ q: 'hg[.hdv' })}`);
    expect(slipped.body).toMatchObject({ searchedInstead: 'الجزائر', keyboardLayout: 'arabic' });
    expect(slipped.body.hits.map((h) => h.id)).toEqual(meant.body.hits.map((h) => h.id));
    // Blinkn, a slip of Blinken, typed on the Arabic keys: read, then searched as the name.
    const latinSlip = await get<InsteadBody>(`/search?${new URLSearchParams({ q: 'لامهىنى' })}`);
    expect(latinSlip.body.keyboardLayout).toBe('english');
    expect(latinSlip.body.hits.map((h) => h.id).sort()).toEqual(['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']);
    const asTyped = await get<InsteadBody>(`/search?${new URLSearchParams({ q: 'hg[.hzv', respell: 'false' })}`);
    expect(asTyped.body.searchedInstead).toBeUndefined();
    expect(asTyped.body.keyboardLayout).toBeUndefined();
    expect(asTyped.body.total).toBe(0);
  });

  it('without q lists every article', async () => {
    const { body } = await search({});
    expect(body.total).toBe(5);
  });

  it.each([
    [{ size: '51' }, 'size'],
    [{ size: 'ten' }, 'size'],
    [{ from: '995', size: '10' }, 'from'],
    [{ from: '-1' }, 'from'],
    [{ sort: 'oldest-first' }, 'sort'],
    [{ date_from: '2021-13-45' }, 'date_from'],
    [{ date_from: '2021-02-30' }, 'date_from'],
    [{ date_from: '2021-02-29' }, 'date_from'],
    [{ date_to: '2021-04-31' }, 'date_to'],
    [{ date_to: '0001-01-00' }, 'date_to'],
    [{ date_from: '0001-20-36' }, 'date_from'],
    [{ explain: 'true', size: '50' }, 'size'],
    [{ q: '中'.repeat(300) }, 'q'],
    [{ q: '\uFDFA'.repeat(100) }, 'q'],
    [{ date_from: '2022-01-01', date_to: '2021-01-01' }, 'date_from'],
    [{ topic: 'Not A Slug!' }, 'topic'],
    [{ q: 'x'.repeat(501) }, 'q'],
    [{ q: Array.from({ length: 11 }, (_, i) => `-word${i}`).join(' ') }, 'q'], // more exclusions than a query may cost
    [{ colour: 'red' }, 'colour'],
  ])('rejects %j with a 400 naming %s', async (params, field) => {
    const { status, body } = await get<ErrorBody>(`/search?${new URLSearchParams(params as Record<string, string>)}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_parameter');
    expect(body.error.field).toBe(field);
    expect(body.error.requestId).not.toBe('');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('points a page past the result window to the cursor that goes further', async () => {
    const { body } = await get<ErrorBody>(`/search?${new URLSearchParams({ from: '995', size: '10' })}`);
    expect(body.error.message).toContain('nextCursor');
  });

  it("names a slug of the facet's own as the example of a bad one", async () => {
    const person = await get<ErrorBody>('/search?person=Donald%20Trump');
    expect(person.body.error).toMatchObject({ field: 'person', message: expect.stringContaining('"donald-trump"') });
    const region = await get<ErrorBody>('/search?region=North%20Africa');
    expect(region.body.error).toMatchObject({ field: 'region', message: expect.stringContaining('"north-africa"') });
  });

  it('ranks with another profile on request, and rejects an unknown one', async () => {
    const { status, body } = await search({ q: 'بلينكن', profile: 'exact-first' });
    expect(status).toBe(200);
    expect(body.hits.map((h) => h.id).sort()).toEqual(['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']);
    const unknown = await get<ErrorBody>('/search?profile=no-such-profile');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('profile');
  });

  it('explains, per hit, which field and term scored', async () => {
    const { body } = await get<{
      hits: { id: string; score: number; explanation: { score: number; matches: { field: string; term: string; score: number }[] } }[];
    }>(`/search?explain=true&q=${encodeURIComponent('بلينكن')}`);
    const first = body.hits[0]!;
    expect(first.explanation.score).toBeCloseTo(first.score, 2);
    expect(first.explanation.matches.map((m) => m.field)).toEqual(expect.arrayContaining(['body.exact']));
    expect(first.explanation.matches.some((m) => m.term.includes('بلينك'))).toBe(true);
  });

  it('accepts a leap day that exists', async () => {
    const { status } = await search({ date_from: '2020-02-29', date_to: '2021-12-31' });
    expect(status).toBe(200);
  });

  it.each([
    ['four names, each with its synonyms', 'Blinken Lamamra Libya NATO', ['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']],
    ['one name three times', 'بلينكن بلينكن بلينكن', ['000_fee63797c487f9cf', '001_89f3d445d5bfa33a']],
  ])('answers %s within the clause limit', async (_, q, expected) => {
    const { status, body } = await search({ q });
    expect(status).toBe(200);
    expect(body.hits.map((h) => h.id)).toEqual(expect.arrayContaining(expected));
  });

  it('answers every long query of names, months and places within the clause limit', async () => {
    const names = [
      'بلينكن',
      'Blinken',
      'لعمامرة',
      'Lamamra',
      'ليبيا',
      'Libya',
      'NATO',
      'الناتو',
      'الجزائر',
      'واشنطن',
      'مالي',
      'يناير',
      'جانفي',
      'أغسطس',
      'الولايات المتحدة',
      'الأمم المتحدة',
      'بوقادوم',
      'كيري',
      'Kerry',
      'الساحل',
    ];
    const statuses = new Map<number, number>();
    for (let length = 2; length <= names.length; length += 2) {
      for (const rotation of [0, 7, 13]) {
        const q = Array.from({ length }, (_, i) => names[(i + rotation) % names.length]).join(' ');
        const { status } = await search({ q });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }
    expect([...statuses.keys()]).toEqual([200]);
  });

  it('treats user text as text, never as query syntax', async () => {
    const { status, body } = await search({ q: '{"match_all":{}} OR * AND title:(' });
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });
});

describe('articles, health and the API description', () => {
  it('answers 404 with the error shape for an unknown id', async () => {
    const { status, body } = await get<ErrorBody>('/articles/no_such_article');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.field).toBe('id');
  });

  it('marks in an article the words the search it was found by matches, whole and otherwise as stored', async () => {
    type Marked = { title: string; body: string; marked?: { title?: string; body?: string } };
    const plain = await get<Marked>('/articles/001_89f3d445d5bfa33a');
    expect(plain.body.marked).toBeUndefined();
    const found = await get<Marked>(`/articles/001_89f3d445d5bfa33a?${new URLSearchParams({ q: 'بلينكن' })}`);
    expect(found.status).toBe(200);
    const marks = found.body.marked!.body!.match(/<mark>[^<]*<\/mark>/gu) ?? [];
    expect(marks.length).toBeGreaterThan(1);
    // A synonym's spelling too (the seed writes أنطوني بلينكين, his full name), and nothing but his name.
    expect(marks).toContain('<mark>بلينكين</mark>');
    expect(marks.filter((mark) => !/بلينك|أنطوني/u.test(mark))).toEqual([]);
    const unmarked = found.body.marked!.body!.replace(/<\/?mark>/gu, '');
    expect(
      unmarked
        .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&quot;/gu, '"')
        .replace(/&amp;/gu, '&'),
    ).toBe(plain.body.body);
    // Nothing matched, nothing marked; a text refused as a search is refused here too, naming q.
    expect((await get<Marked>(`/articles/001_89f3d445d5bfa33a?${new URLSearchParams({ q: 'طماطم' })}`)).body.marked).toBeUndefined();
    const refused = await get<ErrorBody>(`/articles/001_89f3d445d5bfa33a?${new URLSearchParams({ q: 'x'.repeat(501) })}`);
    expect([refused.status, refused.body.error.field]).toEqual([400, 'q']);
  });

  it('lists the articles related to one, most related first, without the article itself', async () => {
    type Related = { id: string; related: { id: string; title: string; score: number | null; topics: string[] }[] };
    // The five seeds all tell of Algeria and the United States: the other four come first.
    const { status, body } = await get<Related>('/articles/000_fee63797c487f9cf/related?size=3');
    expect(status).toBe(200);
    expect(body.id).toBe('000_fee63797c487f9cf');
    expect(body.related).toHaveLength(3);
    for (const hit of body.related) expect(['001_89f3d445d5bfa33a', '002_cae385476cb3fbcb', '003_4e5cae1c7eaae2e4', '004_cacf537383d56ce7']).toContain(hit.id);
    expect(body.related.map((hit) => hit.id)).not.toContain('000_fee63797c487f9cf');
    expect(body.related[0]).toMatchObject({ title: expect.any(String), topics: expect.any(Array) });
  });

  it('answers 404 for related articles of an unknown id, and 400 naming a size out of bounds or an unknown parameter', async () => {
    const unknown = await get<ErrorBody>('/articles/no_such_article/related');
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([404, 'not_found', 'id']);
    for (const [query, field] of [
      ['size=0', 'size'],
      ['size=21', 'size'],
      ['size=abc', 'size'],
      ['sise=5', 'sise'],
    ]) {
      const { status, body } = await get<ErrorBody>(`/articles/000_fee63797c487f9cf/related?${query}`);
      expect([status, body.error.field], query).toEqual([400, field]);
    }
  });

  it('follows a search as an Atom feed: its newest articles, each linking its view on the search page', async () => {
    const q = encodeURIComponent('بلينكن');
    const response = await service.app.request(`/search/feed?q=${q}&size=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(await response.text()) as {
      feed: {
        title: string;
        link: { '@_rel'?: string; '@_href': string }[];
        entry: { id: string; updated: string; published: string; link: { '@_href': string }[] }[];
      };
    };
    expect(feed.title).toContain('بلينكن');
    expect(feed.link).toContainEqual({ '@_rel': 'self', '@_href': `http://localhost/search/feed?q=${q}&size=5` });
    // The page it links lists what it follows: newest first.
    expect(feed.link).toContainEqual({ '@_rel': 'alternate', '@_href': `http://localhost/?q=${q}&sort=newest` });
    const newest = await search({ q: 'بلينكن', sort: 'newest', size: '5' });
    const dated = newest.body.hits.filter((hit) => hit.published !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect(feed.entry.map((entry) => entry.link[0]!['@_href'])).toEqual(dated.map((hit) => `http://localhost/?article=${hit.id}`));
    const times = feed.entry.map((entry) => Date.parse(entry.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(feed.entry.map((entry) => Date.parse(entry.published))).toEqual(dated.map((hit) => Date.parse(hit.published!)));
    // Forwarded headers are believed only behind a proxy the configuration trusts (TRUST_PROXY).
    const forged = await service.app.request(`/search/feed?q=${q}`, { headers: { 'x-forwarded-host': 'elsewhere.example', 'x-forwarded-proto': 'https' } });
    expect(await forged.text()).not.toContain('elsewhere.example');
    // With no PUBLIC_URL the links follow Host, so the answer varies by it.
    expect(forged.headers.get('vary')?.split(/,\s*/u)).toEqual(expect.arrayContaining(['Accept-Encoding', 'Host']));
    // Values required together are titled as both, not either.
    const titleOf = async (query: string) =>
      (new XMLParser().parse(await (await service.app.request(`/search/feed?${query}`)).text()) as { feed: { title: string } }).feed.title;
    const either = await titleOf('person=antony-blinken&person=ramtane-lamamra&topic=diplomacy');
    const both = await titleOf('person=antony-blinken&person=ramtane-lamamra&person=antony-blinken&match_all=person&topic=diplomacy');
    expect(either).toMatch(/^[^·]+ · [^·]+ أو [^·]+$/u);
    expect(both).toBe(either.replace(' أو ', ' + '));
    // A phrase no article holds has no entries yet, though the search loosens it.
    const absent = encodeURIComponent('"بلينكن يزور الموز"');
    expect((await search({ q: '"بلينكن يزور الموز"', sort: 'newest' })).body).toMatchObject({ relaxed: true });
    const entries = new XMLParser({ isArray: (name) => name === 'entry' }).parse(await (await service.app.request(`/search/feed?q=${absent}`)).text()) as {
      feed: { entry?: unknown[] };
    };
    expect(entries.feed.entry ?? []).toEqual([]);
  });

  it('answers a feed unchanged with 304, and 400 naming a bad parameter', async () => {
    const path = `/search/feed?q=${encodeURIComponent('الجزائر')}`;
    const first = await service.app.request(path);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const unchanged = await service.app.request(path, { headers: { 'if-none-match': etag! } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('x-content-type-options')).toBe('nosniff');
    // A feed that finds nothing is as unchanged, polled a second later.
    const empty = `/search/feed?q=${encodeURIComponent('طماطمطماطم')}`;
    const emptyTag = (await service.app.request(empty)).headers.get('etag');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await service.app.request(empty, { headers: { 'if-none-match': emptyTag! } })).status).toBe(304);
    for (const [query, field] of [
      ['size=0', 'size'],
      ['size=51', 'size'],
      ['sort=relevance', 'sort'],
      ['region=atlantis', 'region'],
      ['date_from=2021-02-30', 'date_from'],
    ]) {
      const { status, body } = await get<ErrorBody>(`/search/feed?${query}`);
      expect([status, body.error.field], query).toEqual([400, field]);
    }
  });

  it('answers 400 for an id that cannot be one', async () => {
    const { status, body } = await get<ErrorBody>('/articles/..%2Fetc');
    expect(status).toBe(400);
    expect(body.error.field).toBe('id');
  });

  it('reports the engine, the index and its document count', async () => {
    const { status, body } = await get<{ status: string; engine: { reachable: boolean; version: string }; index: { present: boolean; documents: number } }>(
      '/health',
    );
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.engine.reachable).toBe(true);
    expect(body.engine.version).toMatch(/^\d+\.\d+/);
    expect(body.index).toMatchObject({ present: true, documents: 5, version: service.index, build: 'complete', tags: 'current' });
  });

  it('sends gzip to a client that takes it, and answers an unchanged facet list or article with 304', async () => {
    const zipped = await service.app.request(`/search?q=${encodeURIComponent('الجزائر')}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await service.app.request(`/search?q=${encodeURIComponent('الجزائر')}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'))).toMatchObject({
      total: ((await plain.json()) as { total: number }).total,
    });
    for (const path of ['/facets', '/articles/000_fee63797c487f9cf']) {
      const first = await service.app.request(path);
      const tag = first.headers.get('etag');
      expect(tag).toBeTruthy();
      expect(first.headers.get('vary')).toBe('Accept-Encoding');
      const unchanged = await service.app.request(path, { headers: { 'if-none-match': tag! } });
      expect(unchanged.status).toBe(304);
      expect(unchanged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it.each([
    ['POST', '/search', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/articles/000_fee63797c487f9cf', 'GET, HEAD, OPTIONS'],
    ['PUT', '/health', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/facets', 'GET, HEAD, OPTIONS'],
  ])('answers %s %s with 405 and the methods it takes', async (method, path, allow) => {
    const response = await service.app.request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('answers OPTIONS on a route with its methods, and 404 on no route at all', async () => {
    const options = await service.app.request('/search', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await service.app.request('/nowhere', { method: 'POST' })).status).toBe(404);
  });

  it("generates its own request id, keeping the client's only for the logs", async () => {
    const response = await service.app.request('/articles/no_such_article', { headers: { 'x-request-id': 'client-chosen-id' } });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await response.json()) as ErrorBody).error.requestId).toBe(id);
  });

  it('describes its routes in OpenAPI', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths).sort()).toEqual([
      '/admin/analysis/reload',
      '/admin/articles/{id}',
      '/admin/eval',
      '/admin/ingest',
      '/admin/judgments',
      '/admin/judgments/{set}/{queryId}/{articleId}',
      '/admin/rebuild',
      '/admin/tags/rebuild',
      '/admin/tasks',
      '/admin/tasks/{id}',
      '/admin/tasks/{id}/cancel',
      '/admin/workbench/{set}',
      '/admin/workbench/{set}/{queryId}',
      '/articles/{id}',
      '/articles/{id}/related',
      '/facets',
      '/facets/{facet}',
      '/health',
      '/health/live',
      '/health/ready',
      '/metrics',
      '/search',
      '/search/feed',
      '/suggest',
    ]);
    const ingest = body.paths['/admin/ingest'] as { post: { requestBody: { content: Record<string, unknown> } } };
    expect(Object.keys(ingest.post.requestBody.content).sort()).toEqual(['application/json', 'application/x-ndjson', 'text/plain']);
  });
});
