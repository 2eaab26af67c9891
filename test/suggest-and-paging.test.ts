import { beforeAll, describe, expect, it } from 'vitest';
import { indexStoredArticles, useSeededService } from './support/test-service.js';

const seeded = useSeededService('suggest-paging');
// A name is offered only where an article carries it: Ronaldo's, beside the seeds.
const ronaldo = {
  id: 'ronaldo',
  title: 'كريستيانو رونالدو ينتقل إلى يوفنتوس',
  body: 'وقع كريستيانو رونالدو عقدا مع نادي يوفنتوس الإيطالي.',
  published: '2018-07-10T12:00:00Z',
  people: ['cristiano-ronaldo'],
};
beforeAll(() => indexStoredArticles(seeded.engine, seeded.alias, [ronaldo]));

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await seeded.app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}
interface Page {
  total: number;
  hits: { id: string }[];
  nextCursor: string | null;
  didYouMean?: string;
  searchedInstead?: string;
}
interface Suggestions {
  titles: { id: string; title: string; titleHighlighted: string }[];
  entities: { facet: string; value: string }[];
}
interface ErrorBody {
  error: { code: string; field?: string };
}
const suggest = (q: string) => get<Suggestions>(`/suggest?${new URLSearchParams({ q })}`);

describe('suggestions as the reader types', () => {
  // First: the people suggestions count each person's articles once a minute, so the article is stored before they are first counted.
  it('complete a name begun in a spelling no title writes with the titles writing it as listed', async () => {
    const articles = [
      { id: 'kim-visit', title: 'كيم جونغ أون يزور الصين', body: 'وصل الزعيم الكوري إلى بكين.', published: '2018-03-28T12:00:00Z', people: ['kim-jong-un'] },
    ];
    await indexStoredArticles(seeded.engine, seeded.alias, articles);
    const begun = (await suggest('كيم جونج')).body;
    expect(begun.entities[0]).toMatchObject({ value: 'kim-jong-un' });
    expect(begun.titles.map((t) => t.id)).toEqual(['kim-visit']);
  });

  it('complete titles whatever alef form the reader types, and name the person', async () => {
    const { status, body } = await suggest('انطوني بلين');
    expect(status).toBe(200);
    expect(body.titles.map((t) => t.id)).toEqual(['001_89f3d445d5bfa33a']); // أنطوني بلينكين
    expect(body.titles[0]!.titleHighlighted).toContain('<mark>بلينكين</mark>');
    expect(body.entities[0]).toMatchObject({ facet: 'people', value: 'antony-blinken' });
  });

  it('complete titles and name the person from a word typed one slip off, when nothing begins with it', async () => {
    const { body } = await suggest('بلينكبن');
    expect(body.titles.map((t) => t.id)).toEqual(['001_89f3d445d5bfa33a']);
    expect(body.entities[0]).toMatchObject({ facet: 'people', value: 'antony-blinken' });
    // A word spelled right that titles begin with is no slip: no name one letter off it (الحوثي for الحوار).
    const spelledRight = (await suggest('الحوار')).body;
    expect([spelledRight.titles.length > 0, spelledRight.entities]).toEqual([true, []]);
  });

  it('complete what was begun with the other keyboard layout active, as its keys type on the layout meant', async () => {
    const meant = (await suggest('بلين')).body;
    expect(meant.titles.length).toBeGreaterThan(0);
    // بلين typed on the Latin keys, and Blin on the Arabic ones.
    expect((await suggest('fgdk')).body).toEqual(meant);
    expect((await suggest('لامهى')).body.titles.map((t) => t.id)).toEqual((await suggest('Blin')).body.titles.map((t) => t.id));
  });

  it('complete titles from a name typed whole in Latin script, through the synonym lists', async () => {
    expect((await suggest('Blinken')).body.titles.map((t) => t.id)).toEqual(['001_89f3d445d5bfa33a']);
  });

  it('complete titles from the beginning of a name typed in Latin script, marking the name as the title writes it', async () => {
    const { body } = await suggest('Blin');
    expect(body.titles.map((t) => t.id)).toEqual(['001_89f3d445d5bfa33a']);
    expect(body.titles[0]!.titleHighlighted).toContain('<mark>بلينكين</mark>');
  });

  it('complete titles from English words as the search reads them, a last word begun as the word it begins', async () => {
    const articles = [
      { id: 'arab-spring', title: 'الربيع العربي بعد سبع سنوات', body: 'ماذا بقي من الربيع العربي؟', published: '2018-07-11T12:00:00Z' },
      { id: 'arab-super', title: 'كأس السوبر العربي في القاهرة', body: 'تقام مباراة كأس السوبر العربي.', published: '2018-07-11T12:00:00Z' },
      { id: 'iran-uranium', title: 'إيران تهدد بتخصيب اليورانيوم', body: 'قالت إيران إنها قد تستأنف التخصيب.', published: '2018-07-11T12:00:00Z' },
    ];
    await indexStoredArticles(seeded.engine, seeded.alias, articles);
    // No Arabic title begins with arab or spring: read as the search reads them, الربيع العربي.
    const spring = (await suggest('arab spring')).body.titles.map((t) => t.id);
    expect(spring[0]).toBe('arab-spring');
    expect(spring).not.toContain('arab-super');
    expect((await suggest('iran uranium')).body.titles.map((t) => t.id)).toEqual(['iran-uranium']);
    // spr, half typed, is read as the word it begins whose articles hold every word (spring), not as سوبر.
    const begun = (await suggest('arab spr')).body.titles.map((t) => t.id);
    expect(begun[0]).toBe('arab-spring');
    expect(begun).not.toContain('arab-super');
    expect((await suggest('iran ura')).body.titles.map((t) => t.id)).toEqual(['iran-uranium']);
    // One letter after a word is no word yet: the titles of the word before it, not of the letter's name.
    expect((await suggest('iran u')).body.titles.map((t) => t.id)).toContain('iran-uranium');
    // One English word alone, whole: as the search reads it.
    expect((await suggest('uranium')).body.titles.map((t) => t.id)).toEqual(['iran-uranium']);
  });

  it('complete the subject of a question no title asks, and a year typed against a word, as the search reads them', async () => {
    const articles = [
      { id: 'khashoggi-missing', title: 'اختفاء جمال خاشقجي في إسطنبول', body: 'لا يزال مصير الصحفي مجهولا.', published: '2018-10-05T12:00:00Z' },
    ];
    await indexStoredArticles(seeded.engine, seeded.alias, articles);
    expect((await suggest('ايش اخر اخبار خاش')).body.titles.map((t) => t.id)).toEqual(['khashoggi-missing']);
    expect((await suggest('وين اختفى خاشقج')).body.titles.map((t) => t.id)).toEqual([]);
    // A year typed against a word, as the search reads it: apart.
    const worldCup = { id: 'world-cup-2018', title: 'افتتاح كأس العالم 2018 في موسكو', body: 'بدأت البطولة اليوم.', published: '2018-06-14T12:00:00Z' };
    await indexStoredArticles(seeded.engine, seeded.alias, [worldCup]);
    expect((await suggest('كاس العالم2018')).body.titles.map((t) => t.id)).toEqual(['world-cup-2018']);
  });

  it('name a person typed in Latin script, and a place', async () => {
    expect((await suggest('Blink')).body.entities).toContainEqual(expect.objectContaining({ facet: 'people', value: 'antony-blinken' }));
    expect((await suggest('الجزا')).body.entities).toContainEqual(expect.objectContaining({ facet: 'regions', value: 'algeria' }));
  });

  it('name no one no article carries: picked, the name would find nothing', async () => {
    // Lionel Messi is listed, and no article here names him.
    expect((await suggest('ميسي')).body.entities).not.toContainEqual(expect.objectContaining({ value: 'lionel-messi' }));
  });

  it('name a person by the Arabic given name as readily as by the Latin one', async () => {
    for (const typed of ['Cristiano', 'كريستيانو', 'كريستيانو رون'])
      expect((await suggest(typed)).body.entities, typed).toContainEqual(expect.objectContaining({ facet: 'people', value: 'cristiano-ronaldo' }));
  });

  it("read a country's flag as the country's name, and offer nothing for a flag of no country", async () => {
    const flag = (await suggest('🇩🇿')).body;
    expect(flag.entities).toContainEqual(expect.objectContaining({ facet: 'regions', value: 'algeria' }));
    expect(flag).toEqual((await suggest('الجزائر')).body);
    expect((await suggest('🇦🇦')).body).toEqual({ titles: [], entities: [] });
  });

  it('refuse an empty or overlong text, naming q', async () => {
    for (const q of ['', 'ا'.repeat(101)]) {
      const { status, body } = await get<ErrorBody>(`/suggest?${new URLSearchParams({ q })}`);
      expect(status).toBe(400);
      expect(body.error.field).toBe('q');
    }
  });
});

