import type { EntityManager } from '@mikro-orm/core';
import { entityLoader, groupLoader } from '@bianmin/kit';
import { LicenceGrantUse } from './modules/grant/grant.entity.js';
import { Licence, LicenceStatusChange } from './modules/licence/licence.entity.js';
import { LicenceType } from './modules/licence-type/licence-type.entity.js';

/** Per-request loaders: every reference and every list under an entity costs one query per batch. */
export function createLoaders(em: EntityManager) {
  return {
    licence: entityLoader(em, Licence, 'id'),
    licenceType: entityLoader(em, LicenceType, 'code'),
    historyOf: groupLoader(
      (ids: readonly string[]) =>
        em.find(LicenceStatusChange, { licenceId: { $in: [...ids] } }, { orderBy: { seq: 'asc' } }),
      (row) => row.licenceId,
    ),
    usesOf: groupLoader(
      (ids: readonly string[]) =>
        em.find(LicenceGrantUse, { grantId: { $in: [...ids] } }, { orderBy: { at: 'desc', id: 'asc' } }),
      (row) => row.grantId,
    ),
  };
}
export type LicencesLoaders = ReturnType<typeof createLoaders>;
