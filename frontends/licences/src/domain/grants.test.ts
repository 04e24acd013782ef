import { describe, expect, it } from 'vitest';
import { describeUseActor, grantStateView, granteeName, orderGrants } from './grants';

const departments = [{ code: 'MZ', name: '云湖市民政局', nameEn: 'Yunhu Civil Affairs Bureau' }];

describe('grantStateView', () => {
  it('marks only an active grant as active', () => {
    expect(grantStateView('ACTIVE')).toEqual({
      tone: 'success',
      labelKey: 'grants.state.ACTIVE',
      active: true,
    });
    expect(grantStateView('REVOKED')).toMatchObject({ labelKey: 'grants.state.REVOKED', active: false });
    expect(grantStateView('EXPIRED')).toMatchObject({ labelKey: 'grants.state.EXPIRED', active: false });
    expect(grantStateView('PAUSED')).toMatchObject({ active: false });
  });
});

describe('granteeName', () => {
  it('names a department in the UI language', () => {
    const grant = { granteeKind: 'DEPARTMENT', granteeId: 'MZ' };
    expect(granteeName(grant, departments, 'zh-CN')).toBe('云湖市民政局');
    expect(granteeName(grant, departments, 'en')).toBe('Yunhu Civil Affairs Bureau');
  });

  it('falls back to the code, and names a partner client by its id', () => {
    expect(granteeName({ granteeKind: 'DEPARTMENT', granteeId: 'GA' }, departments, 'zh-CN')).toBe('GA');
    expect(granteeName({ granteeKind: 'API_CLIENT', granteeId: 'pc_abc12345' }, departments, 'en')).toBe(
      'pc_abc12345',
    );
  });
});

describe('orderGrants', () => {
  it('lists active grants first, keeping the order within each group', () => {
    const grants = [
      { id: '1', state: 'REVOKED' },
      { id: '2', state: 'ACTIVE' },
      { id: '3', state: 'EXPIRED' },
      { id: '4', state: 'ACTIVE' },
    ];
    expect(orderGrants(grants).map((g) => g.id)).toEqual(['2', '4', '1', '3']);
  });
});

describe('describeUseActor', () => {
  it("names a department's staff by the department's name and their roles", () => {
    expect(describeUseActor('MZ department-staff', departments, 'zh-CN')).toEqual({
      kind: 'department',
      department: '云湖市民政局',
      roles: ['department-staff'],
    });
    expect(describeUseActor('MZ department-staff/supervisor', departments, 'en')).toEqual({
      kind: 'department',
      department: 'Yunhu Civil Affairs Bureau',
      roles: ['department-staff', 'supervisor'],
    });
  });

  it('names a partner client by its id, and keeps anything else as written', () => {
    expect(describeUseActor('API client pc_abc12345', departments, 'zh-CN')).toEqual({
      kind: 'client',
      clientId: 'pc_abc12345',
    });
    expect(describeUseActor('someone else', departments, 'zh-CN')).toEqual({
      kind: 'other',
      text: 'someone else',
    });
    expect(describeUseActor('GA department-staff', departments, 'zh-CN')).toMatchObject({ department: 'GA' });
  });
});
