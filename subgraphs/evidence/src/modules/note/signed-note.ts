import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures, and the checkpoint body of
 * c2sp.org/tlog-checkpoint. A note is a text ending in a newline, a blank line, then signature
 * lines `— <key name> <base64(4-byte key id || signature)>`. Pure functions over node:crypto, so
 * the offline verifier and the witness use this file as it is.
 */

export const ED25519_TYPE = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
/** c2sp: verifiers SHOULD bound a note; at least 16 signatures must fit. */
const MAX_NOTE_BYTES = 64 * 1024;
const MAX_SIGNATURES = 100;

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

/** Key names: non-empty, no Unicode space, no `+`. */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4] */
export function keyIdOf(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The verifier key string: `<name>+<hex key id>+<base64(0x01 || public key)>`. */
export function verifierKeyOf(name: string, publicKey: Uint8Array): string {
  const encoded = Buffer.concat([Buffer.from([ED25519_TYPE]), publicKey]).toString('base64');
  return `${name}+${keyIdOf(name, publicKey).toString('hex')}+${encoded}`;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A node:crypto public key from the 32 raw Ed25519 bytes. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new NoteError(`an Ed25519 public key is 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The 32 raw bytes of an Ed25519 public (or private) key object. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(der.length - 32));
}

export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  publicKey: Buffer;
  /** The verifier key string this came from (or would be written as). */
  vkey: string;
  verify(text: Buffer, signature: Buffer): boolean;
}

const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
function decodeBase64(text: string, what: string): Buffer {
  if (text.length % 4 !== 0 || !STANDARD_BASE64.test(text)) throw new NoteError(`${what} is not base64`);
  return Buffer.from(text, 'base64');
}

export function verifierFromPublicKey(name: string, publicKey: Uint8Array): NoteVerifier {
  if (!isValidKeyName(name)) throw new NoteError(`"${name}" is not a valid key name`);
  const key = ed25519PublicKey(publicKey);
  return {
    name,
    keyId: keyIdOf(name, publicKey),
    publicKey: Buffer.from(publicKey),
    vkey: verifierKeyOf(name, publicKey),
    verify: (text, signature) => signature.length === 64 && verify(null, text, key, signature),
  };
}

/** Parse `<name>+<hex key id>+<base64(0x01 || key)>`; the key id must be the one the key gives. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  // The name has no '+'; the base64 key may have some: split at the first two only.
  const match = /^([^+]+)\+([^+]*)\+(.*)$/s.exec(vkey.trim());
  if (!match) throw new NoteError('a verifier key is <name>+<hex key id>+<base64 key>');
  const [, name, idHex, encoded] = match as unknown as [string, string, string, string];
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new NoteError('the key id in the verifier key is not 8 hex digits');
  const bytes = decodeBase64(encoded, 'the verifier key');
  if (bytes[0] !== ED25519_TYPE || bytes.length !== 33) {
    throw new NoteError('the verifier key is not an Ed25519 key (type 0x01, 32 bytes)');
  }
  const verifier = verifierFromPublicKey(name, bytes.subarray(1));
  if (verifier.keyId.toString('hex') !== idHex) throw new NoteError('the key id does not match the key');
  return verifier;
}

export interface NoteSigner {
  name: string;
  keyId: Buffer;
  sign(text: Buffer): Buffer;
}

/** A signer for `name` with an Ed25519 private key. */
export function noteSigner(name: string, privateKey: KeyObject): NoteSigner {
  if (!isValidKeyName(name)) throw new NoteError(`"${name}" is not a valid key name`);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new NoteError('the signing key is not Ed25519');
  const publicKey = rawPublicKey(privateKey);
  return { name, keyId: keyIdOf(name, publicKey), sign: (text) => sign(null, text, privateKey) };
}

function checkText(text: string) {
  if (!text.endsWith('\n')) throw new NoteError('the note text must end with a newline');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteError('the note has a control character');
}

/** Sign `text` (ending in a newline) with every signer: the signed note. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  if (text.includes('\n\n')) throw new NoteError('a note text this log signs has no blank line');
  const body = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => {
    const signature = Buffer.concat([s.keyId, s.sign(body)]).toString('base64');
    return `${SIGNATURE_PREFIX}${s.name} ${signature}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

export interface OpenedNote {
  /** The signed text, final newline included. */
  text: string;
  /** The names of the known keys whose signatures verified. */
  verifiedBy: string[];
}

/**
 * Check a signed note against the keys the caller trusts (c2sp rules): signatures from unknown
 * keys are ignored, a known key's bad signature rejects the whole note, and at least one known
 * key's signature must verify. Throws NoteError saying why otherwise.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  if (Buffer.byteLength(note, 'utf8') > MAX_NOTE_BYTES) throw new NoteError('the note is too large');
  if (!note.endsWith('\n')) throw new NoteError('the note must end with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('the note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  checkText(text);
  const signatureLines = note.slice(split + 2, -1).split('\n');
  if (signatureLines.length > MAX_SIGNATURES) throw new NoteError('the note has too many signatures');
  const body = Buffer.from(text, 'utf8');
  const verifiedBy: string[] = [];
  for (const line of signatureLines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw new NoteError('a signature line must start with "— "');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.lastIndexOf(' ');
    if (space <= 0) throw new NoteError('a signature line is "— <key name> <base64 signature>"');
    const name = rest.slice(0, space);
    const signature = decodeBase64(rest.slice(space + 1), 'a signature');
    if (!isValidKeyName(name) || signature.length < 5) throw new NoteError('a signature line is malformed');
    const keyId = signature.subarray(0, 4);
    const known = verifiers.find((v) => v.name === name && v.keyId.equals(keyId));
    if (!known) continue;
    if (!known.verify(body, signature.subarray(4))) {
      throw new NoteError(`the signature by ${name} (key ${keyId.toString('hex')}) does not verify`);
    }
    if (!verifiedBy.includes(name)) verifiedBy.push(name);
  }
  if (verifiedBy.length === 0) throw new NoteError('the note carries no signature by a trusted key');
  return { text, verifiedBy };
}

export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
}

/** The tlog-checkpoint note text: origin, decimal size, base64 root; no extension lines. */
export function checkpointText({ origin, treeSize, rootHash }: Checkpoint): string {
  if (!isValidKeyName(origin)) throw new NoteError(`"${origin}" is not a valid origin`);
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new NoteError('the tree size must be ≥ 0');
  if (rootHash.length !== 32) throw new NoteError('the root hash must be 32 bytes');
  return `${origin}\n${treeSize}\n${rootHash.toString('base64')}\n`;
}

/** Read a checkpoint body (the text of an opened note). Extension lines are refused: this log writes none. */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length !== 4 || lines[3] !== '') {
    throw new NoteError('a checkpoint is three lines: origin, tree size, root hash');
  }
  const [origin, size, root] = lines as [string, string, string];
  if (origin.length === 0) throw new NoteError('the checkpoint has no origin');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new NoteError('the tree size is not a decimal number without leading zeros');
  }
  const rootHash = decodeBase64(root, 'the root hash');
  if (rootHash.length !== 32) throw new NoteError('the root hash is not 32 bytes');
  return { origin, treeSize: Number(size), rootHash };
}

/**
 * Open a signed checkpoint: the signature by one of `verifiers`, then the body, whose origin
 * must be `origin` (default: the first verifier's key name, as c2sp recommends).
 */
export function openCheckpoint(
  note: string,
  verifiers: readonly NoteVerifier[],
  origin: string | undefined = verifiers[0]?.name,
): Checkpoint {
  const opened = openNote(note, verifiers);
  const checkpoint = parseCheckpointText(opened.text);
  if (origin !== undefined && checkpoint.origin !== origin) {
    throw new NoteError(`the checkpoint is for log "${checkpoint.origin}", not "${origin}"`);
  }
  return checkpoint;
}
