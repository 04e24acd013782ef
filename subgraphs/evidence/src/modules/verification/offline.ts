import type { ConsistencyJson, EntryJson } from '../../client/log-client.js';
import { isCanonicalJson } from '../canonical/jcs.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../merkle/rfc6962.js';
import { openCheckpoint, parseVerifierKey, type Checkpoint, type NoteVerifier } from '../note/signed-note.js';

/**
 * Offline checks a relying party runs on files it fetched: a signed checkpoint, an entry with
 * its inclusion proof, a consistency proof. Only node:crypto and the pure modules: no database,
 * no network, nothing from the log trusted beyond its public key.
 */
export class VerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerificationError';
  }
}

const HEX_HASH = /^[0-9a-f]{64}$/;

function hashes(values: unknown, what: string): Buffer[] {
  if (!Array.isArray(values)) throw new VerificationError(`${what} is not a list of hashes`);
  return values.map((value, i) => {
    if (typeof value !== 'string' || !HEX_HASH.test(value)) {
      throw new VerificationError(`${what}[${i}] is not 64 lowercase hex digits`);
    }
    return Buffer.from(value, 'hex');
  });
}

const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function verifiersFrom(vkeys: readonly string[]): NoteVerifier[] {
  if (vkeys.length === 0) throw new VerificationError('no verifier key given');
  try {
    return vkeys.map((k) => parseVerifierKey(k));
  } catch (error) {
    throw new VerificationError(`the verifier key is not valid: ${(error as Error).message}`);
  }
}

/** The checkpoint a signed note carries, if one of `verifiers` signed it for `origin`. */
export function verifiedCheckpoint(
  note: string,
  verifiers: readonly NoteVerifier[],
  origin?: string,
  which = 'checkpoint',
): Checkpoint {
  try {
    return openCheckpoint(note, verifiers, origin ?? verifiers[0]!.name);
  } catch (error) {
    throw new VerificationError(`the ${which} is not a valid signed checkpoint: ${(error as Error).message}`);
  }
}

export interface InclusionResult {
  checkpoint: Checkpoint;
  index: number;
  /** The entry as JSON (after its hash and inclusion were checked). */
  entry: Record<string, unknown>;
}

/** Check that `entry` (an `evidenceEntry` answer) is in the tree the signed `note` commits to. */
export function verifyEntryInclusion(options: {
  note: string;
  verifiers: readonly NoteVerifier[];
  entry: unknown;
  origin?: string;
}): InclusionResult {
  const checkpoint = verifiedCheckpoint(options.note, options.verifiers, options.origin);
  const e = options.entry as Partial<EntryJson> | null;
  if (!e || typeof e !== 'object')
    throw new VerificationError('the entry file is not an evidenceEntry object');
  if (!isSize(e.index) || !isSize(e.treeSize) || typeof e.entry !== 'string') {
    throw new VerificationError('the entry file needs index, treeSize, entry, leafHash and inclusionProof');
  }
  if (e.treeSize !== checkpoint.treeSize) {
    throw new VerificationError(
      `the inclusion proof is for tree size ${e.treeSize}, the checkpoint for ${checkpoint.treeSize}: ` +
        `fetch the entry for tree size ${checkpoint.treeSize}`,
    );
  }
  const proof = hashes(e.inclusionProof, 'inclusionProof');
  const leaf = leafHash(e.entry);
  if (typeof e.leafHash !== 'string' || leaf.toString('hex') !== e.leafHash) {
    throw new VerificationError('the entry text does not hash to its leafHash: the entry was changed');
  }
  if (!isCanonicalJson(e.entry)) {
    throw new VerificationError(
      'the entry text is not RFC 8785 canonical JSON: this log writes no such entry',
    );
  }
  if (!verifyInclusion(e.index, e.treeSize, leaf, proof, checkpoint.rootHash)) {
    throw new VerificationError(
      `the inclusion proof does not lead from entry ${e.index} to the checkpoint's root: the entry, its index or the proof was changed`,
    );
  }
  return { checkpoint, index: e.index, entry: JSON.parse(e.entry) as Record<string, unknown> };
}

export interface ConsistencyResult {
  old: Checkpoint;
  new: Checkpoint;
}

/** Check that the tree of the `newNote` checkpoint extends the tree of `oldNote`. */
export function verifyCheckpointConsistency(options: {
  oldNote: string;
  newNote: string;
  verifiers: readonly NoteVerifier[];
  proof: unknown;
  origin?: string;
}): ConsistencyResult {
  const older = verifiedCheckpoint(options.oldNote, options.verifiers, options.origin, 'old checkpoint');
  const newer = verifiedCheckpoint(options.newNote, options.verifiers, options.origin, 'new checkpoint');
  const p = options.proof as Partial<ConsistencyJson> | null;
  if (!p || typeof p !== 'object' || !isSize(p.fromSize) || !isSize(p.toSize)) {
    throw new VerificationError('the proof file needs fromSize, toSize and proof');
  }
  if (p.fromSize !== older.treeSize || p.toSize !== newer.treeSize) {
    throw new VerificationError(
      `the proof is from size ${p.fromSize} to ${p.toSize}, the checkpoints are for ${older.treeSize} and ${newer.treeSize}`,
    );
  }
  if (newer.treeSize < older.treeSize) {
    throw new VerificationError(
      'the new checkpoint is smaller than the old one: swap them, or the log went back',
    );
  }
  const proof = hashes(p.proof, 'proof');
  if (!verifyConsistency(older.treeSize, newer.treeSize, proof, older.rootHash, newer.rootHash)) {
    throw new VerificationError(
      'the consistency proof does not verify: the new checkpoint does not extend the old one (or the proof was changed)',
    );
  }
  return { old: older, new: newer };
}
