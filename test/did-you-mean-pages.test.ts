import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, engineRefusingSearches, indexStoredArticles, openTestService, useSeededService } from './support/test-service.js';

// الشذر is one letter from الشعر (poetry, the commoner word here) and from الشجر (trees), which the
// farmers' articles hold. The respelling is chosen by the words of the search's first hits: the
// first alone (a page of one hit) names neither, the next two the trees.
const article = (id: string, title: string, body: string) => ({
  id,
  title,
  body,
  source: 'وكالة الأنباء',
  published: '2018-07-11',
  topics: [],
  regions: [],
  people: [],
  organizations: [],
});
const articles = [
  article('f_first', 'المزارعون', 'المزارعون المزارعون المزارعون يطالبون بالدعم.'),
  article('f_trees_1', 'في الحقول', 'زرع المزارعون الشجر في الحقول، وقال المزارعون إن الشجر يحتاج الماء.'),
  article('f_trees_2', 'الري', 'سقى المزارعون الشجر صباحا.'),
  ...[1, 2, 3, 4, 5, 6].map((n) => article(`f_poetry_${n}`, 'أمسية أدبية', `قرأ الشاعر الشعر، وأحب الناس الشعر في الأمسية، وكتب النقاد عن الشعر (${n}).`)),
];

const seeded = useSeededService('did-you-mean-pages');
beforeAll(() => indexStoredArticles(seeded.engine, seeded.alias, articles));

describe('did you mean, page by page', () => {
  it('offers one respelling whatever the page asked, chosen by the search’s first hits', async () => {
    const offered = async (page: string) => {
      const response = await seeded.app.request(`/search?${new URLSearchParams({ q: 'المزارعون الشذر' })}&${page}`);
      const body = (await response.json()) as { hits: { id: string }[]; didYouMean?: string };
      return { first: body.hits[0]?.id, didYouMean: body.didYouMean };
    };
    expect(await offered('size=10')).toEqual({ first: 'f_first', didYouMean: 'المزارعون الشجر' });
    for (const page of ['size=1', 'size=0', 'from=1&size=1', 'size=50']) expect((await offered(page)).didYouMean, page).toBe('المزارعون الشجر');
  });

  it('answers the page, its own hits choosing the respelling, when the engine fails the request for the first ten', async () => {
    const topTen = engineRefusingSearches(seeded.engine, (body) => body.size === 10 && body.track_total_hits === false);
    const app = createTestApp(openTestService(topTen.engine, seeded.alias));
    const response = await app.request(`/search?${new URLSearchParams({ q: 'المزارعون الشذر', size: '1' })}`);
    expect(response.status).toBe(200);
    expect(topTen.refused()).toBe(1);
    const body = (await response.json()) as { hits: { id: string }[]; didYouMean?: string };
    expect(body.hits.map((hit) => hit.id)).toEqual(['f_first']);
    // The page's one hit names neither the trees nor the poetry: no respelling it can choose.
    expect(body.didYouMean).toBeUndefined();
  });
});
