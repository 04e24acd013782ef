import { InMemoryCache, type ApolloClient } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

const configured = new WeakSet<ApolloClient>();

/**
 * The licences schema's cache rules, added to the kit's client: connections merge their pages,
 * licence types and departments are keyed by their codes, and value objects (fields, history
 * steps, uses) live inside their parent.
 */
export function withLicencesCachePolicies(client: ApolloClient): ApolloClient {
  if (configured.has(client)) return client;
  configured.add(client);
  if (!(client.cache instanceof InMemoryCache)) return client;
  client.cache.policies.addTypePolicies({
    Query: {
      fields: {
        myLicences: relayStylePagination(['typeCodes', 'first']),
        myLicenceGrants: relayStylePagination(['licenceId', 'first']),
      },
    },
    LicenceType: { keyFields: ['code'] },
    Organization: { keyFields: ['code'] },
    IssuingAuthority: { merge: true },
    ValidityRule: { merge: true },
    LicenceFieldSpec: { keyFields: false },
    LicenceFieldValue: { keyFields: false },
    LicenceStatusStep: { keyFields: false },
    LicenceGrantUse: { keyFields: false },
  });
  return client;
}
