import { leaseEntities, outboxEntities } from '@bianmin/kit';
import { applicationEntities } from '../modules/application/entities.js';
import { calendarEntities } from '../modules/calendar/entities.js';
import { rulesEntities } from '../modules/rules/entities.js';
import { workflowEntities } from '../modules/workflow/entities.js';

/** Every entity the affairs subgraph owns, by module, and the kit's outbox and leases. */
export const entities = [
  ...applicationEntities,
  ...calendarEntities,
  ...workflowEntities,
  ...rulesEntities,
  ...outboxEntities,
  ...leaseEntities,
];
