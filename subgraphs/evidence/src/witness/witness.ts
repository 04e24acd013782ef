import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogClient } from '../client/log-client.js';
import { verifyConsistency } from '../modules/merkle/rfc6962.js';
import { openCheckpoint, type Checkpoint, type NoteVerifier } from '../modules/note/signed-note.js';

/**
 * A witness: it keeps the last checkpoint it accepted and accepts a newer one only with a
 * consistency proof from it. A log that rewrote history (a fork, a rollback, a changed entry)
 * cannot produce that proof, so the witness refuses, raises an alarm, and keeps both signed
 * notes — two checkpoints signed by the log that cannot both be true are proof of misbehaviour.
 */
export interface WitnessState {
  origin: string;
  treeSize: number;
  /** Lowercase hex. */
  rootHash: string;
  /** The signed note it accepted. */
  note: string;
  acceptedAt: string;
}

export type WitnessOutcome =
  | { kind: 'accepted'; state: WitnessState; previous: WitnessState | null }
  | { kind: 'unchanged'; state: WitnessState }
  | { kind: 'empty' }
  | { kind: 'refused'; reason: string; note: string; state: WitnessState | null; evidenceFile: string };

export interface WitnessOptions {
  client: LogClient;
  /** The log's verifier keys (current first; retired ones still accepted). */
  verifiers: readonly NoteVerifier[];
  /** Default: the first key's name. */
  origin?: string;
  stateFile: string;
  now?: () => Date;
}

/** The state file, checked: a state whose note no longer verifies is an error, not a fresh start. */
export function readWitnessState(
  stateFile: string,
  verifiers: readonly NoteVerifier[],
  origin?: string,
): WitnessState | null {
  let state: WitnessState;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as WitnessState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`the witness state ${stateFile} cannot be read: ${(error as Error).message}`);
  }
  const checkpoint = openCheckpoint(state.note, verifiers, origin ?? verifiers[0]?.name);
  if (checkpoint.treeSize !== state.treeSize || checkpoint.rootHash.toString('hex') !== state.rootHash) {
    throw new Error(`the witness state ${stateFile} does not match the note it holds`);
  }
  return state;
}

function writeAtomically(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

function stateOf(checkpoint: Checkpoint, note: string, now: Date): WitnessState {
  return {
    origin: checkpoint.origin,
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash.toString('hex'),
    note,
    acceptedAt: now.toISOString(),
  };
}

/**
 * One round: fetch the latest checkpoint, verify its signature, and accept it if it is the
 * first one seen (trust on first use), the same one, or consistent with the last accepted one.
 * The state file changes only on acceptance. Network or API failures throw (try again later).
 */
export async function witnessOnce(options: WitnessOptions): Promise<WitnessOutcome> {
  const now = options.now ?? (() => new Date());
  const origin = options.origin ?? options.verifiers[0]?.name;
  const previous = readWitnessState(options.stateFile, options.verifiers, origin);
  const latest = await options.client.checkpoint();
  if (!latest)
    return previous
      ? refuse(options, previous, '', 'the log no longer publishes a checkpoint')
      : { kind: 'empty' };
  const note = latest.signedNote;
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(note, options.verifiers, origin);
  } catch (error) {
    return refuse(options, previous, note, `the checkpoint does not verify: ${(error as Error).message}`);
  }
  const accept = (): WitnessOutcome => {
    const state = stateOf(checkpoint, note, now());
    writeAtomically(options.stateFile, `${JSON.stringify(state, null, 2)}\n`);
    return { kind: 'accepted', state, previous };
  };
  if (!previous) return accept();
  const oldRoot = Buffer.from(previous.rootHash, 'hex');
  if (checkpoint.treeSize < previous.treeSize) {
    return refuse(
      options,
      previous,
      note,
      `rollback: tree size ${checkpoint.treeSize} after ${previous.treeSize}`,
    );
  }
  if (checkpoint.treeSize === previous.treeSize) {
    return checkpoint.rootHash.equals(oldRoot)
      ? { kind: 'unchanged', state: previous }
      : refuse(
          options,
          previous,
          note,
          `fork: two different roots signed for tree size ${checkpoint.treeSize}`,
        );
  }
  const answer = await options.client.consistency(previous.treeSize, checkpoint.treeSize);
  const proof = Array.isArray(answer.proof) ? answer.proof : [];
  const valid =
    answer.fromSize === previous.treeSize &&
    answer.toSize === checkpoint.treeSize &&
    proof.every((h) => /^[0-9a-f]{64}$/.test(h)) &&
    verifyConsistency(
      previous.treeSize,
      checkpoint.treeSize,
      proof.map((h) => Buffer.from(h, 'hex')),
      oldRoot,
      checkpoint.rootHash,
    );
  if (!valid) {
    return refuse(
      options,
      previous,
      note,
      `fork: tree size ${checkpoint.treeSize} is not consistent with the accepted tree size ${previous.treeSize}`,
    );
  }
  return accept();
}

function refuse(
  options: WitnessOptions,
  state: WitnessState | null,
  note: string,
  reason: string,
): WitnessOutcome {
  const at = (options.now ?? (() => new Date()))();
  const stamp = `${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const evidenceFile = `${options.stateFile}.refused-${stamp}.txt`;
  writeAtomically(
    evidenceFile,
    `${reason}\n\n--- accepted before (state) ---\n${state?.note ?? '(none)\n'}\n--- refused ---\n${note || '(none)\n'}`,
  );
  return { kind: 'refused', reason, note, state, evidenceFile };
}
