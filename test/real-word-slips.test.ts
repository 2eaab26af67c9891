import { beforeAll, describe, expect, it } from 'vitest';
import { indexStoredArticles, useSeededService } from './support/test-service.js';

const service = useSeededService('real-word-slips');

// Twenty-one articles write أسعار النفط; one writes the slip النفظ, so the index holds it as a word.
const oilPrices = Array.from({ length: 21 }, (_, i) => ({
  id: `x-oil-${i}`,
  title: `أسعار النفط في الأسبوع ${i + 1}`,
  body: 'ارتفعت أسعار النفط في الأسواق العالمية.',
  published: '2018-05-01T10:00:00Z',
}));
const quake = { id: 'x-quake', title: 'زلزال يضرب إندونيسيا', body: 'ضرب زلزال قوي جزيرة لومبوك.', published: '2018-08-05T10:00:00Z' };
const slip = { id: 'x-oil-slip', title: 'تقرير السوق', body: 'قال التاجر إن أسعار النفظ مرتفعة هذا الشهر.', published: '2018-05-02T10:00:00Z' };
// Two words one letter from أسعار النفط each, which an article writes together.
const otherWords = { id: 'x-oil-other-words', title: 'أسعاف النقط', body: 'كتب الشاعر عن أسعاف النقط في قصيدته.', published: '2018-05-03T10:00:00Z' };
// A listed name (Bahrain's king) no article writes as a phrase: its words apart.
const kingApart = { id: 'x-king-apart', title: 'الملك يفتتح جسرا', body: 'افتتح الملك جسرا جديدا يربط مدن البحرين.', published: '2018-05-04T10:00:00Z' };
// Gaza, and Ghazni one letter from it, here the commoner: غزةة, Gaza with its last letter typed twice, is Gaza all the same.
const gaza = { id: 'x-gaza', title: 'قصف على غزة', body: 'قصفت الطائرات مواقع في قطاع غزة.', published: '2018-05-05T10:00:00Z' };
const ghazni = Array.from({ length: 6 }, (_, i) => ({
  id: `x-ghazni-${i}`,
  title: `هجوم في غزنة ${i + 1}`,
  body: 'هاجمت طالبان مدينة غزنة في أفغانستان.',
  published: '2018-08-10T10:00:00Z',
}));
beforeAll(() => indexStoredArticles(service.engine, service.alias, [...oilPrices, slip, otherWords, kingApart, quake, gaza, ...ghazni]));

const answer = async (q: string, sort = 'relevance') =>
  (await (await service.app.request(`/search?sort=${sort}&q=${encodeURIComponent(q)}`)).json()) as {
    didYouMean?: string;
    totalAllWords?: number;
    total: number;
  };

describe('a word slipped into another word some article writes', () => {
  it('is offered the respelling many articles write, where hardly any article holds the words as typed', async () => {
    const typed = await answer('أسعار النفظ');
    expect(typed.totalAllWords).toBe(1);
    expect(typed.didYouMean).toBe('أسعار النفط');
    expect((await answer('أسعار النفظ', 'newest')).didYouMean).toBe('أسعار النفط');
  });

  it('is left alone typed alone, with no other word to be read beside, and where the words are held together often', async () => {
    expect((await answer('النفظ')).didYouMean).toBeUndefined();
    expect((await answer('أسعار النفط')).didYouMean).toBeUndefined();
  });

  it('is not offered where every word typed is a word articles hold and would be changed: that is another text', async () => {
    const typed = await answer('أسعاف النقط');
    expect(typed.totalAllWords).toBe(1);
    expect(typed.didYouMean).toBeUndefined();
  });
});

describe('a first letter slipped', () => {
  it('is offered the word it slipped from, as any other letter is (ذلزال: زلزال); a letter heard alike, it is searched as that word', async () => {
    const asTyped = (await (await service.app.request(`/search?respell=false&q=${encodeURIComponent('ذلزال')}`)).json()) as { didYouMean?: string };
    expect(asTyped.didYouMean).toBe('زلزال');
    const heard = (await (await service.app.request(`/search?q=${encodeURIComponent('ذلزال')}`)).json()) as { searchedInstead?: string };
    expect(heard.searchedInstead).toBe('زلزال');
  });
});

describe('a listed name typed whole that no article writes', () => {
  it('finds nothing as typed, so it is relaxed to its words apart, and says so', async () => {
    const answer = (await (await service.app.request(`/search?q=${encodeURIComponent('ملك البحرين')}`)).json()) as {
      total: number;
      relaxed?: boolean;
      hits: { id: string }[];
    };
    expect(answer.relaxed).toBe(true);
    expect(answer.hits.map((hit) => hit.id)).toContain('x-king-apart');
  });
});

describe('a letter typed twice', () => {
  it('is offered the word written once, not a word of the typed length one letter off', async () => {
    expect((await answer('غزةة')).didYouMean).toBe('غزة');
  });
});
