import { createHash } from 'node:crypto';

/**
 * RFC 6962 Merkle tree hashing (§2.1), the proofs' shapes (§2.1.1 audit paths, §2.1.2
 * consistency proofs) and their verification as RFC 9162 §2.1.3.2 and §2.1.4.2 specify it.
 * Pure functions over hashes: no storage, so the offline verifier uses exactly this file.
 *
 * Leaves are numbered from 0. A node `{ level, index }` is the complete subtree over leaves
 * [index·2^level, (index+1)·2^level); level 0 is a leaf.
 */

export const HASH_SIZE = 32;

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256() — the root of the empty tree. */
export const EMPTY_ROOT: Buffer = sha256();

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(entry: Uint8Array | string): Buffer {
  return sha256(LEAF_PREFIX, typeof entry === 'string' ? Buffer.from(entry, 'utf8') : entry);
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

export interface NodeId {
  level: number;
  index: number;
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The complete subtrees that make up leaves [begin, end), left to right, each as large as its
 * alignment allows. For every range RFC 6962's recursion produces (it starts at a multiple of a
 * power of two at least its length) they are the binary digits of its length, largest first, and
 * MTH of the range is `foldRight` of their hashes.
 */
export function rangeNodes(begin: number, end: number): NodeId[] {
  const nodes: NodeId[] = [];
  let at = begin;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level += 1;
    nodes.push({ level, index: at / 2 ** level });
    at += 2 ** level;
  }
  return nodes;
}

/** Combine the hashes of `rangeNodes` (largest first) into the range's RFC 6962 hash. */
export function foldRight(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let hash = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i]!, hash);
  return hash;
}

/** A range of leaves [begin, end) whose RFC 6962 hash is one element of a proof. */
export type LeafRange = readonly [begin: number, end: number];

/**
 * RFC 6962 §2.1.1 PATH(m, D[n]), as the ranges whose hashes make up the audit path, from the
 * leaf's sibling up to the root's other child.
 */
export function inclusionPathRanges(index: number, size: number): LeafRange[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`no leaf ${index} in a tree of size ${size}`);
  }
  const path: LeafRange[] = [];
  const walk = (m: number, begin: number, end: number) => {
    if (end - begin === 1) return;
    const k = splitPoint(end - begin);
    if (m < k) {
      walk(m, begin, begin + k);
      path.push([begin + k, end]);
    } else {
      walk(m - k, begin + k, end);
      path.push([begin, begin + k]);
    }
  };
  walk(index, 0, size);
  return path;
}

/**
 * RFC 6962 §2.1.2 PROOF(m, D[n]) through SUBPROOF, as ranges. Empty for m = n and for m = 0
 * (every tree is consistent with the empty one).
 */
export function consistencyProofRanges(fromSize: number, toSize: number): LeafRange[] {
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize) || fromSize < 0 || fromSize > toSize) {
    throw new RangeError(`no consistency proof from size ${fromSize} to size ${toSize}`);
  }
  if (fromSize === 0 || fromSize === toSize) return [];
  const proof: LeafRange[] = [];
  const subproof = (m: number, begin: number, end: number, complete: boolean) => {
    const n = end - begin;
    if (m === n) {
      if (!complete) proof.push([begin, end]);
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, begin, begin + k, complete);
      proof.push([begin + k, end]);
    } else {
      subproof(m - k, begin + k, end, false);
      proof.push([begin, begin + k]);
    }
  };
  subproof(fromSize, 0, toSize, true);
  return proof;
}

export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

function checkHashes(what: string, hashes: readonly Uint8Array[]) {
  hashes.forEach((h, i) => {
    if (h.length !== HASH_SIZE) throw new ProofError(`${what}[${i}] is ${h.length} bytes, not ${HASH_SIZE}`);
  });
}

/**
 * RFC 9162 §2.1.3.2: the root the audit path leads to from `leaf` at `index` in a tree of
 * `size`. Throws ProofError when the path cannot belong to that position (wrong length).
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new ProofError(`leaf index ${index} is not in a tree of size ${size}`);
  }
  checkHashes('leaf', [leaf]);
  checkHashes('proof', proof);
  // Sizes up to 2^53: shifts in BigInt, so nothing is cut to 32 bits.
  let fn = BigInt(index);
  let sn = BigInt(size - 1);
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0n) throw new ProofError('the inclusion proof is longer than the tree is high');
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new ProofError('the inclusion proof is shorter than the tree is high');
  return r;
}

/** True when `proof` shows `leaf` at `index` in the tree of `size` whose root is `root`. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  try {
    return rootFromInclusionProof(index, size, leaf, proof).equals(root);
  } catch (error) {
    if (error instanceof ProofError) return false;
    throw error;
  }
}

/**
 * RFC 9162 §2.1.4.2: true when `proof` shows that the tree of `size1` with root `root1` is a
 * prefix of the tree of `size2` with root `root2`. The cases the RFC leaves to the caller: equal
 * sizes need equal roots and an empty proof; size 0 is the empty tree, a prefix of every tree.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1)
    return false;
  if (root1.length !== HASH_SIZE || root2.length !== HASH_SIZE) return false;
  if (proof.some((p) => p.length !== HASH_SIZE)) return false;
  if (size1 === size2) return proof.length === 0 && Buffer.from(root1).equals(root2);
  if (size1 === 0) return proof.length === 0 && EMPTY_ROOT.equals(root1);
  // 1. An empty path fails.
  if (proof.length === 0) return false;
  // 2. When size1 is a power of two, the old root is the path's first element.
  const powerOfTwo = (BigInt(size1) & BigInt(size1 - 1)) === 0n;
  const path = powerOfTwo ? [root1, ...proof] : [...proof];
  // 3.–4.
  let fn = BigInt(size1 - 1);
  let sn = BigInt(size2 - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  // 5.
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  // 6.
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  // 7.
  return fr.equals(root1) && sr.equals(root2) && sn === 0n;
}

/**
 * Appending leaves to a tree kept as its frontier (RFC 6962 "compact range" from leaf 0): the
 * complete subtrees of the binary digits of its size, largest first. Each append reports the
 * complete subtrees it finished, so a store can keep every one of them.
 */
export class Frontier {
  private readonly stack: Array<{ level: number; hash: Buffer }>;
  private count: number;

  /** `hashes` are the tree's `rangeNodes(0, size)`, in that order. */
  constructor(size: number, hashes: readonly Buffer[]) {
    const ids = rangeNodes(0, size);
    if (ids.length !== hashes.length)
      throw new Error(`a tree of size ${size} has ${ids.length} frontier nodes`);
    this.stack = ids.map((id, i) => ({ level: id.level, hash: hashes[i]! }));
    this.count = size;
  }

  get size(): number {
    return this.count;
  }

  /** Add one leaf hash; returns the complete subtrees above level 0 that it finished, lowest first. */
  append(leaf: Buffer): Array<NodeId & { hash: Buffer }> {
    const finished: Array<NodeId & { hash: Buffer }> = [];
    let node = { level: 0, hash: leaf };
    const index = this.count;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, hash: nodeHash(left.hash, node.hash) };
      finished.push({ level: node.level, index: Math.floor(index / 2 ** node.level), hash: node.hash });
    }
    this.stack.push(node);
    this.count += 1;
    return finished;
  }

  root(): Buffer {
    return foldRight(this.stack.map((n) => n.hash));
  }
}
