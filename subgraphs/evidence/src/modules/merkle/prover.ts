import {
  consistencyProofRanges,
  foldRight,
  inclusionPathRanges,
  rangeNodes,
  type LeafRange,
  type NodeId,
} from './rfc6962.js';

/**
 * Where stored complete-subtree hashes come from. One call reads every node a proof needs, so a
 * proof costs one round of O(log n) point reads however the nodes are stored.
 */
export interface NodeReader {
  /** The hashes of `ids`, in the same order; throws when one is missing. */
  read(ids: readonly NodeId[]): Promise<Buffer[]>;
}

const keyOf = (id: NodeId) => `${id.level}:${id.index}`;

/** The RFC 6962 hashes of `ranges`, from the complete subtrees that make each of them up. */
async function rangeHashes(reader: NodeReader, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  const parts = ranges.map(([begin, end]) => rangeNodes(begin, end));
  const unique = new Map<string, NodeId>();
  for (const id of parts.flat()) unique.set(keyOf(id), id);
  const ids = [...unique.values()];
  const hashes = ids.length ? await reader.read(ids) : [];
  const byKey = new Map(ids.map((id, i) => [keyOf(id), hashes[i]!]));
  return parts.map((nodes) => foldRight(nodes.map((id) => byKey.get(keyOf(id))!)));
}

/** MTH(D[0:size]) from the stored nodes: at most log2(size)+1 reads. */
export async function treeRoot(reader: NodeReader, size: number): Promise<Buffer> {
  if (size === 0) return foldRight([]);
  const [root] = await rangeHashes(reader, [[0, size]]);
  return root!;
}

/** The audit path of leaf `index` in the tree of `size` (RFC 6962 §2.1.1). */
export function inclusionProof(reader: NodeReader, index: number, size: number): Promise<Buffer[]> {
  return rangeHashes(reader, inclusionPathRanges(index, size));
}

/** The consistency proof from the tree of `fromSize` to the tree of `toSize` (RFC 6962 §2.1.2). */
export function consistencyProof(reader: NodeReader, fromSize: number, toSize: number): Promise<Buffer[]> {
  return rangeHashes(reader, consistencyProofRanges(fromSize, toSize));
}

/** Every complete subtree of a list of leaf hashes, for tests and for building a tree in memory. */
export function memoryReader(leaves: readonly Buffer[]): NodeReader {
  const memo = new Map<string, Buffer>();
  const node = (level: number, index: number): Buffer => {
    if ((index + 1) * 2 ** level > leaves.length) throw new Error(`node ${level}:${index} is not complete`);
    if (level === 0) return leaves[index]!;
    const key = `${level}:${index}`;
    let hash = memo.get(key);
    if (!hash) {
      hash = foldRight([node(level - 1, 2 * index), node(level - 1, 2 * index + 1)]);
      memo.set(key, hash);
    }
    return hash;
  };
  return { read: async (ids) => ids.map(({ level, index }) => node(level, index)) };
}
