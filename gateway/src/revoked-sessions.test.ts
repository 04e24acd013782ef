import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { RevokedSessions } from './revoked-sessions.js';
import { revocationDurableName } from './session-revocations.js';

function setup(options: { maxEntries?: number; graceMs?: number; pruneEveryMs?: number } = {}) {
  let now = 1_000_000;
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const list = new RevokedSessions({ ...options, now: () => now, log });
  return {
    list,
    lines,
    advance: (ms: number) => {
      now += ms;
    },
    at: (ms: number) => now + ms,
  };
}

describe('RevokedSessions', () => {
  it('holds a session until its tokens have expired plus the grace period, then forgets it', () => {
    const { list, advance, at } = setup({ graceMs: 5_000 });
    expect(list.add(['s1', 's2'], at(600_000))).toBe(2);
    expect(list.has('s1')).toBe(true);
    expect(list.has('s3')).toBe(false);
    advance(604_999);
    expect(list.has('s1')).toBe(true);
    advance(1);
    expect(list.has('s1')).toBe(false);
    expect(list.size).toBe(1); // s1 went when asked about; s2 waits for a prune
    expect(list.prune()).toBe(1);
    expect(list.size).toBe(0);
  });

  it('is idempotent, keeps the later end, and ignores revocations whose tokens have expired', () => {
    const { list, advance, at } = setup({ graceMs: 0 });
    expect(list.add(['s1'], at(600_000))).toBe(1);
    expect(list.add(['s1'], at(600_000))).toBe(0);
    expect(list.add(['s1'], at(100_000))).toBe(0);
    expect(list.add(['s1'], at(900_000))).toBe(1);
    advance(800_000);
    expect(list.has('s1')).toBe(true);
    expect(list.add(['old'], at(-1))).toBe(0);
    expect(list.has('old')).toBe(false);
  });

  it('prunes expired entries as new ones arrive, at most once per interval', () => {
    const { list, advance, at } = setup({ graceMs: 0, pruneEveryMs: 60_000 });
    list.add(['a', 'b'], at(10_000));
    advance(20_000);
    list.add(['c'], at(10_000)); // within the interval of the first prune: a and b stay for now
    expect(list.size).toBe(3);
    advance(60_000);
    list.add(['d'], at(10_000));
    expect(list.size).toBe(1);
  });

  it('stays within maxEntries: expired first, then the soonest to expire go, and says so', () => {
    const { list, lines, at } = setup({ maxEntries: 10, graceMs: 0 });
    for (let i = 0; i < 10; i++) list.add([`s${i}`], at(1000 + i));
    expect(lines).toHaveLength(0);
    list.add(['latest'], at(60_000));
    expect(list.size).toBe(10);
    expect(list.has('latest')).toBe(true);
    expect(list.has('s9')).toBe(true);
    expect(list.has('s0')).toBe(false);
    expect(lines[0]).toMatchObject({ level: 50, event: 'revoked-sessions-full', maxEntries: 10, dropped: 1 });
  });

  it('makes room by pruning alone when expired entries free enough', () => {
    const { list, lines, advance, at } = setup({ maxEntries: 3, graceMs: 0, pruneEveryMs: 3_600_000 });
    list.add(['a', 'b'], at(1000));
    list.add(['c'], at(100_000));
    advance(2000);
    list.add(['d'], at(100_000));
    expect(list.has('c') && list.has('d')).toBe(true);
    expect(list.size).toBe(2);
    expect(lines).toHaveLength(0);
  });
});

describe('revocationDurableName', () => {
  it('is unique per call and a valid durable name', () => {
    const a = revocationDurableName();
    const b = revocationDurableName();
    expect(a).not.toBe(b);
    for (const name of [a, b]) expect(name).toMatch(/^gateway-revocations-[A-Za-z0-9_-]+-\d+-[0-9a-f]{8}$/);
    expect(a.length).toBeLessThanOrEqual(100);
  });
});
