import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, memoryReader, treeRoot } from './prover.js';
import {
  EMPTY_ROOT,
  Frontier,
  leafHash,
  nodeHash,
  rangeNodes,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './rfc6962.js';

/**
 * The RFC 6962 definitions written out literally (§2.1, §2.1.1, §2.1.2), recursing over the
 * leaves themselves: an independent reference for the range-based prover and the verifiers.
 */
function naiveTree(data: readonly Buffer[]) {
  const memo = new Map<string, Buffer>();
  const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
  const mth = (begin: number, end: number): Buffer => {
    const key = `${begin}:${end}`;
    let hash = memo.get(key);
    if (!hash) {
      const n = end - begin;
      if (n === 0) hash = createHash('sha256').digest();
      else if (n === 1)
        hash = createHash('sha256')
          .update(Buffer.from([0]))
          .update(data[begin]!)
          .digest();
      else {
        const split = begin + k(n);
        hash = createHash('sha256')
          .update(Buffer.from([1]))
          .update(mth(begin, split))
          .update(mth(split, end))
          .digest();
      }
      memo.set(key, hash);
    }
    return hash;
  };
  const path = (m: number, begin: number, end: number): Buffer[] => {
    const n = end - begin;
    if (n <= 1) return [];
    const split = k(n);
    return m < split
      ? [...path(m, begin, begin + split), mth(begin + split, end)]
      : [...path(m - split, begin + split, end), mth(begin, begin + split)];
  };
  const subproof = (m: number, begin: number, end: number, b: boolean): Buffer[] => {
    const n = end - begin;
    if (m === n) return b ? [] : [mth(begin, end)];
    const split = k(n);
    return m <= split
      ? [...subproof(m, begin, begin + split, b), mth(begin + split, end)]
      : [...subproof(m - split, begin + split, end, false), mth(begin, begin + split)];
  };
  return {
    root: (n: number) => mth(0, n),
    path: (m: number, n: number) => path(m, 0, n),
    proof: (m: number, n: number) => (m === 0 || m === n ? [] : subproof(m, 0, n, true)),
  };
}

const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));
const flipBit = (hashes: Buffer[], i: number) =>
  hashes.map((h, j) => (j === i ? Buffer.from(h.map((byte, b) => (b === 0 ? byte ^ 8 : byte))) : h));

const MAX = 70;
const data = Array.from({ length: MAX }, (_, i) => Buffer.from(`entry ${i}`));
const leaves = data.map((d) => leafHash(d));
const naive = naiveTree(data);
const reader = memoryReader(leaves);

