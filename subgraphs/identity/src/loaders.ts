import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { entityLoader } from '@bianmin/kit';
import { Account } from './modules/account/account.entity.js';
import { staffMembersByIds, type StaffMember } from './modules/account/staff-members.js';
import { Organization } from './modules/organization/organization.entity.js';
import { Person } from './modules/person/person.entity.js';

/** Per-request loaders: every entity reference costs one query per batch. */
export function createLoaders(em: EntityManager) {
  return {
    person: entityLoader(em, Person, 'id'),
    account: entityLoader(em, Account, 'id'),
    organization: entityLoader(em, Organization, 'code'),
    /** Account id → the staff member (with the person's name), null for anyone else. */
    staffMember: new DataLoader<string, StaffMember | null>(
      async (ids) => {
        const members = await staffMembersByIds(em, ids);
        return ids.map((id) => members.get(id) ?? null);
      },
      { maxBatchSize: 500 },
    ),
  };
}
export type IdentityLoaders = ReturnType<typeof createLoaders>;
