import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { ingestArticles } from '../src/ingest/ingest-articles.js';
import { paragraphKey } from '../src/ingest/teasers.js';
import { readSourceRecords, sourceFiles } from '../src/ingest/source-records.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { CNN_DATELINE, cnnArticle, LITHIUM_LEAD, WHALE_LEAD } from './support/cnn-teasers.js';
import {
  createTestApp,
  engineAlteringDocuments,
  openTestService,
  settleTask,
  useSeededService,
  TEST_ADMIN_KEY,
  type TaskView,
} from './support/test-service.js';

const folder = mkdtempSync(join(tmpdir(), 'ingest-'));
const lines = [
  {
    id: 'ant-1',
    title: 'فوز المنتخب الجزائري',
    text: 'فاز المنتخب الجزائري في مباراة كرة القدم على ملعب الجزائر.',
    published: 'Sun, 18 Feb 2018 21:35:43 +0400',
    source: 'BBC',
    category: 'sport',
    author: 'الجزائر - مراسلنا',
    abstract: 'المنتخب يفوز على أرضه.',
  },
  { url: 'https://example.org/news/42', title: 'أسعار النفط', text: 'ارتفعت أسعار النفط في الأسواق العالمية.', published: '22 جانفي 2025' },
  { id: 'ant-1', title: 'نسخة مكررة', text: 'المقال نفسه مرة ثانية.' },
  { id: 'ant-3', title: '', text: 'نص بلا عنوان.' },
  { id: 'ant-4', title: 'بلا نص', text: '   ' },
];
const ndjson = [...lines.map((l) => JSON.stringify(l)), '{not json'].join('\n');
const gzFile = join(folder, 'articles.ndjson.gz');
writeFileSync(gzFile, gzipSync(ndjson));

const service = useSeededService('ingest', { after: async () => rmSync(folder, { recursive: true, force: true }) });

const ingestFile = async () =>
  ingestArticles(
    service.engine,
    service.alias,
    { repairer: service.service.runOnRepairer(), tagger: service.tagger },
    readSourceRecords(await sourceFiles([gzFile])),
  );

/** Writes the records to a file of the test's folder and ingests it. */
const ingestRecords = async (name: string, records: object[], options?: Parameters<typeof ingestArticles>[4]) => {
  const file = join(folder, name);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n'));
  return ingestArticles(
    service.engine,
    service.alias,
    { repairer: service.service.runOnRepairer(), tagger: service.tagger },
    readSourceRecords(await sourceFiles([file])),
    options,
  );
};

