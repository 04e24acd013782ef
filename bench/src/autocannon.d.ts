// autocannon ships no types; this is the part the benchmarks use.
declare module 'autocannon' {
  export interface Request {
    body?: string;
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    /**
     * Called before each send of this request; return the request to send (null stops nothing).
     * `context` is the connection's own object, kept across its requests.
     */
    setupRequest?(request: Request & { headers: Record<string, string> }, context: object): Request | null;
    /** Called with each response to this request, with the connection's context. */
    onResponse?(status: number, body: string, context: object): void;
  }
  export interface Options {
    url: string;
    method?: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  }
  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
    total: number;
  }
  export interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Seconds the run really lasted. */
    duration: number;
  }
  /** The running benchmark: a promise of its result that can also be stopped early. */
  export interface Instance extends PromiseLike<Result> {
    stop(): void;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
