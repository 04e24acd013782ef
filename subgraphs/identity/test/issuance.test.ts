import { describe, expect, it } from 'vitest';
import { OutboxMessage, type Identity } from '@bianmin/kit';
import { PersonalDataAccess } from '../src/modules/personal-data/personal-data-access.entity.js';
import { data, drivers, RESIDENT, run, sessionOf, STAFF, useIdentity } from './setup.js';

// personForIssuance: the licences service (and nobody else) reads a person's document in full to
// issue a licence; each read is in the person's access log and announced to the evidence log.
const QUERY = `query ($id: ID!) { personForIssuance(personId: $id) { personId name idType idNumber dateOfBirth } }`;
const LICENCES: Identity = { accountId: 'system:licences', roles: ['system:licences'] };

describe.each(drivers)('personal data for licence issuance on %s', (driver) => {
  const fx = useIdentity(driver);

  it('gives the licences service the document in full, recorded and announced', async () => {
    const { viewer } = await sessionOf(fx, RESIDENT);
    const em = () => fx.identity.orm.em.fork();
    const before = await em().count(PersonalDataAccess, { personId: viewer.personId! });
    const result = await data<{ personForIssuance: Record<string, unknown> }>(
      fx,
      QUERY,
      { id: viewer.personId },
      { viewer: LICENCES },
    );
    expect(result.personForIssuance).toEqual({
      personId: viewer.personId,
      name: '张小民',
      idType: 'RESIDENT_ID_CARD',
      idNumber: '339901199003071236',
      dateOfBirth: '1990-03-07',
    });
    const records = await em().find(
      PersonalDataAccess,
      { personId: viewer.personId!, purposeKind: 'LICENCE_ISSUANCE' },
      { orderBy: { createdAt: 'desc' } },
    );
    expect(records.length).toBe(1);
    expect(await em().count(PersonalDataAccess, { personId: viewer.personId! })).toBe(before + 1);
    expect(records[0]).toMatchObject({ accessorAccountId: 'system:licences', field: 'ID_NUMBER' });
    const announced = await em().find(OutboxMessage, {
      topic: 'identity.personal-data.revealed',
      key: viewer.personId!,
    });
    expect(announced.map((row) => row.payload)).toContainEqual(
      expect.objectContaining({
        accessId: records[0]!.id,
        purposeKind: 'LICENCE_ISSUANCE',
        field: 'ID_NUMBER',
      }),
    );
    // The person sees the read in their own access log.
    const log = await data<{
      myDataAccessLog: { edges: { node: { purposeKind: string; self: boolean } }[] };
    }>(fx, `{ myDataAccessLog(first: 50) { edges { node { purposeKind self } } } }`, {}, { viewer });
    expect(log.myDataAccessLog.edges.map((e) => e.node)).toContainEqual({
      purposeKind: 'LICENCE_ISSUANCE',
      self: false,
    });
  });

  it('refuses everyone else, and says nothing about unknown people', async () => {
    const { viewer } = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    for (const who of [viewer, staff.viewer]) {
      const refused = await run(fx, QUERY, { id: viewer.personId }, { viewer: who });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id'])
      expect(
        (await data<{ personForIssuance: unknown }>(fx, QUERY, { id }, { viewer: LICENCES }))
          .personForIssuance,
      ).toBeNull();
  });
});
