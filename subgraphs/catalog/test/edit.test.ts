import { describe, expect, it } from 'vitest';
import { drivers, query, useCatalog } from './setup.js';

const EDITOR = { accountId: 'acc-editor', roles: ['catalog-editor'] };
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

async function exists(fx: ReturnType<typeof useCatalog>, code: string) {
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
    [{ departmentCode: 'XX' }, 'departmentCode'],
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
});
