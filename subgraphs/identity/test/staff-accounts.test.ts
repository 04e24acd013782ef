import { describe, expect, it } from 'vitest';
import { Account } from '../src/modules/account/account.entity.js';
import { checkCharacter } from '../src/modules/person/id-number.js';
import { Person } from '../src/modules/person/person.entity.js';
import {
  ADMIN,
  AUDITOR,
  data,
  drivers,
  refresh,
  RESIDENT,
  run,
  sessionOf,
  signIn,
  STAFF,
  totpCode,
  useIdentity,
  viewerOf,
  type IdentityFixture,
} from './setup.js';

const idNumber = (first17: string) => first17 + checkCharacter(first17);
const ERROR = 'error { code message field }';
const CREATE = `mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) {
  ok ${ERROR} initialPassword account { id username phone roles version department { code } person { idNumber } } } }`;
const SET_ROLES = `mutation ($id: ID!, $roles: [StaffRole!]!, $v: Int!) { setAccountRoles(id: $id, roles: $roles, expectedVersion: $v) {
  ok ${ERROR} account { id roles version } } }`;
const ACCOUNTS = `query ($filter: AccountFilter, $first: Int, $after: String) { accounts(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id username phone roles state version } } } }`;

type Err = { code: string; message: string; field: string | null } | null;
const ENROL = `mutation { enrolTotp { ok secret } }`;
const CONFIRM = `mutation ($code: String!) { confirmTotp(code: $code) { ok session { accessToken } } }`;
const ME_FLAG = `{ me { passwordChangeRequired } }`;
const REVEAL_MINE = `mutation { revealMyPersonalData(field: PHONE) { ok ${ERROR} value } }`;
const CHANGE = `mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
  ok ${ERROR} session { accessToken secondFactorVerified } } }`;
type Changed = {
  ok: boolean;
  error: Err;
  session: { accessToken: string; secondFactorVerified: boolean } | null;
};
type Created = {
  createStaffAccount: {
    ok: boolean;
    error: Err;
    initialPassword: string | null;
    account: { id: string; username: string | null; phone: string; roles: string[]; version: number } | null;
  };
};
type SetRoles = {
  setAccountRoles: { ok: boolean; error: Err; account: { roles: string[]; version: number } | null };
};
type Accounts = {
  accounts: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: { id: string; username: string | null; phone: string; roles: string[]; version: number };
    }[];
  };
};

let serial = 0;
const staffInput = (overrides: Record<string, unknown> = {}) => {
  serial += 1;
  const n = String(serial).padStart(3, '0');
  return {
    name: '孙办事',
    idNumber: idNumber(`339902198801${String(10 + (serial % 18)).padStart(2, '0')}${n}`),
    phone: `1360000${String(1000 + serial).slice(-4)}`,
    username: `staff${n}`,
    departmentCode: 'MZ',
    roles: ['DEPARTMENT_STAFF'],
    ...overrides,
  };
};

async function counts(fx: IdentityFixture) {
  const em = fx.identity.orm.em.fork();
  return { accounts: await em.count(Account, {}), people: await em.count(Person, {}) };
}

