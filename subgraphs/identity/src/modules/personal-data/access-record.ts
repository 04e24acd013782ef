import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, pick, recordEvent, type Failure, type Locale, type Logger } from '@bianmin/kit';
import type { Account } from '../account/account.entity.js';
import type { Person } from '../person/person.entity.js';
import { PersonalDataAccess, type AccessPurpose } from './personal-data-access.entity.js';

export type PersonalDataField = 'ID_NUMBER' | 'PHONE' | 'ADDRESS';

/** The full value of `field`; a person without a phone of their own uses their account's. */
export function valueOf(
  person: Person,
  field: PersonalDataField,
  accountPhone: string | null,
): string | null {
  if (field === 'ID_NUMBER') return person.idNumber;
  if (field === 'PHONE') return person.phone ?? accountPhone;
  return person.address ?? null;
}

/** Announced for every reveal, in the same transaction as its record (the evidence log keeps it). */
export const PERSONAL_DATA_REVEALED_TOPIC = 'identity.personal-data.revealed';

export interface PersonalDataRevealed {
  accessId: string;
  personId: string;
  field: PersonalDataField;
  purposeKind: string;
  accessorAccountId: string;
  accessorDepartment: string | null;
  at: string;
}

/** Who looked: an account, or a service of the platform (the licences service issuing a licence). */
export type Accessor = Pick<Account, 'id' | 'roles' | 'departmentCode' | 'personId'>;

export interface AccessRecordInput {
  person: Person;
  accessor: Accessor;
  accessorRole: string | null;
  field: PersonalDataField;
  purpose: { kind: AccessPurpose; reference: string | null; note: string | null };
  requestId: string;
  clientIp: string | null;
  at: Date;
}

/**
 * Write the access record, committed on its own, before any value leaves this service. A write
 * that fails returns UNAVAILABLE (the caller then reveals nothing); the log line names the
 * record, never the value, the purpose's free-text note or the database's message (which quotes
 * the parameters).
 */
export async function writeAccessRecord(
  em: EntityManager,
  input: AccessRecordInput,
  locale: Locale,
  log: Logger,
): Promise<{ id: string } | Failure> {
  const id = randomUUID();
  try {
    // The record and its announcement commit together: the evidence log never misses a reveal.
    await em.transactional(async (tx) => {
      await tx.insert(PersonalDataAccess, {
        id,
        personId: input.person.id,
        accessorAccountId: input.accessor.id,
        accessorRoles: [...input.accessor.roles],
        accessorRole: input.accessorRole,
        accessorDepartment: input.accessor.departmentCode ?? null,
        accessorPersonId: input.accessor.personId ?? null,
        field: input.field,
        purposeKind: input.purpose.kind,
        purposeReference: input.purpose.reference,
        purposeNote: input.purpose.note,
        requestId: input.requestId.slice(0, 64),
        clientIp: input.clientIp?.slice(0, 45) ?? null,
        createdAt: input.at,
      });
      await recordEvent(tx, {
        topic: PERSONAL_DATA_REVEALED_TOPIC,
        key: input.person.id,
        payload: {
          accessId: id,
          personId: input.person.id,
          field: input.field,
          purposeKind: input.purpose.kind,
          accessorAccountId: input.accessor.id,
          accessorDepartment: input.accessor.departmentCode ?? null,
          at: input.at.toISOString(),
        } satisfies PersonalDataRevealed,
      });
    });
  } catch (error) {
    log.error(
      {
        event: 'personal-data-access-record-failed',
        personId: input.person.id,
        accessorAccountId: input.accessor.id,
        field: input.field,
        purposeKind: input.purpose.kind,
        error: error instanceof Error ? error.name : 'unknown',
      },
      'access record could not be written; nothing revealed',
    );
    return fail(
      ErrorCode.UNAVAILABLE,
      pick(locale, {
        zh: '暂时无法记录本次查看，未显示完整信息，请稍后再试',
        en: 'This access cannot be recorded right now, so nothing was revealed. Try again later.',
      }),
    );
  }
  return { id };
}

export const isFailureOf = (value: { id: string } | Failure): value is Failure => 'ok' in value;