describe('ingesting a corpus file', () => {
  it('indexes good articles and reports every other line with its reason and line number', async () => {
    const report = await ingestFile();
    expect(report).toMatchObject({ read: 6, indexed: 2, updated: 0, unchanged: 0, duplicates: 1 });
    // The record skipped is named as a rejected one is: where it was, and the id it repeated.
    expect(report.duplicateRecords).toEqual([{ file: gzFile, line: 3, id: 'ant-1' }]);
    expect(report.rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [4, 'title'],
      [5, 'text'],
      [6, 'invalid JSON'],
    ]);
    expect(await service.engine.count(service.alias)).toBe(5 + 2);
  });

  it('stores dates as ISO, ids from urls, the source category, and tags', async () => {
    const sport = (await (await service.app.request('/articles/ant-1')).json()) as {
      published: string;
      topics: string[];
      regions: string[];
      author: string;
      abstract: string;
    };
    expect(sport.published).toBe('2018-02-18T17:35:43Z');
    expect(sport).toMatchObject({ author: 'الجزائر - مراسلنا', abstract: 'المنتخب يفوز على أرضه.' });
    expect(sport.topics).toContain('sport');
    // A source is filtered by the name its feed gives it, capitals and all, as the facet lists it.
    const bySource = (await (await service.app.request('/search?source=BBC')).json()) as {
      total: number;
      facets: { source: { value: string; label: { ar: string; en: string } }[] };
    };
    expect(bySource.total).toBe(1);
    const label = (value: string) => bySource.facets.source.find((f) => f.value === value)?.label;
    expect(label('BBC')?.en).toBe('BBC Arabic');
    expect(label('unknown')).toEqual({ ar: 'unknown', en: 'unknown' }); // a source nobody named: its own name
    // Typed as web search's operator, by its address or its name: the same articles.
    for (const site of ['site:https://www.bbc.com/arabic', 'source:BBC']) {
      expect(((await (await service.app.request(`/search?q=${encodeURIComponent(site)}`)).json()) as { total: number }).total).toBe(1);
    }
    // Left out after a minus sign; and a next page continues the search its operator made.
    const everything = ((await (await service.app.request('/search')).json()) as { total: number }).total;
    const withoutBbc = (await (await service.app.request(`/search?q=${encodeURIComponent('-site:bbc.com')}`)).json()) as { total: number };
    expect(withoutBbc.total).toBe(everything - 1);
    const seedPage = (await (await service.app.request(`/search?q=${encodeURIComponent('source:seed')}&size=2`)).json()) as {
      total: number;
      nextCursor: string;
    };
    expect(seedPage.total).toBe(5);
    const nextPage = await service.app.request(`/search?q=${encodeURIComponent('source:seed')}&size=2&cursor=${seedPage.nextCursor}`);
    expect(nextPage.status).toBe(200);
    // A source the taxonomy does not label, by the name the index holds it under.
    const bySourceName = async (query: string) => ((await (await service.app.request(`/search?${query}`)).json()) as { total: number }).total;
    expect(await bySourceName(`q=${encodeURIComponent('source:unknown')}`)).toBe(await bySourceName('source=unknown'));
    // With the source parameter too: the articles of both, and a clear refusal where no article can be both (it had listed either's).
    expect(await bySourceName(`q=${encodeURIComponent('site:bbc.com')}&source=BBC&source=seed`)).toBe(1);
    const neither = await service.app.request(`/search?q=${encodeURIComponent('site:bbc.com')}&source=seed`);
    expect(neither.status).toBe(400);
    expect(await neither.json()).toMatchObject({
      error: { field: 'q', message: expect.stringMatching(/^q: site: keeps the articles of BBC, and the source parameter those of seed/) },
    });
    const unknownSite = await service.app.request(`/search?q=${encodeURIComponent('site:aljazeera.net النفط')}`);
    expect(unknownSite.status).toBe(400);
    expect(await unknownSite.json()).toMatchObject({ error: { code: 'unknown_source', field: 'q', message: expect.stringContaining('BBC (BBC Arabic)') } });
    // With a space after the colon it is the operator still; with nothing after it, a source is asked for (it had searched the word "site").
    expect(await bySourceName(`q=${encodeURIComponent('source: unknown')}`)).toBe(await bySourceName('source=unknown'));
    const bare = await service.app.request(`/search?q=${encodeURIComponent('النفط site:')}`);
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ error: { field: 'q', message: expect.stringMatching(/^q: site: or source: needs a source after it/) } });
    const search = (await (await service.app.request(`/search?q=${encodeURIComponent('النفط')}`)).json()) as { hits: { id: string; published: string }[] };
    expect(search.hits[0]?.id).toMatch(/^url-[0-9a-f]{20}$/);
    expect(search.hits[0]?.published).toBe('2025-01-22');
  });

  it('changes nothing when the same file is ingested again', async () => {
    const again = await ingestFile();
    expect(again).toMatchObject({ read: 6, indexed: 0, updated: 0, unchanged: 2, duplicates: 1 });
    expect(await service.engine.count(service.alias)).toBe(7);
  });
  it('lists a story once when its copies are in batches written at the same time', async () => {
    const story = { title: 'تدشين خط الترامواي الجديد في قسنطينة', source: 'وكالة الأنباء', published: '2025-04-01T08:00:00Z' };
    const copies = ['a', 'b', 'c', 'd'].map((n) => ({ ...story, id: `tram-${n}`, text: `دشنت قسنطينة خط الترامواي الجديد (${n}).` }));
    // One article a batch, two batches in flight: the second asks the index before the first is written.
    const report = await ingestRecords('copies.ndjson', copies, { batchSize: 1, concurrency: 2 });
    expect(report).toMatchObject({ read: 4, indexed: 4, repeatedStories: 3, rejected: [] });
    const found = (await (await service.app.request(`/search?q=${encodeURIComponent('"خط الترامواي"')}`)).json()) as { hits: { id: string }[] };
    expect(found.hits.map((hit) => hit.id)).toEqual(['tram-a']);
  });

  it('cuts the leads of other stories an article ends with, whichever of them is read first', async () => {
    const [whaleLead, lithiumLead, dateline, article] = [WHALE_LEAD, LITHIUM_LEAD, CNN_DATELINE, cnnArticle];
    const airlineLead = `${dateline}أعلنت شركة الطيران الوطنية عن خطة جديدة لتوسيع أسطولها بطائرات حديثة خلال السنوات الخمس المقبلة.`;
    // One article a batch, two batches in flight.
    const ingest = (name: string, records: object[]) => ingestRecords(name, records, { batchSize: 1, concurrency: 2 });
    // Stored before the stories its last two paragraphs lead: cut when a later ingest brings them.
    const first = await ingest('teasers-1.ndjson', [
      article('cnn-airline', 'خطة لتوسيع أسطول الطيران', airlineLead, 'وقال مدير الشركة إن الطائرات الجديدة ستصل تباعا.', whaleLead, lithiumLead),
    ]);
    expect(first).toMatchObject({ read: 1, indexed: 1, withTeasers: 0 });
    const report = await ingest('teasers-2.ndjson', [
      article('cnn-whale', 'حوت أزرق على شاطئ نواكشوط', `${dateline}${whaleLead}`, 'وتجمع السكان حول الحوت طوال اليوم.'),
      article('cnn-lithium', 'تشيلي ترفع إنتاج الليثيوم', `${dateline}${lithiumLead}`, 'ويعد الليثيوم مادة أساسية في صناعة البطاريات.'),
      // Read after them: cut before it is written.
      article(
        'cnn-rail',
        'قطار سريع جديد',
        `${dateline}افتتحت السلطات خط قطار سريع يربط بين مدينتين كبيرتين في رحلة تستغرق ساعة واحدة.`,
        lithiumLead,
        whaleLead,
      ),
      // Its teaser is the abstract the feed gives, not its lead.
      {
        ...article('cnn-bridge', 'جسر معلق جديد', `${dateline}بدأت الشركة المنفذة تركيب الأجزاء الأخيرة من الجسر المعلق فوق النهر الكبير وسط المدينة القديمة.`),
        abstract: 'اقترب الجسر المعلق الأطول في المنطقة من الاكتمال بعد ثلاث سنوات من العمل المتواصل في وسط المدينة.',
      },
      // CNN closes with five (taxonomy/sources.json): one known teaser among them cuts all five.
      article(
        'cnn-museum',
        'افتتاح متحف جديد',
        `${dateline}افتتحت وزارة الثقافة متحفا جديدا للفنون الحديثة يضم مئات اللوحات من مختلف العصور.`,
        'وقال الوزير إن المتحف سيستقبل الزوار مجانا.',
        ...[1, 2, 3, 4].map((n) => `قال مسؤول في المدينة رقم ${n}، الأحد، إن العمل في المشروع الجديد سيبدأ الشهر المقبل بتكلفة كبيرة.`),
        'اقترب الجسر المعلق الأطول في المنطقة من الاكتمال بعد ثلاث سنوات من العمل المتواصل في وسط المدينة.',
      ),
      // One paragraph another story began with: background this story repeats, kept.
      article(
        'cnn-whale-again',
        'الحوت الأزرق يعود إلى البحر',
        `${dateline}عاد الحوت الأزرق إلى البحر بعد يومين من محاولات الإنقاذ التي شارك فيها مئات المتطوعين.`,
        whaleLead,
      ),
    ]);
    expect(report).toMatchObject({ read: 6, indexed: 6, withTeasers: 3, rejected: [] });
    const view = async (id: string) =>
      (await (await service.app.request(`/articles/${id}`)).json()) as { body: string; teasers: string[]; regions_mentioned: string[] };
    const airline = await view('cnn-airline');
    expect(airline.teasers).toEqual([whaleLead, lithiumLead]);
    expect(airline.body).not.toContain('حوت');
    expect(airline.regions_mentioned).not.toContain('mauritania');
    expect((await view('cnn-rail')).teasers).toEqual([lithiumLead, whaleLead]);
    expect((await view('cnn-whale-again')).teasers).toEqual([]);
    expect((await view('cnn-museum')).teasers).toHaveLength(5);
    const hits = async (q: string) =>
      ((await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id).sort();
    expect(await hits('الليثيوم')).toEqual(['cnn-lithium']);
    expect(await hits('نواكشوط')).toEqual(['cnn-whale', 'cnn-whale-again']);
  });
});

