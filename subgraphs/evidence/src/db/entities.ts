import { leaseEntities, ProcessedEvent } from '@bianmin/kit';
import { SignedCheckpoint } from '../modules/checkpoint/checkpoint.entity.js';
import { logEntities } from '../modules/log/log.entities.js';
import { PersonSecret } from '../modules/subject/person-secret.entity.js';

/** Every entity the evidence subgraph owns, and the kit's consumer markers and leases. */
export const entities = [...logEntities, PersonSecret, SignedCheckpoint, ProcessedEvent, ...leaseEntities];
