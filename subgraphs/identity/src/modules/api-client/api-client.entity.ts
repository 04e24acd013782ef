import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * What a partner client may be granted. Kept small on purpose; each scope is documented in the
 * README and in the `ApiScope` enum of the schema.
 */
export const API_SCOPES = ['catalog:read', 'catalog:write', 'identity:verify', 'licences:shared'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * 接入应用 — a partner developer's API client for the client-credentials grant. Only SHA-256
 * hashes of its secrets are stored; the previous secret stays valid until
 * `previousSecretExpiresAt`, so a partner can roll keys without downtime.
 */
export const ApiClient = defineEntity({
  name: 'ApiClient',
  tableName: 'api_client',
  properties: {
    /** The public client id (`pc_` + 16 base64url characters). */
    clientId: p.string().length(32).primary(),
    name: p.string().length(64),
    /** The partner-developer account that registered it. */
    ownerAccountId: p.string().length(36).index(),
    /** Granted scopes, space-separated (as in the token's `scope` claim). */
    scopes: p.string().length(256),
    rateLimitPerMinute: p.integer(),
    secretHash: p.string().length(64),
    previousSecretHash: p.string().length(64).nullable(),
    previousSecretExpiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    usageCount: p.integer(),
  },
});
export type ApiClient = InferEntity<typeof ApiClient>;