describe('teasers of stories stored by an earlier ingest', () => {
  it('are known by their leads, though the story is stored with its abstract beside its lead', async () => {
    const lead = 'توقعت هيئة الأرصاد الجوية أن تشهد المنطقة الشمالية أمطارا غزيرة خلال الأيام الثلاثة المقبلة.';
    // An abstract whose key sorts before the lead's: the index lists it first among the story's keys.
    const abstract = [...Array(50).keys()]
      .map((n) => `ملخص النشرة رقم ${n}: أمطار غزيرة تضرب المنطقة الشمالية خلال الأيام المقبلة.`)
      .find((text) => paragraphKey('BBC', text)! < paragraphKey('BBC', lead)!)!;
    const windLead = 'حذرت هيئة الأرصاد الجوية من رياح قوية تضرب السواحل الغربية مساء اليوم وحتى صباح الغد.';
    await ingestRecords('weather-1.ndjson', [
      { id: 'bbc-rain', title: 'أمطار غزيرة', text: `${lead}\nوقالت الهيئة إن على السكان الحذر.`, abstract, source: 'BBC' },
    ]);
    const later = await ingestRecords('weather-2.ndjson', [
      { id: 'bbc-wind', title: 'رياح قوية', text: `${windLead}\nوقالت الهيئة إن على السكان الحذر.`, source: 'BBC' },
      {
        id: 'bbc-roads',
        title: 'إغلاق طرق',
        text: ['أغلقت السلطات عدة طرق رئيسية.', 'وقال مسؤول إن الطرق ستفتح قريبا.', lead, windLead].join('\n'),
        source: 'BBC',
      },
    ]);
    expect(later).toMatchObject({ read: 2, indexed: 2, withTeasers: 1 });
    const roads = (await (await service.app.request('/articles/bbc-roads')).json()) as { teasers: string[] };
    expect(roads.teasers).toEqual([lead, windLead]);
  });
});

describe('a large ingest', () => {
  it('is committed at its end, so a node killed then replays nothing; a small one is left to the engine', async () => {
    const uncommitted = async () => {
      const response = await fetch(new URL(`/${service.alias}/_stats/translog`, inject('engineUrl')));
      return ((await response.json()) as { _all: { primaries: { translog: { uncommitted_operations: number } } } })._all.primaries.translog
        .uncommitted_operations;
    };
    const many = Array.from({ length: 1_000 }, (_, i) => ({
      id: `bulk-${i}`,
      title: `خبر رقم ${i}`,
      text: `نص الخبر رقم ${i} عن الطقس في المدينة.`,
      source: 'BBC',
    }));
    expect(await ingestRecords('many.ndjson', many)).toMatchObject({ read: 1_000, indexed: 1_000, rejected: [] });
    expect(await uncommitted()).toBe(0);
    await ingestRecords('one.ndjson', [{ id: 'bulk-one', title: 'خبر واحد', text: 'نص خبر واحد عن الطقس.', source: 'BBC' }]);
    expect(await uncommitted()).toBeGreaterThan(0);
  });
});

