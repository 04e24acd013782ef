import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DEV_INTERNAL_AUTH_SECRET, type Identity } from '@bianmin/kit';
import { createTestDatabase, type TestDatabase } from '@bianmin/kit/testing';
import {
  createLicencesOrm,
  createLicencesSubgraph,
  memoryKeyRing,
  seedDemoLicences,
  seedLicences,
  staticHolderDirectory,
  type LicencesSubgraph,
} from '@bianmin/licences';
import { licencesServiceDirectory } from '../src/modules/directories/licence-directory.js';
import { drivers } from './setup.js';

// The licence directory affairs uses in production, against a real licences subgraph listening
// on a port: affairs asks as the applicant, and the licences domain answers for the caller only.
const ZHANG: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a1',
  personId: '00000000-0000-4000-8000-0000000000b1',
  roles: ['resident'],
};
const LI: Identity = {
  ...ZHANG,
  accountId: '00000000-0000-4000-8000-0000000000a2',
  personId: '00000000-0000-4000-8000-0000000000b2',
};
const ADMIN: Identity = {
  accountId: '00000000-0000-4000-8000-0000000000a9',
  roles: ['administrator'],
  mfa: true,
};

describe.each(drivers)('the licences directory over HTTP on %s', (driver) => {
  let db: TestDatabase;
  let licences: LicencesSubgraph;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase(driver);
    const orm = await createLicencesOrm({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
    await seedLicences(orm);
    const holders = {
      [ZHANG.personId!]: {
        name: '张小民',
        idType: 'RESIDENT_ID_CARD',
        idNumber: '339901199003071236',
        dateOfBirth: '1990-03-07',
      },
      [LI.personId!]: {
        name: '李四',
        idType: 'RESIDENT_ID_CARD',
        idNumber: '339902198805124514',
        dateOfBirth: '1988-05-12',
      },
    };
    licences = createLicencesSubgraph({
      orm,
      keys: memoryKeyRing('did:web:licences.test'),
      holders: staticHolderDirectory(holders).directory,
      publicUrl: 'http://licences.test',
      log: createLogger('licences', 'error'),
    });
    // Only 李四 gets demo licences (an ID card): 张小民 holds none.
    await seedDemoLicences(orm, licences.services, [{ personId: LI.personId!, ...holders[LI.personId!]! }]);
    url = `http://127.0.0.1:${await licences.listen(0, '127.0.0.1')}/graphql`;
  }, 60_000);
  afterAll(async () => {
    await licences?.stop(1000);
    await db?.drop();
  });

  const directory = () => licencesServiceDirectory({ url, internalSecret: DEV_INTERNAL_AUTH_SECRET });

  it('answers with the applicant’s own licences only, of the types asked for', async () => {
    const li = await directory().licencesOf(LI, ['RESIDENT_ID_CARD', 'PASSPORT']);
    expect(li).toMatchObject({ ok: true, licences: [{ typeCode: 'RESIDENT_ID_CARD', status: 'VALID' }] });
    expect(await directory().licencesOf(ZHANG, ['RESIDENT_ID_CARD'])).toEqual({ ok: true, licences: [] });
    expect(await directory().licencesOf(LI, [])).toEqual({ ok: true, licences: [] });
  });

  it('reports a revoked licence as revoked', async () => {
    const held = await directory().licencesOf(LI, ['RESIDENT_ID_CARD']);
    const id = held.ok ? held.licences[0]!.licenceId : '';
    const revoked = await licences.execute<{ revokeLicence: { ok: boolean } }>(
      `mutation ($id: ID!) { revokeLicence(id: $id, reason: "证件挂失") { ok error { code message } } }`,
      { id },
      ADMIN,
    );
    expect(revoked.data?.revokeLicence.ok).toBe(true);
    expect(await directory().licencesOf(LI, ['RESIDENT_ID_CARD'])).toMatchObject({
      ok: true,
      licences: [{ licenceId: id, status: 'REVOKED' }],
    });
  });

  it('answers UNAVAILABLE when the licences service cannot be reached or does not believe the caller', async () => {
    const closed = licencesServiceDirectory({
      url: 'http://127.0.0.1:9/graphql',
      internalSecret: DEV_INTERNAL_AUTH_SECRET,
    });
    expect(await closed.licencesOf(LI, ['RESIDENT_ID_CARD'])).toEqual({ ok: false, reason: 'UNAVAILABLE' });
    const forged = licencesServiceDirectory({ url, internalSecret: 'not-the-secret-'.repeat(3) });
    expect(await forged.licencesOf(LI, ['RESIDENT_ID_CARD'])).toEqual({ ok: false, reason: 'UNAVAILABLE' });
  });
});
