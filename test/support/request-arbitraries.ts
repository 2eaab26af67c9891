import fc from 'fast-check';

/**
 * What the generated requests may draw on: the served taxonomy's slugs, the ranking profiles and
 * the ids of the seeded articles, so that valid values are as likely as invalid ones.
 */
export interface ApiWorld {
  slugs: Record<ListParam, string[]>;
  profiles: string[];
  articleIds: string[];
}

export const LIST_PARAMS = ['topic', 'region', 'person', 'organization'] as const;
export type ListParam = (typeof LIST_PARAMS)[number];
export const SEARCH_PARAMS = ['q', ...LIST_PARAMS, 'date_from', 'date_to', 'from', 'size', 'sort', 'profile', 'explain', 'respell'] as const;

/** The read-only routes: they answer GET (and HEAD) and nothing else. */
export const GET_ROUTES = ['/search', '/facets', '/health', '/openapi.json'] as const;

/** One generated request, kept structured so fast-check shrinks it field by field. */
export type ApiRequest =
  /** GET /search with these query pairs, encoded as a browser would. */
  | { kind: 'search'; params: [string, string][] }
  /** GET /search/feed with these query pairs: the search's own, some of which the feed does not take. */
  | { kind: 'feed'; params: [string, string][] }
  /** GET /search with a query string sent exactly as written (broken percent-encoding and all). */
  | { kind: 'search-raw'; query: string }
  | { kind: 'article'; method: 'GET' | 'HEAD'; id: string; params: [string, string][] }
  /** A public route other than /search (or /search bare), possibly with parameters it does not take. */
  | { kind: 'route'; method: 'GET' | 'HEAD'; path: string; params: [string, string][] }
  /** An existing path with a method it does not answer. */
  | { kind: 'wrong-method'; method: string; path: string; body?: string }
  | { kind: 'unknown-path'; path: string };

/** The path and query string the request is sent to. */
export function requestUrl(request: ApiRequest): string {
  switch (request.kind) {
    case 'search':
      return withQuery('/search', request.params);
    case 'feed':
      return withQuery('/search/feed', request.params);
    case 'search-raw':
      return `/search?${request.query}`;
    case 'article':
      return withQuery(`/articles/${encodeURIComponent(request.id)}`, request.params);
    case 'route':
      return withQuery(request.path, request.params);
    case 'wrong-method':
    case 'unknown-path':
      return request.path;
  }
}

function withQuery(path: string, params: [string, string][]): string {
  return params.length > 0 ? `${path}?${new URLSearchParams(params)}` : path;
}

export function requestMethod(request: ApiRequest): string {
  return 'method' in request ? request.method : 'GET';
}

// Names of people, places and organizations in the spellings the synonym lists join, Arabic and Latin.
const NAMES = [
  'بلينكن',
  'بلينكين',
  'Blinken',
  'blinken',
  'أنطوني بلينكن',
  'Antony Blinken',
  'لعمامرة',
  'العمامرة',
  'Lamamra',
  'رمطان لعمامرة',
  'ليبيا',
  'Libya',
  'NATO',
  'الناتو',
  'حلف شمال الأطلسي',
  'الجزائر',
  'Algeria',
  'algérie',
  'واشنطن',
  'Washington',
  'مالي',
  'Mali',
  'الأمم المتحدة',
  'united nations',
  'أوباما',
  'كيري',
  'الولايات المتحدة',
  'أمريكا',
  'أميركا',
  'أفريكوم',
  'مينوسما',
  'الساحل الأفريقي',
  'منطقة الساحل',
  'بوتفليقة',
  'بان كي مون',
  'المغرب العربي',
  'يناير',
  'جانفي',
  'كانون الثاني',
  'شهر آب',
];
const QUERY_SYNTAX = [
  'title:x AND y',
  '{"match_all":{}}',
  '*',
  '?',
  '~',
  '~2',
  '"',
  '\\',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '^2',
  '/regex/',
  '/.*/',
  'AND',
  'OR',
  'NOT',
  '&&',
  '||',
  '!',
  '-',
  '+',
  ':',
  'title:(',
  'body.exact:بلينكن',
  '_exists_:title',
  '*:*',
  'a~0.5',
  '"بلينكن واشنطن"~5',
  '[2021 TO 2022]',
  '%',
  '&',
  '=',
  '#',
  '?q=',
  '\u0000',
];
/** Zero-width characters and direction controls: marks, embeddings, overrides, isolates, the BOM. */
const INVISIBLES = [...'\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF'];
const TATWEEL = '\u0640';
const HARAKAT = [...'\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670'];
const EMOJI = ['😀', '👨‍👩‍👧', '🇩🇿', '🏳️‍🌈', '❤️', '🧕🏽', '🕌'];
const ODD_TEXT = [
  '\t',
  '\n',
  '\r\n',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u00AD',
  '<script>alert(1)</script>',
  '<mark>',
  '</mark>',
  '&amp;',
  '"><img src=x>',
  '٢٠٢١',
  'ﻻ',
  'ﷲ',
  'مسؤول',
  'مسئول',
];

