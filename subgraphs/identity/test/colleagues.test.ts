import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@bianmin/kit';
import { stableId } from '../src/db/seeds/index.js';
import { Account, type AccountState } from '../src/modules/account/account.entity.js';
import { newAccount } from '../src/modules/account/new-account.js';
import { Person } from '../src/modules/person/person.entity.js';
import {
  ADMIN,
  AUDITOR,
  data,
  drivers,
  RESIDENT,
  run,
  sessionOf,
  STAFF,
  SUPERVISOR,
  useIdentity,
  type IdentityFixture,
} from './setup.js';

const COLLEAGUES = `{ departmentColleagues { accountId name roles active } }`;
const COLLEAGUES_WITH_DEPARTMENT = `{ departmentColleagues { name department { code } } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on StaffMember { accountId name roles active } } }`;
const ENTITIES_WITH_DEPARTMENT = `query ($r: [_Any!]!) { _entities(representations: $r) {
  ... on StaffMember { accountId name department { code name } } } }`;

type Member = { accountId: string; name: string; roles: string[]; active: boolean };
const ref = (accountId: unknown) => ({ __typename: 'StaffMember', accountId });
const demoAccountId = (account: { phone: string }) => stableId('account', account.phone);

// Two people with the same name, so the tie on name is broken by account id.
const [ZHOU_FIRST, ZHOU_SECOND] = [
  '00000000-0000-4000-8000-00000000000a',
  '00000000-0000-4000-8000-00000000000b',
];

interface Extra {
  name: string;
  roles: string[];
  departmentCode: string | null;
  state?: AccountState;
  id?: string;
}

/** People and accounts beside the demo ones: MZ colleagues in every state, and other departments. */
const EXTRA = {
  /** 艾 (ài) comes first in pinyin order, last in code point order. */
  ai: { name: '艾同事', roles: ['department-staff'], departmentCode: 'MZ' },
  zhouA: { name: '周同事', roles: ['department-staff'], departmentCode: 'MZ', id: ZHOU_SECOND },
  zhouB: { name: '周同事', roles: ['supervisor'], departmentCode: 'MZ', id: ZHOU_FIRST },
  locked: { name: '钱锁定', roles: ['department-staff'], departmentCode: 'MZ', state: 'LOCKED' },
  disabled: { name: '孔停用', roles: ['supervisor'], departmentCode: 'MZ', state: 'DISABLED' },
  /** A catalog editor is a staff member but handles no applications. */
  editor: { name: '孙编辑', roles: ['catalog-editor'], departmentCode: 'MZ' },
  /** Bad data on purpose: a department code alone does not make a resident staff. */
  resident: { name: '冯居民', roles: ['resident'], departmentCode: 'MZ' },
  otherDepartment: { name: '褚警官', roles: ['department-staff', 'supervisor'], departmentCode: 'GA' },
} satisfies Record<string, Extra>;
type ExtraName = keyof typeof EXTRA;

async function insertExtras(fx: IdentityFixture): Promise<Record<ExtraName, string>> {
  const em = fx.identity.orm.em.fork();
  const at = new Date();
  const ids = {} as Record<ExtraName, string>;
  let n = 0;
  for (const [key, extra] of Object.entries(EXTRA) as [ExtraName, Extra][]) {
    n += 1;
    const personId = randomUUID();
    await em.insert(Person, {
      id: personId,
      name: extra.name,
      idType: 'PASSPORT',
      idNumber: `E${String(n).padStart(8, '0')}`,
      phone: null,
      address: null,
      dateOfBirth: null,
      communityCode: null,
      createdAt: at,
      updatedAt: at,
      anonymisedAt: null,
    });
    const account = newAccount({
      id: extra.id,
      username: null,
      phone: `1370000${String(n).padStart(4, '0')}`,
      passwordHash: 'not-a-password-hash',
      roles: extra.roles,
      departmentCode: extra.departmentCode,
      personId,
      at,
    });
    await em.insert(Account, { ...account, state: extra.state ?? 'ACTIVE' });
    ids[key] = account.id;
  }
  return ids;
}

