import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 租约 — who may run a named singleton job right now. A holder keeps it by renewing before
 * `expiresAt`; when it stops renewing (crash, partition) anyone may take it over after that.
 */
export const Lease = defineEntity({
  name: 'Lease',
  tableName: 'lease',
  properties: {
    name: p.string().length(100).primary(),
    owner: p.string().length(100),
    expiresAt: p.datetime(),
  },
});
export type Lease = InferEntity<typeof Lease>;
