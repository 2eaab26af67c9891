import { beforeAll, describe, expect, it } from 'vitest';
import { indexStoredArticles, rankedIds, useSeededService } from './support/test-service.js';

// A reader asking "who is" expects the article that answers it first: the explainer whose title asks
// the question, not the news that names the person most often. Every title names him: the name alone
// lifts them all, the shorter first.
const khashoggi = 'جمال خاشقجي';
const articles = [
  {
    id: 'q_explainer',
    title: `من هو ${khashoggi} الكاتب السعودي الذي اختفى في إسطنبول؟`,
    body: `كاتب سعودي عمل مستشارا ورئيسا لتحرير صحف عدة، اشتهر بمقالاته في الصحافة الدولية. ولد ${khashoggi} في المدينة المنورة.`,
    published: '2018-10-04',
  },
  ...[1, 2, 3].map((n) => ({
    id: `q_news_${n}`,
    title: `اختفاء ${khashoggi} (${n})`,
    body: `قالت السلطات إن ${khashoggi} دخل القنصلية. وطالبت عائلة ${khashoggi} بالحقيقة، وتحدث أصدقاء ${khashoggi} عن آخر لقاء معه.`,
    published: `2018-10-1${n}`,
  })),
].map((article) => ({ ...article, source: 'وكالة الأنباء', topics: [], regions: [], people: [], organizations: [] }));

const seeded = useSeededService('question-ranking');
beforeAll(() => indexStoredArticles(seeded.engine, seeded.alias, articles));

const ids = (q: string) => rankedIds(seeded, q);

describe('a question typed as a reader asks it', () => {
  it('lists first the article whose title asks it; the name alone ranks the news that names it most', async () => {
    expect((await ids(khashoggi))[0]).not.toBe('q_explainer');
    for (const question of [`من هو ${khashoggi}؟`, `من هو ${khashoggi}`]) expect((await ids(question))[0], question).toBe('q_explainer');
  });
});
