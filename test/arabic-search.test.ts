import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/project-root.js';
import { SearchService } from '../src/service/search-service.js';
import { jsonDocumentRecords } from '../src/ingest/source-records.js';
import { DEFAULT_FACET_SIZE } from '../src/search/build-search-body.js';
import { writeDictdDictionary } from './support/dictd-dictionary.js';
import { createTestApp, indexStoredArticles, openTestService, rankedIds, readFixtureArticles, useSeededService } from './support/test-service.js';

// The seeds plus a few articles built to tempt false matches: finance (المالية vs Mali), a coast
// (الساحل vs the Sahel), a father (أب vs the month آب), "the Jews" (اليهود vs the name هود), players
// (اللاعبين, one letter from اللاجئين, refugees), "click here" (انقر, what أنقرة stems to), بك ("with you", بكين's stem)
// and a tour (جولة, what الجولان stemmed to).
const decoys = readFixtureArticles('ambiguity-articles.ndjson');

const service = useSeededService('arabic-search');
beforeAll(() => indexStoredArticles(service.engine, service.alias, decoys));

const ids = (q: string) => rankedIds(service, q);
/** The first page's hits for `q`, with their highlighted titles and snippets. */
const hitsFor = async (q: string) =>
  ((await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { id: string; titleHighlighted: string; snippets: string[] }[] })
    .hits;

const A000 = '000_fee63797c487f9cf';
const A001 = '001_89f3d445d5bfa33a';
const A002 = '002_cae385476cb3fbcb';
const A003 = '003_4e5cae1c7eaae2e4';
const A004 = '004_cacf537383d56ce7';
const LAMAMRA_ARTICLES = [A000, A001, A003, A004].sort();

describe('one name in several spellings', () => {
  it.each(['لعمامرة', 'العمامرة', 'Lamamra', 'رمتان لعمامرة', 'Ramtane Lamamra'])('%s finds every Lamamra article', async (q) => {
    expect((await ids(q)).sort()).toEqual(LAMAMRA_ARTICLES);
  });

  it('ranks the articles in one order whichever spelling of the name is typed', async () => {
    const orders = await Promise.all(['لعمامرة', 'العمامرة', 'Lamamra', 'بلينكن', 'بلينكين', 'Blinken'].map(ids));
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    expect(orders[4]).toEqual(orders[3]);
    expect(orders[5]).toEqual(orders[3]);
  });

  it.each(['أنتوني', 'أنطوني', 'Antony'])('%s finds both spellings of Antony', async (q) => {
    expect((await ids(q)).sort()).toEqual([A000, A001]);
  });

  it('finds Boukadoum under the Latin spelling and under the seed typo صبري قادوم', async () => {
    expect(await ids('Boukadoum')).toEqual([A002]);
    expect(await ids('صبري قادوم')).toEqual([A002]);
  });

  it('a listed name asked alone ranks the article titled with it above a passing mention writing its full name beside it', async () => {
    // As in the news, the full name's words are common (x-oil-prices, x-oil-exports, x-exporters).
    const found = await ids('أوبك');
    expect(found.slice(0, 2)).toEqual(['x-opec-title', 'x-opec-mention']);
    // A title writing it with a clitic (وأوبك) names it too: above an article naming it once in passing.
    expect(found.indexOf('x-opec-clitic-title')).toBeLessThan(found.indexOf('x-opec-passing'));
  });

  it('a listed name holding a stopword counts whole: مهرجان كان ranks the Cannes festival above a festival whose article says كان apart', async () => {
    const found = await ids('مهرجان كان');
    expect(found[0]).toBe('x-cannes-festival');
    expect(found).toContain('x-music-festival');
  });
});

describe('clitics glued to words', () => {
  it('finds بالجزائر, للجزائر and والجزائر under الجزائر', async () => {
    const found = await ids('الجزائر');
    expect(found.sort()).toEqual([A000, A001, A002, A003, A004].sort());
  });

  it('finds ومالي (003) under مالي', async () => {
    expect(await ids('مالي')).toContain(A003);
  });

  it('finds ب or ل joined to a noun without the article (لكرة, بهدفين) under the noun, never ف + كرة in فكرة, an idea', async () => {
    expect(await ids('كرة')).toEqual(['x-football-clitic']);
    expect(await ids('هدفين')).toEqual(['x-football-clitic']);
    expect(await ids('فكرة')).toEqual(['x-idea']);
  });

  it('finds a listed name with ب or ل joined to it (لمانشستر) under the name', async () => {
    expect(await ids('مانشستر')).toContain('x-manchester');
  });

  it('finds a word whose first letter و is its own in every form: وزير and الوزير, ولاية and بولاية', async () => {
    // The light stemmer took و off وزير (زير) but not off الوزير (وزير).
    expect(await ids('وزير')).toContain('x-minister');
    expect(await ids('ولاية')).toContain('x-state-hospital');
  });

  it('finds a verbal noun with ب or ل (بمقتل, لمقتل) under the noun, though it never takes the article', async () => {
    expect(await ids('مقتل')).toContain('x-killed-in-blast');
    expect(await ids('بمقتل')).toContain('x-killing');
  });

  it('finds a place written apart or together, with the article or without it, under either form', async () => {
    expect(await ids('بيونغيانغ')).toEqual(['x-pyongyang-apart']);
    expect(await ids('غوطة')).toEqual(['x-ghouta']);
    expect(await ids('البريميرليغ')).toEqual(await ids('الدوري الإنجليزي الممتاز'));
  });

  it('finds a noun written with its accusative alif (شخصا) under the noun', async () => {
    expect(await ids('شخص')).toContain('x-tanween');
    expect(await ids('شخصا')).toContain('x-tanween');
  });
});

describe('dialect words', () => {
  it('a word of a dialect reaches the words the news writes for it: الماتش is المباراة, انكتل is قتل and مقتل', async () => {
    const match = await ids('المباراة');
    expect(match).toEqual(expect.arrayContaining(['x-football-clitic', 'x-players', 'x-coach']));
    expect((await ids('الماتش')).sort()).toEqual(match.sort());
    expect(await ids('ماتشات')).toContain('x-premier-league');
    expect(await ids('انكتل')).toEqual(expect.arrayContaining(['x-killing', 'x-killed-in-blast']));
    expect((await ids('انكتل خاشقجي'))[0]).toBe('x-killing');
  });
});

