import { describe, expect, it } from 'vitest';
import { ServiceItemVersion } from '../src/modules/service-item/service-item.entity.js';
import { drivers, query, useCatalog } from './setup.js';

/** The demo catalog editor: staff of 民政局 (MZ). */
const EDITOR = { accountId: 'acc-editor', roles: ['catalog-editor'], department: 'MZ' };
/** An editor of 公安局 (GA). */
const GA_EDITOR = { accountId: 'acc-ga-editor', roles: ['catalog-editor'], department: 'GA' };
const RESIDENT = { accountId: 'acc-resident', roles: ['resident'] };

const input = (overrides: Record<string, unknown> = {}) => ({
  code: 'MZ-901',
  name: '社区志愿服务时长证明开具',
  nameEn: 'Certificate of community volunteer hours',
  departmentCode: 'MZ',
  category: 'SOCIAL_ASSISTANCE',
  kind: 'PUBLIC_SERVICE',
  lifeEvents: ['EMPLOYMENT'],
  keywords: ['志愿者证明'],
  summary: '为在本市社区参加志愿服务的居民开具志愿服务时长证明。',
  eligibility: '在云湖市注册的志愿者。',
  materials: [
    {
      name: '居民身份证',
      description: '本人有效身份证件',
      originals: 1,
      copies: 0,
      required: true,
      fromLicenceType: 'RESIDENT_ID_CARD',
    },
  ],
  legalDays: 5,
  promisedDays: 2,
  fee: { free: true },
  channels: ['ONLINE', 'IN_PERSON'],
  visits: 0,
  instantApproval: false,
  legalBasis: ['《志愿服务条例》第二十一条'],
  faq: [{ question: '证明多久能拿到？', answer: '一般两个工作日内。' }],
  handledAt: ['COMMUNITY_STATION'],
  ...overrides,
});

