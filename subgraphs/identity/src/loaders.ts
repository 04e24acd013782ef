import type { EntityManager } from '@mikro-orm/core';
import { entityLoader } from '@bianmin/kit';
import { Account } from './modules/account/account.entity.js';
import { Organization } from './modules/organization/organization.entity.js';
import { Person } from './modules/person/person.entity.js';

/** Per-request loaders: every entity reference costs one query per batch. */
export function createLoaders(em: EntityManager) {
  return {
    person: entityLoader(em, Person, 'id'),
    account: entityLoader(em, Account, 'id'),
    organization: entityLoader(em, Organization, 'code'),
  };
}
export type IdentityLoaders = ReturnType<typeof createLoaders>;
