import autocannon from 'autocannon';
import { problemWith } from '../workload/check.js';
import type { PreparedRequest } from '../workload/requests.js';

export interface ClosedLoopSettings {
  seconds: number;
  connections: number;
}

/** One row: the load on one origin (a gateway, or one subgraph). */
export interface ClosedLoopResult {
  origin: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, transport errors and timeouts (autocannon's own counts). */
  failed: number;
  /** 200 answers that carry GraphQL `errors`. */
  graphqlErrors: number;
  /** Answers checked in full (one in `SAMPLE_EVERY`) and what was wrong with the first few. */
  sampled: number;
  problems: string[];
}

/** Every answer is searched for `"errors"`; one in this many is parsed and checked in full. */
const SAMPLE_EVERY = 10;

interface Context {
  current?: PreparedRequest;
}

/**
 * Closed-loop load with autocannon: `connections` clients, each sending its next request of the
 * mix as soon as the last one is answered. Requests for different origins (the subgraphs asked
 * directly) run as one autocannon per origin at the same time, connections shared by their part
 * of the mix.
 */
export async function runClosedLoop(
  requests: PreparedRequest[],
  settings: ClosedLoopSettings,
): Promise<ClosedLoopResult[]> {
  const byOrigin = new Map<string, PreparedRequest[]>();
  for (const request of requests) {
    const origin = new URL(request.url).origin;
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), request]);
  }
  return Promise.all(
    [...byOrigin].map(([origin, share]) =>
      loadOne(origin, share, {
        seconds: settings.seconds,
        connections: Math.max(1, Math.round((settings.connections * share.length) / requests.length)),
      }),
    ),
  );
}

async function loadOne(origin: string, requests: PreparedRequest[], settings: ClosedLoopSettings) {
  let next = 0;
  let answers = 0;
  let graphqlErrors = 0;
  let sampled = 0;
  const problems: string[] = [];
  const result = await autocannon({
    url: origin,
    method: 'POST',
    connections: settings.connections,
    duration: settings.seconds,
    requests: [
      {
        setupRequest(request, context: Context) {
          const chosen = requests[next++ % requests.length]!;
          context.current = chosen;
          return {
            ...request,
            path: new URL(chosen.url).pathname,
            headers: chosen.headers,
            body: chosen.body,
          };
        },
        onResponse(status, body, context: Context) {
          answers += 1;
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
          if (answers % SAMPLE_EVERY !== 0 || !context.current) return;
          sampled += 1;
          const problem = problemWith(context.current.operation, status, body);
          if (problem && problems.length < 3) problems.push(`${context.current.operation.name}: ${problem}`);
        },
      },
    ],
  });
  return {
    origin,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    graphqlErrors,
    sampled,
    problems,
  };
}
