import { describe, expect, it } from 'vitest';
import { buildPositionIndex, classifyArticle, findOccurrences, type CompiledTaxonomy, type TokenPattern } from './classify-article.js';
import type { Taxonomy } from './taxonomy.js';

// Tokens stand for analyzed words; each taxonomy term is compiled to the tokens given here.
const pattern = (...tokens: string[]): TokenPattern => ({ tokens: tokens.map((token, offset) => ({ token, offset })) });
const text = (words: string) =>
  buildPositionIndex(
    words
      .split(' ')
      .filter(Boolean)
      .map((token, position) => ({ token, position })),
  );

const taxonomy: Taxonomy = {
  topics: [
    {
      slug: 'sport',
      labels: { ar: 'رياضة', en: 'Sport' },
      terms: ['match', 'matches', 'team', 'goal'],
      ambiguous: { terms: ['team', 'goal'], reason: 'a team of investigators, an aim' },
    },
    { slug: 'economy', labels: { ar: 'اقتصاد', en: 'Economy' }, terms: ['market', 'bank', 'budget'] },
  ],
  topicRules: { minScore: 3, bodyWeight: 1, repeatWeight: 0.5, maxPerTerm: 2, titleWeight: 2, minShareOfBest: 0.6 },
  regions: [
    { slug: 'africa', kind: 'region', labels: { ar: 'أفريقيا', en: 'Africa' }, parents: [], terms: ['africa'], excludeWithin: [], mentionedWithin: [] },
    {
      slug: 'sudan',
      kind: 'country',
      labels: { ar: 'السودان', en: 'Sudan' },
      parents: ['africa'],
      terms: ['sudan'],
      excludeWithin: ['south sudan', 'omar bashir street'],
      mentionedWithin: ['sudan cup'],
      leaders: ['omar bashir', 'bashir'],
    },
    {
      slug: 'mali',
      kind: 'country',
      labels: { ar: 'مالي', en: 'Mali' },
      parents: ['africa'],
      terms: ['mali', 'bamako'],
      excludeWithin: [],
      mentionedWithin: [],
      ambiguous: { terms: ['mali'], requireAnyOf: ['bamako', 'sahel'], reason: 'also "financial"' },
    },
  ],
  regionRules: { minMentions: 2, leadMinMentions: 2, leadTokens: 40 },
  people: [{ slug: 'antony-blinken', labels: { ar: 'أنتوني بلينكن', en: 'Antony Blinken' }, terms: ['blinken', 'antony blinken'], excludeWithin: [] }],
  organizations: [
    { slug: 'african-union', labels: { ar: 'الاتحاد الأفريقي', en: 'African Union' }, terms: ['african union'], excludeWithin: ['african union football'] },
  ],
  sourceLabels: new Map(),
  sourceNames: new Map(),
  teaserParagraphs: new Map(),
  digest: 'test',
};
const compiled: CompiledTaxonomy = {
  taxonomy,
  patterns: new Map([
    ['match', pattern('match')],
    ['matches', pattern('match')],
    ['team', pattern('team')],
    ['goal', pattern('goal')],
    ['market', pattern('market')],
    ['bank', pattern('bank')],
    ['budget', pattern('budget')],
    ['africa', pattern('africa')],
    ['sudan', pattern('sudan')],
    ['south sudan', pattern('south', 'sudan')],
    ['sudan cup', pattern('sudan', 'cup')],
    ['omar bashir', pattern('omar', 'bashir')],
    ['omar bashir street', pattern('omar', 'bashir', 'street')],
    ['bashir', pattern('bashir')],
    ['mali', pattern('mali')],
    ['bamako', pattern('bamako')],
    ['sahel', pattern('sahel')],
    ['blinken', pattern('blinken')],
    ['antony blinken', pattern('antony', 'blinken')],
    ['african union', pattern('african', 'union')],
    ['african union football', pattern('african', 'union', 'football')],
  ]),
};
const classify = (title: string, body: string) => classifyArticle({ title: text(title), body: text(body) }, compiled);
/** Classifies with one topic of the taxonomy changed (given companions, a rule). */
const classifierWithTopic = (slug: string, change: Partial<Taxonomy['topics'][number]>) => {
  const changed: CompiledTaxonomy = {
    ...compiled,
    taxonomy: { ...taxonomy, topics: taxonomy.topics.map((topic) => (topic.slug === slug ? { ...topic, ...change } : topic)) },
  };
  return (title: string, body: string) => classifyArticle({ title: text(title), body: text(body) }, changed);
};

