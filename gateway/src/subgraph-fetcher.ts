import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';

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

/** The response headers as Apollo's fetcher interface reads them, over undici's plain object. */
class ResponseHeaders implements Iterable<[string, string]> {
  private readonly map = new Map<string, string>();

  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw))
      if (value !== undefined)
        this.map.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  append(name: string, value: string): void {
    const existing = this.get(name);
    this.set(name, existing === null ? value : `${existing}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
}

/** A subgraph's answer, read in full inside the deadline. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: ResponseHeaders,
    private readonly body: Buffer,
  ) {}
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  get statusText() {
    return STATUS_CODES[this.status] ?? '';
  }
  async text() {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }
  async json() {
    return JSON.parse(await this.text()) as unknown;
  }
  async arrayBuffer() {
    this.bodyUsed = true;
    return this.body.buffer.slice(
      this.body.byteOffset,
      this.body.byteOffset + this.body.byteLength,
    ) as ArrayBuffer;
  }
  clone() {
    return new BufferedResponse(this.url, this.status, this.headers, this.body);
  }
}

/**
 * A fetcher over undici's `request` (its lean API: no WHATWG streams or Response objects, which
 * cost more than the rest of a subgraph call in the gateway's profile) with one deadline per fetch
 * covering connect, send and the whole response body: a subgraph that sends headers and then
 * stalls also times out. The returned response is already buffered.
 */
export function createSubgraphFetcher(agent: Agent, timeoutMs: number): Fetcher {
  return async (url, init = {}) => {
    // An EventEmitter is a signal undici accepts, and far cheaper to make than an AbortSignal.
    const abort = new EventEmitter();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.emit('abort');
    }, timeoutMs);
    const callerSignal = init.signal as AbortSignal | undefined;
    const onCallerAbort = () => abort.emit('abort');
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const response = await request(url, {
        method: (init.method ?? 'POST') as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        signal: abort,
        dispatcher: agent,
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      return new BufferedResponse(url, response.statusCode, new ResponseHeaders(response.headers), body);
    } catch (error) {
      if (callerSignal?.aborted) throw error;
      throw new SubgraphUnreachableError(url, timedOut, error);
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  };
}
