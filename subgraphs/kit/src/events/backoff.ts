/** Delay before the next try, given how many tries have failed so far (1, 2, …). */
export type Backoff = (failures: number) => number;

/** Doubling delays from `baseMs`, capped at `maxMs`: 1 s, 2 s, 4 s … 5 min by default. */
export function exponentialBackoff({ baseMs = 1000, maxMs = 300_000 } = {}): Backoff {
  return (failures) => Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
