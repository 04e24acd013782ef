import { describe, expect, it } from 'vitest';
import {
  countdownPhase,
  formatCountdown,
  presentationDeadline,
  secondsLeft,
  spokenMinutesLeft,
} from './countdown';

const NOW = Date.parse('2026-11-30T02:00:00.000Z');

describe('secondsLeft', () => {
  it('counts whole seconds up to the expiry, rounding up', () => {
    expect(secondsLeft('2026-11-30T02:05:00.000Z', NOW)).toBe(300);
    expect(secondsLeft('2026-11-30T02:00:00.400Z', NOW)).toBe(1);
  });

  it('takes a deadline in epoch milliseconds too', () => {
    expect(secondsLeft(NOW + 61_000, NOW)).toBe(61);
  });

  it('is never negative, and 0 for a value it cannot read', () => {
    expect(secondsLeft('2026-11-30T01:59:00.000Z', NOW)).toBe(0);
    expect(secondsLeft('soon', NOW)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it('writes minutes and two-digit seconds', () => {
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(245)).toBe('4:05');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-3)).toBe('0:00');
    expect(formatCountdown(720)).toBe('12:00');
  });
});

describe('countdownPhase', () => {
  it('is fresh, then ending in the last minute, then expired', () => {
    expect(countdownPhase(300)).toBe('fresh');
    expect(countdownPhase(61)).toBe('fresh');
    expect(countdownPhase(60)).toBe('ending');
    expect(countdownPhase(1)).toBe('ending');
    expect(countdownPhase(0)).toBe('expired');
  });
});

describe('spokenMinutesLeft', () => {
  it('rounds up to whole minutes, so it changes once a minute', () => {
    expect(spokenMinutesLeft(300)).toBe(5);
    expect(spokenMinutesLeft(241)).toBe(5);
    expect(spokenMinutesLeft(240)).toBe(4);
    expect(spokenMinutesLeft(1)).toBe(1);
    expect(spokenMinutesLeft(0)).toBe(0);
  });
});

describe('presentationDeadline', () => {
  it('counts from when the code arrived for the time the server gave it', () => {
    expect(presentationDeadline('2026-11-30T02:05:00.000Z', NOW)).toBe(NOW + 300_000);
    expect(presentationDeadline('2026-11-30T02:04:00.000Z', NOW)).toBe(NOW + 240_000);
  });

  it("falls back to the nominal five minutes when the device's clock is clearly off", () => {
    // The device is ten minutes fast: the server's expiry is already past on its clock.
    expect(presentationDeadline('2026-11-30T01:55:00.000Z', NOW)).toBe(NOW + 300_000);
    // …or hours slow.
    expect(presentationDeadline('2026-11-30T09:05:00.000Z', NOW)).toBe(NOW + 300_000);
    expect(presentationDeadline('garbage', NOW, 120)).toBe(NOW + 120_000);
  });
});