describe('paging with a cursor', () => {
  it.each(['relevance', 'newest'])('walks every hit once, in the order of one big page (%s)', async (sort) => {
    const whole = (await get<Page>(`/search?sort=${sort}&size=50`)).body;
    const walked: string[] = [];
    let page = (await get<Page>(`/search?sort=${sort}&size=2`)).body;
    walked.push(...page.hits.map((h) => h.id));
    while (page.nextCursor) {
      page = (await get<Page>(`/search?sort=${sort}&size=2&cursor=${page.nextCursor}`)).body;
      walked.push(...page.hits.map((h) => h.id));
    }
    expect(walked).toEqual(whole.hits.map((h) => h.id));
    expect(whole.nextCursor).toBeNull();
  });

  it('ends with the last hit, counting from where the cursor went on, when the pages fill exactly', async () => {
    const q = encodeURIComponent('بلينكن');
    const first = (await get<Page>(`/search?q=${q}&size=1`)).body;
    expect(first.total).toBe(2);
    const second = (await get<Page & { from: number }>(`/search?q=${q}&size=1&cursor=${first.nextCursor}`)).body;
    expect(second.hits).toHaveLength(1);
    expect(second.from).toBe(1);
    expect(second.nextCursor).toBeNull();
    // The same search written otherwise: spaces around its words, its filter values in another order.
    const spaced = await get<Page>(`/search?q=${encodeURIComponent('  بلينكن ')}&size=1&cursor=${first.nextCursor}`);
    expect(spaced.status).toBe(200);
    expect(spaced.body.hits).toEqual(second.hits);
    const both = (await get<Page>('/search?region=algeria,libya&size=1')).body;
    expect((await get<Page>(`/search?region=libya,algeria&size=1&cursor=${both.nextCursor}`)).status).toBe(200);
  });

  it('pages an answer that searched another text (a restored hamza, the other keyboard layout) with q as typed, or with q set to that text', async () => {
    const meant = (await get<Page>(`/search?${new URLSearchParams({ q: 'الجزائر', size: '50' })}`)).body;
    expect(meant.total).toBeGreaterThan(2);
    for (const typed of ['الجزاير', 'hg[.hzv']) {
      for (const pagedWith of ['typed', 'searched'] as const) {
        let page = (await get<Page>(`/search?${new URLSearchParams({ q: typed, size: '2' })}`)).body;
        expect(page.searchedInstead, typed).toBe('الجزائر');
        const q = pagedWith === 'typed' ? typed : page.searchedInstead!;
        const walked = page.hits.map((h) => h.id);
        while (page.nextCursor) {
          const next = await get<Page>(`/search?${new URLSearchParams({ q, size: '2', cursor: page.nextCursor })}`);
          expect(next.status, `${typed}, paged with q ${pagedWith}`).toBe(200);
          page = next.body;
          expect(page.searchedInstead).toBe('الجزائر');
          walked.push(...page.hits.map((h) => h.id));
        }
        expect(walked, `${typed}, paged with q ${pagedWith}`).toEqual(meant.hits.map((h) => h.id));
      }
    }
  });

  it('refuses a cursor that is not one, of another sort or search, or given with from', async () => {
    const { body: first } = await get<Page>('/search?size=2');
    for (const path of [
      '/search?cursor=nope!',
      `/search?sort=newest&cursor=${first.nextCursor}`,
      `/search?from=2&cursor=${first.nextCursor}`,
      `/search?q=${encodeURIComponent('الجزائر')}&cursor=${first.nextCursor}`,
      `/search?topic=diplomacy&cursor=${first.nextCursor}`,
    ]) {
      const { status, body } = await get<ErrorBody>(path);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'invalid_parameter', field: 'cursor' });
    }
  });
});

