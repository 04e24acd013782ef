import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * Cache rules for the catalog schema. Connections are keyed by their filter/query *and* `first`,
 * so a short list (suggestions, "popular") never shares cache entries with a paginated list.
 */
export function createCatalogCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          serviceItems: relayStylePagination(['filter', 'first']),
          searchServiceItems: relayStylePagination(['query', 'first']),
        },
      },
      ServiceItem: { keyFields: ['id'] },
      ServicePoint: { keyFields: ['id'] },
      LifeEvent: { keyFields: ['code'] },
      Department: { keyFields: ['code'] },
      Region: { keyFields: ['code'] },
      LicenceTypeRef: { keyFields: ['code'] },
      // Value objects without identity live inside their parent.
      Location: { keyFields: false },
      Material: { keyFields: false },
      Fee: { keyFields: false },
      Faq: { keyFields: false },
      OpeningHours: { keyFields: false },
      NearbyServicePoint: { keyFields: false },
    },
  });
}

const clients = new Map<string, ApolloClient>();

/**
 * One Apollo Client per gateway URL (per bundle). Remotes call this with the URL the shell passes
 * them, so re-mounting a remote keeps its cache.
 */
export function createApolloClient(gatewayUrl: string): ApolloClient {
  let client = clients.get(gatewayUrl);
  if (!client) {
    client = new ApolloClient({
      link: new HttpLink({ uri: gatewayUrl }),
      cache: createCatalogCache(),
      defaultOptions: { watchQuery: { notifyOnNetworkStatusChange: true } },
    });
    clients.set(gatewayUrl, client);
  }
  return client;
}
