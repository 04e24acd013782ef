import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Cache policy for a subgraph whose public data may be shared: every field defaults to
 * `maxAge` seconds, PUBLIC; the auth directives mark guarded fields uncacheable (see
 * `applyAuthorization`), and mutations are never cacheable. Apollo Server turns the policy into
 * the response's `Cache-Control` header, which the gateway combines across the subgraphs a query
 * touched (one uncacheable part makes the whole answer uncacheable) and caches by.
 *
 * Without `maxAge` the cache-control machinery is switched off: nothing is cacheable and no time
 * is spent computing hints.
 */
export function publicCachePlugins(maxAgeSeconds: number | undefined): ApolloServerPlugin[] {
  if (!maxAgeSeconds) return [ApolloServerPluginCacheControlDisabled()];
  return [
    ApolloServerPluginCacheControl({ defaultMaxAge: maxAgeSeconds, calculateHttpHeaders: true }),
    {
      async requestDidStart() {
        return {
          async executionDidStart({ operation, overallCachePolicy }) {
            if (operation.operation !== 'query') overallCachePolicy.restrict({ maxAge: 0 });
          },
        };
      },
    },
  ];
}
