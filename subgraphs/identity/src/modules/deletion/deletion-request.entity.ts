import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type DeletionStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/**
 * 注销申请 — a person asks for their account and personal data to be deleted (PIPL 第四十七条);
 * an administrator approves or rejects it. `openPersonId` equals `personId` while the request is
 * PENDING and is null once decided: its unique index allows one open request per person on both
 * drivers (NULLs never collide), so two concurrent requests cannot both be open.
 */
export const DeletionRequest = defineEntity({
  name: 'DeletionRequest',
  tableName: 'deletion_request',
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36).index(),
    accountId: p.string().length(36),
    openPersonId: p.string().length(36).nullable().unique(),
    status: p.string().length(16).$type<DeletionStatus>().index(),
    /** The person's own words, at most 500 characters; optional. */
    reason: p.string().length(500).nullable(),
    requestedAt: p.datetime(),
    requestId: p.string().length(64),
    decidedAt: p.datetime().nullable(),
    /** The administrator's account. */
    decidedBy: p.string().length(36).nullable(),
    decisionNote: p.string().length(500).nullable(),
    version: p.integer(),
  },
});
export type DeletionRequest = InferEntity<typeof DeletionRequest>;
