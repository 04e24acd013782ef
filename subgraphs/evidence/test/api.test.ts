import { describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { leafHash, nodeHash, verifyConsistency, verifyInclusion } from '../src/modules/merkle/rfc6962.js';
import { openCheckpoint, parseVerifierKey } from '../src/modules/note/signed-note.js';
import { verifyEntryInclusion } from '../src/modules/verification/offline.js';
import { logEvent, signCheckpoint } from '../src/server.js';
import { applicationStep, drivers, errorsOf, ORIGIN, query, silentLog, useEvidence } from './setup.js';

const CHECKPOINT = 'query { evidenceCheckpoint { treeSize rootHash signedNote origin createdAt } }';
const ENTRY =
  'query($index: Int!, $treeSize: Int) { evidenceEntry(index: $index, treeSize: $treeSize) { index entry leafHash treeSize inclusionProof } }';
const FOR_EVENT =
  'query($eventId: ID!, $treeSize: Int) { evidenceEntryForEvent(eventId: $eventId, treeSize: $treeSize) { index treeSize inclusionProof } }';
const CONSISTENCY =
  'query($fromSize: Int!, $toSize: Int!) { evidenceConsistency(fromSize: $fromSize, toSize: $toSize) { fromSize toSize proof } }';
const KEYS = 'query { evidenceLogKeys { origin verifierKey publicKey algorithm previousVerifierKeys } }';
const ENTRIES =
  'query($first: Int, $after: String) { evidenceEntries(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { index leafHash treeSize inclusionProof } } } }';

interface Entry {
  index: number;
  entry: string;
  leafHash: string;
  treeSize: number;
  inclusionProof: string[];
}
interface Checkpoint {
  treeSize: number;
  rootHash: string;
  signedNote: string;
  origin: string;
  createdAt: string;
}

describe.each(drivers)('the evidence API on %s', (driver) => {
  const fx = useEvidence(driver);
  const eventIds: string[] = [];
  const logSteps = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const step = applicationStep();
      eventIds.push(step.id);
      await logEvent(fx.orm.em.fork(), 'evidence-affairs', step, silentLog);
    }
  };
  const checkpoint = async () =>
    (await query<{ evidenceCheckpoint: Checkpoint }>(fx, CHECKPOINT)).evidenceCheckpoint;

  it('has no checkpoint before the first is signed, and says so when asked for a proof', async () => {
    expect(await query(fx, CHECKPOINT)).toEqual({ evidenceCheckpoint: null });
    await logSteps(3);
    expect(await errorsOf(fx, ENTRY, { index: 0 })).toEqual([{ code: 'BAD_USER_INPUT', field: 'treeSize' }]);
    // An explicit size within the log works before any checkpoint.
    const { evidenceEntry } = await query<{ evidenceEntry: Entry }>(fx, ENTRY, { index: 1, treeSize: 3 });
    expect(evidenceEntry.treeSize).toBe(3);
  });

  it('publishes the latest signed checkpoint and the keys to verify it with', async () => {
    await logSteps(8);
    await signCheckpoint(fx.orm.em.fork(), fx.keys);
    const latest = await checkpoint();
    expect(latest).toMatchObject({ treeSize: 11, origin: ORIGIN });
    expect(latest.rootHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(latest.createdAt).getTime()).not.toBeNaN();
    const { evidenceLogKeys: keys } = await query<{
      evidenceLogKeys: {
        origin: string;
        verifierKey: string;
        publicKey: string;
        algorithm: string;
        previousVerifierKeys: string[];
      };
    }>(fx, KEYS);
    expect(keys).toEqual({
      origin: ORIGIN,
      verifierKey: fx.keys.current.vkey,
      publicKey: fx.keys.current.publicKey.toString('hex'),
      algorithm: 'Ed25519',
      previousVerifierKeys: [],
    });
    const signed = openCheckpoint(latest.signedNote, [parseVerifierKey(keys.verifierKey)]);
    expect(signed.treeSize).toBe(11);
    expect(signed.rootHash.toString('hex')).toBe(latest.rootHash);
  });

  it('serves each entry with an inclusion proof that verifies against the signed root', async () => {
    const latest = await checkpoint();
    for (let index = 0; index < latest.treeSize; index++) {
      const { evidenceEntry: e } = await query<{ evidenceEntry: Entry }>(fx, ENTRY, { index });
      expect(e.index).toBe(index);
      expect(e.treeSize).toBe(11);
      expect(e.leafHash).toBe(leafHash(e.entry).toString('hex'));
      const proof = e.inclusionProof.map((h) => Buffer.from(h, 'hex'));
      expect(verifyInclusion(index, 11, leafHash(e.entry), proof, Buffer.from(latest.rootHash, 'hex'))).toBe(
        true,
      );
      expect(JSON.parse(e.entry)).toMatchObject({ eventId: eventIds[index] });
    }
    // For an older tree size, too.
    const { evidenceEntry: old } = await query<{ evidenceEntry: Entry }>(fx, ENTRY, {
      index: 2,
      treeSize: 3,
    });
    expect(old.inclusionProof).toHaveLength(1);
  });

  it('finds the entry of a source event', async () => {
    const { evidenceEntryForEvent: found } = await query<{ evidenceEntryForEvent: Entry }>(fx, FOR_EVENT, {
      eventId: eventIds[4],
    });
    expect(found).toMatchObject({ index: 4, treeSize: 11 });
    expect(await query(fx, FOR_EVENT, { eventId: 'not-logged' })).toEqual({ evidenceEntryForEvent: null });
    // In the log, but not in the tree of size 3.
    expect(await query(fx, FOR_EVENT, { eventId: eventIds[4], treeSize: 3 })).toEqual({
      evidenceEntryForEvent: null,
    });
  });

  it('serves consistency proofs between any two sizes', async () => {
    const latest = await checkpoint();
    const rootOf = async (size: number) => {
      const { evidenceEntry } = await query<{ evidenceEntry: Entry }>(fx, ENTRY, {
        index: 0,
        treeSize: size,
      });
      // The root of a size, recomputed from leaf 0's audit path (every sibling is on the right).
      return evidenceEntry.inclusionProof.reduce(
        (root, sibling) => nodeHash(root, Buffer.from(sibling, 'hex')),
        leafHash(evidenceEntry.entry),
      );
    };
    for (const from of [1, 2, 3, 7, 8]) {
      const { evidenceConsistency: c } = await query<{
        evidenceConsistency: { fromSize: number; toSize: number; proof: string[] };
      }>(fx, CONSISTENCY, { fromSize: from, toSize: latest.treeSize });
      expect(c.fromSize).toBe(from);
      const proof = c.proof.map((h) => Buffer.from(h, 'hex'));
      expect(
        verifyConsistency(from, 11, proof, await rootOf(from), Buffer.from(latest.rootHash, 'hex')),
        `${from} → 11`,
      ).toBe(true);
    }
    expect(await query(fx, CONSISTENCY, { fromSize: 0, toSize: 11 })).toEqual({
      evidenceConsistency: { fromSize: 0, toSize: 11, proof: [] },
    });
    expect(await query(fx, CONSISTENCY, { fromSize: 11, toSize: 11 })).toEqual({
      evidenceConsistency: { fromSize: 11, toSize: 11, proof: [] },
    });
  });

  it.each([
    ['a negative index', ENTRY, { index: -1 }, 'index'],
    ['an index at the tree size', ENTRY, { index: 11 }, 'index'],
    ['an index beyond a given tree size', ENTRY, { index: 5, treeSize: 5 }, 'index'],
    ['a tree size beyond the log', ENTRY, { index: 0, treeSize: 12 }, 'treeSize'],
    ['a tree size of 0', ENTRY, { index: 0, treeSize: 0 }, 'treeSize'],
    ['a negative fromSize', CONSISTENCY, { fromSize: -1, toSize: 3 }, 'fromSize'],
    ['fromSize above toSize', CONSISTENCY, { fromSize: 4, toSize: 3 }, 'fromSize'],
    ['toSize beyond the log', CONSISTENCY, { fromSize: 1, toSize: 12 }, 'toSize'],
    ['an event id too long', FOR_EVENT, { eventId: 'x'.repeat(65) }, 'eventId'],
    ['a page size of 0', ENTRIES, { first: 0 }, 'first'],
    ['a page size of 51', ENTRIES, { first: 51 }, 'first'],
    ['a made-up cursor', ENTRIES, { after: 'nope' }, 'after'],
  ])('answers %s with BAD_USER_INPUT naming the argument', async (_why, source, variables, field) => {
    expect(await errorsOf(fx, source, variables)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
  });

  it('explains a bad argument in the caller’s language', async () => {
    const zh = await fx.evidence.execute(ENTRY, { index: 99 });
    const en = await fx.evidence.execute(ENTRY, { index: 99 }, undefined, 'en');
    expect(zh.errors?.[0]?.message).toBe('index 须小于树的大小 11');
    expect(en.errors?.[0]?.message).toBe('index must be below the tree size (11).');
  });

  it('pages through the entries the latest checkpoint covers, oldest first', async () => {
    await logSteps(2); // appended after the checkpoint: not listed until the next one
    type Page = {
      evidenceEntries: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ cursor: string; node: Entry }>;
      };
    };
    const first = await query<Page>(fx, ENTRIES, { first: 5 });
    expect(first.evidenceEntries.totalCount).toBe(11);
    expect(first.evidenceEntries.edges.map((e) => e.node.index)).toEqual([0, 1, 2, 3, 4]);
    expect(first.evidenceEntries.edges[0]!.node.inclusionProof.length).toBeGreaterThan(0);
    const last = await query<Page>(fx, ENTRIES, {
      first: 50,
      after: first.evidenceEntries.pageInfo.endCursor,
    });
    expect(last.evidenceEntries.edges.map((e) => e.node.index)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(last.evidenceEntries.pageInfo.hasNextPage).toBe(false);
  });

  it('lets a verifier catch an old entry changed in the database, hash and all', async () => {
    const latest = await checkpoint();
    const { evidenceEntry: honest } = await query<{ evidenceEntry: Entry }>(fx, ENTRY, { index: 2 });
    const forged = honest.entry.replace('"APPROVED"', '"REJECTED"');
    const schema = driver === 'postgresql' ? '"evidence".' : '';
    await (fx.orm.em.fork() as SqlEntityManager).execute(
      `update ${schema}"log_entry" set entry = ?, leaf_hash = ? where leaf_index = 2`,
      [forged, leafHash(forged).toString('hex')],
      'run',
    );
    const { evidenceEntry: served } = await query<{ evidenceEntry: Entry }>(fx, ENTRY, { index: 2 });
    expect(served.entry).toContain('"REJECTED"');
    expect(() =>
      verifyEntryInclusion({ note: latest.signedNote, verifiers: [fx.keys.current], entry: served }),
    ).toThrow(/does not lead from entry 2 to the checkpoint's root/);
  });

  it('is public: anyone may read it without signing in', async () => {
    const result = await fx.evidence.execute(CHECKPOINT);
    expect(result.errors).toBeUndefined();
  });
});
