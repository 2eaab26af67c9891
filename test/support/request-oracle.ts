import {
  GET_ROUTES,
  LIST_PARAMS,
  SEARCH_PARAMS,
  requestMethod,
  requestUrl,
  wellFormed,
  type ApiRequest,
  type ApiWorld,
  type ListParam,
} from './request-arbitraries.js';

/** No answer may take longer than this, whatever was asked. */
export const ANSWER_LIMIT_MS = 5_000;
// The limits of the app under test (test/support/test-service.ts) and of the search route.
export const MAX_PAGE_SIZE = 50;
export const MAX_RESULT_WINDOW = 1000;
export const MAX_QUERY_LENGTH = 500;
/** Explaining costs the engine much: few hits a page, and a 429 when too many explain at once. */
export const EXPLAIN_MAX_HITS = 10;
/** Past this many tokens a query may be refused (the engine's clause limit); a query that long in characters may have them. */
export const QUERY_TOKENS_REFUSABLE = 255;

/**
 * What the API's contract lets it answer to a request. A 400 must name, in `error.field`, one of
 * `fields`; where the contract does not say (a 7-digit size, a 500-code-unit query of 300 emoji),
 * both acceptance and a 400 naming the parameter are right.
 */
export interface Expected {
  statuses: number[];
  /** The parameters a 400 may name. */
  fields: Set<string>;
  /** Methods the Allow header must list (a 405, or what OPTIONS answers). */
  allow?: string[];
  /** For a 200 from /search: what the result must respect. */
  page?: { from: number; size: number; explain: boolean };
  articleId?: string;
  /** The search page's HTML, not JSON: what `/` answers. */
  html?: true;
  /** A redirect (301) to this relative Location: a route's path with a trailing slash. */
  location?: string;
  /** An Atom feed, not JSON: what `/search/feed` answers with 200. */
  atom?: true;
}

export interface Answer {
  status: number;
  contentType: string | null;
  allow: string | null;
  location: string | null;
  text: string;
  ms: number;
}

/** A failed property: the kind (for counting) and what was seen. */
export class ContractViolation extends Error {
  constructor(
    readonly kind: string,
    detail: string,
  ) {
    super(`[${kind}] ${detail}`);
    this.name = 'ContractViolation';
  }
}

