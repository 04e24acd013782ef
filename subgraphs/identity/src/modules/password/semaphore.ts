/** Thrown when the queue is full: the caller sheds load instead of waiting without bound. */
export class QueueFullError extends Error {
  constructor() {
    super('too many operations waiting');
    this.name = 'QueueFullError';
  }
}

/**
 * At most `limit` operations run at once; up to `maxQueue` more wait their turn (first come, first
 * served); beyond that `run` fails at once with QueueFullError.
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxQueue: number = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('limit must be a positive integer');
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxQueue) throw new QueueFullError();
      // The releasing operation hands its slot over directly, so `active` never exceeds `limit`.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await operation();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
