import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError, searchDigest, type CursorPosition } from './search-cursor.js';

const search = searchDigest({ q: 'بلينكن', filters: {} });
const position = (after: readonly unknown[], sort: CursorPosition['sort'] = 'relevance'): CursorPosition => ({ sort, search, seen: 10, after });

describe('search cursor', () => {
  it('hands back the sort values it was made of and the hits already listed', () => {
    const cursor = encodeCursor(position([2.5, 1627344000000, '004_cacf537383d56ce7']));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, { sort: 'relevance', search })).toEqual({ after: [2.5, 1627344000000, '004_cacf537383d56ce7'], seen: 10 });
    // Newest first, a publication time and the id: no score, which moves as articles are added.
    expect(decodeCursor(encodeCursor(position([Number.MIN_SAFE_INTEGER, 'a'], 'newest')), { sort: 'newest', search }).after).toEqual([
      Number.MIN_SAFE_INTEGER,
      'a',
    ]);
    expect(() => decodeCursor(encodeCursor(position([2.5, 1627344000000, 'a'], 'newest')), { sort: 'newest', search })).toThrow(InvalidCursorError);
  });

  it('refuses a cursor of another sort order or another search', () => {
    expect(() => decodeCursor(encodeCursor(position([1, 'a'], 'newest')), { sort: 'relevance', search })).toThrow(/sorted by newest/);
    const other = searchDigest({ q: 'ترامب', filters: {} });
    expect(other).not.toBe(search);
    expect(() => decodeCursor(encodeCursor(position([1, 1, 'a'])), { sort: 'relevance', search: other })).toThrow(/another search/);
  });

  const edited = (changes: Record<string, unknown>) => {
    const fields = JSON.parse(Buffer.from(encodeCursor(position([1, 2, 'a'])), 'base64url').toString('utf8')) as Record<string, unknown>;
    return Buffer.from(JSON.stringify({ ...fields, ...changes })).toString('base64url');
  };

  it('reads its own fields back, and nothing edited', () => {
    expect(decodeCursor(edited({}), { sort: 'relevance', search })).toEqual({ after: [1, 2, 'a'], seen: 10 });
  });

  it('carries the names its first page respelled, and refuses them edited', () => {
    const respelled = { مكرون: 'ماكرون' };
    const cursor = encodeCursor({ ...position([1, 2, 'a']), respelled });
    expect(decodeCursor(cursor, { sort: 'relevance', search })).toEqual({ after: [1, 2, 'a'], seen: 10, respelled });
    // None respelled: the cursor is what it was before respellings were carried.
    expect(encodeCursor({ ...position([1, 2, 'a']), respelled: {} })).toBe(encodeCursor(position([1, 2, 'a'])));
    const fields = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...fields, r: { مكرون: 'بوتين' } })).toString('base64url');
    expect(() => decodeCursor(tampered, { sort: 'relevance', search })).toThrow(InvalidCursorError);
  });

  it('carries how its first page read a month in q, beside or without respellings, and refuses it edited', () => {
    const respelled = { مكرون: 'ماكرون' };
    for (const monthRead of [true, false]) {
      expect(decodeCursor(encodeCursor({ ...position([1, 2, 'a']), monthRead }), { sort: 'relevance', search })).toEqual({
        after: [1, 2, 'a'],
        seen: 10,
        monthRead,
      });
      const both = decodeCursor(encodeCursor({ ...position([1, 2, 'a']), respelled, monthRead }), { sort: 'relevance', search });
      expect(both).toEqual({ after: [1, 2, 'a'], seen: 10, respelled, monthRead });
    }
    const read = encodeCursor({ ...position([1, 2, 'a']), monthRead: true });
    const fields = JSON.parse(Buffer.from(read, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const m of [0, 2, 'yes']) {
      const tampered = Buffer.from(JSON.stringify({ ...fields, m })).toString('base64url');
      expect(() => decodeCursor(tampered, { sort: 'relevance', search }), String(m)).toThrow(InvalidCursorError);
    }
  });

  it.each([
    ['not base64url', 'abc+/='],
    ['with another count of hits seen', edited({ n: 999999 })],
    ['with other sort values', edited({ a: [1, 3, 'a'] })],
    ['without its checksum', edited({ c: undefined })],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['JSON of another shape', Buffer.from('[1,2,3]').toString('base64url')],
    ['too few values', encodeCursor(position([1, 2]))],
    ['a date that is no whole millisecond', encodeCursor(position([1, 2.5, 'a']))],
    ['an id that is no string', encodeCursor(position([1, 2, { id: 'a' }]))],
    ['no count of hits seen', encodeCursor({ ...position([1, 2, 'a']), seen: 0 })],
    ['far too long', 'A'.repeat(600)],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, { sort: 'relevance', search })).toThrow(InvalidCursorError);
  });
});
