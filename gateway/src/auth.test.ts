import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, loadOrCreateKeyFile, signAccessToken, signingKeysFrom } from '@bianmin/kit';
import { TokenKeys } from './auth.js';

const RESIDENT = { accountId: 'acc-1', personId: 'p-1', roles: ['resident'], sessionId: 's-1' };
const log = createLogger('auth-test', 'silent');

describe('TokenKeys.verify', () => {
  it('remembers a good token only until it expires', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-tokens-'));
    const keyFile = join(dir, 'keys.json');
    const keys = new TokenKeys(keyFile, log);
    await keys.load();
    const now = Date.now();
    const token = await signAccessToken(await signingKeysFrom(await loadOrCreateKeyFile(keyFile)), RESIDENT, {
      now,
      ttlSeconds: 60,
    });
    expect(await keys.verify(token, now)).toMatchObject({ ok: true, identity: { accountId: 'acc-1' } });
    expect(await keys.verify(token, now + 30_000)).toMatchObject({ ok: true });
    expect(await keys.verify(token, now + 70_000)).toMatchObject({ ok: false, problem: 'expired' });
    rmSync(dir, { recursive: true, force: true });
  });

  it('forgets verified tokens when the keys change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-tokens-'));
    const keys = new TokenKeys(join(dir, 'a.json'), log);
    await keys.load();
    const token = await signAccessToken(
      await signingKeysFrom(await loadOrCreateKeyFile(join(dir, 'a.json'))),
      RESIDENT,
    );
    expect((await keys.verify(token)).ok).toBe(true);
    // The same object now reads another key file, as if every old key had been retired.
    Object.assign(keys, { keyFile: join(dir, 'b.json') });
    await keys.load();
    expect(await keys.verify(token)).toMatchObject({ ok: false, problem: 'invalid' });
    rmSync(dir, { recursive: true, force: true });
  });
});
