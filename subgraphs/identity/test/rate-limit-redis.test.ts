import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { withRequestInfo } from '../src/http/request-info.js';
import { createIdentitySubgraph, createThrottles } from '../src/server.js';
import { AUTH_FIELDS, drivers, RESIDENT, useIdentity, type AuthData } from './setup.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;

describe.each(drivers)('sign-in limits shared through Redis on %s', (driver) => {
  // Two instances of the service (as behind a load balancer): one database, one Redis, own clients.
  const keyPrefix = `bianmin-test:${randomBytes(6).toString('hex')}`;
  const clients = [new Redis(REDIS_URL, { lazyConnect: true }), new Redis(REDIS_URL, { lazyConnect: true })];
  const fx = useIdentity(driver, { throttles: () => createThrottles({ redis: clients[0], keyPrefix }) });

  afterAll(async () => {
    const keys = await clients[0]!.keys(`${keyPrefix}*`);
    if (keys.length) await clients[0]!.del(...keys);
    await Promise.all(clients.map((c) => c.quit()));
  });

  it('keeps the lockout when the 11th attempt reaches another instance', async () => {
    const other = createIdentitySubgraph({
      orm: fx.identity.orm,
      log: fx.identity.log,
      signingKeys: await fx.identity.services.signingKeys(),
      secretBox: fx.secretBox,
      throttles: createThrottles({ redis: clients[1], keyPrefix }),
    });
    // Connected before use: a limiter whose client is not ready falls back to this instance's memory.
    await Promise.all(clients.map((c) => c.connect()));
    try {
      const attempt = (instance: typeof other, password: string) =>
        withRequestInfo({ ip: '203.0.113.99', ipSource: 'forwarded' }, () =>
          instance.execute<{ signIn: AuthData }>(SIGN_IN, { input: { login: RESIDENT.phone, password } }),
        );
      for (let i = 0; i < 10; i++) {
        const r = await attempt(fx.identity, `Wrong#Guess${i}xx`);
        expect(r.data!.signIn.error!.code).toBe('UNAUTHENTICATED');
      }
      const eleventh = (await attempt(other, 'Wrong#Guess11xx')).data!.signIn;
      expect(eleventh.error!.code).toBe('RATE_LIMITED');
      expect(eleventh.retryAfterSeconds).toBeGreaterThan(0);
      const right = (await attempt(other, RESIDENT.password)).data!.signIn;
      expect(right).toMatchObject({ ok: false, session: null, error: { code: 'RATE_LIMITED' } });
      expect(await clients[1]!.keys(`${keyPrefix}:signInAccountIp:*`)).toHaveLength(1);
    } finally {
      await other.apollo.stop().catch(() => {});
    }
  });
});
