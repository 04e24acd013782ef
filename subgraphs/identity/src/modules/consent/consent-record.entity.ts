import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * What a person can consent to (PIPL 第十四条: consent is specific to a purpose). The first two
 * are required to use the platform at all; notifications are optional.
 */
export const CONSENT_PURPOSES = [
  'PLATFORM_TERMS',
  'PERSONAL_DATA_PROCESSING',
  'SERVICE_NOTIFICATIONS',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const REQUIRED_CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'PLATFORM_TERMS',
  'PERSONAL_DATA_PROCESSING',
];

/** How a consent ended: withdrawn by the person, or replaced by consent to a newer policy version. */
export type ConsentEnd = 'WITHDRAWN' | 'SUPERSEDED';

/**
 * 同意记录 — one consent to one purpose at one policy version. History is never rewritten: each
 * grant is a new row; withdrawing stamps `withdrawnAt` on the row in force (and nothing else), so
 * the record of what the person agreed to, and when, survives withdrawal and account deletion.
 */
export const ConsentRecord = defineEntity({
  name: 'ConsentRecord',
  tableName: 'consent_record',
  indexes: [{ name: 'consent_record_person_id_purpose_index', properties: ['personId', 'purpose'] }],
  properties: {
    id: p.string().length(36).primary(),
    accountId: p.string().length(36).index(),
    personId: p.string().length(36),
    purpose: p.string().length(32).$type<ConsentPurpose>(),
    /** The version of the privacy policy / terms the person agreed to, e.g. `2026-11`. */
    policyVersion: p.string().length(32),
    grantedAt: p.datetime(),
    /** The request that recorded the consent (as in the logs). */
    requestId: p.string().length(64),
    withdrawnAt: p.datetime().nullable(),
    endReason: p.string().length(16).$type<ConsentEnd>().nullable(),
    withdrawRequestId: p.string().length(64).nullable(),
  },
});
export type ConsentRecord = InferEntity<typeof ConsentRecord>;
