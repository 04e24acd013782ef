import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 签名检查点 — a signed tree head the log has published: the C2SP signed note for `treeSize`.
 * At most one per size (Ed25519 is deterministic, so signing a size again gives the same note).
 */
export const SignedCheckpoint = defineEntity({
  name: 'SignedCheckpoint',
  tableName: 'checkpoint',
  properties: {
    treeSize: p.integer().primary().autoincrement(false),
    /** Lowercase hex. */
    rootHash: p.string().length(64),
    note: p.text(),
    /** The signing key's id (8 hex digits), to tell keys apart across rotations. */
    keyId: p.string().length(8),
    createdAt: p.datetime(),
  },
});
export type SignedCheckpoint = InferEntity<typeof SignedCheckpoint>;
