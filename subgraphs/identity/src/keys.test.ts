import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadOrCreateKeyFile,
  publicJwks,
  rotateKeyFile,
  signAccessToken,
  verifyAccessToken,
} from '@bianmin/kit';
import { loadSecretBox, signingKeysFromFile, totpKeyFile } from './keys.js';

const kidOf = (jwt: string) =>
  (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
const dir = mkdtempSync(join(tmpdir(), 'bianmin-identity-keys-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('access-token keys', () => {
  it('signs with the key file the gateway reads, and follows a rotation without a restart', async () => {
    const path = join(dir, 'access-token-keys.json');
    const keys = signingKeysFromFile(path);
    const identity = { accountId: 'a1', roles: ['resident'], sessionId: 's1', mfa: false };
    const before = await signAccessToken(await keys(), identity);
    const file = await loadOrCreateKeyFile(path);
    expect(kidOf(before)).toBe(file.current.kid);
    expect((await verifyAccessToken(publicJwks(file), before)).ok).toBe(true);

    const rotated = await rotateKeyFile(path);
    const after = await signAccessToken(await keys(), identity);
    expect(kidOf(after)).toBe(rotated.current.kid);
    // Both verify against what the gateway now publishes (current, next and retired keys).
    expect((await verifyAccessToken(publicJwks(rotated), after)).ok).toBe(true);
    expect((await verifyAccessToken(publicJwks(rotated), before)).ok).toBe(true);
  });
});

describe('TOTP sealing key', () => {
  it('creates a private key file on first use and reuses it', () => {
    const first = loadSecretBox({ dataDir: dir, production: false });
    expect(statSync(totpKeyFile(dir)).mode & 0o777).toBe(0o600);
    const second = loadSecretBox({ dataDir: dir, production: false });
    expect(second.open(first.seal('JBSWY3DPEHPK3PXP', 'account-1'), 'account-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses to invent a key in production', () => {
    expect(() => loadSecretBox({ dataDir: join(dir, 'empty'), production: true })).toThrow(
      /TOTP_ENCRYPTION_KEY/,
    );
  });

  it('takes the key from TOTP_ENCRYPTION_KEY, which must be 32 bytes', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const box = loadSecretBox({ key, dataDir: join(dir, 'unused'), production: true });
    expect(box.open(box.seal('secret', 'a'), 'a')).toBe('secret');
    expect(() => loadSecretBox({ key: 'c2hvcnQ=', dataDir: dir, production: true })).toThrow(/32 bytes/);
  });
});
