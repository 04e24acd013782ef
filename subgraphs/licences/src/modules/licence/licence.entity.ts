import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type LicenceStatus = 'VALID' | 'SUSPENDED' | 'REVOKED';
export type LicenceSource = 'SEED' | 'STAFF' | 'AFFAIRS';

/**
 * 电子证照 — one licence issued to one person, with the GB/T 36903 metadata, the type's own fields,
 * and the signed credential exactly as issued. Its status-list positions are allocated once and
 * never reused (unique per list).
 */
export const Licence = defineEntity({
  name: 'Licence',
  tableName: 'licence',
  indexes: [
    { name: 'licence_holder_index', properties: ['holderPersonId', 'typeCode'] },
    { name: 'licence_issuer_index', properties: ['issuerCode', 'createdAt'] },
  ],
  uniques: [
    { name: 'licence_number_unique', properties: ['typeCode', 'number'] },
    { name: 'licence_revocation_entry_unique', properties: ['revocationList', 'revocationIndex'] },
    { name: 'licence_suspension_entry_unique', properties: ['suspensionList', 'suspensionIndex'] },
  ],
  properties: {
    id: p.string().length(36).primary(),
    typeCode: p.string().length(48),
    /** 证照名称 at issue. */
    name: p.string().length(64),
    /** 证照编号. */
    number: p.string().length(64),
    holderPersonId: p.string().length(36),
    holderName: p.string().length(64),
    holderIdType: p.string().length(32),
    holderIdNumber: p.string().length(32),
    holderDateOfBirth: p.string().length(10).nullable(),
    issuerCode: p.string().length(16),
    issuerName: p.string().length(64),
    /** Civil dates (China), `YYYY-MM-DD`. */
    issueDate: p.string().length(10),
    validFrom: p.string().length(10),
    validUntil: p.string().length(10).nullable(),
    /** The type's own fields, by name. */
    fields: p.json<Record<string, string | number | boolean>>(),
    status: p.string().length(16).$type<LicenceStatus>(),
    statusReason: p.text().nullable(),
    statusChangedAt: p.datetime().nullable(),
    /** The signed W3C Verifiable Credential, byte for byte as issued. */
    credential: p.text(),
    revocationList: p.integer(),
    revocationIndex: p.integer(),
    suspensionList: p.integer(),
    suspensionIndex: p.integer(),
    source: p.string().length(16).$type<LicenceSource>(),
    /** The affairs application whose approval issued it: one approval, one licence. */
    sourceApplicationId: p.string().length(36).nullable().unique(),
    issuedBy: p.string().length(64).nullable(),
    createdAt: p.datetime(),
    version: p.integer(),
  },
});
export type Licence = InferEntity<typeof Licence>;

/** One step of a licence's history: issued, revoked, suspended, reinstated — with reason and actor. */
export const LicenceStatusChange = defineEntity({
  name: 'LicenceStatusChange',
  tableName: 'licence_status_change',
  uniques: [{ name: 'licence_status_change_seq_unique', properties: ['licenceId', 'seq'] }],
  properties: {
    id: p.string().length(36).primary(),
    licenceId: p.string().length(36),
    /** The licence's version after this step: 1 for ISSUE, then one more per change. */
    seq: p.integer(),
    action: p.string().length(16).$type<'ISSUE' | 'REVOKE' | 'SUSPEND' | 'REINSTATE'>(),
    fromStatus: p.string().length(16).nullable(),
    toStatus: p.string().length(16),
    reason: p.text().nullable(),
    actorAccountId: p.string().length(64).nullable(),
    actorKind: p.string().length(16).$type<'STAFF' | 'SYSTEM'>(),
    at: p.datetime(),
    requestId: p.string().length(64).nullable(),
  },
});
export type LicenceStatusChange = InferEntity<typeof LicenceStatusChange>;
