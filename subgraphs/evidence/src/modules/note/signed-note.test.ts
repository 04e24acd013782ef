import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  keyIdOf,
  NoteError,
  noteSigner,
  openCheckpoint,
  openNote,
  parseCheckpointText,
  parseVerifierKey,
  rawPublicKey,
  signNote,
  verifierFromPublicKey,
} from './signed-note.js';

// Published examples, used as data: the c2sp signed-note spec's vkey and note, and the
// PeterNeumann key and note of golang.org/x/mod/sumdb/note's documentation.
const SPEC_VKEY = 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k';
const SPEC_NOTE =
  'This is an example message.\n\n' +
  '\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const GO_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE =
  GO_TEXT +
  '\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const goPrivateKey = createPrivateKey({
  key: Buffer.concat([PKCS8_ED25519_PREFIX, GO_SEED]),
  format: 'der',
  type: 'pkcs8',
});

describe('C2SP signed notes (Ed25519)', () => {
  it('verifies the spec example and the Go reference example', () => {
    expect(openNote(SPEC_NOTE, [parseVerifierKey(SPEC_VKEY)])).toEqual({
      text: 'This is an example message.\n',
      verifiedBy: ['example.com/foo'],
    });
    expect(openNote(GO_NOTE, [parseVerifierKey(GO_VKEY)]).text).toBe(GO_TEXT);
  });

  it('reproduces the Go reference signature, key id and verifier key byte for byte', () => {
    const signer = noteSigner('PeterNeumann', goPrivateKey);
    expect(signer.keyId.toString('hex')).toBe('c74f20a3');
    expect(signNote(GO_TEXT, [signer])).toBe(GO_NOTE);
    expect(verifierFromPublicKey('PeterNeumann', rawPublicKey(goPrivateKey)).vkey).toBe(GO_VKEY);
  });

  it('rejects a changed text, a changed signature, and a known key whose signature fails', () => {
    const verifier = parseVerifierKey(GO_VKEY);
    expect(() => openNote(GO_NOTE.replace('cryptography', 'cryptographY'), [verifier])).toThrow(
      /does not verify/,
    );
    expect(() => openNote(GO_NOTE.replace('x08go', 'x08gp'), [verifier])).toThrow(NoteError);
    // A second, good signature does not rescue a bad one from the same key.
    const good = GO_NOTE.split('\n\n')[1]!;
    const bad = good.replace('x08go/ZJ', 'x08go/ZK');
    expect(() => openNote(`${GO_TEXT}\n${bad}${good}`, [verifier])).toThrow(/does not verify/);
  });

  it('ignores signatures by unknown keys but needs one by a known key', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const other = noteSigner('PeterNeumann', privateKey); // same name, other key id
    const both = signNote(GO_TEXT, [other, noteSigner('PeterNeumann', goPrivateKey)]);
    expect(openNote(both, [parseVerifierKey(GO_VKEY)]).verifiedBy).toEqual(['PeterNeumann']);
    expect(() => openNote(signNote(GO_TEXT, [other]), [parseVerifierKey(GO_VKEY)])).toThrow(
      /no signature by a trusted key/,
    );
  });

  it.each([
    ['no blank line', GO_TEXT],
    ['no final newline', GO_NOTE.slice(0, -1)],
    ['an ASCII dash', GO_NOTE.replace('\u2014', '-')],
    ['a control character', GO_NOTE.replace('problem,', 'problem,\t')],
    ['a signature that is not base64', GO_NOTE.replace('x08go/', 'x08go_')],
  ])('rejects a malformed note: %s', (_why, note) => {
    expect(() => openNote(note, [parseVerifierKey(GO_VKEY)])).toThrow(NoteError);
  });

  it.each([
    ['two parts', 'PeterNeumann+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a wrong key id', 'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['another name', 'PeterNeumanm+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['another key type', 'PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a short key', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4'],
  ])('refuses a verifier key with %s', (_why, vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow(NoteError);
  });

  it('reads verifier keys whose base64 has "+" in it', () => {
    for (let i = 0; i < 50; i++) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const vkey = verifierFromPublicKey('example.com/log', rawPublicKey(privateKey)).vkey;
      expect(parseVerifierKey(vkey).vkey).toBe(vkey);
    }
  });

  it('computes key ids as SHA-256(name || 0x0A || 0x01 || key)[:4]', () => {
    const key = rawPublicKey(goPrivateKey);
    expect(keyIdOf('PeterNeumann', key).toString('hex')).toBe('c74f20a3');
  });
});

describe('tlog checkpoints', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const origin = 'bianmin.yunhu.gov.cn/evidence';
  const signer = noteSigner(origin, privateKey);
  const verifier = verifierFromPublicKey(origin, rawPublicKey(privateKey));
  const rootHash = Buffer.alloc(32, 7);

  it('writes origin, size and base64 root, and reads them back from the signed note', () => {
    const text = checkpointText({ origin, treeSize: 20852163, rootHash });
    expect(text).toBe(`${origin}\n20852163\n${rootHash.toString('base64')}\n`);
    const note = signNote(text, [signer]);
    expect(openCheckpoint(note, [verifier])).toEqual({ origin, treeSize: 20852163, rootHash });
  });

  it('refuses a checkpoint for another origin', () => {
    const other = noteSigner('example.com/other', privateKey);
    const note = signNote(checkpointText({ origin: 'example.com/other', treeSize: 1, rootHash }), [other]);
    const otherVerifier = verifierFromPublicKey('example.com/other', rawPublicKey(privateKey));
    expect(() => openCheckpoint(note, [otherVerifier], origin)).toThrow(/not "bianmin/);
  });

  it.each([
    ['a leading zero', `${origin}\n012\n${rootHash.toString('base64')}\n`],
    ['a negative size', `${origin}\n-1\n${rootHash.toString('base64')}\n`],
    ['a short root', `${origin}\n1\n${Buffer.alloc(31).toString('base64')}\n`],
    ['an extension line', `${origin}\n1\n${rootHash.toString('base64')}\nextra\n`],
    ['no origin', `\n1\n${rootHash.toString('base64')}\n`],
  ])('refuses a checkpoint body with %s', (_why, text) => {
    expect(() => parseCheckpointText(text)).toThrow(NoteError);
  });
});
