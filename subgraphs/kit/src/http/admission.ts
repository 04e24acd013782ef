/**
 * Admission control for an HTTP server under more load than it can serve: at most
 * `maxConcurrent` requests run at once, up to `maxQueued` more wait (first come, first served) for
 * at most `queueTimeoutMs`, and the rest are refused at once — so an overloaded server answers
 * "busy, retry after a second" in microseconds instead of letting every request time out.
 *
 * Bounding the queue wait is what keeps the latency of admitted requests bounded: a request is
 * either served within about `queueTimeoutMs` plus its own run time, or refused.
 *
 * The concurrency limit cannot see one kind of overload: requests that are each quick (answers
 * from a cache, say) arriving faster than the process can run them. They wait in the event loop,
 * not in this queue. So the event loop's own delay is watched too (sampled every
 * `eventLoopSampleMs`, averaged): while it stays over `maxEventLoopDelayMs`, new requests are
 * refused at once.
 */
export interface AdmissionOptions {
  maxConcurrent: number;
  maxQueued: number;
  queueTimeoutMs: number;
  /** What a refused request is told (the `Retry-After` header), in seconds. */
  retryAfterSeconds?: number;
  /** Refuse new requests while the event loop runs this late (0 or unset: never). */
  maxEventLoopDelayMs?: number;
  /** How often the event loop's delay is sampled; default 20 ms. */
  eventLoopSampleMs?: number;
}

export type Release = () => void;

interface Waiter {
  admit: (release: Release) => void;
  timer: NodeJS.Timeout;
}

export class AdmissionControl {
  readonly retryAfterSeconds: number;
  private running = 0;
  private readonly queue: Waiter[] = [];
  private shedCount = 0;
  private eventLoopDelayMs = 0;
  private sampler: NodeJS.Timeout | undefined;

  constructor(private readonly options: AdmissionOptions) {
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
    if (options.maxEventLoopDelayMs) this.watchEventLoop(options.eventLoopSampleMs ?? 20);
  }

  /** Resolves to a release function once the request may run, or to null when it is refused. */
  enter(): Promise<Release | null> {
    if (this.options.maxEventLoopDelayMs && this.eventLoopDelayMs > this.options.maxEventLoopDelayMs) {
      this.shedCount++;
      return Promise.resolve(null);
    }
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.options.maxQueued) {
      this.shedCount++;
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: resolve,
        timer: setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          this.shedCount++;
          resolve(null);
        }, this.options.queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  /** Requests running, waiting, and refused since start (for metrics and tests). */
  get stats() {
    return { running: this.running, queued: this.queue.length, shed: this.shedCount };
  }

  /** The event loop's recent delay (a moving average of the samples), in milliseconds. */
  get eventLoopDelay(): number {
    return this.eventLoopDelayMs;
  }

  /** Stop sampling the event loop (the server is closing). */
  close(): void {
    clearInterval(this.sampler);
  }

  /**
   * A timer that should fire every `everyMs`: how much later than that it fires is the time a
   * callback waits for the event loop right now.
   */
  private watchEventLoop(everyMs: number): void {
    let expected = performance.now() + everyMs;
    this.sampler = setInterval(() => {
      const now = performance.now();
      // A moving average (about the last five samples): a loop that keeps running late sheds, a
      // single long task — a cold start, the first plan of a new query — does not.
      this.eventLoopDelayMs += (Math.max(0, now - expected) - this.eventLoopDelayMs) * 0.2;
      expected = now + everyMs;
    }, everyMs);
    this.sampler.unref();
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) {
        // The slot passes straight to the next waiter: `running` stays the same.
        clearTimeout(next.timer);
        next.admit(this.releaser());
      } else {
        this.running--;
      }
    };
  }
}
