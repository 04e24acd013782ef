import { createHash } from 'node:crypto';
import { random } from '@bianmin/catalog/synthetic';

/**
 * A seeded stream of random choices. Each part of the city draws from its own stream (seed +
 * part name), so adding residents does not move the geography or the catalog, and nothing here
 * reads `Math.random` or the clock: the same seed gives the same city.
 */
export class Rng {
  private constructor(readonly next: () => number) {}

  /** The 32-bit seed of `part` (e.g. "residents") of the city of `seed`. */
  static seedOf(seed: number, part: string): number {
    return createHash('sha256').update(`bianmin-sim:${seed}:${part}`).digest().readUInt32BE(0);
  }

  /** The stream of `part` for `seed`. */
  static of(seed: number, part: string): Rng {
    return new Rng(random(Rng.seedOf(seed, part)));
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A number in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      if (r < weight) return value;
      r -= weight;
    }
    return choices[choices.length - 1]![0];
  }

  /** `length` random bytes. */
  bytes(length: number): Buffer {
    return Buffer.from(Array.from({ length }, () => Math.floor(this.next() * 256)));
  }
}

/**
 * The id of the n-th thing of `kind` in the city of `seed`: a UUID from a hash, so ids do not
 * shift when anything else about the city changes.
 */
export function syntheticId(seed: number, kind: string, n: number): string {
  const h = createHash('sha256').update(`bianmin-sim:${seed}:${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
