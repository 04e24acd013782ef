import { ErrorCode, pick, type Locale, type Viewer } from '@bianmin/kit';
import { GraphQLError } from 'graphql';
import type { Person } from '../person/person.entity.js';
import type { Account } from './account.entity.js';
import { ACCOUNT_READER_ROLES, CASE_HANDLER_ROLES, STAFF_ROLES } from './roles.js';
import type { StaffMember } from './staff-members.js';

const hasAny = (viewer: Viewer, roles: readonly string[]) => viewer.roles.some((r) => roles.includes(r));

/** An account is seen by its owner, administrators and auditors. */
export function canSeeAccount(viewer: Viewer, account: Pick<Account, 'id'>): boolean {
  return viewer.accountId === account.id || hasAny(viewer, ACCOUNT_READER_ROLES);
}

/** A person (masked) is seen by themself and by staff. */
export function canSeePerson(viewer: Viewer, person: Pick<Person, 'id'>): boolean {
  return (!!viewer.personId && viewer.personId === person.id) || hasAny(viewer, STAFF_ROLES);
}

/** Roles that see some staff members at all (`StaffMember`'s `@auth`). */
export function readsStaffMembers(viewer: Viewer): boolean {
  return hasAny(viewer, ACCOUNT_READER_ROLES) || hasAny(viewer, CASE_HANDLER_ROLES);
}

/**
 * A staff member is seen by administrators and auditors, and by department staff and supervisors
 * of the same department (the token's department).
 */
export function canSeeStaffMember(viewer: Viewer, member: Pick<StaffMember, 'departmentCode'>): boolean {
  if (hasAny(viewer, ACCOUNT_READER_ROLES)) return true;
  return (
    hasAny(viewer, CASE_HANDLER_ROLES) && !!viewer.department && viewer.department === member.departmentCode
  );
}

export function notYours(locale: Locale): GraphQLError {
  return new GraphQLError(
    pick(locale, { zh: '无权查看该记录', en: 'You are not allowed to see this record.' }),
    { extensions: { code: ErrorCode.FORBIDDEN } },
  );
}
