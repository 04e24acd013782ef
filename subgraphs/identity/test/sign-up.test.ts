import { describe, expect, it } from 'vitest';
import { Account } from '../src/modules/account/account.entity.js';
import { checkCharacter } from '../src/modules/person/id-number.js';
import { Person } from '../src/modules/person/person.entity.js';
import {
  AUTH_FIELDS,
  data,
  drivers,
  ME,
  run,
  useIdentity,
  viewerOf,
  type AuthData,
  type IdentityFixture,
} from './setup.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
const idNumber = (first17: string) => first17 + checkCharacter(first17);

const input = (overrides: Record<string, unknown> = {}) => ({
  name: '王小花',
  idNumber: idNumber('33990219950812002'),
  phone: '139 1234 5678',
  password: 'Lakeside#Walk2026',
  username: 'WangXiaohua',
  address: '云湖市西城区文澜街道文澜社区书院路17号',
  communityCode: '33990201003001',
  ...overrides,
});

async function signUp(fx: IdentityFixture, values: Record<string, unknown>): Promise<AuthData> {
  return (await data<{ signUp: AuthData }>(fx, SIGN_UP, { input: values })).signUp;
}

async function counts(fx: IdentityFixture) {
  const em = fx.identity.orm.em.fork();
  return { people: await em.count(Person, {}), accounts: await em.count(Account, {}) };
}

describe.each(drivers)('sign-up on %s', (driver) => {
  const fx = useIdentity(driver);

  it('registers a resident, signs them in, and issues an access token the gateway accepts', async () => {
    const result = await signUp(fx, input());
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
    const session = result.session!;
    expect(session.account).toMatchObject({
      username: 'wangxiaohua',
      phone: '139****5678',
      roles: ['resident'],
    });
    expect(session.secondFactorVerified).toBe(false);

    const viewer = await viewerOf(fx, session.accessToken);
    expect(viewer).toMatchObject({
      accountId: session.account.id,
      roles: ['resident'],
      sessionId: session.id,
      mfa: false,
      department: null,
    });
    expect(viewer.personId).toBeTruthy();

    const me = (await data<{ me: { person: Record<string, string> } }>(fx, ME, {}, { viewer })).me;
    expect(me.person).toMatchObject({
      name: '王小花',
      idType: 'RESIDENT_ID_CARD',
      idNumber: '339***********' + input().idNumber.slice(-4),
      phone: '139****5678',
      address: '云湖市西城区文澜街道****',
      dateOfBirth: '1995-08-12',
      communityCode: '33990201003001',
    });
  });

  it('refuses a phone that is already registered, and saves nothing', async () => {
    const before = await counts(fx);
    const result = await signUp(
      fx,
      input({ idNumber: idNumber('33990219960101003'), username: null, phone: '+86 13912345678' }),
    );
    expect(result).toMatchObject({ ok: false, session: null, error: { code: 'CONFLICT', field: 'phone' } });
    expect(result.error!.message).toContain('手机号已注册');
    expect(await counts(fx)).toEqual(before);
  });

  it('refuses a registered ID number or username with CONFLICT naming the field', async () => {
    const sameId = await signUp(fx, input({ phone: '13700000011', username: null }));
    expect(sameId.error).toMatchObject({ code: 'CONFLICT', field: 'idNumber' });
    const sameName = await signUp(
      fx,
      input({ phone: '13700000012', idNumber: idNumber('33990219960101004'), username: 'wangxiaohua' }),
    );
    expect(sameName.error).toMatchObject({ code: 'CONFLICT', field: 'username' });
  });

  it.each([
    ['Short#1a', 'at least 10'],
    ['alllowercase1234', 'three of'],
    ['My#13700000021pw', 'phone number'],
    ['P@ssw0rd2026!', 'too common'],
  ])('refuses the weak password %s with a field-level error, and saves nothing', async (password, words) => {
    const before = await counts(fx);
    const result = (
      await data<{ signUp: AuthData }>(
        fx,
        SIGN_UP,
        {
          input: input({
            phone: '13700000021',
            idNumber: idNumber('33990219960101005'),
            username: null,
            password,
          }),
        },
        { locale: 'en' },
      )
    ).signUp;
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(result.error!.message).toContain(words);
    expect(await counts(fx)).toEqual(before);
  });

  it.each([
    [{ idNumber: '339902199608120021' }, 'idNumber', '校验位'],
    [{ idNumber: idNumber('33990219960230002') }, 'idNumber', '出生日期'],
    [{ idNumber: '3399021996' }, 'idNumber', '位数'],
    [{ phone: '12345678901' }, 'phone', '手机号'],
    [{ name: '  ' }, 'name', '姓名'],
    [{ username: '1abc' }, 'username', '用户名'],
    [{ communityCode: '3399' }, 'communityCode', '社区代码'],
    [{ idType: 'PASSPORT', idNumber: 'E12', dateOfBirth: '1990-01-01' }, 'idNumber', '位数'],
  ])('refuses %j naming the field %s, and saves nothing', async (overrides, field, words) => {
    const before = await counts(fx);
    const result = await signUp(fx, input({ phone: '13700000031', username: null, ...overrides }));
    expect(result.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.error!.message).toContain(words);
    expect(await counts(fx)).toEqual(before);
  });

  it('registers other document types, taking the date of birth from the input', async () => {
    const result = await signUp(
      fx,
      input({
        idType: 'PASSPORT',
        idNumber: 'e12345678',
        phone: '13700000041',
        username: null,
        dateOfBirth: '1988-02-29',
      }),
    );
    expect(result.error).toBeNull();
    const viewer = await viewerOf(fx, result.session!.accessToken);
    const me = (await data<{ me: { person: Record<string, string> } }>(fx, ME, {}, { viewer })).me;
    expect(me.person).toMatchObject({ idType: 'PASSPORT', idNumber: 'E12**5678', dateOfBirth: '1988-02-29' });
  });

  it('lets exactly one of several concurrent sign-ups with one phone win', async () => {
    const before = await counts(fx);
    const results = await Promise.all(
      ['06', '07', '08', '09'].map((n) =>
        run<{ signUp: AuthData }>(fx, SIGN_UP, {
          input: input({ phone: '13700000051', username: null, idNumber: idNumber(`339902199601010${n}`) }),
        }),
      ),
    );
    const outcomes = results.map((r) => r.data!.signUp);
    expect(outcomes.filter((o) => o.ok).length).toBe(1);
    for (const o of outcomes.filter((x) => !x.ok))
      expect(o.error).toMatchObject({ code: 'CONFLICT', field: 'phone' });
    const after = await counts(fx);
    expect(after).toEqual({ people: before.people + 1, accounts: before.accounts + 1 });
  });
});
