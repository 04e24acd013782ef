import { outboxEntities } from '@bianmin/kit';
import { LicenceGrant, LicenceGrantUse } from '../modules/grant/grant.entity.js';
import { Licence, LicenceStatusChange } from '../modules/licence/licence.entity.js';
import { LicenceType } from '../modules/licence-type/licence-type.entity.js';
import { StatusList, StatusSequence } from '../modules/status-list/status-list.entity.js';

/** Every entity the licences subgraph owns, by module, and the kit's outbox. */
export const entities = [
  LicenceType,
  Licence,
  LicenceStatusChange,
  StatusSequence,
  StatusList,
  LicenceGrant,
  LicenceGrantUse,
  ...outboxEntities,
];