describe('findOccurrences', () => {
  it('finds multi-word patterns at consecutive positions only', () => {
    expect(findOccurrences(pattern('south', 'sudan'), text('south sudan and sudan south'))).toEqual([[0, 1]]);
  });

  it('finds every occurrence among thousands of each word, and only those', () => {
    // Position 3k is south, 3k+1 sudan for every third k, else sea: south sudan at 0, 9, 18 …
    const words = Array.from({ length: 9_000 }, (_, i) => (i % 3 === 0 ? 'south' : i % 9 === 1 ? 'sudan' : 'sea'));
    const found = findOccurrences(pattern('south', 'sudan'), text(words.join(' ')));
    expect(found).toHaveLength(1_000);
    expect(found.slice(0, 3)).toEqual([
      [0, 1],
      [9, 10],
      [18, 19],
    ]);
    expect(found.every(([start, end]) => words[start] === 'south' && words[end] === 'sudan' && end === start + 1)).toBe(true);
  });
});

describe('classifyArticle', () => {
  it('tags a region mentioned twice in the body, or once in the title, with its parents', () => {
    expect(classify('', 'sudan talks sudan').regions).toEqual(['africa', 'sudan']);
    expect(classify('sudan', 'talks').regions).toEqual(['africa', 'sudan']);
    expect(classify('', 'sudan talks').regions).toEqual([]);
  });

  it('does not count an organization inside the longer name of another that holds its own', () => {
    expect(classify('', 'the african union football confederation').organizations).toEqual([]);
    expect(classify('african union football cup', 'the african union summit').organizations).toEqual(['african-union']);
  });

  it('does not count a place inside the longer name of another place', () => {
    expect(classify('', 'south sudan votes in south sudan').regions).toEqual([]);
    expect(classify('', 'south sudan and sudan and sudan').regions).toEqual(['africa', 'sudan']);
  });

  it('counts an ambiguous term only beside its context', () => {
    expect(classify('', 'mali support mali budget').regions).toEqual([]);
    expect(classify('', 'mali support mali bamako').regions).toEqual(['africa', 'mali']);
  });

  it('keeps a region named once in passing as mentioned, not about, with its salience', () => {
    const tags = classify('talks', 'sudan talks');
    expect(tags.regions).toEqual([]);
    expect(tags.regions_mentioned).toEqual(['africa', 'sudan']);
    expect(tags.region_salience).toEqual([{ region: 'sudan', mentions: 1, title: false, leader: false, lead: true }]);
    expect(classify('sudan', 'talks sudan').region_salience).toEqual([{ region: 'sudan', mentions: 2, title: true, leader: false, lead: true }]);
  });

  it('keeps a region named only inside the name of something else (a cup it hosts) as mentioned in passing, never about', () => {
    const tags = classify('sudan cup final', 'the sudan cup final in the sudan cup');
    expect([tags.regions, tags.regions_mentioned]).toEqual([[], ['africa', 'sudan']]);
    expect(tags.region_salience).toEqual([{ region: 'sudan', mentions: 0, title: false, leader: false, lead: false, inPassing: true }]);
    // A leader of one word in the title makes it about the country, as beside the country named.
    expect(classify('bashir opens the sudan cup', 'talks').regions).toEqual(['africa', 'sudan']);
    // Named besides, it counts as ever: the cup's mentions do not.
    expect(classify('sudan cup final', 'talks in sudan').region_salience).toEqual([{ region: 'sudan', mentions: 1, title: false, leader: false, lead: true }]);
  });

  it('tags the country whose leader a title names as about it, and a leader named in the body alone as nothing', () => {
    const tags = classify('omar bashir visits cairo', 'talks');
    expect(tags.regions).toEqual(['africa', 'sudan']);
    expect(tags.regions_mentioned).toEqual(['africa', 'sudan']);
    expect(tags.region_salience).toEqual([{ region: 'sudan', mentions: 0, title: false, leader: true, lead: false }]);
    expect(classify('talks in cairo', 'omar bashir said omar bashir').regions_mentioned).toEqual([]);
    // Inside a longer name that is not the leader (Jim Yong Kim is no Kim Jong-un), nothing either.
    expect(classify('omar bashir street reopens', 'talks').regions).toEqual([]);
    // A leader of one word counts only beside the country named: Kim is many Koreans.
    expect(classify('bashir visits cairo', 'talks').regions).toEqual([]);
    expect(classify('bashir visits cairo', 'talks in sudan').regions).toEqual(['africa', 'sudan']);
  });

  it('reads the lead from the first leadTokens positions of the body', () => {
    const late = `${'word '.repeat(45)}sudan`;
    expect(classify('', late).region_salience).toEqual([{ region: 'sudan', mentions: 1, title: false, leader: false, lead: false }]);
  });

  it('scores a topic by distinct words, so inflections of one word cannot carry it alone', () => {
    expect(classify('', 'match matches match match').topics).toEqual([]); // one word: 1 + 0.5 × 3 capped at 2
    expect(classify('', 'match team goal').topics).toEqual(['sport']);
    expect(classify('match', 'team').topics).toEqual(['sport']); // title 2 + body 1
  });

  it('adds a headline word to what the body says with it: the subject of a short article', () => {
    expect(classify('match', 'the match ended').topics).toEqual(['sport']); // title 2 + the same word in the body 1
    expect(classify('match', 'the game ended').topics).toEqual([]); // title 2 alone
  });

  it('counts a topic’s ambiguous terms only beside one of its other terms', () => {
    expect(classify('team', 'the team met').topics).toEqual([]); // title 2 + body 1, all of it ambiguous
    expect(classify('team goal', 'the team met').topics).toEqual([]);
    expect(classify('team', 'the team met after the match').topics).toEqual(['sport']);
  });

  it('tags a second topic only when its score is a large enough share of the best one', () => {
    // sport 6 (three title words), economy 3: enough alone, under 0.6 × 6 beside sport.
    expect(classify('match goal team', 'market bank budget').topics).toEqual(['sport']);
    // sport 3, economy 3: two subjects alike.
    expect(classify('match', 'goal market bank budget').topics).toEqual(['sport', 'economy']);
    expect(classify('', 'market bank budget').topics).toEqual(['economy']);
  });

  it('keeps a topic beside a companion that outscores it, and not beside others', () => {
    const classifyWith = classifierWithTopic('economy', { companions: ['sport'] });
    // sport 6, economy 3: economy is measured against the best topic but sport, itself.
    expect(classifyWith('match goal team', 'market bank budget').topics).toEqual(['sport', 'economy']);
    // The rule runs one way: sport 3 under 0.6 × economy 6 still drops.
    expect(classifyWith('market bank budget', 'match goal team').topics).toEqual(['economy']);
  });

  it('lets a topic that crowds no other stand beside the topics it outscores', () => {
    const classifyWith = classifierWithTopic('sport', { crowdsNoOther: true });
    // sport 6, economy 3: economy stays, as it would with no sport topic at all.
    expect(classifyWith('match goal team', 'market bank budget').topics).toEqual(['sport', 'economy']);
    // It is crowded itself as any topic: sport 3 under 0.6 × economy 6 drops.
    expect(classifyWith('market bank budget', 'match goal team').topics).toEqual(['economy']);
  });

  it('gives a topic nothing where the title holds one of the words that say the story is another’s', () => {
    const classifyWith = classifierWithTopic('sport', { notWhereTitleHas: ['bank'] });
    expect(classifyWith('match', 'goal team match').topics).toEqual(['sport']);
    expect(classifyWith('match bank', 'goal team match').topics).toEqual([]);
    // In the body it says nothing: the title decides what the story is.
    expect(classifyWith('match', 'goal team match bank').topics).toEqual(['sport']);
  });

  it('drops a topic where one it yields to is tagged with as high a score', () => {
    const classifyWith = classifierWithTopic('sport', { yieldsTo: ['economy'] });
    // sport 3, economy 3: both tagged by the share rule; sport yields.
    expect(classifyWith('match', 'goal market bank budget').topics).toEqual(['economy']);
    // sport 4, economy 3: it outscores what it yields to, and stays.
    expect(classifyWith('match', 'goal team market bank budget').topics).toEqual(['sport', 'economy']);
    // Economy's own score alone does not take sport's place when economy is not tagged.
    expect(classifyWith('match goal team', 'bank').topics).toEqual(['sport']);
  });

  it('names the people an article names', () => {
    expect(classify('', 'talks with antony blinken').people).toEqual(['antony-blinken']);
    expect(classify('', 'talks').people).toEqual([]);
  });
});
