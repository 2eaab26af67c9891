import { describe, expect, it } from 'vitest';
import {
  buildSearchBody,
  countQueryTokens,
  EVERY_WORD,
  facetsOverHitsBody,
  NO_DATE,
  planQuery,
  planSynonymFields,
  QueryTooLongError,
  SPACED_ABD,
  withoutRepeatedWords,
  wordsToFuzz,
  type QueryShape,
  type SearchRequest,
} from './build-search-body.js';
import { QUERY_SWITCHES_OFF, type SearchProfile } from './search-profile.js';
import type { SearchBody } from '../engine/search-engine.js';
import { INDEX_ANALYZER, loadIndexDefinition } from '../index/index-definition.js';
import { PROJECT_ROOT } from '../project-root.js';

const profile: SearchProfile = {
  name: 'test',
  description: 'test profile',
  public: true,
  version: 1,
  fields: { title: 2, body: 1 },
  tieBreaker: 0.2,
  minimumShouldMatch: '100%',
  phrase: { fields: { 'body.exact': 3 }, slop: 1 },
  highlight: { fragmentSize: 100, fragments: 1 },
  query: QUERY_SWITCHES_OFF,
};
const shape: QueryShape = {
  maxClauses: 1024,
  maxSynonymAlternatives: 9,
  plainAnalyzers: { title: 'plain', body: 'plain', 'title.exact': 'plain_exact', 'body.exact': 'plain_exact' },
  stopwords: new Set(['في', 'الي']),
  cliticPrefixes: ['و', 'ل'],
};
const request: SearchRequest = { filters: { topics: [], regions: [], people: [], organizations: [] }, from: 0, size: 10, sort: 'relevance', facetSize: 5 };
/** The per-field matches of a query's text clause (beside them, where every word is asked, each word in any field). */
function inOneField(query: unknown): unknown[] {
  const text = (query as { bool: { must: Record<string, unknown>[] } }).bool.must[0]!;
  const disMax = (text.dis_max ?? (text as { bool: { should: { dis_max: unknown }[] } }).bool.should[0]!.dis_max) as { queries: unknown[] };
  return disMax.queries;
}

