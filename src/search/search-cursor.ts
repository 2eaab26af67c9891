import { createHash } from 'node:crypto';

/** The sort orders a search can have; a cursor belongs to one of them. */
export type SearchSort = 'relevance' | 'newest';

/** One hit's sort values: score and publication time (epoch ms) in the order's sequence, then the id. */
export type SortValues = [number, number, string];

/** A cursor that cannot be read, or that belongs to another search or sort order. */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidCursorError';
  }
}

// Room for a few respelled names beside the sort values.
const MAX_CURSOR_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What a cursor holds: the sort and search it continues, the hits already listed, and the last one's sort values. */
export interface CursorPosition {
  sort: SearchSort;
  /** `searchDigest` of the search: a cursor only continues the search that made it. */
  search: string;
  seen: number;
  after: readonly unknown[];
  /** The misspelled names the first page searched as names (typed → name): the next pages read the text as it did. */
  respelled?: Readonly<Record<string, string>>;
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
  const fields = { s: position.sort, k: position.search, n: position.seen, a: position.after, ...respelled };
  return Buffer.from(JSON.stringify({ ...fields, c: cursorChecksum(fields) })).toString('base64url');
}

/**
 * A checksum, not a secret: an edited cursor (another count of hits seen, other sort values) is
 * refused like any other, instead of paging from the wrong place. A cursor moves only its own
 * reader's paging, so nothing more is guarded.
 */
function cursorChecksum(fields: { s: unknown; k: unknown; n: unknown; a: unknown; r?: unknown }): string {
  return searchDigest(fields.r === undefined ? [fields.s, fields.k, fields.n, fields.a] : [fields.s, fields.k, fields.n, fields.a, fields.r]);
}

/** A cursor's respellings: a few typed words, each to a name's word. */
function isRespelled(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= 10 && entries.every(([typed, name]) => typed.length <= 64 && typeof name === 'string' && name.length <= 64);
}

/** Where a cursor resumes, checked for shape, sort order and search; anything else is refused. */
export function decodeCursor(
  cursor: string,
  expected: { sort: SearchSort; search: string },
): { after: SortValues; seen: number; respelled?: Record<string, string> } {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw new InvalidCursorError('not a cursor this API gave');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor this API gave');
  }
  const { s, k, n, a, r, c } = (decoded ?? {}) as { s?: unknown; k?: unknown; n?: unknown; a?: unknown; r?: unknown; c?: unknown };
  if ((s !== 'relevance' && s !== 'newest') || c !== cursorChecksum({ s, k, n, a, r })) throw new InvalidCursorError('not a cursor this API gave');
  if (r !== undefined && !isRespelled(r)) throw new InvalidCursorError('not a cursor this API gave');
  if (s !== expected.sort) throw new InvalidCursorError(`this cursor continues a search sorted by ${s}, not ${expected.sort}`);
  if (typeof k !== 'string' || !Number.isSafeInteger(n) || (n as number) < 1) throw new InvalidCursorError('not a cursor this API gave');
  if (k !== expected.search)
    throw new InvalidCursorError(
      "this cursor continues another search: give it with the same q (an answer's searchedInstead, where it has one), filters and profile",
    );
  const valid =
    Array.isArray(a) &&
    a.length === 3 &&
    Number.isFinite(a[0]) &&
    Number.isFinite(a[1]) &&
    // Publication times are whole milliseconds the engine can read back exactly.
    Number.isSafeInteger(s === 'newest' ? a[0] : a[1]) &&
    typeof a[2] === 'string' &&
    a[2].length > 0 &&
    a[2].length <= 128;
  if (!valid) throw new InvalidCursorError('not a cursor this API gave');
  return { after: a as SortValues, seen: n as number, ...(r === undefined ? {} : { respelled: r as Record<string, string> }) };
}
