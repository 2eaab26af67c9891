import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy } from '../classify/taxonomy.js';
import { PROJECT_ROOT } from '../project-root.js';
import type { ArticleHit } from './search-articles.js';
import { atomFeedOf } from './search-feed.js';

const taxonomy = loadTaxonomy(PROJECT_ROOT);

function hit(id: string, published: string | null, extra: Partial<ArticleHit> = {}): ArticleHit {
  return {
    id,
    title: `عنوان ${id}`,
    titleHighlighted: `عنوان ${id}`,
    published,
    source: 'BBC',
    score: null,
    snippets: [],
    topics: [],
    regions: [],
    regions_mentioned: [],
    people: [],
    organizations: [],
    ...extra,
  };
}

const places = {
  self: 'http://news.example/search/feed?q=x',
  searchPage: 'http://news.example/?q=x',
  article: (id: string) => `http://news.example/?article=${encodeURIComponent(id)}`,
};

type Html = { '#text': string; '@_type': 'html' };
type Entry = {
  title: Html;
  id: string;
  link: { '@_href': string };
  updated: string;
  summary?: Html;
  author?: { name: string };
  category?: { '@_term': string; '@_label': string }[];
};
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'category' || name === 'link' }).parse(xml) as {
    feed: {
      title: string;
      id: string;
      updated: string;
      link: { '@_rel': string; '@_href': string }[];
      entry?: (Omit<Entry, 'link'> & { link: Entry['link'][] })[];
    };
  };

describe('atomFeedOf', () => {
  it('lists the dated hits in the order given, each linking its view, with its source, passage, topics and most specific regions', () => {
    const hits = [
      hit('b', '2021-07-27T10:00:00Z', {
        snippets: ['قال <mark>بلينكن</mark> &#38; غيره'],
        topics: ['diplomacy'],
        regions: ['algeria', 'maghreb', 'north-africa', 'africa'],
      }),
      hit('undated', null),
      hit('a', '2021-07-20'),
    ];
    const { feed } = parse(atomFeedOf(hits, 'بحث الأخبار — بلينكن', places, taxonomy));
    expect(feed.title).toBe('بحث الأخبار — بلينكن');
    expect(feed.id).toBe(places.self);
    expect(feed.updated).toBe('2021-07-27T10:00:00.000Z');
    expect(feed.link).toEqual(
      expect.arrayContaining([
        { '@_rel': 'alternate', '@_href': places.searchPage },
        { '@_rel': 'self', '@_href': places.self },
      ]),
    );
    expect(feed.entry!.map((entry) => entry.id)).toEqual([places.article('b'), places.article('a')]);
    const [first] = feed.entry!;
    expect(first!.link[0]!['@_href']).toBe(places.article('b'));
    expect(first!.updated).toBe('2021-07-27T10:00:00.000Z');
    expect(first!.author).toEqual({ name: taxonomy.sourceLabels.get('BBC')!.ar });
    expect(first!.summary).toEqual({ '#text': 'قال <mark>بلينكن</mark> &#38; غيره', '@_type': 'html' });
    expect(first!.category).toEqual([
      { '@_term': 'diplomacy', '@_label': 'دبلوماسية' },
      { '@_term': 'algeria', '@_label': 'الجزائر' },
    ]);
  });

  it('escapes a title as the HTML its type says, and stays well-formed XML', () => {
    const xml = atomFeedOf([hit('x', '2021-01-01', { title: 'A <b> & "C" ]]> end' })], 'feed & <title>', places, taxonomy);
    const { feed } = parse(xml);
    expect(feed.title).toBe('feed & <title>');
    expect(feed.entry![0]!.title).toEqual({ '#text': 'A &#60;b&#62; &#38; &#34;C&#34; ]]&#62; end', '@_type': 'html' });
  });

  it('holds no character XML forbids, though a stored title or passage has one (NUL, ESC, U+FFFE, a lone surrogate)', () => {
    const xml = atomFeedOf(
      [hit('x', '2021-01-01', { title: 'عنوان\u0000مع\u001b تحكم\ufffe', snippets: ['نص\ud800 <mark>الخبر</mark>'] })],
      'feed',
      places,
      taxonomy,
    );
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u);
    expect(parse(xml).feed.entry![0]!.title['#text']).toBe('عنوانمع تحكم');
  });

  it('is a feed without entries, never updated, when nothing is dated: the same feed each time it is asked', () => {
    const empty = atomFeedOf([hit('undated', null)], 't', places, taxonomy);
    const { feed } = parse(empty);
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
    expect(atomFeedOf([], 't', places, taxonomy)).toBe(empty);
  });
});
