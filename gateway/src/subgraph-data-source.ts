import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, type Logger } from '@bianmin/kit';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';
import { SubgraphUnreachableError, type Fetcher, type FetcherResponse } from './subgraph-fetcher.js';

/** Answers from a proxy or load balancer in front of a subgraph that mean "not there right now". */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** The error a client sees for the part of a query a missing subgraph would have answered. */
export function unavailableError(service: string, requestId: string | undefined): GraphQLError {
  return new GraphQLError(`The ${service} service is temporarily unavailable. Please try again shortly.`, {
    extensions: { code: ErrorCode.UNAVAILABLE, service, requestId },
  });
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  fetcher: Fetcher;
  log: Logger;
}

/**
 * How the gateway calls one subgraph: undici with keep-alive and a deadline (the fetcher),
 * selected request headers forwarded, and transport failures reported as UNAVAILABLE.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly log: Logger;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: options.fetcher });
    this.name = options.name;
    this.log = options.log;
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Only operations from clients carry a request context; health checks and schema loads do not.
    if (!('incomingRequestContext' in options)) return;
    const headers = options.request.http?.headers;
    if (!headers) return;
    for (const [name, value] of Object.entries(options.context.forwardedHeaders)) headers.set(name, value);
  }

  /**
   * RemoteGraphQLDataSource calls this for every failed fetch: the fetcher threw, the status was
   * not 2xx, or the body did not parse. Whatever is thrown here becomes the error for the fetch's
   * part of the query plan; the rest of the plan still runs, so clients get partial data.
   */
  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    fetchResponse?: FetcherResponse,
    context?: GatewayContext,
  ): void {
    const unreachable = error instanceof SubgraphUnreachableError;
    if (unreachable || (fetchResponse && UNAVAILABLE_STATUSES.has(fetchResponse.status))) {
      const requestId = context?.requestId;
      // The request's logger already carries its request id.
      (context?.log ?? this.log).warn(
        {
          subgraph: this.name,
          url: this.url,
          timedOut: unreachable && error.timedOut,
          status: fetchResponse?.status,
          err: error,
        },
        `subgraph ${this.name} unavailable`,
      );
      throw unavailableError(this.name, requestId);
    }
    // Anything else (a 500, a body that is not JSON) is a bug: the masking plugin hides it.
    throw error;
  }
}
