import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: people read these out on the phone to 12345.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * 办件编号: `YH` + the civil date in China + 6 random characters, e.g. YH20261129A7K3Q2. Random
 * rather than a counter so replicas need no coordination; the unique index catches the
 * (1 in ~900 million per day) collision and the caller retries.
 */
export function newReference(now: number): string {
  const date = new Date(now + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  let tail = '';
  for (let i = 0; i < 6; i += 1) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `YH${date}${tail}`;
}
