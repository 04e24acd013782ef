/**
 * The QR code's countdown. A presentation stops verifying at `expiresAt` (5 minutes after it was
 * made), so the holder sees how long is left, the code dims in its last minute and is replaced by
 * a "刷新" button once it has expired: a screenshot of it goes stale.
 */
export type CountdownPhase = 'fresh' | 'ending' | 'expired';

/** The last stretch, when the holder should refresh before handing the phone over. */
export const ENDING_SECONDS = 60;

/** Whole seconds left until `deadline` (ISO 8601 or epoch ms; never negative); 0 for a bad value. */
export function secondsLeft(deadline: string | number, now: number): number {
  const end = typeof deadline === 'number' ? deadline : Date.parse(deadline);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** `4:05`, `0:09`, `12:00` — minutes and seconds. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function countdownPhase(seconds: number): CountdownPhase {
  if (seconds <= 0) return 'expired';
  return seconds <= ENDING_SECONDS ? 'ending' : 'fresh';
}

/**
 * What a screen reader hears, at most once a minute (a live region that spoke every second would
 * drown everything else): the whole minutes left, rounded up, and then "expired".
 */
export function spokenMinutesLeft(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/** How long a presentation lasts unless the server says otherwise (`PRESENTATION_TTL_SECONDS`). */
export const NOMINAL_PRESENTATION_SECONDS = 300;
/** Longer than any presentation lasts: a gap beyond it means the device's clock is off. */
const MAX_PLAUSIBLE_MS = 60 * 60 * 1000;

/**
 * When the code stops working, on this device's clock. The server's `expiresAt` is on the
 * server's clock; a phone whose clock is fast would show a fresh code as expired at once. So the
 * countdown runs from when the code arrived: for the time the server gave it when that is
 * plausible, else for the nominal lifetime. (The server still decides: the countdown only says
 * when to refresh.)
 */
export function presentationDeadline(
  expiresAt: string,
  receivedAt: number,
  nominalSeconds = NOMINAL_PRESENTATION_SECONDS,
): number {
  const gap = Date.parse(expiresAt) - receivedAt;
  if (Number.isNaN(gap) || gap <= 0 || gap > MAX_PLAUSIBLE_MS) return receivedAt + nominalSeconds * 1000;
  return receivedAt + gap;
}
