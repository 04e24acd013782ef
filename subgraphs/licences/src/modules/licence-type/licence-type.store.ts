import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { LicenceType } from './licence-type.entity.js';
import { metadataOf, type LicenceTypeDefinition } from './licence-type.model.js';
import { LICENCE_TYPES } from './licence-type.seed-data.js';

const rowOf = (t: LicenceTypeDefinition, sortOrder: number, at: Date) => ({
  code: t.code,
  nameZh: t.name.zh,
  nameEn: t.name.en,
  authorityCode: t.authority.code,
  authorityNameZh: t.authority.zh,
  authorityNameEn: t.authority.en,
  metadata: metadataOf(t),
  fields: t.fields,
  validity: t.validity,
  issuedOnApprovalOf: t.issuedOnApprovalOf,
  approvalDateField: t.approvalDateField ?? null,
  sortOrder,
  updatedAt: at,
});

/**
 * Load the licence type catalogue: insert new types, bring existing ones up to date (the seed is
 * the source of truth for types; licences keep the name and fields they were issued with).
 */
export async function seedLicenceTypes(em: EntityManager, at = new Date()): Promise<number> {
  const rows = LICENCE_TYPES.map((t, i) => rowOf(t, i + 1, at));
  await (em as SqlEntityManager)
    .createQueryBuilder(LicenceType)
    .insert(rows)
    .onConflict('code')
    .merge([
      'nameZh',
      'nameEn',
      'authorityCode',
      'authorityNameZh',
      'authorityNameEn',
      'metadata',
      'fields',
      'validity',
      'issuedOnApprovalOf',
      'approvalDateField',
      'sortOrder',
      'updatedAt',
    ])
    .execute('run');
  return rows.length;
}

export const allLicenceTypes = (em: EntityManager) =>
  em.find(LicenceType, {}, { orderBy: { sortOrder: 'asc' } });

/** The type an approval of `itemCode` issues, if any (at most one: see the seed test). */
export async function typeIssuedOnApprovalOf(
  em: EntityManager,
  itemCode: string,
): Promise<LicenceType | null> {
  const types = await allLicenceTypes(em);
  return types.find((t) => t.issuedOnApprovalOf.includes(itemCode)) ?? null;
}
