import type { EntityManager } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  ok,
  pick,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { Person } from '../person/person.entity.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { isFailureOf, valueOf, writeAccessRecord, type PersonalDataField } from './access-record.js';

export type { PersonalDataField } from './access-record.js';

/** Where a request came from, for the access record. */
export interface RequestOrigin {
  requestId: string;
  clientIp: string | null;
}

/**
 * 本人查看: the person's own unmasked value. Recorded like any reveal (purpose SELF), and the
 * record is written first: if it cannot be written, nothing is revealed.
 */
export async function revealMyPersonalData(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  field: PersonalDataField,
  origin: RequestOrigin,
  locale: Locale,
  log: Logger,
): Promise<Result<{ field: PersonalDataField; value: string | null }> | Failure> {
  const now = services.now();
  const signedIn = await requireSignedIn(em, viewer, now, locale);
  if (isFailure(signedIn)) return signedIn;
  const { account } = signedIn;
  const person = account.personId ? await em.findOne(Person, { id: account.personId }) : null;
  if (!person) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '该账号没有关联的个人信息', en: 'This account has no personal record.' }),
    );
  }
  const recorded = await writeAccessRecord(
    em,
    {
      person,
      accessor: account,
      accessorRole: null,
      field,
      purpose: { kind: 'SELF', reference: null, note: null },
      ...origin,
      at: new Date(now),
    },
    locale,
    log,
  );
  if (isFailureOf(recorded)) return recorded;
  return ok({ field, value: valueOf(person, field, account.phone) });
}