const name = fc.constantFrom(...NAMES);

/** A name written with tatweel, harakat or invisible characters inside it, as pasted text often is. */
const decoratedName = fc.tuple(name, fc.constantFrom(TATWEEL, TATWEEL.repeat(3), ...HARAKAT, ...INVISIBLES), fc.nat()).map(([n, mark, at]) => {
  const i = 1 + (at % Math.max(1, n.length - 1));
  return n.slice(0, i) + mark + n.slice(i);
});

const unicodeText = fc.oneof(fc.string({ unit: 'binary', maxLength: 16 }), fc.string({ unit: 'grapheme', maxLength: 16 }));

const textPiece = fc.oneof(
  { arbitrary: name, weight: 3 },
  { arbitrary: decoratedName, weight: 2 },
  { arbitrary: fc.constantFrom(...QUERY_SYNTAX), weight: 2 },
  fc.constantFrom(...INVISIBLES),
  fc.constantFrom(TATWEEL, ...HARAKAT),
  fc.constantFrom(...EMOJI),
  fc.constantFrom(...ODD_TEXT),
  unicodeText,
);

/** Mixed text: names, query syntax, invisible characters, emoji and arbitrary unicode side by side. */
export const mixedText = fc
  .tuple(fc.array(textPiece, { maxLength: 8 }), fc.constantFrom(' ', ' ', '', '\u200F ', ' AND '))
  .map(([pieces, separator]) => pieces.join(separator));

/** Five to ten names of people, places and organizations, or one name said again and again. */
export const manyNames = fc.oneof(
  fc.array(fc.oneof({ arbitrary: name, weight: 4 }, decoratedName), { minLength: 5, maxLength: 10 }).map((names) => names.join(' ')),
  fc.tuple(name, fc.integer({ min: 2, max: 10 })).map(([n, times]) => Array(times).fill(n).join(' ')),
);

/** A string of about the length limit (500) or well past it, of one filler repeated. */
export const longText = fc
  .tuple(
    fc.constantFrom('x', 'ب', 'بلينكن ', 'Blinken ', 'الناتو NATO ', '😀', TATWEEL, '\u200B', 'َ', '* ', '"a" OR '),
    fc.oneof(fc.constantFrom(499, 500, 501, 502), fc.integer({ min: 400, max: 1200 })),
  )
  .map(([filler, length]) => wellFormed(filler.repeat(Math.ceil(length / filler.length)).slice(0, length)));

export const queryText = fc.oneof(
  { arbitrary: mixedText, weight: 4 },
  { arbitrary: manyNames, weight: 2 },
  { arbitrary: longText, weight: 1 },
  { arbitrary: unicodeText, weight: 2 },
  { arbitrary: fc.constantFrom('', ' ', '   '), weight: 1 },
);

/** Days that exist, around the seeds' years and far from them. */
export const realDate = fc
  .oneof(
    fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
  )
  .map((d) => d.toISOString().slice(0, 10));

/** Dates shaped YYYY-MM-DD that are no day of the calendar. */
export const impossibleDate = fc.oneof(
  fc.constantFrom(
    '2021-02-30',
    '2021-02-29',
    '2021-04-31',
    '2021-13-01',
    '0000-00-00',
    '2019-02-29',
    '2100-02-29',
    '2021-06-31',
    '2021-00-10',
    '2021-01-00',
    '2021-01-32',
    '9999-99-99',
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
);

const malformedDate = fc.constantFrom(
  '2021-1-1',
  '2021/01/01',
  '20210101',
  '2021-01-01T00:00:00Z',
  '٢٠٢١-٠١-٠١',
  ' 2021-01-01',
  '2021-01-01 ',
  '+2021-01-01',
  'now',
  'now-1d',
  '2021-01-01||+1M',
  '',
);

export const dateValue = fc.oneof({ arbitrary: realDate, weight: 3 }, { arbitrary: impossibleDate, weight: 3 }, malformedDate, unicodeText);

/** Offsets and page sizes at and past their limits (size 50, from + size 1000), and things that are no number. */
export const numberValue = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map(String),
  fc.integer({ min: 0, max: 1100 }).map(String),
  fc.constantFrom(
    '0',
    '50',
    '51',
    '950',
    '951',
    '990',
    '1000',
    '1001',
    '999999',
    '1000000',
    '9999999999999999999999',
    '-1',
    '-0',
    '+1',
    '1.0',
    '1e3',
    '0x10',
    '١٠',
    ' 10',
    '10 ',
    '',
    'NaN',
    'Infinity',
    '0010',
    '0000000010',
  ),
  unicodeText,
);

