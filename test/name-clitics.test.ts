import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineRefusingSearches, indexStoredArticles, openTestService, rankedIds, useSeededService } from './support/test-service.js';

// Outlets spell a name their own way (Al Arabiya ترمب, Sky News بوتن); a reader types it as a
// sentence joins it, with و or a preposition in front, and expects every outlet's articles.
const articles = [
  { id: 'c_trump_arabiya', title: 'ترمب يصل إلى بروكسل', body: 'وصل الرئيس الأمريكي ترمب إلى بروكسل لحضور القمة.' },
  { id: 'c_trump_bbc', title: 'ترامب في بروكسل', body: 'وصل الرئيس الأمريكي ترامب إلى بروكسل لحضور القمة.' },
  { id: 'c_putin_sky', title: 'بوتن يستقبل ضيوفه', body: 'استقبل الرئيس الروسي بوتن ضيوفه في الكرملين.' },
  { id: 'c_kabul', title: 'انفجار في كابل', body: 'وقع انفجار في العاصمة الأفغانية كابل صباح اليوم.' },
  { id: 'c_apple', title: 'آبل تطرح هاتفا جديدا', body: 'أعلنت شركة آبل عن هاتفها الجديد.' },
  { id: 'c_macron', title: 'ماكرون يزور الجزائر', body: 'وصل الرئيس الفرنسي ماكرون إلى الجزائر.' },
  { id: 'c_macron_2', title: 'ماكرون في برلين', body: 'التقى ماكرون المستشارة الألمانية في برلين، وقال ماكرون إن المحادثات بناءة.' },
  { id: 'c_gaza', title: 'قصف على غزة', body: 'تعرضت غزة لقصف عنيف.' },
  { id: 'c_badr', title: 'ذكرى غزوة بدر', body: 'يحيي المسلمون ذكرى غزوة بدر الكبرى.' },
].map((article) => ({ ...article, source: 'وكالة الأنباء', published: '2018-07-11', topics: [], regions: [], people: [], organizations: [] }));

const seeded = useSeededService('name-clitics');
beforeAll(() => indexStoredArticles(seeded.engine, seeded.alias, articles));

const ids = async (q: string) => (await rankedIds(seeded, q)).filter((id) => id.startsWith('c_')).sort();

describe('a listed name typed with a clitic or an article', () => {
  it('finds every spelling of the name, as the name alone does', async () => {
    const trump = ['c_trump_arabiya', 'c_trump_bbc'];
    expect(await ids('ترامب')).toEqual(trump);
    for (const q of ['وترامب', 'لترامب', 'وترمب', 'بترامب؟']) expect(await ids(q), q).toEqual(trump);
    for (const q of ['بوتين', 'وبوتين', 'لبوتين']) expect(await ids(q), q).toEqual(['c_putin_sky']);
  });

  it('reads a name typed with an article it never takes as the name, and offers the name', async () => {
    expect(await ids('البوتين')).toEqual(['c_putin_sky']);
    const answer = (await (await seeded.app.request(`/search?q=${encodeURIComponent('الترامب')}`)).json()) as { didYouMean?: string };
    expect(answer.didYouMean).toBe('ترامب');
    expect(await ids('الترامب')).toEqual(['c_trump_arabiya', 'c_trump_bbc']);
  });

  it('reads a misspelled name no article writes as the name; a word an article writes stays that word', async () => {
    expect(await ids('مكرون')).toEqual(['c_macron', 'c_macron_2']);
    expect(await ids('زيارة مكرون')).toEqual(expect.arrayContaining(['c_macron', 'c_macron_2']));
    // The respelling offered is the one searched, not the suggester's look-alike.
    const answer = (await (await seeded.app.request(`/search?q=${encodeURIComponent('مكرون')}`)).json()) as { didYouMean?: string };
    expect(answer.didYouMean).toBe('ماكرون');
    // غزوة is one letter from غزة, but an article writes it: it is searched as typed (typo tolerance
    // still lists Gaza after it), where respelled it would have found Gaza alone.
    expect((await rankedIds(seeded, 'غزوة')).filter((id) => id.startsWith('c_'))).toEqual(['c_badr', 'c_gaza']);
  });

  it('leaves out a name excluded with a clitic or misspelled as it finds it', async () => {
    expect(await ids('الرئيس')).toContain('c_putin_sky');
    for (const q of ['الرئيس -بوتين', 'الرئيس -وبوتين', 'الرئيس -لبوتين']) expect(await ids(q), q).not.toContain('c_putin_sky');
    expect(await ids('الرئيس -مكرون')).not.toContain('c_macron');
  });

  it('leaves a word the index reads as another word alone: كابل is no clitic of آبل', async () => {
    expect(await ids('كابل')).toEqual(['c_kabul']);
  });

  // Last: it writes مكرون into the index.
  it('answers with the words as typed when the engine fails the check of a misspelled name', async () => {
    const checking = engineRefusingSearches(seeded.engine, (body) => Boolean((body.aggs as Record<string, unknown> | undefined)?.typed));
    const app = createTestApp(openTestService(checking.engine, seeded.alias));
    const response = await app.request(`/search?q=${encodeURIComponent('مكرون')}`);
    expect(response.status).toBe(200);
    expect(checking.refused()).toBe(1);
    // Typo tolerance still finds the name one letter away.
    expect(((await response.json()) as { hits: { id: string }[] }).hits.map((hit) => hit.id)).toContain('c_macron');
  });

  it('reads a misspelled name on the next page as its first page did, whatever the index holds since', async () => {
    const page = async (query: string) =>
      (await (await seeded.app.request(`/search?${query}`)).json()) as { hits: { id: string }[]; nextCursor: string | null };
    const q = encodeURIComponent('مكرون');
    const first = await page(`q=${q}&size=1`);
    expect(first.nextCursor).not.toBeNull();
    await indexStoredArticles(seeded.engine, seeded.alias, [
      { ...articles[0]!, id: 'c_typo_written', title: 'مكرون', body: 'كتب أحدهم مكرون هكذا.' } as (typeof articles)[number],
    ]);
    const second = await page(`q=${q}&size=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect([...first.hits, ...second.hits].map((hit) => hit.id).sort()).toEqual(['c_macron', 'c_macron_2']);
  });
});
