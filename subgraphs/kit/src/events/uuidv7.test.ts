import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuidv7.js';

describe('uuidv7', () => {
  it('makes version-7 UUIDs that sort in the order they were made, even within one millisecond', () => {
    const at = Date.parse('2026-11-29T00:00:00Z');
    const ids = Array.from({ length: 5000 }, () => uuidv7(at));
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('does not go backwards when the clock does', () => {
    const later = uuidv7(Date.parse('2026-11-29T00:00:01Z'));
    expect(uuidv7(Date.parse('2026-11-29T00:00:00Z')) > later).toBe(true);
  });
});
