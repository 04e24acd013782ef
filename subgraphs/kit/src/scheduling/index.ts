export { Lease } from './lease.entity.js';
export { releaseLease, renewLease, tryAcquireLease, type LeaseClock } from './lease.js';
export { runExclusively, type ExclusiveJob, type RunExclusivelyOptions } from './run-exclusively.js';
import { Lease } from './lease.entity.js';

/** Add to a subgraph's ORM entities to get the `lease` table in its migrations. */
export const leaseEntities = [Lease];