/** Sends the request through the app in process; an answer slower than the limit is a violation. */
export async function send(app: { request(input: string, init?: RequestInit): Response | Promise<Response> }, request: ApiRequest): Promise<Answer> {
  const method = requestMethod(request);
  const body = request.kind === 'wrong-method' ? request.body : undefined;
  const init: RequestInit = {
    method,
    ...(body !== undefined ? { body, headers: { 'content-type': body.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded' } } : {}),
  };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ContractViolation('slow', `${describeRequest(request)}: no answer within ${ANSWER_LIMIT_MS} ms`)), ANSWER_LIMIT_MS);
  });
  try {
    return await Promise.race([
      (async () => {
        const response = await app.request(requestUrl(request), init);
        const text = await response.text();
        return {
          status: response.status,
          contentType: response.headers.get('content-type'),
          allow: response.headers.get('allow'),
          location: response.headers.get('location'),
          text,
          ms: performance.now() - started,
        };
      })(),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the contract (README, OpenAPI description, the search route's documented limits) lets the API answer. */
export function expectedAnswer(request: ApiRequest, world: ApiWorld): Expected {
  switch (request.kind) {
    case 'search':
      return expectSearch(request.params, world);
    case 'feed':
      return expectFeed(request.params, world);
    case 'search-raw':
      // Broken encodings are read leniently or refused; either way a 400 names some parameter.
      return { statuses: [200, 400], fields: new Set() };
    case 'article':
      return withIgnorableParams(expectArticle(request.id, world), request.params);
    case 'route':
      return withIgnorableParams({ statuses: [200], fields: new Set() }, request.params);
    case 'wrong-method':
      // 405 with Allow; OPTIONS may instead answer what is allowed.
      return { statuses: request.method === 'OPTIONS' ? [200, 204, 405] : [405], fields: new Set(), allow: ['GET'] };
    case 'unknown-path': {
      // A route's path with a trailing slash is sent on to the route; any other is no route.
      const trimmed = request.path.replace(/\/+$/, '');
      return (GET_ROUTES as readonly string[]).includes(trimmed)
        ? { statuses: [301], fields: new Set(), location: trimmed }
        : { statuses: [404], fields: new Set() };
    }
  }
}

/** C0 controls and DEL but tab and line breaks: refused in any parameter, on every route. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/** The named parameters holding a control character in name or value. */
function withControlCharacters(params: [string, string][]): string[] {
  return params
    .map(([name, value]) => [wellFormed(name), wellFormed(value)])
    .filter(([name, value]) => name !== '' && (CONTROL_CHARACTER.test(name!) || CONTROL_CHARACTER.test(value!)))
    .map(([name]) => name!);
}

/** A route that takes no query parameters may ignore unknown ones or refuse them, naming one; a control character it refuses. */
function withIgnorableParams(expected: Expected, params: [string, string][]): Expected {
  const controlled = withControlCharacters(params);
  if (controlled.length > 0) return { statuses: [400], fields: new Set(controlled) };
  const names = params.map(([name]) => wellFormed(name)).filter((name) => name !== '');
  if (names.length === 0) return expected;
  return { ...expected, statuses: [...new Set([...expected.statuses, 400])], fields: new Set([...expected.fields, ...names]) };
}

const ARTICLE_ID = /^[A-Za-z0-9_:.-]{1,128}$/;

function expectArticle(rawId: string, world: ApiWorld): Expected {
  const id = wellFormed(rawId);
  // '.', '..' and '' are no path segment of their own: the URL resolves to another path,
  // `/articles/` (none) or, for '..', `/`, the search page.
  if (id === '..') return { statuses: [200], fields: new Set(), html: true };
  if (id === '' || id === '.') return { statuses: [404], fields: new Set() };
  if (ARTICLE_ID.test(id))
    return world.articleIds.includes(id) ? { statuses: [200], fields: new Set(), articleId: id } : { statuses: [404], fields: new Set() };
  // Letters of other scripts: no article can have such an id, so "not found" is as right as "invalid".
  if (/^[\p{L}\p{N}_:.-]{1,128}$/u.test(id)) return { statuses: [400, 404], fields: new Set(['id']) };
  return { statuses: [400], fields: new Set(['id']) };
}

const SINGLE_PARAMS = new Set<string>(SEARCH_PARAMS.filter((p) => !(LIST_PARAMS as readonly string[]).includes(p)));
const KNOWN_PARAMS = new Set<string>(SEARCH_PARAMS);

/**
 * /search: 200 for a request within the contract, otherwise a 400 naming a parameter at fault.
 * `faults` are parameters certainly wrong; `either` those the contract leaves open.
 */
function expectSearch(pairs: [string, string][], world: ApiWorld): Expected {
  const faults = new Set<string>();
  const either = new Set<string>();
  const values = new Map<string, string[]>();
  for (const [rawName, rawValue] of pairs) {
    const name = wellFormed(rawName);
    if (name === '') continue;
    values.set(name, [...(values.get(name) ?? []), wellFormed(rawValue)]);
  }
  for (const name of withControlCharacters(pairs)) faults.add(name);
  const single = new Map<string, string>();
  for (const [name, list] of values) {
    if (!KNOWN_PARAMS.has(name)) faults.add(name);
    else if (SINGLE_PARAMS.has(name) && list.length > 1) faults.add(name);
    else if (SINGLE_PARAMS.has(name)) single.set(name, list[0]!);
  }

  const q = single.get('q');
  if (q !== undefined) {
    // "At most 500 characters": certainly past it in code points; in UTF-16 units only, it is open.
    if ([...q].length > MAX_QUERY_LENGTH) faults.add('q');
    else if (q.length > MAX_QUERY_LENGTH || [...q].length > QUERY_TOKENS_REFUSABLE) either.add('q');
    // Nothing to search: punctuation, symbols or emoji alone.
    else if (q.trim() && !/[\p{L}\p{N}]/u.test(q)) faults.add('q');
    // OR between words spells out alternatives, at most four, each searched in its share of the clause limit.
    else if (/(?<=\s)OR(?=\s)/u.test(q)) either.add('q');
  }

  for (const param of LIST_PARAMS) {
    const list = values.get(param);
    if (list) checkSlugList(param, list, world.slugs[param], faults, either);
  }

  const dates: Record<string, string | undefined> = {};
  for (const param of ['date_from', 'date_to']) {
    const value = single.get(param);
    if (value === undefined) continue;
    if (isCalendarDate(value)) dates[param] = value;
    else faults.add(param);
  }
  if (dates.date_from && dates.date_to && dates.date_from > dates.date_to) {
    faults.add('date_from');
    either.add('date_to');
  }

  const numbers: Record<string, number | undefined> = {};
  for (const param of ['from', 'size']) {
    const value = single.get(param);
    if (value === undefined) continue;
    if (!/^[0-9]+$/.test(value)) {
      faults.add(param);
      continue;
    }
    numbers[param] = Number(value);
    // A whole number written with more digits than any allowed value needs: the contract does not say.
    if (value.length > 6 && Number(value) <= MAX_RESULT_WINDOW) either.add(param);
  }
  const size = numbers.size ?? (single.has('size') ? undefined : 10);
  const from = numbers.from ?? (single.has('from') ? undefined : 0);
  if (size !== undefined && size > MAX_PAGE_SIZE) faults.add('size');
  if (from !== undefined && from + Math.min(size ?? 0, MAX_PAGE_SIZE) > MAX_RESULT_WINDOW) faults.add('from');
  if (size !== undefined && size <= MAX_PAGE_SIZE && from !== undefined && from + size > MAX_RESULT_WINDOW) either.add('size');

  const sort = single.get('sort');
  if (sort !== undefined && !['relevance', 'newest', 'oldest'].includes(sort)) faults.add('sort');
  const profile = single.get('profile');
  if (profile !== undefined && !world.profiles.includes(profile)) faults.add('profile');
  const explain = single.get('explain');
  if (explain !== undefined && explain !== 'true' && explain !== 'false') faults.add('explain');
  const respell = single.get('respell');
  if (respell !== undefined && respell !== 'true' && respell !== 'false') faults.add('respell');

  if (explain === 'true' && size !== undefined && size > EXPLAIN_MAX_HITS) faults.add('size');

  const page = { from: from ?? 0, size: size ?? 10, explain: explain === 'true' };
  if (faults.size > 0) return { statuses: [400], fields: new Set([...faults, ...either]) };
  const busy = page.explain ? [429] : [];
  if (either.size > 0) return { statuses: [200, 400, ...busy], fields: either, page };
  return { statuses: [200, ...busy], fields: new Set(), page };
}

/** The search's parameters a feed does not take: it lists the newest first page, as typed. */
const NOT_FEED_PARAMS = new Set(['from', 'cursor', 'sort', 'facet_size', 'profile', 'explain', 'respell']);

/** /search/feed: what /search answers to the parameters it shares, a 400 for the others, and a size of at least 1. */
function expectFeed(pairs: [string, string][], world: ApiWorld): Expected {
  const refused = new Set(pairs.map(([name]) => wellFormed(name)).filter((name) => NOT_FEED_PARAMS.has(name)));
  const sizes = pairs.filter(([name]) => wellFormed(name) === 'size').map(([, value]) => wellFormed(value));
  if (sizes.length === 1 && /^0+$/.test(sizes[0]!)) refused.add('size');
  const shared = expectSearch(
    pairs.filter(([name]) => !NOT_FEED_PARAMS.has(wellFormed(name))),
    world,
  );
  const { page: _page, ...asSearch } = shared;
  if (refused.size > 0) return { statuses: [400], fields: new Set([...refused, ...shared.fields]) };
  return { ...asSearch, statuses: asSearch.statuses.filter((status) => status !== 429), atom: true };
}

/** `a,b` and repeated parameters select several values; blanks between commas are forgiven. */
function checkSlugList(param: ListParam, list: string[], known: string[], faults: Set<string>, either: Set<string>): void {
  const items = list.flatMap((v) => v.split(','));
  const slugs = items.map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (slugs.length > 20 || slugs.some((s) => !known.includes(s))) faults.add(param);
  // An empty item ("a,,b", "topic=") may be skipped or refused.
  else if (slugs.length < items.length) either.add(param);
}

/** YYYY-MM-DD naming a day of the (proleptic Gregorian) calendar. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; requestId?: unknown; field?: unknown };
}

/** Checks one answer against the properties every answer must have and against what was expected. */
export function checkAnswer(request: ApiRequest, expected: Expected, answer: Answer): void {
  const seen = `${describeRequest(request)} answered ${answer.status} in ${Math.round(answer.ms)} ms: ${answer.text.slice(0, 300)}`;
  if (answer.status >= 500) throw new ContractViolation('server error', seen);
  if (answer.ms > ANSWER_LIMIT_MS) throw new ContractViolation('slow', seen);
  if (expected.location !== undefined) {
    if (answer.status !== 301 || answer.location !== expected.location)
      throw new ContractViolation('bad redirect', `expected 301 to ${expected.location}; location ${answer.location}; ${seen}`);
    return;
  }
  if (expected.html) {
    if (answer.status !== 200 || !/^text\/html\b/.test(answer.contentType ?? '')) throw new ContractViolation('not the page', seen);
    return;
  }
  if (expected.atom && answer.status === 200) {
    if (!/^application\/atom\+xml\b/.test(answer.contentType ?? '') || !answer.text.includes('<feed xmlns="http://www.w3.org/2005/Atom">'))
      throw new ContractViolation('not a feed', seen);
    if (!expected.statuses.includes(200)) throw new ContractViolation('bad input accepted', `expected ${expected.statuses.join(' or ')}; ${seen}`);
    return;
  }
  // HEAD and 204 answers carry no body.
  const bodyless = requestMethod(request) === 'HEAD' || answer.status === 204;
  if (answer.status !== 204 && !/^application\/json\b/.test(answer.contentType ?? ''))
    throw new ContractViolation('not json', `content-type ${answer.contentType}; ${seen}`);
  let body: unknown;
  if (!bodyless) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new ContractViolation('not json', seen);
    }
  }
  if (!expected.statuses.includes(answer.status)) {
    const kind =
      answer.status === 200
        ? 'bad input accepted'
        : answer.status === 400 && expected.statuses.includes(200)
          ? 'valid input refused'
          : `${answer.status} instead of ${expected.statuses.join('/')}`;
    throw new ContractViolation(kind, `expected ${expected.statuses.join(' or ')}; ${seen}`);
  }
  if (answer.status >= 400 && !bodyless) checkErrorBody(body as ErrorBody, answer, expected, seen);
  if (expected.allow) {
    const allowed = (answer.allow ?? '').split(',').map((m) => m.trim());
    if (!expected.allow.every((m) => allowed.includes(m)))
      throw new ContractViolation('allow header', `Allow: ${answer.allow}, expected it to list ${expected.allow.join(', ')}; ${seen}`);
  }
  if (answer.status === 200 && !bodyless && expected.page) checkSearchResult(body, expected.page, seen);
  if (answer.status === 200 && !bodyless && expected.articleId && (body as { id?: unknown }).id !== expected.articleId) {
    throw new ContractViolation('wrong result', seen);
  }
}

function checkErrorBody(body: ErrorBody, answer: Answer, expected: Expected, seen: string): void {
  const error = body?.error;
  const shaped =
    error && ['code', 'message', 'requestId'].every((key) => typeof error[key as keyof typeof error] === 'string' && error[key as keyof typeof error] !== '');
  if (!shaped || (error.field !== undefined && typeof error.field !== 'string')) throw new ContractViolation('error shape', seen);
  if (answer.status !== 400) return;
  if (typeof error.field !== 'string' || error.field === '') throw new ContractViolation('400 without field', seen);
  if (expected.fields.size > 0 && !expected.fields.has(error.field)) {
    throw new ContractViolation('400 names another field', `expected one of ${[...expected.fields].map(show).join(', ')}; ${seen}`);
  }
}

interface SearchResult {
  total?: unknown;
  from?: unknown;
  size?: unknown;
  hits?: { titleHighlighted?: unknown; snippets?: unknown; explanation?: unknown }[];
}

function checkSearchResult(body: unknown, page: { from: number; size: number; explain: boolean }, seen: string): void {
  const result = body as SearchResult;
  if (typeof result.total !== 'number' || !Array.isArray(result.hits) || result.from !== page.from || result.size !== page.size) {
    throw new ContractViolation('wrong result', seen);
  }
  if (result.hits.length > page.size) throw new ContractViolation('wrong result', `more hits than size; ${seen}`);
  for (const hit of result.hits) {
    if (page.explain && typeof hit.explanation !== 'object') throw new ContractViolation('wrong result', `explain=true but a hit has no explanation; ${seen}`);
    // Highlighted text is HTML-escaped: the only markup is <mark>.
    const marked = [hit.titleHighlighted, ...(Array.isArray(hit.snippets) ? hit.snippets : [])].map(String).join(' ');
    if (/[<>]/.test(marked.replace(/<\/?mark>/g, ''))) throw new ContractViolation('unescaped html', seen);
  }
}

/** The request as sent, with invisible and non-ASCII-space characters spelled out. */
export function describeRequest(request: ApiRequest): string {
  const method = requestMethod(request);
  const readable = 'params' in request && request.params.length > 0 ? ` ${request.params.map(([k, v]) => `${show(k)}=${show(v)}`).join(' ')}` : '';
  return `${method} ${requestUrl(request).slice(0, 600)}${readable ? ` (${readable.slice(1, 600)})` : ''}`;
}

function show(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 60)}…[${text.length} units]` : text;
  return JSON.stringify(shown).replace(
    /[\u0000-\u001F\u007F-\u00A0\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
