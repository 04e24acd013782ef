import { randomUUID } from 'node:crypto';
import type { Account } from './account.entity.js';

/**
 * A new, active account row with no second factor yet — the one shape that sign-up, staff
 * creation and the demo seed all insert.
 */
export function newAccount(fields: {
  id?: string;
  username: string | null;
  phone: string;
  passwordHash: string;
  roles: string[];
  departmentCode: string | null;
  personId: string;
  at: Date;
  totpSecret?: string | null;
  /** True for an initial password someone else chose (an administrator creating staff). */
  passwordChangeRequired?: boolean;
}): Account {
  return {
    id: fields.id ?? randomUUID(),
    username: fields.username,
    phone: fields.phone,
    passwordHash: fields.passwordHash,
    state: 'ACTIVE',
    roles: fields.roles,
    departmentCode: fields.departmentCode,
    personId: fields.personId,
    totpSecret: fields.totpSecret ?? null,
    totpEnabled: Boolean(fields.totpSecret),
    totpLastStep: null,
    totpPendingSecret: null,
    pendingRecoveryCodes: null,
    recoveryCodes: [],
    createdAt: fields.at,
    passwordChangedAt: fields.at,
    passwordChangeRequired: fields.passwordChangeRequired ?? false,
    version: 1,
  } as Account;
}
