import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 授权 — the holder lets a department or a partner API client read one licence for a stated
 * purpose until a date (即申即用). Revocable at any time; every read is a `LicenceGrantUse`.
 */
export const LicenceGrant = defineEntity({
  name: 'LicenceGrant',
  tableName: 'licence_grant',
  indexes: [
    { name: 'licence_grant_holder_index', properties: ['holderPersonId', 'createdAt'] },
    { name: 'licence_grant_licence_index', properties: ['licenceId'] },
  ],
  properties: {
    id: p.string().length(36).primary(),
    licenceId: p.string().length(36),
    holderPersonId: p.string().length(36),
    granteeKind: p.string().length(16).$type<'DEPARTMENT' | 'API_CLIENT'>(),
    /** A department code, or a partner client id. */
    granteeId: p.string().length(64),
    purpose: p.string().length(200),
    /** Claims to disclose; null: the whole licence. */
    disclose: p.json<string[]>().nullable(),
    validUntil: p.datetime(),
    createdAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
  },
});
export type LicenceGrant = InferEntity<typeof LicenceGrant>;

/** 用证记录 — one read of a licence through a grant: when, by whom, for what. */
export const LicenceGrantUse = defineEntity({
  name: 'LicenceGrantUse',
  tableName: 'licence_grant_use',
  indexes: [{ name: 'licence_grant_use_grant_index', properties: ['grantId', 'at'] }],
  properties: {
    id: p.string().length(36).primary(),
    grantId: p.string().length(36),
    at: p.datetime(),
    /** The account or partner client that read it, and how it is shown to the holder. */
    byAccountId: p.string().length(64).nullable(),
    byClientId: p.string().length(64).nullable(),
    byLabel: p.string().length(128),
    purpose: p.string().length(200),
    requestId: p.string().length(64).nullable(),
  },
});
export type LicenceGrantUse = InferEntity<typeof LicenceGrantUse>;