describe.each(drivers)('staff account management on %s', (driver) => {
  const fx = useIdentity(driver);

  async function changeAs(viewer: Awaited<ReturnType<typeof viewerOf>>, current: string, next: string) {
    const result = await data<{ changePassword: Changed }>(fx, CHANGE, { c: current, n: next }, { viewer });
    return result.changePassword;
  }

  async function flagOf(id: string) {
    return (await fx.identity.orm.em.fork().findOneOrFail(Account, { id })).passwordChangeRequired;
  }

  async function create(
    values: Record<string, unknown>,
    viewer?: Awaited<ReturnType<typeof sessionOf>>['viewer'],
  ) {
    const admin = viewer ?? (await sessionOf(fx, ADMIN)).viewer;
    return (await data<Created>(fx, CREATE, { input: values }, { viewer: admin })).createStaffAccount;
  }

  it('creates a staff account whose initial password signs in to TOTP enrolment, shown once', async () => {
    const input = staffInput();
    const result = await create(input);
    expect(result).toMatchObject({
      ok: true,
      error: null,
      account: { username: input.username, roles: ['department-staff'], version: 1 },
    });
    expect(result.account!.phone).toMatch(/^136\*{4}\d{4}$/);
    expect(result.initialPassword).toMatch(/^.{16}$/);
    const signedIn = await signIn(fx, input.phone, result.initialPassword!);
    expect(signedIn).toMatchObject({ ok: true, totpEnrolmentRequired: true });
    const limited = await viewerOf(fx, signedIn.session!.accessToken);
    expect(limited.roles).toEqual([]);
    // The password is never readable again.
    const listed = (
      await data<Accounts>(
        fx,
        ACCOUNTS,
        { filter: { query: input.username } },
        { viewer: (await sessionOf(fx, ADMIN)).viewer },
      )
    ).accounts;
    expect(listed.totalCount).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(result.initialPassword);
  });

  it('makes a new staff member enrol TOTP, then replace the initial password, before any role', async () => {
    const input = staffInput();
    const { initialPassword, account } = await create(input);
    const enrolment = await signIn(fx, input.phone, initialPassword!);
    expect(enrolment).toMatchObject({ ok: true, totpEnrolmentRequired: true, passwordChangeRequired: false });
    const enrolling = await viewerOf(fx, enrolment.session!.accessToken);
    const { secret } = (await data<{ enrolTotp: { secret: string } }>(fx, ENROL, {}, { viewer: enrolling }))
      .enrolTotp;
    fx.clock.advance(30_000);
    const confirmed = (
      await data<{ confirmTotp: { ok: boolean; session: { accessToken: string } | null } }>(
        fx,
        CONFIRM,
        { code: totpCode(fx, secret) },
        { viewer: enrolling },
      )
    ).confirmTotp;
    expect(confirmed.ok).toBe(true);
    // Enrolled, but still no roles: the session is good for changing the password and nothing else.
    const changing = await viewerOf(fx, confirmed.session!.accessToken);
    expect(changing).toMatchObject({ roles: [], mfa: true });
    const me = (
      await data<{ me: { passwordChangeRequired: boolean } }>(fx, ME_FLAG, {}, { viewer: changing })
    ).me;
    expect(me.passwordChangeRequired).toBe(true);
    const reveal = (
      await data<{ revealMyPersonalData: { ok: boolean; error: Err; value: string | null } }>(
        fx,
        REVEAL_MINE,
        {},
        { viewer: changing },
      )
    ).revealMyPersonalData;
    expect(reveal).toMatchObject({ ok: false, value: null, error: { code: 'FORBIDDEN' } });

    const wrong = await changeAs(changing, 'not-the-password', 'Yunhu#NewStaff2026');
    expect(wrong).toMatchObject({ ok: false, session: null, error: { field: 'currentPassword' } });
    const weak = await changeAs(changing, initialPassword!, 'short');
    expect(weak).toMatchObject({ ok: false, session: null, error: { field: 'newPassword' } });
    expect(await flagOf(account!.id)).toBe(true);

    const changed = await changeAs(changing, initialPassword!, 'Yunhu#NewStaff2026');
    expect(changed).toMatchObject({ ok: true, error: null, session: { secondFactorVerified: true } });
    const full = await viewerOf(fx, changed.session!.accessToken);
    expect(full).toMatchObject({ roles: ['department-staff'], department: 'MZ', mfa: true });
    expect(await flagOf(account!.id)).toBe(false);
    // The limited session is over; the next sign-in is an ordinary one with a second factor.
    const ended = (await data<{ me: unknown }>(fx, ME_FLAG, {}, { viewer: changing })).me;
    expect(ended).toBeNull();
    expect(await signIn(fx, input.phone, initialPassword!)).toMatchObject({ ok: false });
    const next = await signIn(fx, input.phone, 'Yunhu#NewStaff2026');
    expect(next).toMatchObject({ ok: true, secondFactorRequired: true, passwordChangeRequired: false });
  });

  it('refuses a department that does not exist, and bad input, saving nothing', async () => {
    const before = await counts(fx);
    const noDept = await create(staffInput({ departmentCode: 'NOPE' }));
    expect(noDept).toMatchObject({
      ok: false,
      account: null,
      initialPassword: null,
      error: { code: 'BAD_USER_INPUT', field: 'input.departmentCode' },
    });
    const missingDept = await create(staffInput({ departmentCode: null }));
    expect(missingDept.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.departmentCode' });
    const badId = await create(staffInput({ idNumber: '339902198801010000' }));
    expect(badId.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idNumber' });
    const noRoles = await create(staffInput({ roles: [] }));
    expect(noRoles.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    const both = await create(staffInput({ roles: ['ADMINISTRATOR', 'AUDITOR'], departmentCode: null }));
    expect(both.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    expect(both.error!.message).toContain('职责分离');
    expect(await counts(fx)).toEqual(before);
  });

  it('answers CONFLICT for a phone, username or document that already has an account', async () => {
    const before = await counts(fx);
    expect((await create(staffInput({ phone: STAFF.phone }))).error).toMatchObject({
      code: 'CONFLICT',
      field: 'input.phone',
    });
    expect((await create(staffInput({ username: STAFF.username }))).error).toMatchObject({
      code: 'CONFLICT',
      field: 'input.username',
    });
    const first = staffInput();
    expect((await create(first)).ok).toBe(true);
    const after = await counts(fx);
    expect(after).toEqual({ accounts: before.accounts + 1, people: before.people + 1 });
    const sameDoc = await create(staffInput({ idNumber: first.idNumber }));
    expect(sameDoc.error).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
    expect(await counts(fx)).toEqual(after);
  });

  it('refuses residents, staff and auditors, changing nothing', async () => {
    const target = (await sessionOf(fx, STAFF)).account;
    const version = (await fx.identity.orm.em.fork().findOneOrFail(Account, { id: target.id })).version;
    const before = await counts(fx);
    for (const who of [RESIDENT, STAFF, AUDITOR]) {
      const { viewer } = await sessionOf(fx, who);
      const created = (await data<Created>(fx, CREATE, { input: staffInput() }, { viewer }))
        .createStaffAccount;
      expect(created).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' }, initialPassword: null });
      const roles = (
        await data<SetRoles>(fx, SET_ROLES, { id: target.id, roles: ['SUPERVISOR'], v: version }, { viewer })
      ).setAccountRoles;
      expect(roles).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const listing = await run<Accounts>(fx, ACCOUNTS, {}, { viewer: (await sessionOf(fx, RESIDENT)).viewer });
    expect(listing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts(fx)).toEqual(before);
    const after = await fx.identity.orm.em.fork().findOneOrFail(Account, { id: target.id });
    expect(after).toMatchObject({ roles: ['department-staff'], version });
  });

  it('lets auditors list accounts (masked) but not change them', async () => {
    const { viewer } = await sessionOf(fx, AUDITOR);
    const page = (
      await data<Accounts>(fx, ACCOUNTS, { filter: { departmentCode: 'MZ' }, first: 1 }, { viewer })
    ).accounts;
    expect(page.edges).toHaveLength(1);
    expect(page.totalCount).toBeGreaterThan(1);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges[0]!.node.phone).toMatch(/\*{4}/);
    const next = (
      await data<Accounts>(
        fx,
        ACCOUNTS,
        { filter: { departmentCode: 'MZ' }, first: 1, after: page.pageInfo.endCursor },
        { viewer },
      )
    ).accounts;
    expect(next.edges[0]!.node.id).not.toBe(page.edges[0]!.node.id);
    const auditors = (await data<Accounts>(fx, ACCOUNTS, { filter: { role: 'auditor' } }, { viewer }))
      .accounts;
    expect(auditors.edges.every((e) => e.node.roles.includes('auditor'))).toBe(true);
    expect(auditors.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('changes roles with the version read, refusing own roles, admin + auditor, and a stale version', async () => {
    const admin = await sessionOf(fx, ADMIN);
    const input = staffInput();
    const created = await create(input, admin.viewer);
    const id = created.account!.id;
    const own = (
      await data<SetRoles>(
        fx,
        SET_ROLES,
        { id: admin.account.id, roles: ['SUPERVISOR'], v: 1 },
        { viewer: admin.viewer },
      )
    ).setAccountRoles;
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const both = (
      await data<SetRoles>(
        fx,
        SET_ROLES,
        { id, roles: ['ADMINISTRATOR', 'AUDITOR'], v: 1 },
        { viewer: admin.viewer },
      )
    ).setAccountRoles;
    expect(both.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roles' });
    const stale = (
      await data<SetRoles>(fx, SET_ROLES, { id, roles: ['SUPERVISOR'], v: 0 }, { viewer: admin.viewer })
    ).setAccountRoles;
    expect(stale.error).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect((await fx.identity.orm.em.fork().findOneOrFail(Account, { id })).roles).toEqual([
      'department-staff',
    ]);
    const changed = (
      await data<SetRoles>(
        fx,
        SET_ROLES,
        { id, roles: ['DEPARTMENT_STAFF', 'SUPERVISOR'], v: 1 },
        { viewer: admin.viewer },
      )
    ).setAccountRoles;
    expect(changed).toMatchObject({
      ok: true,
      error: null,
      account: { roles: ['department-staff', 'supervisor'], version: 2 },
    });
    const again = (
      await data<SetRoles>(fx, SET_ROLES, { id, roles: ['SUPERVISOR'], v: 1 }, { viewer: admin.viewer })
    ).setAccountRoles;
    expect(again.error).toMatchObject({ code: 'CONFLICT' });
  });

  it("ends the account's sessions when its roles change, so new tokens carry the new roles", async () => {
    const admin = await sessionOf(fx, ADMIN);
    const staff = await sessionOf(fx, STAFF);
    const { version } = await fx.identity.orm.em.fork().findOneOrFail(Account, { id: staff.account.id });
    try {
      const changed = (
        await data<SetRoles>(
          fx,
          SET_ROLES,
          { id: staff.account.id, roles: ['DEPARTMENT_STAFF', 'CATALOG_EDITOR'], v: version },
          { viewer: admin.viewer },
        )
      ).setAccountRoles;
      expect(changed.ok).toBe(true);
      expect((await refresh(fx, staff.refreshToken)).ok).toBe(false);
      const fresh = await sessionOf(fx, STAFF);
      expect(fresh.viewer.roles).toEqual(['department-staff', 'catalog-editor']);
    } finally {
      await fx.identity.orm.em
        .fork()
        .nativeUpdate(Account, { id: staff.account.id }, { roles: ['department-staff'] });
    }
  });
});
