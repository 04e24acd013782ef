import type { IdentityServices } from '../services.js';
import {
  accountResolvers,
  dataAccessRecordResolvers,
  organizationResolvers,
  personResolvers,
} from './entities.js';
import { mutationResolvers } from './Mutation.js';
import { queryResolvers } from './Query.js';
import { resultResolvers } from './results.js';

/** Resolvers close over the server's services (keys, hasher, throttles, clock). */
export function createResolvers(services: IdentityServices) {
  return {
    Query: queryResolvers(services),
    Mutation: mutationResolvers(services),
    Account: accountResolvers(),
    Person: personResolvers(),
    Organization: organizationResolvers(),
    DataAccessRecord: dataAccessRecordResolvers(),
    ...resultResolvers(),
  };
}