describe('did you mean', () => {
  it.each([
    ['بلينكنن', 'بلينكن'],
    // One right word finds articles (any word may match), and the misspelled one still gets its correction.
    ['الولايات المتحدت', 'الولايات المتحدة'],
    // A listed name misspelled (Esper): the name, not the commoner look-alike أبرز the suggester ranks first.
    ['إسبرر', 'إسبر'],
    // Words typed together (as a seed writes them too): offered as the search split them.
    ['الولاياتالمتحدة', 'الولايات المتحدة'],
  ])('offers %s the spelling the articles use (%s)', async (q, expected) => {
    const { body } = await get<Page>(`/search?${new URLSearchParams({ q })}`);
    expect(body.didYouMean).toBe(expected);
  });

  it('searches الجزاير as الجزائر, a hamza restored, and says so; asked as typed, offers it', async () => {
    const { body } = await get<Page>(`/search?${new URLSearchParams({ q: 'الجزاير' })}`);
    expect(body.searchedInstead).toBe('الجزائر');
    expect(body.total).toBeGreaterThan(0);
    const asTyped = await get<Page>(`/search?${new URLSearchParams({ q: 'الجزاير', respell: 'false' })}`);
    expect(asTyped.body.searchedInstead).toBeUndefined();
    expect(asTyped.body.didYouMean).toBe('الجزائر');
  });

  it('offers a respelling without typo tolerance too, where the misspelled word finds nothing', async () => {
    const { body } = await get<Page>(`/search?${new URLSearchParams({ q: 'بلينكنن', profile: 'exact-first' })}`);
    expect(body.total).toBe(0);
    expect(body.didYouMean).toBe('بلينكن');
  });

  // Each is in the seeds, and resembles a word the seeds hold more often (التوتر/الحوار, الجيدة/الجديدة, أنطوني/الوطني).
  it.each(['التوتر', 'الجيدة', 'العلاقة', 'أنطوني', 'الصعيد', 'الجزائريين'])('stays quiet on %s, a word the articles hold', async (q) => {
    const { body } = await get<Page>(`/search?${new URLSearchParams({ q })}`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.didYouMean).toBeUndefined();
  });

  // Names of the synonym lists that the seeds hold once or through the lists only: the suggester
  // offered ترمب → تشمل, تونس → تعكس, مصر → مصدر, الكويت → القوات, لانجلي → لانغلي.
  it.each(['ترمب', 'تونس', 'مصر', 'الكويت', 'لانجلي'])('stays quiet on %s, a spelling of a listed name', async (q) => {
    const { body } = await get<Page>(`/search?${new URLSearchParams({ q })}`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.didYouMean).toBeUndefined();
  });

  it('corrects the misspelled word beside a listed name, leaving the name as typed', async () => {
    // The suggester answers لعمامره, اسبر (normalized): the name is the same word, not a change.
    for (const [q, expected] of [
      ['لعمامرة الحوات', 'لعمامرة الحوار'],
      ['إسبر للجزائت', 'إسبر للجزائر'],
    ]) {
      const { body } = await get<Page>(`/search?${new URLSearchParams({ q: q! })}`);
      expect(body.didYouMean).toBe(expected);
    }
  });

  it('stays quiet when the words are spelled as the articles spell them', async () => {
    const { body } = await get<Page>(`/search?${new URLSearchParams({ q: 'بلينكن' })}`);
    expect(body.total).toBe(2);
    expect(body.didYouMean).toBeUndefined();
  });
});

