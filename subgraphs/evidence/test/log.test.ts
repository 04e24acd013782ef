import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/modules/canonical/jcs.js';
import { LogNode } from '../src/modules/log/log.entities.js';
import { appendEntries, logSize, storedNodes } from '../src/modules/log/log.store.js';
import { consistencyProof, inclusionProof, memoryReader, treeRoot } from '../src/modules/merkle/prover.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../src/modules/merkle/rfc6962.js';
import { drivers, useEvidence } from './setup.js';

const draft = (i: number) => ({ eventId: `event-${i}`, entry: canonicalJson({ n: i, type: 'test' }) });

describe.each(drivers)('the stored log on %s', (driver) => {
  const fx = useEvidence(driver);
  const em = () => fx.orm.em.fork();

  it('appends at dense indexes from 0 and stores every complete subtree', async () => {
    expect(await logSize(em())).toBe(0);
    const first = await appendEntries(em(), [draft(0)]);
    expect(first).toEqual([
      {
        leafIndex: 0,
        eventId: 'event-0',
        leafHash: leafHash(draft(0).entry).toString('hex'),
        appended: true,
      },
    ]);
    // One at a time, then in batches, as consumers and the benchmark do.
    for (let i = 1; i < 10; i++) await appendEntries(em(), [draft(i)]);
    const batch = await appendEntries(
      em(),
      Array.from({ length: 60 }, (_, i) => draft(10 + i)),
    );
    expect(batch.map((e) => e.leafIndex)).toEqual(Array.from({ length: 60 }, (_, i) => 10 + i));
    expect(await logSize(em())).toBe(70);
    // 70 leaves: 35 + 17 + 8 + 4 + 2 + 1 complete subtrees above them.
    expect(await em().count(LogNode)).toBe(67);
  });

  it('gives the roots and proofs of a tree built in memory, for every size', async () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafHash(draft(i).entry));
    const memory = memoryReader(leaves);
    const stored = storedNodes(em());
    for (let n = 1; n <= 70; n += n < 20 ? 1 : 7) {
      const root = await treeRoot(stored, n);
      expect(root.toString('hex'), `size ${n}`).toBe((await treeRoot(memory, n)).toString('hex'));
      for (const m of [0, Math.floor(n / 2), n - 1]) {
        const proof = await inclusionProof(stored, m, n);
        expect(proof).toEqual(await inclusionProof(memory, m, n));
        expect(verifyInclusion(m, n, leaves[m]!, proof, root)).toBe(true);
        const consistency = await consistencyProof(stored, m + 1, n);
        expect(verifyConsistency(m + 1, n, consistency, await treeRoot(memory, m + 1), root)).toBe(true);
      }
    }
  });

  it('logs each event once: a repeat, in another call or the same batch, returns the existing leaf', async () => {
    const again = await appendEntries(em(), [draft(3), draft(70), draft(70)]);
    expect(again.map((e) => [e.leafIndex, e.appended])).toEqual([
      [3, false],
      [70, true],
      [70, false],
    ]);
    expect(await logSize(em())).toBe(71);
  });

  it('refuses text that is not canonical JSON and changes nothing', async () => {
    await expect(appendEntries(em(), [{ eventId: 'event-x', entry: '{"b":1,"a":2}' }])).rejects.toThrow(
      /not canonical JSON/,
    );
    expect(await logSize(em())).toBe(71);
  });

  it('rolls an append back with the transaction it joined', async () => {
    await expect(
      em().transactional(async (tx) => {
        await appendEntries(tx, [draft(100)]);
        throw new Error('the consumer failed after appending');
      }),
    ).rejects.toThrow(/consumer failed/);
    expect(await logSize(em())).toBe(71);
    expect((await appendEntries(em(), [draft(100)]))[0]!.leafIndex).toBe(71);
  });
});
