import { createHash } from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { signDocument } from '../credential/data-integrity.js';
import type { IssuerKeyRing } from '../credential/issuer-keys.js';
import {
  statusListUrl,
  VC_V2_CONTEXT,
  type StatusEntry,
  type StatusPurpose,
} from '../credential/licence-credential.js';
import { Licence } from '../licence/licence.entity.js';
import { Bitstring, STATUS_LIST_SIZE } from './bitstring.js';
import { StatusList, StatusSequence } from './status-list.entity.js';

export const STATUS_PURPOSES: StatusPurpose[] = ['revocation', 'suspension'];
/** Lists served per purpose (routes are registered up front): 64 × 131,072 ≈ 8.4 million licences. */
export const MAX_STATUS_LISTS = 64;
const SEQUENCE = 'licence-status';

/**
 * Where the n-th licence's bits are: list ⌊n / 131,072⌋ + 1, at a position scattered over the
 * list by an affine bijection of ℤ/2¹⁷ (odd multiplier), so neighbouring licences do not sit in
 * neighbouring bits. Each n is handed out once, so no position is ever reused.
 */
export function statusPosition(n: number): { listNumber: number; index: number } {
  const k = n % STATUS_LIST_SIZE;
  return {
    listNumber: Math.floor(n / STATUS_LIST_SIZE) + 1,
    index: (k * 40_503 + 12_345) % STATUS_LIST_SIZE,
  };
}

/** The revocation and suspension entries of the n-th licence (both purposes share the position). */
export function statusEntriesOf(n: number): StatusEntry[] {
  const { listNumber, index } = statusPosition(n);
  return STATUS_PURPOSES.map((purpose) => ({ purpose, listNumber, index }));
}

/**
 * Take the next `count` status positions inside the caller's transaction; returns the first.
 * The UPDATE comes first so the transaction holds the row lock (PostgreSQL) or the write lock
 * (SQLite) before it reads the value: concurrent issuances serialise here and never see the same
 * number. A bulk load takes a whole block in one statement.
 */
export async function reserveStatusPositions(tx: EntityManager, count: number, at: Date): Promise<number> {
  const taken = { nextValue: raw('next_value + ?', [count]) };
  const updated = await tx.nativeUpdate(StatusSequence, { name: SEQUENCE }, taken);
  if (updated === 0) {
    await (tx as SqlEntityManager)
      .createQueryBuilder(StatusSequence)
      .insert({ name: SEQUENCE, nextValue: 0 })
      .onConflict('name')
      .ignore()
      .execute('run');
    await tx.nativeUpdate(StatusSequence, { name: SEQUENCE }, taken);
  }
  const row = await tx.findOneOrFail(StatusSequence, { name: SEQUENCE }, { refresh: true });
  const first = row.nextValue - count;
  const lists = [statusPosition(first).listNumber, statusPosition(row.nextValue - 1).listNumber];
  if (lists[1]! > MAX_STATUS_LISTS) throw new Error('every status list is full (MAX_STATUS_LISTS)');
  // A list is published (empty at first) from its first entry on, for both purposes.
  for (let listNumber = lists[0]!; listNumber <= lists[1]!; listNumber++)
    for (const purpose of STATUS_PURPOSES)
      await (tx as SqlEntityManager)
        .createQueryBuilder(StatusList)
        .insert({ purpose, listNumber, version: 0, updatedAt: at })
        .onConflict(['purpose', 'listNumber'])
        .ignore()
        .execute('run');
  return first;
}

/** A bit changed: the list gets a new version in the same transaction. */
export async function touchStatusList(
  tx: EntityManager,
  purpose: StatusPurpose,
  listNumber: number,
  at: Date,
) {
  await tx.nativeUpdate(StatusList, { purpose, listNumber }, { version: raw('version + 1'), updatedAt: at });
}

export interface PublishedStatusList {
  /** The signed BitstringStatusListCredential as served (JSON text). */
  body: string;
  etag: string;
  version: number;
}

/**
 * The signed status list credentials, rebuilt only when a list's version moved. For one version
 * every replica produces the same bytes (Ed25519 and JCS are deterministic and `validFrom` is the
 * list's last change), so ETags agree behind a load balancer.
 */
export function createStatusListPublisher(options: { ring: IssuerKeyRing; publicUrl: string }) {
  const cache = new Map<string, PublishedStatusList>();
  return {
    async get(
      em: EntityManager,
      purpose: StatusPurpose,
      listNumber: number,
    ): Promise<PublishedStatusList | null> {
      const list = await em.findOne(StatusList, { purpose, listNumber }, { refresh: true });
      if (!list) return null;
      const signer = options.ring.signingKey();
      const key = `${purpose}/${listNumber}`;
      const cached = cache.get(key);
      if (cached && cached.version === list.version && cached.body.includes(signer.verificationMethod))
        return cached;
      const where =
        purpose === 'revocation'
          ? { revocationList: listNumber, status: 'REVOKED' as const }
          : { suspensionList: listNumber, status: 'SUSPENDED' as const };
      const rows = await em.find(Licence, where, {
        fields: purpose === 'revocation' ? ['revocationIndex'] : ['suspensionIndex'],
        disableIdentityMap: true,
      });
      const bits = new Bitstring(STATUS_LIST_SIZE);
      for (const row of rows)
        bits.set(purpose === 'revocation' ? row.revocationIndex : row.suspensionIndex, true);
      const id = statusListUrl(options.publicUrl, purpose, listNumber);
      const at = list.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
      const credential = signDocument(
        {
          '@context': [VC_V2_CONTEXT],
          id,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: options.ring.did,
          validFrom: at,
          credentialSubject: {
            id: `${id}#list`,
            type: 'BitstringStatusList',
            statusPurpose: purpose,
            encodedList: bits.encode(),
            ttl: 60_000,
          },
        },
        { verificationMethod: signer.verificationMethod, created: at },
        signer.privateKey,
      );
      const body = JSON.stringify(credential);
      const published = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        version: list.version,
      };
      cache.set(key, published);
      return published;
    },
  };
}
export type StatusListPublisher = ReturnType<typeof createStatusListPublisher>;