describe('words run together where a space was lost', () => {
  it('finds an article that writes الولاياتالمتحدة only run together', async () => {
    expect(await ids('"الولايات المتحدة"')).toContain(A000);
  });

  it('finds الأممالمتحدة under الأمم المتحدة and shows the repaired words in the snippet', async () => {
    const hits = await hitsFor('الأمم المتحدة');
    expect(hits.map((h) => h.id)).toContain(A003);
    expect(hits.find((h) => h.id === A003)!.snippets.join(' ')).toMatch(/<mark>الأمم<\/mark> <mark>المتحدة<\/mark>/);
  });

  it('marks a listed name whole where the index searches it by a shorter form: بلينكن, Blinken and بلينكين mark أنتوني بلينكن', async () => {
    for (const typed of ['بلينكن', 'Blinken', 'بلينكين']) {
      const snippets = (await hitsFor(typed)).find((h) => h.id === A000)!.snippets.join(' ');
      expect(snippets, typed).toMatch(/<mark>أنتوني<\/mark> <mark>بلينكن<\/mark>/);
      // Only the name: the words beside it stay unmarked.
      expect(snippets, typed).not.toMatch(/<mark>(الأمريكي|مساعد|كاتب)<\/mark>/);
    }
  });

  it('keeps the text as published for readers', async () => {
    const article = (await (await service.app.request(`/articles/${A000}`)).json()) as { body: string };
    expect(article.body).toContain('الجزائروالولاياتالمتحدة');
  });

  it('splits words a reader typed together: common words by frequency, listed names in either script', async () => {
    expect(await ids('الأممالمتحدة')).toContain(A003);
    expect(await ids('جونكيري')).toEqual(await ids('جون كيري'));
    expect(await ids('جونكيري')).toContain(A003);
    expect((await ids('AntonyBlinken')).sort()).toEqual([A000, A001]);
    // A preposition run in before a word with the article.
    expect(await ids('التعاونمعالجزائر')).toEqual(await ids('التعاون مع الجزائر'));
    expect(await ids('التعاونمعالجزائر')).toContain(A000);
  });

  it('joins a word a stray space cut in two, and offers it joined', async () => {
    expect(await ids('الجزا ئر')).toEqual(await ids('الجزائر'));
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('الجزا ئر')}`)).json()) as { didYouMean?: string };
    expect(answer.didYouMean).toBe('الجزائر');
  });

  it('searches two names typed as one word as the two names, in either script', async () => {
    for (const [typed, spaced] of [
      ['بلينكنالجزائر', 'بلينكن الجزائر'],
      ['blinkenalgeria', 'blinken algeria'],
      ['لعمامرةبلينكن', 'لعمامرة بلينكن'],
    ] as const) {
      const found = await ids(typed);
      expect(found.length, typed).toBeGreaterThan(0);
      expect(found, typed).toEqual(await ids(spaced));
    }
    // Both names in one article: it comes first, as it does for the two names typed apart.
    expect((await ids('lamamrablinken')).slice(0, 2).sort()).toEqual([A000, A001]);
  });

  it("searches a country's flag as the country's name", async () => {
    const flag = await ids('🇩🇿');
    expect(flag.length).toBeGreaterThan(0);
    expect(flag).toEqual(await ids('الجزائر'));
    expect(await ids('بلينكن 🇩🇿')).toEqual(await ids('بلينكن الجزائر'));
    // After a minus sign, the flag leaves its country out, as its name would.
    expect(await ids('بلينكن -🇩🇿')).toEqual(await ids('بلينكن -الجزائر'));
    expect(await ids('بلينكن -الجزائر')).not.toEqual(await ids('بلينكن الجزائر'));
    // The workbench shows the body a search sends: the flag read there too.
    const body = (q: string) =>
      service.service.searchBody({ q, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE }, service.service.profiles.get()!);
    expect(body('🇩🇿')).toEqual(body('الجزائر'));
  });

  it('searches a hashtag or handle pasted from a post as its words where no article holds every word as typed, and says so', async () => {
    const answer = async (q: string) =>
      (await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { id: string }[]; searchedInstead?: string };
    for (const [tag, words] of [
      ['#BlinkenVisit', 'Blinken Visit'],
      ['@realAntonyBlinken', 'Antony Blinken'],
    ] as const) {
      const found = await answer(tag);
      expect(found.searchedInstead, tag).toBe(words);
      expect(found.hits.length, tag).toBeGreaterThan(0);
      expect(found.hits.map((hit) => hit.id)).toEqual(await ids(words));
    }
    // Beside words that find articles, a tag no article holds as typed is searched as its words too.
    const mixed = (await (await service.app.request(`/search?q=${encodeURIComponent('@realAntonyBlinken الجزائر')}`)).json()) as {
      hits: { id: string }[];
      searchedInstead?: string;
      totalAsTyped?: number;
    };
    expect(mixed.searchedInstead).toBe('Antony Blinken الجزائر');
    expect(mixed.totalAsTyped).toBe((await ids('الجزائر')).length);
    expect(mixed.hits.map((hit) => hit.id)).toEqual(await ids('Antony Blinken الجزائر'));
    // Without the sign, Latin words typed together as a tag writes them are read so too.
    const glued = await answer('BlinkenVisit');
    expect(glued.searchedInstead).toBe('Blinken Visit');
    expect(glued.hits.map((hit) => hit.id)).toEqual(await ids('Blinken Visit'));
    // The index reads an underscore as a space: found as typed.
    const arabicTag = await answer('#بلينكن_الجزائر');
    expect(arabicTag.searchedInstead).toBeUndefined();
    expect(arabicTag.hits.map((hit) => hit.id)).toEqual(await ids('بلينكن الجزائر'));
  });

  it('searches a word typed without its hamza as the word, and says so; in a long text only offers it', async () => {
    const answer = async (q: string) =>
      (await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as {
        hits: { id: string }[];
        searchedInstead?: string;
        didYouMean?: string;
      };
    const slip = await answer('مسوول');
    expect(slip.searchedInstead).toBe('مسؤول');
    expect(slip.hits.map((hit) => hit.id)).toEqual(await ids('مسؤول'));
    const long = await answer('تصريحات مسوول أمريكي عن الجزائر والمغرب');
    expect(long.searchedInstead).toBeUndefined();
    expect(long.didYouMean).toBe('تصريحات مسؤول أمريكي عن الجزائر والمغرب');
  });
});

describe('typo tolerance', () => {
  it('never reads a number as a typo of another: 2014 does not find 2013', async () => {
    expect(await ids('2013')).toEqual(['x-elections-2013']);
    expect(await ids('2014')).toEqual([]);
  });

  it('matches a word one edit away only when the corpus does not often spell it as typed', async () => {
    expect(await ids('اللاجئين')).toEqual(['x-refugees']);
    // Typed wrong (no word of the corpus), each still finds first the word one edit away.
    expect((await ids('اللاغبين'))[0]).toBe('x-players');
    expect((await ids('اللاجين'))[0]).toBe('x-refugees');
  });

  it('counts, as holding every word, only the articles holding the misspelt word and the others too', async () => {
    // x-refugees holds اللاجئين, no article both it and بلينكن: the misspelling had let every article it matched count.
    const answer = async (sort: string) =>
      (await (await service.app.request(`/search?sort=${sort}&q=${encodeURIComponent('اللاجين بلينكن')}`)).json()) as {
        totalAllWords?: number;
        relaxed?: true;
      };
    expect((await answer('relevance')).totalAllWords).toBe(0);
    // Newest first lists only articles holding every word: none, so the answer says it lists those with some.
    expect((await answer('newest')).relaxed).toBe(true);
    expect((await ids('اللاجين'))[0]).toBe('x-refugees');
  });

  it('reads a word written with marks or a tatweel as the word, no typo: اللاعـــبين finds what اللاعبين finds', async () => {
    // As a typo, it had been loosened to two edits, and found اللاجئين's article too.
    expect(await ids('اللاعـــبين')).toEqual(await ids('اللاعبين'));
    expect(await ids('اللَّاعِبِين')).toEqual(await ids('اللاعبين'));
  });

  it('marks the word a misspelling matched, in the title and the snippets', async () => {
    const first = (await hitsFor('اللاجين'))[0]!;
    expect(first.id).toBe('x-refugees');
    expect([first.titleHighlighted, ...first.snippets].join(' ')).toMatch(/<mark>[^<]*اللاجئين<\/mark>/);
  });
});

describe('every word asked for', () => {
  it('holds an article with one word in its title and the other in its text, newest first and counted', async () => {
    // Words the corpus writes often, so neither is read as a typo (a typo's clause already took the others from any field).
    const split = { id: 'x-harvest-split', title: 'أسعار البطاطس ترتفع', body: 'قال المزارعين إن الموسم كان صعبا.', published: '2018-03-01T10:00:00Z' };
    const together = { id: 'x-harvest-body', title: 'موسم جديد', body: 'باع المزارعين البطاطس في السوق.', published: '2018-02-01T10:00:00Z' };
    await indexStoredArticles(service.engine, service.alias, [split, together]);
    const answer = async (sort: string) =>
      (await (await service.app.request(`/search?sort=${sort}&q=${encodeURIComponent('البطاطس المزارعين')}`)).json()) as {
        totalAllWords?: number;
        relaxed?: true;
        hits: { id: string }[];
      };
    const newest = await answer('newest');
    expect({ relaxed: newest.relaxed, ids: newest.hits.map((hit) => hit.id) }).toEqual({ relaxed: undefined, ids: ['x-harvest-split', 'x-harvest-body'] });
    expect((await answer('relevance')).totalAllWords).toBe(2);
  });

  it('searches a listed name typed by ear (مقتدى السدر, السدر a tree of its own) as the name where no article writes it so, and says so', async () => {
    const cleric = { id: 'x-sadr-cleric', title: 'مقتدى الصدر يدعو إلى الإصلاح', body: 'دعا مقتدى الصدر أنصاره إلى التظاهر.' };
    const tree = { id: 'x-lote-tree', title: 'شجرة في الحديقة', body: 'زرع المزارع شجرة السدر في حديقة مقتدى وصاحبه.' };
    // Each fixture's own words: the other suites of this index ask محمد صلاح and the like.
    await indexStoredArticles(service.engine, service.alias, [cleric, tree]);
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('مقتدى السدر')}`)).json()) as {
      searchedInstead?: string;
      hits: { id: string }[];
    };
    expect(answer.searchedInstead).toBe('مقتدى الصدر');
    expect(answer.hits.map((hit) => hit.id)).toContain('x-sadr-cleric');
    expect(answer.hits.map((hit) => hit.id)).not.toContain('x-lote-tree');
    // Asked as typed, the words are searched, and the name offered.
    const asTyped = (await (await service.app.request(`/search?respell=false&q=${encodeURIComponent('مقتدى السدر')}`)).json()) as {
      didYouMean?: string;
      hits: { id: string }[];
    };
    expect(asTyped.didYouMean).toBe('مقتدى الصدر');
    expect(asTyped.hits.map((hit) => hit.id)).toContain('x-lote-tree');
  });

  it('searches a word no article writes, one letter heard alike from a news word (مزيعة: مذيعة), as that word, and says so', async () => {
    const anchor = { id: 'x-tv-anchor', title: 'وفاة مذيعة مصرية', body: 'توفيت المذيعة المصرية عن 33 عاما.' };
    // As typed, the word found only by typo tolerance, an article naming مصرية alone is as likely first.
    const fashion = { id: 'x-fashion', title: 'أزياء مصرية', body: 'عرض أزياء مصرية تقليدية في القاهرة.' };
    await indexStoredArticles(service.engine, service.alias, [anchor, fashion]);
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('مزيعة مصرية')}`)).json()) as {
      searchedInstead?: string;
      hits: { id: string }[];
    };
    expect(answer.searchedInstead).toBe('مذيعة مصرية');
    expect(answer.hits.map((hit) => hit.id)[0]).toBe('x-tv-anchor');
  });

  it('searches hamzas restored in place where they are half the words a search reads, stopwords aside: الحرايق في اليونان', async () => {
    const fires = { id: 'x-greek-fires', title: 'الحرائق في اليونان تقتل العشرات', body: 'أودت الحرائق في اليونان بحياة العشرات قرب أثينا.' };
    await indexStoredArticles(service.engine, service.alias, [fires]);
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('الحرايق في اليونان')}`)).json()) as {
      searchedInstead?: string;
      hits: { id: string }[];
    };
    expect(answer.searchedInstead).toBe('الحرائق في اليونان');
    expect(answer.hits.map((hit) => hit.id)[0]).toBe('x-greek-fires');
  });

  it('says nothing was corrected where the misspelled name typed was already searched as the name (الحوتيين: الحوثيين)', async () => {
    const houthis = { id: 'x-houthis', title: 'هجوم للحوثيين في الحديدة', body: 'شن الحوثيين هجوما على مواقع القوات الحكومية في الحديدة.' };
    await indexStoredArticles(service.engine, service.alias, [houthis]);
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('الحوتيين')}`)).json()) as {
      didYouMean?: string;
      searchedInstead?: string;
      totalAsTyped?: number;
      hits: { id: string }[];
    };
    expect(answer.hits.map((hit) => hit.id)).toContain('x-houthis');
    expect({ didYouMean: answer.didYouMean, searchedInstead: answer.searchedInstead, totalAsTyped: answer.totalAsTyped }).toEqual({
      didYouMean: 'الحوثيين',
      searchedInstead: undefined,
      totalAsTyped: undefined,
    });
  });

  it('holds a listed name of two words or more as a phrase, in any spelling, not as its words apart', async () => {
    const player = { id: 'x-salah-player', title: 'هدفان لمحمد صلاح في مباراة ليفربول', body: 'سجل المهاجم المصري هدفين في المباراة الأخيرة.' };
    const apart = { id: 'x-salah-powers', title: 'هيئة جديدة تحدد صلاحياتها', body: 'ترأس الأمير محمد الفيصل اجتماع الهيئة التي حدد مرسوم صلاحياتها.' };
    await indexStoredArticles(service.engine, service.alias, [player, apart]);
    const answer = async (params: string) =>
      (await (await service.app.request(`/search?${params}&q=${encodeURIComponent('محمد صلاح')}`)).json()) as {
        total: number;
        hits: { id: string }[];
      };
    expect((await answer('sort=newest')).hits.map((hit) => hit.id)).toEqual(['x-salah-player']);
    // A name of three words alone is asked for: by relevance too, the articles naming it are the result, not those holding two of its words.
    const fund = { id: 'x-imf-loan', title: 'قرض جديد من صندوق النقد الدولي', body: 'وافق صندوق النقد الدولي على القرض.' };
    const twoWords = { id: 'x-imf-words', title: 'النقد الأجنبي يتراجع', body: 'تراجع احتياطي النقد الأجنبي رغم الدعم الدولي.' };
    await indexStoredArticles(service.engine, service.alias, [fund, twoWords]);
    const ranked = (await (await service.app.request(`/search?q=${encodeURIComponent('صندوق النقد الدولي')}`)).json()) as {
      total: number;
      hits: { id: string }[];
    };
    expect({ total: ranked.total, ids: ranked.hits.map((hit) => hit.id) }).toEqual({ total: 1, ids: ['x-imf-loan'] });
  });

  it('lists oldest first from the earliest date, the articles without one last, as newest first does', async () => {
    const saffron = (id: string, published?: string) => ({
      id,
      title: 'محصول الزعفران',
      body: 'ارتفع محصول الزعفران هذا العام.',
      ...(published ? { published } : {}),
    });
    await indexStoredArticles(service.engine, service.alias, [
      saffron('x-saffron-late', '2019-05-01T10:00:00Z'),
      saffron('x-saffron-undated'),
      saffron('x-saffron-early', '2017-05-01T10:00:00Z'),
    ]);
    const idsBy = async (sort: string) =>
      ((await (await service.app.request(`/search?sort=${sort}&q=${encodeURIComponent('الزعفران')}`)).json()) as { hits: { id: string }[] }).hits.map(
        (hit) => hit.id,
      );
    expect(await idsBy('oldest')).toEqual(['x-saffron-early', 'x-saffron-late', 'x-saffron-undated']);
    expect(await idsBy('newest')).toEqual(['x-saffron-late', 'x-saffron-early', 'x-saffron-undated']);
  });
});

describe('quoted phrases and words joined by a colon or an underscore', () => {
  it('a quoted phrase must occur word for word, with its synonyms; reversed it is nowhere, and its words are searched, said so', async () => {
    const loose = await ids('المتحدة الأمم');
    expect(loose.length).toBeGreaterThan(0);
    const reversed = (await (await service.app.request(`/search?size=50&q=${encodeURIComponent('"المتحدة الأمم"')}`)).json()) as {
      relaxed?: true;
      hits: { id: string }[];
    };
    expect(reversed.relaxed).toBe(true);
    expect(reversed.hits.map((hit) => hit.id).sort()).toEqual([...loose].sort());
    const quoted = await ids('«الأمم المتحدة»');
    expect(quoted).toContain(A003);
    expect(quoted.length).toBeLessThan(loose.length);
    expect((await ids('"Antony Blinken"')).sort()).toEqual([A000, A001]);
  });

  it('a quoted English name the lists spell is held in its Arabic as that Arabic quoted is: a clitic on its first word too', async () => {
    const talks = { id: 'x-korea-clitic', title: 'محادثات تجارية', body: 'تواصلت المحادثات وكوريا الشمالية تنتظر الرد.' };
    await indexStoredArticles(service.engine, service.alias, [talks]);
    // As written, not relaxed into any form for want of an article (it had found the Arabic's 867 ANT articles less 57).
    for (const q of ['"كوريا الشمالية"', '"North Korea"']) {
      const answer = (await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { relaxed?: true; hits: { id: string }[] };
      expect({ relaxed: answer.relaxed, ids: answer.hits.map((hit) => hit.id) }, q).toEqual({ relaxed: undefined, ids: ['x-korea-clitic'] });
    }
  });

  it('a quoted phrase holding a listed name of two words finds the articles writing it word for word', async () => {
    // The synonyms read دونالد ترامب inside it as ترامب: the phrase asked for الأمريكي ترامب alone
    // (any spelling: ترمب too), and missed the article writing the full name.
    expect((await ids('"الرئيس الأمريكي دونالد ترامب"')).sort()).toEqual(['x-trump-phrase', 'x-trump-short']);
    expect(await ids('"الرئيس الأمريكي ترمب"')).toEqual(['x-trump-short']);
  });

  it('a quoted phrase is matched as written: its first word with a clitic, never another word of its stem', async () => {
    // The stemmer takes no ل off كرة, and takes الدولة and الدول to one stem.
    expect(await ids('"كرة القدم"')).toEqual(['x-football-clitic']);
    expect(await ids('"الدولة الإسلامية"')).toEqual(['x-islamic-state-bbc']);
    expect(await ids('"الدول الإسلامية"')).toEqual(['x-islamic-states']);
    // A word alone is as written: no article writes كرة alone, so the answer is looked for in any
    // form (لكرة) and says so; فكرة, an idea, is no form of it.
    const alone = (await (await service.app.request(`/search?q=${encodeURIComponent('"كرة"')}`)).json()) as { relaxed?: true; hits: { id: string }[] };
    expect({ relaxed: alone.relaxed, ids: alone.hits.map((hit) => hit.id) }).toEqual({ relaxed: true, ids: ['x-football-clitic'] });
  });

  it('a quoted phrase beginning with a number finds it with a clitic, in either family of digits', async () => {
    const latin = { id: 'x-billions-latin', title: 'صفقة الأسلحة', body: 'تقدر الصفقة بـ250 مليار دولار على عشر سنوات.', published: '2018-05-20T10:00:00Z' };
    const indic = { id: 'x-billions-indic', title: 'عقود جديدة', body: 'وقعت الحكومة عقودا ب٢٥٠ مليار دولار.', published: '2018-05-21T10:00:00Z' };
    await indexStoredArticles(service.engine, service.alias, [latin, indic]);
    for (const q of ['"250 مليار"', '"٢٥٠ مليار"']) {
      const answer = (await (await service.app.request(`/search?q=${encodeURIComponent(q)}`)).json()) as { relaxed?: true; hits: { id: string }[] };
      expect({ relaxed: answer.relaxed, ids: answer.hits.map((hit) => hit.id).sort() }, q).toEqual({
        relaxed: undefined,
        ids: ['x-billions-indic', 'x-billions-latin'],
      });
    }
  });

  it('a quoted phrase matches as written however it is typed: vowel marks, a listed name, newest first, counted whole', async () => {
    expect(await ids('"كُرَة القَدَم"')).toEqual(['x-football-clitic']);
    // The name's words are the phrase's to require: the stemmed fields hold كريال, not ريال.
    expect(await ids('"ريال مدريد"')).toEqual(['x-real-madrid']);
    const answer = async (query: string) =>
      (await (await service.app.request(`/search?${query}&q=${encodeURIComponent('"كرة القدم"')}`)).json()) as {
        total: number;
        relaxed?: true;
        totalAllWords?: number;
      };
    for (const sorted of ['sort=relevance', 'sort=newest']) {
      const { total, relaxed, totalAllWords } = await answer(sorted);
      expect({ total, relaxed, totalAllWords }, sorted).toEqual({ total: 1, relaxed: undefined, totalAllWords: undefined });
    }
  });

  it('marks a quoted phrase as written, not the other words of its stem', async () => {
    const hit = (await hitsFor('"مصر"')).find((h) => h.id === 'x-egypt-adjective')!;
    expect(hit.titleHighlighted).toBe('زيارة إلى <mark>مصر</mark>');
    expect(hit.snippets.join(' ')).toBe('التقى الوفد المصري مسؤولين في <mark>مصر</mark> أمس.');
  });

  it('a quoted phrase beside a word no article holds keeps the phrase: the word only ranks, and the answer says so', async () => {
    const answer = async (sort: string) =>
      (await (await service.app.request(`/search?sort=${sort}&size=50&q=${encodeURIComponent('"الرئيس الأمريكي" طماطم')}`)).json()) as {
        relaxed?: true;
        hits: { id: string }[];
      };
    const phrase = await ids('"الرئيس الأمريكي"');
    for (const sort of ['relevance', 'newest']) {
      const body = await answer(sort);
      expect(body.relaxed, sort).toBe(true);
      expect(body.hits.map((hit) => hit.id).sort(), sort).toEqual([...phrase].sort());
    }
  });

  it('a quoted phrase no article writes as written, beside a word some of its articles hold, keeps the word required', async () => {
    // Both write the phrase in another form (the singular), one beside the word asked for.
    const charities = [
      { id: 'x-charity-tanta', title: 'تبرع', body: 'تبرعت الجمعية الخيرية لأهالي طنطا.', topics: [], regions: [] },
      { id: 'x-charity-damietta', title: 'تبرع', body: 'تبرعت الجمعية الخيرية لأهالي دمياط.', topics: [], regions: [] },
    ];
    await indexStoredArticles(service.engine, service.alias, charities);
    const newest = async (q: string) =>
      ((await (await service.app.request(`/search?sort=newest&size=50&q=${encodeURIComponent(q)}`)).json()) as { hits: { id: string }[] }).hits.map(
        (hit) => hit.id,
      );
    expect((await newest('"الجمعيات الخيرية"')).sort()).toEqual(['x-charity-damietta', 'x-charity-tanta']);
    expect(await newest('"الجمعيات الخيرية" طنطا')).toEqual(['x-charity-tanta']);
  });

  it('a quoted phrase no article writes as written is looked for in any form, and the answer says so', async () => {
    const response = await service.app.request(`/search?q=${encodeURIComponent('"المنتخبات الوطنية"')}`);
    const body = (await response.json()) as { relaxed?: true; hits: { id: string }[] };
    expect(body.relaxed).toBe(true);
    expect(body.hits.map((hit) => hit.id)).toEqual(['x-football-clitic']);
  });

  it('reads words joined by a colon or an underscore as two words', async () => {
    expect((await ids('بلينكن:لعمامرة')).sort()).toEqual((await ids('بلينكن لعمامرة')).sort());
    // In the articles too: 003 writes مصر.وتحادث, the space after its full stop lost; the mark holds the word alone.
    expect((await hitsFor('مصر')).find((h) => h.id === A003)?.snippets.join(' ')).toMatch(/<mark>مصر<\/mark>\.وتحادث/);
    // A hashtag joins its words with underscores.
    expect((await ids('#بلينكن_لعمامرة')).sort()).toEqual((await ids('بلينكن لعمامرة')).sort());
  });
});

describe('words and phrases left out with a minus sign', () => {
  it('leaves out the articles naming Blinken in any listed spelling, and keeps the rest', async () => {
    const algeria = await ids('الجزائر');
    expect(algeria).toEqual(expect.arrayContaining([A000, A001]));
    expect(await ids('الجزائر -بلينكين')).toEqual(algeria.filter((id) => id !== A000 && id !== A001));
  });

  it('leaves out a quoted phrase, and a query made only of exclusions lists every other article', async () => {
    expect(await ids('مالي -"الأمم المتحدة"')).not.toContain(A003);
    expect(await ids('مالي')).toContain(A003);
    // A listed name of several words after a minus sign is left out whole, quoted or not: not its first
    // word alone with the others asked for (an article naming Nouakchott alone had been left out).
    const nouakchott = { id: 'x-nouakchott', title: 'انتخابات في نواكشوط', body: 'جرت الانتخابات في نواكشوط بهدوء.', published: '2018-07-29T10:00:00Z' };
    await indexStoredArticles(service.engine, service.alias, [nouakchott]);
    const newest = async (q: string) =>
      (await (await service.app.request(`/search?sort=newest&size=50&q=${encodeURIComponent(q)}`)).json()) as { relaxed?: true; hits: { id: string }[] };
    const unquoted = await newest('نواكشوط -الأمم المتحدة');
    expect({ relaxed: unquoted.relaxed, ids: unquoted.hits.map((hit) => hit.id) }).toEqual({
      relaxed: undefined,
      ids: (await newest('نواكشوط -"الأمم المتحدة"')).hits.map((hit) => hit.id),
    });
    expect(unquoted.hits.map((hit) => hit.id)).toContain('x-nouakchott');
    const withoutBlinken = await ids('-Blinken');
    expect(withoutBlinken).toEqual(expect.arrayContaining([A002, A003, A004]));
    expect(withoutBlinken).not.toContain(A000);
    expect(withoutBlinken).not.toContain(A001);
  });

  it("leaves out only the written form of a searched word's adjective, which by stem would leave out every article", async () => {
    const libya = await ids('ليبيا');
    expect(libya).toEqual(expect.arrayContaining([A000, A001, A003, A004]));
    // Only seed 004 writes الليبية, which stems to ليبيا as every seed's ليبيا does.
    expect((await ids('ليبيا -الليبية')).sort()).toEqual(libya.filter((id) => id !== A004).sort());
  });

  it("leaves out only the written form of a searched name's other spelling, which as a synonym would leave out every article", async () => {
    expect(await ids('بلينكن')).toEqual(expect.arrayContaining([A000, A001]));
    // Seed 001 writes بلينكين (and بلينكن), seed 000 بلينكن alone.
    for (const q of ['بلينكن -بلينكين', 'Blinken -بلينكين']) {
      const written = await ids(q);
      expect(written, q).toContain(A000);
      expect(written, q).not.toContain(A001);
    }
  });

  it("leaves out only the written form of a searched name's other spelling of another length, as a phrase or as a word", async () => {
    const unitedStates = await ids('الولايات المتحدة');
    expect(unitedStates).toEqual(expect.arrayContaining([A001, A002, A004]));
    // No seed writes أمريكا: left out as written, it leaves every article the name finds.
    expect((await ids('الولايات المتحدة -أمريكا')).sort()).toEqual([...unitedStates].sort());
    const america = await ids('أمريكا');
    expect(america).toEqual(expect.arrayContaining([A001, A002, A004]));
    // Every seed writes الولايات المتحدة (000 and 003 joined or with a clitic), and so does x-usa; some other articles say only the adjective.
    const withoutPhrase = await ids('أمريكا -"الولايات المتحدة"');
    expect(withoutPhrase.length).toBeGreaterThan(0);
    expect(america).toEqual(expect.arrayContaining(withoutPhrase));
    for (const id of [A000, A001, A002, A003, A004, 'x-usa']) expect(withoutPhrase).not.toContain(id);
  });

  it('leaves out a phrase in any form: its stem, or its first word with a clitic', async () => {
    expect(await ids('المنتخب')).toContain('x-football-clitic');
    expect(await ids('المنتخب -"كرة القدم"')).not.toContain('x-football-clitic');
    expect(await ids('المنتخب -«كرة القدم»')).not.toContain('x-football-clitic');
    expect(await ids('الإسلامية')).toEqual(expect.arrayContaining(['x-islamic-state-bbc', 'x-islamic-states']));
    expect(await ids('الإسلامية -"الدولة الإسلامية"')).toEqual([]);
  });
});

describe('month names of every region', () => {
  it.each(['جانفي', 'يناير', 'كانون الثاني', 'January', 'janvier'])('%s finds the article dated by 22 جانفي / 22 يناير', async (q) => {
    expect(await ids(q)).toEqual([A002]);
  });

  it.each(['تشرين الأول', 'October', 'أكتوبر'])('%s finds the article that mentions أكتوبر', async (q) => {
    expect(await ids(q)).toEqual([A004]);
  });

  it.each(['June', 'جوان', 'يونيو'])('%s does not find air strikes (الجوية, what جوان stemmed to)', async (q) => {
    expect(await ids(q)).not.toContain('x-air-strikes');
  });
});

describe('Latin-script and mixed queries', () => {
  it('a Latin place name reaches the Arabic articles', async () => {
    expect((await ids('Libya')).sort()).toEqual([A000, A001, A003, A004].sort());
  });

  it('a Latin name typed with accents or transliteration signs is read, and finds, as without them', async () => {
    const read = (q: string) =>
      service.service.readOperators({
        q,
        filters: { topics: [], regions: [], regions_mentioned: [], people: [], organizations: [], source: [] },
        from: 0,
        size: 10,
        sort: 'relevance',
        facetSize: 10,
        explain: false,
      }).q;
    // The readers after this one take a Latin word as its letters: Ḥizballāh had been no spelling of any name.
    expect(read('Ḥizballāh ʿAbbas Būtaflīqa')).toBe('Hizballah Abbas Butafliqa');
    expect(read('إسطنبول أُسامة')).toBe('إسطنبول أُسامة');
    const pairs: [marked: string, plain: string][] = [
      ['Lībyā', 'Libya'],
      ['ʿAbdelaziz Bouteflika', 'Abdelaziz Bouteflika'],
    ];
    for (const [marked, plain] of pairs) {
      const found = await ids(plain);
      expect(found.length, plain).toBeGreaterThan(0);
      expect(await ids(marked), marked).toEqual(found);
    }
  });

  it('searches the listed name a short Latin word one letter off is offered when nothing is found as typed, and says so', async () => {
    type Answer = { total: number; hits: { id: string }[]; didYouMean?: string; searchedInstead?: string };
    // Without an English–Arabic dictionary, where no Latin word is read as the Arabic it sounds like (see 'a short Latin slip of a listed name').
    const app = createTestApp(openTestService(service.engine, service.alias, PROJECT_ROOT, {}));
    const answer = (await (await app.request('/search?q=Putn')).json()) as Answer;
    expect(answer.searchedInstead).toBe('putin');
    expect(answer.hits.map((hit) => hit.id)).toEqual(await ids('Putin'));
    // Asked as typed, it is only offered.
    const asTyped = (await (await app.request('/search?q=Putn&respell=false')).json()) as Answer;
    expect(asTyped).toMatchObject({ total: 0, didYouMean: 'putin' });
    expect(asTyped.searchedInstead).toBeUndefined();
    // Found as typed, a short word is offered nothing: one letter off, it is often another word.
    const found = (await (await service.app.request('/search?q=Mali')).json()) as Answer;
    expect(found.total).toBeGreaterThan(0);
    expect(found.didYouMean).toBeUndefined();
    expect(found.searchedInstead).toBeUndefined();
  });

  it('searches a Latin name two slips off that sounds the same when nothing is found as typed; a short name two slips off is not offered', async () => {
    type Answer = { total: number; hits: { id: string }[]; didYouMean?: string; searchedInstead?: string };
    const answer = (await (await service.app.request('/search?q=Kashogi')).json()) as Answer;
    expect(answer.searchedInstead).toBe('khashoggi');
    expect(answer.hits.map((hit) => hit.id)).toEqual(await ids('Khashoggi'));
    expect(answer.hits.length).toBeGreaterThan(0);
    const unlisted = (await (await service.app.request('/search?q=Milei')).json()) as Answer;
    expect(unlisted.didYouMean).toBeUndefined(); // Mali sounds the same, but is two edits off a name so short
    expect(unlisted.searchedInstead).toBeUndefined();
    // A first name alone that reads as no Arabic word is offered the one listed name it begins; one
    // that reads as one is searched so (Gebran: جبران).
    const firstName = (await (await service.app.request('/search?q=Recep&respell=false')).json()) as Answer;
    expect(firstName.didYouMean).toBe('recep tayyip erdogan');
    const read = (await (await service.app.request('/search?q=Gebran&respell=false')).json()) as Answer & { searchedInArabic?: unknown };
    expect([read.didYouMean, read.searchedInArabic]).toEqual([undefined, [{ english: 'Gebran', arabic: 'جبران' }]]);
  });

  it('offers a listed name for the slip of it the corpus itself holds: خاشجقي is offered خاشقجي', async () => {
    type Answer = { didYouMean?: string };
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('مقتل خاشجقي')}&respell=false`)).json()) as Answer;
    expect(answer.didYouMean).toBe('مقتل خاشقجي');
    const right = (await (await service.app.request(`/search?q=${encodeURIComponent('مقتل خاشقجي')}`)).json()) as Answer;
    expect(right.didYouMean).toBeUndefined();
  });

  it('Latin names of countries, capitals and people reach their Arabic spellings', async () => {
    for (const q of ['China', 'Beijing', 'Ankara', 'Putin', 'بوتين']) expect(await ids(q)).toEqual(['x-beijing']);
    expect(await ids('White House')).toEqual(['x-trump-phrase']);
  });

  it('two countries asked for: an article naming both ranks above one writing the second’s full name', async () => {
    // x-usa writes الولايات المتحدة الأمريكية twice, and never Algeria: the full name held the short one and counted twice.
    const found = await ids('الجزائر الولايات المتحدة');
    expect(found).toContain('x-usa');
    expect(found.indexOf('x-usa')).toBeGreaterThan(found.indexOf(A001));
    expect(found.indexOf('x-usa')).toBeGreaterThan(found.indexOf(A004));
  });

  it('an English word of the news reaches its Arabic word, not only the English titles Arabic articles quote', async () => {
    expect((await ids('murder')).sort()).toEqual(['x-killed-in-blast', 'x-killing', 'x-series']);
    expect((await ids('khashoggi murder'))[0]).toBe('x-killing');
  });

  it('an English query\'s function words decide nothing: "to" finds no English title, and newest first asks for the words that count', async () => {
    // x-series quotes "How to Get Away with Murder": an English "to" is rare in Arabic text, and outscored the place.
    const found = await ids('visit to Beijing');
    expect(found[0]).toBe('x-beijing');
    expect(found).not.toContain('x-series');
    const newest = (await (await service.app.request(`/search?sort=newest&q=${encodeURIComponent('the murder of Khashoggi')}`)).json()) as {
      hits: { id: string }[];
      relaxed?: boolean;
    };
    expect(newest.relaxed).toBeUndefined();
    expect(newest.hits.map((hit) => hit.id)).toContain('x-killing');
  });

  it('the abbreviations and demonyms an analyst types reach the Arabic names: UN, U.N., EU, US, Egyptian', async () => {
    const unitedNations = (await ids('الأمم المتحدة')).sort();
    expect(unitedNations).toContain('x-un-yemen');
    for (const q of ['UN', 'U.N.']) expect((await ids(q)).sort(), q).toEqual(unitedNations);
    expect(await ids('EU')).toEqual(['x-un-yemen']);
    expect((await ids('US')).sort()).toEqual((await ids('الولايات المتحدة')).sort());
    expect(await ids('Egyptian')).toEqual(await ids('مصر'));
  });

  it('names and words of the 2018 news in Latin script: Pyongyang, Premier League, crown prince', async () => {
    expect(await ids('Pyongyang')).toEqual(['x-pyongyang-apart']);
    expect(await ids('Premier League')).toEqual(['x-premier-league']);
    expect((await ids('crown prince')).sort()).toEqual(['x-crown-prince', 'x-mbs']);
    expect((await ids('Helsinki summit'))[0]).toBe('x-helsinki');
    // WHO typed in capitals is the organization; who, a question word, is taken out.
    expect(await ids('WHO')).toEqual(['x-helsinki']);
  });

  it('an English adjective before its noun is looked for in Arabic order: Turkish foreign minister is وزير الخارجية التركي', async () => {
    // x-turkey-apart names Turkey and a foreign minister, another country's.
    const found = await ids('Turkish foreign minister');
    expect(found.slice(0, 2)).toEqual(['x-turkish-fm', 'x-turkey-apart']);
  });

  it('a mixed query finds the article naming both', async () => {
    expect((await ids('Kerry واشنطن'))[0]).toBe(A003);
  });
});

