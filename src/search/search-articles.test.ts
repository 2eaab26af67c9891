import { describe, expect, it } from 'vitest';
import { loadIndexDefinition } from '../index/index-definition.js';
import { loadRunOnRepairer } from '../ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../project-root.js';
import { planSynonymFields, queryShapeOf } from './build-search-body.js';
import { articleSearchBody, changesNumberedWord } from './search-articles.js';
import { loadSearchProfile } from './search-profile.js';
import { loadArabicOfLatin, loadLatinNameWords, loadLatinSpellings, loadListedNameWords } from './understand-query.js';

describe('typo tolerance in the body a search sends', () => {
  const profile = loadSearchProfile(PROJECT_ROOT, 'default');
  const shape = queryShapeOf(loadIndexDefinition(PROJECT_ROOT), 1024);
  const repairer = loadRunOnRepairer(PROJECT_ROOT);
  const request = { filters: {}, from: 0, size: 10, sort: 'relevance' as const, facetSize: 5 };
  const fuzzes = (q: string, listedNameWords: ReadonlySet<string>) =>
    JSON.stringify(articleSearchBody({ ...request, q }, profile, shape, { aids: { questionWords: new Set(), repairer, listedNameWords } })).includes(
      'fuzziness',
    );

  it('leaves a name of the synonym lists as typed, however rare in the corpus', () => {
    const listed = loadListedNameWords(PROJECT_ROOT);
    expect(fuzzes('العمامرة', new Set())).toBe(true); // rare in 2018: one edit from المؤامرة
    expect(fuzzes('العمامرة', listed)).toBe(false);
    expect(fuzzes('الانتخبات', listed)).toBe(true); // a typo is still fuzzed
  });
});

describe('the respelling a search asks for', () => {
  const profile = loadSearchProfile(PROJECT_ROOT, 'default');
  const shape = queryShapeOf(loadIndexDefinition(PROJECT_ROOT), 1024);
  const aids = {
    questionWords: new Set<string>(),
    latinNameWords: loadLatinNameWords(PROJECT_ROOT),
    latinSpellings: loadLatinSpellings(PROJECT_ROOT),
    listedNameWords: loadListedNameWords(PROJECT_ROOT),
    arabicOfLatin: loadArabicOfLatin(PROJECT_ROOT),
  };
  const askedOf = (q: string) =>
    (
      articleSearchBody({ filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: 5, q }, profile, shape, { aids, spellcheck: true }).suggest as
        { text?: string } | undefined
    )?.text;

  it('is not asked of a word longer than any word, which would cost the engine its time', () => {
    expect(askedOf('مصر')).toBe('مصر');
    expect(askedOf(`مصر ${'ثجح'.repeat(10)}`)).toBeUndefined();
  });

  it('is asked of the Latin names as searched, so that it offers no other name for them', () => {
    expect(askedOf('Mousl')).toBe('mosul'); // searched as Mosul; asked as typed, the suggester offered Musk
    expect(askedOf('Imran Kahn')).toBe('imran khan');
    expect(askedOf('Mosul')).toBe('Mosul');
  });
});

describe('the phrase boost of a Latin query put in Arabic', () => {
  const shape = queryShapeOf(loadIndexDefinition(PROJECT_ROOT), 1024);
  const aids = { questionWords: new Set<string>(), arabicOfLatin: loadArabicOfLatin(PROJECT_ROOT) };
  const phraseBoosts = (q: string, profileName: string) => {
    const body = articleSearchBody(
      { filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: 5, q },
      loadSearchProfile(PROJECT_ROOT, profileName),
      shape,
      {
        aids,
      },
    );
    return (body.query as { bool: { should: { match_phrase?: Record<string, { query: string }> }[] } }).bool.should.flatMap((clause) =>
      Object.entries(clause.match_phrase ?? {}).map(([field, { query }]) => `${field}: ${query}`),
    );
  };

  it('is on the Arabic alone, a listed phrase of one rule too: an Arabic article holds the English only in a quote', () => {
    expect(phraseBoosts('world cup', 'default')).toEqual(['title: كأس العالم', 'body: كأس العالم']);
    expect(phraseBoosts('world cup', 'default-v10')).toEqual(['title.exact: world cup', 'body.exact: world cup']);
    // A word the lists do not spell keeps the phrase as typed, and no Arabic order is asked.
    expect(phraseBoosts('world cup qwzx', 'default')).toEqual(['title.exact: world cup qwzx', 'body.exact: world cup qwzx']);
  });
});

describe('a Latin query too long for its synonyms', () => {
  const profile = loadSearchProfile(PROJECT_ROOT, 'default');
  const shape = queryShapeOf(loadIndexDefinition(PROJECT_ROOT), 1024);
  const aids = { questionWords: new Set<string>(), arabicOfLatin: loadArabicOfLatin(PROJECT_ROOT) };
  const searched = (q: string) => {
    const body = articleSearchBody({ filters: {}, from: 0, size: 10, sort: 'relevance', facetSize: 5, q }, profile, shape, { aids });
    return JSON.stringify((body.query as { bool: { must: unknown[] } }).bool.must);
  };
  // Made-up words, each another, none on the lists: as many as leave no field its synonyms.
  const words = (count: number) =>
    Array.from({ length: count }, (_, i) => `qz${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
  const fewestWithoutSynonyms = (() => {
    let count = 2;
    while (planSynonymFields(count, profile, shape).size > 0) count++;
    return count;
  })();

  it("searches the lists' names in their Arabic, which only the synonyms had reached", () => {
    const long = searched(['Libya', ...words(fewestWithoutSynonyms - 1)].join(' '));
    expect(long).toContain('ليبيا');
    expect(long).not.toContain('Libya');
    // With its synonyms, the name stays as typed, for them to read.
    expect(searched(['Libya', ...words(2)].join(' '))).toContain('Libya');
  });
});

describe('a respelling of a word with a digit', () => {
  it('is no correction: a number or a name with one is typed as meant', () => {
    expect(changesNumberedWord('ف16', '116')).toBe(true);
    expect(changesNumberedWord('صواريخ س400', 'صواريخ 1400')).toBe(true);
    expect(changesNumberedWord('كأس العالمم 2018', 'كأس العالم 2018')).toBe(false);
    expect(changesNumberedWord('الجزاير', 'الجزائر')).toBe(false);
  });
});