// Last: it adds articles to the suite's index.
describe('paging newest first while articles arrive', () => {
  it('lists no hit twice: the order holds no score, which moves as articles are added', async () => {
    const q = encodeURIComponent('بلينكن');
    const first = (await get<Page & { hits: { id: string; score: number | null }[] }>(`/search?q=${q}&sort=newest&size=1`)).body;
    expect(first.hits).toHaveLength(1);
    // Out of the order, the score is still shown.
    expect(first.hits[0]!.score).toBeGreaterThan(0);
    // Older articles naming him: every article's score for بلينكن falls, none of the order's dates moves.
    const older = [1, 2, 3].map((n) => ({
      id: `older-${n}`,
      title: `بلينكن في زيارة ${n}`,
      body: 'زار بلينكن المنطقة.',
      published: `2001-0${n}-01T00:00:00Z`,
    }));
    await indexStoredArticles(seeded.engine, seeded.alias, older);
    const walked = first.hits.map((h) => h.id);
    let page: Page = first;
    while (page.nextCursor) {
      page = (await get<Page>(`/search?q=${q}&sort=newest&size=1&cursor=${page.nextCursor}`)).body;
      walked.push(...page.hits.map((h) => h.id));
    }
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toHaveLength(first.total + older.length);
    expect(walked.filter((id) => id.startsWith('older-'))).toEqual(['older-3', 'older-2', 'older-1']);
  });
});