describe('English words the lists do not spell, through an English–Arabic dictionary', () => {
  // Written here in FreeDict's layout; coach is the bus there, as in FreeDict.
  const dir = mkdtempSync(join(tmpdir(), 'eng-ara-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dictionary = writeDictdDictionary(dir, { vaccine: 'اللقاح', outbreak: 'التفشّي', cholera: 'الكوليرا', coach: 'الحافلة', communism: 'الشيوعية' });
  const withDictionary = () => ({ app: createTestApp(openTestService(service.engine, service.alias, PROJECT_ROOT, { englishDictionary: dictionary })) });
  const withoutDictionary = () => ({ app: createTestApp(openTestService(service.engine, service.alias, PROJECT_ROOT, {})) });

  it('vaccines and cholera outbreak find the Arabic article, which without the dictionary they do not', async () => {
    expect(await rankedIds(withDictionary(), 'vaccines')).toEqual(['x-cholera']);
    const answer = (await (await withDictionary().app.request('/search?q=cholera%20outbreak')).json()) as { searchedInArabic?: unknown };
    expect(answer.searchedInArabic).toEqual([
      { english: 'cholera', arabic: 'الكوليرا' },
      { english: 'outbreak', arabic: 'التفشي' },
    ]);
    const without = (await (await withoutDictionary().app.request('/search?q=cholera%20outbreak')).json()) as { searchedInArabic?: unknown };
    expect(without.searchedInArabic).toBeUndefined();
    // A word it does not know either is said: searched as typed, it finds only Latin text.
    const unknown = (await (await withDictionary().app.request('/search?q=cholera%20Xyzzy')).json()) as { searchedAsTyped?: unknown };
    expect(unknown.searchedAsTyped).toEqual(['Xyzzy']);
    const unknownWithout = (await (await withoutDictionary().app.request('/search?q=cholera%20Xyzzy')).json()) as { searchedAsTyped?: unknown };
    expect(unknownWithout.searchedAsTyped).toBeUndefined();
    // Misspelled, a word is read as the dictionary's nearest, and the answer says which.
    const misspelled = (await (await withDictionary().app.request('/search?q=cholra%20outbrak')).json()) as {
      hits: { id: string }[];
      searchedInArabic?: unknown;
    };
    expect(misspelled.hits[0]?.id).toBe('x-cholera');
    expect(misspelled.searchedInArabic).toEqual([
      { english: 'cholra', arabic: 'الكوليرا', respelled: 'cholera' },
      { english: 'outbrak', arabic: 'التفشي', respelled: 'outbreak' },
    ]);
    expect((await rankedIds(withDictionary(), 'cholera outbreak'))[0]).toBe('x-cholera');
    expect(await rankedIds(withoutDictionary(), 'vaccines')).toEqual([]);
  });

  it('Arabic typed in Latin letters is read as the word it sounds like, where the dictionary tells it from English', async () => {
    const answer = (await (await withDictionary().app.request(`/search?q=${encodeURIComponent('el djazair')}`)).json()) as {
      hits: { id: string }[];
      searchedInArabic?: unknown;
    };
    expect(answer.searchedInArabic).toEqual([{ english: 'djazair', arabic: 'الجزائر' }]);
    expect(answer.hits.map((hit) => hit.id)).toEqual(await ids('الجزائر'));
    expect(await rankedIds(withDictionary(), '7arb')).toEqual(await ids('حرب'));
    // A word of a listed name typed alone, which no rule reads alone (shoukry of sameh shoukry), is read so too.
    expect(await ids('شكري')).not.toEqual([]);
    expect(await rankedIds(withDictionary(), 'Shoukry')).toEqual(await ids('شكري'));
    // A listed person's given name typed alone is written as the list writes it: omar عمر (the sounds read مر), walid وليد (والذي).
    expect(await rankedIds(withDictionary(), 'omar')).toEqual(['x-given-names']);
    expect(await rankedIds(withDictionary(), 'Walid')).toEqual(['x-given-names']);
    // Without the dictionary no word can be told from English: none is read so.
    expect(await rankedIds(withoutDictionary(), 'el djazair')).toEqual([]);
  });

  it('a word of the lists is read as they spell it, not as the dictionary does: coach is the trainer, not the bus', async () => {
    const found = await rankedIds(withDictionary(), 'coach');
    expect(found[0]).toBe('x-coach');
    expect(found).not.toContain('x-bus');
  });

  it('a Latin word in an Arabic query is the foreign term itself, searched as typed', () => {
    const dictionaryService = openTestService(service.engine, service.alias, PROJECT_ROOT, { englishDictionary: dictionary });
    const searched = (q: string) =>
      JSON.stringify(
        dictionaryService.searchBody(
          { q, filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE, explain: false },
          dictionaryService.profiles.get()!,
        ),
      );
    expect(searched('communism')).toContain('الشيوعية');
    expect(searched('ممن اشتقت كلمة communism')).not.toContain('الشيوعية');
    expect(searched('ممن اشتقت كلمة communism')).toContain('communism');
    // In an Arabic query a quoted Latin phrase is asked as written, untranslated.
    expect(searched('"communism" لقاح')).not.toContain('الشيوعية');
  });

  it('an English phrase in quotes, in any quotes, is asked in its Arabic: no article writes its words in the English order', async () => {
    // The article writes تفشي الكوليرا; asked as typed, the phrase finds nothing.
    for (const q of ['"cholera outbreak"', '“cholera outbreak”']) expect(await rankedIds(withDictionary(), q)).toEqual(['x-cholera']);
    expect(await rankedIds(withoutDictionary(), '"cholera outbreak"')).toEqual([]);
  });

  it('an English exclusion leaves out what its Arabic finds too, a phrase in Arabic order', async () => {
    expect(await rankedIds(withDictionary(), 'vaccines')).toEqual(['x-cholera']);
    expect(await rankedIds(withDictionary(), 'vaccines -cholera')).toEqual([]);
    // The article writes تفشي الكوليرا: word for word, the English phrase is الكوليرا التفشي.
    expect(await rankedIds(withDictionary(), 'vaccines -"cholera outbreak"')).toEqual([]);
  });

  it('the answer is the same with no dictionary installed, and a profile without englishWords asks none', async () => {
    const missing = { app: createTestApp(openTestService(service.engine, service.alias, PROJECT_ROOT, { englishDictionary: join(dir, 'none') })) };
    expect(await rankedIds(missing, 'vaccines')).toEqual([]);
    // A dictionary that cannot be read is no dictionary, said once, not at every search.
    writeFileSync(join(dir, 'broken.index'), 'vaccine\tA\tZ\n');
    writeFileSync(join(dir, 'broken.dict.dz'), 'not gzip');
    const warnings: string[] = [];
    const brokenService = SearchService.open({
      engine: service.engine,
      alias: service.alias,
      dataRoot: PROJECT_ROOT,
      maxQueryClauses: 1024,
      defaultProfile: 'default',
      logger: pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) }),
      englishDictionary: join(dir, 'broken'),
    });
    const broken = { app: createTestApp(brokenService) };
    for (let twice = 0; twice < 2; twice++) expect(await rankedIds(broken, 'vaccines')).toEqual([]);
    expect(warnings.filter((line) => line.includes('cannot be read'))).toHaveLength(1);
    const dictionaryService = openTestService(service.engine, service.alias, PROJECT_ROOT, { englishDictionary: dictionary });
    const request = { q: 'vaccines', filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: DEFAULT_FACET_SIZE, explain: false } as const;
    expect((await dictionaryService.search(request, dictionaryService.profiles.get('default-v8')!)).hits).toEqual([]);
    expect((await dictionaryService.search(request, dictionaryService.profiles.get()!)).hits.map((hit) => hit.id)).toEqual(['x-cholera']);
  });
});

