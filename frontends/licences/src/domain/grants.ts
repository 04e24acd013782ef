import type { Locale } from '@bianmin/frontend-kit';
import type { Department, LicenceGrant } from '../graphql/types';

/** How a grant's state looks: a tone for the tag, and words from the locales (`grants.state.<STATE>`). */
export type GrantTone = 'success' | 'neutral';

export function grantStateView(state: string): { tone: GrantTone; labelKey: string; active: boolean } {
  if (state === 'ACTIVE') return { tone: 'success', labelKey: 'grants.state.ACTIVE', active: true };
  if (state === 'REVOKED') return { tone: 'neutral', labelKey: 'grants.state.REVOKED', active: false };
  return { tone: 'neutral', labelKey: 'grants.state.EXPIRED', active: false };
}

/** Who a grant lets in: the department's name in the UI language, or the partner client's id. */
export function granteeName(
  grant: Pick<LicenceGrant, 'granteeKind' | 'granteeId'>,
  departments: readonly Department[],
  locale: Locale,
): string {
  if (grant.granteeKind !== 'DEPARTMENT') return grant.granteeId;
  const department = departments.find((d) => d.code === grant.granteeId);
  if (!department) return grant.granteeId;
  return locale === 'en' ? department.nameEn : department.name;
}

/** Active grants first (the ones the holder may want to withdraw), each group newest first as sent. */
export function orderGrants<T extends Pick<LicenceGrant, 'state'>>(grants: readonly T[]): T[] {
  return [...grants.filter((g) => g.state === 'ACTIVE'), ...grants.filter((g) => g.state !== 'ACTIVE')];
}

/**
 * Who used a grant, from the API's `by` (`"MZ department-staff/supervisor"` for a department's
 * staff, `"API client pc_…"` for a partner): the department by its name and the roles, so the
 * component can say "云湖市民政局 · 工作人员". Anything else is shown as the API wrote it.
 */
export type UseActor =
  | { kind: 'department'; department: string; roles: string[] }
  | { kind: 'client'; clientId: string }
  | { kind: 'other'; text: string };

export function describeUseActor(by: string, departments: readonly Department[], locale: Locale): UseActor {
  const text = by.trim();
  const client = /^API client (\S+)$/.exec(text);
  if (client) return { kind: 'client', clientId: client[1]! };
  const staff = /^([A-Z]{2,4}) ([a-z-]+(?:\/[a-z-]+)*)$/.exec(text);
  if (staff) {
    const department = granteeName({ granteeKind: 'DEPARTMENT', granteeId: staff[1]! }, departments, locale);
    return { kind: 'department', department, roles: staff[2]!.split('/') };
  }
  return { kind: 'other', text };
}
