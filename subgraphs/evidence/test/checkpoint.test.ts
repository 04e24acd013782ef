import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { canonicalJson } from '../src/modules/canonical/jcs.js';
import { SignedCheckpoint } from '../src/modules/checkpoint/checkpoint.entity.js';
import { latestCheckpoint, startCheckpointer } from '../src/modules/checkpoint/checkpointer.js';
import { ephemeralLogKeys } from '../src/modules/checkpoint/log-keys.js';
import { appendEntries, storedNodes } from '../src/modules/log/log.store.js';
import { consistencyProof } from '../src/modules/merkle/prover.js';
import { verifyConsistency } from '../src/modules/merkle/rfc6962.js';
import { checkpointText, openCheckpoint, signNote } from '../src/modules/note/signed-note.js';
import { CheckpointRefused, signCheckpoint } from '../src/server.js';
import { drivers, ORIGIN, silentLog, useEvidence } from './setup.js';

describe.each(drivers)('signed checkpoints on %s', (driver) => {
  const fx = useEvidence(driver);
  const em = () => fx.orm.em.fork();
  let appended = 0;
  const append = async (n: number) => {
    const drafts = Array.from({ length: n }, (_, i) => {
      const eventId = `event-${appended + i}`;
      return { eventId, entry: canonicalJson({ eventId, type: 'test' }) };
    });
    appended += n;
    await appendEntries(em(), drafts);
  };
  const sign = () => signCheckpoint(em(), fx.keys);
  const count = () => em().count(SignedCheckpoint);

  /** Raw SQL on the log's tables, as someone with database access would tamper. */
  const sql = async (statement: string, params: unknown[] = []) => {
    const schema = driver === 'postgresql' ? '"evidence".' : '';
    await (em() as SqlEntityManager).execute(statement.replace(/\{(\w+)\}/g, `${schema}"$1"`), params, 'run');
  };
  const value = async (statement: string, params: unknown[] = []) => {
    const schema = driver === 'postgresql' ? '"evidence".' : '';
    const rows = await (em() as SqlEntityManager).execute<Array<{ v: string }>>(
      statement.replace(/\{(\w+)\}/g, `${schema}"$1"`),
      params,
    );
    return rows[0]!.v;
  };

  it('signs nothing for an empty log, then a checkpoint only when the log grew', async () => {
    expect(await sign()).toEqual({ kind: 'unchanged', treeSize: 0 });
    await append(5);
    const first = await sign();
    expect(first.kind).toBe('signed');
    const checkpoint = (first as { checkpoint: SignedCheckpoint }).checkpoint;
    expect(openCheckpoint(checkpoint.note, [fx.keys.current])).toEqual({
      origin: ORIGIN,
      treeSize: 5,
      rootHash: Buffer.from(checkpoint.rootHash, 'hex'),
    });
    expect(checkpoint.note.startsWith(`${ORIGIN}\n5\n`)).toBe(true);
    expect(checkpoint.keyId).toBe(fx.keys.current.keyId.toString('hex'));
    expect(await sign()).toEqual({ kind: 'unchanged', treeSize: 5 });
    expect(await count()).toBe(1);
  });

  it('signs a sequence of checkpoints, each consistent with the one before', async () => {
    for (const n of [1, 7, 3, 16]) {
      const before = (await latestCheckpoint(em()))!;
      await append(n);
      const outcome = await sign();
      if (outcome.kind !== 'signed') throw new Error('expected a checkpoint');
      const proof = await consistencyProof(storedNodes(em()), before.treeSize, outcome.checkpoint.treeSize);
      expect(
        verifyConsistency(
          before.treeSize,
          outcome.checkpoint.treeSize,
          proof,
          Buffer.from(before.rootHash, 'hex'),
          Buffer.from(outcome.checkpoint.rootHash, 'hex'),
        ),
      ).toBe(true);
    }
    expect((await latestCheckpoint(em()))!.treeSize).toBe(32);
  });

  it('signs on one replica at a time, under the lease', async () => {
    await append(1);
    const a = startCheckpointer({
      orm: fx.orm,
      keys: fx.keys,
      log: silentLog,
      everyMs: 10_000,
      autoStart: false,
    });
    const b = startCheckpointer({
      orm: fx.orm,
      keys: fx.keys,
      log: silentLog,
      everyMs: 10_000,
      autoStart: false,
    });
    expect(await Promise.all([a.tick(), b.tick()]).then((r) => r.filter(Boolean).length)).toBe(1);
    expect((await latestCheckpoint(em()))!.treeSize).toBe(33);
    await Promise.all([a.stop(), b.stop()]);
  });

  describe('refuses to sign when stored rows no longer extend the last checkpoint', () => {
    // The last checkpoint is at 33 = 32 + 1: its frontier is subtree 5:0 and leaf 32.
    // The tests below grow the log to 40, tamper, expect a refusal, restore, and sign again.
    const refusal = async (pattern: RegExp) => {
      const before = await count();
      const error = await sign().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CheckpointRefused);
      expect((error as Error).message).toMatch(pattern);
      expect(await count()).toBe(before);
    };

    it('…an entry appended since was changed', async () => {
      await append(7);
      const entry = await value('select entry as v from {log_entry} where leaf_index = 35');
      await sql('update {log_entry} set entry = ? where leaf_index = 35', [
        entry.replace('event-35', 'event-99'),
      ]);
      await refusal(/entry 35 does not hash to its stored leaf hash/);
      await sql('update {log_entry} set entry = ? where leaf_index = 35', [entry]);
    });

    it('…a leaf hash appended since was changed', async () => {
      const hash = await value('select leaf_hash as v from {log_entry} where leaf_index = 39');
      await sql('update {log_entry} set leaf_hash = ? where leaf_index = 39', ['f'.repeat(64)]);
      await refusal(/entry 39 does not hash/);
      await sql('update {log_entry} set leaf_hash = ? where leaf_index = 39', [hash]);
    });

    it('…a subtree hash written since was changed', async () => {
      const hash = await value('select hash as v from {log_node} where level = 1 and node_index = 17');
      await sql('update {log_node} set hash = ? where level = 1 and node_index = 17', ['0'.repeat(64)]);
      await refusal(/subtree 1:17 does not match/);
      await sql('update {log_node} set hash = ? where level = 1 and node_index = 17', [hash]);
    });

    it('…a subtree hash of the signed tree was changed', async () => {
      const hash = await value('select hash as v from {log_node} where level = 5 and node_index = 0');
      await sql('update {log_node} set hash = ? where level = 5 and node_index = 0', ['0'.repeat(64)]);
      await refusal(/no longer has the signed root of size 33/);
      await sql('update {log_node} set hash = ? where level = 5 and node_index = 0', [hash]);
    });

    it('…a leaf of the signed tree was changed, hash and all', async () => {
      const hash = await value('select leaf_hash as v from {log_entry} where leaf_index = 32');
      await sql('update {log_entry} set leaf_hash = ? where leaf_index = 32', ['e'.repeat(64)]);
      await refusal(/no longer has the signed root/);
      await sql('update {log_entry} set leaf_hash = ? where leaf_index = 32', [hash]);
    });

    it('…the log went back below its last checkpoint', async () => {
      await sql('update {log_head} set size = 30 where id = 1');
      await refusal(/smaller than a checkpoint it signed/);
      await sql('update {log_head} set size = 40 where id = 1');
    });

    it('…the last checkpoint was replaced by one the log did not sign', async () => {
      const note = await value('select note as v from {checkpoint} where tree_size = 33');
      const root = await value('select root_hash as v from {checkpoint} where tree_size = 33');
      const forger = ephemeralLogKeys(ORIGIN, generateKeyPairSync('ed25519').privateKey);
      const forged = signNote(
        checkpointText({ origin: ORIGIN, treeSize: 33, rootHash: Buffer.from(root, 'hex') }),
        [forger.signer],
      );
      await sql('update {checkpoint} set note = ? where tree_size = 33', [forged]);
      await refusal(/last checkpoint does not verify/);
      await sql('update {checkpoint} set note = ?, root_hash = ? where tree_size = 33', [
        note,
        'a'.repeat(64),
      ]);
      await refusal(/row does not match its signed note/);
      await sql('update {checkpoint} set root_hash = ? where tree_size = 33', [root]);
    });

    it('…and signs again once the rows are as they were', async () => {
      const outcome = await sign();
      expect(outcome.kind).toBe('signed');
      expect((await latestCheckpoint(em()))!.treeSize).toBe(40);
    });
  });

  it('keeps checkpoints signed with a retired key verifiable, and extends them with the new key', async () => {
    await append(2);
    const rotated = ephemeralLogKeys(ORIGIN);
    const withOldKey = {
      ...rotated,
      previous: [fx.keys.current],
      verifiers: [rotated.current, fx.keys.current],
    };
    const outcome = await signCheckpoint(em(), withOldKey);
    expect(outcome.kind).toBe('signed');
    const note = (outcome as { checkpoint: SignedCheckpoint }).checkpoint.note;
    expect(openCheckpoint(note, [rotated.current]).treeSize).toBe(42);
    expect(() => openCheckpoint(note, [fx.keys.current])).toThrow(/no signature by a trusted key/);
    // Without the retired key the log cannot check its own last checkpoint, so it signs nothing.
    await append(1);
    await expect(signCheckpoint(em(), ephemeralLogKeys(ORIGIN))).rejects.toThrow(/does not verify/);
  });
});
