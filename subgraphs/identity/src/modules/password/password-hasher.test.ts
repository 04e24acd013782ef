import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, createPasswordHasher } from './password-hasher.js';
import { QueueFullError } from './semaphore.js';

describe('password hasher', () => {
  it('hashes with argon2id at the OWASP parameters and verifies', async () => {
    const hasher = createPasswordHasher();
    const digest = await hasher.hash('Lakeside#Walk2026');
    expect(digest).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hasher.verify(digest, 'Lakeside#Walk2026')).toBe(true);
    expect(await hasher.verify(digest, 'Lakeside#Walk2027')).toBe(false);
    expect(hasher.needsRehash(digest)).toBe(false);
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('verifies against a dummy hash when there is no account, and says no', async () => {
    const hasher = createPasswordHasher();
    await hasher.verify(null, 'warm-up'); // the dummy hash is made once, on first use
    const before = hasher.operations;
    expect(await hasher.verify(null, 'Lakeside#Walk2026')).toBe(false);
    expect(hasher.operations).toBe(before + 1);
  });

  it('runs at most `concurrency` argon2 operations at once', async () => {
    const hasher = createPasswordHasher({ concurrency: 2 });
    const digest = await hasher.hash('Lakeside#Walk2026');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => hasher.verify(digest, 'Lakeside#Walk2026')),
    );
    expect(results.every(Boolean)).toBe(true);
    expect(hasher.peakRunning).toBe(2);
  });

  it('fails fast with QueueFullError when the queue is full', async () => {
    const hasher = createPasswordHasher({ concurrency: 1, maxQueue: 1 });
    const digest = await hasher.hash('Lakeside#Walk2026');
    const first = hasher.verify(digest, 'Lakeside#Walk2026');
    const second = hasher.verify(digest, 'Lakeside#Walk2026');
    await expect(hasher.verify(digest, 'Lakeside#Walk2026')).rejects.toBeInstanceOf(QueueFullError);
    expect(await Promise.all([first, second])).toEqual([true, true]);
  });
});
