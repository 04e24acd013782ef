import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCheckpoint, signNote, checkpointText } from '../note/signed-note.js';
import {
  loadLogKeys,
  loadOrCreateLogKeyFile,
  logKeyFilePath,
  privateKeyFromText,
  rotateLogKeyFile,
} from './log-keys.js';

const ORIGIN = 'bianmin.yunhu.gov.cn/evidence';
const dir = mkdtempSync(join(tmpdir(), 'bianmin-evidence-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the log signing key', () => {
  it('is made once under DATA_DIR, readable only by its owner, and the same on every load', () => {
    const first = loadLogKeys({ origin: ORIGIN, dataDir: dir });
    const again = loadLogKeys({ origin: ORIGIN, dataDir: dir });
    expect(again.current.vkey).toBe(first.current.vkey);
    expect(first.current.vkey.startsWith(`${ORIGIN}+`)).toBe(true);
    expect(statSync(logKeyFilePath(dir)).mode & 0o777).toBe(0o600);
    expect(first.previous).toEqual([]);
  });

  it('keeps every retired key as a verifier key across rotations', () => {
    const before = loadLogKeys({ origin: ORIGIN, dataDir: dir });
    const note = signNote(checkpointText({ origin: ORIGIN, treeSize: 1, rootHash: Buffer.alloc(32) }), [
      before.signer,
    ]);
    rotateLogKeyFile(logKeyFilePath(dir), ORIGIN);
    rotateLogKeyFile(logKeyFilePath(dir), ORIGIN);
    const after = loadLogKeys({ origin: ORIGIN, dataDir: dir });
    expect(after.current.vkey).not.toBe(before.current.vkey);
    expect(after.previous).toHaveLength(2);
    expect(after.previous[1]!.vkey).toBe(before.current.vkey);
    expect(openCheckpoint(note, after.verifiers).treeSize).toBe(1);
    expect(loadOrCreateLogKeyFile(logKeyFilePath(dir)).previous).toHaveLength(2);
  });

  it('comes from EVIDENCE_SIGNING_KEY as PKCS#8 PEM or base64 DER, with retired keys from the environment', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const retired = loadLogKeys({ origin: ORIGIN, dataDir: dir }).current.vkey;
    const fromPem = loadLogKeys({
      origin: ORIGIN,
      dataDir: '/nonexistent',
      signingKey: pem,
      previousVerifierKeys: [retired],
    });
    const fromDer = loadLogKeys({ origin: ORIGIN, dataDir: '/nonexistent', signingKey: der });
    expect(fromPem.current.vkey).toBe(fromDer.current.vkey);
    expect(fromPem.previous.map((v) => v.vkey)).toEqual([retired]);
    expect(() =>
      privateKeyFromText(
        generateKeyPairSync('ec', { namedCurve: 'P-256' })
          .privateKey.export({ format: 'pem', type: 'pkcs8' })
          .toString(),
      ),
    ).toThrow(/Ed25519/);
    expect(JSON.parse(readFileSync(logKeyFilePath(dir), 'utf8'))).toHaveProperty('version', 1);
  });
});
