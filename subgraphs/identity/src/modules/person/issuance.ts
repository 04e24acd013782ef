import type { EntityManager } from '@mikro-orm/core';
import type { Logger, Viewer } from '@bianmin/kit';
import { writeAccessRecord, isFailureOf } from '../personal-data/access-record.js';
import { Person } from './person.entity.js';

/**
 * The role of the licences service's own calls (a service identity the gateway never issues: no
 * account can hold it, because staff roles are an enum). Only it may read a person's document
 * details in full, to put them on a licence it issues.
 */
export const LICENCE_SERVICE_ROLE = 'system:licences';

export interface IssuancePerson {
  personId: string;
  name: string;
  idType: string;
  idNumber: string;
  dateOfBirth: string | null;
}

/**
 * A person's name and document, unmasked, for the licences service to issue a licence. Each read
 * is written to the person's access log (purpose LICENCE_ISSUANCE, announced to the evidence log)
 * before anything is returned; no record, no data. Null for an unknown or anonymised person.
 */
export async function personForIssuance(
  em: EntityManager,
  viewer: Viewer,
  personId: string,
  context: { requestId: string; now: number; log: Logger },
): Promise<IssuancePerson | null> {
  if (!viewer.roles.includes(LICENCE_SERVICE_ROLE) || !viewer.accountId) return null;
  const person = /^[0-9a-f-]{36}$/i.test(personId)
    ? ((await em.findOne(Person, { id: personId })) as Person | null)
    : null;
  if (!person || person.anonymisedAt) return null;
  const recorded = await writeAccessRecord(
    em,
    {
      person,
      accessor: { id: viewer.accountId, roles: viewer.roles, departmentCode: null, personId: null },
      accessorRole: LICENCE_SERVICE_ROLE,
      field: 'ID_NUMBER',
      purpose: { kind: 'LICENCE_ISSUANCE', reference: null, note: null },
      requestId: context.requestId,
      clientIp: null,
      at: new Date(context.now),
    },
    'zh-CN',
    context.log,
  );
  if (isFailureOf(recorded)) throw new Error('the access record could not be written');
  return {
    personId: person.id,
    name: person.name,
    idType: person.idType,
    idNumber: person.idNumber,
    dateOfBirth: person.dateOfBirth ?? null,
  };
}
