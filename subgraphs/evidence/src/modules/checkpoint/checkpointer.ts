import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { runExclusively, type ExclusiveJob, type Logger, type Orm } from '@bianmin/kit';
import { isCanonicalJson } from '../canonical/jcs.js';
import { consistencyProof, treeRoot } from '../merkle/prover.js';
import { Frontier, leafHash, rangeNodes, verifyConsistency, type NodeId } from '../merkle/rfc6962.js';
import { checkpointText, openCheckpoint, signNote } from '../note/signed-note.js';
import { entriesBetween, logSize, storedNodes } from '../log/log.store.js';
import { SignedCheckpoint } from './checkpoint.entity.js';
import type { LogKeys } from './log-keys.js';

/** The log refused to sign: what it found does not extend what it signed before. An alarm. */
export class CheckpointRefused extends Error {
  constructor(
    message: string,
    readonly lastSignedSize: number,
    readonly treeSize: number,
  ) {
    super(message);
    this.name = 'CheckpointRefused';
  }
}

export type CheckpointOutcome =
  { kind: 'signed'; checkpoint: SignedCheckpoint } | { kind: 'unchanged'; treeSize: number };

/** The newest signed checkpoint, or null before the first. */
export async function latestCheckpoint(em: EntityManager): Promise<SignedCheckpoint | null> {
  const [latest] = await em.find(
    SignedCheckpoint,
    {},
    { orderBy: { treeSize: 'desc' }, limit: 1, disableIdentityMap: true },
  );
  return latest ?? null;
}

/** How many entries the re-hash reads at a time. */
const BATCH = 1000;

/**
 * Sign a checkpoint for the log as it is now, if it grew since the last one — but only after
 * checking that it extends that last one, from the data, not from what the log says about itself:
 *
 *  1. the last checkpoint's note verifies with the log's keys (current or retired), and its size
 *     and root are the stored row's;
 *  2. the stored hashes of the last tree's frontier (the complete subtrees of its size) still
 *     fold to the root it signed;
 *  3. every entry appended since is canonical JSON and hashes to its stored leaf hash;
 *  4. extending that frontier with those recomputed leaves gives a root, every subtree hash the
 *     new leaves completed is stored as recomputed, and the stored hashes give that root;
 *  5. the consistency proof the API would serve from the last size to the new one verifies.
 *
 * Any failure throws CheckpointRefused and signs nothing, so the log never signs a checkpoint
 * inconsistent with one it signed (c2sp tlog-checkpoint). Rows changed below the last frontier
 * change nothing it signs; they break the inclusion proofs of those entries, which is how
 * verifiers catch them. The work is O(new entries + log n).
 */