describe('no new false matches', () => {
  it('Mali does not find articles about finance', async () => {
    const found = await ids('مالي');
    expect(found).not.toContain('x-finance');
    expect(await ids('Mali')).not.toContain('x-finance');
  });

  it('the Sahel does not find a coast', async () => {
    const found = await ids('Sahel');
    expect(found).not.toContain('x-coast');
    expect(found).toEqual(expect.arrayContaining([A000, A001, A002, A003, A004]));
  });

  it('August in any family does not find a father (أب)', async () => {
    for (const q of ['أغسطس', 'August', 'أوت']) expect(await ids(q)).not.toContain('x-father');
  });

  it('capitals the stemmer would shorten into common words find only themselves', async () => {
    expect(await ids('بكين')).toEqual(['x-beijing']);
    expect(await ids('أنقرة')).toEqual(['x-beijing']); // not انقر هنا, "click here"
  });

  it('the Golan, in either script, does not find a tour (جولة), nor a tour the Golan', async () => {
    for (const q of ['الجولان', 'Golan', 'golan heights']) expect(await ids(q)).toEqual(['x-golan']);
    expect(await ids('جولة')).not.toContain('x-golan');
  });

  it('one group under any of its names: داعش, تنظيم الدولة, ISIS and ISIL find the articles writing either', async () => {
    for (const q of ['داعش', 'لداعش', 'تنظيم الدولة الإسلامية', 'ISIS', 'ISIL'])
      expect((await ids(q)).sort(), q).toEqual(['x-islamic-state-bbc', 'x-islamic-state-sky']);
  });

  it('Boko Haram and Bin Salman, as the Latin press writes them, reach their Arabic names', async () => {
    expect(await ids('Boko Haram')).toEqual(['x-boko-haram']);
    expect(await ids('Bin Salman')).toEqual(['x-mbs']);
  });

  it('a minister the Latin press spells Jubeir reaches الجبير', async () => {
    for (const q of ['Jubeir', 'Adel al-Jubeir']) expect(await ids(q), q).toEqual(['x-jubeir']);
  });

  it('the short name هود does not match the longer word اليهود', async () => {
    const found = await ids('هود');
    expect(found).not.toContain('x-jews');
    expect(found.sort()).toEqual([A001, A004]);
  });
});

