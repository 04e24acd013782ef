import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A counter handed out by an atomic UPDATE: each licence's status-list position, never reused. */
export const StatusSequence = defineEntity({
  name: 'StatusSequence',
  tableName: 'status_sequence',
  properties: {
    name: p.string().length(32).primary(),
    nextValue: p.integer(),
  },
});
export type StatusSequence = InferEntity<typeof StatusSequence>;

/**
 * One published status list (purpose + number). `version` moves with every bit that changes, in
 * the transaction that changes it, so every replica rebuilds the same signed list for a version.
 */
export const StatusList = defineEntity({
  name: 'StatusList',
  tableName: 'status_list',
  properties: {
    purpose: p.string().length(16).primary().$type<'revocation' | 'suspension'>(),
    listNumber: p.integer().primary(),
    version: p.integer(),
    updatedAt: p.datetime(),
  },
});
export type StatusList = InferEntity<typeof StatusList>;
