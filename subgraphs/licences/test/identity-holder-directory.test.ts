import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DEV_INTERNAL_AUTH_SECRET, loadOrCreateKeyFile, signingKeysFrom } from '@bianmin/kit';
import { createTestDatabase, type TestDatabase } from '@bianmin/kit/testing';
import {
  createIdentityOrm,
  createIdentitySubgraph,
  SecretBox,
  seedIdentity,
  type IdentitySubgraph,
} from '@bianmin/identity';
import { identityHolderDirectory } from '../src/modules/issuance/holder-directory.js';
import { drivers } from './setup.js';

// The production HolderDirectory against a real identity subgraph (demo data) listening on a
// port: identity's `personForIssuance` answers the licences service's own identity only.

describe.each(drivers)('the identity holder directory over HTTP (%s)', (driver) => {
  let db: TestDatabase;
  let keyDir: string;
  let identity: IdentitySubgraph;
  let url: string;
  let personId: string;

  beforeAll(async () => {
    db = await createTestDatabase(driver);
    keyDir = mkdtempSync(join(tmpdir(), 'bianmin-licences-identity-'));
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
    const people = (await orm.em.fork().find('Person', { name: '张小民' })) as unknown as { id: string }[];
    personId = people[0]!.id;
  }, 60_000);
  afterAll(async () => {
    await identity?.stop(1000);
    await db?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it("reads the holder's name and document in full", async () => {
    const directory = identityHolderDirectory({ url, internalSecret: DEV_INTERNAL_AUTH_SECRET });
    expect(await directory.holderOf(personId)).toEqual({
      ok: true,
      holder: {
        name: '张小民',
        idType: 'RESIDENT_ID_CARD',
        idNumber: '339901199003071236',
        dateOfBirth: '1990-03-07',
      },
    });
    expect(await directory.holderOf('00000000-0000-4000-8000-00000000ffff')).toEqual({
      ok: true,
      holder: null,
    });
  });

  it('is unavailable (never a guess) with a wrong secret or when identity is down', async () => {
    const forged = identityHolderDirectory({ url, internalSecret: 'not-the-secret-not-the-secret-000000' });
    expect(await forged.holderOf(personId)).toEqual({ ok: false });
    const down = identityHolderDirectory({
      url: 'http://127.0.0.1:9/graphql',
      internalSecret: DEV_INTERNAL_AUTH_SECRET,
    });
    expect(await down.holderOf(personId)).toEqual({ ok: false });
  });
});