export async function signCheckpoint(
  em: EntityManager,
  keys: LogKeys,
  now: Date = new Date(),
): Promise<CheckpointOutcome> {
  const size = await logSize(em);
  const last = await latestCheckpoint(em);
  const lastSize = last?.treeSize ?? 0;
  const refuse = (why: string): never => {
    throw new CheckpointRefused(
      `refusing to sign size ${size} after size ${lastSize}: ${why}`,
      lastSize,
      size,
    );
  };
  if (size < lastSize) refuse('the log is smaller than a checkpoint it signed');
  if (size === lastSize) return { kind: 'unchanged', treeSize: size };

  const nodes = storedNodes(em);
  let frontier = new Frontier(0, []);
  if (last) {
    // 1.
    let signed;
    try {
      signed = openCheckpoint(last.note, keys.verifiers, keys.origin);
    } catch (error) {
      return refuse(`the last checkpoint does not verify (${(error as Error).message})`);
    }
    if (signed.treeSize !== last.treeSize || signed.rootHash.toString('hex') !== last.rootHash) {
      refuse('the last checkpoint row does not match its signed note');
    }
    // 2.
    try {
      frontier = new Frontier(lastSize, await nodes.read(rangeNodes(0, lastSize)));
    } catch (error) {
      refuse(`the last tree's stored hashes cannot be read (${(error as Error).message})`);
    }
    if (!frontier.root().equals(signed.rootHash))
      refuse(`the stored tree no longer has the signed root of size ${lastSize}`);
  }
  // 3.
  const completed: Array<NodeId & { hash: Buffer }> = [];
  for (let from = lastSize; from < size; from += BATCH) {
    const batch = await entriesBetween(em, from, Math.min(size, from + BATCH), BATCH);
    for (const [i, row] of batch.entries()) {
      if (row.leafIndex !== from + i) refuse(`entry ${from + i} is missing`);
      if (!isCanonicalJson(row.entry)) refuse(`entry ${row.leafIndex} is not canonical JSON`);
      const leaf = leafHash(row.entry);
      if (leaf.toString('hex') !== row.leafHash)
        refuse(`entry ${row.leafIndex} does not hash to its stored leaf hash`);
      completed.push(...frontier.append(leaf));
    }
    if (batch.length < Math.min(BATCH, size - from))
      refuse(`entries after ${from + batch.length - 1} are missing`);
  }
  // 4.
  const root = frontier.root();
  let storedRoot: Buffer;
  let proof: Buffer[];
  try {
    for (let i = 0; i < completed.length; i += BATCH) {
      const batch = completed.slice(i, i + BATCH);
      const stored = await nodes.read(batch);
      const wrong = batch.find((node, j) => !node.hash.equals(stored[j]!));
      if (wrong)
        refuse(`the stored hash of subtree ${wrong.level}:${wrong.index} does not match the entries`);
    }
    storedRoot = await treeRoot(nodes, size);
    proof = await consistencyProof(nodes, lastSize, size);
  } catch (error) {
    if (error instanceof CheckpointRefused) throw error;
    return refuse(`the stored tree cannot be read (${(error as Error).message})`);
  }
  if (!storedRoot.equals(root)) refuse('the stored subtree hashes do not match the entries');
  // 5.
  if (last && !verifyConsistency(lastSize, size, proof, Buffer.from(last.rootHash, 'hex'), root)) {
    refuse('the consistency proof from the last checkpoint does not verify');
  }

  const note = signNote(checkpointText({ origin: keys.origin, treeSize: size, rootHash: root }), [
    keys.signer,
  ]);
  const checkpoint: SignedCheckpoint = {
    treeSize: size,
    rootHash: root.toString('hex'),
    note,
    keyId: keys.signer.keyId.toString('hex'),
    createdAt: now,
  };
  // Two signers racing on the same size write the same note (deterministic Ed25519): keep the first.
  await (em as SqlEntityManager)
    .createQueryBuilder(SignedCheckpoint)
    .insert(checkpoint)
    .onConflict('treeSize')
    .ignore()
    .execute('run');
  return { kind: 'signed', checkpoint };
}

export interface CheckpointerOptions {
  orm: Orm;
  keys: LogKeys;
  log: Logger;
  /** CHECKPOINT_SECONDS × 1000. */
  everyMs: number;
  now?: () => number;
  autoStart?: boolean;
}

/**
 * Sign checkpoints periodically on whichever replica holds the `evidence.checkpoint` lease.
 * A refusal is logged as an alarm on every tick until someone looks: the log stops signing.
 */
export function startCheckpointer({
  orm,
  keys,
  log,
  everyMs,
  now,
  autoStart,
}: CheckpointerOptions): ExclusiveJob {
  return runExclusively({
    orm,
    log,
    name: 'evidence.checkpoint',
    everyMs,
    ttlMs: Math.max(everyMs * 3, 30_000),
    now,
    autoStart,
    task: async () => {
      try {
        const outcome = await signCheckpoint(orm.em.fork(), keys, new Date(now ? now() : Date.now()));
        if (outcome.kind === 'signed') {
          log.info(
            { event: 'evidence-checkpoint', treeSize: outcome.checkpoint.treeSize },
            'checkpoint signed',
          );
        }
      } catch (error) {
        if (!(error instanceof CheckpointRefused)) throw error;
        log.fatal(
          {
            event: 'evidence-checkpoint-refused',
            lastSignedSize: error.lastSignedSize,
            treeSize: error.treeSize,
          },
          error.message,
        );
      }
    },
  });
}
