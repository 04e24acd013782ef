import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignedCheckpoint } from '../src/modules/checkpoint/checkpoint.entity.js';
import { logEvent, signCheckpoint } from '../src/server.js';
import { readWitnessState, witnessOnce, type WitnessOptions } from '../src/witness/witness.js';
import { applicationStep, drivers, silentLog, useEvidence, type EvidenceFixture } from './setup.js';

const BIN = fileURLToPath(new URL('../bin/evidence-witness.js', import.meta.url));

async function grow(fx: EvidenceFixture, n: number) {
  for (let i = 0; i < n; i++)
    await logEvent(fx.orm.em.fork(), 'evidence-affairs', applicationStep(), silentLog);
  await signCheckpoint(fx.orm.em.fork(), fx.keys);
}

describe.each(drivers)('the witness on %s', (driver) => {
  // Two logs signing with the same key, as a compromised operator could run: the honest one,
  // and a fork with a different history.
  const key = generateKeyPairSync('ed25519').privateKey;
  const honest = useEvidence(driver, { privateKey: key });
  const fork = useEvidence(driver, { privateKey: key });
  const otherKey = useEvidence(driver);
  let dir: string;
  let stateFile: string;
  const witness = (fx: EvidenceFixture): WitnessOptions => ({
    client: fx.client,
    verifiers: [honest.keys.current],
    stateFile,
  });
  const accepted = () => readWitnessState(stateFile, [honest.keys.current]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bianmin-witness-'));
    stateFile = join(dir, 'witness.json');
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('has nothing to do before the log signs anything', async () => {
    expect(await witnessOnce(witness(honest))).toEqual({ kind: 'empty' });
    expect(accepted()).toBeNull();
  });

  it('accepts a log that grows, each checkpoint with a consistency proof from the last', async () => {
    await grow(honest, 3);
    const first = await witnessOnce(witness(honest));
    expect(first).toMatchObject({ kind: 'accepted', previous: null, state: { treeSize: 3 } });
    expect(await witnessOnce(witness(honest))).toMatchObject({ kind: 'unchanged', state: { treeSize: 3 } });
    for (const n of [1, 4, 8]) {
      await grow(honest, n);
      const outcome = await witnessOnce(witness(honest));
      expect(outcome.kind).toBe('accepted');
    }
    expect(accepted()).toMatchObject({ treeSize: 16 });
  });

  it('refuses a fork signed with the same key, keeps its state, and keeps both notes as evidence', async () => {
    await grow(fork, 20);
    const outcome = await witnessOnce(witness(fork));
    expect(outcome).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/^fork: tree size 20 is not consistent with the accepted tree size 16/),
    });
    expect(accepted()).toMatchObject({ treeSize: 16 });
    const kept = await readFile((outcome as { evidenceFile: string }).evidenceFile, 'utf8');
    expect(kept).toContain(accepted()!.note);
    expect(kept).toContain((await fork.client.checkpoint())!.signedNote);
    // The honest log is still accepted afterwards.
    await grow(honest, 4);
    expect(await witnessOnce(witness(honest))).toMatchObject({ kind: 'accepted', state: { treeSize: 20 } });
  });

  it('refuses two roots for one size, a log that went back, and a checkpoint signed by another key', async () => {
    expect(await witnessOnce(witness(fork))).toMatchObject({
      kind: 'refused',
      reason: 'fork: two different roots signed for tree size 20',
    });
    await grow(otherKey, 2);
    expect(await witnessOnce(witness(otherKey))).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/does not verify: the note carries no signature by a trusted key/),
    });
    expect(await witnessOnce({ ...witness(honest), client: rolledBackTo(honest, 8) })).toMatchObject({
      kind: 'refused',
      reason: 'rollback: tree size 8 after 20',
    });
    expect(accepted()).toMatchObject({ treeSize: 20 });
    expect((await readdir(dir)).filter((f) => f.includes('.refused-')).length).toBeGreaterThanOrEqual(4);
  });

  it('runs as a command: exit 0 when it accepts, 1 with an alarm when it refuses', async () => {
    const run = async (fx: EvidenceFixture, state: string) => {
      const url = `http://127.0.0.1:${await fx.evidence.listen(0, '127.0.0.1')}/graphql`;
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [
          BIN,
          '--url',
          url,
          '--key',
          honest.keys.current.vkey,
          '--state',
          state,
          '--once',
        ]);
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const state = join(dir, 'cli-witness.json');
    const ok = await run(honest, state);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ event: 'witness-accepted', treeSize: 20 });
    const refused = await run(fork, state);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr)).toMatchObject({ level: 'alarm', event: 'witness-refused' });
    expect(readWitnessState(state, [honest.keys.current])).toMatchObject({ treeSize: 20 });
  });
});

/** `fx`'s API, except that it serves an older checkpoint of its own as the latest: a log rolled back. */
function rolledBackTo(fx: EvidenceFixture, treeSize: number): EvidenceFixture['client'] {
  return {
    ...fx.client,
    checkpoint: async () => {
      const old = await fx.orm.em.fork().findOneOrFail(SignedCheckpoint, { treeSize });
      return {
        treeSize,
        rootHash: old.rootHash,
        signedNote: old.note,
        origin: '',
        createdAt: old.createdAt.toISOString(),
      };
    },
  };
}
