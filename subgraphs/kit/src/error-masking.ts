import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, PUBLIC_ERROR_CODES } from './errors.js';
import type { Logger } from './logger.js';

/** A masked error: the message carries only the request id, which is also in the logs. */
export function maskedError(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  return {
    message: `Internal error (request id ${requestId}).`,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/**
 * Errors whose `extensions.code` is not public (PUBLIC_ERROR_CODES) are bugs: they are logged
 * with the request id and replaced by `Internal error (request id …)`. Used by every subgraph and
 * the gateway. At the gateway one unavailable subgraph can fail several fetches of a plan; the
 * client is told once per service.
 */
export function errorMaskingPlugin<T extends { requestId: string; log: Logger }>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const { body } = response;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          const { requestId, log } = contextValue;
          const unavailable = new Set<unknown>();
          body.singleResult.errors = body.singleResult.errors.flatMap((error) => {
            const code = error.extensions?.code;
            if (code === ErrorCode.UNAVAILABLE && !error.path) {
              const service = error.extensions?.service;
              if (unavailable.has(service)) return [];
              unavailable.add(service);
              return [error];
            }
            if (typeof code === 'string' && PUBLIC_ERROR_CODES.has(code)) return [error];
            log.error({ error }, 'unexpected error masked'); // log carries the request id
            return [maskedError(error, requestId)];
          });
        },
      };
    },
  };
}
