import { describe, expect, it } from 'vitest';
import { cursorSearchingInstead, decodeCursor, encodeCursor, InvalidCursorError, searchDigest, type CursorPosition } from './search-cursor.js';

const search = searchDigest({ q: 'بلينكن', filters: {} });
const position = (after: readonly unknown[], sort: CursorPosition['sort'] = 'relevance'): CursorPosition => ({ sort, search, seen: 10, after });
const base64url = (fields: Record<string, unknown>) => Buffer.from(JSON.stringify(fields)).toString('base64url');

describe('search cursor', () => {
  it('hands back the sort values it was made of and the hits already listed', async () => {
    const cursor = encodeCursor(position([2.5, 1627344000000, '004_cacf537383d56ce7']));
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeCursor(cursor, { sort: 'relevance', search: () => search })).toEqual({ after: [2.5, 1627344000000, '004_cacf537383d56ce7'], seen: 10 });
    // Newest first, a publication time and the id: no score, which moves as articles are added.
    expect((await decodeCursor(encodeCursor(position([Number.MIN_SAFE_INTEGER, 'a'], 'newest')), { sort: 'newest', search: () => search })).after).toEqual([
      Number.MIN_SAFE_INTEGER,
      'a',
    ]);
  });

  it('reads the cursors it gave before its fields grew: no month or respelling, and newest first with the score', async () => {
    // As they were written then: the checksum of sort, search, count and values alone.
    const legacy = (sort: string, after: unknown[]) => base64url({ s: sort, k: search, n: 10, a: after, c: searchDigest([sort, search, 10, after]) });
    expect(await decodeCursor(legacy('relevance', [2.5, 1627344000000, 'a']), { sort: 'relevance', search: () => search })).toEqual({
      after: [2.5, 1627344000000, 'a'],
      seen: 10,
    });
    expect(await decodeCursor(legacy('newest', [1627344000000, 2.5, 'a']), { sort: 'newest', search: () => search })).toEqual({
      after: [1627344000000, 'a'],
      seen: 10,
    });
  });

  it('refuses a cursor of another sort order, before reading the search it is given with, or of another search', async () => {
    let read = 0;
    const searchOf = () => (read++, search);
    await expect(decodeCursor(encodeCursor(position([1, 'a'], 'newest')), { sort: 'relevance', search: searchOf })).rejects.toThrow(/sorted by newest/);
    expect(read).toBe(0);
    const other = searchDigest({ q: 'ترامب', filters: {} });
    expect(other).not.toBe(search);
    await expect(decodeCursor(encodeCursor(position([1, 1, 'a'])), { sort: 'relevance', search: () => other })).rejects.toThrow(/another search/);
  });

  const edited = (changes: Record<string, unknown>) => {
    const fields = JSON.parse(Buffer.from(encodeCursor(position([1, 2, 'a'])), 'base64url').toString('utf8')) as Record<string, unknown>;
    return base64url({ ...fields, ...changes });
  };

  it('reads its own fields back, and nothing edited', async () => {
    expect(await decodeCursor(edited({}), { sort: 'relevance', search: () => search })).toEqual({ after: [1, 2, 'a'], seen: 10 });
  });

  it('carries the names its first page respelled, and refuses them edited', async () => {
    const respelled = { مكرون: 'ماكرون' };
    const cursor = encodeCursor({ ...position([1, 2, 'a']), respelled });
    expect(await decodeCursor(cursor, { sort: 'relevance', search: () => search })).toEqual({ after: [1, 2, 'a'], seen: 10, respelled });
    // None respelled: the cursor is what it was before respellings were carried.
    expect(encodeCursor({ ...position([1, 2, 'a']), respelled: {} })).toBe(encodeCursor(position([1, 2, 'a'])));
    const fields = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    await expect(decodeCursor(base64url({ ...fields, r: { مكرون: 'بوتين' } }), { sort: 'relevance', search: () => search })).rejects.toThrow(
      InvalidCursorError,
    );
  });

  it('carries the text its first page searched instead of q, hands it to the search it is checked against, and refuses it edited', async () => {
    const cursor = cursorSearchingInstead(encodeCursor({ ...position([1, 2, 'a']), monthRead: true }), 'مصر');
    const asked: (string | undefined)[] = [];
    const searchOf = (_monthRead: boolean | undefined, instead: string | undefined) => (asked.push(instead), search);
    expect(await decodeCursor(cursor, { sort: 'relevance', search: searchOf })).toEqual({ after: [1, 2, 'a'], seen: 10, monthRead: true, instead: 'مصر' });
    expect(asked).toEqual(['مصر']);
    const fields = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    await expect(decodeCursor(base64url({ ...fields, i: 'ليبيا' }), { sort: 'relevance', search: () => search })).rejects.toThrow(InvalidCursorError);
    await expect(decodeCursor(base64url({ ...fields, i: undefined }), { sort: 'relevance', search: () => search })).rejects.toThrow(InvalidCursorError);
  });

  it('carries how its first page read a month in q, hands it to the search it is checked against, and refuses it edited', async () => {
    const respelled = { مكرون: 'ماكرون' };
    for (const monthRead of [true, false]) {
      const asked: (boolean | undefined)[] = [];
      const searchOf = (read: boolean | undefined) => (asked.push(read), search);
      expect(await decodeCursor(encodeCursor({ ...position([1, 2, 'a']), monthRead }), { sort: 'relevance', search: searchOf })).toEqual({
        after: [1, 2, 'a'],
        seen: 10,
        monthRead,
      });
      expect(asked).toEqual([monthRead]);
      const both = await decodeCursor(encodeCursor({ ...position([1, 2, 'a']), respelled, monthRead }), { sort: 'relevance', search: () => search });
      expect(both).toEqual({ after: [1, 2, 'a'], seen: 10, respelled, monthRead });
    }
    const read = JSON.parse(Buffer.from(encodeCursor({ ...position([1, 2, 'a']), monthRead: true }), 'base64url').toString('utf8')) as Record<string, unknown>;
    await expect(decodeCursor(base64url({ ...read, m: 0 }), { sort: 'relevance', search: () => search })).rejects.toThrow(InvalidCursorError);
    // A value no first page gives, even with its checksum made to match.
    const { s, k, n, a } = read;
    for (const m of [2, 'yes']) {
      await expect(
        decodeCursor(base64url({ s, k, n, a, m, c: searchDigest([s, k, n, a, null, m]) }), { sort: 'relevance', search: () => search }),
        String(m),
      ).rejects.toThrow(InvalidCursorError);
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
    ['newest first, a date that is no whole millisecond', encodeCursor(position([2.5, 'a'], 'newest'))],
    ['far too long', 'A'.repeat(600)],
  ])('refuses %s', async (label, cursor) => {
    const sort = label.startsWith('newest') ? 'newest' : 'relevance';
    await expect(decodeCursor(cursor, { sort, search: () => search })).rejects.toThrow(InvalidCursorError);
  });
});