describe('RFC 6962 tree hashing', () => {
  it('hashes the empty tree, leaves and nodes with the RFC prefixes', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(leafHash('a')).toEqual(createHash('sha256').update('\u0000a').digest());
    expect(nodeHash(leaves[0]!, leaves[1]!)).toEqual(
      createHash('sha256')
        .update(Buffer.from([1]))
        .update(leaves[0]!)
        .update(leaves[1]!)
        .digest(),
    );
  });

  it('splits a range into aligned complete subtrees, largest first', () => {
    expect(rangeNodes(0, 7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    expect(rangeNodes(8, 13)).toEqual([
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(rangeNodes(5, 5)).toEqual([]);
  });

  it('gives the same root as the RFC definition for every size up to 70, stored or appended', async () => {
    const frontier = new Frontier(0, []);
    for (let n = 1; n <= MAX; n++) {
      frontier.append(leaves[n - 1]!);
      expect((await treeRoot(reader, n)).toString('hex'), `size ${n}`).toBe(naive.root(n).toString('hex'));
      expect(frontier.root().toString('hex')).toBe(naive.root(n).toString('hex'));
    }
    expect(await treeRoot(reader, 0)).toEqual(EMPTY_ROOT);
  });

  it('reports every complete subtree an append finishes, and resumes from a stored frontier', async () => {
    const frontier = new Frontier(0, []);
    const finished = leaves.slice(0, 8).flatMap((leaf) => frontier.append(leaf));
    expect(finished.map(({ level, index }) => `${level}:${index}`)).toEqual([
      '1:0',
      '1:1',
      '2:0',
      '1:2',
      '1:3',
      '2:1',
      '3:0',
    ]);
    const resumed = new Frontier(13, await reader.read(rangeNodes(0, 13)).then((h) => h));
    resumed.append(leaves[13]!);
    expect(resumed.root()).toEqual(naive.root(14));
  });
});

describe('inclusion proofs (RFC 6962 §2.1.1, verified as RFC 9162 §2.1.3.2)', () => {
  it('match the RFC definition for every leaf of every tree up to 70, and verify', async () => {
    for (let n = 1; n <= MAX; n++) {
      const root = naive.root(n);
      for (let m = 0; m < n; m++) {
        const proof = await inclusionProof(reader, m, n);
        expect(hex(proof), `leaf ${m} of ${n}`).toEqual(hex(naive.path(m, n)));
        expect(verifyInclusion(m, n, leaves[m]!, proof, root), `leaf ${m} of ${n}`).toBe(true);
      }
    }
  });

  it('fail when any bit, the length, the leaf, the position or the root is wrong', async () => {
    for (let n = 1; n <= MAX; n++) {
      const root = naive.root(n);
      for (let m = 0; m < n; m++) {
        const proof = await inclusionProof(reader, m, n);
        const bad = (why: string, ok: boolean) => expect(ok, `${why}: leaf ${m} of ${n}`).toBe(false);
        proof.forEach((_, i) =>
          bad(`flipped bit in proof[${i}]`, verifyInclusion(m, n, leaves[m]!, flipBit(proof, i), root)),
        );
        if (proof.length > 0) bad('truncated', verifyInclusion(m, n, leaves[m]!, proof.slice(0, -1), root));
        bad('extended', verifyInclusion(m, n, leaves[m]!, [...proof, root], root));
        bad('preceded', verifyInclusion(m, n, leaves[m]!, [root, ...proof], root));
        bad('wrong leaf', verifyInclusion(m, n, leafHash('not the entry'), proof, root));
        if ((m ^ 1) < n) bad('sibling position', verifyInclusion(m ^ 1, n, leaves[m]!, proof, root));
        bad('index beyond the tree', verifyInclusion(n, n, leaves[m]!, proof, root));
        bad('twice the size', verifyInclusion(m, n * 2, leaves[m]!, proof, root));
        bad('empty root', verifyInclusion(m, n, leaves[m]!, proof, EMPTY_ROOT));
        bad('short hash', verifyInclusion(m, n, leaves[m]!.subarray(1), proof, root));
      }
    }
  });

  it('refuse a position outside the tree', () => {
    expect(() => rootFromInclusionProof(0, 0, leaves[0]!, [])).toThrow(/not in a tree/);
    expect(() => rootFromInclusionProof(-1, 3, leaves[0]!, [])).toThrow(/not in a tree/);
  });
});

describe('consistency proofs (RFC 6962 §2.1.2, verified as RFC 9162 §2.1.4.2)', () => {
  it('match the RFC definition for every pair of sizes up to 70, and verify', async () => {
    for (let n = 1; n <= MAX; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = await consistencyProof(reader, m, n);
        expect(hex(proof), `${m} → ${n}`).toEqual(hex(naive.proof(m, n)));
        const root1 = m === 0 ? EMPTY_ROOT : naive.root(m);
        expect(verifyConsistency(m, n, proof, root1, naive.root(n)), `${m} → ${n}`).toBe(true);
      }
    }
  });

  it('fail when any bit, the length, a size or a root is wrong', async () => {
    for (let n = 2; n <= MAX; n++) {
      const root2 = naive.root(n);
      for (let m = 1; m < n; m++) {
        const root1 = naive.root(m);
        const proof = await consistencyProof(reader, m, n);
        const bad = (why: string, ok: boolean) => expect(ok, `${why}: ${m} → ${n}`).toBe(false);
        proof.forEach((_, i) =>
          bad(`flipped bit in proof[${i}]`, verifyConsistency(m, n, flipBit(proof, i), root1, root2)),
        );
        bad('truncated', verifyConsistency(m, n, proof.slice(0, -1), root1, root2));
        bad('extended', verifyConsistency(m, n, [...proof, root2], root1, root2));
        bad('preceded', verifyConsistency(m, n, [proof[0]!, ...proof], root1, root2));
        bad('empty', verifyConsistency(m, n, [], root1, root2));
        bad('swapped roots', verifyConsistency(m, n, proof, root2, root1));
        bad('wrong old root', verifyConsistency(m, n, proof, naive.root(m + 1), root2));
        bad('wrong new root', verifyConsistency(m, n, proof, root1, EMPTY_ROOT));
        bad('twice the new size', verifyConsistency(m, n * 2, proof, root1, root2));
        bad('back in time', verifyConsistency(n, m, proof, root2, root1));
      }
    }
  });

  it('handles the sizes the RFC leaves to the caller: equal sizes and the empty tree', () => {
    const root = naive.root(5);
    expect(verifyConsistency(5, 5, [], root, root)).toBe(true);
    expect(verifyConsistency(5, 5, [], root, naive.root(4))).toBe(false);
    expect(verifyConsistency(5, 5, [root], root, root)).toBe(false);
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT, root)).toBe(true);
    expect(verifyConsistency(0, 5, [root], EMPTY_ROOT, root)).toBe(false);
    expect(verifyConsistency(0, 5, [], root, root)).toBe(false);
    expect(verifyConsistency(3, 2, [], root, root)).toBe(false);
  });
});
