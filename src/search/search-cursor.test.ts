import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from './search-cursor.js';

describe('search cursor', () => {
  it('hands back the sort values it was made of', () => {
    const cursor = encodeCursor('relevance', [2.5, 1627344000000, '004_cacf537383d56ce7']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'relevance')).toEqual([2.5, 1627344000000, '004_cacf537383d56ce7']);
    expect(decodeCursor(encodeCursor('newest', [Number.MIN_SAFE_INTEGER, 1, 'a']), 'newest')).toEqual([Number.MIN_SAFE_INTEGER, 1, 'a']);
  });

  it('refuses a cursor of another sort order', () => {
    expect(() => decodeCursor(encodeCursor('newest', [1, 1, 'a']), 'relevance')).toThrow(/sorted by newest/);
  });

  it.each([
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['JSON of another shape', Buffer.from('[1,2,3]').toString('base64url')],
    ['too few values', encodeCursor('relevance', [1, 2])],
    ['a date that is no whole millisecond', encodeCursor('relevance', [1, 2.5, 'a'])],
    ['an id that is no string', encodeCursor('relevance', [1, 2, { id: 'a' }])],
    ['far too long', 'A'.repeat(600)],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 'relevance')).toThrow(InvalidCursorError);
  });
});
