import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../src/pagination.js';

describe('cursors', () => {
  it('round-trip to the next offset', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(42);
    expect(decodeCursor(undefined)).toBe(0);
  });

  it('refuse anything not made by the API', () => {
    expect(() => decodeCursor('garbage')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('o:-1').toString('base64url'))).toThrow();
  });

  it('bound the page size', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow();
    expect(() => pageSize(51)).toThrow();
  });

  it('build Relay page info', () => {
    const c = toConnection(['a', 'b'], 2, 5);
    expect(c.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(decodeCursor(c.pageInfo.endCursor)).toBe(4);
  });
});
