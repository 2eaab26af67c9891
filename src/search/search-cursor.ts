/** The sort orders a search can have; a cursor belongs to one of them. */
export type SearchSort = 'relevance' | 'newest';

/** One hit's sort values: score and publication time (epoch ms) in the order's sequence, then the id. */
export type SortValues = [number, number, string];

/** A cursor that cannot be read, or that belongs to another sort order. */
export class InvalidCursorError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidCursorError';
  }
}

const MAX_CURSOR_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The opaque `cursor` of the next page: base64url of the last hit's sort values and the sort they
 * belong to. The engine resumes after those values (`search_after`), however deep the page.
 */
export function encodeCursor(sort: SearchSort, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify({ s: sort, a: values })).toString('base64url');
}

/** The sort values a cursor holds, checked for shape and sort order; anything else is refused. */
export function decodeCursor(cursor: string, sort: SearchSort): SortValues {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw new InvalidCursorError('not a cursor this API gave');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('not a cursor this API gave');
  }
  const { s, a } = (decoded ?? {}) as { s?: unknown; a?: unknown };
  if (s !== 'relevance' && s !== 'newest') throw new InvalidCursorError('not a cursor this API gave');
  if (s !== sort) throw new InvalidCursorError(`this cursor continues a search sorted by ${s}, not ${sort}`);
  const valid =
    Array.isArray(a) &&
    a.length === 3 &&
    Number.isFinite(a[0]) &&
    Number.isFinite(a[1]) &&
    // Publication times are whole milliseconds the engine can read back exactly.
    Number.isSafeInteger(sort === 'newest' ? a[0] : a[1]) &&
    typeof a[2] === 'string' &&
    a[2].length > 0 &&
    a[2].length <= 128;
  if (!valid) throw new InvalidCursorError('not a cursor this API gave');
  return a as SortValues;
}
