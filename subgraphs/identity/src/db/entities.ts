import { outboxEntities } from '@bianmin/kit';
import { Account } from '../modules/account/account.entity.js';
import { ApiClient } from '../modules/api-client/api-client.entity.js';
import { CaseFile } from '../modules/case-file/case-file.entity.js';
import { ConsentRecord } from '../modules/consent/consent-record.entity.js';
import { DeletionRequest } from '../modules/deletion/deletion-request.entity.js';
import { Organization } from '../modules/organization/organization.entity.js';
import { PersonalDataAccess } from '../modules/personal-data/personal-data-access.entity.js';
import { Person } from '../modules/person/person.entity.js';
import { AccountSession, RefreshToken } from '../modules/session/session.entity.js';
import { SignInChallenge } from '../modules/sign-in/challenge.entity.js';

export const entities = [
  Person,
  Account,
  Organization,
  AccountSession,
  RefreshToken,
  SignInChallenge,
  PersonalDataAccess,
  ConsentRecord,
  DeletionRequest,
  ApiClient,
  CaseFile,
  // processed_event: which affairs events the case-file consumer has handled (outbox_message comes along).
  ...outboxEntities,
];