const CREATE = `mutation ($input: ServiceItemInput!) {
  createServiceItem(input: $input) { ok error { code message field } serviceItem { id code version servicePointCount } }
}`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: ServiceItemInput!) {
  updateServiceItem(id: $id, expectedVersion: $v, input: $input) { ok error { code field } serviceItem { id name version history { version name } } }
}`;
type Created = {
  createServiceItem: {
    ok: boolean;
    error: { code: string; message: string; field: string } | null;
    serviceItem: { id: string; version: number; servicePointCount: number } | null;
  };
};
type Updated = {
  updateServiceItem: {
    ok: boolean;
    error: { code: string; field: string } | null;
    serviceItem: { name: string; version: number; history: Array<{ version: number; name: string }> } | null;
  };
};

type Fixture = ReturnType<typeof useCatalog>;

/** What an edit would change, read through the public API. */
async function snapshot(fx: Fixture, code: string) {
  const r = await query<{
    serviceItemByCode: {
      id: string;
      name: string;
      version: number;
      updatedAt: string;
      department: { code: string };
      history: Array<{ version: number }>;
    };
  }>(
    fx,
    `query ($c: String!) { serviceItemByCode(code: $c) { id name version updatedAt department { code } history { version } } }`,
    { c: code },
  );
  return r.serviceItemByCode;
}

/** Rows in service_item_version for one item, counted in the database itself. */
function versionRows(fx: Fixture, itemId: string) {
  return fx.catalog.orm.em.fork().count(ServiceItemVersion, { itemId });
}

async function exists(fx: Fixture, code: string) {
  const r = await query<{ serviceItemByCode: { id: string } | null }>(
    fx,
    `query ($c: String!) { serviceItemByCode(code: $c) { id } }`,
    { c: code },
  );
  return r.serviceItemByCode !== null;
}

describe.each(drivers)('catalog editing on %s', (driver) => {
  const fx = useCatalog(driver);

  it('refuses anonymous callers and residents, and saves nothing', async () => {
    const anon = (await fx.catalog.execute<Created>(CREATE, { input: input() })).data!;
    expect(anon.createServiceItem).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const resident = (await fx.catalog.execute<Created>(CREATE, { input: input() }, RESIDENT)).data!;
    expect(resident.createServiceItem).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await exists(fx, 'MZ-901')).toBe(false);
  });

  it.each([
    [{ code: 'bad code' }, 'code'],
    [{ promisedDays: 9 }, 'promisedDays'],
    [{ lifeEvents: ['NOPE'] }, 'lifeEvents'],
    [{ fee: { free: false } }, 'fee.amountYuan'],
    [{ channels: [] }, 'channels'],
    [{ name: '  ' }, 'name'],
  ])('refuses invalid input %j naming the field %s, and saves nothing', async (overrides, field) => {
    const r = (
      await fx.catalog.execute<Created>(CREATE, { input: input({ code: 'MZ-902', ...overrides }) }, EDITOR)
    ).data!;
    expect(r.createServiceItem.ok).toBe(false);
    expect(r.createServiceItem.error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await exists(fx, 'MZ-902')).toBe(false);
  });

  it('creates an item that search and the service circle find at once', async () => {
    const r = (await fx.catalog.execute<Created>(CREATE, { input: input() }, EDITOR)).data!;
    expect(r.createServiceItem.ok).toBe(true);
    expect(r.createServiceItem.serviceItem!.servicePointCount).toBeGreaterThan(0);
    const found = await query<{ searchServiceItems: { edges: Array<{ node: { code: string } }> } }>(
      fx,
      `{ searchServiceItems(query: "志愿服务时长", first: 1) { edges { node { code } } } }`,
    );
    expect(found.searchServiceItems.edges[0]!.node.code).toBe('MZ-901');
    const again = (await fx.catalog.execute<Created>(CREATE, { input: input() }, EDITOR)).data!;
    expect(again.createServiceItem.error).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('keeps the previous guide as a version when editing', async () => {
    const { serviceItemByCode: item } = await query<{ serviceItemByCode: { id: string; version: number } }>(
      fx,
      `{ serviceItemByCode(code: "MZ-901") { id version } }`,
    );
    const r = (
      await fx.catalog.execute<Updated>(
        UPDATE,
        { id: item.id, v: item.version, input: input({ name: '志愿服务时长证明开具' }) },
        EDITOR,
      )
    ).data!;
    expect(r.updateServiceItem.ok).toBe(true);
    expect(r.updateServiceItem.serviceItem).toMatchObject({
      name: '志愿服务时长证明开具',
      version: 2,
      history: [{ version: 1, name: '社区志愿服务时长证明开具' }],
    });
  });

  it('lets exactly one of two concurrent editors win; the other gets CONFLICT', async () => {
    const { serviceItemByCode: item } = await query<{ serviceItemByCode: { id: string; version: number } }>(
      fx,
      `{ serviceItemByCode(code: "MZ-901") { id version } }`,
    );
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((who) =>
        fx.catalog.execute<Updated>(
          UPDATE,
          { id: item.id, v: item.version, input: input({ name: `志愿服务时长证明（${who}）` }) },
          EDITOR,
        ),
      ),
    );
    const outcomes = results.map((r) => r.data!.updateServiceItem);
    expect(outcomes.filter((o) => o.ok).length).toBe(1);
    for (const o of outcomes.filter((x) => !x.ok))
      expect(o.error).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    const after = await query<{ serviceItemByCode: { version: number; history: unknown[] } }>(
      fx,
      `{ serviceItemByCode(code: "MZ-901") { version history { version } } }`,
    );
    expect(after.serviceItemByCode.version).toBe(item.version + 1);
    expect(after.serviceItemByCode.history.length).toBe(item.version);
  });

  it('refuses an edit of a missing item', async () => {
    const r = (await fx.catalog.execute<Updated>(UPDATE, { id: 'missing', v: 1, input: input() }, EDITOR))
      .data!;
    expect(r.updateServiceItem.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses creating an item for another department, in Chinese or English, and saves nothing', async () => {
    const zh = (
      await fx.catalog.execute<Created>(
        CREATE,
        { input: input({ code: 'GA-901', departmentCode: 'GA' }) },
        EDITOR,
      )
    ).data!;
    expect(zh.createServiceItem).toMatchObject({
      ok: false,
      serviceItem: null,
      error: { code: 'FORBIDDEN', field: 'departmentCode', message: '只能创建和编辑本部门（MZ）的事项' },
    });
    const en = (
      await fx.catalog.execute<Created>(
        CREATE,
        { input: input({ code: 'GA-901', departmentCode: 'GA' }) },
        EDITOR,
        'en',
      )
    ).data!;
    expect(en.createServiceItem.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You may only create and edit service items of your own department (MZ).',
    });
    expect(await exists(fx, 'GA-901')).toBe(false);
  });

  it('refuses a department the catalog does not know, even for its own editor', async () => {
    const other = (
      await fx.catalog.execute<Created>(
        CREATE,
        { input: input({ code: 'XX-901', departmentCode: 'XX' }) },
        EDITOR,
      )
    ).data!;
    expect(other.createServiceItem.error).toMatchObject({ code: 'FORBIDDEN', field: 'departmentCode' });
    const own = (
      await fx.catalog.execute<Created>(
        CREATE,
        { input: input({ code: 'XX-901', departmentCode: 'XX' }) },
        { ...EDITOR, department: 'XX' },
      )
    ).data!;
    expect(own.createServiceItem.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'departmentCode' });
    expect(await exists(fx, 'XX-901')).toBe(false);
  });

  it("refuses an edit of another department's item whatever the input, and changes nothing", async () => {
    // The 公安局 editor can work on its own items; the 民政局 editor cannot touch them.
    const created = (
      await fx.catalog.execute<Created>(
        CREATE,
        { input: input({ code: 'GA-902', departmentCode: 'GA' }) },
        GA_EDITOR,
      )
    ).data!;
    expect(created.createServiceItem.ok).toBe(true);
    const before = await snapshot(fx, 'GA-902');
    const attempts = [
      input({ code: 'GA-902', departmentCode: 'GA', name: '改名' }),
      input({ code: 'GA-902', departmentCode: 'MZ', name: '划到民政局' }),
      input({ code: 'GA-902', departmentCode: 'GA', promisedDays: 99 }), // invalid, still FORBIDDEN
    ];
    for (const attempt of attempts) {
      const r = (
        await fx.catalog.execute<Updated>(
          UPDATE,
          { id: before.id, v: before.version, input: attempt },
          EDITOR,
        )
      ).data!;
      expect(r.updateServiceItem).toMatchObject({
        ok: false,
        serviceItem: null,
        error: { code: 'FORBIDDEN', field: 'id' },
      });
    }
    expect(await snapshot(fx, 'GA-902')).toEqual(before);
    expect(await versionRows(fx, before.id)).toBe(0);
  });

  it('refuses moving an own item to another department, and changes nothing', async () => {
    const before = await snapshot(fx, 'MZ-001');
    expect(before.department.code).toBe('MZ');
    const r = (
      await fx.catalog.execute<Updated>(
        UPDATE,
        { id: before.id, v: before.version, input: input({ code: 'MZ-001', departmentCode: 'GA' }) },
        EDITOR,
      )
    ).data!;
    expect(r.updateServiceItem).toMatchObject({
      ok: false,
      serviceItem: null,
      error: { code: 'FORBIDDEN', field: 'departmentCode' },
    });
    expect(await snapshot(fx, 'MZ-001')).toEqual(before);
    expect(await versionRows(fx, before.id)).toBe(0);
  });

  it.each([
    ['no department', {}],
    ['a null department', { department: null }],
    ['an empty department', { department: '' }],
  ])('refuses an editor whose account has %s, and changes nothing', async (_, department) => {
    const viewer = { accountId: 'acc-editor-without-department', roles: ['catalog-editor'], ...department };
    const created = (await fx.catalog.execute<Created>(CREATE, { input: input({ code: 'MZ-903' }) }, viewer))
      .data!;
    expect(created.createServiceItem).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: null, message: '您的账号未关联部门，不能编辑事项' },
    });
    expect(await exists(fx, 'MZ-903')).toBe(false);
    const before = await snapshot(fx, 'MZ-001');
    const updated = (
      await fx.catalog.execute<Updated>(
        UPDATE,
        { id: before.id, v: before.version, input: input({ code: 'MZ-001', name: '改名' }) },
        viewer,
      )
    ).data!;
    expect(updated.updateServiceItem.error).toMatchObject({ code: 'FORBIDDEN', field: null });
    expect(await snapshot(fx, 'MZ-001')).toEqual(before);
    expect(await versionRows(fx, before.id)).toBe(0);
  });

  it('lets an editor edit an item of their own department', async () => {
    const before = await snapshot(fx, 'MZ-001');
    const r = (
      await fx.catalog.execute<Updated>(
        UPDATE,
        { id: before.id, v: before.version, input: input({ code: 'MZ-001', name: '本部门改名' }) },
        EDITOR,
      )
    ).data!;
    expect(r.updateServiceItem).toMatchObject({ ok: true, serviceItem: { name: '本部门改名' } });
    expect(await versionRows(fx, before.id)).toBe(1);
  });
});
