import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { IdType } from './id-number.js';

/**
 * 自然人 — a person the city knows: a resident, or a member of staff. One person per identity
 * document (type + number); their personal data is masked wherever it is read (`@sensitive`).
 */
export const Person = defineEntity({
  name: 'Person',
  tableName: 'person',
  uniques: [{ name: 'person_id_type_id_number_unique', properties: ['idType', 'idNumber'] }],
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(100),
    idType: p.string().length(32).$type<IdType>(),
    /** Normalised: upper case, no spaces. */
    idNumber: p.string().length(32),
    /** Mainland mobile number, 11 digits. */
    phone: p.string().length(20).nullable(),
    address: p.string().length(200).nullable(),
    /** YYYY-MM-DD; derived from the number for resident ID cards. */
    dateOfBirth: p.string().length(10).nullable(),
    /** Community (社区) code of the four-level location, when known. */
    communityCode: p.string().length(20).nullable().index(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    /**
     * Set when an approved deletion request anonymised the person: the name is 已注销用户, the
     * contact data is gone and `idNumber` holds a keyed one-way marker (see deletion.service.ts).
     */
    anonymisedAt: p.datetime().nullable(),
  },
});
export type Person = InferEntity<typeof Person>;
