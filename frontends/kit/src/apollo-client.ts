import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { createAuthLink, type AuthLinkOptions } from './auth-link';

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

export type ApolloClientOptions = AuthLinkOptions;

/** SHA-256 as lower-case hex, from Web Crypto (only there in secure contexts: https or localhost). */
async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Send a document's SHA-256 instead of its text (Apollo's persisted-query protocol). The gateway
 * knows every first-party document from `schema/persisted-documents.json`; for one it does not
 * know, the link resends with the text. Without Web Crypto (a plain-http origin other than
 * localhost), documents go as text.
 */
export function createPersistedDocumentsLink(): ApolloLink | null {
  if (!globalThis.crypto?.subtle) return null;
  return new PersistedQueryLink({ sha256: sha256Hex });
}

interface MemoisedClient {
  client: ApolloClient;
  /** The latest options: a re-rendered remote may pass new callbacks to the same client. */
  options: ApolloClientOptions;
}

const clients = new Map<string, MemoisedClient>();

/**
 * One Apollo Client per gateway URL (per bundle). Remotes call this with the URL the shell passes
 * them, so re-mounting a remote keeps its cache. `options.getAccessToken` adds the bearer token and
 * refreshes once when the gateway says it expired (see `createAuthLink`); the latest options given
 * for a URL are the ones used.
 */
export function createApolloClient(gatewayUrl: string, options: ApolloClientOptions = {}): ApolloClient {
  let entry = clients.get(gatewayUrl);
  if (!entry) {
    const created: MemoisedClient = {
      options,
      client: new ApolloClient({
        link: ApolloLink.from(
          [
            createAuthLink(() => created.options),
            createPersistedDocumentsLink(),
            new HttpLink({ uri: gatewayUrl }),
          ].filter((link): link is ApolloLink => link !== null),
        ),
        cache: createCatalogCache(),
        defaultOptions: { watchQuery: { notifyOnNetworkStatusChange: true } },
      }),
    };
    entry = created;
    clients.set(gatewayUrl, entry);
  }
  entry.options = options;
  return entry.client;
}
