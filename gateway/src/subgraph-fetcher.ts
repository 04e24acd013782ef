import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, fetch, Response } from 'undici';

/** The fetch-like function RemoteGraphQLDataSource calls. */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
export type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Thrown by the fetcher when a subgraph could not be reached or did not answer in time: refused
 * or reset connection, DNS failure, TLS failure, or the deadline passed before the whole response
 * body arrived. The data source turns it into the client-facing UNAVAILABLE error.
 */
export class SubgraphUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly timedOut: boolean,
    cause: unknown,
  ) {
    const reason = timedOut ? 'timed out' : describeCause(cause);
    super(`subgraph ${url} unreachable: ${reason}`, { cause });
    this.name = 'SubgraphUnreachableError';
  }
}

function describeCause(cause: unknown): string {
  // undici reports network failures as TypeError('fetch failed') with the socket error as `cause`.
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : cause;
  if (inner instanceof Error) {
    const code = (inner as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${inner.message}` : inner.message;
  }
  return String(inner);
}

export interface SubgraphAgentOptions {
  /** Open connections per subgraph origin (undici keeps one pool per origin). */
  connectionsPerOrigin?: number;
  /** How long an idle keep-alive socket stays open. */
  keepAliveMs?: number;
  connectTimeoutMs?: number;
}

/** One keep-alive connection pool per subgraph origin, shared by every data source. */
export function createSubgraphAgent(options: SubgraphAgentOptions = {}): Agent {
  return new Agent({
    connections: options.connectionsPerOrigin ?? 128,
    keepAliveTimeout: options.keepAliveMs ?? 30_000,
    keepAliveMaxTimeout: 60_000,
    connect: { timeout: options.connectTimeoutMs ?? 5_000 },
  });
}

// Statuses whose response must not carry a body (the Response constructor rejects one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A fetcher over undici with a deadline per fetch (AbortSignal.timeout). The body is read inside
 * the deadline, so a subgraph that sends headers and then stalls also times out; the returned
 * response is already buffered.
 */
export function createSubgraphFetcher(agent: Agent, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const callerSignal = init.signal as AbortSignal | undefined;
    const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
    try {
      const response = await fetch(url, {
        method: init.method ?? 'POST',
        headers: init.headers,
        body: init.body,
        signal,
        dispatcher: agent,
      });
      const body = await response.arrayBuffer();
      const buffered = new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // A constructed Response has no URL; RemoteGraphQLDataSource reports it in HTTP errors.
      Object.defineProperty(buffered, 'url', { value: response.url });
      return buffered;
    } catch (error) {
      if (callerSignal?.aborted) throw error;
      throw new SubgraphUnreachableError(url, deadline.aborted, error);
    }
  };
}