describe.each(drivers)('colleagues and StaffMember on %s', (driver) => {
  const fx = useIdentity(driver);
  let ids: Record<ExtraName, string>;
  beforeAll(async () => {
    ids = await insertExtras(fx);
  });

  describe('departmentColleagues', () => {
    it("lists the active staff and supervisors of the caller's department, self included, by name", async () => {
      const supervisor = await sessionOf(fx, SUPERVISOR);
      fx.counter.reset();
      const { departmentColleagues } = await data<{ departmentColleagues: Member[] }>(
        fx,
        COLLEAGUES,
        {},
        {
          viewer: supervisor.viewer,
        },
      );
      expect(fx.counter.selects()).toHaveLength(1);
      // Pinyin order: ài, lǐ, wáng, zhōu (then by account id).
      expect(departmentColleagues).toEqual([
        { accountId: ids.ai, name: '艾同事', roles: ['department-staff'], active: true },
        { accountId: demoAccountId(STAFF), name: '李办事', roles: ['department-staff'], active: true },
        {
          accountId: supervisor.account.id,
          name: '王主管',
          roles: ['department-staff', 'supervisor'],
          active: true,
        },
        { accountId: ZHOU_FIRST, name: '周同事', roles: ['supervisor'], active: true },
        { accountId: ZHOU_SECOND, name: '周同事', roles: ['department-staff'], active: true },
      ]);
      // Not the locked or disabled, the catalog editor, the resident, nor another department.
      const listed = departmentColleagues.map((c) => c.accountId);
      for (const left of [ids.locked, ids.disabled, ids.editor, ids.resident, ids.otherDepartment])
        expect(listed).not.toContain(left);
    });

    it('shows department staff the same list, with departments from one more query', async () => {
      const staff = await sessionOf(fx, STAFF);
      fx.counter.reset();
      const { departmentColleagues } = await data<{
        departmentColleagues: { name: string; department: { code: string } }[];
      }>(fx, COLLEAGUES_WITH_DEPARTMENT, {}, { viewer: staff.viewer });
      expect(departmentColleagues.map((c) => c.name)).toEqual([
        '艾同事',
        '李办事',
        '王主管',
        '周同事',
        '周同事',
      ]);
      expect(departmentColleagues.every((c) => c.department.code === 'MZ')).toBe(true);
      expect(fx.counter.selects()).toHaveLength(2);
    });

    it("lists another department's staff only to that department", async () => {
      const viewer: Identity = {
        accountId: ids.otherDepartment,
        roles: ['department-staff', 'supervisor'],
        department: 'GA',
      };
      const { departmentColleagues } = await data<{ departmentColleagues: Member[] }>(
        fx,
        COLLEAGUES,
        {},
        {
          viewer,
        },
      );
      expect(departmentColleagues.map((c) => c.name)).toEqual(['褚警官']);
    });

    it('is empty for staff without a department, without asking the database', async () => {
      const viewer: Identity = { accountId: randomUUID(), roles: ['supervisor'], department: null };
      fx.counter.reset();
      const result = await data<{ departmentColleagues: Member[] }>(fx, COLLEAGUES, {}, { viewer });
      expect(result.departmentColleagues).toEqual([]);
      expect(fx.counter.selects()).toHaveLength(0);
    });

    it('refuses residents, administrators and anonymous callers (kit @auth)', async () => {
      for (const account of [RESIDENT, ADMIN]) {
        const { viewer } = await sessionOf(fx, account);
        const result = await run(fx, COLLEAGUES, {}, { viewer });
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.data ?? null).toBeNull();
      }
      const anonymous = await run(fx, COLLEAGUES);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('StaffMember references', () => {
    it('resolves members of the caller’s department, inactive ones too, and null for anyone else', async () => {
      const supervisor = await sessionOf(fx, SUPERVISOR);
      const result = await run<{ _entities: (Member | null)[] }>(
        fx,
        ENTITIES,
        {
          r: [
            ref(demoAccountId(STAFF)),
            ref(ids.locked),
            ref(ids.disabled),
            ref(ids.editor),
            ref(ids.otherDepartment),
            ref(ids.resident),
            ref(demoAccountId(RESIDENT)),
            ref(demoAccountId(ADMIN)),
            ref(randomUUID()),
          ],
        },
        { viewer: supervisor.viewer },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([
        { accountId: demoAccountId(STAFF), name: '李办事', roles: ['department-staff'], active: true },
        { accountId: ids.locked, name: '钱锁定', roles: ['department-staff'], active: false },
        { accountId: ids.disabled, name: '孔停用', roles: ['supervisor'], active: false },
        { accountId: ids.editor, name: '孙编辑', roles: ['catalog-editor'], active: true },
        null, // another department's
        null, // a resident, even with a department code
        null, // a resident
        null, // an administrator: no department
        null, // unknown
      ]);
    });

    it('reads another department’s staff as null for department staff, and resolves them for administrators and auditors', async () => {
      const staff = await sessionOf(fx, STAFF);
      const r = [ref(ids.otherDepartment), ref(demoAccountId(SUPERVISOR))];
      const asStaff = await data<{ _entities: (Member | null)[] }>(
        fx,
        ENTITIES,
        { r },
        { viewer: staff.viewer },
      );
      expect(asStaff._entities.map((m) => m?.name ?? null)).toEqual([null, '王主管']);
      for (const account of [ADMIN, AUDITOR]) {
        const { viewer } = await sessionOf(fx, account);
        const result = await data<{ _entities: (Member | null)[] }>(fx, ENTITIES, { r }, { viewer });
        expect(result._entities).toEqual([
          {
            accountId: ids.otherDepartment,
            name: '褚警官',
            roles: ['department-staff', 'supervisor'],
            active: true,
          },
          {
            accountId: demoAccountId(SUPERVISOR),
            name: '王主管',
            roles: ['department-staff', 'supervisor'],
            active: true,
          },
        ]);
      }
    });

    it('refuses residents and anonymous callers (kit @auth), without looking the account up', async () => {
      const resident = await sessionOf(fx, RESIDENT);
      fx.counter.reset();
      const refused = await run<{ _entities: (Member | null)[] }>(
        fx,
        ENTITIES,
        { r: [ref(demoAccountId(STAFF))] },
        { viewer: resident.viewer },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?._entities).toEqual([null]);
      const anonymous = await run(fx, ENTITIES, { r: [ref(demoAccountId(STAFF))] });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(fx.counter.selects()).toHaveLength(0);
    });

    it('reads malformed ids as null without a query', async () => {
      const { viewer } = await sessionOf(fx, ADMIN);
      fx.counter.reset();
      const result = await run<{ _entities: (Member | null)[] }>(
        fx,
        ENTITIES,
        { r: [ref('not-an-id'), ref("' or 1=1 --"), ref(''), ref(42), ref(null), ref('x'.repeat(500))] },
        { viewer },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([null, null, null, null, null, null]);
      expect(fx.counter.selects()).toHaveLength(0);
    });

    it('resolves N references with one SQL query, and their departments with one more', async () => {
      const { viewer } = await sessionOf(fx, ADMIN);
      const accountIds = [
        ...Object.values(ids),
        demoAccountId(STAFF),
        demoAccountId(SUPERVISOR),
        demoAccountId(ADMIN),
        'not-an-id',
      ];
      fx.counter.reset();
      const result = await data<{
        _entities: ({ accountId: string; name: string; department: { code: string } } | null)[];
      }>(fx, ENTITIES_WITH_DEPARTMENT, { r: accountIds.map(ref) }, { viewer });
      const resolved = result._entities.filter((m) => m !== null);
      // Every extra but the resident, and the two demo staff.
      expect(resolved).toHaveLength(Object.keys(EXTRA).length - 1 + 2);
      expect(resolved.find((m) => m.accountId === ids.otherDepartment)?.department.code).toBe('GA');
      const selects = fx.counter.selects();
      expect(selects).toHaveLength(2);
      expect(selects[0]).toMatch(/account/);
      expect(selects[0]).toMatch(/person/);
      expect(selects[1]).toMatch(/organization/);
    });
  });
});
