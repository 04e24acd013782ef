import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  DEV_INTERNAL_AUTH_SECRET,
  loadOrCreateKeyFile,
  signingKeysFrom,
  type Identity,
} from '@bianmin/kit';
import { createTestDatabase, type TestDatabase } from '@bianmin/kit/testing';
import {
  createIdentityOrm,
  createIdentitySubgraph,
  SecretBox,
  seedIdentity,
  type IdentitySubgraph,
} from '@bianmin/identity';
import { identityApplicantDirectory } from '../src/modules/directories/applicant-directory.js';
import { identityColleagueDirectory } from '../src/modules/directories/colleague-directory.js';
import { drivers } from './setup.js';

// The HTTP directories affairs uses in production, against a real identity subgraph (demo data)
// listening on a port: they speak for the caller, so identity's own rules decide what they see.

interface DemoAccount {
  id: string;
  username: string | null;
  roles: string[];
  departmentCode: string | null;
  personId: string | null;
}

describe.each(drivers)('identity directories over HTTP on %s', (driver) => {
  let db: TestDatabase;
  let keyDir: string;
  let identity: IdentitySubgraph;
  let url: string;
  const byUsername = new Map<string, Identity>();
  const as = (username: string) => byUsername.get(username)!;

  beforeAll(async () => {
    db = await createTestDatabase(driver);
    keyDir = mkdtempSync(join(tmpdir(), 'bianmin-affairs-identity-'));
    const orm = await createIdentityOrm({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
    const secretBox = SecretBox.random();
    await seedIdentity(orm, { secretBox });
    identity = createIdentitySubgraph({
      orm,
      log: createLogger('identity', 'warn'),
      signingKeys: await signingKeysFrom(await loadOrCreateKeyFile(join(keyDir, 'keys.json'))),
      secretBox,
    });
    url = `http://127.0.0.1:${await identity.listen(0, '127.0.0.1')}/graphql`;
    // Identity's own rows (by entity name: affairs does not import identity's entities).
    const accounts = (await orm.em.fork().find('Account', {})) as unknown as DemoAccount[];
    for (const a of accounts) {
      if (!a.username) continue;
      byUsername.set(a.username, {
        accountId: a.id,
        personId: a.personId,
        roles: a.roles,
        department: a.departmentCode ?? undefined,
        mfa: true,
      });
    }
  }, 60_000);
  afterAll(async () => {
    await identity?.stop(1000);
    await db?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it('lists a supervisor’s department colleagues as identity sees them', async () => {
    const directory = identityColleagueDirectory({ url, internalSecret: DEV_INTERNAL_AUTH_SECRET });
    const lookup = await directory.colleaguesOf(as('wangzhuguan'));
    expect(lookup.ok).toBe(true);
    const colleagues = lookup.ok ? lookup.colleagues : [];
    expect(colleagues.map((c) => c.accountId)).toEqual(
      expect.arrayContaining([as('libanshi').accountId, as('wangzhuguan').accountId]),
    );
    expect(colleagues.find((c) => c.accountId === as('libanshi').accountId)).toMatchObject({
      roles: ['department-staff'],
      active: true,
    });
    // Nobody from another department, and no residents.
    expect(colleagues.map((c) => c.accountId)).not.toContain(as('zhangxiaomin').accountId);
  });

  it('reads a resident’s own facts, and nothing for a forged or refused identity', async () => {
    const facts = identityApplicantDirectory({ url, internalSecret: DEV_INTERNAL_AUTH_SECRET });
    // `me` answers only for a live session, as the gateway's header always carries one.
    expect(await facts.factsOf(as('zhangxiaomin'))).toEqual({ ok: false, reason: 'UNAVAILABLE' });
    const signedIn = await identity.execute<{ signIn: { session: { id: string } | null } }>(
      `mutation { signIn(input: { login: "13800000001", password: "Yunhu#Resident2026" }) { session { id } } }`,
      {},
    );
    const resident = { ...as('zhangxiaomin'), sessionId: signedIn.data!.signIn.session!.id };
    expect(await facts.factsOf(resident)).toEqual({
      ok: true,
      facts: { birthDate: '1990-03-07', regionCode: '33990101001001' },
    });
    // A header signed with the wrong secret is not believed: no facts, no guess.
    const forged = identityApplicantDirectory({ url, internalSecret: 'not-the-secret-'.repeat(3) });
    expect(await forged.factsOf(resident)).toEqual({ ok: false, reason: 'UNAVAILABLE' });
    // A resident may not list staff: identity refuses, and affairs reads that as "cannot confirm".
    const colleagues = identityColleagueDirectory({ url, internalSecret: DEV_INTERNAL_AUTH_SECRET });
    expect(await colleagues.colleaguesOf(resident)).toEqual({ ok: false, reason: 'UNAVAILABLE' });
  });

  it('answers UNAVAILABLE when identity cannot be reached', async () => {
    const closed = 'http://127.0.0.1:9/graphql';
    const facts = identityApplicantDirectory({ url: closed, internalSecret: DEV_INTERNAL_AUTH_SECRET });
    expect(await facts.factsOf(as('zhangxiaomin'))).toEqual({ ok: false, reason: 'UNAVAILABLE' });
    const colleagues = identityColleagueDirectory({ url: closed, internalSecret: DEV_INTERNAL_AUTH_SECRET });
    expect(await colleagues.colleaguesOf(as('wangzhuguan'))).toEqual({ ok: false, reason: 'UNAVAILABLE' });
  });
});
