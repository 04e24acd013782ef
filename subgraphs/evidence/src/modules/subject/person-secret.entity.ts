import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * 个人密钥 — the random key behind a person's pseudonym in the log: entries carry
 * HMAC-SHA256(secret, personId), never the person. Deleting the row (PIPL erasure) leaves the
 * pseudonym in every entry but nothing that can tie it back to the person.
 */
export const PersonSecret = defineEntity({
  name: 'PersonSecret',
  tableName: 'person_secret',
  properties: {
    personId: p.string().length(64).primary(),
    /** 32 random bytes, hex. */
    secret: p.string().length(64),
    createdAt: p.datetime(),
  },
});
export type PersonSecret = InferEntity<typeof PersonSecret>;
