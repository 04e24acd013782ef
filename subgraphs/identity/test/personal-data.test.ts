import { describe, expect, it } from 'vitest';
import { PersonalDataAccess } from '../src/modules/personal-data/personal-data-access.entity.js';
import { data, drivers, ME, RESIDENT, run, sessionOf, STAFF, SUPERVISOR, useIdentity } from './setup.js';

const REVEAL = `mutation ($f: PersonalDataField!) { revealMyPersonalData(field: $f) { ok error { code message } field value } }`;
const SIGN_OUT = `mutation { signOut { ok } }`;
const PERSON = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name idNumber phone address dateOfBirth } } }`;

type Reveal = {
  revealMyPersonalData: { ok: boolean; error: { code: string } | null; field: string; value: string | null };
};
type Me = {
  me: {
    id: string;
    phone: string;
    person: { id: string; idNumber: string; phone: string; address: string; dateOfBirth: string | null };
  } | null;
};

describe.each(drivers)('personal data on %s', (driver) => {
  const fx = useIdentity(driver);

  it('me shows the person their own data masked', async () => {
    const { viewer } = await sessionOf(fx, RESIDENT);
    const me = (await data<Me>(fx, ME, {}, { viewer })).me!;
    expect(me.phone).toBe('138****0001');
    expect(me.person).toMatchObject({
      idNumber: '339***********1236',
      phone: '138****0001',
      address: '云湖市湖滨区解放路街道****',
      dateOfBirth: '1990-03-07',
    });
    expect(me.person.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  });

  it('reveals the full value to the person themself, and records each reveal', async () => {
    const { viewer } = await sessionOf(fx, RESIDENT);
    const em = fx.identity.orm.em.fork();
    const before = await em.count(PersonalDataAccess, { personId: viewer.personId! });
    const reveal = async (f: string) =>
      (await data<Reveal>(fx, REVEAL, { f }, { viewer })).revealMyPersonalData;
    expect(await reveal('ID_NUMBER')).toMatchObject({
      ok: true,
      field: 'ID_NUMBER',
      value: RESIDENT.person.idNumber,
    });
    expect(await reveal('PHONE')).toMatchObject({ ok: true, value: '13800000001' });
    expect(await reveal('ADDRESS')).toMatchObject({ ok: true, value: RESIDENT.person.address });
    const records = await em.find(
      PersonalDataAccess,
      { personId: viewer.personId! },
      { orderBy: { createdAt: 'asc' } },
    );
    expect(records.length - before).toBe(3);
    expect(records.slice(-3).map((r) => [r.field, r.purposeKind, r.accessorAccountId])).toEqual([
      ['ID_NUMBER', 'SELF', viewer.accountId],
      ['PHONE', 'SELF', viewer.accountId],
      ['ADDRESS', 'SELF', viewer.accountId],
    ]);
    // Reading the field is still masked afterwards: revealing is never a mode.
    expect((await data<Me>(fx, ME, {}, { viewer })).me!.person.idNumber).toBe('339***********1236');
  });

  it('reveals nothing to anonymous callers or an ended session', async () => {
    const anonymous = (await data<Reveal>(fx, REVEAL, { f: 'ID_NUMBER' })).revealMyPersonalData;
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' }, value: null });
    const { viewer } = await sessionOf(fx, RESIDENT);
    await data(fx, SIGN_OUT, {}, { viewer });
    const after = (await data<Reveal>(fx, REVEAL, { f: 'ID_NUMBER' }, { viewer })).revealMyPersonalData;
    expect(after).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' }, value: null });
    expect((await data<Me>(fx, ME, {}, { viewer })).me).toBeNull();
    expect((await data<Me>(fx, ME)).me).toBeNull();
  });

  it('shows staff other people masked (no date of birth), and refuses other residents', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const representation = { r: [{ __typename: 'Person', id: resident.viewer.personId }] };
    const seen = (
      await data<{ _entities: Array<Record<string, string | null>> }>(fx, PERSON, representation, {
        viewer: staff.viewer,
      })
    )._entities[0]!;
    expect(seen).toMatchObject({
      name: '张小民',
      idNumber: '339***********1236',
      phone: '138****0001',
      dateOfBirth: null,
    });

    const supervisor = await sessionOf(fx, SUPERVISOR);
    const other = { ...supervisor.viewer, roles: ['resident'] };
    const refused = await run(fx, PERSON, representation, { viewer: other });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await run(fx, PERSON, representation);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
