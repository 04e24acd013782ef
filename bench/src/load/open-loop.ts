import { Agent, request as httpRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { build } from 'hdr-histogram-js';
import type { PreparedRequest } from '../workload/requests.js';

export interface OpenLoopSettings {
  /** Requests per second offered, whatever the server does. */
  rate: number;
  seconds: number;
  /** A request unanswered after this long is abandoned and counted as a timeout. */
  timeoutMs: number;
}

export interface OpenLoopResult {
  offeredRate: number;
  sent: number;
  /** 2xx answers per second, from the first send to the last admitted answer. */
  admittedRps: number;
  admitted: number;
  /** 503 and 429 answers: the server said "not now". */
  shed: number;
  /** …of which said when to come back (`Retry-After`). */
  shedWithRetryAfter: number;
  timeouts: number;
  /** Transport errors, other statuses, and 200s with GraphQL `errors`. */
  errors: number;
  /** Latency of the admitted requests, from the time each was due to be sent. */
  admittedP50: number;
  admittedP99: number;
}

/** How often the sender wakes up to send what has come due. */
const TICK_MS = 2;

/**
 * Open-loop load: requests are sent on a fixed schedule (`rate` per second) whether or not the
 * earlier ones were answered, as independent users would. Latency counts from the scheduled send
 * time, so time spent waiting for a socket or in the server's queue is not hidden (no
 * coordinated omission); it goes into an HDR histogram in microseconds. Bounded: sending stops
 * after `seconds`, and what is still unanswered `timeoutMs` later is abandoned.
 */
export async function runOpenLoop(
  requests: PreparedRequest[],
  settings: OpenLoopSettings,
): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 600_000_000,
    numberOfSignificantValueDigits: 3,
  });
  const counts = { sent: 0, admitted: 0, shed: 0, shedWithRetryAfter: 0, timeouts: 0, errors: 0 };
  const inFlight = new Set<Promise<void>>();
  let lastAdmittedAt = 0;

  const send = (prepared: PreparedRequest, dueAt: number) => {
    counts.sent += 1;
    const done = new Promise<void>((resolve) => {
      const url = new URL(prepared.url);
      const req = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: prepared.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status === 503 || status === 429) {
              counts.shed += 1;
              if (res.headers['retry-after']) counts.shedWithRetryAfter += 1;
            } else if (status >= 200 && status < 300 && !Buffer.concat(chunks).includes('"errors"')) {
              counts.admitted += 1;
              lastAdmittedAt = performance.now();
              histogram.recordValue(Math.max(1, Math.round((performance.now() - dueAt) * 1000)));
            } else counts.errors += 1;
            resolve();
          });
          res.on('error', () => {
            counts.errors += 1;
            resolve();
          });
        },
      );
      // Measured from the scheduled time: a request still unanswered this long after it was due.
      const timer = setTimeout(
        () => req.destroy(new Error('timeout')),
        Math.max(1, dueAt + settings.timeoutMs - performance.now()),
      );
      req.on('error', (error) => {
        if (error.message === 'timeout') counts.timeouts += 1;
        else counts.errors += 1;
        resolve();
      });
      req.on('close', () => clearTimeout(timer));
      req.end(prepared.body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  const start = performance.now();
  const total = Math.round(settings.rate * settings.seconds);
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Everything due by now goes out now, each stamped with the time it was due.
    for (; next < total && start + (next * 1000) / settings.rate <= now; next++)
      send(requests[next % requests.length]!, start + (next * 1000) / settings.rate);
    await delay(TICK_MS);
  }
  await Promise.race([Promise.all(inFlight), delay(settings.timeoutMs + 1000)]);
  agent.destroy();
  return {
    offeredRate: settings.rate,
    sent: counts.sent,
    // Answers keep coming after the last send: dividing by the sending time alone would overstate.
    admittedRps: counts.admitted ? Math.round((counts.admitted * 1000) / (lastAdmittedAt - start)) : 0,
    admitted: counts.admitted,
    shed: counts.shed,
    shedWithRetryAfter: counts.shedWithRetryAfter,
    timeouts: counts.timeouts,
    errors: counts.errors,
    admittedP50: histogram.totalCount ? histogram.getValueAtPercentile(50) / 1000 : 0,
    admittedP99: histogram.totalCount ? histogram.getValueAtPercentile(99) / 1000 : 0,
  };
}