describe('buildSearchBody', () => {
  it('puts the text into one match per field weighted by the profile, best field first, phrases without synonyms', () => {
    const body = buildSearchBody({ ...request, q: ' بلينكن ' }, profile, shape);
    expect(body.query).toEqual({
      bool: {
        must: [
          {
            dis_max: {
              tie_breaker: 0.2,
              queries: [
                { match: { title: { query: 'بلينكن', boost: 2, minimum_should_match: '100%' } } },
                { match: { body: { query: 'بلينكن', boost: 1, minimum_should_match: '100%' } } },
              ],
            },
          },
        ],
        should: [{ match_phrase: { 'body.exact': { query: 'بلينكن', slop: 1, boost: 3, analyzer: 'plain_exact' } } }],
        filter: [],
        // A story's second copy under another id is never listed.
        must_not: [{ exists: { field: 'duplicate_of' } }],
      },
    });
    expect(body.post_filter).toBeUndefined();
  });

  it('asks a title for the question as typed, at the title phrase weight, within the clause budget', () => {
    const titled = { ...profile, phrase: { fields: { 'title.exact': 4, 'body.exact': 2 }, slop: 1 } };
    const asked = buildSearchBody({ ...request, q: 'جمال خاشقجي', question: 'من هو جمال خاشقجي؟' }, titled, shape);
    expect((asked.query as { bool: { should: unknown[] } }).bool.should).toContainEqual({
      match_phrase: { 'title.exact': { query: 'من هو جمال خاشقجي؟', boost: 4, analyzer: 'plain_exact' } },
    });
    // No title phrase boost in the profile, no question clause.
    const untitled = buildSearchBody({ ...request, q: 'جمال خاشقجي', question: 'من هو جمال خاشقجي؟' }, profile, shape);
    expect(JSON.stringify(untitled.query)).not.toContain('من هو');
    expect(planQuery(10, titled, shape, 1).leaves).toBe(planQuery(10, titled, shape).leaves + 1);
  });

  it('leaves the phrase boost out for a text that is only listed names, whose spelling typed is no evidence', () => {
    const named = buildSearchBody({ ...request, q: 'ترمب', onlyListedNames: [{ text: 'ترمب', cliticForms: [] }] }, profile, shape);
    expect((named.query as { bool: { should: unknown[]; must: unknown[] } }).bool.should).toEqual([]);
    expect((named.query as { bool: { must: unknown[] } }).bool.must).toEqual(
      (buildSearchBody({ ...request, q: 'ترمب' }, profile, shape).query as { bool: { must: unknown[] } }).bool.must,
    );
  });

  it('lifts a title naming each listed name typed, with a clitic too where the profile asks', () => {
    const lifting = { ...profile, phrase: { fields: { 'title.exact': 4 }, slop: 1 }, query: { ...profile.query, listedNameInTitle: true } };
    const names = [
      { text: 'ترمب', cliticForms: ['وترمب', 'لترمب'] },
      { text: 'بوتين', cliticForms: [] },
    ];
    const should = (body: SearchBody) => (body.query as { bool: { should: unknown[] } }).bool.should;
    const asWritten = buildSearchBody({ ...request, q: 'ترمب بوتين', onlyListedNames: names }, lifting, shape);
    expect(should(asWritten)).toEqual([{ match: { 'title.exact': { query: 'ترمب بوتين', operator: 'and', boost: 4 } } }]);
    const withClitics = { ...lifting, query: { ...lifting.query, nameInTitleCliticForms: true } };
    const clitic = buildSearchBody({ ...request, q: 'ترمب بوتين', onlyListedNames: names }, withClitics, shape);
    expect(should(clitic)).toEqual([
      {
        bool: {
          must: [
            {
              dis_max: {
                queries: [
                  { match: { 'title.exact': { query: 'ترمب', operator: 'and' } } },
                  { match: { 'title.exact': { query: 'وترمب لترمب', analyzer: 'plain_exact' } } },
                ],
              },
            },
            { match: { 'title.exact': { query: 'بوتين', operator: 'and' } } },
          ],
          boost: 4,
        },
      },
    ]);
  });

  it("looks for a Latin query's Arabic order as a phrase on the stemmed fields, at the exact phrase boosts' weights", () => {
    const ordered = buildSearchBody({ ...request, q: 'turkish president', arabicOrder: 'الرئيس التركي' }, profile, shape);
    const should = (ordered.query as { bool: { should: unknown[] } }).bool.should;
    expect(should).toContainEqual({ match_phrase: { body: { query: 'الرئيس التركي', slop: 1, analyzer: shape.plainAnalyzers.body, boost: 3 } } });
    expect(JSON.stringify(should)).toContain('"query":"turkish president"');
    // Every word put in Arabic: the phrase as typed is left out.
    const translated = buildSearchBody({ ...request, q: 'turkish president', arabicOrder: 'الرئيس التركي', translatedWhole: true }, profile, shape);
    expect((translated.query as { bool: { should: unknown[] } }).bool.should).toEqual(
      should.filter((clause) => !JSON.stringify(clause).includes('"query":"turkish president"')),
    );
    // Only listed names: no phrase of any kind.
    const named = buildSearchBody(
      {
        ...request,
        q: 'trump putin',
        arabicOrder: 'بوتين ترامب',
        onlyListedNames: [
          { text: 'trump', cliticForms: [] },
          { text: 'putin', cliticForms: [] },
        ],
      },
      profile,
      shape,
    );
    expect((named.query as { bool: { should: unknown[] } }).bool.should).toEqual([]);
  });

  it("asks the highlighter alone for the whole forms of the names typed, beside the query's own matches", () => {
    const plain = buildSearchBody({ ...request, q: 'داعش' }, profile, shape);
    expect(plain.highlight).not.toHaveProperty('highlight_query');
    const whole = buildSearchBody({ ...request, q: 'داعش', fullNameForms: ['تنظيم الدولة الإسلامية'] }, profile, shape);
    expect(whole.query).toEqual(plain.query);
    expect((whole.highlight as { highlight_query: unknown }).highlight_query).toEqual({
      bool: {
        should: [plain.query, { multi_match: { query: 'تنظيم الدولة الإسلامية', fields: ['title', 'body'], type: 'phrase', analyzer: INDEX_ANALYZER } }],
      },
    });
  });

  it('asks a repeated word once', () => {
    expect(withoutRepeatedWords('بلينكن  بلينكن Blinken blinken بلينكن')).toBe('بلينكن Blinken');
    const body = buildSearchBody({ ...request, q: 'بلينكن بلينكن بلينكن' }, profile, shape);
    expect(JSON.stringify(body.query)).not.toContain('بلينكن بلينكن');
  });

  it('counts tokens as the engine will see them, ligatures spelled out', () => {
    expect(countQueryTokens('Blinken-Lamamra  ليبيا')).toBe(3);
    expect(countQueryTokens('\uFDFA')).toBe(4); // ﷺ is four words
    expect(countQueryTokens('علي عبد الله صالح')).toBe(3); // the index joins عبد to the name after it
  });

  it("joins عبد to the name after it with the index's own char filter pattern", () => {
    const charFilters = (loadIndexDefinition(PROJECT_ROOT).settings as { analysis: { char_filter: Record<string, { pattern?: string }> } }).analysis
      .char_filter;
    expect(SPACED_ABD.source).toBe(charFilters.joined_abd_names!.pattern);
  });

  it('keeps synonyms where the clause budget allows, and drops them field by field as the query grows', () => {
    const four = {
      ...profile,
      fields: { title: 3, 'title.exact': 4, body: 1, 'body.exact': 1.5 },
      phrase: { fields: { 'title.exact': 4, 'body.exact': 2 }, slop: 2 },
    };
    // 1,021 leaves to spend (1,024 less two phrases and the copies left out): 9 alternatives in each of 4 fields is 36 a token.
    expect([...planSynonymFields(28, four, shape)]).toEqual(['title', 'title.exact', 'body', 'body.exact']);
    expect([...planSynonymFields(29, four, shape)]).toEqual(['title', 'body']); // 29 × (2 × 9 + 2) = 580
    expect([...planSynonymFields(52, four, shape)]).toEqual([]); // 52 × 20 = 1,040: over
    expect([...planSynonymFields(255, four, shape)]).toEqual([]); // 255 × 4 = 1,020
    expect(() => planSynonymFields(256, four, shape)).toThrow(QueryTooLongError);
    expect(() => planSynonymFields(256, four, shape)).toThrow('at most 255 words');
    // Phrases, exclusions and flags that spend the whole budget leave room for no word: said so, never "at most -18 words".
    expect(() => planQuery(1, four, shape, 2_000)).toThrow(
      'too much to search at once: quoted phrases, words left out, flags and names each cost more than a word',
    );
  });

  it('adds typo tolerance as fuzzy matches on the stemmed fields, weighted lower, within the clause budget', () => {
    const fuzzy = {
      ...profile,
      query: { ...profile.query, fuzzy: { fields: { title: 0.5 }, fuzziness: 'AUTO:5,9', prefixLength: 1, maxExpansions: 10 } },
    };
    const body = buildSearchBody({ ...request, q: 'ترامب' }, fuzzy, shape);
    const queries = (body.query as { bool: { must: [{ dis_max: { queries: unknown[] } }] } }).bool.must[0].dis_max.queries;
    expect(queries[2]).toEqual({
      match: {
        title: {
          query: 'ترامب',
          boost: 0.5,
          minimum_should_match: '100%',
          fuzziness: 'AUTO:5,9',
          prefix_length: 1,
          max_expansions: 10,
          analyzer: 'plain',
        },
      },
    });
    // 1,022 leaves: a token costs 2 × 9 with synonyms plus 10 fuzzy expansions = 28; the phrase and the copies left out 2.
    expect(planQuery(36, fuzzy, shape)).toEqual({ synonymFields: new Set(['title', 'body']), fuzzy: true, leaves: 36 * 28 + 2 });
    expect(planQuery(37, fuzzy, shape)).toEqual({ synonymFields: new Set(['title', 'body']), fuzzy: false, leaves: 37 * 18 + 2 }); // typos go first
    expect(planQuery(57, fuzzy, shape)).toEqual({ synonymFields: new Set(), fuzzy: true, leaves: 57 * 12 + 2 }); // 57 × (2 + 10) = 684
    const long = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ');
    const leaves = (JSON.stringify(buildSearchBody({ ...request, q: long }, fuzzy, shape).query).match(/"fuzziness"/g) ?? []).length;
    expect(leaves).toBe(0); // 120 × 12 = 1,440: over, so no fuzzy clause
    // Newest first, one edit at most, from the same word length on.
    const newest = JSON.stringify(buildSearchBody({ ...request, q: 'الكركرات', sort: 'newest' }, fuzzy, shape).query);
    expect(newest.match(/"fuzziness":"[^"]*"/g)).toEqual(['"fuzziness":"AUTO:5,1000"']);
    const numeric = { ...fuzzy, query: { ...fuzzy.query, fuzzy: { ...fuzzy.query.fuzzy, fuzziness: '2' } } };
    expect(JSON.stringify(buildSearchBody({ ...request, q: 'الكركرات', sort: 'newest' }, numeric, shape).query)).toContain('"fuzziness":"1"');
  });

  it('adds feedback terms as term queries on the stemmed fields at the feedback weight, the original at the rest', () => {
    const feedback = {
      ...profile,
      fields: { ...profile.fields, 'body.exact': 1 },
      query: { ...profile.query, feedback: { documents: 5, terms: 10, weight: 0.25 } },
    };
    const plain = buildSearchBody({ ...request, q: 'سد النهضة' }, feedback, shape);
    const expanded = buildSearchBody({ ...request, q: 'سد النهضة' }, feedback, shape, [
      { term: 'اثيوبي', weight: 0.75 },
      { term: 'نيل', weight: 0.25 },
    ]);
    const original = plain.query as { bool: { must: unknown[]; should: unknown[]; filter: unknown[] } };
    // Two query tokens: the expansion weighs as much as the original before the mix, as in RM3.
    expect(expanded.query).toEqual({
      bool: {
        must: [{ bool: { must: original.bool.must, should: original.bool.should, boost: 0.75 } }],
        should: [
          {
            bool: {
              should: [
                { term: { title: { value: 'اثيوبي', boost: 2 * 0.75 * 2 } } },
                { term: { body: { value: 'اثيوبي', boost: 1 * 0.75 * 2 } } },
                { term: { title: { value: 'نيل', boost: 2 * 0.25 * 2 } } },
                { term: { body: { value: 'نيل', boost: 1 * 0.25 * 2 } } },
              ],
              boost: 0.25,
            },
          },
        ],
        filter: [],
        must_not: [{ exists: { field: 'duplicate_of' } }],
      },
    });
    expect(buildSearchBody({ ...request, q: 'سد النهضة' }, profile, shape, [{ term: 'نيل', weight: 1 }]).query).toEqual(
      buildSearchBody({ ...request, q: 'سد النهضة' }, profile, shape).query,
    ); // feedback off: terms ignored
  });

  it('asks only the feedback terms that fit in the clause budget left by the query', () => {
    const feedback = { ...profile, query: { ...profile.query, feedback: { documents: 5, terms: 50, weight: 0.3 } } };
    const terms = Array.from({ length: 50 }, (_, i) => ({ term: `t${i}`, weight: 1 / 50 }));
    const countTermLeaves = (q: string) => (JSON.stringify(buildSearchBody({ ...request, q }, feedback, shape, terms).query).match(/"term":/g) ?? []).length;
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    // One word with synonyms on both fields costs 18 leaves, the phrase and the copies left out 2: all 50 terms × 2 fields fit.
    expect(countTermLeaves('w')).toBe(100);
    // 56 words: 56 × 18 + 2 = 1,010 leaves, 14 left: 7 terms on 2 fields.
    expect(planQuery(56, feedback, shape).leaves).toBe(1010);
    expect(countTermLeaves(words(56))).toBe(14);
    // 57 words: 1,028 with synonyms, so none on any field: 57 × 2 + 2 = 116, and every term fits again.
    expect(countTermLeaves(words(57))).toBe(100);
    // 511 words without synonyms: 1,024 leaves, no room for a term: no expansion clause at all.
    expect(countTermLeaves(words(511))).toBe(0);
    expect(buildSearchBody({ ...request, q: words(511) }, feedback, shape, terms).query).toEqual(
      buildSearchBody({ ...request, q: words(511) }, feedback, shape).query,
    );
  });

  it('fuzzes only the words long enough for an edit, counted without the article, and not known as typed', () => {
    expect(wordsToFuzz('تشرين الأول', 'AUTO:4,8')).toBe('تشرين');
    expect(wordsToFuzz('مالي هود', 'AUTO:5,9')).toBe('');
    expect(wordsToFuzz('Blinken في الجزائر', 'AUTO:5,9')).toBe('Blinken الجزائر');
    expect(wordsToFuzz('مالي', 'AUTO')).toBe('مالي');
    expect(wordsToFuzz('انتخابات 2014', 'AUTO:4,8')).toBe('انتخابات');
    expect(wordsToFuzz('مالي', '0')).toBe('');
    expect(wordsToFuzz('اللاجئين بلنكن', 'AUTO:4,8', new Set(['اللاجئين']))).toBe('بلنكن');
    // Longer than any word: no slip of one (the engine's automaton for 500 letters had taken 0.7 s).
    expect(wordsToFuzz(`${'ب'.repeat(21)} الانتخابات`, 'AUTO:4,8')).toBe('الانتخابات');
    const fuzzy = { ...profile, query: { ...profile.query, fuzzy: { fields: { title: 0.5 }, fuzziness: 'AUTO:5,9', prefixLength: 1, maxExpansions: 10 } } };
    expect(JSON.stringify(buildSearchBody({ ...request, q: 'مالي' }, fuzzy, shape).query)).not.toContain('fuzziness');
    const known = JSON.stringify(
      buildSearchBody(
        { ...request, q: 'اللاجئين', knownWords: ['اللاجئين'] },
        { ...fuzzy, query: { ...fuzzy.query, fuzzy: { ...fuzzy.query.fuzzy, fuzziness: 'AUTO:4,8' } } },
        shape,
      ).query,
    );
    expect(known).not.toContain('fuzziness');
  });

  it('looks for a quoted phrase as written, its first word with each clitic, its clauses counted against the limit', () => {
    const body = buildSearchBody({ ...request, q: '"كرة القدم"', phrases: ['كرة القدم'] }, profile, shape);
    const filter = JSON.stringify((body.query as { bool: { filter: unknown[] } }).bool.filter);
    for (const form of ['كرة القدم', 'وكرة القدم', 'لكرة القدم']) expect(filter).toContain(`"query":"${form}","fields":["title.exact","body.exact"]`);
    expect(filter).not.toContain('"fields":["title","body"]');
    const mostWords = (phrases: string[]) => {
      for (let words = 1; ; words++) {
        const q = Array.from({ length: words }, (_, i) => `w${i}`).join(' ');
        try {
          buildSearchBody({ ...request, q, phrases, exclude: phrases }, profile, shape);
        } catch (error) {
          if (error instanceof QueryTooLongError) return words - 1;
          throw error;
        }
      }
    };
    const phrases = Array.from({ length: 10 }, (_, i) => `كلمة${i} أخرى`);
    expect(mostWords(phrases)).toBeLessThan(mostWords([]));
  });

  it('with cliticForms, boosts the text as a phrase in each clitic form of its first word, a field counting its best once', () => {
    const withForms = { ...profile, phrase: { ...profile.phrase, cliticForms: true } };
    const should = (body: SearchBody) => JSON.stringify((body.query as { bool: { should: unknown[] } }).bool.should);
    const boosted = should(buildSearchBody({ ...request, q: 'كرة القدم' }, withForms, shape));
    expect(boosted).toContain('"dis_max"');
    for (const form of ['كرة القدم', 'وكرة القدم', 'لكرة القدم']) expect(boosted).toContain(`"query":"${form}"`);
    expect(should(buildSearchBody({ ...request, q: 'كرة' }, withForms, shape))).not.toContain('لكرة');
  });

  it('asks the exact fields, which keep stopwords, for the other words only; phrases and the stemmed fields get the text', () => {
    const exact = { ...profile, fields: { body: 1, 'body.exact': 0.5 } };
    const body = buildSearchBody({ ...request, q: 'الفيضانات في الهند وصلت إلى' }, exact, shape);
    const asked = JSON.stringify(body.query);
    const matches = inOneField(body.query) as Record<string, Record<string, { query: string }>>[];
    expect(matches.map((m) => Object.values(m.match!)[0]!.query)).toEqual(['الفيضانات في الهند وصلت إلى', 'الفيضانات الهند وصلت']);
    expect(asked).toContain('"match_phrase":{"body.exact":{"query":"الفيضانات في الهند وصلت إلى"');
    const alone = buildSearchBody({ ...request, q: 'في' }, exact, shape);
    expect(JSON.stringify(alone.query)).toContain('"body.exact":{"query":"في"');
  });

  it('searches a field without its synonyms through its plain analyzer', () => {
    const long = Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ');
    const body = buildSearchBody({ ...request, q: long }, profile, shape);
    const matches = inOneField(body.query) as Record<string, Record<string, { analyzer?: string }>>[];
    expect(matches.map((m) => Object.values(m.match!)[0]!.analyzer)).toEqual(['plain', 'plain']);
  });

  it('keeps query syntax in the user text as a plain string', () => {
    const q = '{"query":{"match_all":{}}}';
    const body = buildSearchBody({ ...request, q }, profile, shape);
    // As typed, or one word of it where each word is asked for in any field.
    const strings = (JSON.stringify(body).match(/"query":"[^"\\]*(\\.[^"\\]*)*"/g) ?? []).map((found) => JSON.parse(found.slice('"query":'.length)) as string);
    expect(strings).toContain(q);
    expect(strings.every((found) => found === q || (/^\w+$/u.test(found) && q.includes(found)))).toBe(true);
    expect(JSON.stringify(body)).not.toContain('"match_all":{}}}"');
  });

  it('matches everything without text and sorts newest first on request', () => {
    const body = buildSearchBody({ ...request, sort: 'newest' }, profile, shape);
    expect(body.query).toEqual({ bool: { must: [{ match_all: {} }], should: [], filter: [], must_not: [{ exists: { field: 'duplicate_of' } }] } });
    expect(body.sort).toEqual([{ published: { order: 'desc', missing: NO_DATE } }, { id: 'asc' }]);
  });
  it("asks for every word newest first, and for the profile's share ranked by relevance or relaxed", () => {
    const rules = (body: SearchBody) => new Set(JSON.stringify(body.query).match(/"minimum_should_match":"[^"]*"/g));
    const q = 'محمد بن سلمان';
    expect(rules(buildSearchBody({ ...request, q, sort: 'newest' }, profile, shape))).toEqual(new Set(['"minimum_should_match":"100%"']));
    expect(rules(buildSearchBody({ ...request, q }, profile, shape))).toEqual(new Set([`"minimum_should_match":"${profile.minimumShouldMatch}"`]));
    expect(rules(buildSearchBody({ ...request, q, sort: 'newest', relaxed: true }, profile, shape))).toEqual(new Set(['"minimum_should_match":"1"']));
    // Oldest first asks for the articles newest first lists.
    expect(buildSearchBody({ ...request, q, sort: 'oldest' }, profile, shape).query).toEqual(
      buildSearchBody({ ...request, q, sort: 'newest' }, profile, shape).query,
    );
  });

  it('resumes after a cursor instead of an offset', () => {
    const body = buildSearchBody({ ...request, searchAfter: [1.5, 1627344000000, '004_x'] }, profile, shape);
    expect(body.search_after).toEqual([1.5, 1627344000000, '004_x']);
    expect(body.from).toBeUndefined();
    expect(body.sort).toEqual(['_score', { published: { order: 'desc', missing: NO_DATE } }, { id: 'asc' }]);
  });

  it('filters facets after counting, each facet counted under the other facets only', () => {
    const body = buildSearchBody({ ...request, filters: { ...request.filters, topics: ['economy', 'sport'], regions: ['algeria'] } }, profile, shape);
    const topics = { terms: { topics: ['economy', 'sport'] } };
    const regions = { terms: { regions: ['algeria'] } };
    expect(body.post_filter).toEqual({ bool: { filter: [topics, regions] } });
    expect(body.aggs).toEqual({
      topics: {
        filter: { bool: { filter: [regions] } },
        aggs: {
          values: { terms: { field: 'topics', size: 5 } },
          selected: { terms: { field: 'topics', include: ['economy', 'sport'], size: 2, min_doc_count: 0 } },
        },
      },
      regions: {
        filter: { bool: { filter: [topics] } },
        aggs: { values: { terms: { field: 'regions', size: 5 } }, selected: { terms: { field: 'regions', include: ['algeria'], size: 1, min_doc_count: 0 } } },
      },
      regions_mentioned: { filter: { bool: { filter: [topics, regions] } }, aggs: { values: { terms: { field: 'regions_mentioned', size: 5 } } } },
      people: { filter: { bool: { filter: [topics, regions] } }, aggs: { values: { terms: { field: 'people', size: 5 } } } },
      organizations: { filter: { bool: { filter: [topics, regions] } }, aggs: { values: { terms: { field: 'organizations', size: 5 } } } },
      source: { filter: { bool: { filter: [topics, regions] } }, aggs: { values: { terms: { field: 'source', size: 5 } } } },
      published: {
        filter: { bool: { filter: [topics, regions] } },
        aggs: { months: { date_histogram: { field: 'published', calendar_interval: 'month', format: 'yyyy-MM', min_doc_count: 1 } } },
      },
    });
  });

  it('counts the facets over the articles holding every word when some of the words find an article', () => {
    const anyWord = {
      ...profile,
      minimumShouldMatch: '1',
      query: { ...profile.query, fuzzy: { fields: { title: 0.5 }, fuzziness: 'AUTO:4,8', prefixLength: 1, maxExpansions: 10 } },
    };
    const body = buildSearchBody({ ...request, q: 'كأس العالم' }, anyWord, shape);
    const { [EVERY_WORD]: everyWord, ...others } = body.aggs as Record<string, { filter: unknown; aggs: unknown }>;
    expect(others).toEqual({});
    // The articles the newest-first list holds, counted as it counts them.
    const newest = buildSearchBody({ ...request, q: 'كأس العالم', sort: 'newest' }, anyWord, shape);
    expect(everyWord!.filter).toEqual((newest.query as { bool: { must: unknown[] } }).bool.must[0]);
    expect(everyWord!.aggs).toEqual(newest.aggs);
    expect(facetsOverHitsBody(body)).toEqual({ query: body.query, aggs: newest.aggs, size: 0, track_total_hits: false });
    // One word but stopwords, every word asked already, or any word after a relaxation: the facets count the hits.
    for (const asked of [{ q: 'في العالم' }, { q: 'كأس العالم', sort: 'newest' as const }, { q: 'كأس العالم', relaxed: true }]) {
      expect(buildSearchBody({ ...request, ...asked }, anyWord, shape).aggs).not.toHaveProperty(EVERY_WORD);
    }
  });

  it("lifts the articles holding every word by the profile's allWords boost, where any word may match", () => {
    const anyWord = { ...profile, minimumShouldMatch: '1' };
    const lifting = { ...anyWord, query: { ...anyWord.query, allWords: { boost: 0.5, maxWords: 3 } } };
    const should = (body: SearchBody) => (body.query as { bool: { should: unknown[]; must: { dis_max: unknown }[] } }).bool;
    const lifted = should(buildSearchBody({ ...request, q: 'بوتين ماكرون' }, lifting, shape));
    const plain = should(buildSearchBody({ ...request, q: 'بوتين ماكرون' }, anyWord, shape));
    expect(lifted.should).toHaveLength(plain.should.length + 1);
    const allWords = lifted.should.find((clause) => (clause as { bool?: { boost?: number } }).bool?.boost === 0.5) as { bool: { must: unknown[] } };
    // The same text match as the one that finds the hits, every word required.
    expect(JSON.stringify(allWords.bool.must[0])).toBe(
      JSON.stringify(lifted.must[0]).replaceAll('"minimum_should_match":"1"', '"minimum_should_match":"100%"'),
    );
    // One word but stopwords, more words than maxWords, every word required already, any word after a relaxation, or a question: nothing to lift.
    for (const asked of [
      { q: 'في ماكرون' },
      { q: 'بوتين ماكرون ميركل ترامب' },
      { q: 'بوتين ماكرون', sort: 'newest' as const },
      { q: 'بوتين ماكرون', relaxed: true },
      { q: 'بوتين ماكرون', question: 'من هما بوتين وماكرون' },
    ]) {
      const body = buildSearchBody({ ...request, ...asked }, lifting, shape);
      expect(should(body).should).toEqual(should(buildSearchBody({ ...request, ...asked }, anyWord, shape)).should);
    }
  });

  it('narrows by publication date in the query, so facets count within the range', () => {
    const body = buildSearchBody({ ...request, dateFrom: '2021-01-01', dateTo: '2021-12-31' }, profile, shape);
    expect((body.query as { bool: { filter: unknown[] } }).bool.filter).toEqual([{ range: { published: { gte: '2021-01-01', lte: '2021-12-31' } } }]);
  });
});
