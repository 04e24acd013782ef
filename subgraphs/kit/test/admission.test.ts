import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AdmissionControl, createHttpServer, createLogger, type HttpServerHandle } from '../src/index.js';

describe('AdmissionControl', () => {
  it('runs up to maxConcurrent, queues up to maxQueued and refuses the rest', async () => {
    const admission = new AdmissionControl({ maxConcurrent: 2, maxQueued: 1, queueTimeoutMs: 60_000 });
    const first = await admission.enter();
    const second = await admission.enter();
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    const third = admission.enter();
    expect(await admission.enter()).toBeNull();
    expect(admission.stats).toEqual({ running: 2, queued: 1, shed: 1 });

    first!();
    first!(); // a second release of the same slot changes nothing
    const admitted = await third;
    expect(admitted).toBeTypeOf('function');
    expect(admission.stats).toEqual({ running: 2, queued: 0, shed: 1 });
    admitted!();
    second!();
    expect(admission.stats).toEqual({ running: 0, queued: 0, shed: 1 });
  });

  it('refuses a queued request once it has waited queueTimeoutMs', async () => {
    vi.useFakeTimers();
    try {
      const admission = new AdmissionControl({ maxConcurrent: 1, maxQueued: 5, queueTimeoutMs: 200 });
      const running = await admission.enter();
      const waiting = admission.enter();
      await vi.advanceTimersByTimeAsync(199);
      expect(admission.stats.queued).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(await waiting).toBeNull();
      expect(admission.stats).toEqual({ running: 1, queued: 0, shed: 1 });
      running!();
      expect(admission.stats.running).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('AdmissionControl watching the event loop', () => {
  const busyFor = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const watching = () =>
    new AdmissionControl({
      maxConcurrent: 100,
      maxQueued: 0,
      queueTimeoutMs: 1000,
      maxEventLoopDelayMs: 30,
      eventLoopSampleMs: 10,
    });

  it('refuses new requests while the event loop keeps running late, and admits once it catches up', async () => {
    const admission = watching();
    try {
      // Sustained overload: the loop is busy again every time the sampler gets a turn.
      for (let i = 0; i < 20 && admission.eventLoopDelay <= 30; i++) {
        busyFor(60);
        await new Promise((resolve) => setTimeout(resolve, 0)); // a turn of the timers, where the sampler runs
      }
      expect(admission.eventLoopDelay).toBeGreaterThan(30);
      expect(await admission.enter()).toBeNull();
      expect(admission.stats.shed).toBe(1);
      await vi.waitFor(() => expect(admission.eventLoopDelay).toBeLessThan(30), { timeout: 5000 });
      const release = await admission.enter();
      expect(release).toBeTypeOf('function');
      release!();
    } finally {
      admission.close();
    }
  });

  it('does not shed for one long task, such as a cold start', async () => {
    const admission = watching();
    try {
      busyFor(100);
      const before = admission.eventLoopDelay;
      await vi.waitFor(() => expect(admission.eventLoopDelay).not.toBe(before), { interval: 1 });
      await nextTurn();
      expect(admission.eventLoopDelay).toBeLessThan(30);
      const release = await admission.enter();
      expect(release).toBeTypeOf('function');
      release!();
    } finally {
      admission.close();
    }
  });
});

describe('an HTTP server with admission control', () => {
  let http: HttpServerHandle;
  let base: string;
  let entered: () => void;
  let hold: Promise<void>;
  let letGo: () => void;
  const inResolver = () => new Promise<void>((resolve) => (entered = resolve));

  beforeAll(async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { slow: String fast: String }',
      resolvers: {
        Query: {
          slow: async () => {
            entered();
            await hold;
            return 'done';
          },
          fast: () => 'ok',
        },
      },
    });
    await apollo.start();
    http = createHttpServer({
      apollo,
      log: createLogger('admission-test', 'silent'),
      context: async () => ({}),
      routes: { '/healthz': (_req, res) => void res.writeHead(200).end('ok') },
      admission: new AdmissionControl({
        maxConcurrent: 1,
        maxQueued: 0,
        queueTimeoutMs: 1000,
        retryAfterSeconds: 2,
      }),
    });
    base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  afterAll(() => http.close(100));

  const ask = (query: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });

  it('answers 503 with Retry-After past capacity, serves health checks, and admits again when free', async () => {
    hold = new Promise((resolve) => (letGo = resolve));
    const resolverEntered = inResolver();
    const slow = ask('{ slow }');
    await resolverEntered;

    const refused = await ask('{ fast }');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    const body = (await refused.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'OVERLOADED',
      retryAfterSeconds: 2,
    });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    letGo();
    expect(await (await slow).json()).toEqual({ data: { slow: 'done' } });
    const admitted = await ask('{ fast }');
    expect(admitted.status).toBe(200);
    expect(await admitted.json()).toEqual({ data: { fast: 'ok' } });
  });
});
