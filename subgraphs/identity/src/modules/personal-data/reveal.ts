import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { Person } from '../person/person.entity.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { PersonalDataAccess } from './personal-data-access.entity.js';

export type PersonalDataField = 'ID_NUMBER' | 'PHONE' | 'ADDRESS';

/**
 * 本人查看: the person's own unmasked value. Recorded like any reveal (purpose SELF), and the
 * record is written first: if it cannot be written, nothing is revealed.
 */
export async function revealMyPersonalData(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  field: PersonalDataField,
  requestId: string,
  locale: Locale,
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
  const value =
    field === 'ID_NUMBER'
      ? person.idNumber
      : field === 'PHONE'
        ? (person.phone ?? account.phone)
        : person.address;
  await em.insert(PersonalDataAccess, {
    id: randomUUID(),
    personId: person.id,
    accessorAccountId: account.id,
    field,
    purpose: 'SELF',
    requestId: requestId.slice(0, 64),
    createdAt: new Date(now),
  });
  return ok({ field, value: value ?? null });
}