describe("a source given by an outlet's label, address or another case", () => {
  it('is stored as the outlet, so its label still selects the outlet', async () => {
    await ingestRecords('outlets.ndjson', [
      { id: 'outlet-fr', title: 'خبر من باريس', text: 'نص خبر عن المعرض في باريس.', source: 'France 24' },
      { id: 'outlet-bbc', title: 'خبر من لندن', text: 'نص خبر عن المعرض في لندن.', source: 'bbc' },
      { id: 'outlet-sky', title: 'خبر من أبوظبي', text: 'نص خبر عن المعرض في أبوظبي.', source: 'www.skynewsarabia.com' },
      { id: 'outlet-new', title: 'خبر من الجزائر', text: 'نص خبر عن المعرض في الجزائر.', source: 'Echorouk' },
    ]);
    const sourceOf = async (id: string) => ((await (await service.app.request(`/articles/${id}`)).json()) as { source: string }).source;
    expect([await sourceOf('outlet-fr'), await sourceOf('outlet-bbc'), await sourceOf('outlet-sky'), await sourceOf('outlet-new')]).toEqual([
      'france24',
      'BBC',
      'skynews',
      'Echorouk',
    ]);
    const ids = async (query: string) =>
      ((await (await service.app.request(`/search?${query}&size=50`)).json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
    expect(await ids(`source=${encodeURIComponent('France 24')}`)).toEqual(await ids('source=france24'));
    expect(await ids(`source=${encodeURIComponent('France 24')}`)).toContain('outlet-fr');
  });
});

describe('a field only shown with the article, given no text', () => {
  it('is left out and reported where it was; the article is stored, its source without the control character', async () => {
    const report = await ingestRecords('odd-fields.ndjson', [
      { id: 'odd-ok', title: 'خبر عادي', text: 'نص الخبر العادي عن السباحة.', source: 'BBC' },
      { id: 'odd-url', title: 'خبر برابط رقمي', text: 'نص الخبر عن الغوص في البحر.', source: 'BBC\u0007', url: 42, author: { name: 'أحمد' } },
    ]);
    expect(report).toMatchObject({ read: 2, indexed: 2, rejected: [] });
    expect(report.droppedFields).toEqual([
      { file: expect.stringMatching(/odd-fields\.ndjson$/), line: 2, id: 'odd-url', field: 'url', reason: 'expected text, got a number' },
      { file: expect.stringMatching(/odd-fields\.ndjson$/), line: 2, id: 'odd-url', field: 'author', reason: 'expected text, got an object' },
    ]);
    const view = (await (await service.app.request('/articles/odd-url')).json()) as { source: string; url: string | null };
    expect([view.source, view.url]).toEqual(['BBC', null]);
  });
});

describe('lines linking other stories', () => {
  it('are taken out of the searched text and listed with the article', async () => {
    const text = [
      'افتتحت حديقة الحيوان في المدينة جناحا جديدا للطيور النادرة.',
      'للمزيد: زرافة تلد توأما في حديقة باريس',
      'وقال المدير إن الجناح مفتوح للجميع.',
    ];
    const report = await ingestRecords('links.ndjson', [{ id: 'fr-birds', title: 'جناح جديد للطيور', text: text.join('\n'), source: 'france24' }]);
    expect(report).toMatchObject({ read: 1, indexed: 1, rejected: [] });
    const view = (await (await service.app.request('/articles/fr-birds')).json()) as { body: string; links: string[] };
    expect(view.links).toEqual([text[1]]);
    expect(view.body).toBe([text[0], text[2]].join('\n\n'));
    const found = async (q: string) =>
      ((await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
    expect(await found('الطيور النادرة')).toEqual(['fr-birds']);
    expect(await found('زرافة')).toEqual([]);
  });
});

describe('a dateline', () => {
  it('is taken out of the searched text and shown with the article: where the newsroom sits is no hit', async () => {
    const dateline = 'بورتسودان، السودان (CNN)';
    const lead = 'افتتحت الحكومة ميناء جديدا للحاويات على ساحل البحر.';
    const report = await ingestRecords('dateline.ndjson', [cnnArticle('cnn-port', 'ميناء جديد للحاويات', `${dateline}— ${lead}`)]);
    expect(report).toMatchObject({ read: 1, indexed: 1, rejected: [] });
    const view = (await (await service.app.request('/articles/cnn-port')).json()) as { body: string; dateline: string | null };
    expect([view.dateline, view.body]).toEqual([dateline, lead]);
    const found = async (q: string) =>
      ((await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id);
    expect(await found('ميناء للحاويات')).toEqual(['cnn-port']);
    expect(await found('بورتسودان')).toEqual([]);
  });
});

describe('DELETE /admin/articles/{id}', () => {
  const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
  const remove = async (id: string, headers: Record<string, string> = admin) => {
    const response = await service.app.request(`/admin/articles/${id}`, { method: 'DELETE', headers });
    return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as Record<string, unknown> };
  };
  const listed = async () =>
    ((await (await service.app.request(`/search?q=${encodeURIComponent('"مهرجان الزيتون"')}`)).json()) as { hits: { id: string }[] }).hits
      .map((hit) => hit.id)
      .sort();

  it('deletes the article and the copies of its story, and nothing else; asked again, there is none', async () => {
    // A source of its own: the other tests' stories come from وكالة الأنباء.
    const story = { title: 'افتتاح مهرجان الزيتون في تيزي وزو', source: 'إذاعة تيزي وزو', published: '2025-03-01T08:00:00Z' };
    const sent = await service.app.request('/admin/ingest', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify([
        { ...story, id: 'delete-a', text: 'افتتح في تيزي وزو مهرجان الزيتون بحضور المزارعين.' },
        { ...story, id: 'delete-b', text: 'افتتح في تيزي وزو مهرجان الزيتون بحضور المزارعين .' },
        { id: 'delete-c', title: 'ختام مهرجان الزيتون', text: 'اختتم مهرجان الزيتون في تيزي وزو.', published: '2025-03-05T08:00:00Z' },
      ]),
    });
    const task = await settleTask<Record<string, unknown>>(service.app, String(((await sent.json()) as { id: string }).id));
    expect(task.result).toMatchObject({ indexed: 3, repeatedStories: 1 });
    expect(await listed()).toEqual(['delete-a', 'delete-c']);
    const bySource = () => service.app.request(`/search?source=${encodeURIComponent(story.source)}`);
    expect((await bySource()).status).toBe(200);

    expect((await remove('delete-a', { authorization: 'Bearer wrong' })).status).toBe(401);
    const deleted = await remove('delete-a');
    expect(deleted.status).toBe(200);
    expect({ ...deleted.body, deleted: (deleted.body.deleted as string[]).sort() }).toEqual({
      id: 'delete-a',
      deleted: ['delete-a', 'delete-b'],
      failures: [],
    });
    for (const id of ['delete-a', 'delete-b']) expect((await service.app.request(`/articles/${id}`)).status, id).toBe(404);
    expect((await service.app.request('/articles/delete-c')).status).toBe(200);
    expect(await listed()).toEqual(['delete-c']);
    // The source had no other article: it is no longer one to filter by, at once.
    const gone = await bySource();
    expect({ status: gone.status, body: await gone.json() }).toMatchObject({ status: 400, body: { error: { code: 'unknown_source', field: 'source' } } });

    expect(await remove('delete-a')).toMatchObject({ status: 404, body: { error: { code: 'not_found', field: 'id' } } });
    expect(await remove('no%20such')).toMatchObject({ status: 400, body: { error: { field: 'id' } } });
  });

  it('answers one of several deletes of the same article sent at once 200, the others 404', async () => {
    const sent = await service.app.request('/admin/ingest', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'delete-raced', title: 'خبر يحذف مرات', text: 'نص خبر يحذف في الوقت نفسه مرات.' }),
    });
    await settleTask(service.app, String(((await sent.json()) as { id: string }).id));
    const answers = await Promise.all(Array.from({ length: 5 }, () => remove('delete-raced')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 404, 404, 404, 404]);
    expect(answers.find((answer) => answer.status === 200)!.body).toMatchObject({ deleted: ['delete-raced'] });
  });

  it('waits for an index-wide task: refused with 409 naming it while it runs, done once it has ended', async () => {
    let end = () => {};
    const running = service.service.tasks.start('tags-rebuild', service.alias, () => new Promise<void>((resolve) => (end = resolve)));
    const refused = await remove('delete-c');
    expect(refused).toMatchObject({ status: 409, location: `/admin/tasks/${running.id}`, body: { error: { code: 'task_conflict' } } });
    expect((await service.app.request('/articles/delete-c')).status).toBe(200);
    end();
    await settleTask(service.app, running.id);
    expect(await remove('delete-c')).toMatchObject({ status: 200, body: { deleted: ['delete-c'] } });
  });
});