describe('a pasted link', () => {
  // Stored as a feed gives it (http, www., the path in its letters); pasted as a browser copies it.
  const linkedArticle = {
    id: 'x-linked',
    title: 'معرض للزهور النادرة في الربيع',
    body: 'افتتح معرض للزهور النادرة أبوابه للزوار.',
    url: 'http://www.example-news.com/ar/20210806-معرض-الزهور',
  };
  // An outlet's re-filed copy of it, which searches leave out for the original.
  const copy = { id: 'x-linked-copy', title: linkedArticle.title, body: linkedArticle.body, url: `${linkedArticle.url}-2`, duplicate_of: 'x-linked' };
  beforeAll(() => indexStoredArticles(service.engine, service.alias, [linkedArticle, copy]));

  const search = async (q: string) => {
    const response = await service.app.request(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { hits: { id: string }[]; total: number; linked?: true };
  };

  it('lists the article stored under it, whichever form of the link is pasted', async () => {
    for (const pasted of [
      linkedArticle.url,
      `https://example-news.com${encodeURI('/ar/20210806-معرض-الزهور')}/?utm_source=share#top`,
      'www.example-news.com/ar/20210806-معرض-الزهور',
      'example-news.com/ar/20210806-معرض-الزهور',
    ]) {
      const answer = await search(pasted);
      expect(
        answer.hits.map((hit) => hit.id),
        pasted,
      ).toEqual(['x-linked']);
      expect(answer.linked, pasted).toBe(true);
    }
  });

  it('lists the original of a story copy stored under it', async () => {
    const answer = await search(copy.url);
    expect(answer.hits.map((hit) => hit.id)).toEqual(['x-linked']);
    expect(answer.linked).toBe(true);
  });

  it('is stored, and /health counts it apart from the articles a search can list', async () => {
    const health = (await (await service.app.request('/health')).json()) as { index: { documents: number; searchable: number } };
    expect(health.index.documents - health.index.searchable).toBe(1);
  });

  it('searches the words of a link no article is stored under', async () => {
    const answer = await search('https://www.example-news.com/ar/20210807-الزهور');
    expect(answer.linked).toBeUndefined();
    expect(answer.hits.map((hit) => hit.id)).toContain('x-linked');
  });
});

describe('a Latin query of listed words', () => {
  // The FIFA eWorld Cup's story writes "World Cup" in Latin letters, rare in an Arabic index and so weighed heavily.
  const quotingEnglish = {
    id: 'x-eworld-cup',
    title: 'سعودي يفوز بلقب البطولة الإلكترونية',
    body: 'فاز لاعب سعودي في لندن بلقب FIFA eWorld Cup، وهي البطولة التي تعرف بكأس العالم الإلكترونية. وقال إن الفوز بلقب World Cup الإلكترونية حلم تحقق.',
  };
  const aboutIt = {
    id: 'x-world-cup',
    title: 'المنتخبات العربية تستعد لكأس العالم',
    body: 'تستعد أربعة منتخبات عربية للمشاركة في كأس العالم في روسيا، ويأمل المشجعون أن تتجاوز الدور الأول من المونديال.',
  };
  beforeAll(() => indexStoredArticles(service.engine, service.alias, [quotingEnglish, aboutIt]));

  it('ranks the article about the thing above one quoting the English words', async () => {
    expect(await ids('world cup')).toEqual(['x-world-cup', 'x-eworld-cup']);
  });
});

describe('a Latin word the lists read', () => {
  // Brent is a word of the lists (برنت); Brexit, written in Latin letters by these articles, is one the index holds.
  const brexit = (id: string) => ({
    id,
    title: 'لندن والاتحاد الأوروبي',
    body: 'تتواصل مفاوضات Brexit بين لندن وبروكسل، وتقول الحكومة إن Brexit سيتم في موعده.',
  });
  const brent = { id: 'x-brent', title: 'برنت يرتفع', body: 'ارتفع خام برنت في تعاملات اليوم.' };
  beforeAll(() => indexStoredArticles(service.engine, service.alias, [brexit('x-brexit-1'), brexit('x-brexit-2'), brexit('x-brexit-3'), brent]));

  it('finds the Fed by its Arabic names, not the CIA, whose name shares their stems', async () => {
    const fed = { id: 'x-fed-rates', title: 'الاحتياطي الفدرالي يرفع الفائدة', body: 'رفع مجلس الاحتياطي الاتحادي أسعار الفائدة.' };
    const cia = { id: 'x-cia-report', title: 'تقرير استخباري', body: 'قالت وكالة المخابرات المركزية الأمريكية إن التقرير سري.' };
    await indexStoredArticles(service.engine, service.alias, [fed, cia]);
    expect(await ids('Fed')).toEqual(['x-fed-rates']);
    expect(await ids('الاحتياطي الفيدرالي')).toEqual(['x-fed-rates']);
  });

  it('is searched as the lists read it, with no respelling into a word the index holds more often', async () => {
    const answer = (await (await service.app.request('/search?q=Brent')).json()) as { didYouMean?: string; hits: { id: string }[] };
    expect(answer.hits.map((hit) => hit.id)).toEqual(['x-brent']);
    expect(answer.didYouMean).toBeUndefined();
  });
});

describe('a dialect word the lists read', () => {
  // حراقة, Maghrebi for the sea's clandestine migrants, is one letter from حرارة ("heat"), which these articles write.
  const heat = (id: string) => ({ id, title: 'موجة حرارة قياسية', body: 'سجلت درجات حرارة قياسية، وتستمر موجة حرارة الصيف أسبوعا.' });
  const crossing = { id: 'x-harraga', title: 'قوارب الهجرة غير الشرعية', body: 'أوقف خفر السواحل قاربا للهجرة غير الشرعية قبالة وهران.' };
  beforeAll(() => indexStoredArticles(service.engine, service.alias, [heat('x-heat-1'), heat('x-heat-2'), heat('x-heat-3'), crossing]));

  it('is searched as the lists read it, and not respelled as the commoner word one letter away', async () => {
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('حراقة')}`)).json()) as { didYouMean?: string; hits: { id: string }[] };
    expect(answer.hits.map((hit) => hit.id)).toContain('x-harraga');
    expect(answer.didYouMean).toBeUndefined();
  });
});

describe('a listed name that repeats a word', () => {
  const candidate = { id: 'x-moussa', title: 'موسى مصطفى موسى يقدم أوراق ترشحه', body: 'قدم موسى مصطفى موسى أوراق ترشحه للانتخابات الرئاسية.' };
  beforeAll(() => indexStoredArticles(service.engine, service.alias, [candidate]));

  it('finds in Latin what the Arabic finds: cut to Moussa Mostafa, Moussa Mostafa Moussa had found nothing', async () => {
    const arabic = await ids('موسى مصطفى موسى');
    expect(arabic).toContain('x-moussa');
    expect(await ids('Moussa Mostafa Moussa')).toEqual(arabic);
  });
});

describe('a short Latin slip of a listed name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eng-ara-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withDictionary = () => ({
    app: createTestApp(openTestService(service.engine, service.alias, PROJECT_ROOT, { englishDictionary: writeDictdDictionary(dir, { vaccine: 'اللقاح' }) })),
  });
  const naming = { id: 'x-abbas', title: 'عباس في رام الله', body: 'وصل عباس إلى رام الله بعد جولة أوروبية.' };
  beforeAll(() => indexStoredArticles(service.engine, service.alias, [naming]));

  it("is read as the Arabic it sounds like where that is the listed name's word, and otherwise left to the names' respelling", async () => {
    type Answer = { hits: { id: string }[]; searchedInArabic?: unknown };
    const answer = (await (await withDictionary().app.request('/search?q=Abas')).json()) as Answer;
    expect(answer.searchedInArabic).toEqual([{ english: 'Abas', arabic: 'عباس' }]);
    expect(answer.hits.map((hit) => hit.id)).toEqual(await ids('عباس'));
    const putin = (await (await withDictionary().app.request('/search?q=Putn')).json()) as Answer;
    expect(putin.searchedInArabic).toEqual([{ english: 'Putn', arabic: 'بوتن' }]);
    expect(putin.hits.map((hit) => hit.id)).toEqual(await ids('Putin'));
    // Raqa sounds like عراقية, no word of Raqqa's: not read.
    const slip = (await (await withDictionary().app.request('/search?q=Raqa')).json()) as Answer;
    expect(slip.searchedInArabic).toBeUndefined();
  });

  it('is told where it was searched as the listed name it misspells, as a word the dictionary read is', async () => {
    type Answer = { hits: { id: string }[]; searchedInArabic?: unknown };
    const answer = (await (await withDictionary().app.request('/search?q=Abbass')).json()) as Answer;
    expect(answer.searchedInArabic).toEqual([{ english: 'Abbass', arabic: 'محمود عباس', respelled: 'abbas' }]);
    expect(answer.hits.map((hit) => hit.id)).toEqual(await ids('Abbas'));
  });
});

// Last: it adds an article to the suite's index.
describe('a hashtag an article quotes', () => {
  it('is searched as typed, not as its words', async () => {
    const quoting = { id: 'x-hashtag', title: 'حملة على مواقع التواصل', text: 'انتشر وسم #BlinkenVisit على مواقع التواصل الاجتماعي.', source: 'BBC' };
    await service.service.ingest(
      (async function* () {
        yield* jsonDocumentRecords(JSON.stringify(quoting), 'hashtag.json');
      })(),
    );
    await service.engine.refresh(service.alias);
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('#BlinkenVisit')}`)).json()) as {
      hits: { id: string }[];
      searchedInstead?: string;
    };
    expect(answer.searchedInstead).toBeUndefined();
    expect(answer.hits.map((hit) => hit.id)).toEqual(['x-hashtag']);
  });
});