const odd = (...values: string[]) => fc.oneof(fc.constantFrom(...values), unicodeText);

/** A value for topic, region, person or organization: known slugs (one or a comma list), unknown ones, junk. */
function slugValue(slugs: string[]): fc.Arbitrary<string> {
  const known = fc.constantFrom(...slugs);
  return fc.oneof(
    { arbitrary: known, weight: 3 },
    { arbitrary: fc.array(known, { minLength: 2, maxLength: 24 }).map((list) => list.join(',')), weight: 2 },
    fc.constantFrom('no-such-topic', 'Not A Slug!', 'DIPLOMACY', ' diplomacy ', 'diplomacy,,', ',', 'a'.repeat(65), 'الجزائر', '-x', 'maghreb,north-africa'),
    unicodeText,
  );
}

/** Parameter names the API does not take: near misses, prototype keys, arbitrary text. */
export const unknownName = fc.oneof(
  fc.constantFrom(
    'colour',
    'Q',
    'q ',
    'qq',
    'q[]',
    'sort[]',
    'Size',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'prototype',
    'page',
    'limit',
    'offset',
    'query',
    'dateFrom',
    '%',
    '+',
    'بحث',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }),
);

/** One query pair for /search: any of its parameters with a value of its kind (valid or not), or an unknown one. */
export function searchParam(world: ApiWorld): fc.Arbitrary<[string, string]> {
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constant('q'), queryText), weight: 4 },
    ...LIST_PARAMS.map((param) => fc.tuple(fc.constant(param), slugValue(world.slugs[param]))),
    { arbitrary: fc.tuple(fc.constantFrom('date_from', 'date_to'), dateValue), weight: 3 },
    { arbitrary: fc.tuple(fc.constantFrom('from', 'size'), numberValue), weight: 3 },
    fc.tuple(fc.constant('sort'), odd('relevance', 'newest', 'oldest', 'NEWEST', '', 'relevance ')),
    fc.tuple(fc.constant('profile'), odd(...world.profiles, 'no-such-profile', 'DEFAULT', '../default', 'default.json', '', 'a'.repeat(65))),
    fc.tuple(fc.constantFrom('explain', 'respell'), odd('true', 'false', 'TRUE', '1', 'yes', '')),
    fc.tuple(unknownName, fc.oneof(fc.constantFrom('', 'red', '1'), unicodeText)),
  );
}

/** /search with zero to six parameters in any order, repeats included. */
export function searchRequest(world: ApiWorld): fc.Arbitrary<ApiRequest> {
  return fc.array(searchParam(world), { maxLength: 6 }).map((params) => ({ kind: 'search', params }));
}

/** /search/feed with zero to six of the search's parameters in any order, repeats included. */
export function feedRequest(world: ApiWorld): fc.Arbitrary<ApiRequest> {
  return fc.array(searchParam(world), { maxLength: 6 }).map((params) => ({ kind: 'feed', params }));
}

/** /search with five to ten names (or one repeated), often with explain and a large page. */
export function namesRequest(world: ApiWorld): fc.Arbitrary<ApiRequest> {
  return fc
    .record(
      {
        q: manyNames,
        explain: fc.constantFrom('true', 'false'),
        size: fc.oneof(fc.constantFrom(10, 50), fc.integer({ min: 0, max: 50 })).map(String),
        sort: fc.constantFrom('relevance', 'newest', 'oldest'),
        profile: fc.constantFrom(...world.profiles),
        date_from: realDate,
      },
      { requiredKeys: ['q'] },
    )
    .map((params) => ({ kind: 'search', params: Object.entries(params) }));
}

/** /search with dates: real days, impossible days, malformed ones, alone or as a range, with or without a query. */
export function datesRequest(): fc.Arbitrary<ApiRequest> {
  return fc
    .record({ date_from: dateValue, date_to: dateValue, q: fc.oneof(name, mixedText) }, { requiredKeys: [] })
    .map((params) => ({ kind: 'search', params: Object.entries(params) }));
}

/** /search paged: from and size at, around and past their limits, with explain now and then. */
export function pagingRequest(): fc.Arbitrary<ApiRequest> {
  return fc
    .record({ from: numberValue, size: numberValue, explain: fc.constant('true'), q: name }, { requiredKeys: [] })
    .map((params) => ({ kind: 'search', params: Object.entries(params) }));
}