describe('POST /admin/ingest', () => {
  /** The answer when the body is refused; else 202, and the ingest task followed to its end. */
  const post = async (
    body: string | Buffer,
    headers: Record<string, string>,
    query = '',
    state: TaskView['state'] = 'succeeded',
  ): Promise<{ status: number; json: Record<string, unknown>; task?: TaskView }> => {
    const response = await service.app.request(`/admin/ingest${query}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, ...headers },
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status !== 202) return { status: response.status, json };
    const task = await settleTask<Record<string, unknown>>(service.app, String(json.id));
    expect(task).toMatchObject({ kind: 'ingest', state });
    return { status: response.status, json, task };
  };
  const report = async (...args: Parameters<typeof post>) => (await post(...args)).task?.result;
  const article = (id: string) => ({ id, title: `مقال ${id}`, text: 'بحث وزير الخارجية العلاقات الثنائية.' });

  it('ingests NDJSON through the same pipeline', async () => {
    const body = JSON.stringify({ id: 'api-1', title: 'مباحثات في الجزائر', text: 'بحث وزير الخارجية العلاقات الثنائية.' });
    const response = await post(`${body}\n{broken\n`, { 'content-type': 'application/x-ndjson' });
    expect(response.status).toBe(202);
    expect(response.task?.result).toMatchObject({ read: 2, indexed: 1, rejected: [{ line: 2 }] });
    expect((await service.app.request('/articles/api-1')).status).toBe(200);
  });

  it('needs the admin key and a body it can read', async () => {
    expect((await post('{}', { 'content-type': 'application/x-ndjson', authorization: 'Bearer wrong' })).status).toBe(401);
    const wrongType = await post('<a/>', { 'content-type': 'application/xml' });
    expect(wrongType).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type', field: 'content-type' } } });
    const brotli = await post('{}', { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(brotli).toMatchObject({ status: 415, json: { error: { field: 'content-encoding' } } });
  });

  it('orders facet-value search by the articles just ingested, not by counts of a minute before', async () => {
    const found = async () =>
      ((await (await service.app.request(`/facets/regions?q=${encodeURIComponent('جزر')}`)).json()) as { values: { value: string; label: { ar: string } }[] })
        .values;
    // Asked first, so the counts are held; then three articles name the islands listed last.
    const before = await found();
    const last = before.at(-1)!;
    expect(before[0]!.value).not.toBe(last.value);
    const named = [1, 2, 3].map((n) => ({
      id: `islands-${n}`,
      title: `إعصار يضرب ${last.label.ar} ${n}`,
      text: `ضرب إعصار قوي ${last.label.ar}، وقالت سلطات ${last.label.ar} إن الأضرار كبيرة.`,
    }));
    expect(await report(JSON.stringify(named), { 'content-type': 'application/json' })).toMatchObject({ indexed: 3 });
    expect((await found())[0]!.value).toBe(last.value);
  });

  it('ingests a JSON array, and a single JSON article', async () => {
    expect(await report(JSON.stringify([article('json-1'), article('json-2')]), { 'content-type': 'application/json' })).toMatchObject({
      read: 2,
      indexed: 2,
      rejected: [],
    });
    expect(await report(JSON.stringify(article('json-3')), { 'content-type': 'application/json; charset=utf-8' })).toMatchObject({ read: 1, indexed: 1 });
    expect((await service.app.request('/articles/json-3')).status).toBe(200);
  });

  it('stores a story an outlet filed twice under two ids, and lists it once', async () => {
    const story = { title: 'افتتاح قمة الطاقة المتجددة في وهران', source: 'وكالة الأنباء', published: '2025-02-03T10:15:00Z' };
    const copy = (id: string, text: string, published = story.published) => ({ ...story, id, text, published });
    const first = await report(
      JSON.stringify([
        copy('story-a', 'افتتحت في وهران قمة الطاقة المتجددة بحضور وزراء المنطقة.'),
        copy('story-b', 'افتتحت في وهران قمة الطاقة المتجددة بحضور وزراء المنطقة .'),
        copy('story-c', 'اليوم الثاني من قمة الطاقة المتجددة في وهران.', '2025-02-04T09:00:00Z'),
      ]),
      { 'content-type': 'application/json' },
    );
    expect(first).toMatchObject({ read: 3, indexed: 3, repeatedStories: 1, rejected: [] });
    const listed = async () => {
      const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('"قمة الطاقة المتجددة"')}`)).json()) as {
        total: number;
        hits: { id: string }[];
      };
      return { total: answer.total, ids: answer.hits.map((hit) => hit.id).sort() };
    };
    expect(await listed()).toEqual({ total: 2, ids: ['story-a', 'story-c'] });
    // The copy is stored all the same: nothing sent is lost.
    expect((await service.app.request('/articles/story-b')).status).toBe(200);
    // A later ingest: a third copy is found against what is stored; the first, sent again, is no copy of itself.
    const later = await report(
      JSON.stringify([copy('story-d', 'نص ثالث للخبر نفسه.'), copy('story-a', 'افتتحت في وهران قمة الطاقة المتجددة بحضور وزراء المنطقة.')]),
      {
        'content-type': 'application/json',
      },
    );
    expect(later).toMatchObject({ read: 2, indexed: 1, unchanged: 1, repeatedStories: 1 });
    expect(await listed()).toEqual({ total: 2, ids: ['story-a', 'story-c'] });
    // Both edited and read the other way round (a newest-first feed): the stored original stays the original.
    const reread = await report(JSON.stringify([copy('story-b', 'نص معدّل للنسخة.'), copy('story-a', 'نص معدّل للأصل.')]), {
      'content-type': 'application/json',
    });
    expect(reread).toMatchObject({ read: 2, updated: 2, repeatedStories: 1 });
    expect(await listed()).toEqual({ total: 2, ids: ['story-a', 'story-c'] });
  });

  it('lists once a story its outlet re-filed word for word under another title or time, not short captions or another outlet', async () => {
    const text = [
      'أعلنت وزارة الموارد المائية في تلمسان عن إطلاق مشروع لتحلية مياه البحر يزود المدينة وضواحيها بالماء الصالح للشرب طوال السنة.',
      'وقال المسؤولون إن المحطة الجديدة ستنتج مئة ألف متر مكعب يوميا وإن الأشغال تنطلق في الربيع المقبل بتمويل من الخزينة العمومية.',
      'ويأمل السكان أن ينهي المشروع انقطاعات الماء التي عرفتها الأحياء الشرقية خلال الصيف الماضي.',
    ].join('\n');
    const filed = (id: string, title: string, fields: object = {}) => ({
      id,
      title,
      text,
      source: 'وكالة الأنباء',
      published: '2025-05-02T08:00:00Z',
      ...fields,
    });
    const caption = (id: string, title: string) => ({
      id,
      title,
      text: 'شاهد محطة تحلية مياه البحر في تلمسان.',
      source: 'وكالة الأنباء',
      published: '2025-05-02T09:00:00Z',
    });
    const first = await report(
      JSON.stringify([
        filed('desal-a', 'تلمسان تطلق مشروع تحلية مياه البحر'),
        // Re-filed a minute later with an edited title and its text's vowel marks and punctuation touched.
        filed('desal-b', 'محطة لتحلية مياه البحر في تلمسان', { text: `${text.replace('الماء', 'الماءَ')} .`, published: '2025-05-02T08:01:00Z' }),
        filed('desal-other-outlet', 'تلمسان: مشروع لتحلية مياه البحر', { source: 'وكالة أخرى' }),
        caption('desal-clip-1', 'فيديو: محطة التحلية'),
        caption('desal-clip-2', 'فيديو: الأشغال في محطة التحلية'),
      ]),
      { 'content-type': 'application/json' },
    );
    expect(first).toMatchObject({ read: 5, indexed: 5, repeatedStories: 1, rejected: [] });
    const listed = async () => {
      const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('تحلية مياه البحر تلمسان')}&size=50`)).json()) as {
        hits: { id: string }[];
      };
      return answer.hits.flatMap((hit) => (hit.id.startsWith('desal-') ? [hit.id] : [])).sort();
    };
    const apart = ['desal-a', 'desal-clip-1', 'desal-clip-2', 'desal-other-outlet'];
    expect(await listed()).toEqual(apart);
    // Filed again days later under a third title: found against what is stored.
    const later = await report(JSON.stringify([filed('desal-c', 'مشروع التحلية في تلمسان يتقدم', { published: '2025-05-09T10:00:00Z' })]), {
      'content-type': 'application/json',
    });
    expect(later).toMatchObject({ read: 1, indexed: 1, repeatedStories: 1 });
    expect(await listed()).toEqual(apart);
    expect((await service.app.request('/articles/desal-c')).status).toBe(200);
    // Re-filed at the same second under a new title, its last paragraph edited: its first paragraph
    // keys it. The same first paragraph an hour later is another story of the outlet's.
    const edited = text.replace('ويأمل السكان', 'ويأمل سكان المدينة');
    const refiled = await report(
      JSON.stringify([
        filed('desal-d', 'تلمسان: محطة التحلية تنتج مئة ألف متر مكعب', { text: edited }),
        filed('desal-e', 'تحلية مياه البحر: الأشغال في الربيع', { text: edited, published: '2025-05-02T09:00:00Z' }),
      ]),
      { 'content-type': 'application/json' },
    );
    expect(refiled).toMatchObject({ read: 2, indexed: 2, repeatedStories: 1 });
    expect(await listed()).toEqual([...apart, 'desal-e'].sort());
  });

  it('lists a copy whose original the engine refused: the story is told once, not nowhere', async () => {
    const story = { title: 'مهرجان الفيلم القصير في بجاية', source: 'وكالة الأنباء', published: '2025-03-01T18:00:00Z' };
    // Ingest keeps a category to 200 characters; given one past the engine's longest term on the way, the engine refuses this one article.
    const refusing = engineAlteringDocuments(service.engine, (document) =>
      document.id === 'festival-a' ? { ...document, source: { ...document.source, source_category: 'x'.repeat(40_000) } } : document,
    );
    const app = createTestApp(openTestService(refusing, service.alias));
    const response = await app.request('/admin/ingest', {
      method: 'POST',
      body: JSON.stringify([
        { ...story, id: 'festival-a', text: 'افتتح مهرجان الفيلم القصير في بجاية.', category: 'ثقافة' },
        { ...story, id: 'festival-b', text: 'افتتح مهرجان الفيلم القصير في بجاية أمس.' },
      ]),
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
    });
    const sent = (await settleTask<Record<string, unknown>>(app, String(((await response.json()) as { id: string }).id))).result;
    expect(sent).toMatchObject({ read: 2, indexed: 1, repeatedStories: 0, rejected: [{ id: 'festival-a' }] });
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('"مهرجان الفيلم القصير"')}`)).json()) as { hits: { id: string }[] };
    expect(answer.hits.map((hit) => hit.id)).toEqual(['festival-b']);
  });

  it('reads gzip bodies (Content-Encoding: gzip), NDJSON and JSON alike', async () => {
    const ndjsonBody = gzipSync([article('gz-1'), article('gz-2')].map((a) => JSON.stringify(a)).join('\n'));
    expect(await report(ndjsonBody, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' })).toMatchObject({ indexed: 2 });
    const jsonBody = gzipSync(JSON.stringify([article('gz-3')]));
    expect(await report(jsonBody, { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toMatchObject({ indexed: 1 });
  });

  it('keeps the articles before a break in a gzip NDJSON body, and fails saying from which line to send again', async () => {
    const whole = gzipSync(Array.from({ length: 200 }, (_, i) => JSON.stringify(article(`cut-${i}`))).join('\n'));
    const { task } = await post(
      whole.subarray(0, Math.floor(whole.length * 0.6)),
      { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' },
      '',
      'failed',
    );
    expect(task).toMatchObject({ error: { code: 'task_failed', message: expect.stringMatching(/broke off at line \d+/) } });
    const cut = task!.result as { indexed: number; rejected: unknown[]; notStoredFrom: { file: string; line: number } };
    expect(cut.indexed).toBeGreaterThan(0);
    expect(cut.indexed).toBeLessThan(200);
    expect(cut.rejected).toEqual([]);
    expect(cut.notStoredFrom).toEqual({ file: 'request', line: cut.indexed + 1 });
    expect((await service.app.request('/articles/cut-0')).status).toBe(200);
    expect((await service.app.request(`/articles/cut-${cut.indexed - 1}`)).status).toBe(200);
  });

  it('refuses at once a body that holds no article, naming what is wrong', async () => {
    const refused = async (body: string | Buffer, headers: Record<string, string>, query = '') => {
      const answer = await post(body, headers, query);
      expect(answer.status).toBe(400);
      return (answer.json as { error: { field: string; message: string } }).error;
    };
    const json = { 'content-type': 'application/json' };
    expect(await refused('{"id":"x",', json)).toMatchObject({ field: 'body', message: expect.stringMatching(/invalid JSON/) });
    expect(await refused('[]', json)).toMatchObject({ field: 'body', message: expect.stringMatching(/no article/) });
    expect(await refused('42', json)).toMatchObject({ field: 'body', message: expect.stringMatching(/no article/) });
    expect(await refused('["a", null]', json)).toMatchObject({ field: 'body', message: expect.stringMatching(/no article/) });
    expect(await refused(Buffer.from([0x7b, 0xe9, 0x7d]), json)).toMatchObject({ field: 'body', message: expect.stringMatching(/UTF-8/) });
    expect(await refused('  \n', { 'content-type': 'text/plain' }, '?id=empty-1')).toMatchObject({ field: 'body', message: expect.stringMatching(/empty/) });
    expect(await refused(JSON.stringify(article('with-id')), json, '?id=with-id')).toMatchObject({ field: 'id' });
    expect(await refused(JSON.stringify(article('with-source')), json, '?source=BBC')).toMatchObject({ field: 'source' });
    expect((await service.app.request('/articles/with-id')).status).toBe(404);
  });

  it('reads a publication date in the forms newsrooms write, and rejects one it cannot read rather than store none', async () => {
    const dated = (id: string, published: string) => ({ ...article(id), published });
    const result = (await report(
      JSON.stringify([
        dated('date-levant', '14 أيار/مايو 2023'),
        dated('date-comma', 'مايو 14، 2023'),
        dated('date-feb-30', '2023-02-30'),
        dated('date-words', 'yesterday'),
        dated('date-future', '2999-01-01'),
      ]),
      { 'content-type': 'application/json' },
    )) as { indexed: number; rejected: { id: string; reason: string }[] };
    expect(result.indexed).toBe(2);
    expect(result.rejected.map((r) => [r.id, r.reason.split(':')[0]])).toEqual([
      ['date-feb-30', 'published'],
      ['date-words', 'published'],
      ['date-future', 'published'],
    ]);
    expect(result.rejected[2]!.reason).toMatch(/in the future/);
    for (const id of ['date-levant', 'date-comma']) {
      expect(((await (await service.app.request(`/articles/${id}`)).json()) as { published: string }).published).toBe('2023-05-14');
    }
  });

  it('rejects a line longer than the limit by its number, reads on past it, and holds no more of it in memory', async () => {
    // 80 KB of gzip that inflates to a 96 MB line with no newline, between two articles.
    const longLine = Buffer.alloc(96 * 1024 * 1024, 'x');
    const body = gzipSync(
      Buffer.concat([Buffer.from(`${JSON.stringify(article('around-1'))}\n`), longLine, Buffer.from(`\n${JSON.stringify(article('around-2'))}`)]),
    );
    expect(body.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const result = await report(body, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' });
    clearInterval(sampler);
    expect(result).toMatchObject({ indexed: 2, rejected: [{ line: 2, reason: expect.stringMatching(/longer than 8 MB/) }] });
    expect((peak - before) / 1024 / 1024).toBeLessThan(48);
  });

  it('answers a damaged gzip JSON body 400 and one over 16 MB 413, indexing nothing of either', async () => {
    const damaged = await post(gzipSync(JSON.stringify([article('bad-1')])).subarray(0, 20), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(damaged).toMatchObject({ status: 400, json: { error: { field: 'body', message: expect.stringMatching(/gzip/) } } });
    const huge = await post(JSON.stringify([{ ...article('huge-1'), text: 'ا'.repeat(9 * 1024 * 1024) }]), { 'content-type': 'application/json' });
    expect(huge.status).toBe(413);
    expect((await service.app.request('/articles/bad-1')).status).toBe(404);
    expect((await service.app.request('/articles/huge-1')).status).toBe(404);
  });

  it('ingests a scraped article sent as text/plain under the id given, parsed as a seed file is', async () => {
    const seedText = readFileSync(join(PROJECT_ROOT, 'seeds', '001_89f3d445d5bfa33a.txt'), 'utf8');
    expect((await post(seedText, { 'content-type': 'text/plain' })).status).toBe(400);
    expect(await report(seedText, { 'content-type': 'text/plain; charset=utf-8' }, '?id=scraped-1')).toMatchObject({ read: 1, indexed: 1 });
    const stored = (await (await service.app.request('/articles/scraped-1')).json()) as { title: string; published: string };
    const seed = (await (await service.app.request('/articles/001_89f3d445d5bfa33a')).json()) as { title: string; published: string };
    expect(stored).toMatchObject({ title: seed.title, published: seed.published, source: 'unknown' });
    expect(await report(seedText, { 'content-type': 'text/plain' }, '?id=scraped-2&source=BBC')).toMatchObject({ indexed: 1 });
    expect(((await (await service.app.request('/articles/scraped-2')).json()) as { source: string }).source).toBe('BBC');
  });

  it('runs one ingest at a time; cancelled, it says where it stopped, and sending the same body again completes it', async () => {
    const ids = Array.from({ length: 3_000 }, (_, i) => `cancel-${String(i).padStart(4, '0')}`);
    const body = ids.map((id) => JSON.stringify(article(id))).join('\n');
    const send = () =>
      service.app.request('/admin/ingest', {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/x-ndjson' },
      });
    const started = (await (await send()).json()) as { id: string };
    const second = await send();
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({
      error: { code: 'task_conflict', message: expect.stringMatching(new RegExp(`^An ingest task \\(${started.id}\\)`)) },
    });

    const cancel = () => service.app.request(`/admin/tasks/${started.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect((await cancel()).status).toBe(202);
    const cancelled = await settleTask<{ indexed: number; notStoredFrom: { file: string; line: number } }>(service.app, started.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'task_cancelled' }, result: { notStoredFrom: { file: 'request' } } });
    // Once ended, there is nothing to stop: the task as it ended, 200.
    const again = await cancel();
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: started.id, state: 'cancelled' });
    const { line } = cancelled.result.notStoredFrom;
    expect(line).toBeLessThan(3_000);
    await service.engine.refresh(service.alias);
    // Everything before the line named is stored.
    expect((await service.engine.getSources(service.alias, ids.slice(0, line - 1), ['id'])).size).toBe(line - 1);

    expect((await report(body, { 'content-type': 'application/x-ndjson' })) as Record<string, unknown>).toMatchObject({ read: 3_000, rejected: [] });
    expect((await service.engine.getSources(service.alias, ids, ['id'])).size).toBe(3_000);
  });
});
