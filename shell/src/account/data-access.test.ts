import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DataAccessPage, DataAccessRecord } from '../identity/operations';
import { accessorText, fieldText, mergeAccessPages, purposeText } from './data-access';
import en from '../i18n/locales/en.json';
import zhCN from '../i18n/locales/zh-CN.json';

type Resources = Record<string, unknown>;
/** A `t` over the shell's own resources, with i18next's interpolation, for one language. */
function tOf(resources: Resources): TFunction {
  const t = (key: string, options: Record<string, string> = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Resources | undefined)?.[part], resources);
    const text = typeof found === 'string' ? found : (options.defaultValue ?? key);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => options[name] ?? '');
  };
  return t as unknown as TFunction;
}

const staff: DataAccessRecord = {
  id: 'a1',
  at: '2026-11-29T02:00:00.000Z',
  field: 'ID_NUMBER',
  purposeKind: 'CASE_HANDLING',
  purposeReference: 'SQ-2026-000123',
  accessorRole: 'department-staff',
  accessorDepartment: { code: 'MZ', name: '云湖市民政局', nameEn: 'Yunhu Civil Affairs Bureau' },
  self: false,
};
const self: DataAccessRecord = {
  ...staff,
  id: 'a0',
  field: 'PHONE',
  purposeKind: 'SELF',
  purposeReference: null,
  accessorRole: null,
  accessorDepartment: null,
  self: true,
};

describe('access log wording', () => {
  it('names the department and role for staff, and "You" for the person', () => {
    expect(accessorText(staff, 'zh-CN', tOf(zhCN))).toBe('云湖市民政局 · 部门工作人员');
    expect(accessorText(staff, 'en', tOf(en))).toBe('Yunhu Civil Affairs Bureau · Department staff');
    expect(accessorText(self, 'zh-CN', tOf(zhCN))).toBe('本人查看');
    expect(accessorText(self, 'en', tOf(en))).toBe('You');
    expect(
      accessorText({ ...staff, accessorDepartment: null, accessorRole: 'supervisor' }, 'en', tOf(en)),
    ).toBe('Supervisor');
  });

  it('says why and which information, in both languages', () => {
    expect(purposeText(staff, tOf(zhCN))).toBe('办理业务（SQ-2026-000123）');
    expect(purposeText(staff, tOf(en))).toBe('Handling a case (SQ-2026-000123)');
    expect(purposeText(self, tOf(zhCN))).toBe('本人查看');
    expect(fieldText(staff, tOf(zhCN))).toBe('证件号码');
    expect(fieldText(self, tOf(en))).toBe('Mobile phone');
  });
});

describe('mergeAccessPages', () => {
  const page = (ids: string[], hasNextPage: boolean): DataAccessPage => ({
    totalCount: 5,
    pageInfo: { hasNextPage, endCursor: ids.at(-1) ?? null },
    edges: ids.map((id) => ({ cursor: id, node: { ...staff, id } })),
  });

  it('appends the next page once, and takes its page info', () => {
    const merged = mergeAccessPages(page(['a', 'b'], true), page(['b', 'c', 'd'], false));
    expect(merged.edges.map((e) => e.node.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.pageInfo).toEqual({ hasNextPage: false, endCursor: 'd' });
  });
});
