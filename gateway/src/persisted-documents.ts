import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context.js';

/**
 * - `off`: the persisted-query protocol is refused (clients send document text).
 * - `allow`: the platform's documents are known by hash; other clients may register theirs by
 *   Apollo's automatic persisted queries (kept in a bounded in-memory cache) or send text.
 * - `require`: only the platform's own documents run — by hash or as text — unless the caller
 *   is a partner client (a client-credentials token), whose documents are its own business.
 */
export type PersistedDocumentsMode = 'off' | 'allow' | 'require';

interface ManifestOperation {
  id: string;
  name: string;
  body: string;
}

/** Read an Apollo persisted-query manifest; every id must be the SHA-256 of its body. */
export function loadPersistedDocuments(path: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    format?: string;
    version?: number;
    operations?: ManifestOperation[];
  };
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1)
    throw new Error(`${path} is not an Apollo persisted-query manifest (version 1)`);
  const documents = new Map<string, string>();
  for (const { id, name, body } of manifest.operations ?? []) {
    if (createHash('sha256').update(body).digest('hex') !== id)
      throw new Error(`${path}: the id of ${name} is not the SHA-256 of its body`);
    documents.set(id, body);
  }
  return documents;
}

/**
 * The store behind Apollo Server's persisted-query support (it adds the `apq:` prefix to keys):
 * the manifest first, then — in `allow` mode — documents registered by other clients, the most
 * recently used `registeredMax` of them. In `require` mode nothing is ever registered.
 */
export class PersistedDocumentStore {
  private readonly registered = new Map<string, string>();

  constructor(
    private readonly known: ReadonlyMap<string, string>,
    private readonly mode: Exclude<PersistedDocumentsMode, 'off'>,
    private readonly registeredMax = 10_000,
  ) {}

  private static hashOf(key: string): string {
    return key.startsWith('apq:') ? key.slice(4) : key;
  }

  async get(key: string): Promise<string | undefined> {
    const hash = PersistedDocumentStore.hashOf(key);
    const body = this.known.get(hash) ?? this.registered.get(hash);
    if (body !== undefined && this.registered.has(hash)) {
      // Map order is insertion order: re-inserting marks it as recently used.
      this.registered.delete(hash);
      this.registered.set(hash, body);
    }
    return body;
  }

  async set(key: string, value: string): Promise<void> {
    const hash = PersistedDocumentStore.hashOf(key);
    if (this.mode !== 'allow' || this.known.has(hash)) return;
    this.registered.delete(hash);
    this.registered.set(hash, value);
    if (this.registered.size > this.registeredMax)
      this.registered.delete(this.registered.keys().next().value as string);
  }

  async delete(key: string): Promise<boolean> {
    return this.registered.delete(PersistedDocumentStore.hashOf(key));
  }
}

/** In `require` mode: refuse a document that is not the platform's own, unless a partner client sent it. */
export function requirePersistedDocumentsPlugin(
  known: ReadonlyMap<string, string>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (known.has(queryHash) || contextValue.identity.clientId) return;
          throw new GraphQLError(
            'This gateway runs only the platform’s own GraphQL documents. Partner applications sign in with their client credentials to send their own.',
            { extensions: { code: 'PERSISTED_QUERY_REQUIRED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
