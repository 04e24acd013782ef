import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PersonSecret } from './person-secret.entity.js';

const pseudonym = (secretHex: string, personId: string) =>
  createHmac('sha256', Buffer.from(secretHex, 'hex')).update(personId, 'utf8').digest('hex');

/**
 * The person's pseudonym in the log: HMAC-SHA256(their secret, personId), hex. The secret is
 * made on first need; of several transactions making it at once, INSERT … ON CONFLICT DO NOTHING
 * lets one win and the others read the winner's (PostgreSQL waits for it to commit).
 */
export async function subjectOf(em: EntityManager, personId: string, now = new Date()): Promise<string> {
  await (em as SqlEntityManager)
    .createQueryBuilder(PersonSecret)
    .insert({ personId, secret: randomBytes(32).toString('hex'), createdAt: now })
    .onConflict('personId')
    .ignore()
    .execute('run');
  const row = await em.findOneOrFail(PersonSecret, { personId }, { disableIdentityMap: true });
  return pseudonym(row.secret, personId);
}

/**
 * PIPL erasure: delete the person's secret. Their entries stay in the log, and every proof
 * still verifies, but nothing can tie the pseudonym to them any more. Returns the pseudonym the
 * log knew them by (null when it never logged them), for the erasure's own entry.
 */
export async function forgetPerson(em: EntityManager, personId: string): Promise<{ subject: string | null }> {
  const row = await em.findOne(PersonSecret, { personId }, { disableIdentityMap: true });
  if (!row) return { subject: null };
  await em.nativeDelete(PersonSecret, { personId });
  return { subject: pseudonym(row.secret, personId) };
}
