import { ErrorCode, pick, type Locale, type Viewer } from '@bianmin/kit';
import { GraphQLError } from 'graphql';
import type { Person } from '../person/person.entity.js';
import type { Account } from './account.entity.js';
import { ACCOUNT_READER_ROLES, STAFF_ROLES } from './roles.js';

const hasAny = (viewer: Viewer, roles: readonly string[]) => viewer.roles.some((r) => roles.includes(r));

/** An account is seen by its owner, administrators and auditors. */
export function canSeeAccount(viewer: Viewer, account: Pick<Account, 'id'>): boolean {
  return viewer.accountId === account.id || hasAny(viewer, ACCOUNT_READER_ROLES);
}

/** A person (masked) is seen by themself and by staff. */
export function canSeePerson(viewer: Viewer, person: Pick<Person, 'id'>): boolean {
  return (!!viewer.personId && viewer.personId === person.id) || hasAny(viewer, STAFF_ROLES);
}

export function notYours(locale: Locale): GraphQLError {
  return new GraphQLError(
    pick(locale, { zh: '无权查看该记录', en: 'You are not allowed to see this record.' }),
    { extensions: { code: ErrorCode.FORBIDDEN } },
  );
}
