import { describe, expect, it } from 'vitest';
import { Account } from '../src/modules/account/account.entity.js';
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
  useIdentity,
} from './setup.js';

const SET_STATE = `mutation ($id: ID!, $s: AccountState!) { setAccountState(id: $id, state: $s) { ok error { code message field } account { id state } } }`;
const ACCOUNT = `query ($id: ID!) { account(id: $id) { id state roles phone } }`;
type SetState = {
  setAccountState: {
    ok: boolean;
    error: { code: string; message: string; field: string | null } | null;
    account: { state: string } | null;
  };
};

describe.each(drivers)('authorization on %s', (driver) => {
  const fx = useIdentity(driver);

  async function stateOf(id: string) {
    const { viewer } = await sessionOf(fx, AUDITOR);
    return (await data<{ account: { state: string } }>(fx, ACCOUNT, { id }, { viewer })).account.state;
  }

  it('refuses a resident calling an administrator operation, clearly, and changes nothing', async () => {
    const resident = await sessionOf(fx, RESIDENT);
    const staff = await sessionOf(fx, STAFF);
    const result = (
      await data<SetState>(
        fx,
        SET_STATE,
        { id: staff.account.id, s: 'DISABLED' },
        { viewer: resident.viewer },
      )
    ).setAccountState;
    expect(result).toMatchObject({ ok: false, account: null, error: { code: 'FORBIDDEN' } });
    expect(result.error!.message).toContain('administrator');
    expect(await stateOf(staff.account.id)).toBe('ACTIVE');
    expect((await refresh(fx, staff.refreshToken)).ok).toBe(true);

    const read = await run<{ account: unknown }>(
      fx,
      ACCOUNT,
      { id: staff.account.id },
      { viewer: resident.viewer },
    );
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.data?.account ?? null).toBeNull();
  });

  it('keeps auditors from changing accounts (separation of duties)', async () => {
    const auditor = await sessionOf(fx, AUDITOR);
    const resident = await sessionOf(fx, RESIDENT);
    const result = (
      await data<SetState>(
        fx,
        SET_STATE,
        { id: resident.account.id, s: 'LOCKED' },
        { viewer: auditor.viewer },
      )
    ).setAccountState;
    expect(result.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(await stateOf(resident.account.id)).toBe('ACTIVE');
  });

  it('refuses an account that is administrator and auditor at once, by its current roles', async () => {
    const admin = await sessionOf(fx, ADMIN);
    const resident = await sessionOf(fx, RESIDENT);
    const em = fx.identity.orm.em.fork();
    // The token still says administrator only; the account has since been made auditor too.
    await em.nativeUpdate(Account, { id: admin.account.id }, { roles: ['administrator', 'auditor'] });
    try {
      const result = (
        await data<SetState>(
          fx,
          SET_STATE,
          { id: resident.account.id, s: 'LOCKED' },
          { viewer: admin.viewer },
        )
      ).setAccountState;
      expect(result).toMatchObject({ ok: false, account: null, error: { code: 'FORBIDDEN' } });
    } finally {
      await em.nativeUpdate(Account, { id: admin.account.id }, { roles: ['administrator'] });
    }
    expect(await stateOf(resident.account.id)).toBe('ACTIVE');
  });

  it("refuses an administrator token that did not pass a second factor, and the administrator's own account", async () => {
    const admin = await sessionOf(fx, ADMIN);
    const resident = await sessionOf(fx, RESIDENT);
    const forged = { ...admin.viewer, mfa: false };
    const noMfa = (
      await data<SetState>(fx, SET_STATE, { id: resident.account.id, s: 'LOCKED' }, { viewer: forged })
    ).setAccountState;
    expect(noMfa.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(await stateOf(resident.account.id)).toBe('ACTIVE');
    const own = (
      await data<SetState>(fx, SET_STATE, { id: admin.account.id, s: 'DISABLED' }, { viewer: admin.viewer })
    ).setAccountState;
    expect(own.error).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    const missing = (
      await data<SetState>(fx, SET_STATE, { id: 'no-such-account', s: 'LOCKED' }, { viewer: admin.viewer })
    ).setAccountState;
    expect(missing.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('lets an administrator lock an account: its sessions end and sign-in is refused until reactivated', async () => {
    const admin = await sessionOf(fx, ADMIN);
    const resident = await sessionOf(fx, RESIDENT);
    const locked = (
      await data<SetState>(fx, SET_STATE, { id: resident.account.id, s: 'LOCKED' }, { viewer: admin.viewer })
    ).setAccountState;
    expect(locked).toMatchObject({ ok: true, error: null, account: { state: 'LOCKED' } });
    expect((await refresh(fx, resident.refreshToken)).ok).toBe(false);
    const refused = await signIn(fx, RESIDENT.phone, RESIDENT.password);
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.error!.message).toContain('锁定');

    await data(fx, SET_STATE, { id: resident.account.id, s: 'ACTIVE' }, { viewer: admin.viewer });
    expect((await signIn(fx, RESIDENT.phone, RESIDENT.password)).ok).toBe(true);
  });
});
