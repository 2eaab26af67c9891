import { createHash } from 'node:crypto';

/** The sort orders a search can have; a cursor belongs to one of them. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** The orders by publication time alone: every word asked for, nothing ranked. */
export function byDate(sort: SearchSort): boolean {
  return sort !== 'relevance';
}

/** One hit's sort values, the id last: by relevance its score and publication time (epoch ms), by date its publication time alone. */
export type SortValues = [score: number, published: number, id: string] | [published: number, id: string];

/** A cursor that cannot be read, or that belongs to another search or sort order. */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidCursorError';
  }
}

// Room for a few respelled names and a searched-instead text beside the sort values.
const MAX_CURSOR_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// A searched-instead text is a query respelled: as long as a query may be.
const MAX_INSTEAD_LENGTH = 500;

/** What a cursor holds: the sort and search it continues, the hits already listed, and the last one's sort values. */
export interface CursorPosition {
  sort: SearchSort;
  /** `searchDigest` of the search: a cursor only continues the search that made it. */
  search: string;
  seen: number;
  after: readonly unknown[];
  /** The misspelled names the first page searched as names (typed → name): the next pages read the text as it did. */
  respelled?: Readonly<Record<string, string>>;
  /** Whether the first page read a month in `q` as its dates or as words (absent where `q` names none): the next pages read it as it did. */
  monthRead?: boolean;
  /** The text the first page searched instead of `q` (its `searchedInstead`): the next pages search it, given `q` as typed. */
  instead?: string;
}

/** A short digest of what decides a search's hits and their order beside the sort (text, filters, profile). */
export function searchDigest(search: unknown): string {
  return createHash('sha256').update(JSON.stringify(search)).digest('base64url').slice(0, 12);
}

/**
 * The opaque `cursor` of the next page: base64url of a `CursorPosition` and a checksum of it. The
 * engine resumes after the last hit's sort values (`search_after`), however deep the page.
 */
export function encodeCursor(position: CursorPosition): string {
  const respelled = position.respelled && Object.keys(position.respelled).length > 0 ? { r: position.respelled } : {};
  const monthRead = position.monthRead === undefined ? {} : { m: position.monthRead ? 1 : 0 };
  const instead = position.instead === undefined ? {} : { i: position.instead };
  const fields = { s: position.sort, k: position.search, n: position.seen, a: position.after, ...respelled, ...monthRead, ...instead };
  return Buffer.from(JSON.stringify({ ...fields, c: cursorChecksum(fields) })).toString('base64url');
}

/**
 * A checksum, not a secret: an edited cursor (another count of hits seen, other sort values) is
 * refused like any other, instead of paging from the wrong place. A cursor moves only its own
 * reader's paging, so nothing more is guarded.
 */
function cursorChecksum(fields: { s: unknown; k: unknown; n: unknown; a: unknown; r?: unknown; m?: unknown; i?: unknown }): string {
  const checked = [fields.s, fields.k, fields.n, fields.a];
  // Cursors given before a field existed keep their checksums.
  if (fields.r !== undefined || fields.m !== undefined || fields.i !== undefined) checked.push(fields.r ?? null);
  if (fields.m !== undefined || fields.i !== undefined) checked.push(fields.m ?? null);
  if (fields.i !== undefined) checked.push(fields.i);
  return searchDigest(checked);
}

/** A next page's cursor that goes on searching `instead`, the text its first page searched in place of `q` as typed (a layout slip, a hashtag's words). */
export function cursorSearchingInstead(cursor: string, instead: string): string {
  return encodeCursor({ ...readCursor(cursor), instead });
}

/** A cursor's respellings: a few typed words, each to a name's word. */
function isRespelled(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= 10 && entries.every(([typed, name]) => typed.length <= 64 && typeof name === 'string' && name.length <= 64);
}

/** Where a cursor resumes, checked for shape, sort order and search (`search`: this request's digest, read as the cursor's first page read it); anything else is refused. */
export async function decodeCursor(
  cursor: string,
  expected: { sort: SearchSort; search: (monthRead: boolean | undefined, instead: string | undefined) => string | Promise<string> },
): Promise<Omit<CursorPosition, 'sort' | 'search'> & { after: SortValues }> {
  const position = readCursor(cursor);
  await checkCursorContinues(position, expected);
  const { sort: _sort, search: _search, ...resume } = position;
  return resume;
}

/** A cursor's fields, checked for shape and checksum but not yet for the search it continues (`checkCursorContinues`). */
function readCursor(cursor: string): CursorPosition & { after: SortValues } {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw new InvalidCursorError('not a cursor this API gave');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor this API gave');
  }
  const { s, k, n, a, r, m, i, c } = (decoded ?? {}) as {
    s?: unknown;
    k?: unknown;
    n?: unknown;
    a?: unknown;
    r?: unknown;
    m?: unknown;
    i?: unknown;
    c?: unknown;
  };
  if ((s !== 'relevance' && s !== 'newest' && s !== 'oldest') || c !== cursorChecksum({ s, k, n, a, r, m, i }))
    throw new InvalidCursorError('not a cursor this API gave');
  if ((r !== undefined && !isRespelled(r)) || (m !== undefined && m !== 0 && m !== 1)) throw new InvalidCursorError('not a cursor this API gave');
  if (i !== undefined && (typeof i !== 'string' || i.length === 0 || i.length > MAX_INSTEAD_LENGTH)) throw new InvalidCursorError('not a cursor this API gave');
  if (typeof k !== 'string' || !Number.isSafeInteger(n) || (n as number) < 1) throw new InvalidCursorError('not a cursor this API gave');
  // A newest-first cursor made while that order still held the score: its time and id are where it resumes.
  const after = s === 'newest' && Array.isArray(a) && a.length === 3 ? [a[0], a[2]] : a;
  if (!isSortValues(after, s)) throw new InvalidCursorError('not a cursor this API gave');
  return {
    sort: s,
    search: k,
    after,
    seen: n as number,
    ...(r === undefined ? {} : { respelled: r as Record<string, string> }),
    ...(m === undefined ? {} : { monthRead: m === 1 }),
    ...(i === undefined ? {} : { instead: i as string }),
  };
}

/** The sort values a hit of `sort` has; publication times are whole milliseconds the engine can read back exactly. */
function isSortValues(values: unknown, sort: SearchSort): values is SortValues {
  if (!Array.isArray(values) || values.length !== (byDate(sort) ? 2 : 3)) return false;
  const id: unknown = values.at(-1);
  const published: unknown = byDate(sort) ? values[0] : values[1];
  return (byDate(sort) || Number.isFinite(values[0])) && Number.isSafeInteger(published) && typeof id === 'string' && id.length > 0 && id.length <= 128;
}

/** Refuses a cursor of another sort order, then one of another search (`search`: this request's digest, read as the cursor's first page read it). */
async function checkCursorContinues(
  position: Pick<CursorPosition, 'sort' | 'search' | 'monthRead' | 'instead'>,
  expected: { sort: SearchSort; search: (monthRead: boolean | undefined, instead: string | undefined) => string | Promise<string> },
): Promise<void> {
  if (position.sort !== expected.sort) throw new InvalidCursorError(`this cursor continues a search sorted by ${position.sort}, not ${expected.sort}`);
  if (position.search !== (await expected.search(position.monthRead, position.instead)))
    throw new InvalidCursorError(
      "this cursor continues another search: give it with the same q (as typed, or the answer's searchedInstead where it has one), filters and profile",
    );
}