/** A raw query string: parameter names, '=', '&' and broken or odd percent-encodings, glued together. */
export function rawSearchRequest(): fc.Arbitrary<ApiRequest> {
  const piece = fc.oneof(
    fc.constantFrom(
      ...SEARCH_PARAMS,
      'x',
      '=',
      '==',
      '&',
      '&&',
      ';',
      '+',
      '[]',
      '%',
      '%%',
      '%2',
      '%ZZ',
      '%FF',
      '%C3%28',
      '%E0%A4%A',
      '%D8',
      '%00',
      '%u0628',
      '%26',
      '%3D',
      '%2B',
      '%20',
      '%D8%A8%D9%84%D9%8A%D9%86%D9%83%D9%86',
    ),
    fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
  );
  return fc.array(piece, { maxLength: 12 }).map((pieces) => ({ kind: 'search-raw', query: pieces.join('') }));
}

/** Articles by id: the seeds, ids of the right shape that name nothing, and ids no article can have. */
export function articleRequest(world: ApiWorld): fc.Arbitrary<ApiRequest> {
  const id = fc.oneof(
    { arbitrary: fc.constantFrom(...world.articleIds), weight: 3 },
    { arbitrary: fc.stringMatching(/^[\w:.-]{1,40}$/), weight: 2 },
    fc.constantFrom(
      'a'.repeat(128),
      'a'.repeat(129),
      'no_such_article',
      '../etc/passwd',
      '..',
      '.',
      '...',
      'a/b',
      'a%2Fb',
      'a b',
      'بلينكن',
      '000_fee63797c487f9cf\u200B',
      '\u202E000_fee63797c487f9cf',
      '*',
      '_all',
      '_search',
      '%',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  );
  const junk = fc.array(fc.tuple(fc.oneof(unknownName, fc.constantFrom('q', 'size')), fc.oneof(fc.constant('1'), unicodeText)), { maxLength: 2 });
  return fc.record({ method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD'), id, params: junk }).map((r) => ({ kind: 'article', ...r }) as const);
}

/** Every existing path with a method it does not answer, with or without a body. */
export function wrongMethodRequest(world: ApiWorld): fc.Arbitrary<ApiRequest> {
  const existingPath = fc.oneof(
    fc.constantFrom(...GET_ROUTES),
    fc.constantFrom(...world.articleIds, 'no_such_article').map((id) => `/articles/${id}`),
  );
  return fc
    .record(
      {
        method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'patch'),
        path: existingPath,
        body: fc.constantFrom('{}', '{"q":"بلينكن"}', 'q=x'),
      },
      { requiredKeys: ['method', 'path'] },
    )
    .map((r) => ({ kind: 'wrong-method', ...r }) as const);
}

/** The other routes (bare, or with parameters they do not take) and paths that name no route. */
export function otherRequest(): fc.Arbitrary<ApiRequest> {
  const junk = fc.array(fc.tuple(unknownName, fc.oneof(fc.constant('1'), unicodeText)), { maxLength: 3 });
  const route = fc
    .record({ method: fc.constantFrom('GET', 'GET', 'HEAD'), path: fc.constantFrom('/facets', '/health', '/openapi.json'), params: junk })
    .map((r) => ({ kind: 'route', ...r }) as const);
  const bareSearch = fc.constantFrom('GET', 'HEAD').map((method) => ({ kind: 'route', method, path: '/search', params: [] }) as ApiRequest);
  // `/` is the search page, and these name routes too.
  const routeNames = new Set(['search', 'suggest', 'facets', 'health', 'openapi.json', 'articles', 'admin', 'docs', 'workbench', 'web', '.', '..']);
  const unknownPath = fc
    .oneof(
      fc.constantFrom(
        '/search/',
        '/SEARCH',
        '/searchx',
        '/Search',
        '/articles',
        '/articles/',
        '/articles/a/b',
        '/facets/regions/x',
        '/health/',
        '/openapi',
        '/openapi.yaml',
        '/.env',
        '/search;q=x',
        '/search%20',
        '/%D8%A8%D8%AD%D8%AB',
      ),
      fc
        .string({ unit: 'binary', minLength: 1, maxLength: 20 })
        .filter((s) => !routeNames.has(s))
        .map((s) => `/${encodeURIComponent(s)}`),
    )
    .map((path) => ({ kind: 'unknown-path', path }) as const);
  return fc.oneof(route, bareSearch, { arbitrary: unknownPath, weight: 2 });
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Replaces lone surrogates (a cut through an emoji) by U+FFFD, as any URL encoder would. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
