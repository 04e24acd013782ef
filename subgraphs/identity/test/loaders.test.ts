import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/server.js';
import { stableId } from '../src/db/seeds/index.js';
import { ADMIN, data, drivers, sessionOf, useIdentity } from './setup.js';

describe.each(drivers)('entity references on %s', (driver) => {
  const fx = useIdentity(driver);

  it('resolves N Person references with one SQL query', async () => {
    const { viewer } = await sessionOf(fx, ADMIN);
    const r = DEMO_ACCOUNTS.map((d) => ({ __typename: 'Person', id: stableId('person', d.person.idNumber) }));
    fx.counter.reset();
    const result = await data<{ _entities: Array<{ name: string; idNumber: string }> }>(
      fx,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name idNumber } } }`,
      { r },
      { viewer },
    );
    expect(result._entities.map((p) => p.name)).toEqual(DEMO_ACCOUNTS.map((d) => d.person.name));
    expect(result._entities.every((p) => p.idNumber.includes('*'))).toBe(true);
    const selects = fx.counter.selects();
    expect(selects.length).toBe(1);
    expect(selects[0]).toMatch(/person/);
  });

  it('resolves N Account references with one SQL query, and their departments with one more', async () => {
    const { viewer } = await sessionOf(fx, ADMIN);
    const r = DEMO_ACCOUNTS.map((d) => ({ __typename: 'Account', id: stableId('account', d.phone) }));
    fx.counter.reset();
    const result = await data<{
      _entities: Array<{ username: string; department: { name: string } | null }>;
    }>(
      fx,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { username phone department { name } } } }`,
      { r },
      { viewer },
    );
    expect(result._entities.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((d) => d.username));
    expect(result._entities[1]!.department!.name).toBe('云湖市民政局');
    const selects = fx.counter.selects();
    expect(selects.length).toBe(2);
    expect(selects[0]).toMatch(/account/);
    expect(selects[1]).toMatch(/organization/);
  });

  it('lists organizations publicly and resolves Organization references', async () => {
    const result = await data<{
      organizations: Array<{ code: string }>;
      organization: { name: string; kind: string };
    }>(fx, `{ organizations(kind: DEPARTMENT) { code } organization(code: "gjj") { name kind } }`);
    expect(result.organizations.map((o) => o.code)).toEqual([
      'CL',
      'GA',
      'GJJ',
      'JY',
      'MZ',
      'RS',
      'SJ',
      'SW',
      'TY',
      'WJ',
      'WL',
      'YB',
      'ZJ',
      'ZR',
    ]);
    expect(result.organization).toEqual({ name: '云湖市住房公积金管理中心', kind: 'DEPARTMENT' });
  });
});
