import type { TFunction } from 'i18next';
import type { DataAccessPage, DataAccessRecord } from '../identity/operations';

/**
 * "Load more": the next page appended to what is shown. A record already on screen is not shown
 * twice (the server's keyset cursors make that rare, a refetch in between could not).
 */
export function mergeAccessPages(previous: DataAccessPage, next: DataAccessPage): DataAccessPage {
  const seen = new Set(previous.edges.map((edge) => edge.node.id));
  return {
    totalCount: next.totalCount,
    pageInfo: next.pageInfo,
    edges: [...previous.edges, ...next.edges.filter((edge) => !seen.has(edge.node.id))],
  };
}

/** Who looked, as the resident may know it: "You", or the department and role — never the person. */
export function accessorText(record: DataAccessRecord, language: string, t: TFunction): string {
  if (record.self) return t('dataAccess.you');
  const role = record.accessorRole
    ? t(`dataAccess.roles.${record.accessorRole}`, { defaultValue: record.accessorRole })
    : t('dataAccess.staff');
  const department = record.accessorDepartment;
  if (!department) return role;
  const name = language.startsWith('zh') ? department.name : department.nameEn;
  return t('dataAccess.accessor', { department: name, role });
}

/** Why, in words, with the case or request it names: "办理业务（SQ-2026-000123）". */
export function purposeText(record: DataAccessRecord, t: TFunction): string {
  const kind = t(`dataAccess.purposes.${record.purposeKind}`, { defaultValue: record.purposeKind });
  return record.purposeReference
    ? t('dataAccess.purposeWithReference', { kind, reference: record.purposeReference })
    : kind;
}

/** Which information, in words. */
export function fieldText(record: DataAccessRecord, t: TFunction): string {
  return t(`dataAccess.fields.${record.field}`, { defaultValue: record.field });
}
