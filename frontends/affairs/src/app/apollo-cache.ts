import { InMemoryCache, type ApolloClient } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

const configured = new WeakSet<ApolloClient>();

/**
 * The affairs schema's cache rules, added to the kit's client (which knows only the catalog's):
 * connections merge their pages ("load more") keyed by their filter and page size; materials
 * (`m1`, `m2`… — ids only within one application) live inside their application; the clock,
 * terms and other value objects merge field by field, so a list's smaller selection never wipes
 * what a detail page fetched.
 */
export function withAffairsCachePolicies(client: ApolloClient): ApolloClient {
  if (configured.has(client)) return client;
  configured.add(client);
  if (!(client.cache instanceof InMemoryCache)) return client;
  client.cache.policies.addTypePolicies({
    Query: {
      fields: {
        myApplications: relayStylePagination(['states', 'first']),
        applicationInbox: relayStylePagination(['filter', 'first']),
        myNotifications: relayStylePagination(['unreadOnly', 'first']),
        rectificationTasks: relayStylePagination(['openOnly', 'first']),
      },
    },
    ApplicationMaterial: { keyFields: false },
    ApplicationTerms: { merge: true },
    Deadline: { merge: true },
    WorkflowRef: { merge: true },
    RuleEvaluation: { merge: true },
    Extension: { merge: true },
    Rating: { merge: true },
  });
  return client;
}
