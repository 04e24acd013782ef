import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Why a person's unmasked data was looked at: themself, or a declared staff purpose. */
export const ACCESS_PURPOSES = [
  'SELF',
  'CASE_HANDLING',
  'IDENTITY_CHECK',
  'LEGAL_REQUEST',
  'LICENCE_ISSUANCE',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/**
 * 查询记录 — one reveal of a person's unmasked data: who (account, roles and department at the
 * time), whose, which field, why (kind, reference, note), when, the request id and client IP.
 * Written before the value is returned — no record, no value — and append-only: the migration
 * adds triggers that refuse UPDATE and DELETE on this table.
 */
export const PersonalDataAccess = defineEntity({
  name: 'PersonalDataAccess',
  tableName: 'personal_data_access',
  indexes: [
    { name: 'personal_data_access_person_id_created_at_index', properties: ['personId', 'createdAt'] },
  ],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36).index(),
    accessorAccountId: p.string().length(36).index(),
    /** The accessor's roles when they looked (roles change; the record must not). */
    accessorRoles: p.json<string[]>(),
    /** The role that allowed the reveal (`department-staff`, `supervisor`); null for the person. */
    accessorRole: p.string().length(32).nullable(),
    /** The accessor's department (organization code) when they looked. */
    accessorDepartment: p.string().length(16).nullable(),
    /** The person the accessor account belongs to: `self` is accessorPersonId = personId. */
    accessorPersonId: p.string().length(36).nullable(),
    field: p.string().length(16),
    purposeKind: p.string().length(20).$type<AccessPurpose>(),
    /** The case, application or request the purpose names (1–64 characters); null for SELF. */
    purposeReference: p.string().length(64).nullable(),
    /** Free text from the accessor, at most 200 characters; for auditors only. */
    purposeNote: p.string().length(200).nullable(),
    requestId: p.string().length(64),
    clientIp: p.string().length(45).nullable(),
    createdAt: p.datetime().index(),
  },
});
export type PersonalDataAccess = InferEntity<typeof PersonalDataAccess>;
