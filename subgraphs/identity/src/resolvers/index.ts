import type { IdentityServices } from '../services.js';
import {
  accountResolvers,
  apiClientResolvers,
  consentResolvers,
  dataAccessRecordResolvers,
  deletionRequestResolvers,
  organizationResolvers,
  personResolvers,
  staffMemberResolvers,
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
    StaffMember: staffMemberResolvers(),
    DataAccessRecord: dataAccessRecordResolvers(),
    Consent: consentResolvers(),
    DeletionRequest: deletionRequestResolvers(),
    ApiClient: apiClientResolvers(),
    ...resultResolvers(),
  };
}
